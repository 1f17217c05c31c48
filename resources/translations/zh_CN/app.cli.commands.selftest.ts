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
      <source>write a PNG of every screen to DIR and list what does not fit (JSON)</source>
      <translation>把每个界面截图（PNG）写到 DIR，并列出显示不下的控件（JSON）</translation>
    </message>
    <message>
      <source>window size for --screenshots, e.g. 1366x768</source>
      <translation>--screenshots 的窗口大小，例如 1366x768</translation>
    </message>
    <message>
      <source>language for --screenshots</source>
      <translation>--screenshots 的界面语言</translation>
    </message>
    <message>
      <source>font size in points for --screenshots</source>
      <translation>--screenshots 的字号（磅）</translation>
    </message>
    <message>
      <source>Self-test passed: {count} sections opened, label PDF rendered.</source>
      <translation>自检通过：打开了 {count} 个页面，标签 PDF 已生成。</translation>
    </message>
    <message>
      <source>The font size must be between {low} and {high} points (what Settings offers).</source>
      <translation>字号必须在 {low} 到 {high} 磅之间（与“设置”里可选的一致）。</translation>
    </message>
    <message>
      <source>Self-test failed: {error}. Reinstall Shuwu or send this message to the county.</source>
      <translation>自检失败：{error}。请重新安装书屋，或把这条信息发给县馆。</translation>
    </message>
  </context>
</TS>
