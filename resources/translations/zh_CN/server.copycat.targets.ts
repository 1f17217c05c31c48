<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>{url} is not a target address; use z3950://host:port/database or http://host/path for SRU</source>
      <translation>{url} 不是书目源地址；请使用 z3950://主机:端口/数据库，SRU 请使用 http://主机/路径</translation>
    </message>
    <message>
      <source>A target name is 1–64 letters, digits, '.', '-' or '_': {name}</source>
      <translation>书目源名称须为 1–64 个字母、数字、“.”、“-”或“_”：{name}</translation>
    </message>
    <message>
      <source>The record syntax must be unimarc or marc21</source>
      <translation>记录格式必须是 unimarc 或 marc21</translation>
    </message>
    <message>
      <source>The character set must be utf-8, gb18030 or marc-8</source>
      <translation>字符集必须是 utf-8、gb18030 或 marc-8</translation>
    </message>
    <message>
      <source>The timeout must be between 0.5 and 60 seconds</source>
      <translation>超时必须在 0.5 到 60 秒之间</translation>
    </message>
    <message>
      <source>A password needs a user name.</source>
      <translation>填写密码时必须同时填写用户名。</translation>
    </message>
    <message>
      <source>The user name is empty or too long</source>
      <translation>用户名为空或过长</translation>
    </message>
    <message>
      <source>A target named {name} already exists</source>
      <translation>已有名为 {name} 的书目源</translation>
    </message>
    <message>
      <source>The priority must be between -1000 and 1000</source>
      <translation>优先级必须在 -1000 到 1000 之间</translation>
    </message>
    <message>
      <source>No target named {name}</source>
      <translation>没有名为 {name} 的书目源</translation>
    </message>
  </context>
</TS>
