<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Reader</source>
      <translation>读者</translation>
    </message>
    <message>
      <source>This unmasking was recorded in the audit log.</source>
      <translation>本次查看完整信息已记入审计日志。</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Branch</source>
      <translation>馆点</translation>
    </message>
    <message>
      <source>Reader type</source>
      <translation>读者类型</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>返回</translation>
    </message>
  </context>
</TS>
