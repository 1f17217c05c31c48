<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Enter the enrolment code from the county library.</source>
      <translation>请输入县馆提供的登记码。</translation>
    </message>
  </context>
</TS>
