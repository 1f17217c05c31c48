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
      <source>Give item barcodes or --queue (one of the two).</source>
      <translation>请给出图书条码或 --queue（二选一）。</translation>
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
