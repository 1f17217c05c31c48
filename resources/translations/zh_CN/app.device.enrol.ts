<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>This is a training profile: it never syncs with the county's real server. Ask the trainer for the classroom server's enrolment code.</source>
      <translation>这是培训数据，永远不会和县馆的正式服务器同步。请向培训老师要教室服务器的登记码。</translation>
    </message>
    <message>
      <source>That server is a training server. A real branch never syncs with it; check the server address in the sync settings.</source>
      <translation>该服务器是培训服务器，正式馆点不能和它同步。请检查同步设置里的服务器地址。</translation>
    </message>
    <message>
      <source>Enter the enrolment code from the county library.</source>
      <translation>请输入县馆提供的登记码。</translation>
    </message>
  </context>
</TS>
