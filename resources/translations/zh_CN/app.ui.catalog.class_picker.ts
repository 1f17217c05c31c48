<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Choose a 中图法 class</source>
      <translation>选择中图法分类</translation>
    </message>
    <message>
      <source>Type a class number (S83), words of the caption (家禽) or pinyin (jiaqin, jq).</source>
      <translation>输入分类号（S83）、类名中的词（家禽）或拼音（jiaqin、jq）。</translation>
    </message>
    <message>
      <source>Search the 中图法 classes</source>
      <translation>检索中图法类目</translation>
    </message>
    <message>
      <source>Matching classes</source>
      <translation>匹配的类目</translation>
    </message>
    <message>
      <source>No class matches. Try fewer characters or the number.</source>
      <translation>没有匹配的类目。请少输几个字，或输入分类号。</translation>
    </message>
    <message>
      <source>{n} classes shown.</source>
      <translation>显示 {n} 个类目。</translation>
    </message>
  </context>
</TS>
