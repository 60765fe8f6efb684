"""German dates, times, sessions and deadlines (component ``aushang_temporal``).

``match()`` finds date groups ("8. und 9. April 2025", "vom 17. bis 30. September"), relative
days ("morgen", "am kommenden Samstag") and clock times with the grammar compiled from
``models/patterns/temporal.json`` (see ``extractor.normalize.dates.TemporalGrammar``), gives
every date group a role from the words before it (session, deadline, published, other),
resolves yearless dates against ``doc._.reference_date`` and attaches times to the date group
they belong to; ``set_annotations()`` writes the families ``dates``, ``times``, ``sessions``
and ``deadlines``.

Spans already taken by phones, e-mails and URLs (``aushang_contacts`` runs first) are skipped.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from ..data import load_json, load_lines
from ..normalize.dates import DateGroup, DateItem, TemporalGrammar, TimeAtom
from .base import (
    Candidate, Intervals, OverlapPolicy, PatternComponent, doc_text, get, reference_date, write,
)

DEFAULT_PATTERNS = "patterns/temporal.json"
ABBREVIATIONS = "lang/de_abbreviations.txt"
#: Families written by other components whose spans are never dates or times.
BLOCKING_FAMILIES = ("phones", "emails", "urls")


@Language.factory(
    "aushang_temporal",
    default_config={"overlap": {"@misc": "aushang.overlap.longest.v1"}},
)
def make_temporal(nlp: Language, name: str, overlap: OverlapPolicy) -> "TemporalComponent":
    return TemporalComponent(name=name, overlap=overlap)


#: what may stand beside a stamp's date on its line ("23. Februar 2026|", "– 12.09.2013 –")
_STAMP_PUNCT = " \t|/·•-–—,:"


#: the end of a sentence or line after a date
_SENT_STOP = re.compile(r"(?<![\d.])[.!?;](?=\s|$)|\n")


def _one_day_with_year(grp: DateGroup) -> bool:
    """One calendar day written with its year ("12.09.2013"), not a range, list or relative day."""
    return not grp.relative and len(grp.items) == 1 and not grp.items[0].is_range \
        and all(a.explicit_year for a in grp.atoms)


def _alone_on_line(text: str, grp: DateGroup) -> bool:
    """The date group is all its line holds, but for stamp punctuation."""
    ls, le = _line_bounds(text, grp)
    return not (text[ls : grp.start] + text[grp.end : le]).strip(_STAMP_PUNCT)


def _words_rx(words, suffix: str = "", prefix: str = r"(?<![\w-])") -> re.Pattern:
    alt = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"{prefix}(?:{alt}){suffix}")


@dataclass
class _Found:
    group: DateGroup
    role: str = "session"
    times: list[TimeAtom] = field(default_factory=list)
    #: times of a later sentence that may name another event on the same day ("Am 1. Dezember
    #: um 15:30 Uhr … Begehung. Für die Einwohnerversammlung … um 17:00 Uhr"): event assembly
    #: keeps them only under a kind of their own
    later: list[TimeAtom] = field(default_factory=list)


class TemporalComponent(PatternComponent):
    default_patterns = DEFAULT_PATTERNS

    def __init__(self, name: str = "aushang_temporal", overlap: Optional[OverlapPolicy] = None):
        super().__init__(name, overlap)
        self.grammar: Optional[TemporalGrammar] = None

    # -- data -----------------------------------------------------------------------------
    def _compile(self, patterns: dict[str, Any]) -> None:
        self.grammar = TemporalGrammar(patterns)
        s = patterns.get("settings", {})
        self.window = int(s.get("cue_window", 60))
        self.max_sentences = int(s.get("max_sentences_to_time", 2))
        self.daily_max_days = int(s.get("daily_sessions_max_days", 7))
        self.max_chars = int(s.get("max_chars_to_time", 400))
        self._negative = _words_rx(patterns["negative_context"], r"\s*[:.]?\s*$", prefix=r"(?:^|(?<=[\s(]))")
        self._published = _words_rx(patterns["published_cues"], r"\s*(?:am|vom|:|,|-|–|—|\|)?\s*(?:den\s+)?$")
        # "Anmeldeschluss: 30. April", "die Bewerbungsfrist ende am 15.12.2019"
        self._dl_alone = _words_rx(
            patterns["deadline_alone"], r"(?:[\s,:–-]+[\wäöüß]+){0,3}?[\s,:|–-]*(?:am|bis|zum|ist|der|den|:)?\s*(?:der|den|zum)?\s*$"
        )
        self._dl_cue = _words_rx(patterns["deadline_cues"], r"(?![\w-])")
        # compounds of a noun cue count too: "Voranmeldung", "Online-Anmeldung", "Tischreservierung"
        heads = patterns.get("deadline_cue_compound_heads", [])
        if heads:
            alt = "|".join(re.escape(h) for h in sorted(set(heads), key=len, reverse=True))
            self._dl_cue = re.compile(
                rf"{self._dl_cue.pattern}|(?<![\w-])[A-ZÄÖÜ][a-zäöüß]+-?(?:{alt})(?![\w-])"
            )
        self._dl_marker = re.compile(
            r"(?:bis\s+spätestens|spätestens\s+bis|spätestens(?:\s+(?:am|zum))?|bis(?:\s+zum)?|"
            r"endet\s+am|läuft\s+bis|vom|von|ab(?:\s+dem)?)\s*(?:den\s+)?(?:\w+\.?,?\s+|\w+\s*\(\s*)?(?:den\s+)?$"
        )
        self._window_end = re.compile(r"[^.;:!?\n]{0,25}?\bbis\b\s*(?:zum\s+|spätestens\s+)?(?:\w+\.?,?\s*\(?\s*)?(?:den\s+)?")
        verbs = patterns.get("deadline_verbs_after", [])
        self._dl_verb_after = _words_rx(verbs, r"(?![\w-])") if verbs else None
        self._dl_near = re.compile(r"(?:vom|ab(?:\s+dem)?)\s*$")
        self._other = _words_rx(
            [c for c in patterns["other_cues"] if c not in ("vom",)], r"\s*(?:dem|den|zum|am)?\s*$"
        )
        self._past = _words_rx(patterns["past_cues"], r"(?![\w-])")
        # a report's past tense proper (adverbs like "bereits" also go with future sentences)
        self._report = _words_rx(
            [c for c in patterns["past_cues"] if c not in patterns.get("past_adverbs", [])], r"(?![\w-])"
        )
        self._decision = _words_rx(patterns["decision_cues"], r"(?![\w-])") if patterns.get("decision_cues") else None
        self._not_session = _words_rx(patterns["not_session_cues"], r"(?![\w-])") \
            if patterns.get("not_session_cues") else None
        self._cancel = _words_rx(patterns.get("cancel_cues", []) or ["\0"], r"(?![\w-])")
        # a separable verb with its particle at the end of the clause: "Somit fallen die
        # Übungen am 13. März und 10. April aus."
        # the word before the particle is a noun, a date or one of a few adverbs ("fallen leider
        # aus"), never an adjective ("fällt größer aus" is "turns out bigger")
        split = patterns.get("cancel_split_verbs", {})
        before = "|".join(map(re.escape, patterns.get("cancel_split_adverbs", []))) or "\0"
        self._cancel_split = re.compile("|".join(
            rf"(?<![\w-])(?:{'|'.join(map(re.escape, stems))})\b(?:[^.!?\n]|(?<=\d)\.){{0,160}}?(?:[A-ZÄÖÜ][\wäöüß-]*|\d{{4}}|\d{{1,2}}\.|{before})\s+{re.escape(particle)}(?=\s*[.!?,;\n]|\s*$)"
            for particle, stems in split.items())) if split else None
        self.top_lines = int(s.get("top_lines", 8))
        self.background_days = int(s.get("background_days", 365))
        self._published_after = re.compile(
            r"\s*\)?\s*(?:" + "|".join(re.escape(w) for w in patterns.get("published_after", [])) + ")"
        ) if patterns.get("published_after") else None
        # "dienstags" (a weekday's adverb) and "jeden dritten Dienstag (im Monat)", from the data
        weekdays = {w: n for w, n in patterns["weekdays"].items() if len(w) > 2}
        self._weekly = {w.casefold() + "s": n for w, n in weekdays.items()}
        self._nth_weekday = re.compile(
            r"(?<![\w-])(?:[Jj]eden|[Jj]edem|[Aa]n\s+jedem|[Aa]m)\s+(?P<ord>" + "|".join(patterns.get("weekday_ordinals", {"ersten": 1}))
            + r")\s+(?P<wd>" + "|".join(weekdays) + r")(?![\w-])")
        self._weekday_before = re.compile(  # "am Samstag ab " right before a time
            r"(?:(?:am|Am)\s+(" + "|".join(sorted(weekdays, key=len, reverse=True))
            + r")\s*,?\s*(?:(?:von|ab|um|bereits|schon|erst)\s+)?"
            # "Der Samstag startet um 12 Uhr", "Am Sonntag geht es ab 11 Uhr weiter"
            + r"|(?:[Aa]m|[Dd]er)\s+(" + "|".join(sorted(weekdays, key=len, reverse=True))
            + r")\s+(?:[a-zäöüß]+\s+){1,3}(?:(?:von|ab|um)\s+)?)$")
        labels = patterns.get("published_labels", [])
        self._published_label = _words_rx(labels, r"\s*:?", prefix="") if labels else None
        self._daily = _words_rx(patterns.get("daily_cues", ["täglich"]), r"(?![\w-])")
        self._every = _words_rx(patterns.get("every_cues", ["jeweils"]), r"(?![\w-])")
        fillers = patterns.get("time_role_fillers", r"(?:\s|:|,)*")
        roles = patterns["time_role_cues"]
        self._role_rx = [(role, _words_rx(roles[role], fillers + "$")) for role in ("doors", "end", "start")]
        # a start named by a word ("Beginn ist um 19 Uhr"), not only by "ab" (sale hours say "ab")
        self._named_start_rx = _words_rx([w for w in roles["start"] if w != "ab"], fillers + "$")
        self._opening = _words_rx(patterns["opening_hours_cues"], r"(?![\w])")
        abbr = set(load_lines(ABBREVIATIONS))
        abbr |= {f"{w}." for w in list(patterns["months"]) + list(patterns["weekdays"]) if len(w) <= 4 and w != "Mai"}
        abbr |= {"Dr.", "Prof.", "St.", "Hr.", "Fr.", "Frau.", "Hl.", "Abs.", "Art.", "Kap.", "S.", "Nr.", "ca."}
        self._abbr = {a.lower() for a in abbr}

    # -- pipeline ---------------------------------------------------------------------------
    def set_annotations(self, doc: Doc, found: dict[str, list[Candidate]]) -> None:
        policy = self.overlap or (lambda c: c)
        for family, cands in found.items():
            write(doc, family, policy(cands) if family in ("dates", "times") else cands)

    def match(self, doc: Doc) -> dict[str, list[Candidate]]:
        """Candidates of the families dates, times, sessions and deadlines."""
        self._ensure()
        text = doc_text(doc)
        ref = reference_date(doc)
        if isinstance(ref, dt.datetime):
            ref = ref.date()
        blocked = [(c.start, c.end) for fam in BLOCKING_FAMILIES for c in get(doc, fam)]
        return self.extract(text, ref, blocked)

    # -- the algorithm (text in, candidates out) ---------------------------------------------
    def extract(
        self, text: str, ref: dt.date, blocked: list[tuple[int, int]] = ()
    ) -> dict[str, list[Candidate]]:
        self._ensure()
        g = self.grammar
        starts = self.sentence_starts(text)

        def sidx(pos: int) -> int:
            return bisect.bisect_right(starts, pos) - 1

        is_blocked = Intervals(blocked)

        atoms = [
            a for a in g.date_atoms(text)
            if not is_blocked(a.start, a.end) and not self._negative.search(text[max(0, a.start - 25) : a.start])
        ]
        groups = g.group(text, atoms)
        for grp in groups:
            past = self.is_past(text, starts, sidx(grp.start))
            g.resolve(grp, ref, past)
            grp.items = [it for it in grp.items if it.first.value and (not it.last or it.last.value)]
        groups = [grp for grp in groups if grp.items]
        self.anchor_years(groups)
        taken = Intervals((grp.start, grp.end) for grp in groups)
        for grp in g.relative(text, ref):
            if not is_blocked(grp.start, grp.end) and not taken(grp.start, grp.end):
                groups.append(grp)
                taken.add(grp.start, grp.end)
        # a bare weekday in a report ("wurde … am Sonntag …") is the last such day before today
        past_weekdays: set[int] = set()
        for i, s0 in enumerate(starts):
            s1 = starts[i + 1] if i + 1 < len(starts) else len(text)
            if "am " not in text[s0:s1].lower() or not self._report.search(text, s0, s1):
                continue
            if self._opening.search(text, s0, s1):
                continue  # "zu der festen Sprechzeit am Freitag": a recurring weekday
            for grp in g.past_weekdays(text, ref, s0, s1):
                if not is_blocked(grp.start, grp.end) and not taken(grp.start, grp.end):
                    self.anchor_weekday(grp, groups, ref)
                    groups.append(grp)
                    past_weekdays.add(id(grp))
        # a bare weekday that takes up a day dated before it ("Am Mittwoch geht es nach …")
        for grp in g.weekday_anaphora(text, groups, sidx):
            if not is_blocked(grp.start, grp.end) and not taken(grp.start, grp.end):
                groups.append(grp)
                taken.add(grp.start, grp.end)
        groups.sort(key=lambda x: x.start)

        date_spans = Intervals((a.start, a.end) for grp in groups for a in grp.atoms)
        times = [
            t for t in g.times(text)
            if not is_blocked(t.start, t.end) and not date_spans(t.start, t.end)
        ]
        for t in times:
            t.role = self.time_role(text, t)
            s0 = starts[sidx(t.start)]
            t.daily = bool(self._daily.search(text, max(s0, t.start - 40), t.start))

        news_stamps = self.news_list_stamps(text, groups)
        found = []
        for grp in groups:
            i = sidx(grp.start)
            role = self.date_role(text, grp, starts[i])
            if role == "session" and self._published_after and self._published_after.match(text, grp.end):
                role = "published"
            if role == "session":
                s_end = starts[i + 1] if i + 1 < len(starts) else len(text)
                if self.is_top_stamp(text, grp) or text.rfind("\n", 0, grp.start) + 1 in news_stamps \
                        or self.is_line_stamp(text, grp):
                    role = "published"
                elif self._cancel.search(text, starts[i], s_end) \
                        or self._cancel_split and self._cancel_split.search(text, starts[i], s_end):
                    role = "cancelled"
                elif self._not_session and self._not_session.search(text, starts[i], s_end):
                    # "Ab dem 14. August ist das Heft erhältlich", "Bei größerem Interesse könne
                    # ein zusätzlicher Termin am 17. August angeboten werden": a date, no session
                    role = "other"
            prev = found[-1] if found else None
            if role == "session" and prev is not None and prev.role == "deadline" and sidx(prev.group.start) == i \
                    and self._window_end.fullmatch(text, prev.group.end, grp.start):
                # "Die Anmeldung ist von Donnerstag (15. Januar 10 Uhr) an bis Montag (19. Januar
                # 12 Uhr) möglich": the end of a registration window is no session either
                role = "deadline"
            found.append(_Found(grp, role))
        if past_weekdays and any(f.role == "session" and id(f.group) not in past_weekdays for f in found):
            # with dated sessions in the text, a bare weekday of the past week is background
            # ("trafen sich am Mittwoch, um … festzulegen. Los geht es am 14. September")
            for f in found:
                if id(f.group) in past_weekdays and f.role == "session":
                    f.role = "other"
        self.mark_background(found, ref, text, starts)
        self.attach_times(text, found, times, sidx, starts)
        self.scope_weekdays(text, found)
        self.settle_anaphora(found)

        dates, sessions, deadlines = [], [], []
        for f in found:
            if f.role == "published":
                continue  # a publication stamp is not a date the content refers to
            for item in f.group.items:
                dates.append(Candidate("dates", item.start, item.end, item.value(), attrs={"role": f.role}))
                if f.role == "deadline":
                    day = item.last.value if item.last else item.first.value
                    deadlines.append(Candidate("deadlines", item.start, item.end, day))
            if f.role == "session":
                sessions.extend(self.sessions_of(f))
        time_cands = [
            Candidate("times", t.start, t.end, t.value, attrs={"end_value": t.end_value, "role": t.role})
            for t in times
        ]
        return {
            "dates": dates,
            "times": time_cands,
            "sessions": dedupe_sessions(sessions),
            "deadlines": deadlines,
        }

    # -- document-wide anchors -----------------------------------------------------------------
    @staticmethod
    def anchor_years(groups: list[DateGroup]) -> None:
        """A yearless day that the text also names with its year is that year's ("Wahl am
        19. Februar 2023 … Der Briefwahlvorstand tritt am 19. Feb …")."""
        years: dict[tuple[int, int], set[int]] = {}
        for grp in groups:
            for a in grp.atoms:
                if a.explicit_year and a.value is not None:
                    years.setdefault((a.value.month, a.value.day), set()).add(a.value.year)
        for grp in groups:
            if len(grp.atoms) != 1 or grp.atoms[0].explicit_year or grp.atoms[0].weekday is not None:
                continue
            a = grp.atoms[0]
            if a.value is None:
                continue
            ys = years.get((a.value.month, a.value.day))
            if ys and len(ys) == 1 and a.value.year not in ys:
                a.value = a.value.replace(year=next(iter(ys)))

    @staticmethod
    def anchor_weekday(grp: DateGroup, groups: list[DateGroup], ref: dt.date, reach: int = 31) -> None:
        """A bare weekday of a report ("am Sonntag") that falls on a day the text dates
        ("am Wochenende vom 3.-5. Dezember") is that day, not the last such day before today."""
        wd = grp.atoms[0].weekday
        best = None
        for other in groups:
            if other.relative:
                continue
            for item in other.items:
                d0, d1 = item.days()
                if d0 is None:
                    continue
                last = d1 or d0
                if (last - d0).days > 7:
                    continue
                day = d0
                while day <= last:
                    if day.weekday() == wd and day <= ref and (ref - day).days <= reach:
                        best = day if best is None or day > best else best
                    day += dt.timedelta(days=1)
        if best is not None:
            a = grp.atoms[0]
            a.value, a.day, a.month, a.year = best, best.day, best.month, best.year

    @staticmethod
    def settle_anaphora(found: list["_Found"]) -> None:
        """A bare weekday that takes up an earlier day has that day's role; it holds a session
        of its own only when that day has no time yet ("am Mittwoch, 1. September … Am Mittwoch
        … Treffpunkt ist um 17 Uhr"); otherwise its times are later items of that day's
        programme ("9.00-12.00 Uhr … trifft man sich am Samstag ab ca. 12 Uhr zum Essen")."""
        by_group = {id(f.group): f for f in found}
        for f in found:
            ante = by_group.get(id(f.group.antecedent)) if f.group.antecedent else None
            if ante is None:
                continue
            if ante.role != "session":
                f.role = ante.role if ante.role != "published" else "other"
            elif ante.times:
                f.role = "other"

    def mark_background(self, found: list["_Found"], ref: dt.date, text: str = "", starts: Sequence[int] = (0,)) -> None:
        """In an invitation (a session on or after today), a day more than ``background_days``
        before today is history ("Mit dem ersten Bürgermahl am 22.1.2005 wurde …"), not a session."""
        limit = ref - dt.timedelta(days=self.background_days)
        soon = ref - dt.timedelta(days=self.grammar.tolerance_days)

        def last_day(f: "_Found") -> dt.date:
            return max((it.last or it.first).value for it in f.group.items)

        if not any(f.role == "session" and last_day(f) >= soon for f in found):
            return
        for f in found:
            if f.role == "session" and last_day(f) < limit:
                f.role = "other"
            elif f.role == "session" and last_day(f) < soon and self._decision is not None \
                    and self._decision.search(text, *_sentence_around(starts, f.group.start, len(text))):
                # "Der Gemeinderat hat am 3. April beschlossen, … am 12. Mai …": the day of a
                # decision, before today, in an invitation
                f.role = "other"

    # -- context ------------------------------------------------------------------------------
    def sentence_starts(self, text: str) -> list[int]:
        """Start offsets of sentences and lines (ordinals and abbreviations do not end one)."""
        starts = [0]
        for m in _SENT_END.finditer(text):
            if m.group(0).startswith("\n"):
                starts.append(m.end())
                continue
            before = text[max(0, m.start() - 12) : m.start() + 1]
            word = before.split()[-1] if before.split() else ""
            core = word.lstrip("(„\"'")
            if re.fullmatch(r"\d{1,2}\.(?:\d{1,2}\.)?", core):
                continue  # "10. Mai", "24.7. ..."
            if core.lower() in self._abbr or re.fullmatch(r"[A-Za-zÄÖÜäöü]\.", core):
                continue
            starts.append(m.end())
        return starts

    def is_past(self, text: str, starts: list[int], i: int) -> bool:
        s = starts[i]
        e = starts[i + 1] if i + 1 < len(starts) else len(text)
        return bool(self._past.search(text, s, e))

    def date_role(self, text: str, grp: DateGroup, sent_start: int) -> str:
        """session | deadline | published | other, from the words just before the group."""
        if grp.relative:
            before = text[max(sent_start, grp.start - self.window) : grp.start]
            if self._dl_alone.search(before) or (self._dl_cue.search(before) and self._dl_marker.search(before)):
                return "deadline"
            return "session"
        lo = max(sent_start, grp.start - self.window)
        before = text[lo : grp.start]
        if self._published.search(before):
            return "published"
        if self._dl_alone.search(before):
            return "deadline"
        if self._dl_marker.search(before):
            cue = None
            for cue in self._dl_cue.finditer(before):
                pass
            if cue is not None:
                near = self._dl_near.search(before)
                if not near or grp.start - (lo + cue.end()) <= 30:
                    return "deadline"
            if re.search(r"spätestens\s*(?:am|zum|bis)?\s*(?:den\s+)?$", before):
                return "deadline"
        if self._dl_verb_after and re.search(r"(?:^|\s)(?:ab|bis|vom|spätestens)\s*(?:\w+\.?,?\s+)?(?:dem\s+|den\s+)?$", before):
            # "ab Montag, dem 15. März, bis zum 31. März ihre Fragen … einreichen": a window to
            # submit or register in, named before its verb
            stop = _SENT_STOP.search(text, grp.end)
            tail = text[grp.end: stop.start() if stop else len(text)][:250]
            if self._dl_verb_after.search(tail):
                return "deadline"
        if self._other.search(before):
            return "other"
        # a dateline "Kaiserslautern, 24.07.2024 –" opening a press release
        line_start = text.rfind("\n", 0, grp.start) + 1
        if (
            re.fullmatch(r"\s*[A-ZÄÖÜ][\w.\- ]{1,40},\s*", text[line_start : grp.start])
            and all(a.explicit_year for a in grp.atoms)
            and re.match(r"\s*(?:[-–—(|:]|\.?[ \t]*(?:\n|$))", text[grp.end : grp.end + 4])
        ):
            return "published"
        if self._published_label_line(text, grp) or self._bracketed_stamp(text, grp) or self._item_stamp(text, grp):
            return "published"
        return "session"

    def _item_stamp(self, text: str, grp: DateGroup) -> bool:
        """A news item's stamp before its teaser: "05. September 2025: Große Abendveranstaltung am
        11. September.", "26.03.2023: AKTUELLE GOTTESDIENSTPLANUNG:" — a day with its year opening
        the line, a colon, then another date or a heading in capitals over a list ("…:"); a heading
        naming the event ("SONNTAG, 8. SEPTEMBER 2024: TAG DES OFFENEN DENKMALS") is its date."""
        if not _one_day_with_year(grp):
            return False
        ls, le = _line_bounds(text, grp)
        if text[ls : grp.start].strip():
            return False
        m = re.match(r"[ \t]*:[ \t]*(?P<rest>\S.*)", text[grp.end : le])
        if not m:
            return False
        rest = m.group("rest")
        letters = [c for c in rest if c.isalpha()]
        return bool(self.grammar.date_atoms(rest)) or (
            len(letters) >= 6 and all(c.isupper() for c in letters) and rest.rstrip().endswith(":"))

    def _bracketed_stamp(self, text: str, grp: DateGroup) -> bool:
        """A date in brackets closing a headline that names its own date ("Info-Abend am 10.
        Oktober 2017 (09.10.2017)"): the date the news item was posted."""
        if not _one_day_with_year(grp):
            return False
        ls, le = _line_bounds(text, grp)
        head, tail = text[ls : grp.start], text[grp.end : le]
        if not re.search(r"\(\s*$", head) or not re.fullmatch(r"\s*\)\s*", tail):
            return False
        head = head.rstrip(" (")
        return len(head.split()) <= 20 and not self.grammar.times(head) and bool(self.grammar.date_atoms(head))

    def _published_label_line(self, text: str, grp: DateGroup) -> bool:
        """A date alone on its line ("Mi, 12. Oktober 2022") under a line that is only a
        publication label ("Veröffentlichung", "Erstellt am:"): the page's date."""
        if not self._published_label or not all(a.explicit_year for a in grp.atoms):
            return False
        ls, le = _line_bounds(text, grp)
        if not re.fullmatch(r"\s*(?:[A-Za-zÄÖÜäöü]{2,10}\.?,?\s*)?", text[ls : grp.start]) \
                or text[grp.end : le].strip(" \t|/·•-–—,:") and not re.fullmatch(
                    r"\s*,?\s*(?:um\s+)?\d{1,2}[:.]\d{2}(?:\s*Uhr)?\s*", text[grp.end : le]):
            return False
        return bool(self._published_label.fullmatch(_line_before(text, ls)))

    def news_list_stamps(self, text: str, groups: list[DateGroup]) -> set[int]:
        """The line starts of a news list's stamps: lines that hold one date with its year and
        nothing else ("23. Februar 2026|"), each right under a headline and over a paragraph of
        prose — at least two of them. (A calendar puts the date line over the title.)"""
        out = set()
        for grp in groups:
            if not _one_day_with_year(grp) or not _alone_on_line(text, grp):
                continue
            ls, le = _line_bounds(text, grp)
            head, body = _line_before(text, ls), _line_after(text, le)
            if not head or not body:
                continue
            if len(head.split()) <= 12 and not re.search(r"[.!?:]$", head) and not self.grammar.times(head) \
                    and len(body.split()) >= 12 and not self.grammar.date_atoms(head):
                out.add(ls)
        out = out if len(out) >= 2 else set()
        # a teaser list stamps each item with the same day: one date with its year alone on three
        # lines or more ("12.09.2013" over each headline of "more news")
        alone: dict[str, list[int]] = {}
        for grp in groups:
            if _one_day_with_year(grp) and _alone_on_line(text, grp):
                alone.setdefault(str(grp.items[0].value()), []).append(_line_bounds(text, grp)[0])
        for starts in alone.values():
            if len(starts) >= 3:
                out.update(starts)
        return out

    @staticmethod
    def is_line_stamp(text: str, grp: DateGroup) -> bool:
        """A line that is only a stamp: a clock time before the date ("00:00 12.09.2013"), or
        the author's initials before it ("rk/csc / 28.08.2018"). An event's line names its
        date first and its time in "Uhr"."""
        if not _one_day_with_year(grp):
            return False
        ls, le = _line_bounds(text, grp)
        if text[grp.end : le].strip(_STAMP_PUNCT):
            return False
        head = text[ls : grp.start]
        return bool(re.fullmatch(r"[ \t]*\d{1,2}:\d{2}[ \t|,]*", head)
                    or re.fullmatch(r"[ \t]*(?:[a-zäöü]{1,4}[ \t]*[/,][ \t]*)*[a-zäöü]{1,4}[ \t]*[/|–-][ \t]*", head))

    def is_top_stamp(self, text: str, grp: DateGroup) -> bool:
        """A date alone on one of the first lines ("22.09.2017", "Do, 22. April 2021"), or closing
        the headline after a comma ("Seniorenakademie gehört zu …, 18.04.2012"): the page's date,
        not an event's (an event's date line carries a time)."""
        if not _one_day_with_year(grp):
            return False
        ls, le = _line_bounds(text, grp)
        rest = text[ls : grp.start] + text[grp.end : le]
        if ls == 0 and not text[grp.end : le].strip() and re.search(r"\w[\w“\")]\s*,\s*$", text[ls : grp.start]) \
                and not re.search(r"[.!?:]\s", text[ls : grp.start]) and re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", text[grp.start:grp.end]):
            return True  # the headline's stamp
        if rest.strip(_STAMP_PUNCT) != "":
            # "16. Juli 2019, 22:31 Uhr …": a stamp's clock time is not on a five-minute mark
            m = re.match(r"\s*[,|/-]?\s*(\d{1,2}):(\d{2})\b", text[grp.end : le])
            if not m or int(m.group(2)) % 5 == 0:
                return False
        lines_before = sum(1 for line in text[:ls].split("\n") if line.strip())
        if lines_before >= self.top_lines:
            return False
        if re.fullmatch(r"[ \t]*[-–•·*][ \t]*", text[ls : grp.start]) or re.search(r":[ \t]*$", _line_before(text, ls) or ""):
            return False  # "Info-Abende:\n- 17. Februar 2026": an item of a list of dates
        # an event's date line is often followed by its time line ("19:00 - 21:00 Uhr")
        nxt = text[le : le + 200].lstrip().split("\n", 1)[0]
        return not self.grammar.times(nxt[:60]) or not re.match(
            r"\s*[-–•·*]?\s*(?:(?:Uhrzeit|Zeit|Beginn|Start|Einlass)\s*:\s*)?(?:von\s+|ab\s+|um\s+)?\d", nxt, re.IGNORECASE)

    def _before(self, text: str, t: TimeAtom) -> str:
        line_start = text.rfind("\n", 0, t.start) + 1
        return text[max(line_start, t.start - 30) : t.start]

    def named_start(self, text: str, t: TimeAtom) -> bool:
        """The time is called the start by a word: "Beginn: 19 Uhr", "Konzertbeginn ist um 19 Uhr"."""
        return t.role == "start" and bool(self._named_start_rx.search(self._before(text, t)))

    def time_role(self, text: str, t: TimeAtom) -> str:
        before = self._before(text, t)
        for role, rx in self._role_rx:
            if rx.search(before):
                if role == "end" and t.end_hour is not None:
                    return "time"
                return role
        if t.pre == "ab":
            return "start"
        if t.pre == "bis" and t.end_hour is None:
            return "end"
        return "time"

    def attach_times(
        self, text: str, found: list[_Found], times: list[TimeAtom], sidx, sent_bounds: list[int]
    ) -> None:
        """Give each time to the date group it belongs to: the nearest group before it in its
        sentence, else the first after it in its sentence, else the last group of the one or
        two sentences before (unless the time is in a statement of opening hours)."""
        by_sent: dict[int, list[_Found]] = {}
        for f in found:
            by_sent.setdefault(sidx(f.group.start), []).append(f)
        time_sents = {sidx(t.start) for t in times}
        for t in times:
            s = sidx(t.start)
            here = by_sent.get(s, [])
            before = [f for f in here if f.group.end <= t.start]
            after = [f for f in here if f.group.start >= t.end]
            if before:
                before[-1].times.append(t)
                continue
            if after:
                after[0].times.append(t)
                continue
            s_lo = sent_bounds[s]
            s_hi = sent_bounds[s + 1] if s + 1 < len(sent_bounds) else len(text)
            if self._nth_weekday.search(text, s_lo, s_hi) and re.search(r"(?:im|jeden|des)\s+Monats?", text[s_lo:s_hi]):
                for f in self._on_weekday_of(text, s_lo, s_hi, t, found):
                    f.times.append(t)
                continue
            if self._opening.search(text, s_lo, s_hi):
                # "Die Sprechstunde soll monatlich dienstags von 16 bis 18 Uhr stattfinden. … am
                # 11. August … den 15. September": dates on that weekday take the hours
                for f in self._on_weekday_of(text, s_lo, s_hi, t, found,
                                             before=bool(self._every.search(text, s_lo, s_hi))):
                    f.times.append(t)
                continue
            if _ANAPHORIC_DAY.search(text, s_lo, s_hi):
                continue  # "jeweils am darauf folgenden Mittwoch um 12 Uhr": a day of its own
            if self._every.search(text, s_lo, s_hi):
                # "Beginn ist jeweils 19.30 Uhr.": every preceding date group without a time
                bare = [
                    f for f in found
                    if f.role == "session" and f.group.end <= t.start and not f.times
                    and t.start - f.group.end <= 4 * self.max_chars
                ]
                if not bare:
                    # "… geht es immer um 15.15 Uhr los. Termine: 5., 12. und 19. August": the
                    # following date groups without a time of their own (in sentences with no time)
                    bare = [
                        f for f in found
                        if f.role == "session" and f.group.start >= t.end and not f.times
                        and sidx(f.group.start) not in time_sents
                        and f.group.start - t.end <= 4 * self.max_chars
                    ]
                if bare:
                    for f in bare:
                        f.times.append(t)
                    continue
            owner = None
            for back in range(1, self.max_sentences + 1):
                prev = [f for f in by_sent.get(s - back, []) if f.role == "session"]
                if prev:
                    f = prev[-1]
                    # a time named as the start ("Los geht's um …", "Beginn …") may stand further off
                    reach = self.max_chars * (2 if t.role in ("start", "doors") else 1)
                    # a group with a clock time of its own takes a later sentence's time only as
                    # its start or end ("Beginn ist …", "Ende gegen …"): "Konzerte … jeweils 20
                    # Uhr. Karten gibt es von 15-18 Uhr" are sale hours
                    own = t.role == "time" and any(sidx(u.start) == sidx(f.group.start) for u in f.times)
                    # … and a later start of a named item is a programme item: "Ab 18 Uhr laden
                    # … am Sonnabend … Der Fackelumzug beginnt um 18.30 Uhr"
                    own = own or t.role == "start" and any(
                        sidx(u.start) == sidx(f.group.start) and u.role in ("time", "start")
                        and (u.hour, u.minute) < (t.hour, t.minute) for u in f.times)
                    # a group that already took a time of another later sentence is the day of a
                    # programme: "Um 10 Uhr begrüßt der Landrat. Um 10.30 Uhr folgt ein Vortrag."
                    # starts at 10 Uhr; further items are no sessions (an end still closes it)
                    programme = t.role in ("time", "start") and any(
                        sidx(u.start) not in (sidx(f.group.start), s) and u.role != "doors" for u in f.times)
                    if t.start - f.group.end <= reach and not programme:
                        if own:
                            f.later.append(t)
                        else:
                            owner = f
                    break
            if owner is None:
                owner = self._next_bare_session(found, times, t, sidx, time_sents)
            if owner is None and t.role in ("start", "doors", "time"):
                # "Ab 14.30 Uhr ist die Einwahl möglich" far below the one date of the text; the
                # one clock time of a text a few sentences below its one date ("Das Fest werden
                # … um 11.15 Uhr eröffnen")
                sessions = [f for f in found if f.role == "session"]
                if len(sessions) > 1 and all(len(f.group.items) == 1 and not f.times for f in sessions) \
                        and len({f.group.items[0].days() for f in sessions}) == 1:
                    # "am nächsten Sonnabend … am Sonnabend, 25. März": one day named twice
                    sessions = [f for f in sessions if f.group.end <= t.start][-1:] or sessions[:1]
                labelled = _labelled_start(text, t) \
                    and sum(1 for u in times if _labelled_start(text, u)) == 1  # the text's one "Beginn: …"
                if labelled and len(sessions) > 1 and all(not f.times and f.group.end <= t.start for f in sessions) \
                        and sum(1 for u in times if u.role in ("start", "time")) == 1:
                    # a listing of dates without times and, below it, the one "Beginn: 19:30"
                    for f in sessions:
                        f.times.append(t)
                    continue
                if len(sessions) == 1 and len(sessions[0].group.items) == 1 and not sessions[0].times \
                        and sessions[0].group.end <= t.start \
                        and (t.role != "time" or t.start - sessions[0].group.end <= 3 * self.max_chars) \
                        and (sum(1 for u in times if u.role in ("start", "doors", "time")) == 1
                             or labelled
                             # the one time the text calls the start: "Konzertbeginn ist um 19 Uhr"
                             # below "Karten … ab 16 Uhr"
                             or self.named_start(text, t)
                             and sum(1 for u in times if self.named_start(text, u)) == 1):
                    owner = sessions[0]
            if owner is not None:
                owner.times.append(t)

    def _on_weekday_of(self, text: str, s_lo: int, s_hi: int, t: TimeAtom, found: list[_Found],
                       before: bool = False) -> list[_Found]:
        """The session date groups near a weekly statement ("dienstags von 16 bis 18 Uhr") whose
        days all fall on its one weekday; none when the statement names several weekdays."""
        sent = text[s_lo:s_hi]
        nth = self._nth_weekday.search(sent)
        if nth:
            # "jeden dritten Dienstag im Monat von 10 bis 12 Uhr": the listed dates that are such
            # a day, before or after in the paragraph
            wd = self.grammar.data["weekdays"][nth.group("wd")]
            n = self.grammar.weekday_ordinals[nth.group("ord")]
            lo = text.rfind("\n\n", 0, s_lo)
            hi = text.find("\n\n", s_hi)
            hi = len(text) if hi < 0 else hi
            out = []
            for f in found:
                if f.role != "session" or f.times or not (lo <= f.group.start < hi):
                    continue
                starts = [it.days()[0] for it in f.group.items]
                if starts and all(d is not None and d.weekday() == wd and _is_nth(d, n) for d in starts):
                    out.append(f)
            return out
        days = {self._weekly[w.casefold()] for w in re.findall(r"(?<![\w-])[A-Za-z]+s(?![\w-])", sent)
                if w.casefold() in self._weekly}
        if len(days) != 1:
            return []
        wd = days.pop()
        para_end = text.find("\n\n", t.end)
        para_end = len(text) if para_end < 0 else para_end
        para_start = text.rfind("\n\n", 0, t.start)
        # the dates that follow in the same paragraph, as far as a list of them may run ("Die
        # Vorträge finden dienstags um 18.15 Uhr statt … am Dienstag, 27. Oktober … Eine Woche
        # später am 3. November …"); with "jeweils" ("… 17. Dezember / jeweils donnerstags von
        # 14.30 bis 16.30 Uhr") also those right before
        lo = max(para_start, t.start - self.max_chars) if before else t.end
        near = [
            f for f in found
            if f.role == "session" and not f.times and lo <= f.group.start <= min(para_end, t.end + 3 * self.max_chars)
        ]
        out = []
        for f in near:
            starts = [it.days()[0] for it in f.group.items]
            if starts and all(d is not None and d.weekday() == wd for d in starts):
                out.append(f)
        return out

    def _next_bare_session(self, found: list[_Found], times: list[TimeAtom], t: TimeAtom, sidx, time_sents):
        """A time that stands before any date ("In der Zeit von 16 bis 18 Uhr steht der
        Bürgermeister … Rede und Antwort. … Am Donnerstag, 15. Mai …"): the next session date
        group, when no other time or date group comes between and its sentence has no time."""
        nxt = next((f for f in found if f.group.start >= t.end), None)
        if nxt is None or nxt.role != "session" or nxt.group.start - t.end > self.max_chars:
            return None
        if sidx(nxt.group.start) in time_sents:
            return None
        if any(t.end <= u.start < nxt.group.start for u in times):
            return None
        return nxt

    # -- sessions -----------------------------------------------------------------------------
    def scope_weekdays(self, text: str, found: list[_Found]) -> None:
        """"am 10. und 11. Mai, am Samstag ab 14 Uhr und am Sonntag ab 11 Uhr": a time right after
        a bare weekday holds on that weekday's day only."""
        for f in found:
            if len(f.group.items) < 2 or not f.times:
                continue
            for t in f.times:
                m = self._weekday_before.search(text, max(0, t.start - 40), t.start)
                if m:
                    t.weekday = self.grammar.data["weekdays"][m.group(1) or m.group(2)]

    def sessions_of(self, f: _Found) -> list[Candidate]:
        all_slots = time_slots(f.times)
        scoped = any(t.weekday is not None for _, _, t in all_slots)
        out = []
        for item in f.group.items:
            d0, d1 = item.days()
            slots = [x for x in all_slots if x[2].weekday in (None, d0.weekday())] if scoped else all_slots
            evidence = (item.start, item.end)
            attrs = {"date_start": item.start, "date_end": item.end}
            if not slots:
                out.append(Candidate("sessions", *evidence, {"start": d0, "end": d1}, attrs=dict(attrs)))
                continue
            daily = [x for x in slots if x[2].daily]
            if d1 is not None and daily and 0 < (d1 - d0).days <= self.daily_max_days:
                # "vom 18. bis 22. November … Täglich von 8.00 bis 12.00 Uhr": a session a day
                for k in range((d1 - d0).days + 1):
                    day = d0 + dt.timedelta(days=k)
                    for (sh, sm), end, t in daily:
                        start, stop = _clock_span(day, None, (sh, sm), end)
                        out.append(Candidate("sessions", *evidence, {"start": start, "end": stop}, attrs=dict(attrs)))
                continue
            for (sh, sm), end, t in slots:
                start, stop = _clock_span(d0, d1, (sh, sm), end)
                span = (min(item.start, t.start), max(item.end, t.end))
                if t.start - item.end > 200 or item.start - t.end > 200:
                    span = evidence
                out.append(Candidate("sessions", *span, {"start": start, "end": stop}, attrs=dict(attrs)))
            for (sh, sm), end, t in time_slots(f.later):
                start, stop = _clock_span(d0, None, (sh, sm), end)
                out.append(Candidate("sessions", t.start, t.end, {"start": start, "end": stop},
                                     attrs={**attrs, "later": True}))
        return out


