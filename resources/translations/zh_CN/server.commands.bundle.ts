<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>USB sync bundles from villages without a connection</source>
      <translation>没有网络的村用U盘带来的同步包</translation>
    </message>
    <message>
      <source>apply a village's bundle and write the reply bundle</source>
      <translation>导入村里的同步包并生成回复包</translation>
    </message>
    <message>
      <source>the bundle from the village</source>
      <translation>村里带来的同步包</translation>
    </message>
    <message>
      <source>where to write the reply bundle (default: FILE-reply next to it)</source>
      <translation>回复包的保存位置（默认：同一文件夹下的 FILE-reply）</translation>
    </message>
    <message>
      <source>{path} cannot be imported: {reason} Nothing was changed.</source>
      <translation>无法导入 {path}：{reason}没有做任何更改。</translation>
    </message>
    <message>
      <source>the file is incomplete or damaged (copy it again).</source>
      <translation>文件不完整或已损坏（请重新复制一次）。</translation>
    </message>
    <message>
      <source>Bundle from device {device}: {applied} applied, {duplicate} already received, {conflicts} with conflicts (see exceptions), {rejected} refused.
Reply bundle for the village: {reply}</source>
      <translation>设备 {device} 的同步包：已入库 {applied} 条，此前已收到 {duplicate} 条，有冲突 {conflicts} 条（见异常列表），拒绝 {rejected} 条。
给村里的回复包：{reply}</translation>
    </message>
    <message>
      <source>{path} is damaged (bad header fields). Nothing was changed.</source>
      <translation>{path} 已损坏（文件头字段有误）。没有做任何更改。</translation>
    </message>
    <message>
      <source>{path} comes from a computer this server does not know. Nothing was changed.</source>
      <translation>{path} 来自本服务器不认识的电脑。没有做任何更改。</translation>
    </message>
    <message>
      <source>{path} comes from device {id}, which was revoked. Nothing was changed; enrol the computer again if it is back in use.</source>
      <translation>{path} 来自已吊销的设备 {id}。没有做任何更改；如果这台电脑重新启用，请重新登记。</translation>
    </message>
    <message>
      <source>{path}: training bundles and real branch bundles never mix (this server is {mode}). Nothing was changed.</source>
      <translation>{path}：培训同步包和正式馆点的同步包不能混用（本服务器是{mode}）。没有做任何更改。</translation>
    </message>
    <message>
      <source>{path} names an unknown epoch {epoch}. Nothing was changed.</source>
      <translation>{path} 的序列纪元 {epoch} 无效。没有做任何更改。</translation>
    </message>
    <message>
      <source>{path} holds too many operations. Nothing was changed.</source>
      <translation>{path} 包含的操作太多。没有做任何更改。</translation>
    </message>
    <message>
      <source>a training server</source>
      <translation>培训服务器</translation>
    </message>
    <message>
      <source>the real county server</source>
      <translation>县馆正式服务器</translation>
    </message>
    <message>
      <source>{path} is damaged ({reason}). Nothing was changed.</source>
      <translation>{path} 已损坏（{reason}）。没有做任何更改。</translation>
    </message>
    <message>
      <source>Could not write the reply bundle {path}: {reason}. Nothing was changed.</source>
      <translation>无法写入回复包 {path}：{reason}。没有做任何更改。</translation>
    </message>
  </context>
</TS>
