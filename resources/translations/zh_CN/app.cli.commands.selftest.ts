<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>check that this installation works, then exit</source>
      <translation>检查本机安装是否正常，然后退出</translation>
    </message>
    <message>
      <source>Self-test passed: {count} sections opened, label PDF rendered.</source>
      <translation>自检通过：打开了 {count} 个页面，标签 PDF 已生成。</translation>
    </message>
    <message>
      <source>Self-test failed: {error}. Reinstall Shuwu or send this message to the county.</source>
      <translation>自检失败：{error}。请重新安装书屋，或把这条信息发给县馆。</translation>
    </message>
  </context>
</TS>
