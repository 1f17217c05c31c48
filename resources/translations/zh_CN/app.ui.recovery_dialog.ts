<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The database is damaged</source>
      <translation>数据库已损坏</translation>
    </message>
    <message>
      <source>&amp;Recover now</source>
      <translation>立即修复(&amp;R)</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Recovered</source>
      <translation>已修复</translation>
    </message>
    <message>
      <source>A backup of another branch</source>
      <translation>其他馆点的备份</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Recover now?</source>
      <translation>现在修复吗？</translation>
    </message>
    <message>
      <source>Cannot do that</source>
      <translation>无法完成操作</translation>
    </message>
    <message>
      <source>Restored from {path}: {counts}. {count} unsent operations were kept. The next sync receives the county catalogue again.</source>
      <translation>已从 {path} 恢复：{counts}。保留了 {count} 条尚未发送的操作。下次同步会重新接收县馆目录。</translation>
    </message>
    <message>
      <source>Make this computer {branch}</source>
      <translation>让本机成为 {branch}</translation>
    </message>
  </context>
</TS>
