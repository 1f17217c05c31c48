<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>This computer is not set up for a branch yet. Enrol it in Settings first.</source>
      <translation>本机尚未登记到馆点，请先在“设置”中登记。</translation>
    </message>
  </context>
</TS>
