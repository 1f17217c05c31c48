<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Enter the reader's name.</source>
      <translation>请填写读者姓名。</translation>
    </message>
    <message>
      <source>The name is too long (at most 50 characters).</source>
      <translation>姓名太长（最多 50 个字）。</translation>
    </message>
    <message>
      <source>Gender must be F, M or U (not given).</source>
      <translation>性别只能是 F（女）、M（男）或 U（未填）。</translation>
    </message>
    <message>
      <source>Enter the birth year or choose an age band.</source>
      <translation>请填写出生年份或选择年龄段。</translation>
    </message>
    <message>
      <source>The phone number is not valid.</source>
      <translation>电话号码不正确。</translation>
    </message>
    <message>
      <source>The card number may only hold letters, digits and '-'.</source>
      <translation>读者证号只能包含字母、数字和“-”。</translation>
    </message>
    <message>
      <source>Unknown reader status.</source>
      <translation>未知的读者状态。</translation>
    </message>
    <message>
      <source>This reader no longer exists.</source>
      <translation>这位读者已不存在。</translation>
    </message>
    <message>
      <source>Scan or type the reader's card number.</source>
      <translation>请扫描或输入读者证号。</translation>
    </message>
    <message>
      <source>The birth year {year} is not possible.</source>
      <translation>出生年份 {year} 不正确。</translation>
    </message>
    <message>
      <source>The age band must be one of: {bands}.</source>
      <translation>年龄段只能是：{bands}。</translation>
    </message>
    <message>
      <source>Unknown reader type {type}. Known types: {types}.</source>
      <translation>没有读者类型 {type}。可选类型：{types}。</translation>
    </message>
    <message>
      <source>No reader has the card {card}. Check the card or register the reader.</source>
      <translation>没有读者证号为 {card} 的读者。请检查读者证，或先登记读者。</translation>
    </message>
    <message>
      <source>The card number {card} is already in use.</source>
      <translation>读者证号 {card} 已被使用。</translation>
    </message>
    <message>
      <source>{code} is a book's barcode, not a reader card. Scan the reader's card first.</source>
      <translation>{code} 是图书条码，不是读者证。请先扫描读者证。</translation>
    </message>
  </context>
</TS>
