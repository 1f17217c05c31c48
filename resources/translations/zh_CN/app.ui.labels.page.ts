<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
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
      <source>Template</source>
      <translation>模板</translation>
    </message>
    <message>
      <source>Start at position</source>
      <translation>起始位置</translation>
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
      <source> (my copy)</source>
      <translation>（我的副本）</translation>
    </message>
    <message>
      <source>Cancelled; nothing was marked printed.</source>
      <translation>已取消；没有标记任何标签为已打印。</translation>
    </message>
    <message>
      <source>Labels</source>
      <translation>标签打印</translation>
    </message>
    <message>
      <source>Preparing labels…</source>
      <translation>正在准备标签…</translation>
    </message>
    <message>
      <source>{text} {done} of {total}</source>
      <translation>{text} {done} / {total}</translation>
    </message>
    <message>
      <source>{n} labels ready ({pages} pages).</source>
      <translation>{n} 张标签已生成（{pages} 页）。</translation>
    </message>
    <message>
      <source>Writing</source>
      <translation>正在生成</translation>
    </message>
  </context>
</TS>
