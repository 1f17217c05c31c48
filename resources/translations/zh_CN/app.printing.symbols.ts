<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>{code} cannot be printed as a barcode (letters and digits only).</source>
      <translation>{code} 不能打印成条码（只能用字母和数字）。</translation>
    </message>
  </context>
</TS>