#: a labelled start line of an event page: "Beginn:  19.30 Uhr", "Uhrzeit: 18 Uhr"
_LABELLED_START = re.compile(r"^[ \t]*(?:Beginn|Start|Uhrzeit|Zeit|Veranstaltungsbeginn)[ \t]*:[ \t]*(?:um[ \t]+|ab[ \t]+)?$", re.M)


def _labelled_start(text: str, t: TimeAtom) -> bool:
    """The time is a start after a label that opens its line ("Beginn: 19:30")."""
    return t.role == "start" and bool(_LABELLED_START.search(text, text.rfind("\n", 0, t.start) + 1, t.start))


def _line_bounds(text: str, grp: DateGroup) -> tuple[int, int]:
    """Start and end of the line (or lines) that hold the date group."""
    le = text.find("\n", grp.end)
    return text.rfind("\n", 0, grp.start) + 1, len(text) if le < 0 else le


# a day counted from another one ("am darauf folgenden Mittwoch", "am Tag danach"): its time
# belongs to that day, not to the dates around it
_ANAPHORIC_DAY = re.compile(
    r"(?<![\w-])(?:[Dd]arauf\s*folgenden|[Aa]m\s+Folgetag|[Aa]m\s+Tag\s+danach|[Aa]m\s+Tag\s+darauf)(?![\w-])")


