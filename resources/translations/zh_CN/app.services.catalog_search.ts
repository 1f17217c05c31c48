<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Receiving the county catalogue ({percent}%)</source>
      <translation>正在接收县馆目录 ({percent}%)</translation>
    </message>
  </context>
</TS>
