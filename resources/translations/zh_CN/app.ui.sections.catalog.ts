<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>on shelf</source>
      <translation>在架</translation>
    </message>
    <message>
      <source>on loan</source>
      <translation>借出</translation>
    </message>
    <message>
      <source>in transit</source>
      <translation>在途</translation>
    </message>
    <message>
      <source>missing</source>
      <translation>丢失待查</translation>
    </message>
    <message>
      <source>lost</source>
      <translation>遗失</translation>
    </message>
    <message>
      <source>withdrawn</source>
      <translation>已剔除</translation>
    </message>
    <message>
      <source>damaged</source>
      <translation>损坏</translation>
    </message>
    <message>
      <source>Scan or type: ISBN, item barcode, title, author, call number or pinyin (hlm)</source>
      <translation>扫描或输入：ISBN、图书条码、题名、作者、索书号或拼音首字母（如 hlm）</translation>
    </message>
    <message>
      <source>Scan or search</source>
      <translation>扫描或检索</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>检索</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>提示</translation>
    </message>
    <message>
      <source>Catalogue tasks</source>
      <translation>编目任务</translation>
    </message>
    <message>
      <source>Catalogue a book</source>
      <translation>图书编目</translation>
    </message>
    <message>
      <source>Stocktake</source>
      <translation>盘点</translation>
    </message>
    <message>
      <source>Transfers</source>
      <translation>调拨</translation>
    </message>
    <message>
      <source>Search results</source>
      <translation>检索结果</translation>
    </message>
    <message>
      <source>Scan a book's ISBN to start.</source>
      <translation>扫描图书的 ISBN 开始编目。</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>题名</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>责任者</translation>
    </message>
    <message>
      <source>Publisher</source>
      <translation>出版者</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>出版地</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>出版年</translation>
    </message>
    <message>
      <source>ISBN</source>
      <translation>ISBN</translation>
    </message>
    <message>
      <source>中图法 class</source>
      <translation>中图法分类号</translation>
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
      <source>Save record and copies</source>
      <translation>保存记录和复本</translation>
    </message>
    <message>
      <source>Shelf to count</source>
      <translation>要盘点的书架</translation>
    </message>
    <message>
      <source>Start stocktake</source>
      <translation>开始盘点</translation>
    </message>
    <message>
      <source>Show result</source>
      <translation>查看结果</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>结束</translation>
    </message>
    <message>
      <source>Finish stocktake</source>
      <translation>结束盘点</translation>
    </message>
    <message>
      <source>Export CSV…</source>
      <translation>导出 CSV…</translation>
    </message>
    <message>
      <source>Export CSV</source>
      <translation>导出 CSV</translation>
    </message>
    <message>
      <source>No stocktake is open.</source>
      <translation>当前没有进行中的盘点。</translation>
    </message>
    <message>
      <source>Scanned items</source>
      <translation>已扫描的图书</translation>
    </message>
    <message>
      <source>Stocktake result</source>
      <translation>盘点结果</translation>
    </message>
    <message>
      <source> (more not shown)</source>
      <translation>（更多结果未显示）</translation>
    </message>
    <message>
      <source>Stocktake started. Scan every copy on the shelves.</source>
      <translation>盘点已开始。请扫描书架上的每一册书。</translation>
    </message>
    <message>
      <source>already counted</source>
      <translation>已盘点过</translation>
    </message>
    <message>
      <source>belongs elsewhere</source>
      <translation>属于别处</translation>
    </message>
    <message>
      <source>recorded as on loan!</source>
      <translation>记录为借出！</translation>
    </message>
    <message>
      <source>unknown barcode</source>
      <translation>未知条码</translation>
    </message>
    <message>
      <source>Stocktake finished; the result will be sent to the county.</source>
      <translation>盘点已结束，结果将发送给县馆。</translation>
    </message>
    <message>
      <source>Export stocktake</source>
      <translation>导出盘点结果</translation>
    </message>
    <message>
      <source>Call number</source>
      <translation>索书号</translation>
    </message>
    <message>
      <source>Copies</source>
      <translation>复本</translation>
    </message>
    <message>
      <source>Copies to add (scan the library barcodes):</source>
      <translation>待添加复本（请扫描馆藏条码）：</translation>
    </message>
    <message>
      <source>Shelf</source>
      <translation>书架</translation>
    </message>
    <message>
      <source>(no shelf)</source>
      <translation>（未指定书架）</translation>
    </message>
    <message>
      <source>Whole branch</source>
      <translation>整个馆点</translation>
    </message>
    <message>
      <source>no copies</source>
      <translation>无复本</translation>
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
      <source>Choose a 中图法 class</source>
      <translation>选择中图法分类</translation>
    </message>
    <message>
      <source>Choose a class…</source>
      <translation>选择分类…</translation>
    </message>
    <message>
      <source>Looking up {code}…</source>
      <translation>正在查询 {code}…</translation>
    </message>
    <message>
      <source>{count} copies ready to save.</source>
      <translation>已有 {count} 册待保存。</translation>
    </message>
    <message>
      <source>Saved “{title}”. {numbers}</source>
      <translation>已保存《{title}》。{numbers}</translation>
    </message>
    <message>
      <source>Expected {expected}, found {found}.</source>
      <translation>应在架 {expected} 册，找到 {found} 册。</translation>
    </message>
    <message>
      <source>Missing ({count}):</source>
      <translation>缺失（{count}）：</translation>
    </message>
    <message>
      <source>Belongs elsewhere ({count}):</source>
      <translation>应在别处（{count}）：</translation>
    </message>
    <message>
      <source>On loan but on the shelf ({count}):</source>
      <translation>记录为借出但在架（{count}）：</translation>
    </message>
    <message>
      <source>Saved {path}</source>
      <translation>已保存 {path}</translation>
    </message>
    <message>
      <source>Stocktake in progress (started {when}), {count} scanned. Keep scanning.</source>
      <translation>盘点进行中（开始于 {when}），已扫描 {count} 册。请继续扫描。</translation>
    </message>
    <message>
      <source>{code} was scanned twice; counted once.</source>
      <translation>{code} 重复扫描，只计一次。</translation>
    </message>
    <message>
      <source>{count} records found for “{query}”</source>
      <translation>“{query}”找到 {count} 条记录</translation>
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
      <source>Barcode {barcode} was scanned twice in this batch.</source>
      <translation>条码 {barcode} 在本批中扫描了两次。</translation>
    </message>
    <message>
      <source>Unknown barcodes: {codes}</source>
      <translation>未知条码：{codes}</translation>
    </message>
    <message>
      <source>{code} is a reader card. Use Circulation to lend books.</source>
      <translation>{code} 是读者证。借书请到“借还”。</translation>
    </message>
  </context>
</TS>
