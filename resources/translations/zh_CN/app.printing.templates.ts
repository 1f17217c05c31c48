<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>page width</source>
      <translation>页面宽度</translation>
    </message>
    <message>
      <source>page height</source>
      <translation>页面高度</translation>
    </message>
    <message>
      <source>label width</source>
      <translation>标签宽度</translation>
    </message>
    <message>
      <source>label height</source>
      <translation>标签高度</translation>
    </message>
    <message>
      <source>font size</source>
      <translation>字号</translation>
    </message>
    <message>
      <source>smallest font size</source>
      <translation>最小字号</translation>
    </message>
    <message>
      <source>barcode height</source>
      <translation>条码高度</translation>
    </message>
    <message>
      <source>left margin</source>
      <translation>左边距</translation>
    </message>
    <message>
      <source>top margin</source>
      <translation>上边距</translation>
    </message>
    <message>
      <source>horizontal gap</source>
      <translation>横向间距</translation>
    </message>
    <message>
      <source>vertical gap</source>
      <translation>纵向间距</translation>
    </message>
    <message>
      <source>padding</source>
      <translation>内边距</translation>
    </message>
    <message>
      <source>A template name uses letters, digits, dots, dashes or underscores only.</source>
      <translation>模板名称只能用字母、数字、点、横线或下划线。</translation>
    </message>
    <message>
      <source>Media must be a sheet or a roll.</source>
      <translation>纸张类型必须是整张或卷纸。</translation>
    </message>
    <message>
      <source>A template needs at least one row and one column.</source>
      <translation>模板至少要有一行一列。</translation>
    </message>
    <message>
      <source>A roll template prints one label per page (1 row, 1 column).</source>
      <translation>卷纸模板每页只打一张标签（1 行 1 列）。</translation>
    </message>
    <message>
      <source>The smallest font size cannot be larger than the font size.</source>
      <translation>最小字号不能大于字号。</translation>
    </message>
    <message>
      <source>The padding leaves no room on the label.</source>
      <translation>内边距太大，标签上没有空间了。</translation>
    </message>
    <message>
      <source>{w}×{h} mm</source>
      <translation>{w}×{h} 毫米</translation>
    </message>
    <message>
      <source>Sheet {pw}×{ph} mm, {cols}×{rows} labels of {size}</source>
      <translation>整张 {pw}×{ph} 毫米，{cols}×{rows} 张 {size} 标签</translation>
    </message>
    <message>
      <source>The template file is incomplete or has a wrong value.</source>
      <translation>模板文件不完整或有错误的值。</translation>
    </message>
    <message>
      <source>There is no label template called {name}.</source>
      <translation>没有名为 {name} 的标签模板。</translation>
    </message>
    <message>
      <source>Thermal roll, {size}</source>
      <translation>热敏卷纸，{size}</translation>
    </message>
    <message>
      <source>The page is {w}×{h} mm; Shuwu prints on sheets and rolls up to A3 (297×420 mm).</source>
      <translation>页面为 {w}×{h} 毫米；书屋只能打印不超过 A3（297×420 毫米）的纸张和标签卷。</translation>
    </message>
    <message>
      <source>A label must be at least {n} mm wide and high (it is {w}×{h} mm).</source>
      <translation>标签的宽和高至少要 {n} 毫米（现在是 {w}×{h} 毫米）。</translation>
    </message>
    <message>
      <source>Font sizes must be between 0 and {n} pt.</source>
      <translation>字号必须大于 0 且不超过 {n} 磅。</translation>
    </message>
    <message>
      <source>A sheet holds at most {n} rows and {n} columns of labels.</source>
      <translation>一张纸最多 {n} 行、{n} 列标签。</translation>
    </message>
    <message>
      <source>Unknown barcode type {kind}.</source>
      <translation>未知的条码类型 {kind}。</translation>
    </message>
    <message>
      <source>Unknown label kind {kind}.</source>
      <translation>未知的标签种类 {kind}。</translation>
    </message>
    <message>
      <source>The labels do not fit across the page: margin, {cols} labels and gaps need {used} mm but the page is {page} mm wide.</source>
      <translation>标签横向放不下：边距、{cols} 列标签和间距共需 {used} 毫米，而页面只有 {page} 毫米宽。</translation>
    </message>
    <message>
      <source>The labels do not fit down the page: margin, {rows} rows and gaps need {used} mm but the page is {page} mm high.</source>
      <translation>标签纵向放不下：边距、{rows} 行标签和间距共需 {used} 毫米，而页面只有 {page} 毫米高。</translation>
    </message>
    <message>
      <source>Unknown template fields: {names}.</source>
      <translation>模板中有未知字段：{names}。</translation>
    </message>
    <message>
      <source>{name} is a shipped template; save your copy under another name.</source>
      <translation>{name} 是自带模板，请用另一个名称保存您的副本。</translation>
    </message>
    <message>
      <source>A template called {name} already exists.</source>
      <translation>已经有名为 {name} 的模板。</translation>
    </message>
    <message>
      <source>The template value {field} must be a finite number (it is {value}).</source>
      <translation>模板中的 {field} 必须是有限的数字（现在是 {value}）。</translation>
    </message>
    <message>
      <source>The template value {field} must be true or false.</source>
      <translation>模板中的 {field} 必须是 true 或 false。</translation>
    </message>
    <message>
      <source>The template text {field} contains control characters or is not text.</source>
      <translation>模板中的文字 {field} 含有控制字符，或不是文字。</translation>
    </message>
    <message>
      <source>The {what} must be more than 0 (it is {value}).</source>
      <translation>{what}必须大于 0（现在是 {value}）。</translation>
    </message>
    <message>
      <source>The {what} cannot be negative (it is {value}).</source>
      <translation>{what}不能是负数（现在是 {value}）。</translation>
    </message>
    <message>
      <source>The label template {file} was refused: {reason}</source>
      <translation>标签模板 {file} 被拒绝：{reason}</translation>
    </message>
    <message>
      <source>The label template {file} was refused: it is not a readable template file.</source>
      <translation>标签模板 {file} 被拒绝：它不是可读取的模板文件。</translation>
    </message>
  </context>
</TS>
