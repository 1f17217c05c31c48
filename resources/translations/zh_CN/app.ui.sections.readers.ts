<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>Birth year</source>
      <translation>出生年份</translation>
    </message>
    <message>
      <source>(not given)</source>
      <translation>（未填）</translation>
    </message>
    <message>
      <source>Age band</source>
      <translation>年龄段</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Reader type</source>
      <translation>读者类型</translation>
    </message>
    <message>
      <source>Card number</source>
      <translation>读者证号</translation>
    </message>
    <message>
      <source>empty: a provisional number is given</source>
      <translation>留空则自动分配临时证号</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Name:</source>
      <translation>姓名：</translation>
    </message>
    <message>
      <source>Gender:</source>
      <translation>性别：</translation>
    </message>
    <message>
      <source>Birth year:</source>
      <translation>出生年份：</translation>
    </message>
    <message>
      <source>or age band:</source>
      <translation>或年龄段：</translation>
    </message>
    <message>
      <source>Phone:</source>
      <translation>电话：</translation>
    </message>
    <message>
      <source>Reader type:</source>
      <translation>读者类型：</translation>
    </message>
    <message>
      <source>Card number:</source>
      <translation>读者证号：</translation>
    </message>
    <message>
      <source>Status:</source>
      <translation>状态：</translation>
    </message>
    <message>
      <source>Find by card, name, pinyin (e.g. zxm) or phone</source>
      <translation>按读者证号、姓名、拼音（如 zxm）或电话查找</translation>
    </message>
    <message>
      <source>Find readers</source>
      <translation>查找读者</translation>
    </message>
    <message>
      <source>Register reader (Ctrl+N)</source>
      <translation>登记读者（Ctrl+N）</translation>
    </message>
    <message>
      <source>Register a new reader</source>
      <translation>登记新读者</translation>
    </message>
    <message>
      <source>Readers (personal data masked)</source>
      <translation>读者列表（个人信息已部分隐去）</translation>
    </message>
    <message>
      <source>Edit (Enter)</source>
      <translation>修改（回车）</translation>
    </message>
    <message>
      <source>Print reader card…</source>
      <translation>打印读者证…</translation>
    </message>
    <message>
      <source>Print the selected reader's card</source>
      <translation>打印所选读者的读者证</translation>
    </message>
    <message>
      <source>Save card as PDF…</source>
      <translation>读者证存为 PDF…</translation>
    </message>
    <message>
      <source>Save the selected reader's card as a PDF file</source>
      <translation>把所选读者的读者证存为 PDF 文件</translation>
    </message>
    <message>
      <source>Print reader card</source>
      <translation>打印读者证</translation>
    </message>
    <message>
      <source>Save reader card</source>
      <translation>保存读者证</translation>
    </message>
    <message>
      <source>Reader card</source>
      <translation>读者证</translation>
    </message>
    <message>
      <source>Edit reader</source>
      <translation>修改读者信息</translation>
    </message>
    <message>
      <source>Register a reader</source>
      <translation>登记读者</translation>
    </message>
    <message>
      <source>Card</source>
      <translation>读者证号</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Saved: card {card}</source>
      <translation>已保存：读者证号 {card}</translation>
    </message>
    <message>
      <source>(provisional until the next sync)</source>
      <translation>（临时证号，下次同步后确认）</translation>
    </message>
    <message>
      <source>Card printing comes with the labels module.</source>
      <translation>读者证打印由标签打印模块提供，本版本尚未包含。</translation>
    </message>
    <message>
      <source>{n} readers</source>
      <translation>共 {n} 位读者</translation>
    </message>
    <message>
      <source>Saved to {path}</source>
      <translation>已保存到 {path}</translation>
    </message>
    <message>
      <source>(provisional)</source>
      <translation>（临时）</translation>
    </message>
    <message>
      <source>Reader card sent to the printer.</source>
      <translation>读者证已送往打印机。</translation>
    </message>
  </context>
</TS>
