<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>No good backup was found in {folder}. Copy a backup from the USB stick and restore it with: shuwu restore FILE</source>
      <translation>在 {folder} 中没有找到完好的备份。请从U盘复制一个备份，然后用 shuwu restore 文件 恢复。</translation>
    </message>
  </context>
</TS>
