<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The demo server did not start in time.</source>
      <translation>演示服务器未能及时启动。</translation>
    </message>
    <message>
      <source>The demo county has no village bookroom.</source>
      <translation>演示县里没有农家书屋。</translation>
    </message>
    <message>
      <source>The demo server could not be prepared: {detail}</source>
      <translation>无法准备演示服务器：{detail}</translation>
    </message>
    <message>
      <source>Demo computer</source>
      <translation>演示电脑</translation>
    </message>
    <message>
      <source>The demo could not enrol this profile: {reason}</source>
      <translation>演示无法登记本档案：{reason}</translation>
    </message>
    <message>
      <source>The demo server stopped at start; see {path}.</source>
      <translation>演示服务器启动时退出，请查看 {path}。</translation>
    </message>
  </context>
</TS>
