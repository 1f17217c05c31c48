<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>cataloguing: search, add copies, MARC</source>
      <translation>编目：检索、添加复本、MARC</translation>
    </message>
    <message>
      <source>search the catalogue</source>
      <translation>检索书目</translation>
    </message>
    <message>
      <source>look up an ISBN (county, then local, else empty)</source>
      <translation>查询 ISBN（先县馆，再本地，否则空白）</translation>
    </message>
    <message>
      <source>search the county's external Z39.50/SRU targets (NLC, CALIS, …)</source>
      <translation>检索县馆配置的外部 Z39.50/SRU 书目源（国家图书馆、CALIS 等）</translation>
    </message>
    <message>
      <source>catalogue a book and add copies</source>
      <translation>编目并添加复本</translation>
    </message>
    <message>
      <source>import MARC records (ISO 2709 or MARCXML)</source>
      <translation>导入 MARC 记录（ISO 2709 或 MARCXML）</translation>
    </message>
    <message>
      <source>export all records as MARC (UTF-8)</source>
      <translation>将全部记录导出为 MARC（UTF-8）</translation>
    </message>
    <message>
      <source>list this branch's shelf locations</source>
      <translation>列出本馆点的书架位置</translation>
    </message>
    <message>
      <source>add a shelf location</source>
      <translation>添加书架位置</translation>
    </message>
    <message>
      <source>set a copy's status (missing, lost, …)</source>
      <translation>设置复本状态（缺失、丢失……）</translation>
    </message>
    <message>
      <source>rebuild the search indexes</source>
      <translation>重建检索索引</translation>
    </message>
    <message>
      <source>Sample of decoded titles (check that they read correctly):</source>
      <translation>解码后的题名样例（请确认显示正常）：</translation>
    </message>
    <message>
      <source>title, author, ISBN, barcode, call number or pinyin</source>
      <translation>题名、作者、ISBN、条码、索书号或拼音</translation>
    </message>
    <message>
      <source>title, author or ISBN</source>
      <translation>题名、责任者或 ISBN</translation>
    </message>
    <message>
      <source>records per target (at most 20)</source>
      <translation>每个书目源返回的记录数（最多 20）</translation>
    </message>
    <message>
      <source>catalogue record N of the answer in this branch</source>
      <translation>把结果中的第 N 条记录编入本馆目录</translation>
    </message>
    <message>
      <source>中图法 class number, e.g. I247.5</source>
      <translation>中图法分类号，例如 I247.5</translation>
    </message>
    <message>
      <source>copy barcode (repeat)</source>
      <translation>复本条码（可重复）</translation>
    </message>
    <message>
      <source>shelf location code</source>
      <translation>书架位置代码</translation>
    </message>
    <message>
      <source>辅助区分号 (volume/copy), e.g. 2</source>
      <translation>辅助区分号（卷册/复本），例如 2</translation>
    </message>
    <message>
      <source>character set: auto (by content, per record), utf-8, gb18030 or marc8</source>
      <translation>字符集：auto（按内容逐条判断）、utf-8、gb18030 或 marc8</translation>
    </message>
    <message>
      <source>only show what would happen (nothing is saved)</source>
      <translation>只预览结果（不保存）</translation>
    </message>
    <message>
      <source>import nothing if any record is damaged or refused</source>
      <translation>有任何记录损坏或被拒绝时全部不导入</translation>
    </message>
    <message>
      <source>ISO 2709 (.iso/.mrc) or MARCXML</source>
      <translation>ISO 2709（.iso/.mrc）或 MARCXML</translation>
    </message>
    <message>
      <source>no copies</source>
      <translation>无复本</translation>
    </message>
    <message>
      <source>Nothing found.</source>
      <translation>没有找到。</translation>
    </message>
    <message>
      <source>{isbn}: {source} {title}</source>
      <translation>{isbn}：{source} {title}</translation>
    </message>
    <message>
      <source>  target {target} did not answer ({reason}): {message}</source>
      <translation>  书目源 {target} 未能应答（{reason}）：{message}</translation>
    </message>
    <message>
      <source>The county server has no external targets configured.</source>
      <translation>县馆服务器尚未配置外部书目源。</translation>
    </message>
    <message>
      <source>Preview only: nothing was saved.</source>
      <translation>仅预览：没有保存任何内容。</translation>
    </message>
    <message>
      <source>No shelf locations.</source>
      <translation>没有书架位置。</translation>
    </message>
    <message>
      <source>{file}: {syntax}, {fmt}, encoding {encoding}</source>
      <translation>{file}：{syntax}，{fmt}，编码 {encoding}</translation>
    </message>
    <message>
      <source>New: {new}  Matched (ISBN + title + volume): {matched}  Rejected: {rejected}</source>
      <translation>新记录：{new}  匹配（ISBN+题名+分辑）：{matched}  拒绝：{rejected}</translation>
    </message>
    <message>
      <source>Wrote {count} records to {file}.</source>
      <translation>已将 {count} 条记录写入 {file}。</translation>
    </message>
    <message>
      <source>Indexed {count} records.</source>
      <translation>已为 {count} 条记录建立索引。</translation>
    </message>
    <message>
      <source>Catalogued record {number} from {target}: {title}</source>
      <translation>已从 {target} 套录第 {number} 条记录：{title}</translation>
    </message>
    <message>
      <source>  record {number} ({title}): {notes}</source>
      <translation>  第 {number} 条（{title}）：{notes}</translation>
    </message>
    <message>
      <source>Imported: {created} new, {merged} merged, {skipped} skipped.</source>
      <translation>已导入：新增 {created} 条，合并 {merged} 条，跳过 {skipped} 条。</translation>
    </message>
    <message>
      <source>There is no record {number} in this answer.</source>
      <translation>结果中没有第 {number} 条记录。</translation>
    </message>
    <message>
      <source>  record {number} skipped: {reason}</source>
      <translation>  第 {number} 条已跳过：{reason}</translation>
    </message>
    <message>
      <source>Attention: {rejected} record(s) were not imported and {cleaned} record(s) had fields cleaned (listed above).</source>
      <translation>注意：{rejected} 条记录未导入，{cleaned} 条记录有字段被清理（见上）。</translation>
    </message>
    <message>
      <source>record {other} of this file</source>
      <translation>本文件第 {other} 条</translation>
    </message>
    <message>
      <source>  record {number} matches {target} ({title})</source>
      <translation>  第 {number} 条与 {target}（{title}）匹配</translation>
    </message>
  </context>
</TS>
