<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>open the desktop app (default)</source>
      <translation>打开桌面程序（默认）</translation>
    </message>
  </context>
</TS>
