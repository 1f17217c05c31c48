<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Templates</source>
      <translation>模板</translation>
    </message>
    <message>
      <source>Copy as my template…</source>
      <translation>复制为我的模板…</translation>
    </message>
    <message>
      <source>Copy as my template</source>
      <translation>复制为我的模板</translation>
    </message>
    <message>
      <source>Template</source>
      <translation>模板</translation>
    </message>
    <message>
      <source>Page width (mm)</source>
      <translation>页面宽度（毫米）</translation>
    </message>
    <message>
      <source>Page height (mm)</source>
      <translation>页面高度（毫米）</translation>
    </message>
    <message>
      <source>Left margin (mm)</source>
      <translation>左边距（毫米）</translation>
    </message>
    <message>
      <source>Top margin (mm)</source>
      <translation>上边距（毫米）</translation>
    </message>
    <message>
      <source>Rows</source>
      <translation>行数</translation>
    </message>
    <message>
      <source>Columns</source>
      <translation>列数</translation>
    </message>
    <message>
      <source>Gap between columns (mm)</source>
      <translation>列间距（毫米）</translation>
    </message>
    <message>
      <source>Gap between rows (mm)</source>
      <translation>行间距（毫米）</translation>
    </message>
    <message>
      <source>Label width (mm)</source>
      <translation>标签宽度（毫米）</translation>
    </message>
    <message>
      <source>Label height (mm)</source>
      <translation>标签高度（毫米）</translation>
    </message>
    <message>
      <source>Padding (mm)</source>
      <translation>内边距（毫米）</translation>
    </message>
    <message>
      <source>Call number font (pt)</source>
      <translation>索书号字号（磅）</translation>
    </message>
    <message>
      <source>Smallest font (pt)</source>
      <translation>最小字号（磅）</translation>
    </message>
    <message>
      <source>Library name font (pt)</source>
      <translation>馆名字号（磅）</translation>
    </message>
    <message>
      <source>Barcode height (mm)</source>
      <translation>条码高度（毫米）</translation>
    </message>
    <message>
      <source>Print the library name</source>
      <translation>打印馆名</translation>
    </message>
    <message>
      <source>Code 128 (recommended)</source>
      <translation>Code 128（推荐）</translation>
    </message>
    <message>
      <source>Code 39 (old scanners)</source>
      <translation>Code 39（旧扫描枪）</translation>
    </message>
    <message>
      <source>Barcode type</source>
      <translation>条码类型</translation>
    </message>
    <message>
      <source>Add a Code 39 check character</source>
      <translation>加 Code 39 校验字符</translation>
    </message>
    <message>
      <source>Save template</source>
      <translation>保存模板</translation>
    </message>
    <message>
      <source>Template preview</source>
      <translation>模板预览</translation>
    </message>
    <message>
      <source>Template check</source>
      <translation>模板检查</translation>
    </message>
    <message>
      <source>Copy template</source>
      <translation>复制模板</translation>
    </message>
    <message>
      <source>Name of your copy (letters, digits, dashes):</source>
      <translation>副本名称（字母、数字、横线）：</translation>
    </message>
    <message>
      <source>Live preview</source>
      <translation>实时预览</translation>
    </message>
    <message>
      <source>The template fits.</source>
      <translation>模板尺寸正确。</translation>
    </message>
    <message>
      <source>Template {name} saved.</source>
      <translation>模板 {name} 已保存。</translation>
    </message>
    <message>
      <source> (my copy)</source>
      <translation>（我的副本）</translation>
    </message>
    <message>
      <source>{name} (shipped; copy it to edit)</source>
      <translation>{name}（自带模板；复制后才能修改）</translation>
    </message>
  </context>
</TS>
