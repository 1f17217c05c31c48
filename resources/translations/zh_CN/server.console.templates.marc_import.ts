<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Import a MARC file for the county</source>
      <translation>为全县导入 MARC 文件（统一文献采编）</translation>
    </message>
    <message>
      <source>Union catalogue</source>
      <translation>联合目录</translation>
    </message>
    <message>
      <source>Central cataloguing: records imported here join the union catalogue with their source MARC record and reach every branch at its next sync. Records already in the catalogue (same ISBN, title and volume) are skipped unless you choose to merge them or add them as new records.</source>
      <translation>统一文献采编：在此导入的记录连同其原始 MARC 记录进入联合目录，各馆点下次同步时收到。目录中已有的记录（ISBN、题名和卷册相同）默认跳过，也可选择合并或作为新记录添加。</translation>
    </message>
    <message>
      <source>{n} records added to the union catalogue.</source>
      <translation>已向联合目录添加 {n} 条记录。</translation>
    </message>
    <message>
      <source>{n} merged into the records already there.</source>
      <translation>{n} 条已合并到已有记录。</translation>
    </message>
    <message>
      <source>{n} already there, skipped.</source>
      <translation>{n} 条已存在，已跳过。</translation>
    </message>
    <message>
      <source>{n} could not be read.</source>
      <translation>{n} 条无法读取。</translation>
    </message>
    <message>
      <source>Search the union catalogue</source>
      <translation>检索联合目录</translation>
    </message>
    <message>
      <source>Import another file</source>
      <translation>导入另一个文件</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>预览</translation>
    </message>
    <message>
      <source>{n} new</source>
      <translation>新记录 {n} 条</translation>
    </message>
    <message>
      <source>{n} already in the catalogue</source>
      <translation>目录中已有 {n} 条</translation>
    </message>
    <message>
      <source>{n} skipped</source>
      <translation>跳过 {n} 条</translation>
    </message>
    <message>
      <source>{n} with control characters removed</source>
      <translation>{n} 条已清除控制字符</translation>
    </message>
    <message>
      <source>Sample titles</source>
      <translation>题名示例</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>序号</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>题名</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>new</source>
      <translation>新记录</translation>
    </message>
    <message>
      <source>already in the catalogue</source>
      <translation>目录中已有</translation>
    </message>
    <message>
      <source>skipped</source>
      <translation>跳过</translation>
    </message>
    <message>
      <source>same as record {n} of this file</source>
      <translation>与本文件第 {n} 条记录相同</translation>
    </message>
    <message>
      <source>cleaned fields: {fields}</source>
      <translation>已清理的字段：{fields}</translation>
    </message>
    <message>
      <source>only the first {n}</source>
      <translation>仅显示前 {n} 条</translation>
    </message>
    <message>
      <source>{n} records are already in the catalogue (same ISBN, title and volume):</source>
      <translation>{n} 条记录目录中已有（ISBN、题名和卷册相同）：</translation>
    </message>
    <message>
      <source>Skip them (the catalogue's records stay as they are)</source>
      <translation>跳过（目录中的记录保持不变）</translation>
    </message>
    <message>
      <source>Merge each into the existing record with the same ISBN (fill in its fields and keep this file's MARC record)</source>
      <translation>合并到 ISBN 相同的已有记录（补充其字段，并保存本文件的 MARC 记录）</translation>
    </message>
    <message>
      <source>Add them as new, separate records (volumes or editions that share an ISBN)</source>
      <translation>作为新的独立记录添加（共用 ISBN 的分册或版本）</translation>
    </message>
    <message>
      <source>Add {n} records to the union catalogue</source>
      <translation>将 {n} 条记录加入联合目录</translation>
    </message>
    <message>
      <source>Import the file</source>
      <translation>导入文件</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>MARC file (ISO 2709 or MARCXML, at most {mb} MB)</source>
      <translation>MARC 文件（ISO 2709 或 MARCXML，最大 {mb} MB）</translation>
    </message>
    <message>
      <source>Encoding</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>automatic</source>
      <translation>自动识别</translation>
    </message>
  </context>
</TS>
