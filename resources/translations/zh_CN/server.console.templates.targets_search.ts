<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Search the copy-cataloguing targets</source>
      <translation>检索套录书目源</translation>
    </message>
    <message>
      <source>Union catalogue</source>
      <translation>联合目录</translation>
    </message>
    <message>
      <source>Copy-cataloguing targets</source>
      <translation>套录书目源</translation>
    </message>
    <message>
      <source>Search in</source>
      <translation>检索范围</translation>
    </message>
    <message>
      <source>title, author or ISBN</source>
      <translation>题名、责任者或 ISBN</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>检索</translation>
    </message>
    <message>
      <source>No targets yet.</source>
      <translation>还没有书目源。</translation>
    </message>
    <message>
      <source>{n} records</source>
      <translation>{n} 条书目</translation>
    </message>
    <message>
      <source>asked: {names}</source>
      <translation>已询问：{names}</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>题名</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>责任者</translation>
    </message>
    <message>
      <source>Publisher</source>
      <translation>出版者</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>出版年</translation>
    </message>
    <message>
      <source>Record syntax</source>
      <translation>记录格式</translation>
    </message>
    <message>
      <source>A record is catalogued in a branch from the desktop app (Catalogue › ISBN lookup or shuwu catalog external-search --pick N).</source>
      <translation>记录由馆点在桌面程序中编目（编目 › ISBN 查找，或 shuwu catalog external-search --pick N）。</translation>
    </message>
  </context>
</TS>
