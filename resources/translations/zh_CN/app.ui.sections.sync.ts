<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>never</source>
      <translation>从未</translation>
    </message>
    <message>
      <source>Not resolved yet</source>
      <translation>未处理</translation>
    </message>
    <message>
      <source>Resolved {when}</source>
      <translation>已处理 {when}</translation>
    </message>
    <message>
      <source>County server</source>
      <translation>县馆服务器</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>服务器地址</translation>
    </message>
    <message>
      <source>Enrolment code</source>
      <translation>登记码</translation>
    </message>
    <message>
      <source>Enrol this computer</source>
      <translation>登记本机</translation>
    </message>
    <message>
      <source>Sync</source>
      <translation>同步</translation>
    </message>
    <message>
      <source>Sync now</source>
      <translation>立即同步</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Cancel sync</source>
      <translation>取消同步</translation>
    </message>
    <message>
      <source>Sync progress</source>
      <translation>同步进度</translation>
    </message>
    <message>
      <source>Last successful sync</source>
      <translation>上次成功同步</translation>
    </message>
    <message>
      <source>Operations waiting to be sent</source>
      <translation>等待上传的操作</translation>
    </message>
    <message>
      <source>Last result</source>
      <translation>上次结果</translation>
    </message>
    <message>
      <source>Conflicts to check (filed by the county)</source>
      <translation>待核对的冲突（县馆登记）</translation>
    </message>
    <message>
      <source>Conflicts to check</source>
      <translation>待核对的冲突</translation>
    </message>
    <message>
      <source>No open conflicts.</source>
      <translation>没有待处理的冲突。</translation>
    </message>
    <message>
      <source>A conflict the county has resolved stays listed for 30 days with its note.</source>
      <translation>县馆已处理的冲突连同处理说明保留显示 30 天。</translation>
    </message>
    <message>
      <source>Operations the county refused</source>
      <translation>县馆拒绝的操作</translation>
    </message>
    <message>
      <source>These were kept on this computer but not applied by the county. Check each one and redo the work if it is still needed.</source>
      <translation>这些操作保存在本机，但县馆没有采用。请逐条核对，需要的话重新办理。</translation>
    </message>
    <message>
      <source>Contacting the county server…</source>
      <translation>正在联系县馆服务器…</translation>
    </message>
    <message>
      <source>Syncing…</source>
      <translation>正在同步…</translation>
    </message>
    <message>
      <source>Sync finished.</source>
      <translation>同步完成。</translation>
    </message>
    <message>
      <source>Sync failed.</source>
      <translation>同步失败。</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>What happened</source>
      <translation>情况</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>县馆处理结果</translation>
    </message>
    <message>
      <source>Operation</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>About</source>
      <translation>对象</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Not enrolled: enter the server address and the code from the county library.</source>
      <translation>未登记：请输入服务器地址和县馆提供的登记码。</translation>
    </message>
    <message>
      <source>Enrolled as {branch}. Receiving the branch's data…</source>
      <translation>已登记为 {branch}。正在接收本馆数据…</translation>
    </message>
    <message>
      <source>Sent {pushed}, received {pulled}, new conflicts {conflicts}, refused {rejected}.</source>
      <translation>上传 {pushed}，接收 {pulled}，新冲突 {conflicts}，被拒绝 {rejected}。</translation>
    </message>
    <message>
      <source>Sync failed</source>
      <translation>同步失败</translation>
    </message>
    <message>
      <source>This computer is enrolled as {branch} ({code}).</source>
      <translation>本机已登记为 {branch}（{code}）。</translation>
    </message>
    <message>
      <source>The last attempt failed: {reason}</source>
      <translation>上次同步失败：{reason}</translation>
    </message>
  </context>
</TS>
