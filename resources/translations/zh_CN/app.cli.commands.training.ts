<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>training mode: practice data for trainees</source>
      <translation>培训模式：供学员练习的演示数据</translation>
    </message>
    <message>
      <source>create the training profile with demo data</source>
      <translation>创建带演示数据的培训数据文件夹</translation>
    </message>
    <message>
      <source>open the desktop app on the training profile</source>
      <translation>以培训模式打开书屋</translation>
    </message>
    <message>
      <source>put the demo data back (discard practice)</source>
      <translation>恢复演示数据（丢弃练习内容）</translation>
    </message>
    <message>
      <source>move the training date forward by DAYS (0: back to today)</source>
      <translation>把培训日期往后推 DAYS 天（0：回到今天）</translation>
    </message>
    <message>
      <source>show the exercises and whether each is done</source>
      <translation>显示练习题及完成情况</translation>
    </message>
    <message>
      <source>do not ask for confirmation (for scripts)</source>
      <translation>不再询问确认（供脚本使用）</translation>
    </message>
    <message>
      <source>The training profile is back to the demo data, on today's date.</source>
      <translation>培训数据已恢复为演示数据，日期回到今天。</translation>
    </message>
    <message>
      <source>Training profile created in {path} with demo data.</source>
      <translation>已在 {path} 创建培训数据（含演示数据）。</translation>
    </message>
    <message>
      <source>The training profile in {path} already exists; it was not changed.</source>
      <translation>{path} 里已经有培训数据，未做更改。</translation>
    </message>
    <message>
      <source>Open it with: shuwu training open --home {path}</source>
      <translation>打开方法：shuwu training open --home {path}</translation>
    </message>
    <message>
      <source>Discard all practice work in {path} and restore the demo data?</source>
      <translation>丢弃 {path} 里的全部练习内容并恢复演示数据吗？</translation>
    </message>
    <message>
      <source>Reset cancelled; nothing was changed. Add --yes to reset without asking.</source>
      <translation>已取消重置，没有做任何更改。如需不经询问直接重置，请加 --yes。</translation>
    </message>
    <message>
      <source>Done: {done} of {total}</source>
      <translation>已完成：{done} / {total}</translation>
    </message>
    <message>
      <source>No training profile in {path}. Run: shuwu training start</source>
      <translation>{path} 里没有培训数据。请先运行：shuwu training start</translation>
    </message>
    <message>
      <source>Type yes to continue: </source>
      <translation>输入 yes 继续：</translation>
    </message>
    <message>
      <source>The training date is now {date} ({days} days ahead).</source>
      <translation>培训日期现在是 {date}（比今天晚 {days} 天）。</translation>
    </message>
    <message>
      <source>{path} is a real branch's profile, not a training profile.</source>
      <translation>{path} 是真实馆点的数据，不是培训数据。</translation>
    </message>
  </context>
</TS>
