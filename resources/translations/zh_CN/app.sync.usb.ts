<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>This computer is not enrolled with the county yet, so it cannot sign a bundle. Enrol it once (Sync → Enrol) with a code from the county library.</source>
      <translation>本机还没有在县馆登记，无法给同步包签名。请先用县馆给的登记码登记一次（同步 → 登记）。</translation>
    </message>
    <message>
      <source>{path} is damaged (bad header fields). Nothing was changed.</source>
      <translation>{path} 已损坏（文件头字段有误）。没有做任何更改。</translation>
    </message>
    <message>
      <source>{path} cannot be imported: {reason} Nothing was changed.</source>
      <translation>无法导入 {path}：{reason}没有做任何更改。</translation>
    </message>
    <message>
      <source>the file is incomplete or damaged (copy it again).</source>
      <translation>文件不完整或已损坏（请重新复制一次）。</translation>
    </message>
    <message>
      <source>{path} is the county's reply for another computer (device {other}), not this one (device {mine}). Nothing was changed.</source>
      <translation>{path} 是县馆给另一台电脑（设备 {other}）的回复包，不是给本机（设备 {mine}）的。没有做任何更改。</translation>
    </message>
  </context>
</TS>
