<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The return arrived: the copy came back before it was lent again</source>
      <translation>归还记录已到达：图书在再次借出之前已归还</translation>
    </message>
    <message>
      <source>Copy {barcode} was lent at {a} and at {b} while offline; both loans are kept, the earlier one is closed</source>
      <translation>图书 {barcode} 离线时在 {a} 和 {b} 都被借出；两条借阅均已保留，较早的一条已关闭</translation>
    </message>
    <message>
      <source>The checkout arrived; the return closed its loan</source>
      <translation>借出记录已到达，归还已关闭该借阅</translation>
    </message>
    <message>
      <source>Copy {barcode} was returned at {branch} before its loan reached the county; the return is kept</source>
      <translation>图书 {barcode} 在借出记录到达县馆之前已在 {branch} 归还；归还记录已保留</translation>
    </message>
  </context>
</TS>
