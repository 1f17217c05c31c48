<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Union catalogue</source>
      <translation>联合目录</translation>
    </message>
    <message>
      <source>Copy-cataloguing targets (Z39.50/SRU)</source>
      <translation>套录书目源（Z39.50/SRU）</translation>
    </message>
    <message>
      <source>Search the copy-cataloguing targets</source>
      <translation>检索套录书目源</translation>
    </message>
    <message>
      <source>Import a MARC file for the county</source>
      <translation>为全县导入 MARC 文件（统一文献采编）</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>检索</translation>
    </message>
    <message>
      <source>title, author, pinyin initials, ISBN or barcode</source>
      <translation>题名、责任者、拼音首字母、ISBN 或条码</translation>
    </message>
    <message>
      <source>{n} records</source>
      <translation>{n} 条书目</translation>
    </message>
    <message>
      <source>only the first {n}</source>
      <translation>仅显示前 {n} 条</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>题名</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>责任者</translation>
    </message>
    <message>
      <source>Publisher</source>
      <translation>出版者</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>出版年</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>分类号</translation>
    </message>
    <message>
      <source>Copies</source>
      <translation>复本</translation>
    </message>
    <message>
      <source>Available</source>
      <translation>在架</translation>
    </message>
  </context>
</TS>
