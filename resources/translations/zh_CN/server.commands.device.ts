<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>client devices</source>
      <translation>客户端设备</translation>
    </message>
    <message>
      <source>register a device and print its one-time enrolment code</source>
      <translation>登记设备并显示一次性注册码</translation>
    </message>
    <message>
      <source>revoke a device</source>
      <translation>停用设备</translation>
    </message>
    <message>
      <source>list devices</source>
      <translation>列出设备</translation>
    </message>
    <message>
      <source>a training device</source>
      <translation>培训用设备</translation>
    </message>
    <message>
      <source>Device {id} for branch {branch}. One-time enrolment code: {code} (valid 7 days)</source>
      <translation>设备 {id}（馆点 {branch}）。一次性注册码：{code}（7 天内有效）</translation>
    </message>
    <message>
      <source>Device {id} revoked.</source>
      <translation>设备 {id} 已停用。</translation>
    </message>
    <message>
      <source>revoked</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>enrolled</source>
      <translation>已注册</translation>
    </message>
    <message>
      <source>waiting</source>
      <translation>待注册</translation>
    </message>
  </context>
</TS>
