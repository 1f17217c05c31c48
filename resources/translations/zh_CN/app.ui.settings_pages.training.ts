<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>+1 day</source>
      <translation>+1 天</translation>
    </message>
    <message>
      <source>+7 days</source>
      <translation>+7 天</translation>
    </message>
    <message>
      <source>+31 days</source>
      <translation>+31 天</translation>
    </message>
    <message>
      <source>One day past the due date of a 30-day loan made today</source>
      <translation>今天借出的 30 天期图书将逾期 1 天</translation>
    </message>
    <message>
      <source>Back to &amp;today</source>
      <translation>回到今天(&amp;T)</translation>
    </message>
    <message>
      <source>Move the training date 1 day forward</source>
      <translation>培训日期往后推 1 天</translation>
    </message>
    <message>
      <source>Move the training date 7 days forward</source>
      <translation>培训日期往后推 7 天</translation>
    </message>
    <message>
      <source>Move the training date 31 days forward</source>
      <translation>把培训日期往后推 31 天</translation>
    </message>
    <message>
      <source>&amp;Reset to the demo data…</source>
      <translation>重置为演示数据(&amp;R)…</translation>
    </message>
    <message>
      <source>&amp;Exercises:</source>
      <translation>练习题(&amp;E)：</translation>
    </message>
    <message>
      <source>Exercises</source>
      <translation>练习题</translation>
    </message>
    <message>
      <source>Exercises done</source>
      <translation>练习完成情况</translation>
    </message>
    <message>
      <source>Training mode: everything here is practice data. Move the date forward to show overdue books and credit deductions; reset to start the class again.</source>
      <translation>培训模式：这里的一切都是练习数据。把日期往后推可以演示逾期和信用积分扣除；重置后可重新开始上课。</translation>
    </message>
    <message>
      <source>Reset the training data?</source>
      <translation>重置培训数据吗？</translation>
    </message>
    <message>
      <source>All practice work on this computer (books, readers, loans, the moved date) is discarded and the demo data comes back. Real branch data is not affected.</source>
      <translation>本机上的全部练习内容（图书、读者、借阅、调整过的日期）都会丢弃，恢复为演示数据。真实馆点的数据不受影响。</translation>
    </message>
    <message>
      <source>Confirm reset</source>
      <translation>确认重置</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>重置</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Training</source>
      <translation>培训</translation>
    </message>
    <message>
      <source>This computer holds a real branch's data. To practise, open “书屋（培训模式）” from the Start menu, or run: shuwu training open. Training uses its own demo data and never syncs to the county.</source>
      <translation>本机上是真实馆点的数据。要练习，请从开始菜单打开“书屋（培训模式）”，或运行：shuwu training open。培训使用单独的演示数据，永远不会同步到县馆。</translation>
    </message>
    <message>
      <source>Training date: {date} ({days} days ahead)</source>
      <translation>培训日期：{date}（比今天晚 {days} 天）</translation>
    </message>
    <message>
      <source>done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>not yet</source>
      <translation>未完成</translation>
    </message>
    <message>
      <source>Done: {done} of {total}</source>
      <translation>已完成：{done} / {total}</translation>
    </message>
  </context>
</TS>
