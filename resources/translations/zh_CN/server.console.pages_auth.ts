<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The form expired or did not come from this console. Try again.</source>
      <translation>表单已过期或不是来自本管理台，请重试。</translation>
    </message>
    <message>
      <source>Wrong name or password.</source>
      <translation>账号或密码错误。</translation>
    </message>
  </context>
</TS>
