<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Copy-cataloguing targets</source>
      <translation>套录书目源</translation>
    </message>
    <message>
      <source>Union catalogue</source>
      <translation>联合目录</translation>
    </message>
    <message>
      <source>External Z39.50 and SRU catalogues asked, in priority order (lower first), when a branch looks up an ISBN.</source>
      <translation>馆点按 ISBN 查找时，按优先级（数值小的先）询问的外部 Z39.50 和 SRU 书目库。</translation>
    </message>
    <message>
      <source>Search the copy-cataloguing targets</source>
      <translation>检索套录书目源</translation>
    </message>
    <message>
      <source>answered in {seconds} s; {count} records for ISBN {isbn}.</source>
      <translation>{seconds} 秒内应答；ISBN {isbn} 共 {count} 条记录。</translation>
    </message>
    <message>
      <source>the test failed after {seconds} s.</source>
      <translation>测试在 {seconds} 秒后失败。</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>优先级</translation>
    </message>
    <message>
      <source>Target name</source>
      <translation>书目源名称</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Record syntax</source>
      <translation>记录格式</translation>
    </message>
    <message>
      <source>Character set</source>
      <translation>字符集</translation>
    </message>
    <message>
      <source>Timeout (s)</source>
      <translation>超时（秒）</translation>
    </message>
    <message>
      <source>Login</source>
      <translation>登录账号</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>disabled</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>Test</source>
      <translation>测试</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>No targets yet.</source>
      <translation>还没有书目源。</translation>
    </message>
    <message>
      <source>Add a target</source>
      <translation>添加书目源</translation>
    </message>
    <message>
      <source>default (gb18030 for unimarc, utf-8 for marc21)</source>
      <translation>默认（unimarc 用 gb18030，marc21 用 utf-8）</translation>
    </message>
    <message>
      <source>Priority (lower is asked first)</source>
      <translation>优先级（数值小的先询问）</translation>
    </message>
    <message>
      <source>User name (if the target needs a login)</source>
      <translation>用户名（书目源需要登录时填写）</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Add target</source>
      <translation>添加书目源</translation>
    </message>
    <message>
      <source>Z39.50: z3950://host:port/database (port 210 by default). SRU: http(s)://host/path. The password is stored for the connection and never shown again.</source>
      <translation>Z39.50：z3950://主机:端口/数据库（默认端口 210）。SRU：http(s)://主机/路径。密码仅保存用于连接，此后不再显示。</translation>
    </message>
  </context>
</TS>
