<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>No such reader.</source>
      <translation>没有这位读者。</translation>
    </message>
    <message>
      <source>handled by staff</source>
      <translation>已由工作人员处理</translation>
    </message>
    <message>
      <source>No exception {uuid}</source>
      <translation>没有异常 {uuid}</translation>
    </message>
  </context>
</TS>
