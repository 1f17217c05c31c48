<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>statistics report to .xlsx, .csv or .pdf</source>
      <translation>统计报表，输出为 .xlsx、.csv 或 .pdf</translation>
    </message>
    <message>
      <source>show or change the age bands, population and new-books target of the reports</source>
      <translation>查看或修改报表的年龄段、服务人口和人均新书目标</translation>
    </message>
    <message>
      <source>the branch's activities log</source>
      <translation>本馆活动记录</translation>
    </message>
    <message>
      <source>record an activity (送书下乡, lecture, class…)</source>
      <translation>登记一次活动（送书下乡、讲座、课堂……）</translation>
    </message>
    <message>
      <source>daily head counts (到馆人次)</source>
      <translation>每日到馆人次</translation>
    </message>
    <message>
      <source>enter the head count of a day</source>
      <translation>登记某一天的到馆人次</translation>
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
      <source>write the report here (.xlsx, .csv, .pdf)</source>
      <translation>报表保存到此文件（.xlsx、.csv、.pdf）</translation>
    </message>
    <message>
      <source>branch code (default: this computer's branch)</source>
      <translation>馆点代码（默认：本机所属馆点）</translation>
    </message>
    <message>
      <source>every branch in this database</source>
      <translation>本数据库中的所有馆点</translation>
    </message>
    <message>
      <source>length of the top lists</source>
      <translation>排行榜的长度</translation>
    </message>
    <message>
      <source>age bands, e.g. 0-6,7-14,15-17,18-59,60+</source>
      <translation>年龄段，例如 0-6,7-14,15-17,18-59,60+</translation>
    </message>
    <message>
      <source>e.g. 0-6,7-14,15-17,18-59,60+</source>
      <translation>例如 0-6,7-14,15-17,18-59,60+</translation>
    </message>
    <message>
      <source>people this branch serves (0: not set)</source>
      <translation>本馆服务的人口（0：不设）</translation>
    </message>
    <message>
      <source>new books per person per year to aim for (0: not set)</source>
      <translation>每人每年新增图书的目标（0：不设）</translation>
    </message>
    <message>
      <source>day of the activity, YYYY-MM-DD</source>
      <translation>活动日期，YYYY-MM-DD</translation>
    </message>
    <message>
      <source>kind of activity</source>
      <translation>活动类型</translation>
    </message>
    <message>
      <source>what it was</source>
      <translation>活动名称</translation>
    </message>
    <message>
      <source>number of people</source>
      <translation>参加人数</translation>
    </message>
    <message>
      <source>optional note</source>
      <translation>备注（可选）</translation>
    </message>
    <message>
      <source>the day, YYYY-MM-DD</source>
      <translation>日期，YYYY-MM-DD</translation>
    </message>
    <message>
      <source>number of visitors</source>
      <translation>到馆人次</translation>
    </message>
    <message>
      <source>Age bands: {bands}; population: {population}; new books per person: {target}</source>
      <translation>年龄段：{bands}；服务人口：{population}；人均新书目标：{target}</translation>
    </message>
    <message>
      <source>{branch}, {start} to {end}</source>
      <translation>{branch}，{start} 至 {end}</translation>
    </message>
    <message>
      <source>Loans: {loans}  Returns: {returns}  Visits: {visits}</source>
      <translation>借出：{loans}  归还：{returns}  到馆人次：{visits}</translation>
    </message>
    <message>
      <source>Registered readers: {registered}  New: {new}  Active: {active}</source>
      <translation>注册读者：{registered}  新办证：{new}  活跃读者：{active}</translation>
    </message>
    <message>
      <source>Holdings: {holdings}  New items: {new_items}  Overdue: {overdue}</source>
      <translation>馆藏：{holdings}  新增：{new_items}  逾期：{overdue}</translation>
    </message>
    <message>
      <source>not set</source>
      <translation>未设置</translation>
    </message>
    <message>
      <source>Written to {path}</source>
      <translation>已保存到 {path}</translation>
    </message>
    <message>
      <source>Activity recorded: {title}</source>
      <translation>已登记活动：{title}</translation>
    </message>
    <message>
      <source>Head count of {day}: {count}</source>
      <translation>{day} 到馆人次：{count}</translation>
    </message>
    <message>
      <source>{value} is not a date; write it as YYYY-MM-DD.</source>
      <translation>{value} 不是日期，请写成 YYYY-MM-DD。</translation>
    </message>
  </context>
</TS>
