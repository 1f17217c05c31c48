<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Give the size as WIDTHxHEIGHT, for example 1024x768.</source>
      <translation>请按“宽x高”填写尺寸，例如 1024x768。</translation>
    </message>
  </context>
</TS>
