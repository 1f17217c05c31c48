<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>This change cannot be sent to the county server: {problem}. Correct the value and try again.</source>
      <translation>这项修改无法发送到县馆服务器：{problem}。请改正后再试。</translation>
    </message>
  </context>
</TS>
