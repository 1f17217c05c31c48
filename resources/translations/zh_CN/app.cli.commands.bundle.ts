<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>sync by USB stick (no connection needed)</source>
      <translation>用U盘同步（不需要网络）</translation>
    </message>
    <message>
      <source>write the unsent operations to FILE for the county</source>
      <translation>把尚未上传的操作写入文件 FILE，带到县馆</translation>
    </message>
    <message>
      <source>import the county's reply bundle</source>
      <translation>导入县馆的回复包</translation>
    </message>
    <message>
      <source>bundle file, e.g. on the USB stick</source>
      <translation>同步包文件，例如U盘上的文件</translation>
    </message>
    <message>
      <source>reply bundle from the county</source>
      <translation>县馆给的回复包</translation>
    </message>
    <message>
      <source>{count} unsent operations written to {path}. Take it to the township or county library; bring back the reply bundle and import it with: shuwu bundle import REPLY</source>
      <translation>已把 {count} 条未上传的操作写入 {path}。请把它带到乡镇分馆或县馆；带回回复包后用以下命令导入：shuwu bundle import 回复包</translation>
    </message>
    <message>
      <source>This computer already has newer data from an online sync; only the confirmations were taken from the reply.</source>
      <translation>本机已经通过联网同步得到了更新的数据；回复包里只采用了确认信息。</translation>
    </message>
    <message>
      <source>Reply imported: {acked} operations confirmed by the county, {rejected} refused, {changes} changes received.</source>
      <translation>回复包已导入：县馆确认了 {acked} 条操作，拒绝 {rejected} 条，收到 {changes} 条更新。</translation>
    </message>
    <message>
      <source>Still unsent: {pending}.</source>
      <translation>仍未上传：{pending} 条。</translation>
    </message>
    <message>
      <source>{count} operations had conflicts; the county will look at them.</source>
      <translation>有 {count} 条操作存在冲突，县馆会处理。</translation>
    </message>
  </context>
</TS>
