<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>stocktake (盘点) of this branch's shelves</source>
      <translation>本馆点书架盘点</translation>
    </message>
    <message>
      <source>start a stocktake</source>
      <translation>开始盘点</translation>
    </message>
    <message>
      <source>record scanned barcodes</source>
      <translation>记录扫描的条码</translation>
    </message>
    <message>
      <source>missing / elsewhere / on loan</source>
      <translation>缺失 / 应在别处 / 借出在架</translation>
    </message>
    <message>
      <source>finish and send the result</source>
      <translation>结束盘点并发送结果</translation>
    </message>
    <message>
      <source>only this shelf location</source>
      <translation>只盘点这个书架位置</translation>
    </message>
    <message>
      <source>also write the result as CSV</source>
      <translation>同时将结果写成 CSV</translation>
    </message>
    <message>
      <source>do not mark missing copies</source>
      <translation>不把缺失的图书标记为缺失</translation>
    </message>
    <message>
      <source>Expected {expected}, found {found}. Missing {missing}, belongs elsewhere {elsewhere}, on loan but on the shelf {on_loan}, unknown {unknown}.</source>
      <translation>应在架 {expected} 册，找到 {found} 册。缺失 {missing}，应在别处 {elsewhere}，记录为借出但在架 {on_loan}，未知条码 {unknown}。</translation>
    </message>
    <message>
      <source>Stocktake {uuid} started.</source>
      <translation>盘点 {uuid} 已开始。</translation>
    </message>
  </context>
</TS>
