<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>TRAINING MODE — practice data, never synced to the county</source>
      <translation>培训模式 — 练习数据，永不同步到县馆</translation>
    </message>
    <message>
      <source>Sections</source>
      <translation>功能栏目</translation>
    </message>
    <message>
      <source>Shuwu Library</source>
      <translation>书屋图书管理</translation>
    </message>
    <message>
      <source>The {section} section is not built yet in this version.</source>
      <translation>“{section}”功能在本版本中尚未完成。</translation>
    </message>
    <message>
      <source>Not connected</source>
      <translation>未连接</translation>
    </message>
    <message>
      <source>Branch: {name}</source>
      <translation>馆点：{name}</translation>
    </message>
    <message>
      <source>Online</source>
      <translation>在线</translation>
    </message>
    <message>
      <source>Offline</source>
      <translation>离线</translation>
    </message>
    <message>
      <source>Unsent operations: {count}</source>
      <translation>待上传操作：{count}</translation>
    </message>
    <message>
      <source>not enrolled</source>
      <translation>未登记</translation>
    </message>
    <message>
      <source>Training date: {date}</source>
      <translation>培训日期：{date}</translation>
    </message>
    <message>
      <source>Training</source>
      <translation>培训</translation>
    </message>
  </context>
</TS>
