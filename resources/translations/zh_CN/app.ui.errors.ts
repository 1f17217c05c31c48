<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The database is damaged</source>
      <translation>数据库已损坏</translation>
    </message>
    <message>
      <source>Something went wrong</source>
      <translation>出错了</translation>
    </message>
    <message>
      <source>Shuwu hit an unexpected error. Your saved work is safe. Please copy the details below and send them to the county library.</source>
      <translation>书屋遇到意外错误。已保存的数据是安全的。请复制下方详细信息并发送给县图书馆。</translation>
    </message>
    <message>
      <source>Error report</source>
      <translation>错误报告</translation>
    </message>
    <message>
      <source>Cannot do that</source>
      <translation>无法完成操作</translation>
    </message>
  </context>
</TS>
