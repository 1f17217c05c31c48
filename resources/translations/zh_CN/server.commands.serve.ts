<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>run the county server</source>
      <translation>运行县馆服务器</translation>
    </message>
    <message>
      <source>address to listen on</source>
      <translation>监听地址</translation>
    </message>
    <message>
      <source>port to listen on</source>
      <translation>监听端口</translation>
    </message>
  </context>
</TS>
