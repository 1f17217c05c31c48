<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>open the app on a demo county served from this computer</source>
      <translation>在本机运行演示县服务器并打开程序</translation>
    </message>
    <message>
      <source>prepare and sync the demo, then stop</source>
      <translation>只准备并同步演示数据，不打开窗口</translation>
    </message>
    <message>
      <source>demo branch code to play</source>
      <translation>演示时扮演的馆点代码</translation>
    </message>
    <message>
      <source>Preparing the demo county (the first time takes a minute)…</source>
      <translation>正在准备演示县（第一次大约需要一分钟）…</translation>
    </message>
    <message>
      <source>County console: {url} (login admin, password {password})</source>
      <translation>县馆管理台：{url}（账号 admin，密码 {password}）</translation>
    </message>
    <message>
      <source>Demo ready in {home} (server {url}).</source>
      <translation>演示已就绪：{home}（服务器 {url}）。</translation>
    </message>
  </context>
</TS>
