<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Catalogue record</source>
      <translation>书目记录</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>单册</translation>
    </message>
    <message>
      <source>Copy status</source>
      <translation>单册状态</translation>
    </message>
    <message>
      <source>Reader registration</source>
      <translation>读者登记</translation>
    </message>
    <message>
      <source>Checkout</source>
      <translation>借书</translation>
    </message>
    <message>
      <source>Return</source>
      <translation>还书</translation>
    </message>
    <message>
      <source>Renewal</source>
      <translation>续借</translation>
    </message>
    <message>
      <source>Undo of a desk scan</source>
      <translation>撤销一次扫码</translation>
    </message>
    <message>
      <source>Credit points</source>
      <translation>信用积分</translation>
    </message>
    <message>
      <source>Staff override</source>
      <translation>工作人员特批</translation>
    </message>
    <message>
      <source>Transfer sent</source>
      <translation>调拨发出</translation>
    </message>
    <message>
      <source>Transfer received</source>
      <translation>调拨接收</translation>
    </message>
    <message>
      <source>Stocktake result</source>
      <translation>盘点结果</translation>
    </message>
    <message>
      <source>Shelf location</source>
      <translation>书架位置</translation>
    </message>
    <message>
      <source>Reading activity</source>
      <translation>阅读活动</translation>
    </message>
    <message>
      <source>Visitor count</source>
      <translation>到馆人次</translation>
    </message>
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
