<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Cannot open the profile</source>
      <translation>无法打开数据文件夹</translation>
    </message>
  </context>
</TS>
