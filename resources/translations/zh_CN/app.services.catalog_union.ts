<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Record copied from the external target {target}. Check it, then scan barcodes.</source>
      <translation>记录套录自外部书目源 {target}。请核对后扫描条码。</translation>
    </message>
    <message>
      <source>Search by title, author, isbn or any.</source>
      <translation>请按题名（title）、作者（author）、ISBN（isbn）或任意字段（any）检索。</translation>
    </message>
    <message>
      <source>Enter a title, author or ISBN to search for.</source>
      <translation>请输入要检索的题名、作者或 ISBN。</translation>
    </message>
    <message>
      <source>This computer is not enrolled with the county server; external targets need it.</source>
      <translation>本机尚未注册到县馆服务器；检索外部书目源需要联网到县馆。</translation>
    </message>
    <message>
      <source>The county server cannot be reached.</source>
      <translation>无法连接县馆服务器。</translation>
    </message>
    <message>
      <source>The search was refused.</source>
      <translation>检索被拒绝。</translation>
    </message>
  </context>
</TS>
