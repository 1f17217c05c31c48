<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Overdue reminders</source>
      <translation>催还单</translation>
    </message>
    <message>
      <source>Overdue book reminder</source>
      <translation>图书逾期催还单</translation>
    </message>
    <message>
      <source>Please return these books to any library or bookroom in the county. Thank you!</source>
      <translation>请把这些图书还到全县任何一个图书馆或农家书屋。谢谢！</translation>
    </message>
    <message>
      <source>This reader no longer exists.</source>
      <translation>这位读者已不存在。</translation>
    </message>
    <message>
      <source>No overdue books today.</source>
      <translation>今天没有逾期图书。</translation>
    </message>
    <message>
      <source>Reader: {name}    Card: {card}</source>
      <translation>读者：{name}    读者证号：{card}</translation>
    </message>
    <message>
      <source>{title}  ({barcode})  due {date}, {days} days overdue</source>
      <translation>{title}（{barcode}）应还 {date}，已逾期 {days} 天</translation>
    </message>
    <message>
      <source>… and {n} more</source>
      <translation>……另有 {n} 本</translation>
    </message>
  </context>
</TS>
