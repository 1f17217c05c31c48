<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Loans</source>
      <translation>借出册次</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>到馆人次</translation>
    </message>
    <message>
      <source>Registered readers</source>
      <translation>注册读者</translation>
    </message>
    <message>
      <source>New readers</source>
      <translation>新办证读者</translation>
    </message>
    <message>
      <source>New items</source>
      <translation>新增藏量</translation>
    </message>
    <message>
      <source>Holdings</source>
      <translation>馆藏</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>活动场次</translation>
    </message>
    <message>
      <source>Attendance</source>
      <translation>参加人次</translation>
    </message>
    <message>
      <source>Loans per month</source>
      <translation>每月借阅量</translation>
    </message>
    <message>
      <source>Evaluation indicators per resident</source>
      <translation>人均评估指标</translation>
    </message>
    <message>
      <source>Service population</source>
      <translation>服务人口</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
  </context>
</TS>
