<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Branches</source>
      <translation>各馆点</translation>
    </message>
    <message>
      <source>Filed</source>
      <translation>登记时间</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>单册</translation>
    </message>
    <message>
      <source>home</source>
      <translation>所属</translation>
    </message>
    <message>
      <source>now at</source>
      <translation>当前在</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>resolved</source>
      <translation>已处理</translation>
    </message>
    <message>
      <source>by {name}</source>
      <translation>处理人 {name}</translation>
    </message>
    <message>
      <source>open</source>
      <translation>待处理</translation>
    </message>
    <message>
      <source>Timeline of the copy</source>
      <translation>该册图书的流通时间线</translation>
    </message>
    <message>
      <source>Corrected time is the county server's time; the device clock is what the PC showed.</source>
      <translation>校正时间以县馆服务器时间为准；设备时钟是该电脑当时显示的时间。</translation>
    </message>
    <message>
      <source>Times in Beijing time.</source>
      <translation>时间为北京时间。</translation>
    </message>
    <message>
      <source>Corrected time</source>
      <translation>校正时间</translation>
    </message>
    <message>
      <source>Device clock</source>
      <translation>设备时钟</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>事件</translation>
    </message>
    <message>
      <source>Branch</source>
      <translation>馆点</translation>
    </message>
    <message>
      <source>Device</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>Reader</source>
      <translation>读者</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>show</source>
      <translation>显示</translation>
    </message>
    <message>
      <source>Resolve</source>
      <translation>处理</translation>
    </message>
    <message>
      <source>Note (what was done)</source>
      <translation>备注（如何处理）</translation>
    </message>
    <message>
      <source>Mark resolved</source>
      <translation>标记为已处理</translation>
    </message>
    <message>
      <source>Every branch concerned sees the resolution at its next sync.</source>
      <translation>相关各馆点在下次同步时都会看到处理结果。</translation>
    </message>
  </context>
</TS>
