<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The county server cannot be reached.</source>
      <translation>无法连接县馆服务器。</translation>
    </message>
  </context>
</TS>
