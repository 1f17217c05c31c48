<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>the file or its folder is read-only (check the permissions or the USB stick)</source>
      <translation>文件或其所在文件夹是只读的（请检查权限或U盘）</translation>
    </message>
    <message>
      <source>the disk could not be written (it may be full or failing)</source>
      <translation>无法写入磁盘（磁盘可能已满或出现故障）</translation>
    </message>
    <message>
      <source>another program is using the database (close it and try again)</source>
      <translation>另一个程序正在使用数据库（请关闭它后重试）</translation>
    </message>
    <message>
      <source>the database could not be updated ({kind})</source>
      <translation>数据库无法更新（{kind}）</translation>
    </message>
    <message>
      <source>The profile path {path} is not a folder.</source>
      <translation>数据路径 {path} 不是文件夹。</translation>
    </message>
    <message>
      <source>{path} is not a Shuwu database (it is not an SQLite file). It was not changed.</source>
      <translation>{path} 不是书屋数据库（不是 SQLite 文件）。文件未被改动。</translation>
    </message>
    <message>
      <source>{path} belongs to another program, not Shuwu. It was not changed.</source>
      <translation>{path} 属于其他程序，不是书屋的数据库。文件未被改动。</translation>
    </message>
    <message>
      <source>Cannot create the profile folder {path}: {reason}</source>
      <translation>无法创建数据文件夹 {path}：{reason}</translation>
    </message>
    <message>
      <source>The profile folder {path} is not writable. Choose another folder.</source>
      <translation>数据文件夹 {path} 不可写。请选择其他文件夹。</translation>
    </message>
    <message>
      <source>Cannot read the database file {path}: {reason}</source>
      <translation>无法读取数据库文件 {path}：{reason}</translation>
    </message>
    <message>
      <source>The database file {path} is damaged or unreadable. It was not changed.</source>
      <translation>数据库文件 {path} 已损坏或无法读取。文件未被改动。</translation>
    </message>
    <message>
      <source>Could not prepare the database {path}: {reason}</source>
      <translation>无法准备数据库 {path}：{reason}</translation>
    </message>
  </context>
</TS>
