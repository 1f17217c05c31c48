<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>rename a shelf location</source>
      <translation>重命名书架</translation>
    </message>
    <message>
      <source>retire an empty shelf location</source>
      <translation>停用一个空书架</translation>
    </message>
    <message>
      <source>move copies to another shelf</source>
      <translation>把复本移到另一个书架</translation>
    </message>
    <message>
      <source>edit a record (by a copy's barcode or the ISBN)</source>
      <translation>修改书目（按复本条码或 ISBN）</translation>
    </message>
    <message>
      <source>search the 中图法 class table</source>
      <translation>检索中图法分类表</translation>
    </message>
    <message>
      <source>shelf code; "" for no shelf</source>
      <translation>书架代码；"" 表示不放书架</translation>
    </message>
    <message>
      <source>a copy barcode or the record's ISBN</source>
      <translation>复本条码或书目的 ISBN</translation>
    </message>
    <message>
      <source>class number, caption words or pinyin</source>
      <translation>分类号、类名中的词或拼音</translation>
    </message>
    <message>
      <source>No class matches.</source>
      <translation>没有匹配的类目。</translation>
    </message>
    <message>
      <source>Shelf {code} retired.</source>
      <translation>书架 {code} 已停用。</translation>
    </message>
  </context>
</TS>
