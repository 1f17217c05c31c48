<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>This is not a training profile. Reset and date changes only work in training.</source>
      <translation>这不是培训数据。只有培训模式才能重置和调整日期。</translation>
    </message>
    <message>
      <source>The training demo data is missing. Delete this training folder and start again.</source>
      <translation>培训演示数据丢失了。请删除这个培训文件夹后重新开始。</translation>
    </message>
    <message>
      <source>Catalogue a book by its ISBN</source>
      <translation>按 ISBN 编目一本书</translation>
    </message>
    <message>
      <source>Catalogue: scan the ISBN on the back cover, check the record, add a copy.</source>
      <translation>编目：扫描封底的 ISBN，核对书目，添加一册。</translation>
    </message>
    <message>
      <source>Print its spine label</source>
      <translation>打印它的书标</translation>
    </message>
    <message>
      <source>Labels: print the label of the copy you just added.</source>
      <translation>标签打印：打印刚才添加的那册书的书标。</translation>
    </message>
    <message>
      <source>Register a reader</source>
      <translation>登记读者</translation>
    </message>
    <message>
      <source>Readers: register a new reader with a card.</source>
      <translation>读者：用一张借书证登记一位新读者。</translation>
    </message>
    <message>
      <source>Lend a book</source>
      <translation>借出一本书</translation>
    </message>
    <message>
      <source>Circulation: scan the reader's card, then the book's barcode.</source>
      <translation>借还：先扫读者证，再扫书的条码。</translation>
    </message>
    <message>
      <source>Return a book late</source>
      <translation>逾期归还一本书</translation>
    </message>
    <message>
      <source>Move the date forward past a due date, then return that book.</source>
      <translation>把日期推到应还日期之后，再归还那本书。</translation>
    </message>
    <message>
      <source>Sync with the classroom server</source>
      <translation>与教室服务器同步</translation>
    </message>
    <message>
      <source>Sync: send the operations to the trainer's classroom server.</source>
      <translation>同步：把操作上传到培训老师的教室服务器。</translation>
    </message>
    <message>
      <source>{path} holds a real branch's data, not a training profile. Training never uses it; choose an empty folder with --home.</source>
      <translation>{path} 里是真实馆点的数据，不是培训数据，培训绝不会使用它。请用 --home 选一个空文件夹。</translation>
    </message>
  </context>
</TS>
