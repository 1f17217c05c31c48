"""Pure rules the catalogue needs: ISBN, scanner input, 中图法 classes, call numbers, search keys.

Qt-free and database-free. Kept small on purpose: when the shared helpers in app/domain cover
the same ground, this module should delegate to them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import product

from app.i18n import _

# --- ISBN -----------------------------------------------------------------------------------

_ISBN_CHARS = re.compile(r"[\s\-‐‑–—]")


def isbn13_check_digit(first12: str) -> str:
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(first12))
    return str((10 - total % 10) % 10)


def isbn10_check_digit(first9: str) -> str:
    total = sum(int(d) * (10 - i) for i, d in enumerate(first9))
    check = (11 - total % 11) % 11
    return "X" if check == 10 else str(check)


def normalise_isbn(raw: str) -> str | None:
    """ISBN-10 or ISBN-13 (hyphens/spaces allowed, EAN add-on dropped) → ISBN-13, else None."""
    text = _ISBN_CHARS.sub("", raw).upper()
    # A scanner reading the price add-on gives 13 + 2 or 13 + 5 digits.
    if len(text) in (15, 18) and text.isdigit() and text[:3] in ("978", "979"):
        text = text[:13]
    if len(text) == 13 and text.isdigit() and text[:3] in ("978", "979"):
        return text if isbn13_check_digit(text[:12]) == text[12] else None
    if len(text) == 10 and text[:9].isdigit() and (text[9].isdigit() or text[9] == "X"):
        if isbn10_check_digit(text[:9]) != text[9]:
            return None
        body = "978" + text[:9]
        return body + isbn13_check_digit(body)
    return None


def looks_like_isbn(raw: str) -> bool:
    """Shaped like an ISBN (whether or not the check digit is right)."""
    text = _ISBN_CHARS.sub("", raw).upper()
    if len(text) in (13, 15, 18) and text.isdigit() and text[:3] in ("978", "979"):
        return True
    return len(text) == 10 and text[:9].isdigit() and text[:3] != "000" and "-" in raw


def format_isbn13(isbn13: str) -> str:
    return isbn13


# --- scanner input ---------------------------------------------------------------------------


def clean_scan(raw: str, prefix: str = "", suffix: str = "") -> str:
    """Strip the scanner's configured prefix/suffix, control characters and whitespace."""
    text = "".join(ch for ch in raw if unicodedata.category(ch) != "Cc").strip()
    if prefix and text.startswith(prefix):
        text = text[len(prefix) :]
    if suffix and text.endswith(suffix):
        text = text[: -len(suffix)]
    return text.strip()


class ScanDeduper:
    """A scanner that fires twice within ``window`` seconds is counted once."""

    def __init__(self, window: float = 1.0) -> None:
        self.window = window
        self._last: tuple[str, float] | None = None

    def accept(self, code: str, now: float) -> bool:
        last = self._last
        self._last = (code, now)
        return not (last is not None and last[0] == code and 0 <= now - last[1] < self.window)


# --- 中图法 classes --------------------------------------------------------------------------

CLC_TOP_CLASSES: tuple[tuple[str, str], ...] = (
    ("A", "马克思主义、列宁主义、毛泽东思想、邓小平理论"),
    ("B", "哲学、宗教"),
    ("C", "社会科学总论"),
    ("D", "政治、法律"),
    ("E", "军事"),
    ("F", "经济"),
    ("G", "文化、科学、教育、体育"),
    ("H", "语言、文字"),
    ("I", "文学"),
    ("J", "艺术"),
    ("K", "历史、地理"),
    ("N", "自然科学总论"),
    ("O", "数理科学和化学"),
    ("P", "天文学、地球科学"),
    ("Q", "生物科学"),
    ("R", "医药、卫生"),
    ("S", "农业科学"),
    ("T", "工业技术"),
    ("U", "交通运输"),
    ("V", "航空、航天"),
    ("X", "环境科学、安全科学"),
    ("Z", "综合性图书"),
)
CLC_T_SUBCLASSES: tuple[tuple[str, str], ...] = (
    ("TB", "一般工业技术"),
    ("TD", "矿业工程"),
    ("TE", "石油、天然气工业"),
    ("TF", "冶金工业"),
    ("TG", "金属学与金属工艺"),
    ("TH", "机械、仪表工业"),
    ("TJ", "武器工业"),
    ("TK", "能源与动力工程"),
    ("TL", "原子能技术"),
    ("TM", "电工技术"),
    ("TN", "无线电电子学、电信技术"),
    ("TP", "自动化技术、计算机技术"),
    ("TQ", "化学工业"),
    ("TS", "轻工业、手工业"),
    ("TU", "建筑科学"),
    ("TV", "水利工程"),
)
_TOP = {code for code, _name in CLC_TOP_CLASSES}
_T_SUB = {code for code, _name in CLC_T_SUBCLASSES}
_CLASS_RE = re.compile(r"^([A-Z]{1,2})(\d[\d.]*)?([-()\"=<>+:a-z0-9.\[\]{}/]*)$")


