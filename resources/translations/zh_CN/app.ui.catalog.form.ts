<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Scan a book's ISBN to start.</source>
      <translation>扫描图书的 ISBN 开始编目。</translation>
    </message>
    <message>
      <source>Copies to add (scan the library barcodes):</source>
      <translation>待添加复本（请扫描馆藏条码）：</translation>
    </message>
    <message>
      <source>Copy barcode</source>
      <translation>复本条码</translation>
    </message>
    <message>
      <source>Copy barcode, then Enter</source>
      <translation>复本条码，然后回车</translation>
    </message>
    <message>
      <source>First barcode of a run</source>
      <translation>连号的起始条码</translation>
    </message>
    <message>
      <source>First barcode</source>
      <translation>起始条码</translation>
    </message>
    <message>
      <source>How many copies in the run</source>
      <translation>连号册数</translation>
    </message>
    <message>
      <source>Add run</source>
      <translation>添加连号</translation>
    </message>
    <message>
      <source>Add a run of copies</source>
      <translation>添加一串连号复本</translation>
    </message>
    <message>
      <source>Shelf location</source>
      <translation>书架位置</translation>
    </message>
    <message>
      <source>Volume/copy mark (辅助区分号)</source>
      <translation>辅助区分号（卷册/复本）</translation>
    </message>
    <message>
      <source>辅助区分号</source>
      <translation>辅助区分号</translation>
    </message>
    <message>
      <source>Copies to add</source>
      <translation>待添加复本</translation>
    </message>
    <message>
      <source>Remove selected (Del)</source>
      <translation>删除所选（Del）</translation>
    </message>
    <message>
      <source>Remove selected copies</source>
      <translation>删除所选复本</translation>
    </message>
    <message>
      <source>Save record and copies (Ctrl+S)</source>
      <translation>保存书目和复本（Ctrl+S）</translation>
    </message>
    <message>
      <source>Save record and copies</source>
      <translation>保存记录和复本</translation>
    </message>
    <message>
      <source>(no shelf)</source>
      <translation>（未指定书架）</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>正在保存……</translation>
    </message>
    <message>
      <source>Shelf</source>
      <translation>书架</translation>
    </message>
    <message>
      <source>Offline: the county catalogue could not be asked. </source>
      <translation>离线：无法查询县馆联合目录。</translation>
    </message>
    <message>
      <source>Scan the book's ISBN first.</source>
      <translation>请先扫描图书的 ISBN。</translation>
    </message>
    <message>
      <source>Choose the copies to remove in the list first.</source>
      <translation>请先在列表中选择要删除的复本。</translation>
    </message>
    <message>
      <source>e.g. S831.4 — F4 to search</source>
      <translation>例如 S831.4 —— 按 F4 检索</translation>
    </message>
    <message>
      <source>Choose… (F4)</source>
      <translation>选择…（F4）</translation>
    </message>
    <message>
      <source>Choose a 中图法 class</source>
      <translation>选择中图法分类</translation>
    </message>
    <message>
      <source>Class caption</source>
      <translation>类名</translation>
    </message>
    <message>
      <source>{clc} is not a 中图法 class number (for example I247.5 or TS976.3). Press F4 to search the classes.</source>
      <translation>{clc} 不是中图法分类号（例如 I247.5 或 TS976.3）。按 F4 检索类目。</translation>
    </message>
    <message>
      <source>{barcode} added: {count} copies ready to save (Ctrl+S).</source>
      <translation>已添加 {barcode}：{count} 册待保存（Ctrl+S）。</translation>
    </message>
    <message>
      <source>Removed {codes}; {count} copies ready to save.</source>
      <translation>已删除 {codes}；{count} 册待保存。</translation>
    </message>
    <message>
      <source>Saved “{title}”. {numbers}</source>
      <translation>已保存《{title}》。{numbers}</translation>
    </message>
    <message>
      <source>Already in the catalogue ({count} copies). Scan barcodes to add copies.</source>
      <translation>已在书目中（{count} 册复本）。扫描条码即可添加复本。</translation>
    </message>
    <message>
      <source>Record from the county union catalogue. Check it, then scan barcodes.</source>
      <translation>记录来自县馆联合目录。请核对，然后扫描条码。</translation>
    </message>
    <message>
      <source>No record found; please fill in the form, then scan barcodes.</source>
      <translation>没有找到记录，请填写表单，然后扫描条码。</translation>
    </message>
    <message>
      <source> (and {n} more)</source>
      <translation>（另有 {n} 个）</translation>
    </message>
    <message>
      <source>Run not added: </source>
      <translation>连号未添加：</translation>
    </message>
  </context>
</TS>
