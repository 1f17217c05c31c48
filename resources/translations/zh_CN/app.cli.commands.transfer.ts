<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>transfers (调拨) between branches</source>
      <translation>馆点之间的调拨</translation>
    </message>
    <message>
      <source>send copies to another branch</source>
      <translation>把图书发往其他馆点</translation>
    </message>
    <message>
      <source>receive copies by barcode</source>
      <translation>按条码接收图书</translation>
    </message>
    <message>
      <source>list transfers</source>
      <translation>列出调拨单</translation>
    </message>
    <message>
      <source>receive copies no known transfer announced (the sender may not have synced)</source>
      <translation>接收没有调拨记录的图书（发出的馆点可能还没有同步）</translation>
    </message>
    <message>
      <source>{uuid}: {src} → {dst}, {status}, {count} copies, {received} received</source>
      <translation>{uuid}：{src} → {dst}，{status}，共 {count} 册，已接收 {received} 册</translation>
    </message>
    <message>
      <source>No transfers.</source>
      <translation>没有调拨单。</translation>
    </message>
    <message>
      <source>Run the command again with --yes to receive it.</source>
      <translation>确认要接收，请加上 --yes 再运行一次命令。</translation>
    </message>
  </context>
</TS>
