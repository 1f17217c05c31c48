<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Lost</source>
      <translation>丢失</translation>
    </message>
    <message>
      <source>Damaged</source>
      <translation>损坏</translation>
    </message>
    <message>
      <source>Withdrawn (weeded)</source>
      <translation>剔旧注销</translation>
    </message>
    <message>
      <source>Found: back on the shelf</source>
      <translation>找到：放回书架</translation>
    </message>
    <message>
      <source>Copy status</source>
      <translation>单册状态</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>单册</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>当前</translation>
    </message>
    <message>
      <source>New status</source>
      <translation>新状态</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>e.g. reader lost it; water damage; outdated</source>
      <translation>例如：读者遗失；水浸；内容过时</translation>
    </message>
    <message>
      <source>Say why, in a few words: the county sees the reason.</source>
      <translation>请简单写明原因：县馆会看到原因。</translation>
    </message>
  </context>
</TS>
