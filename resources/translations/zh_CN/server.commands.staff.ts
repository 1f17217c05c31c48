<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>county console staff accounts</source>
      <translation>县馆管理台工作人员账号</translation>
    </message>
    <message>
      <source>create a staff account</source>
      <translation>创建工作人员账号</translation>
    </message>
    <message>
      <source>list staff accounts</source>
      <translation>列出工作人员账号</translation>
    </message>
    <message>
      <source>create the demo logins (demo and training servers only)</source>
      <translation>创建演示登录账号（仅限演示和培训服务器）</translation>
    </message>
    <message>
      <source>disable a staff account and end its sessions</source>
      <translation>停用工作人员账号并结束其登录</translation>
    </message>
    <message>
      <source>Password: </source>
      <translation>密码：</translation>
    </message>
    <message>
      <source>admin, supervisor or readonly</source>
      <translation>admin、supervisor 或 readonly</translation>
    </message>
    <message>
      <source>the township of a supervisor</source>
      <translation>督导账号所属乡镇</translation>
    </message>
    <message>
      <source>read the password from standard input</source>
      <translation>从标准输入读取密码</translation>
    </message>
    <message>
      <source>this database is a demo</source>
      <translation>此数据库是演示数据库</translation>
    </message>
    <message>
      <source>No terminal: give the password with --password-stdin.</source>
      <translation>没有终端：请用 --password-stdin 提供密码。</translation>
    </message>
    <message>
      <source>Password again: </source>
      <translation>再次输入密码：</translation>
    </message>
    <message>
      <source>The two passwords differ.</source>
      <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
      <source>Staff account {name} added.</source>
      <translation>已添加工作人员账号 {name}。</translation>
    </message>
    <message>
      <source>Staff account {name} disabled.</source>
      <translation>已停用工作人员账号 {name}。</translation>
    </message>
    <message>
      <source>Demo logins are only for demo and training servers.</source>
      <translation>演示登录账号只能用于演示和培训服务器。</translation>
    </message>
    <message>
      <source>active</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>disabled</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>No staff account {name}</source>
      <translation>没有工作人员账号 {name}</translation>
    </message>
  </context>
</TS>
