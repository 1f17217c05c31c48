<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>print one JSON object instead of text</source>
      <translation>输出一个 JSON 对象而不是文字</translation>
    </message>
  </context>
</TS>
