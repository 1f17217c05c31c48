"""Synthetic MARC files (no third-party data), after make_synthetic_cnmarc.py."""

from __future__ import annotations

FT, SF, RT = b"\x1e", b"\x1f", b"\x1d"

BOOKS = [
    ("9787020002207", "红楼梦", "曹雪芹", "人民文学出版社", "I242.47"),
    ("9787109123458", "苹果栽培技术", "李明", "中国农业出版社", "S661.1"),
    ("9787506365437", "活着", "余华", "作家出版社", "I247.57"),
]


def _df(ind: str, subs: list[tuple[str, str]], enc: str) -> bytes:
    body = b"".join(SF + c.encode("ascii") + v.encode(enc) for c, v in subs)
    return ind.encode("ascii") + body + FT


def _assemble(fields: list[tuple[str, bytes]], leader_tail: bytes, leader9: str) -> bytes:
    data = b""
    directory = b""
    for tag, body in fields:
        directory += tag.encode() + b"%04d" % len(body) + b"%05d" % len(data)
        data += body
    directory += FT
    base = 24 + len(directory)
    total = base + len(data) + 1
    leader = b"%05d" % total + b"nam" + leader9.encode() + b" 22" + b"%05d" % base + leader_tail
    leader = leader[:9] + leader9.encode() + leader[10:]
    assert len(leader) == 24
    return leader + directory + data + RT


def cnmarc(book: tuple[str, str, str, str, str], enc: str, leader9: str = " ") -> bytes:
    isbn, title, author, publisher, clc = book
    charset = "0121" if enc == "gb18030" else "50  "
    fields = [
        ("001", b"0120230001" + FT),
        ("010", _df("  ", [("a", isbn), ("d", "CNY59.70")], enc)),
        ("100", _df("  ", [("a", "20230101d2008    em y0chiy" + charset + "    ea")], enc)),
        ("200", _df("1 ", [("a", title), ("9", "pinyin"), ("f", author + "著")], enc)),
        ("210", _df("  ", [("a", "北京"), ("c", publisher), ("d", "2008")], enc)),
        ("215", _df("  ", [("a", "2册(1606页)"), ("d", "21cm")], enc)),
        ("606", _df("0 ", [("a", "长篇小说")], enc)),
        ("690", _df("  ", [("a", clc), ("v", "5")], enc)),
        ("701", _df(" 0", [("a", author), ("4", "著")], enc)),
        ("905", _df("  ", [("a", "XXXX"), ("d", clc), ("e", "1234")], enc)),
    ]
    return _assemble(fields, b"   450 ", leader9)


def marc21(book: tuple[str, str, str, str, str]) -> bytes:
    isbn, title, author, publisher, clc = book
    enc = "utf-8"
    fields = [
        ("001", b"m21-0001" + FT),
        ("020", _df("  ", [("a", isbn + " (pbk.)"), ("c", "CNY25.00")], enc)),
        ("084", _df("  ", [("a", clc), ("2", "clc")], enc)),
        ("100", _df("1 ", [("a", author + ",")], enc)),
        ("245", _df("10", [("a", title + " /"), ("c", author + "著.")], enc)),
        ("260", _df("  ", [("a", "北京 :"), ("b", publisher + ","), ("c", "2012.")], enc)),
        ("300", _df("  ", [("a", "191页 ;")], enc)),
        ("650", _df(" 4", [("a", "长篇小说.")], enc)),
    ]
    return _assemble(fields, b"   4500", "a")
