<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Operations per hour</source>
      <translation>每小时操作数</translation>
    </message>
    <message>
      <source>Open conflicts by branch</source>
      <translation>各馆点待处理冲突</translation>
    </message>
    <message>
      <source>A branch code has 1 to 32 letters or digits.</source>
      <translation>馆点代码为 1 到 32 个字母或数字。</translation>
    </message>
    <message>
      <source>Give the branch a name (at most 200 characters).</source>
      <translation>请填写馆点名称（最多 200 个字符）。</translation>
    </message>
    <message>
      <source>The barcode range needs a first and a last barcode of equal length.</source>
      <translation>条码段需要长度相同的起始条码和结束条码。</translation>
    </message>
    <message>
      <source>A barcode has at most 32 letters or digits.</source>
      <translation>条码最多 32 个字母或数字。</translation>
    </message>
    <message>
      <source>This device has no open enrolment code.</source>
      <translation>此设备没有可用的注册码。</translation>
    </message>
    <message>
      <source>Branch {code} already exists</source>
      <translation>馆点 {code} 已存在</translation>
    </message>
    <message>
      <source>No device {id}</source>
      <translation>没有设备 {id}</translation>
    </message>
    <message>
      <source>No branch with code {code}</source>
      <translation>没有代码为 {code} 的馆点</translation>
    </message>
    <message>
      <source>The barcode range overlaps the range of branch {code}.</source>
      <translation>条码段与馆点 {code} 的条码段重叠。</translation>
    </message>
  </context>
</TS>
