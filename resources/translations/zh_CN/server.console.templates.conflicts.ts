<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Conflicts</source>
      <translation>冲突</translation>
    </message>
    <message>
      <source>Branch</source>
      <translation>馆点</translation>
    </message>
    <message>
      <source>all</source>
      <translation>全部</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Filed over</source>
      <translation>登记已超过</translation>
    </message>
    <message>
      <source>{n} days</source>
      <translation>{n} 天</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>open</source>
      <translation>待处理</translation>
    </message>
    <message>
      <source>resolved</source>
      <translation>已处理</translation>
    </message>
    <message>
      <source>Filter</source>
      <translation>筛选</translation>
    </message>
    <message>
      <source>Filed</source>
      <translation>登记时间</translation>
    </message>
    <message>
      <source>Branches</source>
      <translation>各馆点</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>摘要</translation>
    </message>
    <message>
      <source>No conflicts match.</source>
      <translation>没有符合条件的冲突。</translation>
    </message>
  </context>
</TS>
