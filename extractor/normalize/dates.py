"""Normalising German date expressions that the rules found."""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ..intervals import IntervalList, Intervals

MONTHS = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feb": 2, "märz": 3, "maerz": 3, "mär": 3,
    "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}

_TEXTUAL = re.compile(r"(\d{1,2})\.\s*([A-Za-zÄÖÜäöü]+)\.?\s*(\d{4})?")
_NUMERIC = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})?")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date_text(text: str) -> Optional[dt.date]:
    """The first complete date (with year) in ``text``, or None.

    Only for unambiguous, fully specified dates ("12. Februar 2026", "27.09.2017",
    "2024-06-12"); yearless dates need a reference date and are the temporal component's job.
    """
    for rx in (_ISO, _TEXTUAL, _NUMERIC):
        for m in rx.finditer(text):
            try:
                if rx is _ISO:
                    return dt.date(int(m[1]), int(m[2]), int(m[3]))
                if rx is _TEXTUAL:
                    month = MONTHS.get(m[2].lower().rstrip("."))
                    if month is None or not m[3]:
                        continue
                    return dt.date(int(m[3]), month, int(m[1]))
                if not m[3]:
                    continue
                year = int(m[3])
                if year < 100:
                    year += 2000
                return dt.date(year, int(m[2]), int(m[1]))
            except ValueError:
                continue
    return None


# ---------------------------------------------------------------------------------------------
# The German temporal grammar: finding date and time expressions in a text and normalising
# them. The word lists and regex templates are data (``models/patterns/temporal.json``); this
# module compiles them once and holds the pure algorithms (grouping, year resolution, time
# values). The spaCy component ``aushang_temporal`` adds context (roles, sessions).

from dataclasses import dataclass, field  # noqa: E402
from typing import Any, Iterable  # noqa: E402


def nth_weekday(year: int, month: int, weekday: int, n: int) -> Optional[dt.date]:
    """The n-th (1-based; -1 = last) given weekday of a month: "am ersten Sonntag im Oktober"."""
    if n > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        return day if day.month == month else None
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


@dataclass
class DateAtom:
    """One day as written: "Dienstag, 10. Mai", "24.07.2024", "17." (a day before a connector)."""

    start: int
    end: int
    day: int
    month: Optional[int] = None
    year: Optional[int] = None
    weekday: Optional[int] = None
    explicit_year: bool = False
    value: Optional[dt.date] = None


@dataclass
class DateItem:
    """A single day or a continuous range of a date group."""

    first: DateAtom
    last: Optional[DateAtom] = None  # the range end

    @property
    def start(self) -> int:
        return self.first.start

    @property
    def end(self) -> int:
        return (self.last or self.first).end

    @property
    def is_range(self) -> bool:
        return self.last is not None

    def value(self) -> Any:
        if self.last is None:
            return self.first.value
        return {"start": self.first.value, "end": self.last.value}

    def days(self) -> tuple[dt.date, Optional[dt.date]]:
        return self.first.value, (self.last.value if self.last else None)


@dataclass
class DateGroup:
    """Dates joined by connectors: "8. und 9. April 2025", "vom 17. bis 30. September"."""

    atoms: list[DateAtom]
    items: list[DateItem] = field(default_factory=list)
    relative: bool = False
    #: the earlier group a bare weekday takes up ("… 1. September … Am Mittwoch …")
    antecedent: Optional["DateGroup"] = None

    @property
    def start(self) -> int:
        return self.atoms[0].start

    @property
    def end(self) -> int:
        return self.atoms[-1].end


#: "30.10.2018 17:30 19:00": two clock times right after a date on its line, as calendars print
#: start and end
_CALENDAR_PAIR = re.compile(
    r"(?:\d\.\d{4}|\d{1,2}\.\d{1,2}\.)[ \t]*,?[ \t]+(?P<t>(?P<ah>[01]?\d|2[0-3]):(?P<am>[0-5]\d))"
    r"[ \t]+(?P<bh>[01]?\d|2[0-3]):(?P<bm>[0-5]\d)(?![\d:.])(?:[ \t]*Uhr\b)?"
)


_FILE_NAME = re.compile(r"_|://|\.(?:jpe?g|png|gif|webp|pdf|docx?|html?)\b", re.I)


