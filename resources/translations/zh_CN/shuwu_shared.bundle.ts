<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>the file is incomplete or damaged (copy it again).</source>
      <translation>文件不完整或已损坏（请重新复制一次）。</translation>
    </message>
    <message>
      <source>it is not a Shuwu sync bundle (or it was made by an older Shuwu).</source>
      <translation>它不是书屋的同步包（或是由旧版书屋生成的）。</translation>
    </message>
    <message>
      <source>its signature does not match (the file was changed, or it belongs to another computer).</source>
      <translation>签名不符（文件被改动过，或者它属于另一台电脑）。</translation>
    </message>
    <message>
      <source>it is an export from a village computer, not the county's reply.</source>
      <translation>它是村里电脑导出的同步包，不是县馆的回复包。</translation>
    </message>
    <message>
      <source>it is a reply from the county, not a village export.</source>
      <translation>它是县馆的回复包，不是村里导出的同步包。</translation>
    </message>
    <message>
      <source>{path} cannot be imported: {reason} Nothing was changed.</source>
      <translation>无法导入 {path}：{reason}没有做任何更改。</translation>
    </message>
    <message>
      <source>the file is too large.</source>
      <translation>文件太大。</translation>
    </message>
    <message>
      <source>the file cannot be read (check the USB stick).</source>
      <translation>无法读取文件（请检查U盘）。</translation>
    </message>
    <message>
      <source>The bundle file {path} does not exist. Check the USB stick.</source>
      <translation>同步包文件 {path} 不存在。请检查U盘。</translation>
    </message>
    <message>
      <source>Could not write the bundle to {path}: {reason}. Check the USB stick.</source>
      <translation>无法把同步包写入 {path}：{reason}。请检查U盘。</translation>
    </message>
    <message>
      <source>one of its records is too large.</source>
      <translation>其中一条记录过大。</translation>
    </message>
  </context>
</TS>
