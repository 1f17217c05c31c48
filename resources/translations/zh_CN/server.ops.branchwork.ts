<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Staff overrode rule {rule} for card {card}, copy {barcode}: {reason}</source>
      <translation>工作人员对读者证 {card}、图书 {barcode} 越过规则 {rule}：{reason}</translation>
    </message>
    <message>
      <source>Unknown barcodes in a {kind}: {barcodes}</source>
      <translation>{kind} 中有未知条码：{barcodes}</translation>
    </message>
    <message>
      <source>A transfer sent</source>
      <translation>调出</translation>
    </message>
    <message>
      <source>A transfer received</source>
      <translation>调入</translation>
    </message>
    <message>
      <source>A stocktake</source>
      <translation>盘点</translation>
    </message>
    <message>
      <source>{kind} named copies of other branches, left unchanged: {barcodes}</source>
      <translation>{kind}涉及其他分馆的图书，未作更改：{barcodes}</translation>
    </message>
    <message>
      <source>This stocktake belongs to {branch}</source>
      <translation>这次盘点属于 {branch}</translation>
    </message>
    <message>
      <source>This shelf location belongs to {branch}</source>
      <translation>这个书架位置属于 {branch}</translation>
    </message>
    <message>
      <source>This activity belongs to {branch}</source>
      <translation>这项活动属于 {branch}</translation>
    </message>
  </context>
</TS>
