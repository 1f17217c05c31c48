<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
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
      <source>Calibration for {printer} saved.</source>
      <translation>{printer} 的校准已保存。</translation>
    </message>
    <message>
      <source>Test page written to {path}.</source>
      <translation>测试页已生成：{path}。</translation>
    </message>
  </context>
</TS>
