<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>attendance</source>
      <translation>参加人数</translation>
    </message>
    <message>
      <source>head count</source>
      <translation>到馆人次</translation>
    </message>
    <message>
      <source>This computer has no branch yet; enrol it or give the branch code.</source>
      <translation>本机尚未登记馆点，请先登记或指定馆点代码。</translation>
    </message>
    <message>
      <source>Give the activity a title.</source>
      <translation>请填写活动名称。</translation>
    </message>
    <message>
      <source>The title is too long (200 characters at most).</source>
      <translation>名称太长（最多 200 个字）。</translation>
    </message>
    <message>
      <source>{day} is in the future; record activities and visits after they happen.</source>
      <translation>{day} 还没到，活动和到馆人次请在发生后登记。</translation>
    </message>
    <message>
      <source>The {what} must be a whole number from 0 to {limit}.</source>
      <translation>{what}必须是 0 到 {limit} 之间的整数。</translation>
    </message>
    <message>
      <source>Unknown activity kind {kind}.</source>
      <translation>未知的活动类型 {kind}。</translation>
    </message>
  </context>
</TS>
