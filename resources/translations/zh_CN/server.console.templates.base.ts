<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>County console</source>
      <translation>县馆管理台</translation>
    </message>
    <message>
      <source>Shuwu</source>
      <translation>书屋</translation>
    </message>
    <message>
      <source>Shuwu county console</source>
      <translation>书屋县馆管理台</translation>
    </message>
    <message>
      <source>Sign out</source>
      <translation>退出</translation>
    </message>
  </context>
</TS>
