<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>From</source>
      <translation>从</translation>
    </message>
    <message>
      <source>To</source>
      <translation>到</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>统计期间</translation>
    </message>
    <message>
      <source>This year</source>
      <translation>今年</translation>
    </message>
    <message>
      <source>Last year</source>
      <translation>去年</translation>
    </message>
    <message>
      <source>This month</source>
      <translation>本月</translation>
    </message>
    <message>
      <source>Last month</source>
      <translation>上月</translation>
    </message>
    <message>
      <source>Custom dates</source>
      <translation>自选日期</translation>
    </message>
    <message>
      <source>Branch</source>
      <translation>馆点</translation>
    </message>
    <message>
      <source>This branch</source>
      <translation>本馆</translation>
    </message>
    <message>
      <source>All branches in this database</source>
      <translation>本数据库中的全部馆点</translation>
    </message>
    <message>
      <source>Compute</source>
      <translation>统计</translation>
    </message>
    <message>
      <source>Compute the report</source>
      <translation>计算报表</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Cancel the computation</source>
      <translation>取消计算</translation>
    </message>
    <message>
      <source>Choose the dates and press Compute.</source>
      <translation>选择日期后按“统计”。</translation>
    </message>
    <message>
      <source>Report status</source>
      <translation>报表状态</translation>
    </message>
    <message>
      <source>Report views</source>
      <translation>报表视图</translation>
    </message>
    <message>
      <source>Charts</source>
      <translation>图表</translation>
    </message>
    <message>
      <source>Report tables</source>
      <translation>报表列表</translation>
    </message>
    <message>
      <source>Report table</source>
      <translation>报表内容</translation>
    </message>
    <message>
      <source>Tables</source>
      <translation>表格</translation>
    </message>
    <message>
      <source>Activities and visits</source>
      <translation>活动与到馆人次</translation>
    </message>
    <message>
      <source>Record an activity</source>
      <translation>登记活动</translation>
    </message>
    <message>
      <source>Activity date</source>
      <translation>活动日期</translation>
    </message>
    <message>
      <source>Activity kind</source>
      <translation>活动类型</translation>
    </message>
    <message>
      <source>Activity title</source>
      <translation>活动名称</translation>
    </message>
    <message>
      <source>e.g. 送书下乡 to 小河村</source>
      <translation>例如：送书下乡 小河村</translation>
    </message>
    <message>
      <source>Attendance</source>
      <translation>参加人次</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Save activity</source>
      <translation>保存活动</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>题名</translation>
    </message>
    <message>
      <source>Daily head count (到馆人次)</source>
      <translation>每日到馆人次</translation>
    </message>
    <message>
      <source>Head count date</source>
      <translation>计数日期</translation>
    </message>
    <message>
      <source>Number of visitors</source>
      <translation>到馆人次</translation>
    </message>
    <message>
      <source>Save head count</source>
      <translation>保存到馆人次</translation>
    </message>
    <message>
      <source>Days without a head count use the number of readers served at the desk.</source>
      <translation>没有人工计数的日子，按当天在借还台办理过业务的读者人数计算。</translation>
    </message>
    <message>
      <source>Visitors</source>
      <translation>人次</translation>
    </message>
    <message>
      <source>Recent activities</source>
      <translation>近期活动</translation>
    </message>
    <message>
      <source>Computing…</source>
      <translation>正在统计……</translation>
    </message>
    <message>
      <source>The report could not be computed.</source>
      <translation>报表未能计算。</translation>
    </message>
    <message>
      <source>Cancelled.</source>
      <translation>已取消。</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>正在保存……</translation>
    </message>
    <message>
      <source>The report was not saved.</source>
      <translation>报表未保存。</translation>
    </message>
    <message>
      <source>Save as Excel</source>
      <translation>保存为 Excel</translation>
    </message>
    <message>
      <source>Save as PDF</source>
      <translation>保存为 PDF</translation>
    </message>
    <message>
      <source>Save as CSV</source>
      <translation>保存为 CSV</translation>
    </message>
    <message>
      <source>Statistics report</source>
      <translation>统计报表</translation>
    </message>
    <message>
      <source>Save the report</source>
      <translation>保存报表</translation>
    </message>
    <message>
      <source>Saving the report</source>
      <translation>正在保存报表</translation>
    </message>
    <message>
      <source>Activity saved: {title}</source>
      <translation>活动已保存：{title}</translation>
    </message>
    <message>
      <source>Head count of {day} saved: {count}</source>
      <translation>{day} 到馆人次已保存：{count}</translation>
    </message>
    <message>
      <source>Computing… {step} ({done}/{total})</source>
      <translation>正在统计……{step}（{done}/{total}）</translation>
    </message>
    <message>
      <source>{branch}, {start} to {end}: {loans} loans, {visits} visits, {readers} new readers.</source>
      <translation>{branch}，{start} 至 {end}：借出 {loans} 册次，到馆 {visits} 人次，新办证 {readers} 人。</translation>
    </message>
    <message>
      <source>Saved to {path}</source>
      <translation>已保存到 {path}</translation>
    </message>
  </context>
</TS>
