<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Spine label (书标)</source>
      <translation>书标</translation>
    </message>
    <message>
      <source>Barcode label</source>
      <translation>条码标签</translation>
    </message>
    <message>
      <source>Spine + barcode</source>
      <translation>书标 + 条码</translation>
    </message>
    <message>
      <source>Reader card</source>
      <translation>读者证</translation>
    </message>
  </context>
</TS>
