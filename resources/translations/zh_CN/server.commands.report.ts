<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>the county's annual statistics report (.xlsx, .csv, .pdf)</source>
      <translation>全县年度统计报表（.xlsx、.csv、.pdf）</translation>
    </message>
    <message>
      <source>store the evaluation settings of the report</source>
      <translation>保存报表的评估指标设置</translation>
    </message>
    <message>
      <source>the calendar year</source>
      <translation>年份</translation>
    </message>
    <message>
      <source>write the report here (.xlsx, .csv, .pdf)</source>
      <translation>报表保存到此文件（.xlsx、.csv、.pdf）</translation>
    </message>
    <message>
      <source>service population (default: stored)</source>
      <translation>服务人口（默认用已保存的设置）</translation>
    </message>
    <message>
      <source>target new books per capita (default: stored)</source>
      <translation>人均年增新书指标（默认用已保存的设置）</translation>
    </message>
    <message>
      <source>age bands, e.g. 0-6,7-14,15-17,18-59,60+</source>
      <translation>年龄段，例如 0-6,7-14,15-17,18-59,60+</translation>
    </message>
    <message>
      <source>length of the top lists</source>
      <translation>排行榜的长度</translation>
    </message>
    <message>
      <source>service population (常住人口)</source>
      <translation>服务人口（常住人口）</translation>
    </message>
    <message>
      <source>target new books per capita, e.g. 0.05</source>
      <translation>人均年增新书指标，例如 0.05</translation>
    </message>
    <message>
      <source>The population must be a positive number.</source>
      <translation>人口必须是正数。</translation>
    </message>
    <message>
      <source>The target must be a positive number.</source>
      <translation>指标必须是正数。</translation>
    </message>
    <message>
      <source>County report {year}: {branches} branches</source>
      <translation>{year} 年全县统计：{branches} 个馆点</translation>
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
      <source>New books per capita: {value} (target {target})</source>
      <translation>人均年增新书：{value}（指标 {target}）</translation>
    </message>
    <message>
      <source>Written to {path}</source>
      <translation>已保存到 {path}</translation>
    </message>
    <message>
      <source>Population: {population}  Target: {target}  Age bands: {age_bands}</source>
      <translation>服务人口：{population}  指标：{target}  年龄段：{age_bands}</translation>
    </message>
  </context>
</TS>
