<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Choose XLSX or PDF.</source>
      <translation>请选择 XLSX 或 PDF。</translation>
    </message>
    <message>
      <source>Your role may not do this.</source>
      <translation>您的角色无权进行此操作。</translation>
    </message>
    <message>
      <source>Loans per month</source>
      <translation>每月借阅量</translation>
    </message>
    <message>
      <source>The population must be a positive number.</source>
      <translation>人口必须是正数。</translation>
    </message>
    <message>
      <source>No branch with code {code}</source>
      <translation>没有代码为 {code} 的馆点</translation>
    </message>
  </context>
</TS>
