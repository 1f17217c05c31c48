<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The population must be a whole number from 0 to 100,000,000.</source>
      <translation>服务人口必须是 0 到 100,000,000 之间的整数。</translation>
    </message>
    <message>
      <source>The new-books target must be a number of books per person from 0 to 100.</source>
      <translation>人均新书目标必须是 0 到 100 之间的数（册/人）。</translation>
    </message>
  </context>
</TS>
