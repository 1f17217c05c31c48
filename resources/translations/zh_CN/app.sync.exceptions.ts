<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Same copy lent at two places</source>
      <translation>同一册书在两处借出</translation>
    </message>
    <message>
      <source>Return before its checkout arrived</source>
      <translation>还书先于借书到达</translation>
    </message>
    <message>
      <source>Rule overridden offline</source>
      <translation>离线时越过规则借出</translation>
    </message>
    <message>
      <source>Staff override</source>
      <translation>工作人员特批</translation>
    </message>
    <message>
      <source>Lost copy found</source>
      <translation>丢失的书找到了</translation>
    </message>
    <message>
      <source>Unknown barcode</source>
      <translation>未知条码</translation>
    </message>
    <message>
      <source>Unknown reader card</source>
      <translation>未知读者证</translation>
    </message>
    <message>
      <source>Suspicious due date</source>
      <translation>应还日期可疑</translation>
    </message>
    <message>
      <source>Catalogue conflict</source>
      <translation>编目冲突</translation>
    </message>
    <message>
      <source>Computer clock wrong</source>
      <translation>电脑时间不对</translation>
    </message>
    <message>
      <source>Copies of other branches left unchanged</source>
      <translation>涉及其他分馆的图书，未作更改</translation>
    </message>
    <message>
      <source>Copy {barcode} was returned at {branch} before its loan reached the county; the return is kept</source>
      <translation>图书 {barcode} 在借出记录到达县馆之前已在 {branch} 归还；归还记录已保留</translation>
    </message>
    <message>
      <source>Copy {barcode} was lent at {a} and at {b} while offline; both loans are kept, the earlier one is closed</source>
      <translation>图书 {barcode} 离线时在 {a} 和 {b} 都被借出；两条借阅均已保留，较早的一条已关闭</translation>
    </message>
    <message>
      <source>Phoned both readers; the book is at {branch}.</source>
      <translation>已电话联系两位读者，书在 {branch}。</translation>
    </message>
  </context>
</TS>
