<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>No such record.</source>
      <translation>没有这条书目。</translation>
    </message>
  </context>
</TS>
