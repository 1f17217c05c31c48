<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The file is larger than {mb} MB; split it and import the parts.</source>
      <translation>文件超过 {mb} MB，请拆分后分批导入。</translation>
    </message>
    <message>
      <source>This preview has expired. Upload the file again.</source>
      <translation>此预览已过期，请重新上传文件。</translation>
    </message>
    <message>
      <source>Choose a MARC file to import.</source>
      <translation>请选择要导入的 MARC 文件。</translation>
    </message>
  </context>
</TS>
