<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>on the shelf</source>
      <translation>在架</translation>
    </message>
    <message>
      <source>on loan</source>
      <translation>借出</translation>
    </message>
    <message>
      <source>in transit</source>
      <translation>在途</translation>
    </message>
    <message>
      <source>missing</source>
      <translation>丢失待查</translation>
    </message>
    <message>
      <source>lost</source>
      <translation>遗失</translation>
    </message>
    <message>
      <source>damaged</source>
      <translation>损坏</translation>
    </message>
    <message>
      <source>withdrawn</source>
      <translation>已剔除</translation>
    </message>
    <message>
      <source>Adult</source>
      <translation>成人</translation>
    </message>
    <message>
      <source>Child</source>
      <translation>儿童</translation>
    </message>
    <message>
      <source>found</source>
      <translation>找回</translation>
    </message>
    <message>
      <source>already scanned</source>
      <translation>已扫描过</translation>
    </message>
    <message>
      <source>belongs elsewhere</source>
      <translation>属于别处</translation>
    </message>
    <message>
      <source>unknown barcode</source>
      <translation>未知条码</translation>
    </message>
    <message>
      <source>on shelf</source>
      <translation>在架</translation>
    </message>
    <message>
      <source>already counted</source>
      <translation>已盘点过</translation>
    </message>
    <message>
      <source>recorded as on loan!</source>
      <translation>记录为借出！</translation>
    </message>
    <message>
      <source>draft</source>
      <translation>草稿</translation>
    </message>
    <message>
      <source>sent</source>
      <translation>已发出</translation>
    </message>
    <message>
      <source>received</source>
      <translation>已收到</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>女</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>男</translation>
    </message>
    <message>
      <source>Not given</source>
      <translation>未填</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>正常</translation>
    </message>
    <message>
      <source>Blocked</source>
      <translation>停用</translation>
    </message>
  </context>
</TS>
