<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Book delivery (送书下乡)</source>
      <translation>送书下乡</translation>
    </message>
    <message>
      <source>Lecture</source>
      <translation>讲座</translation>
    </message>
    <message>
      <source>Children's class</source>
      <translation>少儿课堂</translation>
    </message>
    <message>
      <source>Training</source>
      <translation>培训</translation>
    </message>
    <message>
      <source>Exhibition</source>
      <translation>展览</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Unknown age</source>
      <translation>年龄不详</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <source>No class</source>
      <translation>未分类</translation>
    </message>
    <message>
      <source>Starting points</source>
      <translation>初始积分</translation>
    </message>
    <message>
      <source>Earned by borrowing</source>
      <translation>借阅加分</translation>
    </message>
    <message>
      <source>Overdue deduction</source>
      <translation>逾期扣分</translation>
    </message>
    <message>
      <source>Overdue in an amnesty</source>
      <translation>免扣期内逾期</translation>
    </message>
    <message>
      <source>Amnesty refund</source>
      <translation>免扣退还</translation>
    </message>
    <message>
      <source>Amnesty restore</source>
      <translation>免扣恢复初始积分</translation>
    </message>
    <message>
      <source>Frozen</source>
      <translation>冻结</translation>
    </message>
    <message>
      <source>Reset after freeze</source>
      <translation>冻结期满重置</translation>
    </message>
    <message>
      <source>Unfrozen</source>
      <translation>解冻</translation>
    </message>
    <message>
      <source>Manual correction</source>
      <translation>人工调整</translation>
    </message>
    <message>
      <source>Undone scan</source>
      <translation>撤销扫描</translation>
    </message>
    <message>
      <source>Age band</source>
      <translation>年龄段</translation>
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
      <source>Gender unknown</source>
      <translation>性别不详</translation>
    </message>
    <message>
      <source>Class (中图法)</source>
      <translation>中图法大类</translation>
    </message>
    <message>
      <source>Titles</source>
      <translation>种数</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>册数</translation>
    </message>
    <message>
      <source>Branch</source>
      <translation>馆点</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>统计期间</translation>
    </message>
    <message>
      <source>Loans</source>
      <translation>借出册次</translation>
    </message>
    <message>
      <source>Returns</source>
      <translation>归还册次</translation>
    </message>
    <message>
      <source>Readers who borrowed</source>
      <translation>借书人数</translation>
    </message>
    <message>
      <source>Returns of loans made before the period</source>
      <translation>归还的期前借书</translation>
    </message>
    <message>
      <source>On loan at the end of the period</source>
      <translation>期末在借册数</translation>
    </message>
    <message>
      <source>Registered readers</source>
      <translation>注册读者</translation>
    </message>
    <message>
      <source>New readers</source>
      <translation>新办证读者</translation>
    </message>
    <message>
      <source>Active readers</source>
      <translation>活跃读者</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>到馆人次</translation>
    </message>
    <message>
      <source>Visits from head counts</source>
      <translation>到馆人次（人工计数）</translation>
    </message>
    <message>
      <source>Visits derived from desk activity</source>
      <translation>到馆人次（由借还推算）</translation>
    </message>
    <message>
      <source>Holdings (items)</source>
      <translation>馆藏册数</translation>
    </message>
    <message>
      <source>New items</source>
      <translation>新增藏量</translation>
    </message>
    <message>
      <source>Overdue loans</source>
      <translation>逾期借阅</translation>
    </message>
    <message>
      <source>Activities</source>
      <translation>读者活动</translation>
    </message>
    <message>
      <source>Activity attendance</source>
      <translation>活动参加人次</translation>
    </message>
    <message>
      <source>Service population</source>
      <translation>服务人口</translation>
    </message>
    <message>
      <source>New books per capita</source>
      <translation>人均年增新书（册）</translation>
    </message>
    <message>
      <source>Target: new books per capita</source>
      <translation>指标：人均年增新书（册）</translation>
    </message>
    <message>
      <source>Target met</source>
      <translation>是否达标</translation>
    </message>
    <message>
      <source>Loans per registered reader</source>
      <translation>持证读者人均借阅册次</translation>
    </message>
    <message>
      <source>Visits per registered reader</source>
      <translation>持证读者人均到馆次数</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>摘要</translation>
    </message>
    <message>
      <source>Loans and returns by month</source>
      <translation>各月借还册次</translation>
    </message>
    <message>
      <source>Active readers (borrowed in the period)</source>
      <translation>活跃读者（期内借过书）</translation>
    </message>
    <message>
      <source>Visits by month</source>
      <translation>各月到馆人次</translation>
    </message>
    <message>
      <source>Most borrowed books</source>
      <translation>借阅排行榜</translation>
    </message>
    <message>
      <source>Top readers</source>
      <translation>读者借阅排行榜</translation>
    </message>
    <message>
      <source>Holdings by class</source>
      <translation>纸质文献馆藏（按中图法大类）</translation>
    </message>
    <message>
      <source>New items by class</source>
      <translation>新增藏量（按中图法大类）</translation>
    </message>
    <message>
      <source>Credit points</source>
      <translation>信用积分</translation>
    </message>
    <message>
      <source>Activity log</source>
      <translation>活动明细</translation>
    </message>
    <message>
      <source>{name} {year}</source>
      <translation>{year}年{month}月</translation>
    </message>
    <message>
      <source>Registered readers by age band</source>
      <translation>注册读者年龄结构</translation>
    </message>
    <message>
      <source>Figure</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>数值</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>From head counts</source>
      <translation>人工计数</translation>
    </message>
    <message>
      <source>Derived from desk activity</source>
      <translation>由借还推算</translation>
    </message>
    <message>
      <source>Days counted by hand</source>
      <translation>人工计数天数</translation>
    </message>
    <message>
      <source>Days derived</source>
      <translation>推算天数</translation>
    </message>
    <message>
      <source>Rank</source>
      <translation>名次</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>题名</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>责任者</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>分类号</translation>
    </message>
    <message>
      <source>Card</source>
      <translation>读者证号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Days overdue</source>
      <translation>逾期天数</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Entries</source>
      <translation>笔数</translation>
    </message>
    <message>
      <source>Points</source>
      <translation>积分</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Count</source>
      <translation>次数</translation>
    </message>
    <message>
      <source>Attendance</source>
      <translation>参加人次</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Branches</source>
      <translation>各馆点</translation>
    </message>
    <message>
      <source>Jan</source>
      <translation>1月</translation>
    </message>
    <message>
      <source>Feb</source>
      <translation>2月</translation>
    </message>
    <message>
      <source>Mar</source>
      <translation>3月</translation>
    </message>
    <message>
      <source>Apr</source>
      <translation>4月</translation>
    </message>
    <message>
      <source>May</source>
      <translation>5月</translation>
    </message>
    <message>
      <source>Jun</source>
      <translation>6月</translation>
    </message>
    <message>
      <source>Jul</source>
      <translation>7月</translation>
    </message>
    <message>
      <source>Aug</source>
      <translation>8月</translation>
    </message>
    <message>
      <source>Sep</source>
      <translation>9月</translation>
    </message>
    <message>
      <source>Oct</source>
      <translation>10月</translation>
    </message>
    <message>
      <source>Nov</source>
      <translation>11月</translation>
    </message>
    <message>
      <source>Dec</source>
      <translation>12月</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>no</source>
      <translation>否</translation>
    </message>
    <message>
      <source>Overdue loans on {day}</source>
      <translation>{day} 逾期未还</translation>
    </message>
    <message>
      <source>Readers with overdue loans</source>
      <translation>有逾期的读者人数</translation>
    </message>
    <message>
      <source>Returned late during the period</source>
      <translation>期内逾期归还册次</translation>
    </message>
    <message>
      <source>Points added</source>
      <translation>加分合计</translation>
    </message>
    <message>
      <source>Points deducted</source>
      <translation>扣分合计</translation>
    </message>
    <message>
      <source>Readers concerned</source>
      <translation>涉及读者</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>代码</translation>
    </message>
  </context>
</TS>
