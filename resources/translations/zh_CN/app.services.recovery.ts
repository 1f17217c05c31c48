<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>There is no good backup on this computer. The damaged file is kept aside, a new database is made with this computer's enrolment and its {count} unsent operations, and the next sync receives the county catalogue and this branch's readers and loans.</source>
      <translation>本机上没有完好的备份。损坏的文件将另外保留，书屋会新建一个数据库，保留本机的登记信息和 {count} 条尚未发送的操作，下次同步时重新接收县馆目录以及本馆点的读者和借阅记录。</translation>
    </message>
    <message>
      <source>No good backup was found in {folder}. Copy a backup from the USB stick and restore it with: shuwu restore FILE</source>
      <translation>在 {folder} 中没有找到完好的备份。请从U盘复制一个备份，然后用 shuwu restore 文件 恢复。</translation>
    </message>
  </context>
</TS>
