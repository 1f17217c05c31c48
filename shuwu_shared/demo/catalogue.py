"""Titles and copies: what a county network holds, weighted toward what village rooms lend
(farming, stories, children's books, health, law; the report's 送书下乡 lists 农业种植、畜牧养殖、
农技知识、健康知识、大众文学)."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from itertools import accumulate

from shuwu_shared.demo import names
from shuwu_shared.demo.records import DemoBib, DemoBranch, DemoItem
from shuwu_shared.demo.rng import new_uuid, stream
from shuwu_shared.domain.callnumber import CallNumber, format_call_number
from shuwu_shared.domain.isbn import isbn13_check_digit

TitleBuilder = Callable[[random.Random], str]


def _combo(parts: tuple[str, ...], topics: tuple[str, ...]) -> TitleBuilder:
    def build(rng: random.Random) -> str:
        return rng.choice(names.TITLE_PREFIXES) + rng.choice(parts) + rng.choice(topics)

    return build


def _story(rng: random.Random) -> str:
    return rng.choice(names.STORY_PLACES) + rng.choice(names.STORY_NOUNS)


# (weight, class numbers, title builder). Agriculture and literature dominate village rooms.
CLASS_PLAN: tuple[tuple[int, tuple[str, ...], TitleBuilder], ...] = (
    (18, ("S5", "S66", "S56", "S436.6", "S567.2"), _combo(names.CROPS, names.CROP_TOPICS)),
    (10, ("S8", "S85", "S858", "S89", "S831"), _combo(names.ANIMALS, names.ANIMAL_TOPICS)),
    (16, ("I247.5", "I247.7", "I267", "I227"), _story),
    (10, ("I287.5", "I287.7", "G613.2"), _combo(names.KIDS, names.KIDS_TOPICS)),
    (8, ("R161", "R544.1", "R587.1", "R212"), _combo(names.HEALTH, names.HEALTH_TOPICS)),
    (6, ("D922.3", "D923.9", "D920.5"), _combo(names.LAW, names.LAW_TOPICS)),
    (5, ("D229", "D261", "A81", "D422.6"), _combo(names.PARTY, names.PARTY_TOPICS)),
    (6, ("F323", "F724.6", "F321.42"), _combo(names.ECON, names.ECON_TOPICS)),
    (6, ("K20", "K292.5", "K265"), _combo(names.HISTORY, names.HISTORY_TOPICS)),
    (5, ("J292", "J528.1", "J642"), _combo(names.ARTS, names.ARTS_TOPICS)),
    (5, ("G78", "G624.2", "G634.6"), _combo(names.EDU, names.EDU_TOPICS)),
    (3, ("TU241.4", "TU99"), _combo(names.BUILD, names.BUILD_TOPICS)),
    (3, ("TM92", "TM925", "S22"), _combo(names.ELEC, names.ELEC_TOPICS)),
    (4, ("TS972.1", "TS972.13", "TS214"), _combo(names.FOOD, names.FOOD_TOPICS)),
)
_PLAN_CUMULATIVE = list(accumulate(w for w, _c, _b in CLASS_PLAN))
_AUTHOR_ROLES = ("著", "著", "编著", "主编", "编")


def person_name(rng: random.Random) -> str:
    given = rng.choice(names.GIVEN) + (rng.choice(names.GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(names.SURNAMES) + given


def _capacity(publisher_prefix: str) -> int:
    return int(10 ** (12 - 4 - len(publisher_prefix)))


def _isbn(publisher_prefix: str, serial: int) -> str:
    """A valid 978-7 ISBN: group 7, the publisher's real prefix, a title number, check digit."""
    body = f"9787{publisher_prefix}{serial:0{12 - 4 - len(publisher_prefix)}d}"
    return body + isbn13_check_digit(body)


