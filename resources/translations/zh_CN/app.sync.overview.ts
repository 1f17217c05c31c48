<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>This computer's clock is {amount} slow. Please set the date and time.</source>
      <translation>本机时间慢了 {amount}，请校正日期和时间。</translation>
    </message>
    <message>
      <source>This computer's clock is {amount} fast. Please set the date and time.</source>
      <translation>本机时间快了 {amount}，请校正日期和时间。</translation>
    </message>
    <message>
      <source>No system keychain on this computer: the access key is kept in a file of the profile folder that only this user account can read.</source>
      <translation>本机没有系统钥匙串：访问密钥保存在档案文件夹中的一个文件里，只有当前用户账户能读取。</translation>
    </message>
    <message>
      <source>The access key is kept in the system keychain.</source>
      <translation>访问密钥保存在系统钥匙串中。</translation>
    </message>
    <message>
      <source>{count} changes from the county could not be applied on this computer yet (for example a loan whose reader has not arrived). They are tried again at every sync; if the number does not go down, tell the county library.</source>
      <translation>县馆发来的 {count} 条更新暂时无法在本机应用（例如借阅记录的读者资料尚未到达）。每次同步都会重试；如果数量一直不减少，请联系县馆。</translation>
    </message>
    <message>
      <source>{days} days</source>
      <translation>{days} 天</translation>
    </message>
    <message>
      <source>{hours} hours</source>
      <translation>{hours} 小时</translation>
    </message>
    <message>
      <source>{minutes} minutes</source>
      <translation>{minutes} 分钟</translation>
    </message>
  </context>
</TS>
