<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Only the computer that recorded an operation can undo it</source>
      <translation>只有记录该操作的电脑才能撤销它</translation>
    </message>
    <message>
      <source>Unknown barcode {barcode} scanned ({kind}); the scan is kept here</source>
      <translation>扫描了未知条码 {barcode}（{kind}），记录已保留在此</translation>
    </message>
    <message>
      <source>Copy {barcode}, recorded as {status}, was scanned at {branch}</source>
      <translation>登记为{status}的图书 {barcode} 在 {branch} 被扫描</translation>
    </message>
    <message>
      <source>Copy {barcode} lent to unknown card {card}; the loan is kept here</source>
      <translation>图书 {barcode} 借给了未知读者证 {card}，借阅记录已保留在此</translation>
    </message>
    <message>
      <source>Copy {barcode} lent to card {card} despite a rule ({reason})</source>
      <translation>图书 {barcode} 越过规则借给读者证 {card}（{reason}）</translation>
    </message>
    <message>
      <source>Copy {barcode}: implausible due date {due}</source>
      <translation>图书 {barcode}：应还日期 {due} 不合理</translation>
    </message>
    <message>
      <source>Renewal of copy {barcode} for a loan the county does not know</source>
      <translation>图书 {barcode} 的续借对应的借阅县馆没有记录</translation>
    </message>
    <message>
      <source>Copy {barcode}: this loan was made at {branch}; renew it there</source>
      <translation>图书 {barcode}：这笔借阅是在 {branch} 办理的，请在那里续借</translation>
    </message>
    <message>
      <source>Copy {barcode} renewed despite a rule ({reason})</source>
      <translation>图书 {barcode} 越过规则续借（{reason}）</translation>
    </message>
    <message>
      <source>reader is {status}</source>
      <translation>读者状态为 {status}</translation>
    </message>
  </context>
</TS>
