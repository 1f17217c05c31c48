<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Shuwu (书屋): library desktop tool for village bookrooms</source>
      <translation>书屋：农家书屋图书管理工具</translation>
    </message>
    <message>
      <source>Unexpected error: {error}</source>
      <translation>意外错误：{error}</translation>
    </message>
    <message>
      <source>The database could not be changed: {reason}. Nothing was saved.</source>
      <translation>无法修改数据库：{reason}。没有保存任何内容。</translation>
    </message>
    <message>
      <source>Error: {message}</source>
      <translation>错误：{message}</translation>
    </message>
  </context>
</TS>
