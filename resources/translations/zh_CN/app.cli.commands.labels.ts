<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>print spine and barcode labels (PDF, TSPL or ZPL)</source>
      <translation>打印书标和条码标签（PDF、TSPL 或 ZPL）</translation>
    </message>
    <message>
      <source>item barcodes</source>
      <translation>图书条码</translation>
    </message>
    <message>
      <source>every copy waiting in the queue</source>
      <translation>待打印队列中的所有图书</translation>
    </message>
    <message>
      <source>template name</source>
      <translation>模板名称</translation>
    </message>
    <message>
      <source>label kind (default: the template's)</source>
      <translation>标签种类（默认按模板）</translation>
    </message>
    <message>
      <source>output file: .pdf, .tspl or .zpl</source>
      <translation>输出文件：.pdf、.tspl 或 .zpl</translation>
    </message>
    <message>
      <source>printer name: its calibration is used</source>
      <translation>打印机名称：使用该打印机的校准</translation>
    </message>
    <message>
      <source>send the file to --printer</source>
      <translation>把文件发送到 --printer 指定的打印机</translation>
    </message>
    <message>
      <source>first free position on a part-used sheet</source>
      <translation>用过一部分的标签纸上第一个空位</translation>
    </message>
    <message>
      <source>mark the queued labels printed</source>
      <translation>把队列中的标签标记为已打印</translation>
    </message>
    <message>
      <source>choose copies: first barcode</source>
      <translation>选择复本：起始条码</translation>
    </message>
    <message>
      <source>choose copies: last barcode</source>
      <translation>选择复本：结束条码</translation>
    </message>
    <message>
      <source>choose copies: call number prefix</source>
      <translation>选择复本：索书号开头</translation>
    </message>
    <message>
      <source>choose copies: shelf code</source>
      <translation>选择复本：书架代码</translation>
    </message>
    <message>
      <source>choose copies: from date (YYYY-MM-DD)</source>
      <translation>选择复本：编目起始日期（YYYY-MM-DD）</translation>
    </message>
    <message>
      <source>choose copies: to date (YYYY-MM-DD)</source>
      <translation>选择复本：编目结束日期（YYYY-MM-DD）</translation>
    </message>
    <message>
      <source>record these barcodes' labels as badly printed</source>
      <translation>记录这些条码的标签打印失败</translation>
    </message>
    <message>
      <source>the badly printed labels (补缺打印)</source>
      <translation>打印失败的标签（补缺打印）</translation>
    </message>
    <message>
      <source>list the templates</source>
      <translation>列出模板</translation>
    </message>
    <message>
      <source>write a calibration test page</source>
      <translation>生成校准测试页</translation>
    </message>
    <message>
      <source>Say where to save the labels with --out FILE.pdf|.tspl|.zpl.</source>
      <translation>请用 --out 文件.pdf|.tspl|.zpl 指定保存位置。</translation>
    </message>
    <message>
      <source>Give item barcodes, --queue, --reprint-failed or a choice (--from/--to, --class, --shelf, --catalogued-from/--catalogued-to): one of them.</source>
      <translation>请给出复本条码、--queue、--reprint-failed 或选择条件（--from/--to、--class、--shelf、--catalogued-from/--catalogued-to）中的一种。</translation>
    </message>
    <message>
      <source>There are no labels to print.</source>
      <translation>没有要打印的标签。</translation>
    </message>
    <message>
      <source>{n} labels written to {path} ({pages} pages).</source>
      <translation>已生成 {n} 张标签：{path}（{pages} 页）。</translation>
    </message>
    <message>
      <source>{n} labels wait to be printed again (补缺打印).</source>
      <translation>{n} 张标签等待重新打印（补缺打印）。</translation>
    </message>
    <message>
      <source>Give the barcodes whose labels came out wrong.</source>
      <translation>请给出标签打印失败的条码。</translation>
    </message>
    <message>
      <source>The test page is a PDF: use --out FILE.pdf.</source>
      <translation>测试页是 PDF 文件：请用 --out 文件.pdf。</translation>
    </message>
    <message>
      <source>Say which printer with --printer NAME.</source>
      <translation>请用 --printer 名称 指定打印机。</translation>
    </message>
    <message>
      <source>The folder {path} does not exist. Choose an existing folder.</source>
      <translation>文件夹 {path} 不存在。请选择一个已有的文件夹。</translation>
    </message>
    <message>
      <source>Test page written to {path}.</source>
      <translation>测试页已生成：{path}。</translation>
    </message>
    <message>
      <source>Reader cards are printed by card number, not the queue.</source>
      <translation>读者证按证号打印，不走待打印队列。</translation>
    </message>
    <message>
      <source>Sent to printer {printer}.</source>
      <translation>已发送到打印机 {printer}。</translation>
    </message>
    <message>
      <source>{n} queued labels marked printed.</source>
      <translation>已把队列中 {n} 张标签标记为已打印。</translation>
    </message>
  </context>
</TS>
