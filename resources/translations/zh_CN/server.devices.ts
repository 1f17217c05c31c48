<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>This enrolment code is not valid. Check it with the county library.</source>
      <translation>注册码无效，请向县馆核对。</translation>
    </message>
    <message>
      <source>This enrolment code was already used. Ask the county library for a new one.</source>
      <translation>此注册码已被使用，请向县馆申请新的注册码。</translation>
    </message>
    <message>
      <source>This enrolment code has expired. Ask the county library for a new one.</source>
      <translation>此注册码已过期，请向县馆申请新的注册码。</translation>
    </message>
    <message>
      <source>This enrolment code was withdrawn.</source>
      <translation>此注册码已作废。</translation>
    </message>
    <message>
      <source>No branch with code {code}</source>
      <translation>没有代码为 {code} 的馆点</translation>
    </message>
    <message>
      <source>No device {id}</source>
      <translation>没有设备 {id}</translation>
    </message>
  </context>
</TS>
