<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The file is empty. Nothing was imported.</source>
      <translation>文件是空的。没有导入任何记录。</translation>
    </message>
    <message>
      <source>This file is not a MARC (ISO 2709) file. Nothing was imported.</source>
      <translation>这不是 MARC（ISO 2709）文件。没有导入任何记录。</translation>
    </message>
    <message>
      <source>The file looks like UTF-8 but was read as GB18030; the text would be garbled. Use --encoding utf-8 or auto. Nothing was imported.</source>
      <translation>文件看起来是 UTF-8，却按 GB18030 读取，文字会变成乱码。请使用 --encoding utf-8 或 auto。没有导入任何记录。</translation>
    </message>
    <message>
      <source>Reading records</source>
      <translation>正在读取记录</translation>
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
      <source>The file is too large to import at once.</source>
      <translation>文件太大，无法一次导入。</translation>
    </message>
    <message>
      <source>Same ISBN as record {other} in this file.</source>
      <translation>与本文件第 {other} 条记录的 ISBN 相同。</translation>
    </message>
    <message>
      <source>The file ends in the middle of record {number} (it is truncated). Nothing was imported.</source>
      <translation>文件在第 {number} 条记录中间结束（文件不完整）。没有导入任何记录。</translation>
    </message>
    <message>
      <source>Record {number} of the file is damaged. Nothing was imported.</source>
      <translation>文件中第 {number} 条记录已损坏。没有导入任何记录。</translation>
    </message>
    <message>
      <source>Unknown encoding {encoding}; use auto, utf-8 or gb18030.</source>
      <translation>未知编码 {encoding}，请使用 auto、utf-8 或 gb18030。</translation>
    </message>
    <message>
      <source>The file is not in {encoding}. Choose another encoding (or auto). Nothing was imported.</source>
      <translation>文件不是 {encoding} 编码，请选择其他编码（或自动）。没有导入任何记录。</translation>
    </message>
    <message>
      <source>The records say they are UTF-8 (100$a) but {encoding} was chosen. Nothing was imported.</source>
      <translation>记录声明为 UTF-8（100$a），但选择了 {encoding}。没有导入任何记录。</translation>
    </message>
    <message>
      <source>This record no longer exists.</source>
      <translation>该书目记录已不存在。</translation>
    </message>
    <message>
      <source>Unknown format {fmt}; use cnmarc or marc21.</source>
      <translation>未知格式 {fmt}，请使用 cnmarc 或 marc21。</translation>
    </message>
    <message>
      <source>Cannot read {path}: {reason}</source>
      <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
      <source>Record {number} decodes to garbled text in {encoding}. Check the file's encoding. Nothing was imported.</source>
      <translation>第 {number} 条记录按 {encoding} 解码后是乱码，请检查文件编码。没有导入任何记录。</translation>
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
