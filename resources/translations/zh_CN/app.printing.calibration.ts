<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Name the printer this calibration is for.</source>
      <translation>请填写这组校准值对应的打印机名称。</translation>
    </message>
    <message>
      <source>A shift of more than {max} mm is not a calibration; check the template.</source>
      <translation>偏移超过 {max} 毫米已不是校准问题，请检查模板。</translation>
    </message>
    <message>
      <source>The creep per row must be between -{max} and {max} mm.</source>
      <translation>每行累积偏移必须在 -{max} 到 {max} 毫米之间。</translation>
    </message>
  </context>
</TS>
