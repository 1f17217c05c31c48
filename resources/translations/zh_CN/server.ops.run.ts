<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>This sequence number already holds another operation; start a new epoch</source>
      <translation>此序号已被另一项操作占用，请开始新的纪元</translation>
    </message>
    <message>
      <source>This operation id was already used for different content</source>
      <translation>此操作编号已用于不同的内容</translation>
    </message>
  </context>
</TS>
