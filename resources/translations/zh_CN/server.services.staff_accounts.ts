<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>A staff name has 1 to 64 characters without spaces.</source>
      <translation>工作人员账号名为 1 到 64 个字符，不含空格。</translation>
    </message>
    <message>
      <source>The role must be admin, supervisor or readonly.</source>
      <translation>角色必须是 admin、supervisor 或 readonly。</translation>
    </message>
    <message>
      <source>The password needs at least {n} characters.</source>
      <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
      <source>Staff account {name} already exists.</source>
      <translation>工作人员账号 {name} 已存在。</translation>
    </message>
    <message>
      <source>No staff account {id}</source>
      <translation>没有工作人员账号 {id}</translation>
    </message>
    <message>
      <source>Too many failed logins. Wait 15 minutes and try again.</source>
      <translation>登录失败次数过多，请 15 分钟后再试。</translation>
    </message>
    <message>
      <source>A township supervisor needs --branch with the township code.</source>
      <translation>乡镇督导账号需要用 --branch 指定乡镇馆代码。</translation>
    </message>
    <message>
      <source>No branch with code {code}</source>
      <translation>没有代码为 {code} 的馆点</translation>
    </message>
    <message>
      <source>Only a supervisor belongs to a branch.</source>
      <translation>只有乡镇督导账号属于某个馆点。</translation>
    </message>
  </context>
</TS>
