<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The county server sent a damaged catalogue page.</source>
      <translation>县馆服务器发来的目录数据有损坏。</translation>
    </message>
    <message>
      <source>Indexing the catalogue for search</source>
      <translation>正在为目录建立检索索引</translation>
    </message>
    <message>
      <source>Receiving the county copies</source>
      <translation>正在接收县馆馆藏索引</translation>
    </message>
    <message>
      <source>Receiving the county catalogue</source>
      <translation>正在接收县馆目录</translation>
    </message>
  </context>
</TS>
