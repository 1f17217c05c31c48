<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>list the operations the county server refused</source>
      <translation>列出县馆服务器拒绝的操作</translation>
    </message>
    <message>
      <source>The county server refused no operations.</source>
      <translation>县馆服务器没有拒绝任何操作。</translation>
    </message>
  </context>
</TS>
