<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>A shelf needs a name (at most 200 characters).</source>
      <translation>书架需要名称（最多 200 个字）。</translation>
    </message>
    <message>
      <source>A shelf code is 1–32 letters or digits without spaces (for example 书架5 or A1).</source>
      <translation>书架代码为 1–32 个字母、汉字或数字，不含空格（例如 书架5 或 A1）。</translation>
    </message>
    <message>
      <source>Shelf location {code} already exists.</source>
      <translation>书架位置 {code} 已存在。</translation>
    </message>
    <message>
      <source>This branch has no shelf {code}.</source>
      <translation>本馆没有书架 {code}。</translation>
    </message>
    <message>
      <source>{n} copies are still on shelf {code}. Move them to another shelf first.</source>
      <translation>书架 {code} 上还有 {n} 册复本，请先把它们移到其他书架。</translation>
    </message>
    <message>
      <source>Copy {barcode} belongs to another branch; only its own branch can move it.</source>
      <translation>复本 {barcode} 属于其他馆，只有所属馆能移动它。</translation>
    </message>
    <message>
      <source>Shelf location {code} does not exist at this branch.</source>
      <translation>本馆点没有书架位置 {code}。</translation>
    </message>
  </context>
</TS>
