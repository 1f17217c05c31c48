<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Policies</source>
      <translation>流通规则</translation>
    </message>
    <message>
      <source>Every change is versioned, recorded with your name, and reaches every branch at its next sync.</source>
      <translation>每次修改都会保存版本并记录修改人，各馆点在下次同步时生效。</translation>
    </message>
    <message>
      <source>Loan rules per reader type</source>
      <translation>各类读者借阅规则</translation>
    </message>
    <message>
      <source>Reader type</source>
      <translation>读者类型</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>new type</source>
      <translation>新类型</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <source>Credit-point rules</source>
      <translation>信用积分规则</translation>
    </message>
    <message>
      <source>Save credit rules</source>
      <translation>保存信用积分规则</translation>
    </message>
    <message>
      <source>Amnesty windows</source>
      <translation>免扣期</translation>
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
      <source>remove</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Open amnesty window</source>
      <translation>开设免扣期</translation>
    </message>
    <message>
      <source>Versions</source>
      <translation>版本记录</translation>
    </message>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>操作人</translation>
    </message>
    <message>
      <source>Policy</source>
      <translation>规则</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>credit rules</source>
      <translation>信用积分规则</translation>
    </message>
    <message>
      <source>No changes yet.</source>
      <translation>尚无修改。</translation>
    </message>
  </context>
</TS>
