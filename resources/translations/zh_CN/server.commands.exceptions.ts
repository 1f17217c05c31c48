<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>list the conflicts staff must resolve</source>
      <translation>列出需要工作人员处理的冲突</translation>
    </message>
    <message>
      <source>No open exceptions.</source>
      <translation>没有待处理的异常。</translation>
    </message>
    <message>
      <source>only this branch</source>
      <translation>只看此馆点</translation>
    </message>
    <message>
      <source>include resolved ones</source>
      <translation>包括已处理的</translation>
    </message>
    <message>
      <source>mark this exception as handled</source>
      <translation>将此异常标记为已处理</translation>
    </message>
    <message>
      <source>what was done (with --resolve)</source>
      <translation>处理说明（与 --resolve 一起用）</translation>
    </message>
    <message>
      <source>Exception {uuid} resolved.</source>
      <translation>异常 {uuid} 已处理。</translation>
    </message>
    <message>
      <source>handled by staff</source>
      <translation>已由工作人员处理</translation>
    </message>
  </context>
</TS>
