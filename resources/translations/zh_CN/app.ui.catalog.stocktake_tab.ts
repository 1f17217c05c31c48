<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Shelf to count</source>
      <translation>要盘点的书架</translation>
    </message>
    <message>
      <source>No stocktake is open.</source>
      <translation>当前没有进行中的盘点。</translation>
    </message>
    <message>
      <source>Scanned items</source>
      <translation>已扫描的图书</translation>
    </message>
    <message>
      <source>Stocktake result</source>
      <translation>盘点结果</translation>
    </message>
    <message>
      <source>Whole branch</source>
      <translation>整个馆点</translation>
    </message>
    <message>
      <source>Stocktake started. Scan every copy on the shelves.</source>
      <translation>盘点已开始。请扫描书架上的每一册书。</translation>
    </message>
    <message>
      <source>Stocktake finished; the result will be sent to the county.</source>
      <translation>盘点已结束，结果将发送给县馆。</translation>
    </message>
    <message>
      <source>Export stocktake</source>
      <translation>导出盘点结果</translation>
    </message>
    <message>
      <source>Start stocktake</source>
      <translation>开始盘点</translation>
    </message>
    <message>
      <source>Show result</source>
      <translation>查看结果</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>结束</translation>
    </message>
    <message>
      <source>Finish stocktake</source>
      <translation>结束盘点</translation>
    </message>
    <message>
      <source>Export CSV…</source>
      <translation>导出 CSV…</translation>
    </message>
    <message>
      <source>Export CSV</source>
      <translation>导出 CSV</translation>
    </message>
    <message>
      <source>Expected {expected}, found {found}.</source>
      <translation>应在架 {expected} 册，找到 {found} 册。</translation>
    </message>
    <message>
      <source>Missing ({count}):</source>
      <translation>缺失（{count}）：</translation>
    </message>
    <message>
      <source>Belongs elsewhere ({count}):</source>
      <translation>应在别处（{count}）：</translation>
    </message>
    <message>
      <source>On loan but on the shelf ({count}):</source>
      <translation>记录为借出但在架（{count}）：</translation>
    </message>
    <message>
      <source>Saved {path}</source>
      <translation>已保存 {path}</translation>
    </message>
    <message>
      <source>{shelf} ({n} copies)</source>
      <translation>{shelf}（{n} 册）</translation>
    </message>
    <message>
      <source>Stocktake in progress (started {when}), {count} scanned. Keep scanning.</source>
      <translation>盘点进行中（开始于 {when}），已扫描 {count} 册。请继续扫描。</translation>
    </message>
    <message>
      <source>Unknown barcodes: {codes}</source>
      <translation>未知条码：{codes}</translation>
    </message>
  </context>
</TS>
