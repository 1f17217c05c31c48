<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Result of the last scan</source>
      <translation>上一次扫描的结果</translation>
    </message>
    <message>
      <source>Ready: scan a card or a book.</source>
      <translation>就绪：请扫描读者证或图书。</translation>
    </message>
    <message>
      <source>renewal of “{title}”</source>
      <translation>续借《{title}》</translation>
    </message>
    <message>
      <source>{n} books overdue: {books}</source>
      <translation>{n} 本书已逾期：{books}</translation>
    </message>
    <message>
      <source>Scan the reader card, then press Enter</source>
      <translation>扫描读者证（或输入后按回车）</translation>
    </message>
    <message>
      <source>Reader card</source>
      <translation>读者证</translation>
    </message>
    <message>
      <source>Scan each book to lend it</source>
      <translation>逐本扫描要借出的图书</translation>
    </message>
    <message>
      <source>Book barcode to lend</source>
      <translation>要借出的图书条码</translation>
    </message>
    <message>
      <source>Reader card:</source>
      <translation>读者证：</translation>
    </message>
    <message>
      <source>Book barcode:</source>
      <translation>图书条码：</translation>
    </message>
    <message>
      <source>No reader yet.</source>
      <translation>还没有扫描读者证。</translation>
    </message>
    <message>
      <source>Reader summary</source>
      <translation>读者概况</translation>
    </message>
    <message>
      <source>Loans of this reader</source>
      <translation>这位读者的在借图书</translation>
    </message>
    <message>
      <source>Renew selected (F5)</source>
      <translation>续借所选（F5）</translation>
    </message>
    <message>
      <source>Renew the selected loan</source>
      <translation>续借所选图书</translation>
    </message>
    <message>
      <source>Next reader (Esc)</source>
      <translation>下一位读者（Esc）</translation>
    </message>
    <message>
      <source>Start over with the next reader</source>
      <translation>换下一位读者</translation>
    </message>
    <message>
      <source>Scan each returned book</source>
      <translation>逐本扫描归还的图书</translation>
    </message>
    <message>
      <source>Book barcode to return</source>
      <translation>要归还的图书条码</translation>
    </message>
    <message>
      <source>Books returned just now</source>
      <translation>刚刚归还的图书</translation>
    </message>
    <message>
      <source>Overdue loans</source>
      <translation>逾期借阅</translation>
    </message>
    <message>
      <source>Show phone to call</source>
      <translation>显示电话（需要打电话时）</translation>
    </message>
    <message>
      <source>Show the full phone number of the selected reader</source>
      <translation>显示所选读者的完整电话号码</translation>
    </message>
    <message>
      <source>Print reminder slips…</source>
      <translation>打印催还单…</translation>
    </message>
    <message>
      <source>Print reminder slips</source>
      <translation>打印催还单</translation>
    </message>
    <message>
      <source>Save slips as PDF…</source>
      <translation>催还单存为 PDF…</translation>
    </message>
    <message>
      <source>Write reminder slips to a PDF file</source>
      <translation>把催还单保存为 PDF 文件</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <source>Save reminder slips</source>
      <translation>保存催还单</translation>
    </message>
    <message>
      <source>F5 renew · Ctrl+Z undo last scan · F8 override the refusal · Esc next reader</source>
      <translation>F5 续借 · Ctrl+Z 撤销上一次扫描 · F8 强制办理 · Esc 下一位读者</translation>
    </message>
    <message>
      <source>Desk</source>
      <translation>服务台</translation>
    </message>
    <message>
      <source>Lend (Alt+1)</source>
      <translation>借书（Alt+1）</translation>
    </message>
    <message>
      <source>Return (Alt+2)</source>
      <translation>还书（Alt+2）</translation>
    </message>
    <message>
      <source>Overdue (Alt+3)</source>
      <translation>逾期（Alt+3）</translation>
    </message>
    <message>
      <source>Undo last scan (Ctrl+Z)</source>
      <translation>撤销上一次扫描（Ctrl+Z）</translation>
    </message>
    <message>
      <source>Undo the last scan</source>
      <translation>撤销上一次扫描</translation>
    </message>
    <message>
      <source>Override (F8)…</source>
      <translation>强制办理（F8）…</translation>
    </message>
    <message>
      <source>Override the refusal with a reason</source>
      <translation>说明理由后强制办理</translation>
    </message>
    <message>
      <source>Override</source>
      <translation>强制办理</translation>
    </message>
    <message>
      <source>Why is this allowed? (written to the log and sent to the county)</source>
      <translation>为什么要强制办理？（会记入日志并报送县馆）</translation>
    </message>
    <message>
      <source>Scanned by mistake</source>
      <translation>扫描错误</translation>
    </message>
    <message>
      <source>lending of “{title}”</source>
      <translation>借出《{title}》</translation>
    </message>
    <message>
      <source>return of “{title}”</source>
      <translation>归还《{title}》</translation>
    </message>
    <message>
      <source>Barcode</source>
      <translation>条码</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>题名</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>应还日期</translation>
    </message>
    <message>
      <source>Days overdue</source>
      <translation>逾期天数</translation>
    </message>
    <message>
      <source>Renewals</source>
      <translation>续借次数</translation>
    </message>
    <message>
      <source>Reader {name}: scan the books.</source>
      <translation>读者 {name}：请扫描图书。</translation>
    </message>
    <message>
      <source>provisional card</source>
      <translation>临时证</translation>
    </message>
    <message>
      <source>BLOCKED</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>Reader</source>
      <translation>读者</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Days</source>
      <translation>天数</translation>
    </message>
    <message>
      <source>Card</source>
      <translation>读者证号</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>(no phone)</source>
      <translation>（没有电话）</translation>
    </message>
    <message>
      <source>No overdue loans: there is nothing to print.</source>
      <translation>没有逾期借阅，无需打印。</translation>
    </message>
    <message>
      <source>Reminder slips</source>
      <translation>催还单</translation>
    </message>
    <message>
      <source>Press F8 to override with a reason.</source>
      <translation>如确需办理，请按 F8 并填写理由。</translation>
    </message>
    <message>
      <source>Nothing to undo: the last scan changed nothing or was refused.</source>
      <translation>没有可撤销的操作：上一次扫描没有改动或被拒绝了。</translation>
    </message>
    <message>
      <source>{title} ({days} days)</source>
      <translation>《{title}》（{days} 天）</translation>
    </message>
    <message>
      <source>Ask for them back before lending more.</source>
      <translation>请先请读者归还，再借新书。</translation>
    </message>
    <message>
      <source>{code} is already lent to this reader. Press F5 to renew it.</source>
      <translation>{code} 已借给这位读者。按 F5 续借。</translation>
    </message>
    <message>
      <source>Select the loan to renew in the list, then press F5.</source>
      <translation>请先在列表中选中要续借的书，再按 F5。</translation>
    </message>
    <message>
      <source>{name}  card {card}</source>
      <translation>{name}  读者证 {card}</translation>
    </message>
    <message>
      <source>points {points} (needs {threshold})</source>
      <translation>积分 {points}（借书需 {threshold}）</translation>
    </message>
    <message>
      <source>{n} of {max} books</source>
      <translation>已借 {n} 本 / 最多 {max} 本</translation>
    </message>
    <message>
      <source>{n} overdue loans</source>
      <translation>共 {n} 笔逾期</translation>
    </message>
    <message>
      <source>Undo the {what} (Ctrl+Z)</source>
      <translation>撤销{what}（Ctrl+Z）</translation>
    </message>
    <message>
      <source>Undo the {what}</source>
      <translation>撤销{what}</translation>
    </message>
    <message>
      <source>Undo the {what}? Why?</source>
      <translation>撤销{what}？原因是什么？</translation>
    </message>
    <message>
      <source>Undone: the {what}.</source>
      <translation>已撤销：{what}。</translation>
    </message>
    <message>
      <source>frozen until {date}</source>
      <translation>冻结至 {date}</translation>
    </message>
    <message>
      <source>{n} reminder slips written to {path}</source>
      <translation>已生成 {n} 张催还单：{path}</translation>
    </message>
    <message>
      <source>Reminder slips sent to the printer ({n} pages).</source>
      <translation>催还单已送往打印机（{n} 页）。</translation>
    </message>
  </context>
</TS>
