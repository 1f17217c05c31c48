<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Database ready.</source>
      <translation>数据库已就绪。</translation>
    </message>
    <message>
      <source>create or migrate the county database</source>
      <translation>创建或升级县馆数据库</translation>
    </message>
    <message>
      <source>seed the demo county</source>
      <translation>导入演示县数据</translation>
    </message>
    <message>
      <source>size of the demo county</source>
      <translation>演示县的规模</translation>
    </message>
    <message>
      <source>demo random seed</source>
      <translation>演示数据随机种子</translation>
    </message>
    <message>
      <source>mark this server as a training server</source>
      <translation>将此服务器标记为培训服务器</translation>
    </message>
    <message>
      <source>Demo county: {branches} branches, {items} copies, {readers} readers.</source>
      <translation>演示县：{branches} 个馆点，{items} 册，{readers} 位读者。</translation>
    </message>
  </context>
</TS>
