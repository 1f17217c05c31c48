<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>list the conflicts the county filed for this branch</source>
      <translation>列出县馆为本馆登记的冲突</translation>
    </message>
    <message>
      <source>also list the resolved ones, with the county's note</source>
      <translation>也列出已处理的冲突及县馆的处理说明</translation>
    </message>
    <message>
      <source>Not resolved yet</source>
      <translation>未处理</translation>
    </message>
    <message>
      <source>Resolved {when}</source>
      <translation>已处理 {when}</translation>
    </message>
    <message>
      <source>No conflicts.</source>
      <translation>没有冲突。</translation>
    </message>
    <message>
      <source>No open conflicts.</source>
      <translation>没有待处理的冲突。</translation>
    </message>
    <message>
      <source>: {note}</source>
      <translation>：{note}</translation>
    </message>
  </context>
</TS>
