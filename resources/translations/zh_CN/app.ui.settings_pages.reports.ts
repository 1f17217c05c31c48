<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Age bands</source>
      <translation>年龄段</translation>
    </message>
    <message>
      <source>&amp;Age bands:</source>
      <translation>年龄段(&amp;A)：</translation>
    </message>
    <message>
      <source>not set</source>
      <translation>未设置</translation>
    </message>
    <message>
      <source>Population served</source>
      <translation>服务人口</translation>
    </message>
    <message>
      <source>&amp;Population served:</source>
      <translation>服务人口(&amp;P)：</translation>
    </message>
    <message>
      <source>New books per person per year</source>
      <translation>人均年新增图书</translation>
    </message>
    <message>
      <source>&amp;New books per person per year:</source>
      <translation>人均年新增图书(&amp;N)：</translation>
    </message>
    <message>
      <source>The age bands group readers in the statistics; the population and the target give the evaluation indicators (new books per person, loans per reader).</source>
      <translation>年龄段用于读者统计分组；服务人口和目标用于评估指标（人均新书、读者人均借阅）。</translation>
    </message>
    <message>
      <source>&amp;Save settings</source>
      <translation>保存设置(&amp;S)</translation>
    </message>
    <message>
      <source>Save report settings</source>
      <translation>保存报表设置</translation>
    </message>
    <message>
      <source>Saved. The next report uses these settings.</source>
      <translation>已保存。下一份报表就用这些设置。</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>统计报表</translation>
    </message>
  </context>
</TS>
