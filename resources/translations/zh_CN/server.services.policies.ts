<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>{field} must be a whole number from {low} to {high}.</source>
      <translation>{field} 必须是 {low} 到 {high} 之间的整数。</translation>
    </message>
    <message>
      <source>The text is too long (at most {n} characters).</source>
      <translation>文字太长（最多 {n} 个字符）。</translation>
    </message>
    <message>
      <source>A reader type is a short lower-case code such as adult or child.</source>
      <translation>读者类型是简短的小写代码，例如 adult 或 child。</translation>
    </message>
    <message>
      <source>Nothing changed.</source>
      <translation>没有任何改动。</translation>
    </message>
    <message>
      <source>The window ends before it starts.</source>
      <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
      <source>No such amnesty window.</source>
      <translation>没有这个免扣期。</translation>
    </message>
    <message>
      <source>Give the window's first and last day as YYYY-MM-DD.</source>
      <translation>请按 YYYY-MM-DD 填写起止日期。</translation>
    </message>
  </context>
</TS>
