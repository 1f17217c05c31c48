<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>branches of the county network</source>
      <translation>县域总分馆的馆点</translation>
    </message>
    <message>
      <source>add a branch</source>
      <translation>添加馆点</translation>
    </message>
    <message>
      <source>list branches</source>
      <translation>列出馆点</translation>
    </message>
    <message>
      <source>A branch code has 1 to 32 characters</source>
      <translation>馆点代码为 1 到 32 个字符</translation>
    </message>
    <message>
      <source>Branch {code} added.</source>
      <translation>已添加馆点 {code}。</translation>
    </message>
    <message>
      <source>Branch {code} already exists</source>
      <translation>馆点 {code} 已存在</translation>
    </message>
    <message>
      <source>No branch with code {code}</source>
      <translation>没有代码为 {code} 的馆点</translation>
    </message>
  </context>
</TS>
