<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Scan a barcode or type a title to re-print a damaged label</source>
      <translation>扫描条码或输入书名，补打损坏的标签</translation>
    </message>
    <message>
      <source>Find a copy to re-print</source>
      <translation>查找要补打的图书</translation>
    </message>
    <message>
      <source>补缺打印</source>
      <translation>补缺打印</translation>
    </message>
    <message>
      <source>Print again the labels that failed</source>
      <translation>重新打印失败的标签</translation>
    </message>
    <message>
      <source>Labels that came out wrong, waiting to be printed again</source>
      <translation>打印失败、等待重新打印的标签</translation>
    </message>
    <message>
      <source>Choose copies…</source>
      <translation>选择复本…</translation>
    </message>
    <message>
      <source>Choose copies by range, class, date or shelf</source>
      <translation>按条码范围、分类、日期或书架选择复本</translation>
    </message>
    <message>
      <source>Labels to print</source>
      <translation>待打印标签</translation>
    </message>
    <message>
      <source>Label preview</source>
      <translation>标签预览</translation>
    </message>
    <message>
      <source>Barcodes from</source>
      <translation>条码从</translation>
    </message>
    <message>
      <source>Barcodes to</source>
      <translation>条码到</translation>
    </message>
    <message>
      <source>Class starts with</source>
      <translation>分类号开头</translation>
    </message>
    <message>
      <source>Shelf</source>
      <translation>书架</translation>
    </message>
    <message>
      <source>Catalogued from</source>
      <translation>编目日期从</translation>
    </message>
    <message>
      <source>Choose by the date catalogued</source>
      <translation>按编目日期选择</translation>
    </message>
    <message>
      <source>Select copies</source>
      <translation>选出复本</translation>
    </message>
    <message>
      <source>(any shelf)</source>
      <translation>（任意书架）</translation>
    </message>
    <message>
      <source>Save labels</source>
      <translation>保存标签</translation>
    </message>
    <message>
      <source>PDF (*.pdf);;TSPL for TSC/Gprinter/HPRT (*.tspl);;ZPL for Zebra (*.zpl)</source>
      <translation>PDF (*.pdf);;TSPL（TSC/佳博/汉印）(*.tspl);;ZPL（斑马）(*.zpl)</translation>
    </message>
    <message>
      <source>Print labels</source>
      <translation>打印标签</translation>
    </message>
    <message>
      <source>Find</source>
      <translation>查找</translation>
    </message>
    <message>
      <source>Show the queue</source>
      <translation>显示待打印队列</translation>
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
      <source>Title</source>
      <translation>题名</translation>
    </message>
    <message>
      <source>Queued</source>
      <translation>加入时间</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>检查</translation>
    </message>
    <message>
      <source>Preview (true proportions)</source>
      <translation>预览（实际比例）</translation>
    </message>
    <message>
      <source>Print selected…</source>
      <translation>打印选中…</translation>
    </message>
    <message>
      <source>Print all…</source>
      <translation>全部打印…</translation>
    </message>
    <message>
      <source>Save as file…</source>
      <translation>保存为文件…</translation>
    </message>
    <message>
      <source>Mark selected printed</source>
      <translation>选中的标记为已打印</translation>
    </message>
    <message>
      <source>to</source>
      <translation>到</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>正常</translation>
    </message>
    <message>
      <source>(failed, print again)</source>
      <translation>（打印失败，待重印）</translation>
    </message>
    <message>
      <source>There are no labels to print.</source>
      <translation>没有要打印的标签。</translation>
    </message>
    <message>
      <source>{n} queued labels marked printed.</source>
      <translation>已把队列中 {n} 张标签标记为已打印。</translation>
    </message>
    <message>
      <source>(re-print)</source>
      <translation>（补打）</translation>
    </message>
    <message>
      <source>{n} copies waiting for labels</source>
      <translation>{n} 册图书等待打印标签</translation>
    </message>
    <message>
      <source>补缺打印: {n} labels that came out wrong. Print them on the free positions.</source>
      <translation>补缺打印：{n} 张打印失败的标签。请打印在标签纸的空位上。</translation>
    </message>
    <message>
      <source>{n} copies found for re-printing</source>
      <translation>找到 {n} 册可补打的图书</translation>
    </message>
    <message>
      <source>{n} copies chosen</source>
      <translation>选出 {n} 册复本</translation>
    </message>
    <message>
      <source>{w}×{h} mm label</source>
      <translation>{w}×{h} 毫米标签</translation>
    </message>
    <message>
      <source>Example label: select a row of the queue to see its own.</source>
      <translation>示例标签：在队列中选一行即可预览它自己的标签。</translation>
    </message>
    <message>
      <source>{n} labels written to {path} ({pages} pages).</source>
      <translation>已生成 {n} 张标签：{path}（{pages} 页）。</translation>
    </message>
    <message>
      <source>Printing cancelled; nothing was marked printed.</source>
      <translation>已取消打印；没有标记任何标签为已打印。</translation>
    </message>
    <message>
      <source>Nothing was marked printed; the labels stay in the queue.</source>
      <translation>未做任何标记；标签仍在待打印队列中。</translation>
    </message>
    <message>
      <source>补缺打印 ({n})</source>
      <translation>补缺打印（{n}）</translation>
    </message>
    <message>
      <source>{n} wait for 补缺打印.</source>
      <translation>{n} 张等待补缺打印。</translation>
    </message>
  </context>
</TS>
