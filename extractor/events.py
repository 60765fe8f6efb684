"""Event assembly: which sessions belong together, and each event's title, location, room,
capacity, price, registration, organisers and contacts.

Inputs are the candidates the components stored (``sessions``, ``deadlines``, ``locations``,
``rooms``, ``capacities``, ``prices``, ``organizations``, ``persons``, ``emails``, ``phones``,
``urls``); cues are data (``models/patterns/events.json``). The steps are pure functions over
sentence and character positions:

1. ``group_sessions`` — sessions in text order join the current event unless they sit under a
   different strong event kind ("Infoabend" vs. "Bürgerversammlung") or far away with a new
   cue; a session mentioned twice (once as a day, once with its time) is one session;
2. ``attach_attributes`` — each event takes the nearest venue, room, capacity, price,
   registration channel, deadline and organisers from its own region of the text;
3. HTML pages with schema.org Event markup (``extruct``) fill what the text left open.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional
from zoneinfo import ZoneInfo

from spacy.tokens import Doc

from .clean import CleanedDocument, is_date_line
from .components.base import Candidate, doc_text
from .data import load_json
from .intervals import Intervals
from .schema import Contact, Event, Location, Mentions, Price, Registration, Session, Span

BERLIN = ZoneInfo("Europe/Berlin")
#: A session this many sentences after the current event's last one, under a new kind cue,
#: starts a new event even when the cue is weak.
FAR_SENTENCES = 4


@dataclass(frozen=True)
class _Cues:
    strong: tuple[str, ...]
    weak: tuple[str, ...]
    inviting: re.Pattern
    registration: re.Pattern
    not_required: re.Pattern
    question: re.Pattern
    contact: re.Pattern
    cancelled: re.Pattern
    poll: re.Pattern
    duration: re.Pattern
    number_words: dict
    building_org: re.Pattern
    trips: frozenset


@lru_cache(maxsize=1)
def cues() -> _Cues:
    d = load_json("patterns/events.json")
    rx = lambda k: re.compile(d[k], re.I)  # noqa: E731
    by_len = lambda xs: tuple(sorted({x.lower() for x in xs}, key=len, reverse=True))  # noqa: E731
    return _Cues(
        strong=by_len(d["kinds_strong"]),
        weak=by_len(d["kinds_weak"]),
        inviting=rx("inviting"),
        registration=rx("registration"),
        not_required=rx("registration_not_required"),
        question=rx("question"),
        contact=rx("contact"),
        cancelled=rx("cancelled"),
        poll=re.compile(d["poll"]),
        duration=rx("duration"),
        number_words=d["number_words"],
        building_org=re.compile(
            r"^(?:\S+-)?\w*(?:" + "|".join(map(re.escape, d["building_organisations"])) + r")\b(?:\s+\S+){0,2}$", re.I),
        trips=frozenset(_normal_kind(k) for k in d.get("trip_kinds", ())),
    )


# ---------------------------------------------------------------------------------------------
# text geometry


@dataclass
class Geometry:
    """Sentence boundaries of the text (character offsets), for nearest-in-region lookups."""

    text: str
    sents: list[tuple[int, int]]

    def sent_index(self, pos: int) -> int:
        lo, hi = 0, len(self.sents) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sents[mid][0] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def sentence(self, i: int) -> str:
        s, e = self.sents[i]
        return self.text[s:e]


def geometry(doc: Doc) -> Geometry:
    if doc.has_annotation("SENT_START"):
        sents = [(s.start_char, s.end_char) for s in doc.sents]
    else:  # a pipeline without a segmenter: lines are the next best unit
        sents, pos = [], 0
        for line in doc_text(doc).split("\n"):
            sents.append((pos, pos + len(line)))
            pos += len(line) + 1
    text = doc_text(doc)
    return Geometry(text, sents or [(0, len(text))])


# ---------------------------------------------------------------------------------------------
# kinds and titles


@dataclass
class KindCue:
    kind: str  # normalised kind ("werkstatt")
    strong: bool
    start: int
    end: int
    title: str


_QUOTE = re.compile(r"[„\"“»]([^„\"“”»«\n]{3,120})[“”\"«]")
_WORD = re.compile(r"[\wÄÖÜäöüß][\wÄÖÜäöüß#.-]*")


@lru_cache(maxsize=1)
def _kind_index() -> tuple[dict[str, str], tuple[int, ...], frozenset[str]]:
    """Strong kinds by their compact form (spaces removed) and the lengths to try, longest
    first, so a word is looked up by its suffixes instead of scanning every kind."""
    c = cues()
    by_compact: dict[str, str] = {}
    for k in c.strong:
        if len(k) >= 4:
            by_compact.setdefault(k.replace(" ", ""), k)
    lengths = tuple(sorted({len(x) for x in by_compact}, reverse=True))
    return by_compact, lengths, frozenset(c.weak)


@lru_cache(maxsize=65536)
def _kind_of(word: str) -> Optional[tuple[str, bool]]:
    """The event kind a word names: a strong kind as its suffix ("Zukunftswerkstatt"), else a
    weak kind as the whole word or a hyphen part."""
    by_compact, lengths, weak = _kind_index()
    w = word.lower().strip(".-")
    parts = [w] + [p for p in w.split("-") if p]
    for part in parts:
        for n in lengths:
            if n <= len(part):
                k = by_compact.get(part[-n:])
                if k is not None:
                    return k, True
    for part in parts:
        if part in weak:
            return part, False
    return None


_DETERMINERS = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem",
                "einen", "zur", "zum", "im", "am", "beim", "vom", "unsere", "unser", "unserer",
                "ihre", "ihr", "diese", "dieser", "dieses", "jede", "alle", "nächste", "nächsten"}
_CALENDAR_WORDS = {"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
                   "oktober", "november", "dezember", "montage", "dienstage", "mittwoche", "sonntage",
                   "samstage", "freitage", "donnerstage", "jahre", "woche", "wochen", "monate", "tage"}
_GENITIVE = re.compile(
    r"[ \t]+(?:des|der)[ \t]+((?:[A-ZÄÖÜ0-9][\wÄÖÜäöüß.&-]*|für|und|-)(?:[ \t]+(?:[A-ZÄÖÜ0-9][\wÄÖÜäöüß.&-]*|für|und|-)){0,4})"
)
_PRE_ADJ = re.compile(r"(?:(?<=\s)|^)((?:\d{1,2}\.\s)?[A-ZÄÖÜ][\wäöüß-]*(?:e|en|er|es)|\d{1,2}\.)\s+$")


def _cue_title(text: str, start: int, end: int, word: str) -> str:
    """The name an event kind noun suggests: "Werkstatt „Zukunft des Ehrenamts“",
    "Öffentliche Sitzung des Gemeinderates", "8. Dachauer Unternehmerforum"."""
    title = word.rstrip(".")
    parts = title.split("-")
    tail = _kind_of(parts[-1]) if len(parts) > 1 else None
    if tail and not tail[1]:
        title = "-".join(parts[:-1])  # "Werkstatt-Termine" → "Werkstatt"
    after = text[end : end + 160]
    stripped = after.lstrip(" :")
    q = _QUOTE.match(stripped)
    if q and len(after) - len(stripped) <= 2:
        title = f"{title} „{q.group(1).strip()}“"
    else:
        g = _GENITIVE.match(after)
        if g and title == word.rstrip("."):
            phrase = re.sub(r"(?:\s+(?:und|für|-))+$", "", g.group(1))
            title = title + after[: g.start(1)] + phrase
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 40) : start]
    adj = _PRE_ADJ.search(before)
    if adj and adj.group(1).lower() not in _DETERMINERS and adj.group(1).lower().rstrip(".") not in _CALENDAR_WORDS:
        title = f"{adj.group(1)} {title}"
    return " ".join(title.split())


def find_kind_cues(text: str, start: int, end: int) -> list[KindCue]:
    """Event-kind nouns in text[start:end], with the title each suggests."""
    out = []
    chunk = text[start:end]
    # multi-word kinds first ("Tag der offenen Tür", "Runder Tisch", "Repair Café")
    for k in cues().strong:
        if " " in k:
            for m in re.finditer(re.escape(k), chunk, re.I):
                out.append(KindCue(k, True, start + m.start(), start + m.end(), chunk[m.start():m.end()]))
    multi = Intervals((c.start, c.end) for c in out)
    for m in _WORD.finditer(chunk):
        word = m.group(0)
        if not word[:1].isupper():
            continue
        found = _kind_of(word)
        if not found or multi.overlaps(start + m.start(), start + m.start() + 1):
            continue
        kind, strong = found
        out.append(KindCue(kind, strong, start + m.start(), start + m.end(), word.rstrip(".")))
    out.sort(key=lambda c: c.start)
    for cue in out:
        cue.title = _cue_title(text, cue.start, cue.end, text[cue.start : cue.end])
    return out


def _normal_kind(kind: str) -> str:
    base = kind.lower()
    for suffix in ("reihe", "en", "e", "s"):
        if base.endswith(suffix) and len(base) - len(suffix) >= 5:
            return base[: -len(suffix)]
    return base


# ---------------------------------------------------------------------------------------------
# sessions → events


@dataclass
class Draft:
    sessions: list[tuple[Session, Candidate]] = field(default_factory=list)
    kind: Optional[KindCue] = None
    first_sent: int = 0
    last_sent: int = 0
    region: tuple[int, int] = (0, 0)
    shared: list[tuple[int, int]] = field(default_factory=list)  # text that holds for all events
    item: Optional[tuple[int, int]] = None  # the list item the event stands in
    days: set = field(default_factory=set)  # the days of its sessions, kept as they join
    block: bool = False  # its item is a block of a calendar listing (opened by its date line)
    foreign: set = field(default_factory=set)  # sentences that hold only other events' sessions
    venue: Optional[Candidate] = None  # the venue named with its one session (a tour of places)
    venue_fixed: bool = False  # venue is all the text says (None: its stretch names no venue)

    @property
    def kind_key(self) -> Optional[str]:
        return _normal_kind(self.kind.kind) if self.kind and self.kind.strong else None


def as_session(value: dict) -> Session:
    start = value["start"]
    end = value.get("end")
    if isinstance(start, dt.datetime) and start.tzinfo is None:
        start = start.replace(tzinfo=BERLIN)
    if isinstance(end, dt.datetime) and end.tzinfo is None:
        end = end.replace(tzinfo=BERLIN)
    if isinstance(start, dt.datetime) and isinstance(end, dt.date) and not isinstance(end, dt.datetime):
        end = None if end == start.date() else end
    return Session(start=start, end=end, all_day=not isinstance(start, dt.datetime))


def day_of(s: Session) -> dt.date:
    return s.start.date() if isinstance(s.start, dt.datetime) else s.start


def last_day_of(s: Session) -> dt.date:
    end = s.end or s.start
    return end.date() if isinstance(end, dt.datetime) else end


def _cue_for(geo: Geometry, cand: Candidate) -> Optional[KindCue]:
    """The event kind a session stands under: the nearest kind noun before it in its sentence,
    else after it in its sentence, else in the sentence before."""
    si = geo.sent_index(cand.start)
    s0, s1 = geo.sents[si]
    here = find_kind_cues(geo.text, s0, s1)
    before = [c for c in here if c.end <= cand.start]
    strong_before = [c for c in before if c.strong]
    if strong_before:
        return strong_before[-1]
    strong_here = [c for c in here if c.strong]
    if strong_here:
        return strong_here[0]
    if si > 0:
        prev = [c for c in find_kind_cues(geo.text, *geo.sents[si - 1]) if c.strong]
        if prev:
            return prev[-1]
    return before[-1] if before else (here[0] if here else None)


#: a bullet line ("•", "-", "–", "*", "»", "1.") of a list
_BULLET = re.compile(r"^[ \t]*(?:[•\-–*»·▪◦]|\d{1,2}\))[ \t]+", re.M)
#: a quoted name: „Sibir“, "Albrecht Dürer - Meister der Druckgrafik"
_ANY_QUOTE = re.compile(r"[„\"“»]([^„\"“”»«\n]{3,100})[“”\"«]")
#: quoted speech, not a name: „…“, sagt X / so X
_SPEECH_AFTER = re.compile(r"^[ \t]*[,.]?[ \t]*(?:sagt|sagte|so|betont|betonte|erklärt|erklärte|meint|meinte|freut)\b")
#: list items that are parts of one event ("Modul 2", "Teil 3", "2. Termin")
_PART = re.compile(r"\b(?:Modul|Teil|Termin|Tag|Block|Abend|Einheit|Folge|Kurstag|Sitzung)\s*\d|\b\d\.\s*(?:Modul|Teil|Termin|Tag|Block|Abend|Einheit)\b", re.I)


@dataclass
class ListItems:
    """Items of enumerations — bullet lines, and ';'-separated parts of a sentence with at
    least three of them — as (start, end) spans sorted by start."""

    spans: list[tuple[int, int]]
    #: the spans that are blocks of a calendar listing, each opened by a line of its own date
    blocks: frozenset = frozenset()

    def find(self, pos: int) -> Optional[tuple[int, int]]:
        lo, hi = 0, len(self.spans) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s, e = self.spans[mid]
            if pos < s:
                hi = mid - 1
            elif pos >= e:
                lo = mid + 1
            else:
                return self.spans[mid]
        return None


def list_items(geo: Geometry) -> ListItems:
    text = geo.text
    spans: list[tuple[int, int]] = []
    bullets = [m.start() for m in _BULLET.finditer(text)]
    blanks = [m.start() for m in re.finditer(r"\n[ \t]*\n", text)]
    for n, b in enumerate(bullets):
        nxt = bullets[n + 1] if n + 1 < len(bullets) else len(text)
        k = bisect.bisect_left(blanks, b)
        end = min(nxt, blanks[k] if k < len(blanks) else len(text))
        spans.append((b, end))
    for s0, s1 in geo.sents:
        sentence = text[s0:s1]
        if sentence.count(";") < 2:
            continue
        pos = s0
        for part in sentence.split(";"):
            spans.append((pos, pos + len(part)))
            pos += len(part) + 1
    spans.extend(_dated_title_lines(text))
    blocks = _date_blocks(text)
    if blocks:
        inner = [b for b in bullets if any(b0 < b < b1 for b0, b1 in blocks)]
        if not inner:
            spans.extend(blocks)
    spans.sort()
    out: list[tuple[int, int]] = []
    for sp in spans:  # keep them disjoint: a later span starts after the former ends
        if out and sp[0] < out[-1][1]:
            if sp[1] - sp[0] < out[-1][1] - out[-1][0]:
                out[-1] = (out[-1][0], sp[0])
                if out[-1][0] >= out[-1][1]:
                    out.pop()
            else:
                continue
        out.append(sp)
    return ListItems([sp for sp in out if sp[0] < sp[1]], frozenset(b for b in blocks if b in out))


_OPEN_RANGE = re.compile(r"\b(\d{1,2}(?:[:.]\d{2})?)\s*(?:-|–|bis)\s*(\d{1,2}(?:[:.]\d{2})?\s*Uhr)")


#: a line that opens with its day and goes on with a title: "Dienstag, 03. September Anne Weber: Bannmeilen"
_DATED_TITLE_LINE = re.compile(
    r"^[ \t]*(?:(?:Mo|Di|Mi|Do|Fr|Sa|So)[a-z]*\.?,?[ \t]+)?\d{1,2}\.[ \t]*(?:\d{1,2}\.(?:\d{2,4})?|[A-ZÄÖÜ][a-zä]+\.?)"
    r"(?:[ \t]+\d{4})?,?[ \t]+(?P<title>[A-ZÄÖÜ„\"][^\n:]{1,60}:[ \t]*\S[^\n]*)$", re.M)


def _dated_title_lines(text: str) -> list[tuple[int, int]]:
    """A run of three or more lines, each a day with a titled item of its own ("Dienstag, 03.
    September Anne Weber: Bannmeilen"): each line is an item of a listing of events."""
    found = [(m.start(), m.end()) for m in _DATED_TITLE_LINE.finditer(text)]
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for sp in found:
        if run and text[run[-1][1] : sp[0]].strip():
            if len(run) >= 3:
                out.extend(run)
            run = []
        run.append(sp)
    if len(run) >= 3:
        out.extend(run)
    return out


def _date_blocks(text: str) -> list[tuple[int, int]]:
    """A calendar listing: lines that hold only a date and time ("01.05.2020, 17 Uhr"), each
    followed by lines of its own (title, text, place) up to the next such line. At least two
    such blocks, each with content, or none."""
    heads = []
    pos = 0
    for line in text.split("\n"):
        if is_date_line(_OPEN_RANGE.sub(r"\1 Uhr - \2", line)):  # "01.05.2020, 11 - 18 Uhr"
            heads.append(pos)
        pos += len(line) + 1
    if len(heads) < 2:
        return []
    out = []
    for n, h in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(text)
        eol = text.find("\n", h)
        body = text[eol + 1 : end].strip() if 0 <= eol < end else ""
        if not body:
            return []  # consecutive date lines: a list of dates of one event, not a listing
        out.append((h, end))
    return out


_CAL_WORDS = {"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "uhr",
              "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
              "oktober", "november", "dezember", "jan", "feb", "sept", "okt", "nov", "dez", "beginn",
              "ende", "einlass", "ab", "von", "bis", "und", "jeweils", "am", "um", "termin", "termine"}


def _dated_headings(text: str, cands: list[Candidate]) -> list[int]:
    """Starts of headings that name their event's day ("Motorradtour durch Südamerika – 24.
    Oktober, 19 Uhr"), each over a paragraph of its own: at least two on different days, or none."""
    out: list[tuple[int, dt.date]] = []
    for cand in cands:
        lo = text.rfind("\n", 0, cand.start) + 1
        hi = text.find("\n", cand.start)
        if hi < 0 or (out and out[-1][0] == lo):
            continue
        line = text[lo:hi]
        nxt = text[hi + 1 : text.find("\n", hi + 1) if text.find("\n", hi + 1) >= 0 else len(text)]
        if not _headline(line) or is_date_line(line) or len(nxt.split()) < 8 or not re.search(r"[A-Za-zÄÖÜäöü]{4}", line):
            continue
        if lo > 0 and text[lo - 1 : lo] == "\n" and lo > 1 and text[lo - 2] not in "\n" and not re.search(r"[.!?]\s*$", text[:lo - 1]):
            continue  # a line broken inside a paragraph
        out.append((lo, day_of(as_session(cand.value))))
    if len({d for _, d in out}) < 2:
        return []
    return [lo for lo, _ in out]


def _section(heads: list[int], pos: int) -> int:
    return bisect.bisect_right(heads, pos)


def _named_item(text: str) -> bool:
    """A list item that names its own event ("die Osternacht: Samstag, 22.3.", "9. Februar
    Verbandstagung in Böblingen"), not a bare date line ("28. August 2020, 14 bis 15:30 Uhr")."""
    if _ANY_QUOTE.search(text):
        return True
    if any(k.strong for k in find_kind_cues(text, 0, len(text))):
        return True
    if _DATED_TITLE_LINE.match(text):
        return True  # "Dienstag, 03. September Anne Weber: Bannmeilen"
    head = re.split(r"\d", text, maxsplit=1)[0]
    return any(w.lower().strip(".") not in _CAL_WORDS for w in re.findall(r"\b[A-ZÄÖÜ][\wäöüß-]+", head))


def _quoted_name(geo: Geometry, si: int, pos: int, floor: int = -1) -> Optional[str]:
    """The quoted name nearest to a session in its sentence (not quoted speech); else the last
    one of the sentence before, when that sentence lies after ``floor`` (the previous session):
    "Sabrina Janesch beschreibt in „Sibir“, wie … Die Lesung am 20. Oktober …"."""
    own = _quote_in(geo, si, pos)
    if own is None and si > 0 and geo.sents[si - 1][0] >= floor >= 0:
        return _quote_in(geo, si - 1, geo.sents[si - 1][1])
    return own


def _quote_in(geo: Geometry, si: int, pos: int) -> Optional[str]:
    s0, s1 = geo.sents[si]
    best = None
    for m in _ANY_QUOTE.finditer(geo.text, s0, s1):
        if _SPEECH_AFTER.match(geo.text[m.end() : m.end() + 20]) or len(m.group(1).split()) > 14:
            continue
        d = abs(m.start() - pos)
        if best is None or d < best[0]:
            best = (d, m.group(1).strip())
    return best[1] if best else None


def _is_poll(geo: Geometry, cand: Candidate) -> bool:
    """A polling day ("Bekanntmachung zur Bürgermeisterwahl am 19. Februar 2023 von 8.00 bis
    18.00 Uhr"): the nearest kind noun or election word to the date is an election — before it
    in its sentence, else after it, else the last one of the sentence before. An election after
    "zur"/"zum" behind a kind noun is that event's topic ("Podiumsdiskussion zur Landtagswahl")."""
    poll = cues().poll

    def marks(i: int) -> list[tuple[int, int, bool]]:
        s0, s1 = geo.sents[i]
        kinds = [(k.start, k.end, False) for k in find_kind_cues(geo.text, s0, s1) if k.strong]
        out = list(kinds)
        for m in poll.finditer(geo.text, s0, s1):
            lead = geo.text[max(s0, m.start() - 8) : m.start()]
            if re.search(r"\bfür\s+(?:die|den)\s+$", lead):
                continue  # "Bewerbervorstellung für die Bürgermeisterwahl"
            if re.search(r"\b(?:zur|zum)\s+$", lead) and any(k[1] <= m.start() for k in kinds):
                continue
            out.append((m.start(), m.end(), True))
        return sorted(out)

    si = geo.sent_index(cand.start)
    here = marks(si)
    before = [m for m in here if m[1] <= cand.start]
    if before:
        return before[-1][2]
    after = [m for m in here if m[0] >= cand.end]
    if after:
        return after[0][2]
    # the heading line above a date line ("Bekanntmachung zur Bürgermeisterwahl" / "am 19. Februar …")
    if si == 0 or re.search(r"[.!?:;]\W*$", geo.sentence(si - 1).rstrip()):
        return False
    prev = marks(si - 1)
    return bool(prev) and prev[-1][2]


def _paragraph(text: str, pos: int) -> int:
    return text.rfind("\n\n", 0, pos)


def group_sessions(geo: Geometry, cands: list[Candidate], orgs: list[Candidate] = ()) -> list[Draft]:
    c = cues()
    org_starts = sorted((o.start, o.value) for o in orgs)

    def orgs_in(si: int) -> set:
        s0, s1 = geo.sents[si]
        k = bisect.bisect_left(org_starts, (s0, ""))
        out = set()
        while k < len(org_starts) and org_starts[k][0] < s1:
            out.add(org_starts[k][1])
            k += 1
        return out

    drafts: list[Draft] = []
    heads = _dated_headings(geo.text, cands)
    items = list_items(geo)
    last_item: Optional[tuple[int, int]] = None
    last_quote: Optional[str] = None
    for cand in sorted(cands, key=lambda x: (x.start, x.end)):
        si = geo.sent_index(cand.start)
        if c.cancelled.search(geo.sentence(si)):
            continue  # a cancelled or postponed date is not a session
        if c.poll.search(geo.text, max(0, geo.sents[si - 1][0] if si else 0), geo.sents[si][1]) and _is_poll(geo, cand):
            continue  # a polling day is a date, not a session
        session = as_session(cand.value)
        cue = _cue_for(geo, cand)
        key = _normal_kind(cue.kind) if cue and cue.strong else None
        cur = drafts[-1] if drafts else None
        if cand.attrs.get("later"):
            # the day of an earlier sentence with a time of a later one: another event on that
            # day when the later sentence names a kind of its own, else no session (sale hours)
            here = [k for k in find_kind_cues(geo.text, *geo.sents[si])
                    if k.strong and (cur is None or _normal_kind(k.kind) != cur.kind_key)]
            if not here or any(x.start == session.start for d in drafts for x, _ in d.sessions):
                continue  # no kind of its own, or the same occurrence named again
            cue, key = here[0], _normal_kind(here[0].kind)
        item = items.find(cand.start)
        prev_end = cur.sessions[-1][1].end if cur is not None and cur.sessions else -1
        quote = _quoted_name(geo, si, cand.start, prev_end)
        new_day = cur is None or day_of(session) not in cur.days
        item_text = geo.text[item[0] : item[1]] if item is not None else ""
        named_item = item is not None and (item in items.blocks or _named_item(item_text))
        if cur is not None and item is not None and item != last_item and (new_day or item in items.blocks) \
                and not _PART.search(item_text) and named_item:
            joins = False  # another item of a listing of events
        elif cur is not None and item is not None and item == last_item:
            joins = True  # the sessions of one list item belong together
        elif cur is not None and quote and last_quote and quote != last_quote and si != cur.last_sent and new_day:
            joins = False  # a series: each date with its own quoted name
        elif cur is not None and quote and quote != last_quote and new_day and cur.sessions \
                and _paragraph(geo.text, cand.start) != _paragraph(geo.text, cur.sessions[-1][1].start):
            joins = False  # a paragraph of its own with its own quoted name on another day
        else:
            joins = cur is not None and (
                (key is None and si - cur.last_sent <= FAR_SENTENCES * 3)
                or key == cur.kind_key
                or (cur.kind_key is None and si - cur.last_sent <= FAR_SENTENCES)
            )
        if joins and cur.sessions and si != cur.last_sent and all(x.start != session.start for x, _ in cur.sessions) \
                and _paragraph(geo.text, cand.start) != _paragraph(geo.text, cur.sessions[-1][1].start):
            # "Der Ortsbeirat Mitte tritt am 18. August … zusammen." / "Die Sitzung des Ortsbeirats
            # Frauenstein findet am 19. August … statt.": a paragraph of another body's meeting
            mine, theirs = orgs_in(si), orgs_in(cur.last_sent)
            if mine and theirs and not mine & theirs:
                joins = False
        if joins and heads and new_day and cur.sessions \
                and _section(heads, cand.start) != _section(heads, cur.sessions[-1][1].start):
            # "Erster Weltkrieg – Lesung mit Gespräch am 25. Oktober, 19 Uhr" / "Kinderveranstaltungen
            # am 28. Oktober, jeweils um 10 und 11 Uhr": each dated heading opens an event
            joins = False
        if joins and cue is not None and cur.kind is not None and cue is not cur.kind:
            # the same kind under another quoted name is another event ("Vortrag „A“",
            # later "Vortrag „B“"); the sessions of one coordinated sentence never split
            named = "„" in cue.title and "„" in cur.kind.title and cue.title != cur.kind.title
            if named and si != cur.last_sent:
                joins = False
        if not joins:
            cur = Draft(first_sent=si, last_sent=si)
            drafts.append(cur)
            if named_item:
                cur.item = item
                cur.block = item in items.blocks
                inner = [k for k in find_kind_cues(geo.text, *item) if k.strong] or find_kind_cues(geo.text, *item)
                cue = inner[0] if inner else cue
            if quote and cue is not None and "„" not in cue.title and not cur.item:
                cue = KindCue(cue.kind, cue.strong, cue.start, cue.end, f"{cue.title} „{quote}“")
        last_item = item
        last_quote = quote or last_quote
        if cur.kind is None or (not cur.kind.strong and cue is not None and cue.strong):
            cur.kind = cue
        cur.last_sent = si
        cur.sessions.append((session, cand))
        cur.days.add(day_of(session))
    drafts = _merge_repeated(drafts)
    for d in drafts:
        d.sessions = _dedupe(d.sessions)
    return [d for d in drafts if d.sessions]


def _dedupe(items: list[tuple[Session, Candidate]]) -> list[tuple[Session, Candidate]]:
    """One session per occurrence: drop exact repeats, and an all-day mention of a day that
    also has a timed session; a timed session without end takes the end a repeat gives."""
    timed_days = {day_of(s) for s, _ in items if not s.all_day}
    out: dict[tuple, tuple[Session, Candidate]] = {}
    for s, c in items:
        if s.all_day and s.end is None and day_of(s) in timed_days:
            continue
        key = (s.start,)
        if key in out:
            if out[key][0].end is None and s.end is not None:
                out[key] = (s, out[key][1])
            continue
        out[key] = (s, c)
    return sorted(out.values(), key=lambda sc: (day_of(sc[0]), str(sc[0].start)))


def _merge_repeated(drafts: list[Draft]) -> list[Draft]:
    """A later event whose days all occur in an earlier one is the same event mentioned again
    (an invitation names the day, a closing line repeats it with the time)."""
    out: list[Draft] = []
    for d in drafts:
        days = {day_of(s) for s, _ in d.sessions}
        target = None
        for e in out:
            e_days = {day_of(s) for s, _ in e.sessions}
            timed = {s.start for s, _ in d.sessions if not s.all_day}
            e_timed = {s.start for s, _ in e.sessions if not s.all_day}
            if timed and e_timed and not timed & e_timed and len(d.sessions) == len(timed):
                continue  # the same day at other times: meetings one after another, no repeat
            if days and (days <= e_days or e_days <= days) and (
                d.kind_key is None or e.kind_key is None or d.kind_key == e.kind_key
                or all(s.all_day for s, _ in d.sessions) or all(s.all_day for s, _ in e.sessions)
            ):
                target = e
                break
        if target is None:
            out.append(d)
        else:
            target.sessions.extend(d.sessions)
            target.last_sent = max(target.last_sent, d.last_sent)
            if target.kind is None or (not target.kind.strong and d.kind and d.kind.strong):
                target.kind = d.kind
    return out


def _split_by_venue(geo: Geometry, found: dict[str, list[Candidate]], drafts: list[Draft]) -> list[Draft]:
    """A series that names a place of its own with each of its days ("am 29. September in
    Eckolstädt … in der Schule", "am 30. September … im Dorfgemeinschaftshaus in Reisdorf")
    is one event per place and day: a calendar entry has one location. Each session's stretch
    runs from its own start (or its sentence start, when it opens the sentence) to the next
    session (or its sentence end);
    at least two thirds of the stretches must name one venue each, and not all the same."""
    venues = sorted((c for c in found.get("locations", []) if c.attrs.get("kind", "venue") == "venue"),
                    key=lambda c: c.start)
    places = sorted((c for c in found.get("locations", []) if c.attrs.get("kind") in ("city", "address")),
                    key=lambda c: c.start)
    v_starts = [c.start for c in venues]
    p_starts = [c.start for c in places]
    out: list[Draft] = []
    for d in drafts:
        items = sorted(d.sessions, key=lambda x: x[1].start)
        if len(items) < 3 or len({c.start for _, c in items}) < len(items):
            out.append(d)
            continue
        picks = []
        for n, (_, c) in enumerate(items):
            s0, s1 = geo.sents[geo.sent_index(c.start)]
            lo = c.start if n and items[n - 1][1].start >= s0 else s0
            hi = min(s1, items[n + 1][1].start if n + 1 < len(items) else s1)
            here = venues[bisect.bisect_left(v_starts, lo) : bisect.bisect_left(v_starts, hi)]
            where = [p.value for p in places[bisect.bisect_left(p_starts, lo) : bisect.bisect_left(p_starts, hi)]]
            picks.append((here[0] if len(here) == 1 else None, tuple(where)))
        named = [(v.value, w) for v, w in picks if v is not None]
        if 3 * len(named) < 2 * len(picks) or len(set(named)) < 2:
            out.append(d)
            continue
        for (session, c), (v, _) in zip(items, picks):
            si = geo.sent_index(c.start)
            out.append(Draft(sessions=[(session, c)], kind=d.kind, first_sent=si, last_sent=si,
                             days={day_of(session)}, venue=v, venue_fixed=True))
    return out


def shared_spans(geo: Geometry, drafts: list[Draft]) -> list[tuple[int, int]]:
    """For several events: the introduction before the first session and the closing part
    after the last one — what they say (venue, fee, room) holds for every event without its own."""
    if len(drafts) < 2:
        return []
    firsts = [min(c.start for _, c in d.sessions) for d in drafts]
    lasts = [max(c.end for _, c in d.sessions) for d in drafts]
    intro_end = geo.sents[geo.sent_index(min(firsts))][0]
    outro_start = geo.sents[geo.sent_index(max(lasts) - 1)][1]
    return [(0, intro_end), (outro_start, len(geo.text))]


def set_regions(geo: Geometry, drafts: list[Draft]) -> None:
    """Each event's region of text: from its first cue or session sentence to the next
    event's; a single event owns the whole text."""
    if len(drafts) == 1:
        drafts[0].region = (0, len(geo.text))
        return
    starts = []
    for d in drafts:
        if d.item is not None:
            starts.append(d.item[0])
            continue
        first = d.first_sent
        if d.kind is not None:
            first = min(first, geo.sent_index(d.kind.start))
        starts.append(geo.sents[first][0])
    order = sorted(range(len(drafts)), key=lambda i: starts[i])
    for n, i in enumerate(order):
        begin = 0 if n == 0 else starts[i]
        end = starts[order[n + 1]] if n + 1 < len(order) else len(geo.text)
        drafts[i].region = (begin, max(end, begin))


# ---------------------------------------------------------------------------------------------
# attributes


def _in(region: tuple[int, int], c: Candidate) -> bool:
    return region[0] <= c.start < region[1]


def _nearest(cands: list[Candidate], region: tuple[int, int], anchors: list[int],
             shared: list[tuple[int, int]] = ()) -> Optional[Candidate]:
    inside = [c for c in cands if _in(region, c)]
    if not inside:
        inside = [c for c in cands if any(_in(sp, c) for sp in shared)]
    if not inside:
        return None
    return min(inside, key=lambda c: min(abs(c.start - a) for a in anchors) if anchors else c.start)


#: a sentence that names how to reach someone ("… per Email (…)", "telefonisch unter …")
_ADDRESSES = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+")
_CHANNEL_WORDS = re.compile(r"\b(?:per|via|unter|an)\s+(?:E-?Mail|Mail|Telefon|Tel\.)|\btelefonisch\b", re.I)


def _registration(
    geo: Geometry, found: dict[str, list[Candidate]], region: tuple[int, int],
    shared: list[tuple[int, int]] = (),
) -> Registration:
    reg = _registration_in(geo, found, region)
    if reg.required is None and not (reg.email or reg.phone or reg.url):
        # "Reservierungen für einzelne Lesungen nimmt die Stadtbücherei … entgegen" after a
        # listing of readings: the closing part's registration holds for each of them
        for span in shared:
            other = _registration_in(geo, found, span)
            if other.required is not None or other.email or other.phone or other.url:
                return other
    return reg


def _registration_in(
    geo: Geometry, found: dict[str, list[Candidate]], region: tuple[int, int]
) -> Registration:
    c = cues()
    reg = Registration()
    reg_sents = []
    for i, (s0, s1) in enumerate(geo.sents):
        if not (region[0] <= s0 < region[1]):
            continue
        sentence = geo.text[s0:s1]
        if c.not_required.search(sentence):
            reg.required = False
            continue
        if c.registration.search(sentence):
            reg_sents.append(i)
    if reg_sents and reg.required is None:
        reg.required = True

    def channel(family: str, accept=lambda x: True) -> Optional[str]:
        items = [x for x in found.get(family, []) if _in(region, x) and accept(x)]
        for i in reg_sents:  # in a registration sentence, or the one right after it
            for j in (i, i + 1):
                if j >= len(geo.sents):
                    continue
                s0, s1 = geo.sents[j]
                if j == i + 1 and c.registration.search(geo.sentence(j)) is None and not re.match(
                    r"\s*(?:E-Mail|Mail|Tel|Telefon|Fon|Online|Internet|Web|unter|per)\b", geo.sentence(j), re.I
                ) and not (_CHANNEL_WORDS.search(geo.sentence(j))
                           and not c.contact.search(_ADDRESSES.sub(" ", geo.sentence(j)))):
                    continue  # "Anmeldung … ist erforderlich. Dazu … per Email (…)" is the channel
                hits = [x for x in items if s0 <= x.start < s1]
                if hits:
                    return hits[0].value
        return None

    reg.email = channel("emails")
    reg.phone = channel("phones", lambda x: x.attrs.get("kind", "phone") != "fax")
    reg.url = channel("urls")
    deadlines = [d for d in found.get("deadlines", []) if _in(region, d)]
    if deadlines:
        value = deadlines[0].value
        reg.deadline = value if isinstance(value, dt.date) else None
        if reg.required is None:
            reg.required = True
    return reg


def _organizers(geo: Geometry, found: dict[str, list[Candidate]], draft: Draft) -> list[str]:
    c = cues()
    names: list[str] = []
    region = draft.region
    for org in found.get("organizations", []):
        if not _in(region, org):
            continue
        si = geo.sent_index(org.start)
        sentence = geo.sentence(si)
        if c.inviting.search(sentence) and org.value not in names:
            names.append(org.value)
    return names


def _contacts(geo: Geometry, found: dict[str, list[Candidate]], region: tuple[int, int]) -> list[Contact]:
    out: dict[str, Contact] = {}
    c = cues()
    for p in found.get("persons", []):
        if not _in(region, p):
            continue
        role = p.attrs.get("role")
        sentence = geo.sentence(geo.sent_index(p.start))
        if role or c.contact.search(sentence):
            if p.value not in out:
                out[p.value] = Contact(name=p.value, role=role)
            elif role and not out[p.value].role:
                out[p.value].role = role
    return list(out.values())


def _duration(geo: Geometry, region: tuple[int, int], sessions: list[Session]) -> Optional[int]:
    lengths = {
        int((s.end - s.start).total_seconds() // 60)
        for s in sessions
        if isinstance(s.start, dt.datetime) and isinstance(s.end, dt.datetime)
    }
    if len(lengths) == 1 and all(isinstance(s.end, dt.datetime) for s in sessions):
        n = lengths.pop()
        return n if n > 0 else None
    m = cues().duration.search(geo.text[region[0] : region[1]])
    if not m:
        return None
    raw = m.group("n").lower()
    number = cues().number_words.get(raw)
    if number is None:
        number = float(raw.replace(",", "."))
    minutes = number * (1 if m.group("unit").lower().startswith("min") else 60)
    return int(minutes) if 0 < minutes <= 24 * 60 else None


_CITY_FROM_ORG = re.compile(
    r"\b(?:Stadt|Gemeinde|Hansestadt|Universitätsstadt|Landeshauptstadt|Kreisstadt|Große Kreisstadt|Markt)\s+([A-ZÄÖÜ][\wäöüß-]+(?:\s(?:am|an der|im|in der|ob der)\s[A-ZÄÖÜ][\wäöüß-]+)?)"
)


def _location(geo: Geometry, found: dict[str, list[Candidate]], draft: Draft, organizers: list[str]) -> Location:
    region = draft.region
    anchors = [p for _, c in draft.sessions for p in (c.start, c.end)]  # the date and the time
    locs = [c for c in found.get("locations", [])]
    # a venue in the sentence of another event's session is that event's ("In seiner zweiten
    # Sitzung am 4. Juni um 17 Uhr im Rathaus …" is not where the first session was)
    if draft.kind_key is not None and draft.kind_key in cues().trips and len(draft.sessions) <= 2:
        # an excursion goes somewhere: only a place named with its own sessions is its venue (a
        # series with one "(Ausflug)" among its dates is no excursion)
        own = {geo.sent_index(c.start) for _, c in draft.sessions}
        locs = [c for c in locs if geo.sent_index(c.start) in own]
    venue = draft.venue if draft.venue_fixed else _nearest(
        [c for c in locs if c.attrs.get("kind", "venue") == "venue" and geo.sent_index(c.start) not in draft.foreign],
        region, anchors, draft.shared)
    address = _nearest([c for c in locs if c.attrs.get("kind") == "address"], region, anchors)
    city = _nearest([c for c in locs if c.attrs.get("kind") == "city"], region, anchors)
    online_cands = [c for c in locs if c.attrs.get("kind") == "online" and _in(region, c)]
    if venue is not None and any(c.start <= venue.start and venue.end <= c.end for c in online_cands):
        venue = None  # "zu ihrem ersten digitalen Verbrauchercafé": the online cue names the event
    online = bool(online_cands)
    # "per Zoom zugeschaltet", "auch per Livestream übertragen": a strong cue makes an event
    # with a venue a hybrid one
    hybrid = any(c.priority >= 2 for c in online_cands)
    room = _nearest([r for r in found.get("rooms", []) if geo.sent_index(r.start) not in draft.foreign], region, anchors,
                    draft.shared if venue is None or not _in(region, venue) else ())
    if venue is not None and room is not None and venue.value == room.value:
        # "im Bürgersaal im Rathaus": the venue found is the room; the building holding it wins
        holder = [c for c in locs if c.attrs.get("room") == room.value and 0 <= c.start - venue.end <= 30]
        if holder:
            venue = holder[0]
    if venue is None and room is not None:
        # "im Großen Sitzungssaal" after "im Großen Sitzungssaal des Landratsamtes": the same
        # room of the same building
        same = [c for c in locs if c.attrs.get("room") == room.value]
        if same:
            venue = min(same, key=lambda c: abs(c.start - room.start))
    building = None
    if venue is None and not online_cands:
        # "Das Mehrgenerationenhaus öffnet seine Türen", "Die Stadtbibliothek lädt ein": an
        # organiser that is a building of its own is where the event takes place
        building = next((o for o in organizers if cues().building_org.search(o)), None)
    if venue is None and room is not None and _proper_hall(room.value):
        # "in den Schönbuchsaal", "im MartinsSaal": a hall with a name of its own and no building
        # around it is the venue
        venue, room = room, None
    city_name = city.value if city else None
    if city_name is None:
        for name in organizers:
            m = _CITY_FROM_ORG.search(name)
            if m:
                city_name = m.group(1)
                break
    if not online and venue is None and room is None and address is None and building is None:
        # "Ab Mitte Juni bietet die VHS eine Reihe von sieben Online-Donnerstagsvorträgen an":
        # an online series holds for each of its events that names no place of its own
        online_cands = [c for c in locs if c.attrs.get("kind") == "online" and c.attrs.get("series")]
        online = bool(online_cands)
    return Location(
        name=venue.value if venue else building,
        room=room.value if room else None,
        address=address.value if address else None,
        city=city_name,
        online=online and (venue is None or hybrid or not anchors),
    )


@lru_cache(maxsize=1)
def _generic_rooms() -> frozenset:
    return frozenset(r.casefold() for r in load_json("patterns/venues.json")["named_rooms"])


def _proper_hall(value: str) -> bool:
    """One word naming a hall of its own ("Schönbuchsaal", "MartinsSaal"), not a generic room
    ("Sitzungssaal", "Raum C409", "Großer Saal")."""
    low = value.casefold()
    return (" " not in value and value[:1].isupper() and low.endswith(("saal", "halle"))
            and low not in _generic_rooms()
            and not any(low.endswith(g) for g in _generic_rooms() if g not in ("saal", "halle")))


def _title(draft: Draft, cleaned: Optional[CleanedDocument], geo: Geometry) -> Optional[str]:
    """The event's name: the same kind's cue in its region that carries a quoted name, else
    the kind's first cue there (the introduction), else the page title. An event of a
    calendar listing is named by the first line of its block, under its date line."""
    if draft.block and draft.item is not None:
        lines = [ln.strip() for ln in geo.text[draft.item[0] : draft.item[1]].split("\n")[1:]]
        first = next((ln for ln in lines if ln), "")
        if first and _headline(first) and not _OPEN_RANGE.search(first):
            return first
    if draft.item is not None:
        m = _DATED_TITLE_LINE.match(geo.text, draft.item[0])
        if m and m.end() <= draft.item[1] + 1:
            return m.group("title").strip()  # "Dienstag, 03. September Anne Weber: Bannmeilen"
    if draft.kind is not None and draft.kind.strong:
        key = draft.kind_key
        same = [
            c for c in find_kind_cues(geo.text, *draft.region)
            if c.strong and _normal_kind(c.kind) == key
        ]
        quoted = [c for c in same if "„" in c.title]
        return (quoted or same or [draft.kind])[0].title
    if draft.kind is not None and "„" in draft.kind.title:
        return draft.kind.title
    if cleaned is not None and cleaned.title and _headline(cleaned.title):
        return cleaned.title.strip(" |")[:200]
    if cleaned is not None and cleaned.title and draft.kind is None:
        # the text opens with prose, not a headline: its first sentence, or its first words
        sents = [x for x in re.split(r"(?<=[a-zäöüß)“\"])[.!?](?:\s|$)", cleaned.title.strip(" |")) if x.strip()]
        first = next((x.strip() for x in sents if len(x.split()) > 2), sents[0].strip() if sents else "")
        words = first.split()  # (a dateline "Niederdorfelden." is no sentence of it)
        return first if len(words) <= 15 else " ".join(words[:12]) + " …"
    return draft.kind.title if draft.kind else None


def _headline(line: str) -> bool:
    """A page title or headline, not the text's first sentence: short, no full stop at the end."""
    s = line.strip(" |")
    return len(s.split()) <= 15 and not re.search(r"[.!?]$", s)


def assemble(
    doc: Doc,
    found: dict[str, list[Candidate]],
    mentions: Mentions,
    reference: dt.date,
    cleaned: Optional[CleanedDocument] = None,
) -> list[Event]:
    """The events of one document (see the module docstring)."""
    sessions = found.get("sessions", [])
    events: list[Event] = []
    if sessions:
        geo = geometry(doc)
        drafts = _split_by_venue(geo, found, group_sessions(geo, sessions, found.get("organizations", [])))
        set_regions(geo, drafts)
        shared = shared_spans(geo, drafts)
        for d in drafts:
            d.shared = shared
            d.foreign = {geo.sent_index(c.start) for o in drafts if o is not d for _, c in o.sessions} \
                - {geo.sent_index(c.start) for _, c in d.sessions}
        for d in drafts:
            events.append(_build_event(geo, found, d, reference, cleaned))
    if cleaned is not None and cleaned.html:
        from .schemaorg import merge_schema_events

        events = merge_schema_events(events, cleaned, reference)
    return events


def _build_event(geo, found, d: Draft, reference: dt.date, cleaned) -> Event:
    region = d.region
    sess = [s for s, _ in d.sessions]
    organizers = _organizers(geo, found, d)
    capacity = _nearest(found.get("capacities", []), region, [c.start for _, c in d.sessions])
    prices = [p for p in found.get("prices", []) if _in(region, p)] or [
        p for p in found.get("prices", []) if any(_in(sp, p) for sp in d.shared)]
    free = None
    price = None
    if any(p.attrs.get("free") for p in prices):
        free = True
    elif prices and prices[0].value:
        v = prices[0].value
        price = Price(**v) if isinstance(v, dict) else v
        free = False
    first = min(c.start for _, c in d.sessions)
    last = max(c.end for _, c in d.sessions)
    s0 = geo.sents[geo.sent_index(first)][0]
    s1 = geo.sents[geo.sent_index(max(last - 1, first))][1]
    return Event(
        title=_title(d, cleaned, geo),
        sessions=sess,
        duration_minutes=_duration(geo, region, sess),
        location=_location(geo, found, d, organizers),
        capacity=capacity.value if capacity else None,
        free_of_charge=free,
        price=price,
        registration=_registration(geo, found, region, d.shared),
        organizers=organizers,
        contacts=_contacts(geo, found, region),
        status="past" if max(last_day_of(s) for s in sess) < reference else "upcoming",
        evidence=Span(start=s0, end=s1),
    )
