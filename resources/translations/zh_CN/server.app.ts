<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The request is not valid</source>
      <translation>请求无效</translation>
    </message>
    <message>
      <source>The request is larger than 2 MiB</source>
      <translation>请求超过 2 MiB</translation>
    </message>
    <message>
      <source>The body must be a JSON object</source>
      <translation>请求内容必须是 JSON 对象</translation>
    </message>
    <message>
      <source>This device is not enrolled with the county server</source>
      <translation>本设备尚未在县馆服务器注册</translation>
    </message>
    <message>
      <source>This device was revoked by the county library</source>
      <translation>本设备已被县馆停用</translation>
    </message>
    <message>
      <source>The county server met an unexpected error</source>
      <translation>县馆服务器遇到意外错误</translation>
    </message>
    <message>
      <source>The request is larger than 2 MiB uncompressed</source>
      <translation>请求解压后超过 2 MiB</translation>
    </message>
    <message>
      <source>The body is not valid JSON</source>
      <translation>请求内容不是有效的 JSON</translation>
    </message>
    <message>
      <source>The body is nested too deeply</source>
      <translation>请求内容嵌套层数过多</translation>
    </message>
    <message>
      <source>Too many failed enrolment attempts. Wait {minutes} minutes, then check the code with the county library.</source>
      <translation>注册失败次数过多。请等待 {minutes} 分钟，并向县馆核对注册码。</translation>
    </message>
    <message>
      <source>class_no must be a 中图法 class number</source>
      <translation>class_no 必须是中图法分类号</translation>
    </message>
    <message>
      <source>The body is not valid gzip</source>
      <translation>请求内容不是有效的 gzip</translation>
    </message>
    <message>
      <source>Enter the enrolment code from the county library</source>
      <translation>请输入县馆提供的注册码</translation>
    </message>
    <message>
      <source>device_id does not match this device's token</source>
      <translation>device_id 与本设备的令牌不符</translation>
    </message>
    <message>
      <source>No such snapshot: {name}</source>
      <translation>没有这种快照：{name}</translation>
    </message>
    <message>
      <source>Unknown epoch {epoch}</source>
      <translation>未知的纪元 {epoch}</translation>
    </message>
    <message>
      <source>ISBN {isbn} is not in the union catalogue</source>
      <translation>联合目录中没有 ISBN {isbn}</translation>
    </message>
  </context>
</TS>
