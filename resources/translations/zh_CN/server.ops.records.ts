<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>its catalogue record is unknown</source>
      <translation>其书目记录未知</translation>
    </message>
    <message>
      <source>Credit entry for an unknown reader is kept here</source>
      <translation>未知读者的积分记录已保留在此</translation>
    </message>
    <message>
      <source>barcode {barcode} is already used by another copy</source>
      <translation>条码 {barcode} 已被另一册图书使用</translation>
    </message>
    <message>
      <source>Copy {barcode} was not added: {reason}</source>
      <translation>图书 {barcode} 未能添加：{reason}</translation>
    </message>
    <message>
      <source>Unknown barcode {barcode} marked {status}</source>
      <translation>未知条码 {barcode} 被标记为 {status}</translation>
    </message>
    <message>
      <source>Record 《{title}》 was edited here and elsewhere; the latest edit is kept</source>
      <translation>书目《{title}》在本馆和其他馆点都被修改，保留最后一次修改</translation>
    </message>
    <message>
      <source>Copy {barcode} was edited here and elsewhere; the latest edit is kept</source>
      <translation>图书 {barcode} 在本馆和其他馆点都被修改，保留最后一次修改</translation>
    </message>
  </context>
</TS>
