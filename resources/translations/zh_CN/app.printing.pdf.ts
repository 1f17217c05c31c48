<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Shuwu labels</source>
      <translation>书屋标签</translation>
    </message>
    <message>
      <source>Calibration test page</source>
      <translation>校准测试页</translation>
    </message>
    <message>
      <source>{name}: shift {dx} / {dy} mm, creep {creep} mm per row</source>
      <translation>{name}：偏移 {dx} / {dy} 毫米，每行累积 {creep} 毫米</translation>
    </message>
    <message>
      <source>The start position must be between 1 and {n} on this sheet.</source>
      <translation>起始位置必须在 1 到 {n} 之间。</translation>
    </message>
  </context>
</TS>
