<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The target did not accept a connection (wrong address or port, or it is down).</source>
      <translation>书目源未接受连接（地址或端口有误，或对方已停机）。</translation>
    </message>
    <message>
      <source>The target did not answer in time.</source>
      <translation>书目源未在规定时间内应答。</translation>
    </message>
    <message>
      <source>The target answered with something that is not a readable catalogue record.</source>
      <translation>书目源返回的内容不是可读的书目记录。</translation>
    </message>
    <message>
      <source>The target refused the login (check the user name and password).</source>
      <translation>书目源拒绝登录（请检查用户名和密码）。</translation>
    </message>
    <message>
      <source>The target refused the search (SRU diagnostic).</source>
      <translation>书目源拒绝了这次检索（SRU 诊断信息）。</translation>
    </message>
    <message>
      <source>The target reported an error.</source>
      <translation>书目源报告了错误。</translation>
    </message>
    <message>
      <source>Any field</source>
      <translation>任意字段</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>题名</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>责任者</translation>
    </message>
    <message>
      <source>The priority must be between -1000 and 1000</source>
      <translation>优先级必须在 -1000 到 1000 之间</translation>
    </message>
    <message>
      <source>The timeout must be between 0.5 and 60 seconds</source>
      <translation>超时必须在 0.5 到 60 秒之间</translation>
    </message>
    <message>
      <source>Not found.</source>
      <translation>未找到。</translation>
    </message>
  </context>
</TS>
