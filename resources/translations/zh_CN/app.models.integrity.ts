<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The database {path} is damaged (the disk may be failing); Shuwu stopped before anything else could be lost. Recover it with `shuwu recover` (or restart Shuwu and choose Recover now): the newest good backup is restored, operations not yet sent to the county are kept, and the county catalogue is received again at the next sync.</source>
      <translation>数据库 {path} 已损坏（磁盘可能出现故障）；书屋已停下，以免丢失更多数据。请用 `shuwu recover` 修复（或重新打开书屋并选择“立即修复”）：将恢复最新的完好备份，保留尚未发送到县馆的操作，并在下次同步时重新接收县馆目录。</translation>
    </message>
  </context>
</TS>
