<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>{field} {value} is not the branch this computer is enrolled for</source>
      <translation>{field} {value} 不是本机登记的分馆</translation>
    </message>
  </context>
</TS>
