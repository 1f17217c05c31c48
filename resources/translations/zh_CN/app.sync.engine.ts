<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>This computer is not enrolled with a county server yet. Enrol it first with the code from the county library (shuwu enrol --server URL --code CODE).</source>
      <translation>本机还没有登记到县馆服务器。请先用县馆提供的登记码登记（shuwu enrol --server 地址 --code 登记码）。</translation>
    </message>
    <message>
      <source>Sending operations</source>
      <translation>正在上传操作</translation>
    </message>
    <message>
      <source>The desk is ready: lending and returning work now</source>
      <translation>借还台已就绪：现在可以借书和还书</translation>
    </message>
    <message>
      <source>A sync is already running.</source>
      <translation>同步已在进行中。</translation>
    </message>
    <message>
      <source>Checking the server clock</source>
      <translation>正在核对服务器时间</translation>
    </message>
    <message>
      <source>Receiving changes</source>
      <translation>正在接收更新</translation>
    </message>
    <message>
      <source>The county catalogue can be searched now</source>
      <translation>县馆目录已可检索</translation>
    </message>
    <message>
      <source>The county server keeps refusing this computer's operation numbers.</source>
      <translation>县馆服务器一直拒绝本机的操作编号。</translation>
    </message>
  </context>
</TS>