def valid_class_number(class_no: str) -> bool:
    match = _CLASS_RE.match(class_no)
    if not match:
        return False
    letters = match.group(1)
    if len(letters) == 1:
        return letters in _TOP
    return letters in _T_SUB


# --- call numbers (索书号) -------------------------------------------------------------------


@dataclass(frozen=True)
class CallNumber:
    class_no: str
    seq: int | None
    aux: str | None = None

    def format(self) -> str:
        text = self.class_no
        if self.seq is not None:
            text += f"/{self.seq}"
        if self.aux:
            text += f":{self.aux}"
        return text

    def spine_lines(self) -> list[str]:
        lines = [self.class_no]
        if self.seq is not None:
            lines.append(str(self.seq) + (f":{self.aux}" if self.aux else ""))
        return lines


_CALL_RE = re.compile(r"^\s*([^/\s]+)\s*(?:/\s*(\d+)\s*(?::\s*(\S+))?)?\s*$")


def parse_call_number(text: str) -> CallNumber:
    match = _CALL_RE.match(text.upper().replace("：", ":"))
    if not match or not valid_class_number(match.group(1)):
        raise ValueError(text)
    seq = int(match.group(2)) if match.group(2) else None
    return CallNumber(match.group(1), seq, match.group(3))


def class_sort_key(class_no: str) -> str:
    """中图法 shelf order: letters, then the digits as a decimal fraction, then auxiliaries."""
    match = re.match(r"^([A-Z]+)([\d.]*)(.*)$", class_no.upper())
    if not match:
        return class_no
    letters, digits, rest = match.groups()
    # A space sorts before letters and digits, so "T" < "TB" and "I247" < "I247.5" < "I248".
    return f"{letters} {digits.replace('.', '')} {rest}"


def call_sort_key(call_number: str) -> str:
    try:
        parsed = parse_call_number(call_number)
    except ValueError:
        return "~" + call_number  # unparseable numbers sort after every real one
    seq = f"{parsed.seq:08d}" if parsed.seq is not None else ""
    aux = parsed.aux or ""
    aux_key = f"{int(aux):06d}" if aux.isdigit() else aux
    return f"{class_sort_key(parsed.class_no)}|{seq}|{aux_key}"[:200]


# --- search keys -----------------------------------------------------------------------------

_MAX_VARIANTS = 8


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def pinyin_keys(text: str) -> list[str]:
    """Full pinyin and initials of the Chinese runs in ``text``, with heteronym variants.

    ``红楼梦`` → ``hongloumeng hlm``; ``长城`` → ``changcheng cc zhangcheng zc``.
    """
    # Imported here: pypinyin loads its phrase dictionary (~1 s), which start-up must not pay.
    from pypinyin import Style, pinyin

    keys: list[str] = []
    for run in re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]+", text):
        # The phrase reading first (pypinyin picks 重庆 → chongqing from context), then every
        # reading of each character on its own, so a reader typing zqhg also finds it.
        phrase = pinyin(run, style=Style.NORMAL, errors="ignore")
        single = pinyin(list(run), style=Style.NORMAL, heteronym=True, errors="ignore")
        if len(phrase) != len(single):
            phrase = single
        choices = [
            list(dict.fromkeys([*p[:1], *r[:3]])) for p, r in zip(phrase, single, strict=True)
        ]
        combos = 1
        for choice in choices:
            combos *= len(choice)
        if combos > _MAX_VARIANTS:  # long titles: keep the first reading of each character
            choices = [c[:1] for c in choices]
        for combo in product(*choices):
            full = "".join(combo)
            initials = "".join(s[0] for s in combo if s)
            for key in (full, initials):
                if key and key not in keys:
                    keys.append(key)
    return keys


def bigram_text(*values: str | None) -> str:
    """Tokens for the 1–2 character index: every Han unigram and bigram, plus latin words."""
    tokens: list[str] = []
    for value in values:
        if not value:
            continue
        for run in re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]+", value):
            tokens.extend(run)
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
        tokens.extend(w.lower() for w in re.findall(r"[A-Za-z0-9]+", value))
    return " ".join(dict.fromkeys(tokens))


def short_query_ok(query: str) -> bool:
    return all(_is_han(ch) or ch.isalnum() for ch in query)


def class_label(code: str) -> str:
    for table in (CLC_TOP_CLASSES, CLC_T_SUBCLASSES):
        for known, name in table:
            if known == code:
                return name
    return _("Unknown class")
