<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Give a reason for the points correction.</source>
      <translation>请填写积分调整的原因。</translation>
    </message>
    <message>
      <source>The amnesty ends before it starts.</source>
      <translation>免扣积分的结束日期早于开始日期。</translation>
    </message>
    <message>
      <source>{days} days overdue</source>
      <translation>逾期 {days} 天</translation>
    </message>
  </context>
</TS>
