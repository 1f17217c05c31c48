"""A known, seeded dataset written straight into a real SQLite profile, plus the same rows as
plain Python records so tests can compute every expected figure independently."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from app.models import Activity, BibRecord, Branch, CreditEntry, Item, Loan, Reader, VisitCount
from app.profile import Profile
from app.services import settings

HOME = "LC01"
OTHER = "LC02"
CLASSES = ["I247.5", "TP311.1", "K825.38", "S5", None, "", "i21", "O1-62", "9x", "G4"]
GENDERS = ["F", "M", "U"]


def utc(y: int, m: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=UTC)


def local_day(moment: datetime) -> date:
    return (moment + timedelta(hours=8)).date()


@dataclass
class Data:
    bibs: list[dict] = field(default_factory=list)
    items: list[dict] = field(default_factory=list)
    readers: list[dict] = field(default_factory=list)
    loans: list[dict] = field(default_factory=list)
    credits: list[dict] = field(default_factory=list)
    activities: list[dict] = field(default_factory=list)
    visits: list[dict] = field(default_factory=list)


def build(profile: Profile, seed: int = 7) -> Data:
    rnd = random.Random(seed)
    data = Data()
    start = utc(2019, 11, 1)

    def moment() -> datetime:
        # Spread over 2019-11 … 2021-02, at any minute: many fall near local midnight.
        return start + timedelta(minutes=rnd.randrange(0, 60 * 24 * 480))

    with profile.sessions() as s, s.begin():
        settings.put(s, settings.BRANCH_CODE, HOME)
        s.add(Branch(code=HOME, name="小河村农家书屋", kind="village"))
        s.add(Branch(code=OTHER, name="城关镇分馆", kind="township"))
        for i in range(40):
            clc = rnd.choice(CLASSES)
            bib = BibRecord(
                title=f"书{i:02d}",
                author=f"作者{i % 7}",
                clc_class=clc,
                created_at=start,
                updated_at=start,
            )
            s.add(bib)
            s.flush()
            data.bibs.append({"id": bib.id, "title": bib.title, "author": bib.author, "clc": clc})
        for i in range(200):
            bib = rnd.choice(data.bibs)
            created = moment()
            acquired = (
                None
                if rnd.random() < 0.3
                else (created + timedelta(days=rnd.randint(-30, 0))).date()
            )
            status = rnd.choice(["available"] * 6 + ["withdrawn", "lost", "missing", "damaged"])
            home = HOME if rnd.random() < 0.7 else OTHER
            item = Item(
                barcode=f"V{i:07d}",
                bib_id=bib["id"],
                home_branch_code=home,
                current_branch_code=home,
                status=status,
                acquired_on=acquired,
                created_at=created,
                updated_at=created,
            )
            s.add(item)
            s.flush()
            data.items.append(
                {
                    "id": item.id,
                    "bib": bib["id"],
                    "home": home,
                    "status": status,
                    "acquired": acquired,
                    "created": created,
                }
            )
        names = ["张晓明", "李四", "欧阳晓明", "王", "赵敏"]
        for i in range(60):
            gender = rnd.choice([*GENDERS, "F", "M"])
            birth = None if rnd.random() < 0.25 else rnd.randint(1940, 2019)
            band = rnd.choice([None, "0-6", "18-59", "60+", "weird"]) if birth is None else None
            registered = moment() if i else utc(2020, 12, 31, 17, 30)  # local 2021-01-01
            reader = Reader(
                card=f"C{i:05d}",
                name=rnd.choice(names),
                gender=gender,
                birth_year=birth,
                age_band=band,
                home_branch_code=HOME if rnd.random() < 0.75 else OTHER,
                registered_at=registered,
                updated_at=registered,
            )
            s.add(reader)
            s.flush()
            data.readers.append(
                {
                    "id": reader.id,
                    "card": reader.card,
                    "name": reader.name,
                    "gender": gender,
                    "birth": birth,
                    "band": band,
                    "home": reader.home_branch_code,
                    "registered": registered,
                }
            )
        open_items: set[int] = set()
        special = [
            # (checkout, returned) pairs that cross the year boundary, in local time.
            (utc(2020, 12, 28, 3), utc(2021, 1, 5, 2)),
            (utc(2020, 12, 31, 16, 30), utc(2021, 1, 2)),  # local 2021-01-01 00:30 checkout
            (utc(2019, 12, 31, 15, 59), utc(2020, 1, 1, 16, 1)),  # 2019-12-31 23:59 local
            (utc(2020, 12, 20), None),
        ]
        for i in range(400):
            item = rnd.choice(data.items)
            reader = rnd.choice(data.readers)
            if i < len(special):
                checkout, returned = special[i]
            else:
                checkout = moment()
                returned = (
                    None
                    if rnd.random() < 0.2
                    else checkout + timedelta(minutes=rnd.randrange(60, 60 * 24 * 60))
                )
            if returned is None:
                if item["id"] in open_items:
                    returned = checkout + timedelta(days=3)
                else:
                    open_items.add(item["id"])
            due = checkout + timedelta(days=rnd.choice([14, 30]))
            branch = HOME if rnd.random() < 0.8 else OTHER
            back = None if returned is None else (HOME if rnd.random() < 0.8 else OTHER)
            loan = Loan(
                item_id=item["id"],
                reader_id=reader["id"],
                branch_code=branch,
                checkout_at=checkout,
                due_at=due,
                returned_at=returned,
                return_branch_code=back,
            )
            s.add(loan)
            data.loans.append(
                {
                    "item": item["id"],
                    "reader": reader["id"],
                    "branch": branch,
                    "checkout": checkout,
                    "due": due,
                    "returned": returned,
                    "back": back,
                }
            )
        for _ in range(150):
            reader = rnd.choice(data.readers)
            reason = rnd.choice(["initial", "overdue", "earn", "amnesty_refund", "manual"])
            delta = {
                "initial": 100,
                "overdue": -rnd.randint(1, 30),
                "earn": 1,
                "amnesty_refund": rnd.randint(1, 30),
                "manual": rnd.randint(-5, 5),
            }[reason]
            at = moment()
            s.add(CreditEntry(reader_id=reader["id"], delta=delta, reason=reason, created_at=at))
            data.credits.append(
                {"reader": reader["id"], "delta": delta, "reason": reason, "at": at}
            )
        for i in range(30):
            day = local_day(moment())
            kind = rnd.choice(["delivery", "lecture", "children", "training"])
            branch = HOME if rnd.random() < 0.7 else OTHER
            att = rnd.randint(0, 80)
            s.add(
                Activity(
                    branch_code=branch,
                    on_date=day,
                    kind=kind,
                    title=f"活动{i}",
                    attendance=att,
                    created_at=start,
                )
            )
            data.activities.append({"branch": branch, "day": day, "kind": kind, "att": att})
        used: set[tuple[str, date]] = set()
        for _ in range(60):
            day = local_day(moment())
            branch = HOME if rnd.random() < 0.7 else OTHER
            if (branch, day) in used:
                continue
            used.add((branch, day))
            count = rnd.randint(0, 50)
            s.add(VisitCount(branch_code=branch, on_date=day, count=count, updated_at=start))
            data.visits.append({"branch": branch, "day": day, "count": count})
    return data
