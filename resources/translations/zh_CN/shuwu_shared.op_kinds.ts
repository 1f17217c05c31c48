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
  </context>
</TS>
