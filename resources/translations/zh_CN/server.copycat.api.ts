<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>This device is not enrolled with the county server</source>
      <translation>本设备尚未在县馆服务器注册</translation>
    </message>
    <message>
      <source>This device was revoked by the county library</source>
      <translation>本设备已被县馆停用</translation>
    </message>
    <message>
      <source>Enter a title, author or ISBN to search for</source>
      <translation>请输入要检索的题名、作者或 ISBN</translation>
    </message>
    <message>
      <source>field must be title, author, any or isbn</source>
      <translation>检索字段必须是 title、author、any 或 isbn</translation>
    </message>
    <message>
      <source>{isbn} is not a valid ISBN</source>
      <translation>{isbn} 不是有效的 ISBN</translation>
    </message>
    <message>
      <source>ISBN {isbn} is in the union catalogue</source>
      <translation>ISBN {isbn} 已在联合目录中</translation>
    </message>
    <message>
      <source>No target has ISBN {isbn}</source>
      <translation>所有书目源均未找到 ISBN {isbn}</translation>
    </message>
  </context>
</TS>
