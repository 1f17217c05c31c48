<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>A transfer must go to another branch.</source>
      <translation>调拨必须发往其他馆点。</translation>
    </message>
    <message>
      <source>This transfer was already sent.</source>
      <translation>该调拨单已经发出。</translation>
    </message>
    <message>
      <source>Scan the copies to send first.</source>
      <translation>请先扫描要发送的图书。</translation>
    </message>
    <message>
      <source>Scan the copies that arrived.</source>
      <translation>请扫描到达的图书。</translation>
    </message>
    <message>
      <source>No transfer {uuid}.</source>
      <translation>没有调拨单 {uuid}。</translation>
    </message>
    <message>
      <source>There is no branch with the code {code}.</source>
      <translation>没有代码为 {code} 的馆点。</translation>
    </message>
    <message>
      <source>{barcode} is not at this branch, so it cannot be sent.</source>
      <translation>{barcode} 不在本馆点，无法发送。</translation>
    </message>
    <message>
      <source>{barcode} cannot be sent: it is {status}.</source>
      <translation>{barcode} 无法发送：状态为 {status}。</translation>
    </message>
    <message>
      <source>{barcode} was not sent in any transfer, so it was not received. Check where it came from.</source>
      <translation>{barcode} 不属于任何调拨，未接收。请查明这本书从哪里来。</translation>
    </message>
    <message>
      <source>{barcode} is not in any transfer this computer knows of; it is shown at {branch}. The sending branch may not have synced yet. Receive it here anyway? The county will match it with the transfer when both have synced.</source>
      <translation>本机不知道 {barcode} 属于哪次调拨，它现在登记在 {branch}。可能是发出的馆点还没有同步。仍然在这里接收吗？双方都同步后，县馆会把它和调拨记录对上。</translation>
    </message>
    <message>
      <source>{barcode} cannot be received: it is {status}.</source>
      <translation>{barcode} 无法接收：状态为 {status}。</translation>
    </message>
  </context>
</TS>
