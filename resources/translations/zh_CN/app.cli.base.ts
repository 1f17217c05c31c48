<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>profile folder (default: $SHUWU_HOME or the user-data folder)</source>
      <translation>数据文件夹（默认：$SHUWU_HOME 或用户数据目录）</translation>
    </message>
  </context>
</TS>