class _IsbnAllocator:
    """Hands out unique ISBNs per publisher, skipping the real ones the classics carry."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.next_serial = {p: rng.randrange(100, 2000) for p, _n, _c in names.PUBLISHERS}
        self.reserved = {isbn for isbn, _p, _c in names.REAL_EDITIONS.values()}

    def allocate(self) -> tuple[str, str, str]:
        while True:
            prefix, publisher, place = self.rng.choice(names.PUBLISHERS)
            # Publishers number titles with gaps (reprints, other imprints).
            serial = self.next_serial[prefix] + self.rng.randint(1, 3)
            if serial >= _capacity(prefix):
                if all(s + 3 >= _capacity(p) for p, s in self.next_serial.items()):
                    raise ValueError("demo publishers have run out of ISBNs")
                continue  # this publisher is full; a bigger one takes the title
            self.next_serial[prefix] = serial
            isbn = _isbn(prefix, serial)
            if isbn not in self.reserved:
                return isbn, publisher, place


def iter_bibs(seed: int, count: int) -> Iterator[DemoBib]:
    """``count`` titles: the famous classics first, then titles built from word lists."""
    rng = stream(seed, "bibs")
    isbns = _IsbnAllocator(rng)
    for n in range(count):
        if n < len(names.CLASSICS):
            title, author, clc = names.CLASSICS[n]
        else:
            _w, classes, build = rng.choices(CLASS_PLAN, cum_weights=_PLAN_CUMULATIVE)[0]
            title = build(rng) + rng.choice(names.EDITION_SUFFIXES)
            author = person_name(rng) + rng.choice(_AUTHOR_ROLES)
            clc = rng.choice(classes)
        isbn, publisher, place = names.REAL_EDITIONS.get(title) or isbns.allocate()
        yield DemoBib(
            uuid=new_uuid(rng),
            isbn=isbn,
            title=title,
            author=author,
            publisher=publisher,
            pub_place=place,
            pub_year=str(rng.randint(2005, 2026)),
            price=f"{rng.randint(12, 68)}.{rng.choice(('00', '50', '80'))}",
            pages=f"{rng.randint(96, 480)}页",
            clc_class=clc,
        )


def _copies(rng: random.Random, items_left: int, bibs_left: int, at_least: int) -> int:
    """Copies for the next title so the total comes out exact without piling onto the last:
    drawn around the remaining average, leaving every later title its minimum."""
    if bibs_left == 1:
        return items_left
    mean = items_left / bibs_left
    extra = rng.expovariate(1 / (mean - at_least)) if mean > at_least else 0.0
    most = items_left - at_least * (bibs_left - 1)
    return max(at_least, min(most, at_least + int(extra)))


def _status(rng: random.Random, open_share: float) -> str:
    roll = rng.random()
    if roll < open_share:
        return "on_loan"  # iter_loans gives each of these exactly one open loan
    if roll < open_share + 0.01:
        return "missing"
    if roll < open_share + 0.015:
        return "damaged"
    return "available"


def iter_items(
    seed: int,
    bibs: Iterable[DemoBib],
    bib_count: int,
    branches: Sequence[DemoBranch],
    count: int,
    open_loans: int,
) -> Iterator[DemoItem]:
    """``count`` copies of ``bib_count`` titles, streamed title by title.

    Copies of one title share its call number: class / 种次号, numbered per class in order.
    Each copy takes the next barcode of its home branch's range. About ``open_loans`` copies
    are marked on loan.
    """
    rng = stream(seed, "items")
    weights = [{"county": 30.0, "township": 6.0, "village": 1.0}[b.kind] for b in branches]
    cumulative = list(accumulate(weights))
    next_barcode = {b.code: int(b.barcode_range_start) for b in branches}
    last_seq: dict[str, int] = {}
    open_share = min(0.3, open_loans / count) if count else 0.0
    at_least = 1 if count >= bib_count else 0
    items_left = count
    for bibs_left, bib in zip(range(bib_count, 0, -1), bibs, strict=False):
        copies = _copies(rng, items_left, bibs_left, at_least)
        items_left -= copies
        if copies == 0:
            continue
        seq = last_seq[bib.clc_class] = last_seq.get(bib.clc_class, 0) + 1
        call_number = format_call_number(CallNumber(bib.clc_class, seq))
        for _ in range(copies):
            branch = rng.choices(branches, cum_weights=cumulative)[0]
            barcode = next_barcode[branch.code]
            if barcode > int(branch.barcode_range_end):
                raise ValueError(f"barcode range of {branch.code} is used up")
            next_barcode[branch.code] = barcode + 1
            shelf = (
                f"{bib.clc_class[0]}区" if branch.kind != "village" else f"书架{rng.randint(1, 4)}"
            )
            yield DemoItem(
                uuid=new_uuid(rng),
                bib_uuid=bib.uuid,
                barcode=f"{barcode}",
                call_number=call_number,
                shelf_location=shelf,
                status=_status(rng, open_share),
                home_branch=branch.code,
                current_branch=branch.code,
                price=bib.price,
                acquired_on=date(2015, 1, 1) + timedelta(days=rng.randint(0, 4290)),
            )
