<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The input contains characters that cannot be stored.</source>
      <translation>输入中含有无法保存的字符。</translation>
    </message>
    <message>
      <source>The form expired or did not come from this console. Try again.</source>
      <translation>表单已过期或不是来自本管理台，请重试。</translation>
    </message>
    <message>
      <source>Your session has ended. Sign in again.</source>
      <translation>登录已过期，请重新登录。</translation>
    </message>
  </context>
</TS>
