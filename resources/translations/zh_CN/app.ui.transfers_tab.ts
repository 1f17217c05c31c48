<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Choose where the books go, then scan them.</source>
      <translation>先选择调往的书屋/分馆，再逐本扫描条码。</translation>
    </message>
    <message>
      <source>Transfer message</source>
      <translation>调拨提示</translation>
    </message>
    <message>
      <source>Recent transfers</source>
      <translation>最近的调拨</translation>
    </message>
    <message>
      <source>Destination branch</source>
      <translation>调往的书屋/分馆</translation>
    </message>
    <message>
      <source>Barcode to send</source>
      <translation>要调出的条码</translation>
    </message>
    <message>
      <source>Scan a copy to send, then Enter</source>
      <translation>扫描要调出的图书条码，然后回车</translation>
    </message>
    <message>
      <source>Copies to send</source>
      <translation>待调出的复本</translation>
    </message>
    <message>
      <source>Remove line</source>
      <translation>删除此行</translation>
    </message>
    <message>
      <source>Remove the selected copy from the batch</source>
      <translation>从本批中删除选中的复本</translation>
    </message>
    <message>
      <source>Send</source>
      <translation>发出</translation>
    </message>
    <message>
      <source>Send the batch</source>
      <translation>发出本批调拨</translation>
    </message>
    <message>
      <source>Barcode received</source>
      <translation>收到的条码</translation>
    </message>
    <message>
      <source>Scan each arriving copy, then Enter</source>
      <translation>逐本扫描到达的图书条码，然后回车</translation>
    </message>
    <message>
      <source>Copies received</source>
      <translation>已收到的复本</translation>
    </message>
    <message>
      <source>Send transfer</source>
      <translation>发出调拨</translation>
    </message>
    <message>
      <source>Receive a copy not announced?</source>
      <translation>接收一本没有调拨记录的书？</translation>
    </message>
    <message>
      <source>Batch</source>
      <translation>批次</translation>
    </message>
    <message>
      <source>From</source>
      <translation>从</translation>
    </message>
    <message>
      <source>To</source>
      <translation>到</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Copies</source>
      <translation>复本</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>已收到</translation>
    </message>
    <message>
      <source>Send books to another branch</source>
      <translation>调出图书到其他书屋/分馆</translation>
    </message>
    <message>
      <source>Receive books that arrived</source>
      <translation>接收调入的图书</translation>
    </message>
    <message>
      <source>Choose the branch the books go to first.</source>
      <translation>请先选择调往的书屋/分馆。</translation>
    </message>
    <message>
      <source>Select the line to remove first (arrow keys).</source>
      <translation>请先用方向键选中要删除的行。</translation>
    </message>
    <message>
      <source>Scan the copies to send first.</source>
      <translation>请先扫描要发送的图书。</translation>
    </message>
    <message>
      <source>{count} copies in the batch.</source>
      <translation>本批已有 {count} 册。</translation>
    </message>
    <message>
      <source>{barcode} removed from the batch.</source>
      <translation>{barcode} 已从本批删除。</translation>
    </message>
    <message>
      <source>Send {count} copies to {branch}? They will be marked in transit.</source>
      <translation>确定把 {count} 册发往 {branch} 吗？这些书将标记为“在途”。</translation>
    </message>
    <message>
      <source>Batch {batch} sent to {branch}: {count} copies now in transit.</source>
      <translation>批次 {batch} 已发往 {branch}：{count} 册现为在途。</translation>
    </message>
    <message>
      <source>{barcode}  {title}  — received (batch {batch} from {branch})</source>
      <translation>{barcode}  {title}  — 已收到（批次 {batch}，来自 {branch}）</translation>
    </message>
    <message>
      <source>{barcode} received.</source>
      <translation>{barcode} 已收到。</translation>
    </message>
    <message>
      <source>{barcode}  — not part of any transfer</source>
      <translation>{barcode}  — 不属于任何调拨，未接收</translation>
    </message>
    <message>
      <source>{barcode} is already in this batch (scanned twice).</source>
      <translation>{barcode} 已在本批中（扫了两次）。</translation>
    </message>
    <message>
      <source>{barcode} was not sent in any transfer, so it was not received. Check where it came from.</source>
      <translation>{barcode} 不属于任何调拨，未接收。请查明这本书从哪里来。</translation>
    </message>
  </context>
</TS>
