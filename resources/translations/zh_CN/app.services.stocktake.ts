<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>No open stocktake. Start one first.</source>
      <translation>没有进行中的盘点，请先开始盘点。</translation>
    </message>
    <message>
      <source>This stocktake is finished; start a new one.</source>
      <translation>该盘点已结束，请开始新的盘点。</translation>
    </message>
    <message>
      <source>Scan an item barcode.</source>
      <translation>请扫描图书条码。</translation>
    </message>
    <message>
      <source>This stocktake is already finished.</source>
      <translation>该盘点已经结束。</translation>
    </message>
    <message>
      <source>Missing</source>
      <translation>缺失</translation>
    </message>
    <message>
      <source>Belongs elsewhere</source>
      <translation>应在别处</translation>
    </message>
    <message>
      <source>On loan but on the shelf</source>
      <translation>记录为借出但在架</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Barcode</source>
      <translation>条码</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>题名</translation>
    </message>
    <message>
      <source>Call number</source>
      <translation>索书号</translation>
    </message>
    <message>
      <source>Shelf</source>
      <translation>书架</translation>
    </message>
    <message>
      <source>Home branch</source>
      <translation>所属馆点</translation>
    </message>
    <message>
      <source>Unknown barcode</source>
      <translation>未知条码</translation>
    </message>
    <message>
      <source>Cannot write {path}: {reason}</source>
      <translation>无法写入 {path}：{reason}</translation>
    </message>
  </context>
</TS>
