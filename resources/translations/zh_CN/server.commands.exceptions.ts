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
  </context>
</TS>
