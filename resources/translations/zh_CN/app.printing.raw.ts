<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>On Windows, print the PDF from the Labels screen (it keeps the exact size).</source>
      <translation>在 Windows 上请从“标签”页面打印 PDF（可保持实际尺寸）。</translation>
    </message>
    <message>
      <source>Unknown printer language {fmt}.</source>
      <translation>未知的打印机语言 {fmt}。</translation>
    </message>
    <message>
      <source>No print command (lp or lpr) on this computer. The file was saved as {file}.</source>
      <translation>这台电脑没有打印命令（lp 或 lpr）。文件已保存为 {file}。</translation>
    </message>
    <message>
      <source>The printer queue {printer} refused the labels: {reason}</source>
      <translation>打印机队列 {printer} 拒绝了标签：{reason}</translation>
    </message>
    <message>
      <source>Sending raw labels needs the pywin32 package on Windows. The file was saved as {file}; copy it to the printer with the printer maker's tool.</source>
      <translation>在 Windows 上直接发送需要 pywin32 组件。文件已保存为 {file}，请用打印机厂家的工具发送到打印机。</translation>
    </message>
  </context>
</TS>
