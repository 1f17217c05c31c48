<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>register, edit and find readers</source>
      <translation>登记、修改和查找读者</translation>
    </message>
    <message>
      <source>register a reader</source>
      <translation>登记读者</translation>
    </message>
    <message>
      <source>change a reader (by card)</source>
      <translation>修改读者信息（按读者证号）</translation>
    </message>
    <message>
      <source>list or search readers (masked)</source>
      <translation>列出或查找读者（隐去部分个人信息）</translation>
    </message>
    <message>
      <source>reader card number</source>
      <translation>读者证号</translation>
    </message>
    <message>
      <source>active or blocked</source>
      <translation>正常或停用</translation>
    </message>
    <message>
      <source>card, name, pinyin or phone</source>
      <translation>读者证号、姓名、拼音或电话</translation>
    </message>
    <message>
      <source>full name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>F, M or U</source>
      <translation>F 女、M 男、U 未填</translation>
    </message>
    <message>
      <source>year of birth</source>
      <translation>出生年份</translation>
    </message>
    <message>
      <source>age band</source>
      <translation>年龄段</translation>
    </message>
    <message>
      <source>phone number</source>
      <translation>电话号码</translation>
    </message>
    <message>
      <source>reader type</source>
      <translation>读者类型</translation>
    </message>
    <message>
      <source>pre-printed card number</source>
      <translation>预先印好的读者证号</translation>
    </message>
    <message>
      <source>home branch code</source>
      <translation>所属馆点代码</translation>
    </message>
    <message>
      <source>Registered {name}, card {card}</source>
      <translation>已登记 {name}，读者证号 {card}</translation>
    </message>
    <message>
      <source>(provisional until the next sync)</source>
      <translation>（临时证号，下次同步后确认）</translation>
    </message>
    <message>
      <source>No readers found.</source>
      <translation>没有找到读者。</translation>
    </message>
    <message>
      <source>Saved {name}, card {card}</source>
      <translation>已保存 {name}，读者证号 {card}</translation>
    </message>
  </context>
</TS>