def _line_before(text: str, line_start: int) -> str:
    """The nearest non-empty line before the line that starts at ``line_start``."""
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if line:
            return line
        end = start - 1
    return ""


def _line_after(text: str, line_end: int) -> str:
    """The nearest non-empty line after the line that ends at ``line_end``."""
    start = line_end + 1
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].strip()
        if line:
            return line
        start = end + 1
    return ""


def _clock_span(d0: dt.date, d1: Optional[dt.date], start: tuple[int, int],
                end: Optional[tuple[int, int]]) -> tuple[dt.datetime, Any]:
    """A session's start and end from its day(s) and clock times: an end before the start is the
    next morning; a multi-day span without an end time ends on its last day."""
    begin = dt.datetime.combine(d0, dt.time(*start))
    if end is None:
        return begin, d1
    stop = dt.datetime.combine(d1 or d0, dt.time(*end))
    return begin, stop + dt.timedelta(days=1) if stop < begin else stop


def _sentence_around(starts: Sequence[int], pos: int, end: int) -> tuple[int, int]:
    k = bisect.bisect_right(starts, pos) - 1
    return starts[k], starts[k + 1] if k + 1 < len(starts) else end


def _is_nth(d: dt.date, n: int) -> bool:
    """``d`` is the n-th of its weekday in its month (n = -1: the last)."""
    if n == -1:
        return (d + dt.timedelta(days=7)).month != d.month
    return (d.day - 1) // 7 + 1 == n


