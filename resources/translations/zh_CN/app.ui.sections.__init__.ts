<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Catalogue</source>
      <translation>编目</translation>
    </message>
    <message>
      <source>Circulation</source>
      <translation>借还</translation>
    </message>
    <message>
      <source>Readers</source>
      <translation>读者</translation>
    </message>
    <message>
      <source>Labels</source>
      <translation>标签打印</translation>
    </message>
    <message>
      <source>Sync</source>
      <translation>同步</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>统计报表</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
  </context>
</TS>
