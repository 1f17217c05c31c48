<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Shuwu enrolment slip</source>
      <translation>书屋设备注册单</translation>
    </message>
    <message>
      <source>One-time enrolment code</source>
      <translation>一次性注册码</translation>
    </message>
    <message>
      <source>On the village PC: enrol this computer with the server address and the code.</source>
      <translation>在村书屋电脑上：用服务器地址和注册码注册本机。</translation>
    </message>
    <message>
      <source>The code works once. Keep this slip away from readers.</source>
      <translation>注册码只能使用一次，请勿让读者看到本单。</translation>
    </message>
    <message>
      <source>Branch</source>
      <translation>馆点</translation>
    </message>
    <message>
      <source>Device number</source>
      <translation>设备编号</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>服务器地址</translation>
    </message>
    <message>
      <source>Valid until (Beijing time)</source>
      <translation>有效期至（北京时间）</translation>
    </message>
  </context>
</TS>
