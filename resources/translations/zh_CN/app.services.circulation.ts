<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Returned: {title}</source>
      <translation>已还：{title}</translation>
    </message>
    <message>
      <source>Returned: {title}. Its loan is not known here; the county will match it.</source>
      <translation>已还：{title}。本机没有这笔借阅记录，已记下交县馆核对。</translation>
    </message>
    <message>
      <source>Scan or type the book's barcode.</source>
      <translation>请扫描或输入图书条码。</translation>
    </message>
    <message>
      <source>An override needs a reason.</source>
      <translation>强制办理必须填写理由。</translation>
    </message>
    <message>
      <source>Lent: {title} — due {date}</source>
      <translation>已借出：{title} —— 应还日期 {date}</translation>
    </message>
    <message>
      <source>Say why the scan is undone.</source>
      <translation>请说明撤销的原因。</translation>
    </message>
    <message>
      <source>There is no desk scan to undo.</source>
      <translation>没有可以撤销的扫描。</translation>
    </message>
    <message>
      <source>That scan was already undone.</source>
      <translation>这次扫描已经撤销过了。</translation>
    </message>
    <message>
      <source>The loan has changed since that renewal; it cannot be undone.</source>
      <translation>这笔借阅在续借之后又有变动，不能撤销这次续借。</translation>
    </message>
    <message>
      <source>That loan has already been returned; return scans cannot be undone this way.</source>
      <translation>这笔借阅已经还了，不能这样撤销。</translation>
    </message>
    <message>
      <source>The book has been lent again since; the return cannot be undone.</source>
      <translation>这本书之后又借出了，不能撤销还书。</translation>
    </message>
    <message>
      <source>No book has the barcode {code}. Check the label or catalogue the book first.</source>
      <translation>没有条码为 {code} 的图书。请检查条码标签，或先给这本书编目。</translation>
    </message>
    <message>
      <source>This reader's card is blocked.</source>
      <translation>该读者证已停用。</translation>
    </message>
    <message>
      <source>{code} belongs to {branch}. Its details are still arriving from the county library; it can be lent here once they are in (a few minutes).</source>
      <translation>{code} 属于{branch}。它的详细信息仍在从县馆接收中，几分钟后接收完毕即可在本馆借出。</translation>
    </message>
    <message>
      <source>{code} is the book's ISBN (the barcode printed on the cover), not the library's barcode. Scan the library's barcode label instead.</source>
      <translation>{code} 是图书封底的 ISBN 书号，不是馆藏条码。请扫描贴在书上的馆藏条码。</translation>
    </message>
    <message>
      <source>{code} is a reader card, not a book. Scan the book's barcode.</source>
      <translation>{code} 是读者证号，不是图书。请扫描图书条码。</translation>
    </message>
    <message>
      <source>{code} is already on loan to this reader.</source>
      <translation>{code} 已经借给这位读者了。</translation>
    </message>
    <message>
      <source>{code} is still on loan to another reader here. Return it first, then lend it.</source>
      <translation>{code} 还在别的读者名下借着。请先还书，再借出。</translation>
    </message>
    <message>
      <source>Put it aside for {branch} (in transit).</source>
      <translation>请单独放好，送回 {branch}（在途）。</translation>
    </message>
    <message>
      <source>Overdue: {points} credit points deducted.</source>
      <translation>逾期：扣除信用积分 {points} 分。</translation>
    </message>
    <message>
      <source>{code} is not on loan here, so it cannot be renewed.</source>
      <translation>{code} 没有在本馆借出，不能续借。</translation>
    </message>
    <message>
      <source>{code} is overdue: return it (points are deducted), then lend it again.</source>
      <translation>{code} 已逾期：请先还书（扣除积分），再重新借出。</translation>
    </message>
    <message>
      <source>Renewed: {title} — now due {date}</source>
      <translation>已续借：{title} —— 新的应还日期 {date}</translation>
    </message>
    <message>
      <source>Undone: the last scan of {code}.</source>
      <translation>已撤销：{code} 的上一次扫描。</translation>
    </message>
    <message>
      <source>{code} has been withdrawn and cannot be lent.</source>
      <translation>{code} 已剔除，不能外借。</translation>
    </message>
    <message>
      <source>{code} is marked “{status}” in the catalogue.</source>
      <translation>{code} 在系统中的状态是“{status}”。</translation>
    </message>
    <message>
      <source>Borrowing is frozen until {date} (credit points reached the floor).</source>
      <translation>信用积分已扣完，借书冻结至 {date}。</translation>
    </message>
    <message>
      <source>This reader already has {n} books, the most allowed.</source>
      <translation>这位读者已借 {n} 本，达到借书上限。</translation>
    </message>
    <message>
      <source>{code} is already on loan here.</source>
      <translation>{code} 已经借出。</translation>
    </message>
    <message>
      <source>Not on loan: {title} is already on the shelf here. Nothing changed.</source>
      <translation>不在借：《{title}》本来就在本馆书架上，未做任何改动。</translation>
    </message>
    <message>
      <source>{code} has been renewed {n} times, the most allowed.</source>
      <translation>{code} 已续借 {n} 次，达到续借上限。</translation>
    </message>
    <message>
      <source>Credit points {points} are below {threshold}: borrowing is refused.</source>
      <translation>信用积分 {points} 低于 {threshold} 分，不能借书。</translation>
    </message>
  </context>
</TS>
