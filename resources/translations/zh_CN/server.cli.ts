<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Shuwu county server</source>
      <translation>书屋县馆服务器</translation>
    </message>
    <message>
      <source>The database is not set up; run shuwu-server init first</source>
      <translation>数据库尚未建立，请先运行 shuwu-server init</translation>
    </message>
    <message>
      <source>The database cannot be reached: {error}</source>
      <translation>无法连接数据库：{error}</translation>
    </message>
  </context>
</TS>
