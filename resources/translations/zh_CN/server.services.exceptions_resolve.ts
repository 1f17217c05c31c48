<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The note is too long (at most {n} characters).</source>
      <translation>备注太长（最多 {n} 个字符）。</translation>
    </message>
    <message>
      <source>No exception {uuid}</source>
      <translation>没有异常 {uuid}</translation>
    </message>
    <message>
      <source>Exception {uuid} is already resolved</source>
      <translation>异常 {uuid} 已经处理过</translation>
    </message>
  </context>
</TS>
