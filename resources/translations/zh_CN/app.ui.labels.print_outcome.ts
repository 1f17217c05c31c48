<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Did the labels print well?</source>
      <translation>标签打印得好吗？</translation>
    </message>
    <message>
      <source>Scan a badly printed label</source>
      <translation>扫描打印失败的标签</translation>
    </message>
    <message>
      <source>Scan a badly printed label to tick it</source>
      <translation>扫描打印失败的标签即可勾选</translation>
    </message>
    <message>
      <source>Printed labels</source>
      <translation>已打印的标签</translation>
    </message>
    <message>
      <source>Done: mark the others printed</source>
      <translation>完成：其余标记为已打印</translation>
    </message>
    <message>
      <source>Not now (mark nothing)</source>
      <translation>暂不（不做标记）</translation>
    </message>
    <message>
      <source>{n} labels were sent to the printer. Tick (or scan) the ones that came out wrong: they wait for 补缺打印. The others are marked printed.</source>
      <translation>已向打印机发送 {n} 张标签。请勾选（或扫描）打印失败的标签：它们将等待补缺打印，其余标记为已打印。</translation>
    </message>
    <message>
      <source>{code} was not in this print run.</source>
      <translation>{code} 不在本次打印中。</translation>
    </message>
    <message>
      <source>{code} will be printed again.</source>
      <translation>{code} 将重新打印。</translation>
    </message>
  </context>
</TS>
