<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>needs a 中图法 class</source>
      <translation>需要中图法分类号</translation>
    </message>
    <message>
      <source>The record has no title ({field}$a).</source>
      <translation>记录没有题名（{field}$a）。</translation>
    </message>
    <message>
      <source>control characters removed from {fields}</source>
      <translation>已从 {fields} 删除控制字符</translation>
    </message>
    <message>
      <source>ISBN {isbn} is not valid; kept as an erroneous ISBN</source>
      <translation>ISBN {isbn} 无效，已作为错误 ISBN 保留</translation>
    </message>
    <message>
      <source>{tag} indicators</source>
      <translation>{tag} 指示符</translation>
    </message>
    <message>
      <source>needs a 中图法 class (has {other})</source>
      <translation>需要中图法分类号（现有 {other}）</translation>
    </message>
    <message>
      <source>{column} shortened to {limit} characters</source>
      <translation>{column} 已截短为 {limit} 个字符</translation>
    </message>
  </context>
</TS>
