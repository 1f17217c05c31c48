<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The file to print could not be opened.</source>
      <translation>无法打开要打印的文件。</translation>
    </message>
    <message>
      <source>The printer could not be started.</source>
      <translation>无法启动打印机。</translation>
    </message>
  </context>
</TS>
