<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>ops must be a non-empty list</source>
      <translation>ops 必须是非空列表</translation>
    </message>
    <message>
      <source>the same op_id appears twice in one batch</source>
      <translation>同一批次中 op_id 重复出现</translation>
    </message>
    <message>
      <source>operation {n}</source>
      <translation>第 {n} 项操作</translation>
    </message>
    <message>
      <source>At most {n} operations per push</source>
      <translation>每次最多上传 {n} 项操作</translation>
    </message>
    <message>
      <source>{where} is not an object</source>
      <translation>{where}不是对象</translation>
    </message>
    <message>
      <source>{where}: seq must increase strictly within a batch</source>
      <translation>{where}：同一批次内 seq 必须严格递增</translation>
    </message>
  </context>
</TS>
