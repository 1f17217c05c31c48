<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The county server cannot be reached. Work continues offline; sync later.</source>
      <translation>连不上县馆服务器。可以继续离线工作，稍后再同步。</translation>
    </message>
    <message>
      <source>Enter the county server address.</source>
      <translation>请输入县馆服务器地址。</translation>
    </message>
    <message>
      <source>The county server no longer accepts this computer (its access was revoked or it is not enrolled). Ask the county library for a new enrolment code.</source>
      <translation>县馆服务器不再接受本机（访问权限已被撤销或本机未登记）。请向县馆索取新的登记码。</translation>
    </message>
    <message>
      <source>{url} answers, but it is not a Shuwu county server. Check the address with the county library.</source>
      <translation>{url} 有响应，但不是书屋县馆服务器。请向县馆核对地址。</translation>
    </message>
    <message>
      <source>{url} is not a web address (it must start with http:// or https://).</source>
      <translation>{url} 不是网址（应以 http:// 或 https:// 开头）。</translation>
    </message>
    <message>
      <source>The county server refused the request: {message}</source>
      <translation>县馆服务器拒绝了请求：{message}</translation>
    </message>
  </context>
</TS>
