<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>external Z39.50/SRU targets for copy cataloguing</source>
      <translation>用于套录编目的外部 Z39.50/SRU 书目源</translation>
    </message>
    <message>
      <source>add a target</source>
      <translation>添加书目源</translation>
    </message>
    <message>
      <source>list the targets</source>
      <translation>列出书目源</translation>
    </message>
    <message>
      <source>connect to a target and run a search</source>
      <translation>连接书目源并试检索</translation>
    </message>
    <message>
      <source>remove a target</source>
      <translation>删除书目源</translation>
    </message>
    <message>
      <source>change the order in which targets are asked</source>
      <translation>更改询问书目源的先后顺序</translation>
    </message>
    <message>
      <source>No targets. Add one with: shuwu-server targets add NAME URL --syntax unimarc</source>
      <translation>尚无书目源。添加方法：shuwu-server targets add 名称 地址 --syntax unimarc</translation>
    </message>
    <message>
      <source>a short name, e.g. NLC or CALIS</source>
      <translation>简称，例如 NLC 或 CALIS</translation>
    </message>
    <message>
      <source>z3950://host:port/database or http(s)://host/path (SRU)</source>
      <translation>z3950://主机:端口/数据库，或 http(s)://主机/路径（SRU）</translation>
    </message>
    <message>
      <source>the records' character set (default: gb18030 for unimarc, utf-8 for marc21)</source>
      <translation>记录的字符集（默认：unimarc 为 gb18030，marc21 为 utf-8）</translation>
    </message>
    <message>
      <source>user name, if the target needs a login</source>
      <translation>用户名（书目源需要登录时）</translation>
    </message>
    <message>
      <source>read the password from standard input</source>
      <translation>从标准输入读取密码</translation>
    </message>
    <message>
      <source>the password (visible to other users of this computer; prefer stdin)</source>
      <translation>密码（本机其他用户可能看到；建议用标准输入）</translation>
    </message>
    <message>
      <source>lower is asked first (default 100)</source>
      <translation>数值越小越先查询（默认 100）</translation>
    </message>
    <message>
      <source>seconds to wait for the target (default 5)</source>
      <translation>等待书目源应答的秒数（默认 5）</translation>
    </message>
    <message>
      <source>the ISBN to search for</source>
      <translation>要检索的 ISBN</translation>
    </message>
    <message>
      <source>lower is asked first</source>
      <translation>数值小的先询问</translation>
    </message>
    <message>
      <source>Give the password either on stdin or with --password, not both</source>
      <translation>密码请用标准输入或 --password 之一提供，不能同时使用</translation>
    </message>
    <message>
      <source>Warning: a password on the command line can be seen by other users.</source>
      <translation>警告：命令行中的密码可能被其他用户看到。</translation>
    </message>
    <message>
      <source>{name}: answered in {seconds} s; {count} records for ISBN {isbn}.</source>
      <translation>{name}：{seconds} 秒内应答；ISBN {isbn} 共 {count} 条记录。</translation>
    </message>
    <message>
      <source>No password on standard input</source>
      <translation>标准输入中没有密码</translation>
    </message>
    <message>
      <source>Target {name} added: {url} ({syntax}, {charset}, priority {priority}).</source>
      <translation>已添加书目源 {name}：{url}（{syntax}，{charset}，优先级 {priority}）。</translation>
    </message>
    <message>
      <source>Target {name} removed.</source>
      <translation>已删除书目源 {name}。</translation>
    </message>
    <message>
      <source>Target {name} now has priority {priority}.</source>
      <translation>书目源 {name} 的优先级已改为 {priority}。</translation>
    </message>
    <message>
      <source>{name}: failed ({reason}): {message}</source>
      <translation>{name}：失败（{reason}）：{message}</translation>
    </message>
  </context>
</TS>
