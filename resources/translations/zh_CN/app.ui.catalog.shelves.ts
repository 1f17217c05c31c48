<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Shelves</source>
      <translation>书架</translation>
    </message>
    <message>
      <source>Show retired shelves</source>
      <translation>显示已停用的书架</translation>
    </message>
    <message>
      <source>New shelf code</source>
      <translation>新书架代码</translation>
    </message>
    <message>
      <source>e.g. 书架5</source>
      <translation>例如 书架5</translation>
    </message>
    <message>
      <source>New shelf name</source>
      <translation>新书架名称</translation>
    </message>
    <message>
      <source>e.g. 农业技术</source>
      <translation>例如 农业技术</translation>
    </message>
    <message>
      <source>Shelf name</source>
      <translation>书架名称</translation>
    </message>
    <message>
      <source>Choose a shelf in the list first.</source>
      <translation>请先在列表中选择一个书架。</translation>
    </message>
    <message>
      <source>Shelf {code} ({name}) added.</source>
      <translation>已添加书架 {code}（{name}）。</translation>
    </message>
    <message>
      <source>Rename shelf</source>
      <translation>重命名书架</translation>
    </message>
    <message>
      <source>Shelf {code} is now called {name}.</source>
      <translation>书架 {code} 已改名为 {name}。</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <source>Copies</source>
      <translation>复本</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Add shelf</source>
      <translation>添加书架</translation>
    </message>
    <message>
      <source>Rename…</source>
      <translation>重命名…</translation>
    </message>
    <message>
      <source>Retire</source>
      <translation>停用</translation>
    </message>
    <message>
      <source>retired</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>in use</source>
      <translation>使用中</translation>
    </message>
    <message>
      <source>in use, not yet named</source>
      <translation>使用中，尚未命名</translation>
    </message>
    <message>
      <source>Shelf {code} retired.</source>
      <translation>书架 {code} 已停用。</translation>
    </message>
    <message>
      <source>New name of shelf {code}:</source>
      <translation>书架 {code} 的新名称：</translation>
    </message>
  </context>
</TS>
