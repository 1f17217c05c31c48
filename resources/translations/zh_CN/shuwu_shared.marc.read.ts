<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>The file is empty. Nothing was imported.</source>
      <translation>文件是空的。没有导入任何记录。</translation>
    </message>
    <message>
      <source>This file is not a MARC file (ISO 2709 or MARCXML). Nothing was imported.</source>
      <translation>此文件不是 MARC 文件（ISO 2709 或 MARCXML）。没有导入任何记录。</translation>
    </message>
    <message>
      <source>the leader is damaged (not a MARC record)</source>
      <translation>头标区已损坏（不是 MARC 记录）</translation>
    </message>
    <message>
      <source>the record is truncated</source>
      <translation>记录不完整（被截断）</translation>
    </message>
    <message>
      <source>the leader's base address is damaged</source>
      <translation>头标区的数据基地址已损坏</translation>
    </message>
    <message>
      <source>the directory is damaged</source>
      <translation>地址目次区已损坏</translation>
    </message>
    <message>
      <source>the record has no fields</source>
      <translation>记录没有字段</translation>
    </message>
    <message>
      <source>no field of the record could be read</source>
      <translation>记录中没有可读的字段</translation>
    </message>
    <message>
      <source>field with a damaged tag dropped</source>
      <translation>已丢弃一个字段号损坏的字段</translation>
    </message>
    <message>
      <source>This MARCXML file declares entities; it is refused. Nothing was imported.</source>
      <translation>此 MARCXML 文件声明了实体，已拒绝。没有导入任何记录。</translation>
    </message>
    <message>
      <source>the text is not UTF-8, GB18030 or MARC-8</source>
      <translation>文字不是 UTF-8、GB18030 或 MARC-8</translation>
    </message>
    <message>
      <source>Unknown encoding {encoding}; use auto, utf-8, gb18030 or marc8.</source>
      <translation>未知的编码 {encoding}；请用 auto、utf-8、gb18030 或 marc8。</translation>
    </message>
    <message>
      <source>the record length in the leader ({declared}) is not its real length ({real})</source>
      <translation>头标区的记录长度（{declared}）与实际长度（{real}）不符</translation>
    </message>
    <message>
      <source>the text looks like ISO 5426 (UNIMARC Latin characters), which needs YAZ's yaz-iconv to read; install yaz, or convert the file to UTF-8 first, e.g. yaz-marcdump -f iso5426 -t utf8 -o marc</source>
      <translation>文字似为 ISO 5426（UNIMARC 拉丁字符），需要 YAZ 的 yaz-iconv 才能读取；请安装 yaz，或先将文件转换为 UTF-8，例如 yaz-marcdump -f iso5426 -t utf8 -o marc</translation>
    </message>
    <message>
      <source>field {tag} points outside the record</source>
      <translation>字段 {tag} 的位置超出了记录</translation>
    </message>
    <message>
      <source>{reason}; the fields were read by their terminators</source>
      <translation>{reason}；已按字段结束符读取各字段</translation>
    </message>
    <message>
      <source>the text is not valid {encoding}</source>
      <translation>文字不是有效的 {encoding}</translation>
    </message>
    <message>
      <source>the bytes look like {guess}, not {encoding}</source>
      <translation>字节看起来是 {guess}，而不是 {encoding}</translation>
    </message>
    <message>
      <source>{tag}: damaged indicators replaced by blanks</source>
      <translation>{tag}：损坏的指示符已改为空格</translation>
    </message>
    <message>
      <source>{tag}: field without subfields dropped</source>
      <translation>{tag}：没有子字段的字段已丢弃</translation>
    </message>
    <message>
      <source>{tag}: unreadable field dropped</source>
      <translation>{tag}：无法读取的字段已丢弃</translation>
    </message>
    <message>
      <source>an element has no “{name}” attribute</source>
      <translation>有元素缺少“{name}”属性</translation>
    </message>
    <message>
      <source>This MARCXML file is damaged ({reason}). Nothing was imported.</source>
      <translation>此 MARCXML 文件已损坏（{reason}）。没有导入任何记录。</translation>
    </message>
    <message>
      <source>{tag}: subfield with a damaged code dropped</source>
      <translation>{tag}：子字段标识损坏的子字段已丢弃</translation>
    </message>
    <message>
      <source>{tag}${code}: some MARC-8 characters could not be read</source>
      <translation>{tag}${code}：部分 MARC-8 字符无法读取</translation>
    </message>
  </context>
</TS>
