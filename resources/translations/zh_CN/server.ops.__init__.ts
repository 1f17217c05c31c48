<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The clock of device {device} is off by {minutes} minutes; times were corrected</source>
      <translation>设备 {device} 的时钟偏差 {minutes} 分钟，时间已校正</translation>
    </message>
  </context>
</TS>
