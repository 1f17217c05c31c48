<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Reading records</source>
      <translation>正在读取记录</translation>
    </message>
    <message>
      <source>the record cannot be stored (too long or damaged)</source>
      <translation>记录无法保存（过长或已损坏）</translation>
    </message>
    <message>
      <source>Choose merge or skip for records already in the catalogue.</source>
      <translation>对已在书目中的记录，请选择合并或跳过。</translation>
    </message>
    <message>
      <source>Saving records</source>
      <translation>正在保存记录</translation>
    </message>
    <message>
      <source>This record no longer exists.</source>
      <translation>该书目记录已不存在。</translation>
    </message>
    <message>
      <source>The file is too large to import at once.</source>
      <translation>文件太大，无法一次导入。</translation>
    </message>
    <message>
      <source>shares its ISBN with {count} record(s) of another title or volume; kept separate</source>
      <translation>与 {count} 条不同题名或分辑的记录 ISBN 相同，作为单独记录保留</translation>
    </message>
    <message>
      <source>{count} record(s) cannot be imported ({listed}). Nothing was imported.</source>
      <translation>{count} 条记录无法导入（{listed}）。没有导入任何记录。</translation>
    </message>
    <message>
      <source>No record of the file can be imported (record {number}: {reason}). Nothing was imported.</source>
      <translation>文件中没有可导入的记录（第 {number} 条：{reason}）。没有导入任何记录。</translation>
    </message>
    <message>
      <source>Unknown format {fmt}; use cnmarc or marc21.</source>
      <translation>未知格式 {fmt}，请使用 cnmarc 或 marc21。</translation>
    </message>
    <message>
      <source>Unknown syntax {syntax}; use iso2709 or marcxml.</source>
      <translation>未知的格式 {syntax}；请用 iso2709 或 marcxml。</translation>
    </message>
    <message>
      <source>Cannot read {path}: {reason}</source>
      <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
      <source>record {number}: {reason}</source>
      <translation>第 {number} 条：{reason}</translation>
    </message>
    <message>
      <source>Writing records</source>
      <translation>正在写入记录</translation>
    </message>
    <message>
      <source>Cannot write {path}: {reason}</source>
      <translation>无法写入 {path}：{reason}</translation>
    </message>
  </context>
</TS>
