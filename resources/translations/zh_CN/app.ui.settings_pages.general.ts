<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Saved. The font size is applied now; the large scanner boxes follow when Shuwu is next opened.</source>
      <translation>已保存。字号已经生效；扫码框等大号文字在下次打开书屋时随之改变。</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>界面语言</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
      <source>Font size</source>
      <translation>字号</translation>
    </message>
    <message>
      <source>&amp;Font size:</source>
      <translation>字号(&amp;F)：</translation>
    </message>
    <message>
      <source>&amp;Save settings</source>
      <translation>保存设置(&amp;S)</translation>
    </message>
    <message>
      <source>Save settings</source>
      <translation>保存设置</translation>
    </message>
    <message>
      <source>General</source>
      <translation>常规</translation>
    </message>
    <message>
      <source>Close and reopen Shuwu to see the new language everywhere.</source>
      <translation>请关闭并重新打开书屋，新语言才会在所有地方生效。</translation>
    </message>
  </context>
</TS>
