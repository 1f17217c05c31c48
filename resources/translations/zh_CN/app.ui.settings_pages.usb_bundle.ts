<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>No usable connection? 1. Export the unsent operations to a USB stick. 2. Take it to the township or county library, where they import it and give you a reply file. 3. Import the reply here. Nothing is lost if a stick goes missing: operations stay unsent until a reply confirms them.</source>
      <translation>没有可用的网络？1. 把未上传的操作导出到U盘。2. 把U盘带到乡镇分馆或县馆，由他们导入并给你一个回复文件。3. 在这里导入回复文件。U盘丢了也不会丢数据：在回复确认之前，这些操作一直保留为未上传。</translation>
    </message>
    <message>
      <source>&amp;Export unsent operations to a USB stick…</source>
      <translation>把未上传的操作导出到U盘(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Import the county's reply…</source>
      <translation>导入县馆的回复包(&amp;I)…</translation>
    </message>
    <message>
      <source>USB sync status</source>
      <translation>U盘同步状态</translation>
    </message>
    <message>
      <source>Save the bundle</source>
      <translation>保存同步包</translation>
    </message>
    <message>
      <source>Shuwu bundles (*.shuwu)</source>
      <translation>书屋同步包 (*.shuwu)</translation>
    </message>
    <message>
      <source>Choose the reply bundle</source>
      <translation>选择回复包</translation>
    </message>
    <message>
      <source>USB sync</source>
      <translation>U盘同步</translation>
    </message>
    <message>
      <source>{count} unsent operations written to {path}.</source>
      <translation>已把 {count} 条未上传的操作写入 {path}。</translation>
    </message>
    <message>
      <source>Reply imported: {acked} operations confirmed, {changes} changes received, {pending} still unsent.</source>
      <translation>回复包已导入：确认 {acked} 条操作，收到 {changes} 条更新，仍有 {pending} 条未上传。</translation>
    </message>
  </context>
</TS>
