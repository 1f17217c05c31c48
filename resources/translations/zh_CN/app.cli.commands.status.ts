<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>show the profile's counts and sync state</source>
      <translation>显示数据统计和同步状态</translation>
    </message>
    <message>
      <source>Profile: {path}</source>
      <translation>数据文件夹：{path}</translation>
    </message>
    <message>
      <source>Branch: {name}</source>
      <translation>馆点：{name}</translation>
    </message>
    <message>
      <source>Records: {bibs}  Items: {items}  Readers: {readers}</source>
      <translation>书目：{bibs}  馆藏：{items}  读者：{readers}</translation>
    </message>
    <message>
      <source>Open loans: {loans}  Unsent operations: {pending}</source>
      <translation>在借：{loans}  待上传操作：{pending}</translation>
    </message>
    <message>
      <source>Last sync: {when}</source>
      <translation>上次同步：{when}</translation>
    </message>
    <message>
      <source>(not enrolled)</source>
      <translation>（未登记）</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未</translation>
    </message>
  </context>
</TS>
