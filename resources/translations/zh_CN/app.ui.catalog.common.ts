<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>on shelf</source>
      <translation>在架</translation>
    </message>
    <message>
      <source>on loan</source>
      <translation>借出</translation>
    </message>
    <message>
      <source>in transit</source>
      <translation>在途</translation>
    </message>
    <message>
      <source>missing</source>
      <translation>丢失待查</translation>
    </message>
    <message>
      <source>lost</source>
      <translation>遗失</translation>
    </message>
    <message>
      <source>withdrawn</source>
      <translation>已剔除</translation>
    </message>
    <message>
      <source>damaged</source>
      <translation>损坏</translation>
    </message>
  </context>
</TS>
