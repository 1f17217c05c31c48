<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Loans and returns by month</source>
      <translation>各月借还册次</translation>
    </message>
    <message>
      <source>{branch} statistics, {start} to {end}</source>
      <translation>{branch} 统计报表（{start} 至 {end}）</translation>
    </message>
    <message>
      <source>No data</source>
      <translation>暂无数据</translation>
    </message>
    <message>
      <source>Save the report as .xlsx, .csv or .pdf (not {name}).</source>
      <translation>报表只能保存为 .xlsx、.csv 或 .pdf（不能是 {name}）。</translation>
    </message>
    <message>
      <source>The folder {folder} does not exist.</source>
      <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
      <source>Cannot write {path}: is it open in another program?</source>
      <translation>无法写入 {path}：是否正在其他程序中打开？</translation>
    </message>
    <message>
      <source>Cannot write {path}: {reason}</source>
      <translation>无法写入 {path}：{reason}</translation>
    </message>
  </context>
</TS>
