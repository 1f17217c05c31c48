<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Staff accounts</source>
      <translation>工作人员账号</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>账号</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Township</source>
      <translation>乡镇</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
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
      <source>disable</source>
      <translation>停用</translation>
    </message>
    <message>
      <source>enable</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Add a staff account</source>
      <translation>添加工作人员账号</translation>
    </message>
    <message>
      <source>Township (supervisors only)</source>
      <translation>乡镇（仅督导账号）</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Add account</source>
      <translation>添加账号</translation>
    </message>
    <message>
      <source>admin: everything · supervisor: reads its township's villages and resolves their conflicts · readonly: views only</source>
      <translation>县馆管理员：全部权限 · 乡镇督导：查看本乡镇各村书屋并处理其冲突 · 只读：仅查看</translation>
    </message>
    <message>
      <source>Audit log</source>
      <translation>审计日志</translation>
    </message>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>操作人</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>对象</translation>
    </message>
    <message>
      <source>Detail</source>
      <translation>详情</translation>
    </message>
  </context>
</TS>
