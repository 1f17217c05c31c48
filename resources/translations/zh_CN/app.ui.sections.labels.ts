<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Spine label (书标)</source>
      <translation>书标</translation>
    </message>
    <message>
      <source>Barcode label</source>
      <translation>条码标签</translation>
    </message>
    <message>
      <source>Spine + barcode</source>
      <translation>书标 + 条码</translation>
    </message>
    <message>
      <source>Reader card</source>
      <translation>读者证</translation>
    </message>
    <message>
      <source>Label template</source>
      <translation>标签模板</translation>
    </message>
    <message>
      <source>Label kind</source>
      <translation>标签种类</translation>
    </message>
    <message>
      <source>Printer (for its calibration)</source>
      <translation>打印机（使用其校准值）</translation>
    </message>
    <message>
      <source>Start at label position</source>
      <translation>从第几个标签位置开始</translation>
    </message>
    <message>
      <source>Label tasks</source>
      <translation>标签任务</translation>
    </message>
    <message>
      <source>Print queue</source>
      <translation>待打印队列</translation>
    </message>
    <message>
      <source>Template designer</source>
      <translation>模板设计</translation>
    </message>
    <message>
      <source>Printer calibration</source>
      <translation>打印机校准</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>提示</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>进度</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Scan a barcode or type a title to re-print a damaged label</source>
      <translation>扫描条码或输入书名，补打损坏的标签</translation>
    </message>
    <message>
      <source>Find a copy to re-print</source>
      <translation>查找要补打的图书</translation>
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
      <source>Labels to print</source>
      <translation>待打印标签</translation>
    </message>
    <message>
      <source>Label preview</source>
      <translation>标签预览</translation>
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
      <source>Labels</source>
      <translation>标签打印</translation>
    </message>
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
      <source>Print the test page on plain paper and hold it against a label sheet. If the boxes sit too far right, enter a negative horizontal shift; if the lower rows drift down, enter a negative creep per row.</source>
      <translation>把测试页打印在普通纸上，再和标签纸叠在一起对着光看。如果方框偏右，就填负的水平偏移；如果越往下越偏下，就填负的每行累积偏移。</translation>
    </message>
    <message>
      <source>Printer name</source>
      <translation>打印机名称</translation>
    </message>
    <message>
      <source>Save the test page</source>
      <translation>保存测试页</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Printer</source>
      <translation>打印机</translation>
    </message>
    <message>
      <source>Start at position</source>
      <translation>起始位置</translation>
    </message>
    <message>
      <source> (my copy)</source>
      <translation>（我的副本）</translation>
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
      <source>Preview (true proportions)</source>
      <translation>预览（实际比例）</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>正常</translation>
    </message>
    <message>
      <source>(re-print)</source>
      <translation>（补打）</translation>
    </message>
    <message>
      <source>There are no labels to print.</source>
      <translation>没有要打印的标签。</translation>
    </message>
    <message>
      <source>Cancelled; nothing was marked printed.</source>
      <translation>已取消；没有标记任何标签为已打印。</translation>
    </message>
    <message>
      <source>Preparing labels…</source>
      <translation>正在准备标签…</translation>
    </message>
    <message>
      <source>Print labels</source>
      <translation>打印标签</translation>
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
      <source>Horizontal shift (mm, + moves right)</source>
      <translation>水平偏移（毫米，正数向右）</translation>
    </message>
    <message>
      <source>Vertical shift (mm, + moves down)</source>
      <translation>垂直偏移（毫米，正数向下）</translation>
    </message>
    <message>
      <source>Creep per row (mm)</source>
      <translation>每行累积偏移（毫米）</translation>
    </message>
    <message>
      <source>Save calibration</source>
      <translation>保存校准</translation>
    </message>
    <message>
      <source>Test page with rulers…</source>
      <translation>带标尺的测试页…</translation>
    </message>
    <message>
      <source>{n} copies waiting for labels</source>
      <translation>{n} 册图书等待打印标签</translation>
    </message>
    <message>
      <source>{n} copies found for re-printing</source>
      <translation>找到 {n} 册可补打的图书</translation>
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
      <source>{text} {done} of {total}</source>
      <translation>{text} {done} / {total}</translation>
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
      <source>{n} labels sent to the printer. Did they print well? Mark them printed?</source>
      <translation>已把 {n} 张标签送到打印机。打印效果好吗？标记为已打印？</translation>
    </message>
    <message>
      <source>{n} queued labels marked printed.</source>
      <translation>已把队列中 {n} 张标签标记为已打印。</translation>
    </message>
    <message>
      <source>Template {name} saved.</source>
      <translation>模板 {name} 已保存。</translation>
    </message>
    <message>
      <source>Calibration for {printer} saved.</source>
      <translation>{printer} 的校准已保存。</translation>
    </message>
    <message>
      <source>Writing</source>
      <translation>正在生成</translation>
    </message>
    <message>
      <source>{name} (shipped; copy it to edit)</source>
      <translation>{name}（自带模板；复制后才能修改）</translation>
    </message>
    <message>
      <source>Test page written to {path}.</source>
      <translation>测试页已生成：{path}。</translation>
    </message>
  </context>
</TS>