def _in_identifier(text: str, start: int, end: int) -> bool:
    """The characters ``start:end`` are part of a file name or address: the word around them
    (up to white space) has an underscore, a scheme or a file extension."""
    lo = start
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    hi = end
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return bool(_FILE_NAME.search(text, lo, hi))


def _item_days(item: DateItem) -> list[dt.date]:
    """The days of a date item: one, or every day of a range of at most a week."""
    d0 = item.first.value
    d1 = item.last.value if item.last else None
    if d0 is None:
        return []
    if d1 is None or d1 < d0 or (d1 - d0).days > 7:
        return [d0]
    return [d0 + dt.timedelta(days=k) for k in range((d1 - d0).days + 1)]


@dataclass
class TimeAtom:
    """A clock time or time range: "13 Uhr", "13:30-14:45 Uhr", "von 18.30 bis ca. 21 Uhr"."""

    start: int
    end: int
    hour: int
    minute: int
    end_hour: Optional[int] = None
    end_minute: Optional[int] = None
    pre: Optional[str] = None
    role: str = "time"  # time | start | end | doors
    weekday: Optional[int] = None  # "am Samstag ab 14 Uhr": holds on that weekday only
    daily: bool = False  # "Täglich von 8 bis 12 Uhr": holds on each day of a span

    @property
    def value(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"

    @property
    def end_value(self) -> Optional[str]:
        if self.end_hour is None:
            return None
        return f"{self.end_hour:02d}:{self.end_minute or 0:02d}"


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _case_forms(words: Iterable[str], lower: bool = False) -> dict[str, str]:
    """word form → canonical word: the form given, ALL CAPS, optionally lower case."""
    out: dict[str, str] = {}
    for w in words:
        out[w] = w
        out[w.upper()] = w
        if lower:
            out[w.lower()] = w
    return out


def valid_date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def hm(hour: int, minute: int) -> Optional[tuple[int, int]]:
    """A clock time, with "24 Uhr" read as 23:59 (the end of the day), or None if invalid."""
    if hour == 24 and minute == 0:
        return 23, 59
    if 0 <= hour <= 23 and 0 <= minute <= 59:
        return hour, minute
    return None


def resolve_year(
    day: int,
    month: int,
    reference: dt.date,
    *,
    weekday: Optional[int] = None,
    past: bool = False,
    tolerance_days: int = 7,
    past_window_days: int = 180,
) -> Optional[dt.date]:
    """The date of a yearless "day. month" against the reference date.

    Without a stated weekday: the next occurrence (a date up to ``tolerance_days`` before the
    reference still counts as this year's), or, when the sentence reports the past, the latest
    occurrence not after the reference — if that lies within ``past_window_days`` of it. A stated weekday picks the year whose date falls on
    it; when no candidate year agrees, the date is kept as written in the year nearest to the
    reference.
    """
    candidates = [
        d for d in (valid_date(y, month, day) for y in (reference.year - 1, reference.year, reference.year + 1)) if d
    ]
    if not candidates:
        return None
    default = _default_occurrence(candidates, reference, past, tolerance_days, past_window_days)
    if weekday is None:
        return default
    agree = [d for d in candidates if d.weekday() == weekday]
    if not agree:
        return min(candidates, key=lambda d: (abs((d - reference).days), d != default))
    if default in agree:
        return default
    return min(agree, key=lambda d: abs((d - reference).days))


def _default_occurrence(
    candidates: list[dt.date], reference: dt.date, past: bool, tol: int, window: int = 180
) -> dt.date:
    slack = dt.timedelta(days=tol)
    if past:
        before = [d for d in candidates if d <= reference + slack]
        if before and (reference - max(before)).days <= window:
            return max(before)
    after = [d for d in candidates if d >= reference - slack]
    return min(after) if after else max(candidates)


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


class TemporalGrammar:
    """German date and time expressions, compiled from ``temporal.json``."""

    def __init__(self, data: dict[str, Any]):
        self.data = data
        t = data["templates"]
        self.months = _case_forms(data["months"], lower=True)
        self.month_number = {form: data["months"][canon] for form, canon in self.months.items()}
        self.full_months = {m for m in data["months"] if len(m) > 4 or m in ("Mai", "Juni", "Juli")}
        wd_forms = _case_forms(data["weekdays"])
        self.weekday_number = {form: data["weekdays"][canon] for form, canon in wd_forms.items()}
        self.hour_words = dict(data["hour_words"])
        month_alt = _alternation(self.months)
        weekday_alt = _alternation(wd_forms)
        hour_alt = _alternation(self.hour_words)

        def fill(s: str) -> str:
            return s.replace("{month}", month_alt).replace("{weekday}", weekday_alt).replace("{hour_word}", hour_alt)

        date_body = "|".join(fill(t[k]) for k in ("date_iso", "date_textual", "date_numeric", "date_day"))
        self.date_rx = re.compile(t["date_start_guard"] + fill(t["weekday_prefix"]) + f"(?:{date_body})")
        self.connector_rx = re.compile(t["connector"])
        hm1 = t["time_hm"].replace("{n}", "a")
        hm2 = t["time_hm"].replace("{n}", "b")
        guard = t["time_start_guard"]
        self.time_range_rx = re.compile(guard + t["time_range"].replace("{hm1}", hm1).replace("{hm2}", hm2))
        self.time_single_rx = re.compile(guard + t["time_single"].replace("{hm1}", hm1))
        self.time_word_rx = re.compile(guard + fill(t["time_word"]))
        self.time_list_before_rx = re.compile(r"(?<![\w.,:/-])" + t["time_list_before"])
        self.range_after_rx = re.compile(t["range_after"])
        self.not_time_after_rx = re.compile(t["not_time_after"])

        hol = data.get("holidays", {})
        self.holiday_fixed = {k: tuple(v) for k, v in hol.get("fixed", {}).items()}
        self.holiday_easter = dict(hol.get("easter", {}))
        self.holiday_advent = dict(hol.get("advent", {}))
        self.holiday_prep = set(hol.get("needs_prep", []))
        names = list(self.holiday_fixed) + list(self.holiday_easter) + list(self.holiday_advent)
        self.holiday_rx = re.compile(
            rf"(?<![\w-])(?P<pre>(?:an|am|zu|zum|An|Am|Zu|Zum)[ \t]+(?:dem[ \t]+)?)?(?P<name>{_alternation(names)})"
            rf"(?P<year>[ \t]+(?:19|20)\d\d)?(?![\w-])") if names else None

        rel = data["relative_days"]
        parts = _alternation(data["day_parts"])
        self.relative_days = rel
        self.relative_rx = re.compile(
            rf"(?<![\w-])(?P<rel>{_alternation(list(rel) + [w.capitalize() for w in rel if w not in ('morgen',)])})"
            rf"(?:[ \t]+(?P<part>{parts})(?![\w]))?(?![\w-])"
        )
        self.heute_time_rx = re.compile(r"\s*,?\s*(?:(?:um|ab|von|gegen)\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:Uhr|h\b|-|–|bis)")
        mods = data["relative_weekday_modifiers"]
        full_wd = [w for w in data["weekdays"] if len(w) > 2]
        self.relative_mods = {**mods, **{k.capitalize(): v for k, v in mods.items()}}
        adjs = data.get("relative_day_adjectives", {})
        self.relative_day_adjs = {**adjs, **{k.capitalize(): v for k, v in adjs.items()}}
        # "auf der gestrigen Auftaktveranstaltung" ("heutigen" alone is "today's" in any sense)
        self.day_adjective_rx = re.compile(
            r"(?<![\w-])(?:[Dd]er|[Dd]es|[Dd]em|[Dd]en|[Bb]eim|[Aa]m|[Vv]om|[Zz]um|[Zz]ur)\s+(?P<adj>"
            + _alternation([a for a, n in adjs.items() if n != 0]) + r")\s+(?P<noun>[A-ZÄÖÜ][\wäöüß-]+)") if adjs else None
        recurrence = data.get("recurrence_after", [])
        not_recurring = rf"(?!\s+(?:{_alternation(recurrence)})(?![\w]))" if recurrence else ""
        self.relative_wd_rx = re.compile(
            # "am darauf folgenden Mittwoch" counts from an earlier date, not from today: unresolved
            rf"(?<![\w-])(?:(?:am|Am)\s+)?(?<![Dd]arauf )(?P<mod>{_alternation({**self.relative_mods, **self.relative_day_adjs})})"
            rf"\s+(?P<wd>{_alternation(full_wd)})(?![\w])"
            + not_recurring
        )
        parts_wd = _alternation([p for p in data["day_parts"] if p.islower()])
        self.bare_wd_rx = re.compile(
            rf"(?<![\w-])(?:am|Am)\s+(?P<wd>{_alternation(full_wd)})(?:{parts_wd})?(?![\w-])(?!\s*,?\s*(?:den\s+)?\d)"
            + not_recurring
        )
        # "Samstag und " right before a date group of two days that opens with "Sonntag, 21."
        self.weekday_pair_rx = re.compile(
            rf"(?<![\w-])(?P<wd>{_alternation(full_wd)})\s*(?:und|/|bis|–|-)\s*$"
        )
        ords = data.get("weekday_ordinals", {})
        self.weekday_ordinals = {**ords, **{k.capitalize(): v for k, v in ords.items()}}
        long_months = [m for m in data["months"] if len(m) > 3]
        self.ordinal_wd_rx = re.compile(
            rf"(?<![\w-])(?:(?:am|Am)\s+)?(?P<ord>{_alternation(self.weekday_ordinals)})\s+(?P<wd>{_alternation(full_wd)})"
            rf"\s+(?:im|des)\s+(?P<month>{_alternation(long_months)})(?:\s+(?P<year>(?:19|20)\d{{2}}))?(?![\w])"
        ) if ords else None
        s = data.get("settings", {})
        self.tolerance_days = int(s.get("future_tolerance_days", 7))
        self.past_window_days = int(s.get("past_window_days", 180))
        self.anaphora_reach = int(s.get("weekday_anaphora_chars", 1500))

    # -- dates --------------------------------------------------------------------------------
    def date_atoms(self, text: str) -> list[DateAtom]:
        atoms = []
        for m in self.date_rx.finditer(text):
            if _in_identifier(text, m.start(), m.end()):
                continue  # "2014-10-19_Tag_der_offenen_Tuer.jpg", a link's path: a name, not a date
            atom = self._atom(m)
            if atom is not None:
                atoms.append(atom)
        return atoms

    def _atom(self, m: re.Match) -> Optional[DateAtom]:
        g = m.groupdict()
        wd = self.weekday_number.get(g["wd"]) if g.get("wd") else None
        end = m.end()
        if g.get("iy"):
            y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
            if not valid_date(y, mo, d):
                return None
            return DateAtom(m.start(), end, d, mo, y, wd, True)
        if g.get("tm"):
            d = int(g["td"])
            mo = self.month_number[g["tm"]]
            y = int(g["ty"]) if g.get("ty") else None
            if not g.get("ty") and m.group(0).endswith(".") and g["tm"] in self.months \
                    and self.months[g["tm"]] in self.full_months:
                end -= 1  # "am 1. Mai." — the period ends the sentence
            if not valid_date(y or 2000, mo, d):
                return None
            return DateAtom(m.start(), end, d, mo, y, wd, y is not None)
        if g.get("nm"):
            d, mo = int(g["nd"]), int(g["nm"])
            y = None
            if g.get("ny"):
                y = int(g["ny"])
            elif g.get("ny2"):
                y = 2000 + int(g["ny2"])
            if not valid_date(y or 2000, mo, d):
                return None
            return DateAtom(m.start(), end, d, mo, y, wd, y is not None)
        if g.get("dd"):
            d = int(g["dd"])
            if not 1 <= d <= 31:
                return None
            return DateAtom(m.start(), end, d, None, None, wd, False)
        return None

    def group(self, text: str, atoms: list[DateAtom]) -> list[DateGroup]:
        """Join atoms separated only by connectors; fill months and years from the right."""
        groups: list[DateGroup] = []
        links: list[list[str]] = []
        for a in atoms:
            if groups:
                prev = groups[-1].atoms[-1]
                gap = text[prev.end : a.start] if a.start >= prev.end else ""
                cm = self.connector_rx.match(gap) if a.start >= prev.end else None
                if cm and cm.group("range") and re.search(r"\n[ \t]*[-–—•*][ \t]*$", gap):
                    cm = None  # "- 17. Februar 2026\n- 24. Februar 2026": two bullets, no range
                if cm and (prev.month is None or a.month is not None or True):
                    groups[-1].atoms.append(a)
                    links[-1].append("range" if cm.group("range") else "list")
                    continue
            groups.append(DateGroup([a]))
            links.append([])
        out = []
        for grp, lk in zip(groups, links):
            done = self._items(grp, lk)
            if done is not None:
                self._distribute_weekdays(text, done)
                out.append(done)
        return out

    def _distribute_weekdays(self, text: str, grp: DateGroup) -> None:
        """"Samstag und Sonntag, 21. und 22. Juli": the weekdays pair with the days in order
        (the one written next to "21." is the second weekday of the list, not the 21st's)."""
        first = grp.atoms[0]
        if first.weekday is None or len(grp.atoms) != 2:
            return
        lo = max(0, first.start - 30)
        m = self.weekday_pair_rx.search(text[lo : first.start])
        if m is None or not text[first.start].isalpha():
            return
        first.weekday, grp.atoms[1].weekday = self.weekday_number[m.group("wd")], first.weekday
        first.start = lo + m.start()  # the mention is "Samstag und Sonntag, 21. und 22. Juli"

    def _items(self, grp: DateGroup, links: list[str]) -> Optional[DateGroup]:
        atoms = grp.atoms
        # trailing day-only atoms (no month to their right) are not dates
        while atoms and atoms[-1].month is None:
            atoms.pop()
            if links:
                links.pop()
        if not atoms:
            return None
        for i in range(len(atoms) - 2, -1, -1):
            a, b = atoms[i], atoms[i + 1]
            if a.month is None:
                a.month = b.month
                if a.year is None:
                    a.year = b.year
            elif a.year is None and b.year is not None and links[i] in ("range", "list"):
                a.year = b.year
        for i, a in enumerate(atoms):
            if a.year is not None and not valid_date(a.year, a.month, a.day):
                return None
            if a.year is None and not valid_date(2000, a.month, a.day):
                return None
        items: list[DateItem] = []
        i = 0
        while i < len(atoms):
            if i < len(links) and links[i] == "range":
                items.append(DateItem(atoms[i], atoms[i + 1]))
                i += 2
            else:
                items.append(DateItem(atoms[i]))
                i += 1
        grp.items = items
        return grp

    def resolve(self, grp: DateGroup, reference: dt.date, past: bool = False) -> None:
        """Give every atom of the group a date (years from the text, else resolved)."""
        atoms = grp.atoms
        if all(a.year is not None for a in atoms):
            for a in atoms:
                a.value = valid_date(a.year, a.month, a.day)
            self._order_range_years(grp)
            return
        anchor = next((i for i, a in enumerate(atoms) if a.year is not None), None)
        if anchor is not None:
            # years carried forward from an earlier explicit year, rolling over at year end
            prev = None
            for a in atoms:
                if a.year is not None:
                    a.value = valid_date(a.year, a.month, a.day)
                else:
                    y = prev.year if prev else atoms[anchor].year
                    d = valid_date(y, a.month, a.day)
                    if d and prev and d < prev:
                        d = valid_date(y + 1, a.month, a.day)
                    a.value = d
                prev = a.value or prev
            self._order_range_years(grp)
            return
        first = atoms[0]
        best = None
        for y in (reference.year - 1, reference.year, reference.year + 1):
            values = self._chain(atoms, y)
            if values is None:
                continue
            agree = sum(1 for a, v in zip(atoms, values) if a.weekday is not None and v.weekday() == a.weekday)
            best = best or []
            best.append((agree, values))
        if not best:
            for a in atoms:
                a.value = None
            return
        default = resolve_year(
            first.day, first.month, reference, past=past,
            tolerance_days=self.tolerance_days, past_window_days=self.past_window_days,
        )
        has_wd = any(a.weekday is not None for a in atoms)
        top = max(b[0] for b in best)
        pool = [b[1] for b in best if b[0] == top] if has_wd and top > 0 else [b[1] for b in best]
        # a weekday that no candidate year agrees with: keep the date, in the nearest year
        pick = None if has_wd and top == 0 else next((v for v in pool if v[0] == default), None)
        if pick is None:
            pick = min(pool, key=lambda v: abs((v[0] - reference).days))
        for a, v in zip(atoms, pick):
            a.value = v

    @staticmethod
    def _chain(atoms: list[DateAtom], year: int) -> Optional[list[dt.date]]:
        out = []
        y = year
        for a in atoms:
            d = valid_date(y, a.month, a.day)
            if d is None:
                d = valid_date(y + 1, a.month, a.day)
                if d is None:
                    return None
            if out and d < out[-1]:
                y += 1
                d = valid_date(y, a.month, a.day)
                if d is None:
                    return None
            out.append(d)
        return out

    @staticmethod
    def _order_range_years(grp: DateGroup) -> None:
        for item in grp.items:
            if item.last and item.first.value and item.last.value and item.first.value > item.last.value:
                if not item.first.explicit_year:
                    item.first.value = valid_date(item.first.value.year - 1, item.first.month, item.first.day)

    def relative(self, text: str, reference: dt.date) -> list[DateGroup]:
        """"heute Abend", "morgen", "übermorgen", "am kommenden Samstag" as one-day groups."""
        out = []
        for m in self.relative_rx.finditer(text):
            word = m.group("rel")
            low = word.lower()
            if low == "heute" and not m.group("part") and not self.heute_time_rx.match(text, m.end()):
                continue
            if low == "heute" and text[max(0, m.start() - 4) : m.start()].lower().endswith("bis "):
                continue  # "bis heute": up to now
            if word == "Morgen":
                continue
            if low in ("morgen", "gestern") and text[max(0, m.start() - 4) : m.start()] in ("von ", "für "):
                continue  # "die Welt von morgen"
            value = reference + dt.timedelta(days=self.relative_days[low])
            atom = DateAtom(m.start(), m.end(), value.day, value.month, value.year, None, True, value)
            out.append(DateGroup([atom], [DateItem(atom)], relative=True))
        # "auf der gestrigen Auftaktveranstaltung", "beim morgigen Treffen": a relative day as an
        # adjective before an event noun (before a weekday it is read with the weekday below)
        for m in self.day_adjective_rx.finditer(text) if self.day_adjective_rx else ():
            if m.group("noun") in self.weekday_number:
                continue
            value = reference + dt.timedelta(days=self.relative_day_adjs[m.group("adj")])
            atom = DateAtom(m.start("adj"), m.end("adj"), value.day, value.month, value.year, None, True, value)
            out.append(DateGroup([atom], [DateItem(atom)], relative=True))
        for m in self.holiday_rx.finditer(text) if self.holiday_rx else ():
            # "am Rosenmontag", "an Heiligabend", "Pfingstmontag 2025": a named day
            name = m.group("name")
            if name in self.holiday_prep and not m.group("pre"):
                continue
            if not m.group("pre") and re.search(r"(?:\b(?:des|der|vor|nach|seit|bis)[ \t]+(?:dem[ \t]+)?)$", text[max(0, m.start() - 12) : m.start()]):
                continue  # "am Vorabend des vierten Advent", "nach Ostermontag": another day
            if self.date_rx.search(text[m.end() : m.end() + 25]) and re.match(r"[ \t]*[,(]?[ \t]*(?:den[ \t]+)?\d", text[m.end():]):
                continue  # "Karfreitag, 18. April": the date says it
            year = int(m.group("year")) if m.group("year") else None
            years = [year] if year else [reference.year - 1, reference.year, reference.year + 1]
            days = [d for d in (self.holiday_day(name, y) for y in years) if d is not None]
            if not days:
                continue
            value = min(days, key=lambda d: abs((d - reference).days))
            if year is None and abs((value - reference).days) > 183:
                continue
            start = m.start("name")
            atom = DateAtom(start, m.end(), value.day, value.month, value.year, None, bool(year), value)
            out.append(DateGroup([atom], [DateItem(atom)], relative=True))
        ordinal = Intervals()
        for m in self.ordinal_wd_rx.finditer(text) if self.ordinal_wd_rx else ():
            wd = self.data["weekdays"][m.group("wd")]
            month = self.data["months"][m.group("month")]
            n = self.weekday_ordinals[m.group("ord")]
            year = int(m.group("year")) if m.group("year") else reference.year
            value = nth_weekday(year, month, wd, n)
            if value is not None and not m.group("year") and value < reference - dt.timedelta(days=self.tolerance_days):
                value = nth_weekday(year + 1, month, wd, n)
            if value is None:
                continue
            atom = DateAtom(m.start(), m.end(), value.day, value.month, value.year, wd, bool(m.group("year")), value)
            out.append(DateGroup([atom], [DateItem(atom)], relative=True))
            ordinal.add(m.start(), m.end())
        for m in self.relative_wd_rx.finditer(text):
            if ordinal(m.start(), m.end()):
                continue
            wd = self.data["weekdays"][m.group("wd")]
            if m.group("mod") in self.relative_day_adjs:
                value = reference + dt.timedelta(days=self.relative_day_adjs[m.group("mod")])
                atom = DateAtom(m.start(), m.end(), value.day, value.month, value.year, wd, True, value)
                out.append(DateGroup([atom], [DateItem(atom)], relative=True))
                continue
            direction = self.relative_mods[m.group("mod")]
            delta = (wd - reference.weekday()) % 7
            if direction > 0:
                delta = delta or 7
                value = reference + dt.timedelta(days=delta)
            else:
                back = (reference.weekday() - wd) % 7 or 7
                value = reference - dt.timedelta(days=back)
            atom = DateAtom(m.start(), m.end(), value.day, value.month, value.year, wd, True, value)
            out.append(DateGroup([atom], [DateItem(atom)], relative=True))
        return out

    def holiday_day(self, name: str, year: int) -> Optional[dt.date]:
        """The day of a named holiday in a year."""
        if name in self.holiday_fixed:
            month, day = self.holiday_fixed[name]
            return dt.date(year, month, day)
        if name in self.holiday_easter:
            return easter_sunday(year) + dt.timedelta(days=self.holiday_easter[name])
        if name in self.holiday_advent:
            christmas = dt.date(year, 12, 25)
            fourth = christmas - dt.timedelta(days=(christmas.weekday() + 1) % 7 or 7)  # the Sunday before
            return fourth - dt.timedelta(weeks=4 - self.holiday_advent[name])
        return None

    def past_weekdays(self, text: str, reference: dt.date, start: int, end: int) -> list[DateGroup]:
        """A bare weekday in a report ("wurde der Dorfplatz am Sonntag zum Aktionsplatz"): the
        last such day before the reference date. Called for past-tense sentences only."""
        out = []
        for m in self.bare_wd_rx.finditer(text, start, end):
            wd = self.data["weekdays"][m.group("wd")]
            value = reference - dt.timedelta(days=(reference.weekday() - wd) % 7 or 7)
            atom = DateAtom(m.start(), m.end(), value.day, value.month, value.year, wd, True, value)
            out.append(DateGroup([atom], [DateItem(atom)], relative=True))
        return out

    def weekday_anaphora(self, text: str, groups: list[DateGroup], sentence_of=lambda pos: 0) -> list[DateGroup]:
        """A bare weekday that takes up a day dated before it: "am Mittwoch, 1. September, und
        Donnerstag, 2. September … Am Mittwoch geht es nach Seidmannsdorf. Treffpunkt ist um
        17 Uhr" is 1 September. Only when the nearest earlier group that has a day on that
        weekday has exactly one such day, and only in a later sentence (in the same one, "am 11.
        und 12. Mai, am Samstag ab 14 Uhr" scopes the time) within ``anaphora_reach`` characters."""
        out = []
        dated = [grp for grp in groups if not grp.relative]
        for m in self.bare_wd_rx.finditer(text):
            wd = self.data["weekdays"][m.group("wd")]
            for grp in sorted((x for x in dated if x.end <= m.start()), key=lambda x: -x.end):
                if m.start() - grp.end > self.anaphora_reach or sentence_of(grp.end) == sentence_of(m.start()):
                    break
                days = {d for item in grp.items for d in _item_days(item) if d.weekday() == wd}
                if not days:
                    continue
                if len(days) == 1:
                    value = next(iter(days))
                    atom = DateAtom(m.start(), m.end(), value.day, value.month, value.year, wd, True, value)
                    out.append(DateGroup([atom], [DateItem(atom)], antecedent=grp))
                break
        return out

    # -- times --------------------------------------------------------------------------------
    def times(self, text: str) -> list[TimeAtom]:
        """Clock times and time ranges, without roles."""
        found = IntervalList()
        free = found.free

        for m in self.time_range_rx.finditer(text):
            g = m.groupdict()
            pre = (g.get("pre") or "").lower() or None
            if g["conn"] == "und" and pre != "zwischen":
                continue
            a = hm(int(g["ah"]), int(g["am"] or 0))
            b = hm(int(g["bh"]), int(g["bm"] or 0))
            if not a or not b:
                continue
            colon = g.get("bsep") == ":" and g.get("asep") in (None, ":")
            dotted = bool(g.get("asep") and g.get("bsep")) and pre in ("von", "zwischen")
            if not (g.get("uhr") or colon or dotted or self.range_after_rx.match(text, m.end())):
                continue
            if not g.get("uhr") and self.not_time_after_rx.match(text, m.end()):
                continue
            if pre in ("um", "ca.", "circa", "etwa"):
                pre = "von"
            found.append(TimeAtom(m.start(), m.end(), a[0], a[1], b[0], b[1], pre))
        # an event calendar's date line "30.10.2018 17:30 19:00": start and end side by side
        for m in _CALENDAR_PAIR.finditer(text):
            a = hm(int(m.group("ah")), int(m.group("am")))
            b = hm(int(m.group("bh")), int(m.group("bm")))
            if a and b and b > a and free(m.start("t"), m.end()):
                found.append(TimeAtom(m.start("t"), m.end(), a[0], a[1], b[0], b[1], None))
        for m in self.time_single_rx.finditer(text):
            if not free(m.start(), m.end()):
                continue
            g = m.groupdict()
            pre = (g.get("pre") or "").lower() or None
            sep = g.get("asep")
            ok = bool(g.get("uhr")) or sep == ":" or (sep == "." and pre in ("um", "ab", "gegen", "von", "bis"))
            if not ok and sep == ".":
                ok = bool(re.search(r"(?:Uhrzeit|Zeit|Beginn|Einlass|Ende|Start)\s*:?\s*$", text[max(0, m.start() - 12) : m.start()]))
            if not ok and sep == "." and not pre and (m.start() == 0 or text[m.start() - 1] == "\n") \
                    and re.match(r"[ \t]+[A-ZÄÖÜ][a-zäöüß]", text[m.end() : m.end() + 3]):
                ok = True  # a programme line "09.30 Gottesdienst in der Christuskirche"
            if not ok:
                continue
            if not g.get("uhr") and self.not_time_after_rx.match(text, m.end()):
                continue
            v = hm(int(g["ah"]), int(g["am"] or 0))
            if not v:
                continue
            found.append(TimeAtom(m.start(), m.end(), v[0], v[1], None, None, pre))
            if g.get("uhr"):
                self._list_before(text, m.start(), found)
        for m in self.time_word_rx.finditer(text):
            if free(m.start(), m.end()):
                pre = (m.group("pre") or "").lower() or None
                found.append(TimeAtom(m.start(), m.end(), self.hour_words[m.group("hw")], 0, None, None, pre))
        return sorted(found, key=lambda t: t.start)

    def _list_before(self, text: str, start: int, found: list[TimeAtom]) -> None:
        """"um 10, 14 und 16 Uhr": the bare hours before the last one are times too."""
        pos = start
        for _ in range(4):
            window = text[max(0, pos - 30) : pos]
            m = self.time_list_before_rx.search(window)
            if not m:
                return
            base = pos - len(window)
            s = base + m.start()
            e = base + (m.end("m") if m.group("m") else m.end("h"))
            v = hm(int(m.group("h")), int(m.group("m") or 0))
            if not v or (found.spans.overlaps(s, e) if isinstance(found, IntervalList)
                         else any(s < t.end and t.start < e for t in found)):
                return
            found.append(TimeAtom(s, e, v[0], v[1]))
            pos = s
