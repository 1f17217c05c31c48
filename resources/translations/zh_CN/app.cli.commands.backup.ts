<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>back up the database to FILE or a folder (default: the profile's backups folder)</source>
      <translation>把数据库备份到文件 FILE 或文件夹（默认：数据文件夹里的 backups）</translation>
    </message>
    <message>
      <source>replace the database with a backup file</source>
      <translation>用备份文件替换当前数据库</translation>
    </message>
    <message>
      <source>recover a damaged database: restore the newest good backup, keep the unsent operations, receive the county catalogue again at the next sync</source>
      <translation>修复损坏的数据库：恢复最新的完好备份，保留尚未发送的操作，下次同步时重新接收县馆目录</translation>
    </message>
    <message>
      <source>The next sync receives the county catalogue again and renews this computer's registration with the county. Sync as soon as there is a connection (or by USB).</source>
      <translation>下次同步会重新接收县馆目录，并向县馆更新本机的登记。请在有网络时尽快同步（或用U盘同步）。</translation>
    </message>
    <message>
      <source>The next sync will renew this computer's registration with the county.</source>
      <translation>下次同步时，本机会自动向县馆重新登记。</translation>
    </message>
    <message>
      <source>backup file or folder</source>
      <translation>备份文件或文件夹</translation>
    </message>
    <message>
      <source>backup file</source>
      <translation>备份文件</translation>
    </message>
    <message>
      <source>do not ask for confirmation (for scripts)</source>
      <translation>不再询问确认（供脚本使用）</translation>
    </message>
    <message>
      <source>restore a backup of another branch: its branch code, as a confirmation</source>
      <translation>恢复其他馆点的备份：填写该馆点代码以确认</translation>
    </message>
    <message>
      <source>Backup written to {path} ({counts}).</source>
      <translation>备份已保存到 {path}（{counts}）。</translation>
    </message>
    <message>
      <source>Type yes to continue: </source>
      <translation>输入 yes 继续：</translation>
    </message>
    <message>
      <source>Recover now?</source>
      <translation>现在修复吗？</translation>
    </message>
    <message>
      <source>Recovery cancelled; nothing was changed. Add --yes to recover without asking.</source>
      <translation>已取消修复，没有做任何更改。加上 --yes 可不经询问直接修复。</translation>
    </message>
    <message>
      <source>Restored from {path}: {counts}.</source>
      <translation>已从 {path} 恢复：{counts}。</translation>
    </message>
    <message>
      <source>{count} unsent operations were kept and will be sent at the next sync.</source>
      <translation>{count} 条尚未上传的操作已保留，下次同步时会上传。</translation>
    </message>
    <message>
      <source>Replace the current data with this backup?</source>
      <translation>用这个备份替换当前数据吗？</translation>
    </message>
    <message>
      <source>Restore cancelled; nothing was changed. Add --yes to restore without asking.</source>
      <translation>已取消恢复，没有做任何更改。如需不经询问直接恢复，请加 --yes。</translation>
    </message>
    <message>
      <source>The damaged file was kept as {path}.</source>
      <translation>损坏的文件已保留为 {path}。</translation>
    </message>
    <message>
      <source>The previous data was saved to {path}.</source>
      <translation>原来的数据已另存到 {path}。</translation>
    </message>
    <message>
      <source>Type the branch code {code} to make this computer that branch:</source>
      <translation>请输入馆点代码 {code}，确认让本机成为该馆点：</translation>
    </message>
  </context>
</TS>
