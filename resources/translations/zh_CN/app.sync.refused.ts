<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The county server could not read this operation.</source>
      <translation>县馆服务器读不懂这个操作。</translation>
    </message>
    <message>
      <source>This branch may not change what this operation names.</source>
      <translation>本馆无权修改这项操作涉及的内容。</translation>
    </message>
    <message>
      <source>This operation is larger than the county server accepts.</source>
      <translation>这项操作超出了县馆服务器能接收的大小。</translation>
    </message>
    <message>
      <source>The county server does not know this kind of operation (update it).</source>
      <translation>县馆服务器不认识这种操作（请升级服务器）。</translation>
    </message>
    <message>
      <source>Another operation was already sent under the same number.</source>
      <translation>已经有另一个操作用同一个编号发送过。</translation>
    </message>
    <message>
      <source>Refused by the county server ({code}).</source>
      <translation>被县馆服务器拒绝（{code}）。</translation>
    </message>
    <message>
      <source> and {n} more</source>
      <translation> 等 {n} 册</translation>
    </message>
    <message>
      <source>{reason} ({detail})</source>
      <translation>{reason}（{detail}）</translation>
    </message>
  </context>
</TS>
