<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
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
      <source>Place</source>
      <translation>出版地</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>出版年</translation>
    </message>
    <message>
      <source>ISBN</source>
      <translation>ISBN</translation>
    </message>
    <message>
      <source>中图法 class</source>
      <translation>中图法分类号</translation>
    </message>
    <message>
      <source>Record and copies</source>
      <translation>书目和复本</translation>
    </message>
    <message>
      <source>Save record</source>
      <translation>保存书目</translation>
    </message>
    <message>
      <source>Copies of this record</source>
      <translation>本书目的复本</translation>
    </message>
    <message>
      <source>Move to shelf</source>
      <translation>移到书架</translation>
    </message>
    <message>
      <source>Move to this shelf</source>
      <translation>移到此书架</translation>
    </message>
    <message>
      <source>Change status…</source>
      <translation>更改状态…</translation>
    </message>
    <message>
      <source>Change status</source>
      <translation>更改状态</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>提示</translation>
    </message>
    <message>
      <source>(no shelf)</source>
      <translation>（未指定书架）</translation>
    </message>
    <message>
      <source>Copies</source>
      <translation>复本</translation>
    </message>
    <message>
      <source>Barcode</source>
      <translation>条码</translation>
    </message>
    <message>
      <source>Call number</source>
      <translation>索书号</translation>
    </message>
    <message>
      <source>Shelf</source>
      <translation>书架</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Choose one or more copies in the list first.</source>
      <translation>请先在列表中选择一册或多册复本。</translation>
    </message>
    <message>
      <source>Choose one copy in the list first.</source>
      <translation>请先在列表中选择一册复本。</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>Choose a 中图法 class</source>
      <translation>选择中图法分类</translation>
    </message>
    <message>
      <source>Record “{title}” saved.</source>
      <translation>书目《{title}》已保存。</translation>
    </message>
    <message>
      <source>{n} copies moved to {shelf}.</source>
      <translation>{n} 册复本已移到 {shelf}。</translation>
    </message>
    <message>
      <source>{barcode} is now {status}.</source>
      <translation>{barcode} 现在为「{status}」。</translation>
    </message>
  </context>
</TS>
