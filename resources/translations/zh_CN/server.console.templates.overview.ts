<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Overview</source>
      <translation>总览</translation>
    </message>
    <message>
      <source>Operations in the last 24 hours</source>
      <translation>最近 24 小时的操作</translation>
    </message>
    <message>
      <source>Hours in Beijing time.</source>
      <translation>时间为北京时间。</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Count</source>
      <translation>次数</translation>
    </message>
    <message>
      <source>Open conflicts by branch</source>
      <translation>各馆点待处理冲突</translation>
    </message>
    <message>
      <source>Branch</source>
      <translation>馆点</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>待处理</translation>
    </message>
    <message>
      <source>No open conflicts.</source>
      <translation>没有待处理的冲突。</translation>
    </message>
    <message>
      <source>Devices not synced for {n} days</source>
      <translation>超过 {n} 天未同步的设备</translation>
    </message>
    <message>
      <source>Days</source>
      <translation>天数</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>显示</translation>
    </message>
    <message>
      <source>Device</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>Device name</source>
      <translation>设备名称</translation>
    </message>
    <message>
      <source>Last sync</source>
      <translation>最近同步</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未</translation>
    </message>
    <message>
      <source>Every enrolled device synced recently.</source>
      <translation>所有已注册设备近期都已同步。</translation>
    </message>
  </context>
</TS>
