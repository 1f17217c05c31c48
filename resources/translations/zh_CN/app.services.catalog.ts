<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>This record no longer exists.</source>
      <translation>该书目记录已不存在。</translation>
    </message>
    <message>
      <source>The title is required.</source>
      <translation>必须填写题名。</translation>
    </message>
    <message>
      <source>Scan at least one copy barcode.</source>
      <translation>请至少扫描一个复本条码。</translation>
    </message>
    <message>
      <source>Choose the 中图法 class before adding copies.</source>
      <translation>添加复本前请先选择中图法分类号。</translation>
    </message>
    <message>
      <source>This copy is on loan; return it at the circulation desk.</source>
      <translation>该复本已借出，请在借还台办理归还。</translation>
    </message>
    <message>
      <source>No item has the barcode {barcode}.</source>
      <translation>没有条码为 {barcode} 的图书。</translation>
    </message>
    <message>
      <source>{isbn} is not a valid ISBN (check the digits, the last one is a check digit).</source>
      <translation>{isbn} 不是有效的 ISBN（请核对数字，最后一位是校验位）。</translation>
    </message>
    <message>
      <source>{clc} is not a 中图法 class number (for example I247.5 or TS976.3).</source>
      <translation>{clc} 不是中图法分类号（例如 I247.5 或 TS976.3）。</translation>
    </message>
    <message>
      <source>{barcode} is not an item barcode (4–32 letters or digits).</source>
      <translation>{barcode} 不是图书条码（应为 4–32 位字母或数字）。</translation>
    </message>
    <message>
      <source>{barcode} is the book's ISBN, not a copy barcode. Scan the library barcode.</source>
      <translation>{barcode} 是书的 ISBN，不是馆藏条码。请扫描图书馆条码。</translation>
    </message>
    <message>
      <source>Barcode {barcode} is already used by another copy. Use a new label.</source>
      <translation>条码 {barcode} 已被其他复本使用，请换一张新条码。</translation>
    </message>
    <message>
      <source>Barcode {barcode} is already in the list.</source>
      <translation>条码 {barcode} 已在列表中。</translation>
    </message>
    <message>
      <source>{barcode} does not end in digits, so no run can follow it.</source>
      <translation>{barcode} 不以数字结尾，无法连号。</translation>
    </message>
    <message>
      <source>A run has 1 to {most} copies.</source>
      <translation>连号复本数为 1 到 {most} 册。</translation>
    </message>
    <message>
      <source>The run from {barcode} would need more digits than the barcode has.</source>
      <translation>从 {barcode} 开始的连号会超出条码的位数。</translation>
    </message>
    <message>
      <source>No copy or record has {code}.</source>
      <translation>没有复本或书目是 {code}。</translation>
    </message>
    <message>
      <source>Unknown item status {status}.</source>
      <translation>未知的图书状态 {status}。</translation>
    </message>
    <message>
      <source>Barcode {barcode} is outside this branch's range {low}–{high}.</source>
      <translation>条码 {barcode} 不在本馆点的条码段 {low}–{high} 内。</translation>
    </message>
    <message>
      <source>Barcode {barcode} was scanned twice in this batch.</source>
      <translation>条码 {barcode} 在本批中扫描了两次。</translation>
    </message>
    <message>
      <source>{aux} is not a volume/copy mark (letters or digits).</source>
      <translation>{aux} 不是有效的卷册/复本号（字母或数字）。</translation>
    </message>
    <message>
      <source>Shelf location {code} does not exist at this branch.</source>
      <translation>本馆点没有书架位置 {code}。</translation>
    </message>
    <message>
      <source>{call} is not a call number (for example I247.5/123 or TS976.3/12:2).</source>
      <translation>{call} 不是索书号（例如 I247.5/123 或 TS976.3/12:2）。</translation>
    </message>
  </context>
</TS>
