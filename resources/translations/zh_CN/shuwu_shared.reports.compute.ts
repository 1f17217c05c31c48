<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Loans and returns</source>
      <translation>借还</translation>
    </message>
    <message>
      <source>Readers</source>
      <translation>读者</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>到馆人次</translation>
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
      <source>Holdings</source>
      <translation>馆藏</translation>
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
      <source>Credit points</source>
      <translation>信用积分</translation>
    </message>
    <message>
      <source>Activities</source>
      <translation>读者活动</translation>
    </message>
    <message>
      <source>Branches</source>
      <translation>各馆点</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>All branches</source>
      <translation>全部馆点</translation>
    </message>
    <message>
      <source>start date</source>
      <translation>起始日期</translation>
    </message>
    <message>
      <source>end date</source>
      <translation>截止日期</translation>
    </message>
    <message>
      <source>A report covers at most ten years.</source>
      <translation>一份报表最多覆盖十年。</translation>
    </message>
    <message>
      <source>Give at least one age band.</source>
      <translation>请至少给出一个年龄段。</translation>
    </message>
    <message>
      <source>The list length must be between 1 and 1000.</source>
      <translation>排行榜长度必须在 1 到 1000 之间。</translation>
    </message>
    <message>
      <source>The start date {start} is after the end date {end}.</source>
      <translation>起始日期 {start} 晚于截止日期 {end}。</translation>
    </message>
    <message>
      <source>{year} is not a valid year.</source>
      <translation>{year} 不是有效的年份。</translation>
    </message>
    <message>
      <source>Enter the {what} (YYYY-MM-DD).</source>
      <translation>请填写{what}（YYYY-MM-DD）。</translation>
    </message>
    <message>
      <source>{value} is not a date; write it as YYYY-MM-DD.</source>
      <translation>{value} 不是日期，请写成 YYYY-MM-DD。</translation>
    </message>
    <message>
      <source>The age bands must go upwards without overlapping: {band}.</source>
      <translation>年龄段必须从小到大且不能重叠：{band}。</translation>
    </message>
    <message>
      <source>{band} is not an age band; write bands like 0-6,7-14,60+.</source>
      <translation>{band} 不是年龄段，请写成 0-6,7-14,60+ 这样的形式。</translation>
    </message>
  </context>
</TS>
