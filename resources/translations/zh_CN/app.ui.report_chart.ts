<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Chart</source>
      <translation>图表</translation>
    </message>
    <message>
      <source>No data</source>
      <translation>暂无数据</translation>
    </message>
  </context>
</TS>
