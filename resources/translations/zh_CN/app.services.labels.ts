<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Type or scan a barcode, a title or a call number.</source>
      <translation>请输入或扫描条码、书名或索书号。</translation>
    </message>
    <message>
      <source>Give at least one barcode.</source>
      <translation>请至少给出一个条码。</translation>
    </message>
    <message>
      <source>There are no labels to print.</source>
      <translation>没有要打印的标签。</translation>
    </message>
    <message>
      <source>Choose copies by a barcode range, a class, the date catalogued or a shelf.</source>
      <translation>请按条码范围、分类、编目日期或书架选择复本。</translation>
    </message>
    <message>
      <source>No copy has the barcode {codes}.</source>
      <translation>没有条码为 {codes} 的图书。</translation>
    </message>
    <message>
      <source>Unknown label kind {kind}.</source>
      <translation>未知的标签种类 {kind}。</translation>
    </message>
    <message>
      <source>Laying out labels…</source>
      <translation>正在排版标签…</translation>
    </message>
    <message>
      <source>Save labels as .pdf, .tspl or .zpl (not {suffix}).</source>
      <translation>标签只能保存为 .pdf、.tspl 或 .zpl（不能是 {suffix}）。</translation>
    </message>
    <message>
      <source>{n} labels cannot be printed as they are:
{lines}</source>
      <translation>有 {n} 张标签不能按现在的样子打印：
{lines}</translation>
    </message>
    <message>
      <source>{text}… is not a barcode, a class or a shelf.</source>
      <translation>{text}… 不是条码、分类号或书架。</translation>
    </message>
    <message>
      <source>The barcode range {low}–{high} is not a range (same length, low to high).</source>
      <translation>条码范围 {low}–{high} 不正确（两端长度相同、从小到大）。</translation>
    </message>
    <message>
      <source>No reader has the card {card}.</source>
      <translation>没有证号为 {card} 的读者。</translation>
    </message>
    <message>
      <source>no extension</source>
      <translation>无扩展名</translation>
    </message>
    <message>
      <source>…and {n} more.</source>
      <translation>……还有 {n} 条。</translation>
    </message>
  </context>
</TS>
