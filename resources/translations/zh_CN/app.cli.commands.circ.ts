<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Amnesty applied: {n} deductions refunded ({points} points), {r} readers restored.</source>
      <translation>免扣积分已执行：退还 {n} 笔扣分（共 {points} 分），恢复 {r} 位读者的初始积分。</translation>
    </message>
    <message>
      <source>circulation desk: checkout, return, renew</source>
      <translation>借还服务台：借书、还书、续借</translation>
    </message>
    <message>
      <source>lend an item to a reader</source>
      <translation>把图书借给读者</translation>
    </message>
    <message>
      <source>return an item here</source>
      <translation>在本馆还书</translation>
    </message>
    <message>
      <source>renew a loan</source>
      <translation>续借</translation>
    </message>
    <message>
      <source>undo a desk scan by its operation id</source>
      <translation>按操作编号撤销一次扫描</translation>
    </message>
    <message>
      <source>show a reader's points and loans</source>
      <translation>显示读者的积分和在借图书</translation>
    </message>
    <message>
      <source>show a reader's credit-points ledger</source>
      <translation>显示读者的信用积分明细</translation>
    </message>
    <message>
      <source>list overdue loans</source>
      <translation>列出逾期借阅</translation>
    </message>
    <message>
      <source>add and apply an amnesty window (免扣积分)</source>
      <translation>添加并执行免扣积分时段</translation>
    </message>
    <message>
      <source>reader card number</source>
      <translation>读者证号</translation>
    </message>
    <message>
      <source>item barcode</source>
      <translation>图书条码</translation>
    </message>
    <message>
      <source>override a refusal, with a reason</source>
      <translation>说明理由后强制办理</translation>
    </message>
    <message>
      <source>operation id printed by checkout/return</source>
      <translation>借书或还书时显示的操作编号</translation>
    </message>
    <message>
      <source>why the scan is undone</source>
      <translation>撤销的原因</translation>
    </message>
    <message>
      <source>also write reminder slips to this PDF</source>
      <translation>同时把催还单写入此 PDF 文件</translation>
    </message>
    <message>
      <source>first day, YYYY-MM-DD</source>
      <translation>开始日期，格式 YYYY-MM-DD</translation>
    </message>
    <message>
      <source>last day, YYYY-MM-DD</source>
      <translation>结束日期，格式 YYYY-MM-DD</translation>
    </message>
    <message>
      <source>what the amnesty is for</source>
      <translation>免扣积分的原因</translation>
    </message>
    <message>
      <source>also restore every reader's starting points</source>
      <translation>同时把所有读者恢复到初始积分</translation>
    </message>
    <message>
      <source>No overdue books.</source>
      <translation>没有逾期图书。</translation>
    </message>
    <message>
      <source>{name}  card {card}  points {points} (borrowing needs {threshold})</source>
      <translation>{name}  读者证 {card}  积分 {points}（借书需 {threshold} 分）</translation>
    </message>
    <message>
      <source>Balance: {points}</source>
      <translation>积分余额：{points}</translation>
    </message>
    <message>
      <source>Frozen until {date}</source>
      <translation>冻结至 {date}</translation>
    </message>
    <message>
      <source>{n} reminder slips written to {path}</source>
      <translation>已生成 {n} 张催还单：{path}</translation>
    </message>
    <message>
      <source>{text} is not a date; write it as YYYY-MM-DD.</source>
      <translation>{text} 不是日期，请按 YYYY-MM-DD 格式填写。</translation>
    </message>
  </context>
</TS>
