<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Shuwu backs up this computer's data once a day into the profile's backups folder. Also copy a backup to a USB stick now and then, and keep it elsewhere.</source>
      <translation>书屋每天自动把本机数据备份到数据文件夹的 backups 里。请时常再把备份复制到U盘，放在别处保管。</translation>
    </message>
    <message>
      <source>Number of daily backups to keep</source>
      <translation>保留的每日备份份数</translation>
    </message>
    <message>
      <source>&amp;Keep the last (days):</source>
      <translation>保留最近几天(&amp;K)：</translation>
    </message>
    <message>
      <source>&amp;Back up now</source>
      <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
      <source>Back up to a &amp;USB stick or folder…</source>
      <translation>备份到U盘或文件夹(&amp;U)…</translation>
    </message>
    <message>
      <source>&amp;Restore from a backup…</source>
      <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
      <source>Backups on this &amp;computer:</source>
      <translation>本机上的备份(&amp;C)：</translation>
    </message>
    <message>
      <source>Backups on this computer</source>
      <translation>本机上的备份</translation>
    </message>
    <message>
      <source>Backup status</source>
      <translation>备份状态</translation>
    </message>
    <message>
      <source>Choose the USB stick or folder</source>
      <translation>选择U盘或文件夹</translation>
    </message>
    <message>
      <source>Choose a backup file</source>
      <translation>选择备份文件</translation>
    </message>
    <message>
      <source>Shuwu backups (*.db)</source>
      <translation>书屋备份 (*.db)</translation>
    </message>
    <message>
      <source>Restore from a backup?</source>
      <translation>从备份恢复吗？</translation>
    </message>
    <message>
      <source>Confirm restore</source>
      <translation>确认恢复</translation>
    </message>
    <message>
      <source>Replace with the backup</source>
      <translation>用备份替换</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Backups</source>
      <translation>备份</translation>
    </message>
    <message>
      <source>Restore cancelled; nothing was changed.</source>
      <translation>已取消恢复，没有做任何更改。</translation>
    </message>
    <message>
      <source>Backup written to {path} ({counts}).</source>
      <translation>备份已保存到 {path}（{counts}）。</translation>
    </message>
    <message>
      <source>Restored: {counts}. The previous data was saved in the backups folder.</source>
      <translation>已恢复：{counts}。原来的数据已另存在 backups 文件夹。</translation>
    </message>
  </context>
</TS>
