<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>enrol this computer with the county server</source>
      <translation>将本机登记到县馆服务器</translation>
    </message>
    <message>
      <source>send unsent operations and receive changes</source>
      <translation>上传未发送的操作并接收更新</translation>
    </message>
    <message>
      <source>Run shuwu sync to receive the branch's data.</source>
      <translation>请运行 shuwu sync 接收本馆数据。</translation>
    </message>
    <message>
      <source>county server address</source>
      <translation>县馆服务器地址</translation>
    </message>
    <message>
      <source>one-time enrolment code from the county library</source>
      <translation>县馆提供的一次性登记码</translation>
    </message>
    <message>
      <source>a name for this computer</source>
      <translation>本机名称</translation>
    </message>
    <message>
      <source>Enrolled as {branch} ({code}) on {url}.</source>
      <translation>已登记为 {branch}（{code}），服务器 {url}。</translation>
    </message>
    <message>
      <source>Sent {pushed} operations ({duplicates} already on the server), received {pulled} changes.</source>
      <translation>已上传 {pushed} 条操作（其中 {duplicates} 条服务器已有），接收 {pulled} 条更新。</translation>
    </message>
    <message>
      <source>Conflicts filed by the county: {conflicts} now, {open} open in total.</source>
      <translation>县馆登记的冲突：本次 {conflicts} 条，共 {open} 条待处理。</translation>
    </message>
    <message>
      <source>{count} operations were refused by the server; see the Sync screen or shuwu refused.</source>
      <translation>有 {count} 个操作被服务器拒绝；请在“同步”页面或用 shuwu refused 查看。</translation>
    </message>
    <message>
      <source>{count} operations still waiting.</source>
      <translation>还有 {count} 条操作等待上传。</translation>
    </message>
  </context>
</TS>
