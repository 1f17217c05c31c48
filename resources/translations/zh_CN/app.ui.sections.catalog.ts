<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
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
      <source>Shelves…</source>
      <translation>书架…</translation>
    </message>
    <message>
      <source>Shelves</source>
      <translation>书架</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>提示</translation>
    </message>
    <message>
      <source>Scan a book's ISBN to catalogue it, or search.</source>
      <translation>扫描图书的 ISBN 开始编目，或输入检索词。</translation>
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
      <source>Double-click or press Enter to open the record.</source>
      <translation>双击或按回车打开书目。</translation>
    </message>
    <message>
      <source>Scan or type to search; Enter on a result opens its record.</source>
      <translation>扫描或输入检索词；在结果上按回车打开书目。</translation>
    </message>
    <message>
      <source>Scan a book's ISBN; then the copy barcodes; Ctrl+S saves.</source>
      <translation>先扫描图书的 ISBN，再扫描复本条码；Ctrl+S 保存。</translation>
    </message>
    <message>
      <source>Choose a shelf, start the stocktake, then scan every copy.</source>
      <translation>选择书架，开始盘点，然后逐册扫描。</translation>
    </message>
    <message>
      <source>Scan the copies to send, or a transfer slip to receive.</source>
      <translation>扫描要调出的复本，或扫描调拨单接收。</translation>
    </message>
    <message>
      <source> (more not shown)</source>
      <translation>（更多结果未显示）</translation>
    </message>
    <message>
      <source>Call number</source>
      <translation>索书号</translation>
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
      <source>ISBN</source>
      <translation>ISBN</translation>
    </message>
    <message>
      <source>Copies</source>
      <translation>复本</translation>
    </message>
    <message>
      <source>no copies</source>
      <translation>无复本</translation>
    </message>
    <message>
      <source> Double-click or Enter opens a record.</source>
      <translation> 双击或按回车打开书目。</translation>
    </message>
    <message>
      <source>Looking up {code}…</source>
      <translation>正在查询 {code}…</translation>
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
      <source>{count} copies of “{title}” are not saved yet. Save them (Ctrl+S) or remove them (Del) before scanning another book.</source>
      <translation>《{title}》的 {count} 册复本尚未保存。请先保存（Ctrl+S）或删除（Del），再扫描另一本书。</translation>
    </message>
    <message>
      <source>{code} is a reader card. Use Circulation to lend books.</source>
      <translation>{code} 是读者证。借书请到“借还”。</translation>
    </message>
  </context>
</TS>
