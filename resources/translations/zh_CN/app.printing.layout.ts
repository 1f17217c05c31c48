<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The barcode does not have enough height on this label.</source>
      <translation>这种标签上没有足够的高度放条码。</translation>
    </message>
    <message>
      <source>Barcode number</source>
      <translation>条码号</translation>
    </message>
    <message>
      <source>Library name</source>
      <translation>馆名</translation>
    </message>
    <message>
      <source>{what} “{text}” does not fit on this label even at {size} pt.</source>
      <translation>{what}“{text}”即使缩小到 {size} 磅也放不下。</translation>
    </message>
    <message>
      <source>Call number {call} is too long for this label even at {size} pt; use a wider label or shorten it.</source>
      <translation>索书号 {call} 太长，即使缩小到 {size} 磅也放不下；请换更宽的标签或缩短索书号。</translation>
    </message>
    <message>
      <source>Barcode {code} is too long for a {w} mm wide label.</source>
      <translation>条码 {code} 太长，{w} 毫米宽的标签放不下。</translation>
    </message>
    <message>
      <source>Copy {code} has no call number.</source>
      <translation>图书 {code} 没有索书号。</translation>
    </message>
    <message>
      <source>Reader card</source>
      <translation>读者证</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>题名</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Unknown label kind {kind}.</source>
      <translation>未知的标签种类 {kind}。</translation>
    </message>
  </context>
</TS>
