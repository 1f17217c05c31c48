<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The database could not be changed: {reason}. Nothing was saved.</source>
      <translation>无法修改数据库：{reason}。没有保存任何内容。</translation>
    </message>
  </context>
</TS>
