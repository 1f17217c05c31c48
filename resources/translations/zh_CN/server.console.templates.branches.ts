<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Branches and devices</source>
      <translation>馆点与设备</translation>
    </message>
    <message>
      <source>Branches</source>
      <translation>各馆点</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <source>Branch name</source>
      <translation>馆点名称</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Parent</source>
      <translation>上级馆</translation>
    </message>
    <message>
      <source>Barcode range</source>
      <translation>条码段</translation>
    </message>
    <message>
      <source>Add a branch</source>
      <translation>添加馆点</translation>
    </message>
    <message>
      <source>First barcode</source>
      <translation>起始条码</translation>
    </message>
    <message>
      <source>Last barcode</source>
      <translation>结束条码</translation>
    </message>
    <message>
      <source>Add branch</source>
      <translation>添加馆点</translation>
    </message>
    <message>
      <source>Register a PC</source>
      <translation>登记一台电脑</translation>
    </message>
    <message>
      <source>Branch</source>
      <translation>馆点</translation>
    </message>
    <message>
      <source>training device</source>
      <translation>培训设备</translation>
    </message>
    <message>
      <source>Register PC</source>
      <translation>登记电脑</translation>
    </message>
    <message>
      <source>Devices</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>Device</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>Device name</source>
      <translation>设备名称</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Last sync</source>
      <translation>最近同步</translation>
    </message>
    <message>
      <source>Clock offset</source>
      <translation>时钟偏差</translation>
    </message>
    <message>
      <source>Epoch</source>
      <translation>纪元</translation>
    </message>
    <message>
      <source>revoked</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>enrolled</source>
      <translation>已注册</translation>
    </message>
    <message>
      <source>waiting</source>
      <translation>待注册</translation>
    </message>
    <message>
      <source>training</source>
      <translation>培训</translation>
    </message>
  </context>
</TS>
