<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Import MARC…</source>
      <translation>导入 MARC…</translation>
    </message>
    <message>
      <source>Import MARC records</source>
      <translation>导入 MARC 记录</translation>
    </message>
    <message>
      <source>No file chosen.</source>
      <translation>尚未选择文件。</translation>
    </message>
    <message>
      <source>Choose file…</source>
      <translation>选择文件…</translation>
    </message>
    <message>
      <source>Encoding</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Import summary</source>
      <translation>导入概况</translation>
    </message>
    <message>
      <source>Records in the file</source>
      <translation>文件中的记录</translation>
    </message>
    <message>
      <source>keep the catalogue's record (skip)</source>
      <translation>保留书目中的记录（跳过）</translation>
    </message>
    <message>
      <source>update it from the file (merge)</source>
      <translation>用文件内容更新（合并）</translation>
    </message>
    <message>
      <source>import nothing if any record is skipped</source>
      <translation>有记录被跳过时全部不导入</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>MARC file</source>
      <translation>MARC 文件</translation>
    </message>
    <message>
      <source>MARC files (*.iso *.mrc *.marc *.dat *.xml);;All files (*)</source>
      <translation>MARC 文件 (*.iso *.mrc *.marc *.dat *.xml);;所有文件 (*)</translation>
    </message>
    <message>
      <source>new</source>
      <translation>新记录</translation>
    </message>
    <message>
      <source>matches</source>
      <translation>匹配</translation>
    </message>
    <message>
      <source>skipped</source>
      <translation>跳过</translation>
    </message>
    <message>
      <source>automatic (by content)</source>
      <translation>自动（按内容判断）</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>序号</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>题名</translation>
    </message>
    <message>
      <source>ISBN</source>
      <translation>ISBN</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Records already in the catalogue</source>
      <translation>书目中已有的记录</translation>
    </message>
    <message>
      <source>Reading {file}…</source>
      <translation>正在读取 {file}…</translation>
    </message>
    <message>
      <source>{syntax}, {fmt}, encoding {encodings}. New: {new}, matches: {matched}, skipped: {rejected}.
Decoded titles (check they read correctly): {sample}</source>
      <translation>{syntax}，{fmt}，编码 {encodings}。新记录：{new}，匹配：{matched}，跳过：{rejected}。
解码后的题名（请确认显示正常）：{sample}</translation>
    </message>
    <message>
      <source>Imported: {created} new, {merged} merged, {skipped} skipped; {rejected} not imported, {cleaned} with cleaned fields.</source>
      <translation>已导入：新增 {created}，合并 {merged}，跳过 {skipped}；未导入 {rejected}，字段被清理 {cleaned}。</translation>
    </message>
    <message>
      <source>record {other} of this file</source>
      <translation>本文件第 {other} 条</translation>
    </message>
    <message>
      <source>matches {target}</source>
      <translation>与 {target} 匹配</translation>
    </message>
  </context>
</TS>
