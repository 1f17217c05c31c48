<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>unknown date</source>
      <translation>日期不明</translation>
    </message>
    <message>
      <source>The current data is first saved to the backups folder, and operations not yet sent to the county are kept and sent at the next sync.</source>
      <translation>恢复前会先把当前数据另存到 backups 文件夹；尚未上传到县馆的操作会保留，下次同步时上传。</translation>
    </message>
    <message>
      <source>it is not a Shuwu database file.</source>
      <translation>它不是书屋的数据文件。</translation>
    </message>
    <message>
      <source>the file is incomplete (cut off while copying).</source>
      <translation>文件不完整（可能复制时中断了）。</translation>
    </message>
    <message>
      <source>the file is damaged.</source>
      <translation>文件已损坏。</translation>
    </message>
    <message>
      <source>it was made by a newer version of Shuwu. Update Shuwu first, then restore.</source>
      <translation>它由更新版本的书屋生成。请先升级书屋，再恢复。</translation>
    </message>
    <message>
      <source>A backup cannot overwrite the live database. Choose another file.</source>
      <translation>备份不能覆盖正在使用的数据库。请换一个文件。</translation>
    </message>
    <message>
      <source>That file is the live database itself. Choose a backup file.</source>
      <translation>这个文件就是正在使用的数据库。请选择一个备份文件。</translation>
    </message>
    <message>
      <source>{bibs} records, {items} items, {readers} readers, {open_loans} open loans, {pending} unsent operations</source>
      <translation>{bibs} 条书目、{items} 册馆藏、{readers} 位读者、{open_loans} 笔在借、{pending} 条待上传操作</translation>
    </message>
    <message>
      <source>This backup belongs to branch {theirs}, but this computer is branch {mine}. Restoring it makes this computer {theirs}, and its next sync will be refused until it is enrolled again.</source>
      <translation>这个备份属于馆点 {theirs}，而本机是馆点 {mine}。恢复后本机将成为 {theirs}，在重新登记之前，下次同步会被拒绝。</translation>
    </message>
    <message>
      <source>Current data: missing or damaged.</source>
      <translation>当前数据：不存在或已损坏。</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>不明</translation>
    </message>
    <message>
      <source>{path} cannot be used as a Shuwu backup: {reason} Nothing was changed.</source>
      <translation>{path} 不能作为书屋备份使用：{reason}没有做任何更改。</translation>
    </message>
    <message>
      <source>The backup from {when} will replace the data on this computer.</source>
      <translation>将用 {when} 的备份替换本机上的数据。</translation>
    </message>
    <message>
      <source>Backup: {counts}.</source>
      <translation>备份中：{counts}。</translation>
    </message>
    <message>
      <source>The backup file {path} does not exist. Check the folder or USB stick.</source>
      <translation>备份文件 {path} 不存在。请检查文件夹或U盘。</translation>
    </message>
    <message>
      <source>it belongs to another program.</source>
      <translation>它属于别的程序。</translation>
    </message>
    <message>
      <source>The folder {path} does not exist. Choose an existing folder or USB stick.</source>
      <translation>文件夹 {path} 不存在。请选择一个已有的文件夹或U盘。</translation>
    </message>
    <message>
      <source>Current data (last changed {when}): {counts}.</source>
      <translation>当前数据（最后修改于 {when}）：{counts}。</translation>
    </message>
    <message>
      <source>Could not write the backup to {path}: {reason}. Check the USB stick or folder.</source>
      <translation>无法把备份写入 {path}：{reason}。请检查U盘或文件夹。</translation>
    </message>
    <message>
      <source>Nothing was changed. To restore it anyway, confirm the branch (shuwu restore FILE --confirm-branch {code}).</source>
      <translation>没有做任何更改。如仍要恢复，请确认馆点（shuwu restore 文件 --confirm-branch {code}）。</translation>
    </message>
  </context>
</TS>
