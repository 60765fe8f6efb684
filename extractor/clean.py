"""Cleaning in front of spaCy: HTML → main text (trafilatura), and a boilerplate filter for
scraped text that still carries page furniture (date lists, teaser boxes, share and navigation
lines, publication stamps).

Every offset of the result indexes into the text this module returns.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from .data import load_json
from .errors import ErrorCode, InputError

log = logging.getLogger(__name__)

#: A line with at most this many words (and no sentence end) counts as "short": headings,
#: teaser titles, category labels. Prose lines in announcements are longer.
SHORT_LINE_WORDS = 10
#: Publication stamps are looked for only this close to the top of the text.
STAMP_WINDOW_LINES = 8
#: A machine-written metadata stamp that scrapers put in front of the text ("date 2026-02-12",
#: "Datum: 2020-09", "published 2019-11-04T10:15"): an ISO date after a label word at the very
#: start. It is page metadata, never content; the rest of its line (often the title) stays.
_LEADING_META = re.compile(
    r"^\s*(?:date|datum|published|veröffentlicht|erstellt|stand)\s*:?\s*"
    r"(?P<date>\d{4}-\d{2}(?:-\d{2})?)(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?(?:\s+|$)",
    re.IGNORECASE,
)


@dataclass
class CleanedDocument:
    """What the cleaner hands to the pipeline."""

    text: str
    kind: str  # text | html | url
    title: Optional[str] = None
    published: Optional[dt.date] = None
    url: Optional[str] = None
    removed_lines: list[str] = field(default_factory=list)
    html: Optional[str] = None


# ---------------------------------------------------------------------------------------------
# line classification


@dataclass(frozen=True)
class _LinePatterns:
    date: re.Pattern
    dateline: re.Pattern
    time: re.Pattern
    year_date: re.Pattern
    zone_headings: frozenset
    drop_lines: frozenset
    masthead: tuple
    link_prefixes: tuple
    credit_prefixes: tuple
    stamp: re.Pattern
    page_stamp: re.Pattern
    byline_stamp: re.Pattern
    place_date: re.Pattern
    weekday_rx: re.Pattern
    source_line: re.Pattern
    signature: re.Pattern
    copyright_line: re.Pattern


@lru_cache(maxsize=1)
def _patterns() -> _LinePatterns:
    p = load_json("patterns/dateline.json")
    g = load_json("gazetteers/boilerplate.json")
    month = p["month"]
    date = "(?:{})".format(
        "|".join(
            [
                p["date_textual"].replace("{month}", month),
                p["date_numeric"],
                p["date_iso"],
            ]
        )
    )
    weekday = p["weekday"]
    time = p["time"]
    filler = p["filler"]
    item = rf"(?:{weekday}\s*)?{date}|{time}|{filler}|{weekday}"
    dateline = re.compile(rf"^\s*(?:(?:{item})\s*)+$", re.IGNORECASE)
    stamp_words = "|".join(
        re.escape(w) for w in sorted(g["stamp_words"], key=len, reverse=True)
    )
    stamp = re.compile(
        rf"^\s*(?:(?:{stamp_words})\s*:?\s*)*(?P<lead>(?:{time})\s*[,|]?\s*)?(?:{weekday}\s*)?(?P<date>{date})"
        rf"(?:\s*(?:,|-|–|\||um)?\s*(?:{time}))?(?:\s*(?:{item}|{stamp_words}|:))*\s*$",
        re.IGNORECASE,
    )
    page_words = "|".join(re.escape(w) for w in sorted(g["page_stamp_words"], key=len, reverse=True))
    subjects = "|".join(re.escape(w) for w in sorted(g["page_stamp_subjects"], key=len, reverse=True))
    page_stamp = re.compile(
        rf"^[\s{re.escape(_BULLETS)}(]*(?:(?:{subjects})\s+)?(?:{page_words})\s*:?\s*(?:{weekday}\s*,?\s*)?"
        rf"(?:{date})(?:\s*(?:,|-|–|\||um)?\s*(?:{time}))?[\s.)]*$",
        re.IGNORECASE,
    )
    # "Von Helga Koch 12.09.2024, 17:00": a byline with the publication stamp
    byline_stamp = re.compile(
        rf"^\s*(?:Von|Text:|Autor:|Autorin:)\s+(?:[A-ZÄÖÜ][\w.-]*\s+){{1,4}}[,|/–-]?\s*(?P<date>{date})"
        rf"(?:\s*(?:,|-|–|\||um)?\s*(?:{time}))?\s*$"
    )
    # "Sternberg, den 28.02.2023": the place-and-date line under a notice
    place_date = re.compile(
        rf"^\s*(?P<place>[A-ZÄÖÜ][\wäöüß.-]+(?:[ -][A-ZÄÖÜ(][\wäöüß.()-]+){{0,3}}),\s+den\s+(?P<date>{date})\s*$"
    )
    # "Lechanzeiger vom 10. März 2004", "(Quelle: Main-Post vom 3.5.2019)": where the text was printed
    source_line = re.compile(
        rf"^\s*\(?(?:Quelle:\s*)?(?P<paper>[A-ZÄÖÜ][\wäöüß.-]+(?:\s+[A-ZÄÖÜ][\wäöüß.-]+){{0,3}})\s+vom\s+"
        rf"(?P<date>{date})\s*\)?\s*$"
    )
    norm = lambda s: _norm(s)  # noqa: E731
    return _LinePatterns(
        date=re.compile(date, re.IGNORECASE),
        dateline=dateline,
        time=re.compile(time, re.IGNORECASE),
        year_date=re.compile(
            rf"\d{{1,2}}\.\s*{month}\s+\d{{4}}|\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}",
            re.IGNORECASE,
        ),
        zone_headings=frozenset(norm(s) for s in g["zone_headings"]),
        drop_lines=frozenset(norm(s) for s in g["drop_lines"]),
        masthead=tuple(s.lower() for s in g.get("masthead_phrases", ())),
        link_prefixes=tuple(s.lower() for s in g["link_prefixes"]),
        credit_prefixes=tuple(s.lower() for s in g["credit_prefixes"]),
        stamp=stamp,
        page_stamp=page_stamp,
        byline_stamp=byline_stamp,
        place_date=place_date,
        weekday_rx=re.compile(rf"\b(?:{weekday})\b", re.IGNORECASE),
        source_line=source_line,
        signature=re.compile(g["signature_line"]),
        # "© SZ vom 10.02.2021 / SZ - Rechte am Artikel …": the paper's copyright with its date
        copyright_line=re.compile(
            rf"^\s*(?:©|\(c\)|Copyright)\s*(?P<paper>[A-ZÄÖÜ][\wäöüß.-]*(?:\s+[A-ZÄÖÜ][\wäöüß.-]*){{0,3}})\s+vom\s+"
            rf"(?P<date>{date})", re.IGNORECASE),
    )


_BULLETS = " \t•·*–—-|>"


#: a line that only names the website: "Nordkurier.de", "www.stadt-musterhausen.de"
_SITE_NAME = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:de|com|org|net|info|eu|at|ch)", re.IGNORECASE)

#: a numeric stamp glued to the capitalised first word of the text
_GLUED_STAMP = re.compile(
    r"^\s*(?:(?P<date>\d{1,2}\.\d{1,2}\.(?:19|20)\d\d)(?=[A-ZÄÖÜ][a-zäöüß])"
    # a CMS's stamp before the title: "2021-09-01 00h01 News - Öffnungszeiten …"
    r"|(?P<iso>(?:19|20)\d\d-\d\d-\d\d)[ \t]+\d{1,2}[h:]\d{2}\b[ \t]*(?=\S))")

#: a breadcrumb separator alone on its line, maybe numbered as a list item ("2. >", "»")
_CRUMB_SEP = re.compile(r"^\s*(?:\d{1,2}\.\s*)?[>»›]\s*$")


def _top_lines(lines: list[str]) -> list[int]:
    """Indices of the first ``STAMP_WINDOW_LINES`` non-empty lines, where a page puts its stamp."""
    return [i for i, line in enumerate(lines) if line.strip()][:STAMP_WINDOW_LINES]


def _norm(line: str) -> str:
    return line.strip(_BULLETS + ":").strip().lower()


def is_date_line(line: str) -> bool:
    """True when the line holds dates/times and nothing else ("11. April 2026 - 20:00 Uhr")."""
    s = line.strip()
    if not s or len(s) > 120:
        return False
    p = _patterns()
    return bool(p.date.search(s)) and bool(p.dateline.match(s))


def _words(line: str) -> int:
    return len(line.split())


def _is_short(line: str) -> bool:
    s = line.strip()
    return bool(s) and _words(s) <= SHORT_LINE_WORDS and not re.search(r"[.!?]\s*$", s)


def _is_prose(line: str) -> bool:
    s = line.strip()
    return _words(s) > SHORT_LINE_WORDS or bool(re.search(r"[a-zäöüß)\"“”]{2}[.!?:]\s*$", s))


def _is_drop_line(line: str) -> bool:
    p = _patterns()
    s = line.strip()
    n = _norm(s)
    if not n:
        return False
    if n in p.drop_lines:
        return True
    low = s.lstrip(_BULLETS).lower()  # "• Foto: colourbox.de"
    if low.startswith("<image>") or low.startswith("[image") or low.startswith("!["):
        return True
    if _words(s) <= 8 and any(low.startswith(pref) for pref in p.link_prefixes):
        return True
    if _words(s) <= 12 and any(low.startswith(pref) for pref in p.credit_prefixes):
        return True
    if _words(s) <= 12 and any(ph in low for ph in p.masthead):
        return True  # "Hannoversche Allgemeine | Ihre Zeitung aus Hannover"
    # breadcrumbs: "Startseite > Aktuelles > Pressemitteilungen"
    if s.count(" > ") >= 2 or s.count(" » ") >= 2 or s.count(" › ") >= 2:
        return True
    return False


def _parse_stamp_date(text: str) -> Optional[dt.date]:
    from .normalize.dates import parse_date_text  # local: keeps clean importable alone

    return parse_date_text(text)


# ---------------------------------------------------------------------------------------------
# the filter


def filter_boilerplate(text: str) -> tuple[str, list[str], Optional[dt.date]]:
    """Remove page furniture from scraped text.

    Returns the cleaned text, the removed lines (for diagnostics) and a publication date when a
    publication stamp was found near the top.

    Rules, in order of precedence:
    1. share, navigation, link, image and photo-credit lines are dropped;
    2. a furniture heading ("Aktuelle Beiträge", "Events", "Weitere Artikel", …) opens a zone
       that runs over the following short lines and date lines, up to the next prose line;
    3. a run of two or more date-only lines (short teaser lines in between allowed) is a date
       list and dropped — unless it is introduced by a line ending in ":" and its dates are
       distinct and ascending (a list of sessions in the content);
    4. a date line near the top that carries a clock time or stamp words is the publication
       stamp: dropped, its date returned;
    5. update stamps ("Inhalt zuletzt aktualisiert am …") and place-and-date lines are dropped;
    6. a newspaper's source line closing the text ("Lechanzeiger vom 10. März 2004") and its
       copyright line ("© SZ vom 10.02.2021 / …") are dropped, their date returned;
    7. after an article's signature ("OZ", "(red)") followed by teasers with their stamps, the
       rest of the page is dropped;
    a content line that merely begins with a date ("Am 24. Juli lädt …") is never touched.
    """
    p = _patterns()
    published: Optional[dt.date] = None
    # 0. a leading machine metadata stamp ("date 2026-02-12 Vorlesestunden …")
    meta = _LEADING_META.match(text)
    if meta:
        if len(meta.group("date")) == 10:
            try:
                published = dt.date.fromisoformat(meta.group("date"))
            except ValueError:
                published = None
        text = text[meta.end():]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    n = len(lines)
    # 0b. a stamp run into the first sentence near the top ("11.09.2012Am Montag, den 17. …")
    for i in _top_lines(lines):
        line = lines[i]
        glued = _GLUED_STAMP.match(line)
        if glued:
            published = published or _parse_stamp_date(glued.group("date") or glued.group("iso"))
            lines[i] = line[glued.end("date"):] if glued.group("date") else line[glued.end():]
    drop = [False] * n

    date_line = [is_date_line(line) for line in lines]

    # 1. share / nav / link / credit lines
    for i, line in enumerate(lines):
        if _is_drop_line(line):
            drop[i] = True

    # 1b. a breadcrumb spread over lines, its separators on lines of their own ("1. Startseite",
    # "2. >", "3. Lokal", "4. >", …): the trail goes, its last item (the page's title) stays
    seps = [i for i, line in enumerate(lines) if _CRUMB_SEP.match(line)]
    k = 0
    while k < len(seps):
        run = [seps[k]]
        while k + 1 < len(seps) and seps[k + 1] - run[-1] <= 3:
            k += 1
            run.append(seps[k])
        k += 1
        if len(run) < 2:
            continue
        lo = run[0] - 1
        while lo >= 0 and not lines[lo].strip():
            lo -= 1
        for j in range(max(lo, 0), run[-1] + 1):
            if lines[j].strip() and (_words(lines[j]) <= 4 or j >= run[0]):
                drop[j] = True
        last = next((j for j in range(run[-1] + 1, n) if lines[j].strip()), None)
        if last is not None:
            title = re.sub(r"^\s*\d{1,2}\.\s*", "", lines[last]).strip()
            if title and title != lines[last].strip() and title in "\n".join(lines[last + 1:]):
                drop[last] = True  # the title is the headline below

    # 2. furniture zones opened by headings; one in the last part of the page, after the
    # article's prose, runs to the end ("Aktuelle News" and its teasers under an article)
    prose_seen = 0
    for i in range(n):
        if _norm(lines[i]) in p.zone_headings and prose_seen >= 2 and i >= n * 0.4:
            for k in range(i, n):
                drop[k] = True
            break
        if _is_prose(lines[i]) and not drop[i]:
            prose_seen += 1
    i = 0
    while i < n:
        if _norm(lines[i]) in p.zone_headings:
            drop[i] = True
            j = i + 1
            while j < n:
                s = lines[j].strip()
                if not s or date_line[j] or _is_short(s) or drop[j]:
                    drop[j] = drop[j] or bool(s)
                    j += 1
                    continue
                break
            i = j
        else:
            i += 1

    # 3. date lists
    i = 0
    while i < n:
        if not date_line[i] or drop[i]:
            i += 1
            continue
        run = [i]
        j = i + 1
        gap = 0
        while j < n:
            s = lines[j].strip()
            if not s:
                j += 1
                continue
            if date_line[j]:
                run.append(j)
                gap = 0
            elif _is_short(s) and gap < 2:
                gap += 1
            else:
                break
            j += 1
        date_runs = [k for k in run if date_line[k]]
        if len(date_runs) >= 2 and not _is_session_list(lines, date_runs):
            last = date_runs[-1]
            for k in range(i, last + 1):
                s = lines[k].strip()
                if s and (date_line[k] or _is_short(s)):
                    drop[k] = True
            # a teaser category label right after the list ("BUNT GEMISCHT")
            k = last + 1
            while k < n and not lines[k].strip():
                k += 1
            if k < n and _is_short(lines[k]) and lines[k].strip().isupper():
                drop[k] = True
        i = max(j, i + 1)

    # 4. publication stamp near the top; a byline with its stamp ("Von Helga Koch
    # 12.09.2024, 17:00") wherever it stands (under breadcrumbs, a teaser, the headline)
    for i, line in enumerate(lines):
        if drop[i] or not line.strip():
            continue
        b = p.byline_stamp.match(line)
        if b and p.year_date.search(line) and not _WEEKDAY_OR_MONTH.search(line[: b.start("date")]):
            drop[i] = True
            published = published or _parse_stamp_date(b.group("date"))
    for i in _top_lines(lines):
        line = lines[i]
        if drop[i]:
            continue
        m = p.stamp.match(line)
        # "27.09.2017 10:58" is a stamp; "15. Oktober 2018 | 18:00 bis 21:00 Uhr" is the
        # event's own date line: times of day in "Uhr" or as a range belong to events
        low = line.lower()
        clock = p.time.search(line[m.end("date"):]) if m else None
        # "17:01 28.02.2018": a newspaper's stamp puts the clock time first
        lead = m.group("lead") if m else None
        stamp_clock = m is not None and (clock is not None or bool(lead)) and "uhr" not in low \
            and not re.search(r"\bbis\b|\d\s*[-–]\s*\d", line[m.end("date"):]) \
            and len(p.time.findall(line[m.end("date"):])) < 2  # "30.10.2018 17:30 19:00": start and end
        is_stamp = (_has_stamp_word(line) and not _event_date_label(lines, i, line, stamp_clock)) or stamp_clock
        if m and is_stamp:
            if p.year_date.search(line):
                drop[i] = True
                published = published or _parse_stamp_date(m.group("date"))

    # 5. the page's update stamp, wherever it stands ("Inhalt zuletzt aktualisiert am: 07.10.2024")
    for i, line in enumerate(lines):
        if not drop[i] and p.page_stamp.match(line):
            drop[i] = True
        elif not drop[i]:
            pd = p.place_date.match(line)
            if pd and not p.weekday_rx.search(pd.group("place")) and p.year_date.search(line):
                drop[i] = True

    # 6. a newspaper's source line closing the text ("Lechanzeiger vom 10. März 2004")
    last = next((i for i in range(n - 1, -1, -1) if lines[i].strip()), None)
    if last is not None and not drop[last]:
        src = p.source_line.match(lines[last])
        if src and p.year_date.search(src.group("date")):
            drop[last] = True
            published = published or _parse_stamp_date(src.group("date"))

    # 6b. a paper's copyright line with its date, wherever it stands
    for i, line in enumerate(lines):
        c = p.copyright_line.match(line)
        if c and p.year_date.search(c.group("date")):
            drop[i] = True
            published = published or _parse_stamp_date(c.group("date"))

    # 7. a newspaper article closed by its signature ("OZ", "(red)") and followed by teasers,
    # each with its stamp ("12.09.2013" alone on a line): everything after the article goes
    for i in range(n):
        if drop[i] or not p.signature.match(lines[i]):
            continue
        stamps = [k for k in range(i + 1, n) if date_line[k] and p.year_date.search(lines[k])]
        if len(stamps) >= 2 and any(_is_prose(lines[k]) for k in range(i)):
            for k in range(i, n):
                drop[k] = True
            break

    removed = [lines[i] for i in range(n) if drop[i] and lines[i].strip()]
    kept = [lines[i].rstrip() for i in range(n) if not drop[i]]
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return cleaned, removed, published


_WEEKDAY_OR_MONTH = re.compile(
    r"\b(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|Januar|Februar|März|April|Mai|Juni"
    r"|Juli|August|September|Oktober|November|Dezember)\b"
)


def _has_stamp_word(line: str) -> bool:
    return bool(
        re.match(
            r"\s*(Veröffentlicht|Erstellt|Datum|Stand|Aktualisiert|Zuletzt aktualisiert|"
            r"Pressemitteilung|Pressemeldung|Presseinformation|Presseinfo|Medieninformation|Meldung|"
            r"Nachricht|Publikationsdatum)",
            line,
            re.IGNORECASE,
        )
        or re.search(r"Alter:", line)
    )


def _event_date_label(lines: list[str], i: int, line: str, stamp_clock: bool) -> bool:
    """An event page's "Datum: 12.05.2024 18:00 - 20:00 Uhr" (or "Datum: 12.05.2024" over
    "Uhrzeit: 18 Uhr" / "Ort: …"): the label names the event's date, not the page's."""
    if not re.match(r"\s*(?:Datum|Termin)\b", line, re.IGNORECASE) or stamp_clock:
        return False
    if re.search(r"\buhr\b", line, re.IGNORECASE):
        return True
    nxt = next((x.strip() for x in lines[i + 1 :] if x.strip()), "")
    return bool(re.match(r"(?:Uhrzeit|Zeit|Beginn|Einlass|Ort|Veranstaltungsort|Treffpunkt|Wo)\s*:", nxt, re.IGNORECASE))


def _is_session_list(lines: list[str], idx: list[int]) -> bool:
    """A date list is content when a line ending in ':' introduces it and its dates ascend."""
    first = idx[0]
    k = first - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    if k < 0 or not lines[k].rstrip().endswith(":"):
        return False
    values = [_parse_stamp_date(lines[i]) for i in idx]
    if any(v is None for v in values):
        return True  # yearless content dates ("5. März") are not a sidebar archive
    return all(a < b for a, b in zip(values, values[1:]))


# ---------------------------------------------------------------------------------------------
# entry points


def check_text(text: object, max_chars: int) -> str:
    """Validate raw input text: a str, not empty, not binary, not too large."""
    if isinstance(text, (bytes, bytearray)):
        text = decode_bytes(bytes(text))
    if not isinstance(text, str):
        raise InputError(ErrorCode.BAD_REQUEST, f"expected text, got {type(text).__name__}")
    if len(text) > max_chars:
        raise InputError(
            ErrorCode.INPUT_TOO_LARGE,
            f"input has {len(text):,} characters; the limit is {max_chars:,}",
        )
    if "\x00" in text:
        raise InputError(ErrorCode.NOT_TEXT, "input contains NUL bytes: binary data, not text")
    control = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if control > 0.05 * min(len(text), 20000) + 2:
        raise InputError(ErrorCode.NOT_TEXT, "input looks like binary data, not text")
    if not text.strip():
        raise InputError(ErrorCode.EMPTY_INPUT, "input is empty")
    return text


def decode_bytes(data: bytes) -> str:
    """Decode bytes of a German document: UTF-8 (with BOM), else windows-1252 / Latin-1.

    Binary data (NUL bytes) is refused rather than decoded into garbage.
    """
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(ErrorCode.NOT_TEXT, "input contains NUL bytes: binary data, not text")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def clean_text(text: str) -> CleanedDocument:
    """Plain (often scraped) text → cleaned main text."""
    cleaned, removed, published = filter_boilerplate(text)
    # the first line, unless it only names the site ("Nordkurier.de")
    title = next((line.strip(" |\t") for line in cleaned.split("\n")
                  if line.strip() and not _SITE_NAME.fullmatch(line.strip(" |\t"))), None)
    return CleanedDocument(
        text=cleaned, kind="text", title=title, published=published, removed_lines=removed
    )


def clean_html(html: str, url: Optional[str] = None) -> CleanedDocument:
    """An HTML page → main text, title and publication date (trafilatura + htmldate).

    The main text then goes through the same boilerplate filter as plain text, because teaser
    boxes and date lists often survive main-content extraction.
    """
    import trafilatura

    if not re.search(r"<\s*(html|body|p|div|article|main|h[1-6]|span|section|table|br)\b", html, re.I):
        raise InputError(ErrorCode.NOT_TEXT, "the HTML has no body elements to read text from")
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            date_extraction_params={"extensive_search": True, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises assorted parser errors on broken markup
        log.warning("trafilatura failed on HTML input: %s", exc)
        doc = None
    title = published_text = None
    main = ""
    if doc is not None:
        d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        main = d.get("text") or ""
        title = d.get("title")
        published_text = d.get("date")
    if not main.strip():
        main = trafilatura.html2txt(html) or ""
    if not main.strip():
        raise InputError(ErrorCode.EMPTY_INPUT, "no text found in the HTML page")
    cleaned, removed, stamp = filter_boilerplate(main)
    published = None
    if published_text:
        try:
            published = dt.date.fromisoformat(published_text[:10])
        except ValueError:
            published = None
    return CleanedDocument(
        text=cleaned,
        kind="html" if url is None else "url",
        title=title or next((x for x in cleaned.split("\n") if x.strip()), None),
        published=published or stamp,
        url=url,
        removed_lines=removed,
        html=html,
    )
