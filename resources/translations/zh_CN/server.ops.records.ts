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
      <source>Copy {barcode}, recorded as {status}, was scanned at {branch}</source>
      <translation>登记为{status}的图书 {barcode} 在 {branch} 被扫描</translation>
    </message>
    <message>
      <source>Card {card} belongs to a reader of {branch}; only that branch changes it</source>
      <translation>借书证 {card} 属于 {branch} 的读者，只有该分馆可以修改</translation>
    </message>
    <message>
      <source>Points of card {card} are kept by {branch}; only its own loans' points are recorded here</source>
      <translation>借书证 {card} 的积分由 {branch} 管理；本馆只能记录本馆借还产生的积分</translation>
    </message>
    <message>
      <source>Record 《{title}》 is held only by other branches; the edit from {branch} is kept for the county library and not applied</source>
      <translation>《{title}》只有其他分馆有馆藏；{branch} 的修改已留给县馆处理，未应用</translation>
    </message>
    <message>
      <source>Record 《{title}》 was edited here and elsewhere; the latest edit is kept</source>
      <translation>书目《{title}》在本馆和其他馆点都被修改，保留最后一次修改</translation>
    </message>
    <message>
      <source>Copy {barcode} belongs to {home} and is at {current}; edit it there</source>
      <translation>图书 {barcode} 属于 {home}，目前在 {current}；请在那里修改</translation>
    </message>
    <message>
      <source>Only the county library moves copy {barcode} to another branch</source>
      <translation>只有县馆可以把图书 {barcode} 划到其他分馆</translation>
    </message>
    <message>
      <source>Copy {barcode} was edited here and elsewhere; the latest edit is kept</source>
      <translation>图书 {barcode} 在本馆和其他馆点都被修改，保留最后一次修改</translation>
    </message>
    <message>
      <source>Copy {barcode} belongs to {home} and is at {current}; its status is changed there</source>
      <translation>图书 {barcode} 属于 {home}，目前在 {current}；请在那里修改它的状态</translation>
    </message>
  </context>
</TS>
