<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>database URL: sqlite:///FILE or postgresql+psycopg://… (default: $SHUWU_SERVER_DB or ./shuwu-server.db)</source>
      <translation>数据库地址：sqlite:///文件 或 postgresql+psycopg://…（默认：$SHUWU_SERVER_DB 或 ./shuwu-server.db）</translation>
    </message>
  </context>
</TS>
