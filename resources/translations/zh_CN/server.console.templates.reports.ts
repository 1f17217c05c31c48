<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Reports</source>
      <translation>统计报表</translation>
    </message>
    <message>
      <source>County annual report</source>
      <translation>全县年度统计报表</translation>
    </message>
    <message>
      <source>Report year</source>
      <translation>统计年度</translation>
    </message>
    <message>
      <source>Choose</source>
      <translation>选择</translation>
    </message>
    <message>
      <source>Download {year} (Excel)</source>
      <translation>下载 {year} 年报表（Excel）</translation>
    </message>
    <message>
      <source>Download {year} (PDF)</source>
      <translation>下载 {year} 年报表（PDF）</translation>
    </message>
    <message>
      <source>The county report covers every branch; ask a county administrator.</source>
      <translation>全县报表涵盖所有馆点，请联系县馆管理员。</translation>
    </message>
    <message>
      <source>Branch dashboards</source>
      <translation>馆点看板</translation>
    </message>
  </context>
</TS>
