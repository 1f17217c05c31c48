<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The file is larger than 20 MB; split it and import the parts.</source>
      <translation>文件超过 20 MB，请拆分后分批导入。</translation>
    </message>
    <message>
      <source>The file has no records. Nothing was imported.</source>
      <translation>文件中没有记录，未导入任何内容。</translation>
    </message>
    <message>
      <source>Choose what to do with records already in the catalogue.</source>
      <translation>请选择如何处理目录中已有的记录。</translation>
    </message>
    <message>
      <source>This file is not a MARC file (ISO 2709 or MARCXML). Nothing was imported.</source>
      <translation>此文件不是 MARC 文件（ISO 2709 或 MARCXML）。没有导入任何记录。</translation>
    </message>
    <message>
      <source>shares its ISBN with {count} record(s) of another title or volume; kept separate</source>
      <translation>与 {count} 条不同题名或分辑的记录 ISBN 相同，作为单独记录保留</translation>
    </message>
    <message>
      <source>the record cannot be stored (too long or damaged)</source>
      <translation>记录无法保存（过长或已损坏）</translation>
    </message>
  </context>
</TS>