_SENT_END = re.compile(r"\n+|[.!?…][\"“”)»’']?[ \t]+(?=[\"„“»(]?[A-ZÄÖÜ0-9])")


def time_slots(times: list[TimeAtom]) -> list[tuple[tuple[int, int], Optional[tuple[int, int]], TimeAtom]]:
    """Start (and end) times of the sessions of one date group.

    "Einlass 18 Uhr, Beginn 19 Uhr" starts at Beginn; an end time ("Ende gegen 20.30 Uhr",
    "bis 21 Uhr") closes the slot before it; every other time or range opens a slot.
    """
    if any(t.role == "start" for t in times) or any(t.role == "time" for t in times):
        times = [t for t in times if t.role != "doors"]
    slots: list[list] = []
    seen = set()
    for t in times:
        if t.role == "end":
            if slots and slots[-1][1] is None:
                slots[-1][1] = (t.hour, t.minute)
            continue
        key = (t.hour, t.minute, t.end_hour, t.end_minute)
        if key in seen:
            continue
        seen.add(key)
        end = (t.end_hour, t.end_minute or 0) if t.end_hour is not None else None
        slots.append([(t.hour, t.minute), end, t])
    return [tuple(s) for s in slots]


def _day(v: Any) -> dt.date:
    return v.date() if isinstance(v, dt.datetime) else v


def dedupe_sessions(sessions: list[Candidate]) -> list[Candidate]:
    """One session per occurrence: identical ones merge, and an all-day session gives way to
    a timed one on the same day (the date mentioned first, the time given later)."""
    timed_days = {_day(c.value["start"]) for c in sessions if isinstance(c.value["start"], dt.datetime)}
    out, seen = [], set()
    for c in sorted(sessions, key=lambda c: c.start):
        start, end = c.value["start"], c.value["end"]
        if not isinstance(start, dt.datetime) and start in timed_days and end is None:
            continue
        key = (start, end)
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    # a bare day that is also the start of a range session is that session
    range_starts = {c.value["start"] for c in out if c.value["end"] is not None}
    return [
        c for c in out
        if not (c.value["end"] is None and not isinstance(c.value["start"], dt.datetime) and c.value["start"] in range_starts)
    ]
