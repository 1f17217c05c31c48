<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Device</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>Device name</source>
      <translation>设备名称</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
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
      <source>waiting for enrolment</source>
      <translation>等待注册</translation>
    </message>
    <message>
      <source>Enrolled at</source>
      <translation>注册时间</translation>
    </message>
    <message>
      <source>Last sync</source>
      <translation>最近同步</translation>
    </message>
    <message>
      <source>Clock offset</source>
      <translation>时钟偏差</translation>
    </message>
    <message>
      <source>Epoch</source>
      <translation>纪元</translation>
    </message>
    <message>
      <source>pending: no operation of this epoch received yet</source>
      <translation>待生效：尚未收到此纪元的操作</translation>
    </message>
    <message>
      <source>Operations received</source>
      <translation>已收到的操作</translation>
    </message>
    <message>
      <source>Revoke this device</source>
      <translation>停用此设备</translation>
    </message>
    <message>
      <source>One-time enrolment code</source>
      <translation>一次性注册码</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>服务器地址</translation>
    </message>
    <message>
      <source>Valid until (Beijing time)</source>
      <translation>有效期至（北京时间）</translation>
    </message>
    <message>
      <source>Print slip (A4)</source>
      <translation>打印注册单（A4）</translation>
    </message>
    <message>
      <source>Print slip (A5)</source>
      <translation>打印注册单（A5）</translation>
    </message>
    <message>
      <source>Refused operations</source>
      <translation>县馆拒绝的操作</translation>
    </message>
    <message>
      <source>Seq</source>
      <translation>序号</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Received at</source>
      <translation>收到时间</translation>
    </message>
    <message>
      <source>None.</source>
      <translation>无。</translation>
    </message>
  </context>
</TS>
