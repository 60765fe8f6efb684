"""Places and venues, rooms, capacities and prices.

Families written (see CONTRACT.md and the conventions):

* ``locations`` — value str, attrs ``{"kind": "venue"|"address"|"city"|"online"}``:
  venues around a head noun ("Rathaus Nord", "Galappmühle", "im Sitzungssaal des Rathauses" →
  "Rathaus"), street addresses ("Werderstr. 1"), the city after a postcode or in "Stadt X",
  online venues ("per Zoom", "findet … online statt", "Videokonferenz").
* ``rooms`` — value str: "Raum C409" → "C409", "Sitzungssaal", "Großer Saal", "Konferenzraum
  Troyes", "im 2. Stock" → "2. Stock".
* ``capacities`` — value int: "15 Plätze", "bis zu 100 Teilnehmende", "zwölf Plätze"; never a
  count of groups, members or millions.
* ``prices`` — value ``{"amount": float, "currency": "EUR"}``, or None with attrs
  ``{"free": True}`` ("kostenfrei", "Eintritt frei").

Every word list and pattern is data (``models/patterns/venues.json``,
``models/gazetteers/venue_heads.txt``), compiled once in ``set_patterns``.
"""

from __future__ import annotations

import bisect
import re
from typing import Any, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..data import load_json, load_lines
from ..normalize.phones import load_area_codes
from .base import Candidate, OverlapPolicy, PatternComponent, doc_text, write

DEFAULT_PATTERNS = "patterns/venues.json"
_TOWN_AFTER_PLACE = re.compile(
    r",?[ \t]+in[ \t]+(?P<town>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*(?:[ \t](?:an[ \t]der|am|im|bei)[ \t][A-ZÄÖÜ][a-zäöüß]+)?)(?![\w-])"
)

_CAP = re.compile(r"^[A-ZÄÖÜ]")
_NAME = re.compile(r"^[A-ZÄÖÜ][\wäöüß'.-]*$")
_DETS = {"der", "die", "das", "des", "dem", "den"}
_QUOTES = {"„", "\"", "“", "»", "‚"}
#: a capitalised adjective before a venue head ("Alten", "Blumberger", "Internationalen")
_ADJ = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(?:['´’]s?ch)?(?:e|en|er|es|em)$")
_APOSTROPHES = {"'", "´", "’"}
_CALENDAR = {"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "januar",
             "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
             "november", "dezember", "anmeldung", "kontakt", "telefon", "tel.", "e-mail", "fax", "info",
             "informationen", "büro", "geschäftsstelle", "postanschrift", "adresse", "anschrift"}
_NAME_LINKS = {"der", "die", "des", "am", "an", "im", "und", "für", "von", "zum", "zur", "&"}
#: "…im DB-Trainingscenter, " or a line "Vollgutlager der Kindl Brauerei, " right before an address
_PLZ_LINE = re.compile(
    r"(?m)^[ \t]*\d{5}[ \t]+[A-ZÄÖÜ][\wäöüß.-]+(?:[ \t][A-ZÄÖÜ(][\wäöüß.()-]+)?[ \t]*,(?P<rest>[^\n]{3,120})$")
_BEFORE_ADDRESS = re.compile(
    r"(?:(?P<prep>\b(?:im|in[ \t]+der|in[ \t]+dem|ins|in[ \t]+die|in[ \t]+den|am|auf[ \t]+dem|beim|bei[ \t]+der|zum|zur)[ \t]+)|^[ \t]*)"
    r"(?P<name>[A-ZÄÖÜ„\"][^,\n()]{1,60}?)[ \t]*[,(][ \t]*$"
)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def parse_amount(raw: str) -> Optional[float]:
    """ "6,10" → 6.1, "5.000" → 5000.0, "10,-" → 10.0."""
    s = raw.strip().rstrip("-").rstrip(",")
    s = s.replace(".", "").replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


@Language.factory(
    "aushang_venues",
    default_config={"overlap": {"@misc": "aushang.overlap.longest.v1"}, "use_ents": True},
)
def make_venues(nlp: Language, name: str, overlap: OverlapPolicy, use_ents: bool) -> "VenuesComponent":
    return VenuesComponent(name=name, overlap=overlap, use_ents=use_ents)


#: a meeting point with its time before the place: "Treffpunkt 10.30 Uhr Tram-Haltestelle …"
_LABEL_TIME = re.compile(
    r"\b(?:Treffpunkt|Treff|Ort|Abfahrt|Start)\s*:?\s*(?:ist\s+)?(?:um\s+|ab\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:Uhr)?\s*[:,–-]?\s*(?:an\s+der|am|an\s+dem|vor\s+dem|vor\s+der|beim|im|in\s+der)?\s*$")

#: a calendar's line of date, time and place: "Sonntag, 18.05.2025 / 10:00 - 17:00 Uhr / Innenstadt"
_CALENDAR_LINE_PLACE = re.compile(
    r"^[^\n]*\d{1,2}\.\s?\d{1,2}\.(?:\s?\d{2,4})?[^\n/|]*[/|][^\n/|]*\d{1,2}(?:[:.]\d{2})?\s*(?:Uhr)?[^\n/|]*[/|][ \t]*"
    r"(?P<name>[A-ZÄÖÜ][^\n/|,]{2,60})[ \t]*$", re.M)

#: a quoted meeting point: "am Treffpunkt „Freier Platz“", "Treffpunkt: „Alte Linde“"
_MEETING_POINT_QUOTED = re.compile(
    r"\b(?:Treffpunkt|Treff)\s*(?:ist\s+)?:?\s*(?:der|die|das|am|an\s+der)?\s*[„\"»‚](?P<name>[A-ZÄÖÜ][^„“”\"«\n]{1,40})[“”\"«‘]")

#: a saint's prefix before a church's name: "St. Lorenzkirche"
_SAINT = {"St.", "Sankt", "Hl.", "St"}
#: a building's name in brackets right after its street address
_BRACKETED_VENUE = re.compile(r"[ \t]*\((?P<name>[A-ZÄÖÜ„][\wäöüß„“.-]*(?:[ \t]+[A-ZÄÖÜ„][\wäöüß„“.-]*){0,3})\)")

#: the genitive article between a hall and its building: "Turnhalle der Gemeinschafts-Schule"
_OF_BUILDING = re.compile(r"\s+(?:der|des)\s+")

#: the comma-separated parts of a line
_LINE_PARTS = re.compile(r"[^,\n]+")

#: a church named by its saint alone: "in St. Margaretha", "in Sankt Michael", "in Hl. Geist"
_SAINT_VENUE = re.compile(
    r"(?<![\w-])(?:in|In)[ \t]+(?P<v>(?:St\.|Sankt|Hl\.)[ \t]*(?P<w>[A-ZÄÖÜ][a-zäöüß]+)"
    r"(?:[ \t]+und[ \t]+[A-ZÄÖÜ][a-zäöüß]+)?)(?![\w-]|\.\w|[ \t]+[A-ZÄÖÜ])"
)


def _antecedent(compounds: list[tuple[int, str]], i: int, generic: str, reach: int = 300) -> Optional[str]:
    """The venue a generic head alone at token i refers back to: the nearest earlier compound
    of that head within ``reach`` tokens ("das Heimatmuseum … ins Museum", "die Stadtkirche …
    in der Kirche"). ``compounds`` are the (token, nominative) of the specific heads before i."""
    for k, base in reversed(compounds):
        if k <= i - reach:
            break
        if k < i and base.casefold().endswith(generic) and len(base) >= len(generic) + 3:
            return base
    return None


class VenuesComponent(PatternComponent):
    """Finds locations, rooms, capacities and prices."""

    default_patterns = DEFAULT_PATTERNS

    def __init__(self, name: str = "aushang_venues", overlap: Optional[OverlapPolicy] = None,
                 use_ents: bool = True):
        super().__init__(name, overlap)
        self.use_ents = use_ents

    # -- data -----------------------------------------------------------------------------
    def _compile(self, p: dict[str, Any]) -> None:
        heads = [h.casefold() for h in load_lines(p["venue_heads"])]
        self.venue_heads = sorted(set(heads), key=len, reverse=True)
        nv = p.get("not_venue_sentence", [])
        self._not_venue_sentence = re.compile(r"(?<![\w-])(?:" + _alternation(nv) + r")(?![\w-])") if nv else None
        self.common_nouns = {w.casefold() for w in load_lines(p["common_nouns"])} if "common_nouns" in p else set()
        # legal forms may end a venue's name ("im Kleingärtnerverein Zwo Börn e.V., Zweibörnstraße 30"),
        # as written or split ("e. V.")
        self._legal_words = {part for form in load_lines(p["legal_forms"]) for part in [form, *form.split()]} \
            if "legal_forms" in p else set()
        self._head_set = frozenset(self.venue_heads)
        self._head_lengths = tuple(sorted({len(h) for h in self._head_set}, reverse=True))
        self.venue_not = {w.casefold() for w in p["venue_not_heads"]}
        self.venue_generic = {w.casefold() for w in p["venue_generic"]}
        self.locative = {w for w in p["locative_before"] if not w.endswith(":")}
        self.name_links = set(p.get("venue_name_links", ()))
        self.name_link_heads = tuple(w.casefold() for w in p.get("venue_name_link_heads", ()))
        self.genitive_heads = {w.casefold() for w in p.get("venue_genitive_heads", ())}
        self.premises = set(p.get("venue_premises", ()))
        self.premise_halls = {w.casefold() for w in p.get("premise_halls", ())}
        line_labels = p.get("venue_line_labels", ())
        self._line_label = re.compile(
            # "Ort", "WO ?" (a "WANN ? / WO ?" box), the name on the next line or after a blank one
            r"^[ \t]*(?i:" + _alternation(line_labels) + r")[ \t]*[:?]?[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<name>[A-ZÄÖÜ„\"][^\n,;]{1,60})(?:[,;][^\n]*)?$",
            re.M) if line_labels else None
        self._label = re.compile(r"(?:" + _alternation([w for w in p["locative_before"] if w.endswith(":")])
                                 + r")[ \t]*$")
        suffix = p["street_suffixes"]
        street_adj = r"(?:(?:" + _alternation(p.get("street_adjectives", ())) + r")[ \t]+)?" \
            if p.get("street_adjectives") else ""
        self._address = re.compile(
            r"(?<![\w-])(?P<street>" + street_adj + r"(?:[A-ZÄÖÜ][\wäöüß.-]*?(?i:" + suffix + r"))"
            r"|(?:[A-ZÄÖÜ][\wäöüß-]+[ \t](?:Straße|Strasse|Str\.|Weg|Platz|Allee|Gasse|Ring|Damm|Ufer|Markt)))"
            r"[ \t]+(?P<no>\d{1,4}[ \t]?[a-zA-Z]?(?:[ \t]?[-–/][ \t]?\d{1,4}[a-z]?)?)(?![\d.:,]\d)(?![\w])"
            r"(?![ \t]*(?:Uhr|€|Euro|EUR|Prozent|%|Teilnehm|Personen|Plätze|Jahre))"
            r"(?:,?[ \t]+(?:D-)?(?P<plz>\d{5})[ \t]+(?P<city>[A-ZÄÖÜ][\wäöüß.-]+(?:[ \t](?:an[ \t]der|am|im|in[ \t]der|bei|ob[ \t]der)[ \t][A-ZÄÖÜ][\wäöüß.-]+)?))?"
        )
        self._plz_city = re.compile(
            r"(?:^|(?<=[,\n(|])|(?<=:\s))[ \t]*(?:D-)?(?P<plz>\d{5})[ \t]+(?P<city>[A-ZÄÖÜ][\wäöüß.-]+(?:[ \t](?:an[ \t]der|am|im|in[ \t]der|bei)[ \t][A-ZÄÖÜ][\wäöüß.-]+)?)",
            re.M,
        )
        self._muni_city = re.compile(
            r"\b(?:Stadt|Gemeinde|Ortsgemeinde|Kreisstadt|Hansestadt|Landeshauptstadt|Universitätsstadt|Stadtverwaltung|Gemeindeverwaltung)"
            r"[ \t\u00a0]+(?!(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)\b)(?P<city>[A-ZÄÖÜ][\wäöüß]+(?:-[A-ZÄÖÜ][\wäöüß]+)*(?:\s(?:an der|am|im|in der|bei|ob der)\s[A-ZÄÖÜ][\wäöüß.-]+)?)"
        )
        self._online_strong = re.compile(r"(?<![\w-])(?:" + _alternation(p["online_strong"]) + r")(?![\w-])", re.I)
        self._online_word = re.compile(r"(?<![\w/.@-])(?:" + _alternation(p["online_words"]) + r")(?![\w/.@-])")
        self._online_verbs = re.compile(r"\b(?:" + _alternation(p["online_verbs"]) + r")\b")
        self._online_not_after = re.compile(r"^[\s,]*(?:" + _alternation(p["online_not_after"]) + r")\b")
        labels = p.get("room_line_labels", [])
        self._room_line = re.compile(  # "Raum: Roter Saal" (a form's field: the whole value)
            r"^[ \t]*(?:" + _alternation(labels) + r")[ \t]*:[ \t]*(?P<room>[A-ZÄÖÜ0-9][^\n,;]{0,40}?)[ \t]*$",
            re.M) if labels else None
        self._room_id = re.compile(
            r"(?<![\w-])(?P<word>" + _alternation(p["room_words"]) + r")(?:[ \t]*Nr\.)?[ \t]*(?P<id>(?:[A-Z]{1,3}[ \t]?)?\d{1,4}(?:[.\-/]\d{1,4})*[a-z]?)(?!\d|,\d)(?![ \t]*(?:€|Euro|Uhr|Personen|Plätze|Teilnehm))"
        )
        self._venue_acronyms = dict(p.get("venue_acronyms", {}))
        self._venue_acronym = re.compile(
            r"(?<![\w-])(?:im|in[ \t]+der|ins|in[ \t]+die|in[ \t]+den|in[ \t]+dem|beim|vor[ \t]+dem)[ \t]+(?P<acr>"
            + _alternation(list(self._venue_acronyms)) + r")(?![\w-])"
            r"(?:[ \t]+(?P<place>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*)(?![\w-]))?") if self._venue_acronyms else None
        self._named_room = re.compile(
            r"(?<![\w-])(?P<pre>[A-ZÄÖÜ][\wäöüß]+-)?(?P<room>" + _alternation(p["named_rooms"]) + r")(?![\w-])"
            r"(?:[ \t]+(?P<suffix>\d{1,4}[a-z]?|[A-ZÄÖÜ][\wäöüß-]+)(?![\w-]))?"
            r"(?:[ \t]*(?P<code>\([A-Z]{0,3}[ \t]?\d{1,4}[a-z]?\)))?"  # "AudiMax (A 032)"
        )
        self._floor = re.compile(r"(?<![\w-])" + p["floor"])
        # "im Großen Sitzungssaal" → "Großer Sitzungssaal"; "in den Europasaal des …" → "Europasaal"
        self._room_adj = re.compile(r"(?<![\w-])(?P<adj>[GgKk](?:roß|lein))(?:e[nmrs]?)[ \t]+(?P<room>" + _alternation(
            [r for r in p["named_rooms"] if not r.split()[0].lower().startswith(("groß", "klein"))]) + r")(?![\w-])")
        self._room_compound = re.compile(
            r"(?<![\w-])(?:im|in[ \t]+den|in[ \t]+dem|ins|in[ \t]+das|in[ \t]+der|in[ \t]+die)[ \t]+(?P<room>[A-ZÄÖÜ][\wäöüß-]*?"
            + p.get("named_room_suffix", "(?:saal)") + r")(?:e?s)?(?![\w-])")
        gender = p.get("adjective_gender", {})
        self._fem = tuple(gender.get("feminine", ()))
        self._neut = tuple(gender.get("neuter", ()))
        labels = p.get("venue_labels", [])
        self._venue_label = re.compile(
            r"(?<![\w-])(?:" + _alternation(labels) + r")[ \t]*(?:(?:der|die|das|im|in[ \t]+der|am|vor[ \t]+dem|an[ \t]+der|beim)[ \t]+)?"
            r"(?P<name>[A-ZÄÖÜ„\"][\wäöüß.„“\"-]*(?:[ \t]+(?:[A-ZÄÖÜ„\"][\wäöüß.„“\"-]*|am|an[ \t]+der|im|der|des)){0,4})"
        ) if labels else None
        self._online_cond = re.compile(r"(?<![\w-])(?:" + _alternation(p.get("online_conditional", ["Falls"])) + r")(?![\w-])")
        kinds = load_json("patterns/events.json").get("kinds_strong", [])
        self._online_kind = re.compile(
            r"(?<![\w-])(?:" + _alternation(p.get("online_adjectives", ["online"])) + r")(?:e|en|er|es|em)?[ \t]+"
            r"(?:\([^()\n]{1,20}\)[ \t]*)?[„\"]?(?P<noun>(?=[A-ZÄÖÜ])(?:[A-ZÄÖÜ][\wäöüß-]*)?(?i:" + _alternation(
                [k for k in kinds if " " not in k and len(k) >= 4]) + r")(?:e|en|n|s|es)?)(?![\w-])") if kinds else None
        self._online_compound = re.compile(
            r"(?<![\w-])(?:[A-ZÄÖÜ][\wäöüß]*-)?(?:" + _alternation(p.get("online_strong_compounds", []))
            + r")(?:s|es|n|en|e)?(?![\w])", re.I) if p.get("online_strong_compounds") else None
        prefixes = p.get("online_compound_prefixes", [])
        self._online_kind_compound = re.compile(
            r"(?<![\w-])(?:" + _alternation(prefixes) + r")-(?P<noun>(?=[A-ZÄÖÜ])[\wäöüß]*?(?i:" + _alternation(
                [k for k in kinds if " " not in k and "-" not in k and len(k) >= 4]) + r")(?:e|en|n|s|es)?)(?![\w-])"
        ) if prefixes and kinds else None
        self._online_series = tuple(p.get("online_series_nouns", ()))
        words = p["number_words"]
        self.number_words = {k.casefold(): v for k, v in words.items()}
        num = r"(?:\d{1,4}|" + _alternation(words.keys()) + r")"
        noun = p["capacity_nouns"]
        self._capacity = [
            (c["name"], re.compile(r"(?<![\w-])" + c["regex"].replace("{NUM}", num).replace("{NOUN}", noun), re.I))
            for c in p["capacity_patterns"]
        ]
        self.capacity_stop = set(p["capacity_stop"])
        # fixed phrases, then the patterns with a few words between cue and "frei"
        # ("Der Eintritt ist an allen Tagen natürlich frei", "kostet keinen Cent")
        free_alts = _alternation(p["free"]) + "".join("|" + r for r in p.get("free_patterns", []))
        self._free = re.compile(r"(?<![\w-])(?:" + free_alts + r")(?![\w-])", re.I)
        # the noun after the cue, also as the end of a compound ("kostenfreie Service-Hotline")
        self._free_not = re.compile(r"^\s*(?:[\wäöüß]+-)?(?:" + _alternation(p["free_not_before"]) + r")\b")
        # "Getränke und Brezeln gibt es kostenlos", "die sich unentgeltlich … einsetzen": food,
        # goods or volunteers' work are free, not the event
        self._free_not_context = re.compile(
            r"(?:" + _alternation(p.get("free_not_context", [])) + r")", re.I) if p.get("free_not_context") else None
        self._amount = re.compile(r"(?<![\w.,])" + p["amount"] + r"(?![\w]|,\d)")
        # "Im Eintrittspreis von fünf Euro", "kostet zehn Euro": a number word before "Euro"
        self._word_amount = re.compile(
            r"(?<![\w-])(?P<w>" + _alternation(words) + r")\s+(?:Euro|EUR)(?![\w])", re.I)
        self._price_stop = re.compile(_alternation(p["price_stop"]), re.I)

    # -- pipeline -------------------------------------------------------------------------
    def match(self, doc: Doc) -> dict[str, list[Candidate]]:
        self._ensure()
        text = doc_text(doc)
        rooms = self._rooms(text)
        locations = self._locations(doc, rooms)
        return {
            "locations": locations,
            "rooms": rooms,
            "capacities": self._capacities(text),
            "prices": self._prices(text),
        }

    def set_annotations(self, doc: Doc, found: dict[str, list[Candidate]]) -> None:
        policy = self.overlap or (lambda c: c)
        for family, cands in found.items():
            if family == "locations":
                # an address holds its city, a venue may hold a room: overlap is settled per kind
                kept = []
                for kind in ("venue", "address", "city", "online"):
                    kept.extend(policy([c for c in cands if c.attrs.get("kind") == kind]))
                write(doc, family, kept)
            else:
                write(doc, family, policy(cands))

    # -- locations ------------------------------------------------------------------------
    def venue_head(self, word: str) -> Optional[tuple[str, bool]]:
        """(nominative form, generic?) when ``word`` is or ends with a venue head."""
        if not _CAP.match(word):
            return None
        low = word.casefold()
        for form, base in ((low, word), (low[:-2], word[:-2]) if low.endswith("es") else (None, None),
                           (low[:-1], word[:-1]) if low.endswith("s") else (None, None)):
            if not form or form in self.venue_not:
                continue
            if form in self.venue_generic:
                return base, True
            for n in self._head_lengths:  # longest head first, looked up by suffix
                if n > len(form) or (n < len(form) and len(form) - n < 3):
                    continue
                h = form[-n:]
                if h in self._head_set:
                    return base, form == h and h in self.venue_generic
        return None

    def _locations(self, doc: Doc, rooms: list[Candidate]) -> list[Candidate]:
        text = doc_text(doc)
        out: list[Candidate] = []
        out.extend(self._venues(doc, rooms))
        out.extend(self._labelled_venues(text))
        codes = load_area_codes().codes
        for m in _SAINT_VENUE.finditer(text):
            # "um 17 Uhr in St. Margaretha": a church by its saint (but "in St. Wendel" is a town)
            name = m.group("v")
            town = re.sub(r"^(?:St\.|Sankt)[ \t]*", "St ", name)
            if town in codes or town.replace("St ", "Sankt ", 1) in codes \
                    or self.venue_head(m.group("w")) is not None or m.group("w").casefold() in self.common_nouns:
                continue
            out.append(Candidate("locations", m.start("v"), m.end("v"), re.sub(r"[ \t]+", " ", name),
                                 attrs={"kind": "venue"}, priority=1))
        for m in self._venue_acronym.finditer(text) if self._venue_acronym else ():
            # "im MGH", "in der VHS": a building named by its usual acronym
            place = m.group("place")
            if place and place.casefold() not in self.common_nouns and self.venue_head(place) is None:
                # "im DGH Dainrode": the building of that village, as written
                out.append(Candidate("locations", m.start("acr"), m.end("place"), f"{m.group('acr')} {place}",
                                     attrs={"kind": "venue"}, priority=1))
                continue
            out.append(Candidate("locations", m.start("acr"), m.end("acr"), self._venue_acronyms[m.group("acr")],
                                 attrs={"kind": "venue"}, priority=1))
        addresses = []
        for m in self._address.finditer(text):
            addresses.append((m.start(), m.end()))
            street, no = m.group("street"), m.group("no")
            end = m.start("no") + len(no.rstrip())
            out.append(Candidate("locations", m.start(), end, f"{street} {no.strip()}",
                                 attrs={"kind": "address", "postcode": m.group("plz")}, priority=2))
            if m.group("city"):
                out.append(Candidate("locations", m.start("city"), m.end("city"), m.group("city"),
                                     attrs={"kind": "city", "postcode": m.group("plz")}, priority=2))
        for m in self._plz_city.finditer(text):
            out.append(Candidate("locations", m.start("city"), m.end("city"), m.group("city"),
                                 attrs={"kind": "city", "postcode": m.group("plz")}, priority=1))
        cities = set()
        for m in self._muni_city.finditer(text):
            if self._in_credit(text, m.start()):
                continue
            out.append(Candidate("locations", m.start("city"), m.end("city"), m.group("city"),
                                 attrs={"kind": "city"}, priority=1))
            cities.add(m.group("city"))
        if self.use_ents and doc.ents:
            for ent in doc.ents:
                if ent.label_ == "LOC" and ent.start > 0 and doc[ent.start - 1].text in {"in", "aus"} \
                        and len(ent) <= 3 and _CAP.match(ent.text):
                    cities.add(ent.text)
        for city in cities:
            for m in re.finditer(r"(?<=\bin )" + re.escape(city) + r"(?![\w-])", text):
                out.append(Candidate("locations", m.start(), m.end(), city, attrs={"kind": "city"}))
        for m in _PLZ_LINE.finditer(text):
            # "69121 Heidelberg, Revier Handschuhsheim, Parkplatz Raue Buche": the place after
            # the town whose words hold a venue head
            pos = m.start("rest")
            for part in m.group("rest").split(","):
                name = part.strip()
                start = text.index(name, pos) if name else pos
                pos += len(part) + 1
                words = name.split()
                if 1 <= len(words) <= 5 and all(w[:1].isupper() for w in words) \
                        and any(self.venue_head(w) and not self.venue_head(w)[1]
                                or w.casefold().endswith(("parkplatz", "haltestelle", "bahnhof")) for w in words):
                    out.append(Candidate("locations", start, start + len(name), name, attrs={"kind": "venue"},
                                         priority=1))
                    break
        heads = sorted((c.start, c.end) for c in out if c.attrs.get("kind") == "venue")
        out.extend(self._address_venues(text, addresses, heads))
        out.extend(self._towns_after_places(text, out))
        out.extend(self._online(text))
        # "Franckeplatz 1": a square with its house number is the street of an address, no venue
        streets = {c.start: c.end for c in out if c.attrs.get("kind") == "address"}
        return [c for c in out if c.start < c.end and not (
            c.attrs.get("kind") == "venue" and streets.get(c.start, c.end) > c.end)]

    def _towns_after_places(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """"Kirchplatz in Birkenfeld", "Esperantostraße 3, in Fulda": the town of a place."""
        out = []
        for c in found:
            if c.attrs.get("kind") not in ("venue", "address"):
                continue
            m = _TOWN_AFTER_PLACE.match(text, c.end)
            if not m:
                continue
            town = m.group("town")
            if town.casefold() in self.common_nouns or self.venue_head(town) is not None:
                continue
            out.append(Candidate("locations", m.start("town"), m.end("town"), town, attrs={"kind": "city"}))
        return out

    def _venues(self, doc: Doc, rooms: list[Candidate]) -> list[Candidate]:
        out = []
        text = doc_text(doc)
        n = len(doc)
        compounds: list[tuple[int, str]] = []  # the specific venue heads seen so far, in order
        for i, tok in enumerate(doc):
            hit = self.venue_head(tok.text)
            if not hit:
                continue
            base, generic = hit
            if not generic:
                compounds.append((i, base))
            # name after the head: "Rathaus Nord", "Bürgerhaus Oberschaffnei", "Kirche St. Martin"
            e = i + 1
            while e < n and e - i <= 3 and "\n" not in doc[e - 1].whitespace_ and _NAME.match(doc[e].text) \
                    and doc[e].text.casefold() not in _DETS and not doc[e].is_sent_start \
                    and (e > i + 1 or not self.venue_head(doc[e].text)) and doc[e].text not in {"Raum", "Zimmer", "Zi."}:
                e += 1
            low_head = base.casefold()
            if e == i + 1 and i + 2 < n and doc[i + 1].text in self.name_links and _CAP.match(doc[i + 2].text) \
                    and low_head.endswith(self.name_link_heads) and "\n" not in doc[i].whitespace_:
                # "Gasthaus zur Linde", "Gasthof zum Hirschen"
                e = i + 3
            if e == i + 1 and i + 2 < n and doc[i + 1].text in {"der", "des"} and low_head in self.genitive_heads \
                    and _NAME.match(doc[i + 2].text) and doc[i + 2].text.casefold() not in _CALENDAR:
                # "Haus der Eigenarbeit", "Haus des Gastes", "Haus der Offenen Tür"
                e = i + 3
                while e < n and e - i <= 4 and _ADJ.match(doc[e - 1].text) and _NAME.match(doc[e].text):
                    e += 1
            if e == i + 1 and i + 2 < n and doc[i + 1].text in {"St.", "Sankt"}:
                e = i + 2
            if e == i + 1 and doc[i + 1 : i + 5].text[:1] in _QUOTES if i + 1 < n else False:
                # a quoted name: Gasthaus „Hirsch“
                q = re.match(r"[„\"“»‚]([^„“”\"«\n]{2,40})[“”\"«‘]", text[doc[i + 1].idx : doc[i + 1].idx + 45])
                if q:
                    k = i + 1
                    while k < n and doc[k].idx < doc[i + 1].idx + q.end():
                        k += 1
                    e = k
            named = e > i + 1
            # "in den Räumen der Volkshochschule", "in der Aula der Grundschule": a generic head
            # alone is the building of premises or of a room
            of_premises = i >= 2 and doc[i - 1].text in {"der", "des"} and (
                doc[i - 2].text in self.premises or any(r.end <= doc[i - 1].idx and doc[i - 1].idx - r.end <= 2
                                                        for r in rooms))
            # a capitalised adjective names a generic head: "in die Meyenburger Kirche", "in der
            # Alten Schule" (a lower-case one does not: "in der katholischen Kirche")
            name_adj = i >= 2 and doc[i - 2].text in _DETS and _ADJ.match(doc[i - 1].text) \
                and not doc[i - 1].is_sent_start and "\n" not in doc[i - 1].whitespace_
            if generic and not named and not of_premises and not name_adj:
                ante = _antecedent(compounds, i, low_head)
                if ante is None:
                    continue
                base = ante  # "ins Museum" after "das Heimatmuseum": the museum named before
            # adjectives right before the head: "im Alten Rathaus", "in die Blumberger Stadthalle"
            a = i
            while a - 1 >= 0 and i - a < 2 and _ADJ.match(doc[a - 1].text) and doc[a - 1].text not in self.locative \
                    and not self.venue_head(doc[a - 1].text) and "\n" not in doc[a - 1].whitespace_:
                a -= 1
            saint = a == i and a >= 1 and doc[a - 1].text in _SAINT and "\n" not in doc[a - 1].whitespace_
            if saint:
                a -= 1  # "in der St. Lorenzkirche"
            j = self._walk_back(doc, a)
            locative = self._is_locative(doc, j, a)
            room_before = None
            if a >= 2 and doc[a - 1].text in {"des", "der"}:
                room_before = max((r for r in rooms if r.end <= doc[a - 1].idx and doc[a - 1].idx - r.end <= 2),
                                  key=lambda r: r.end - r.start, default=None)
                if room_before is None and a >= 3 and doc[a - 2].text == "in":
                    room_before = max((r for r in rooms if r.end <= doc[a - 2].idx and doc[a - 2].idx - r.end <= 2),
                                      key=lambda r: r.end - r.start, default=None)
            elif a >= 2 and doc[a - 1].text == "im":
                # "im Bürgersaal im Rathaus": the building of the room before
                room_before = max((r for r in rooms if r.end <= doc[a - 1].idx and doc[a - 1].idx - r.end <= 2),
                                  key=lambda r: r.end - r.start, default=None)
            if not locative and room_before is None and a < i and not saint:  # the capitalised word was no adjective after all
                a = i
                j = self._walk_back(doc, i, strict=True)
                locative = self._is_locative(doc, j, a)
            label = bool(self._label.search(text[max(0, doc[a].idx - 25) : doc[a].idx])
                         or _LABEL_TIME.search(text[max(0, doc[a].idx - 40) : doc[a].idx]))
            # "im Sitzungssaal des Rathauses", "im Europasaal des Internationalen Zentrums": the
            # building after a room
            of_room = room_before is not None or of_premises and a == i
            if not (locative or label or of_room):
                continue
            if self._in_credit(text, tok.idx):
                continue
            if self._not_venue_sentence is not None and self._not_venue_sentence.search(
                    re.sub(r"\([^()]*\)", " ", tok.sent.text)):  # a remark in brackets is no clause of it
                continue  # "Parkmöglichkeiten sind an der Katholischen Kirche vorhanden"
            det = doc[a - 1].text.casefold() if a >= 1 else ""
            adjs = [doc[x].text if saint else self._nominative_adj(doc[x].text, base, det) for x in range(a, i)]
            # a truncated compound before the venue: "in der Sport- und Kulturhalle"
            if a == i and a >= 2 and doc[a - 1].text in {"und", "oder", "&"} and len(doc[a - 2].text) > 2 \
                    and doc[a - 2].text.endswith("-") and doc[a - 2].text[:1].isupper() \
                    and "\n" not in doc[a - 2].whitespace_ + doc[a - 1].whitespace_:
                a -= 2
                adjs = [doc[a].text, doc[a + 1].text]
            value = " ".join(adjs + [base]) + "".join(doc[x - 1].whitespace_ + doc[x].text for x in range(i + 1, e))
            end = doc[e - 1].idx + len(doc[e - 1].text)
            attrs = {"kind": "venue"}
            if room_before is not None:
                attrs["room"] = room_before.value
            out.append(Candidate("locations", doc[a].idx, end, value, attrs=attrs,
                                 priority=2 if (locative or label) else 1))
        # "in der Turnhalle der Gemeinschafts-Schule": a hall of a building is its room
        by_start: dict[int, Candidate] = {}
        for c in out:
            by_start.setdefault(c.start, c)
        keep = []
        for c in out:
            gap = _OF_BUILDING.match(text, c.end) if c.value.casefold() in self.premise_halls else None
            nxt = by_start.get(gap.end()) if gap and len(gap.group(0)) <= 5 else None
            if nxt is not None and nxt is not c:
                nxt.attrs.setdefault("room", c.value)
                continue
            keep.append(c)
        return keep

    def _walk_back(self, doc: Doc, a: int, strict: bool = False) -> int:
        """The token before the article, adjectives and quotes in front of a venue head
        ("im alten Rathaus", "in der\\n Stadthalle", "in der „Beuchertsmühle“", "in der Bildungs-
        und Begegnungsstätte"); line breaks between them are skipped."""
        j = a - 1
        words = 0
        while j >= 0:
            t = doc[j].text
            if doc[j].is_space:
                j -= 1
                continue
            if words >= 3:
                break
            if t in _DETS or t in _QUOTES:
                pass
            elif strict:
                break
            elif t.islower() and t.isalpha() and t not in self.locative and t != "um":
                pass
            elif t.endswith("-") and j + 1 < a and doc[j + 1].text in {"und", "oder"}:
                pass  # "Bildungs- und Begegnungsstätte"
            elif t in _APOSTROPHES and j > 0 and not doc[j - 1].whitespace_ and not doc[j].whitespace_:
                j -= 2  # "in der Ohlendorff´schen Villa", split by the tokenizer
                continue
            else:
                break
            words += 1
            j -= 1
        return j

    def _is_locative(self, doc: Doc, j: int, a: int) -> bool:
        """``doc[j]`` is a locative preposition for the venue at ``a``: "im", "in der", "auf dem",
        a sentence's first "Im"/"In der", "rund um die"; a bare "in" before a capitalised word
        without an article names a town ("in Heiligenhaus"), not a venue."""
        if j < 0:
            return False
        t = doc[j].text
        if t in self.premises and any(doc[x].text in {"der", "des"} for x in range(j + 1, min(a, j + 2))) \
                and any(doc[x].text.lower() in self.locative for x in range(max(0, j - 2), j)):
            return True  # "in den Räumen der ehemaligen evangelischen Akademie", "auf dem Gelände des …"
        if t not in self.locative and not (t[:1].isupper() and t.lower() in self.locative
                                           and (j == 0 or doc[j].is_sent_start or "\n" in doc[j - 1].text
                                                or "\n" in doc[j - 1].whitespace_
                                                or doc[j - 1].text in {".", "!", "?", ":"})):
            return t == "um" and j > 0 and doc[j - 1].text in {"rund", "rings"}
        if t.lower() == "in" and all(doc[x].is_space for x in range(j + 1, a)):
            return False
        nxt = next((doc[x].text for x in range(j + 1, a) if not doc[x].is_space), None)
        if t.lower() == "an" and nxt in {"das", "die", "den"}:
            return False  # "an das Begegnungszentrum verliehen": a recipient, not a place
        return True

    def _nominative_adj(self, adj: str, head: str, det: str = "") -> str:
        """ "Alten" before "Rathaus" → "Altes"; "Blumberger" stays; after "das"/"der" the weak
        "-e" of a neuter or masculine head is strong ("das Gotische Haus" → "Gotisches Haus")."""
        h = head.casefold()
        if det in {"das", "der"} and adj.endswith("e") and not adj.endswith("ee") and len(adj) >= 4 \
                and adj[0].isupper() and not h.endswith(self._fem):
            return adj + ("s" if h.endswith(self._neut) else "r")
        if not adj.endswith(("en", "em")) or adj[0].isdigit():
            return adj
        stem = adj[:-2]
        if h.endswith(self._fem):
            return stem + "e"
        if h.endswith(self._neut):
            return stem + "es"
        return stem + "er"

    def _labelled_venues(self, text: str) -> list[Candidate]:
        """ "Treffpunkt ist der Kirchplatz", "Ort: Café Corso": a name after a venue label."""
        out = []
        if self._venue_label is None:
            return out
        for m in self._venue_label.finditer(text):
            label = text[m.start() : m.start("name")]
            if re.fullmatch(r"Treffpunkt[ \t]*", label) or text[max(0, m.start() - 1) : m.start()] in _QUOTES:
                continue  # "Treffpunkt Ehrenamt" is a name; "Treffpunkt am Rathaus", "Treffpunkt: …" are labels
            name = m.group("name")
            name = re.split(r"(?<=[a-zäöüß]{3})\.[ \t]", name)[0]  # "Wo: Kesselhaus. Wann: …"
            name = re.sub(r"[ \t]+(?:am|an[ \t]+der|im|der|des)$", "", name).rstrip(".")
            low = name.casefold().strip("„“\"")
            if not name or low in _CALENDAR or low.split()[0] in _CALENDAR:
                continue
            if self._in_credit(text, m.start()):
                continue
            start = m.start("name")
            if re.match(r"[ \t]+\d{1,4}[a-z]?(?:[ \t]*[-–][ \t]*\d{1,4})?[ \t]*,", text[start + len(name):]):
                # "Ort: Franckeplatz 1, Hörsaal im Haus 31, 06110 Halle": a street address first;
                # the venue is the next part of the line that is no address, past its room
                eol = text.find("\n", start)
                eol = len(text) if eol < 0 else eol
                comma = text.index(",", start + len(name))
                part = next((x for x in _LINE_PARTS.finditer(text, comma + 1, eol)
                             if not re.match(r"\d{5}\b", x.group(0).strip())), None)
                if part is None:
                    continue
                seg = part.group(0).strip()
                inner = re.match(r"[A-ZÄÖÜ][\wäöüß-]*[ \t]+(?:im|in[ \t]+der|in[ \t]+den)[ \t]+(?P<v>[A-ZÄÖÜ].*)$", seg)
                if inner and self._named_room.match(seg):
                    seg = inner.group("v")  # "Hörsaal im Haus 31": the room goes to the rooms
                if not re.match(r"[A-ZÄÖÜ„]", seg) or len(seg.split()) > 6:
                    continue
                at = text.index(seg, part.start())
                out.append(Candidate("locations", at, at + len(seg), seg.strip("„“\""),
                                     attrs={"kind": "venue"}, priority=2))
                continue
            out.append(Candidate("locations", start, start + len(name), name.strip("„“\""),
                                 attrs={"kind": "venue"}, priority=2))
        if self._line_label is not None:
            # a line "Ort", the venue on the next line: "Ort\nElgerhaus\nAmters Hof 3"
            for m in self._line_label.finditer(text):
                name = m.group("name").strip()
                words = name.split()
                if len(words) > 6 or self._address.match(name) or words[0].casefold() in _CALENDAR \
                        or re.match(r"\d", name):
                    continue
                start = m.start("name")
                out.append(Candidate("locations", start, start + len(name), name.strip("„“\""),
                                     attrs={"kind": "venue"}, priority=2))
        for m in _CALENDAR_LINE_PLACE.finditer(text):
            # "Sonntag, 18.05.2025 / 10:00 - 17:00 Uhr / Innenstadt Freiburg"
            name = m.group("name").strip()
            if len(name.split()) <= 6 and not re.match(r"\d", name):
                out.append(Candidate("locations", m.start("name"), m.start("name") + len(name), name,
                                     attrs={"kind": "venue"}, priority=2))
        for m in _MEETING_POINT_QUOTED.finditer(text):
            # "startet dazu am Treffpunkt „Freier Platz“": the quoted meeting point
            out.append(Candidate("locations", m.start("name"), m.end("name"), m.group("name"),
                                 attrs={"kind": "venue"}, priority=2))
        return out

    def _address_venues(self, text: str, addresses: list[tuple[int, int]],
                        heads: list[tuple[int, int]] = ()) -> list[Candidate]:
        """A name right before a street address is the venue: "im DB-Trainingscenter,
        Esperantostraße 3", a line "Vollgutlager der Kindl Brauerei, Rollbergstr. 26"."""
        out = []
        for a_start, a_end in addresses:
            bracket = _BRACKETED_VENUE.match(text, a_end)
            if bracket and self.venue_head(bracket.group("name").split()[-1]):
                # "Billerbecker Straße 30a (Edith-Stein-Haus)": the building named after its address
                out.append(Candidate("locations", bracket.start("name"), bracket.end("name"), bracket.group("name"),
                                     attrs={"kind": "venue"}, priority=1))
                continue
            line_start = text.rfind("\n", 0, a_start) + 1
            before = text[max(line_start, a_start - 80) : a_start]
            m = _BEFORE_ADDRESS.search(before)
            parts = text[line_start:a_start].split(",")
            if 3 <= len(parts) <= 4 and not parts[-1].strip() and a_start - line_start <= 100 \
                    and all(x.strip()[:1].isupper() for x in parts[:-1]):
                # a line "Stadtverordneten-Sitzungssaal, Rathaus, Berliner Platz 1": the room or
                # building part first, the venue right before the address
                name = parts[-2].strip()
                if name and len(name.split()) <= 4 and self.venue_head(name.split()[-1]):
                    start = text.index(name, line_start + sum(len(x) + 1 for x in parts[:-2]))
                    out.append(Candidate("locations", start, start + len(name), name, attrs={"kind": "venue"},
                                         priority=1))
                    continue
            if not m:
                continue
            name = m.group("name").strip()
            at_line = max(line_start, a_start - 80) + m.start() == line_start and m.group("prep") is None
            if not (m.group("prep") or at_line):
                continue
            words = name.split()
            if not words or len(words) > 7 or any(w.casefold() in _CALENDAR for w in words):
                continue
            if any(not (w[0].isupper() or w[0] in "„\"" or w in _NAME_LINKS or w in self._legal_words)
                   for w in words):
                continue
            start = max(line_start, a_start - 80) + m.start("name")
            k = bisect.bisect_left(heads, (start, -1))
            if k < len(heads) and heads[k][1] <= start + len(name):
                continue  # "im Europasaal des Jugendkulturzentrums, …": the head venue inside says it
            out.append(Candidate("locations", start, start + len(name), name, attrs={"kind": "venue"}, priority=1))
        return out

    def _online(self, text: str) -> list[Candidate]:
        out = []
        for m in self._online_strong.finditer(text):
            word = m.group(0)
            value = next((p for p in ("Zoom", "Webex", "Teams", "BigBlueButton", "Jitsi") if p.casefold() in word.casefold()), "online")
            out.append(Candidate("locations", m.start(), m.end(), value, attrs={"kind": "online"}, priority=2))
        for m in self._online_word.finditer(text):
            after = text[m.end() : m.end() + 40]
            if self._online_not_after.match(after):
                continue
            lo = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            hi_candidates = [x for x in (text.find(".", m.end()), text.find("\n", m.end())) if x >= 0]
            hi = min(hi_candidates) if hi_candidates else len(text)
            if not self._online_verbs.search(text[lo:hi]):
                continue
            if self._online_cond.search(text[lo : m.start()]):
                continue  # "Falls …, findet das Treffen online statt": a fallback, not the venue
            word = m.group(0)
            value = word if word[0].isupper() and word not in {"Online", "Digital", "Virtuell"} else "online"
            out.append(Candidate("locations", m.start(), m.end(), value, attrs={"kind": "online"}, priority=1))
        for rx in (self._online_kind, self._online_compound, self._online_kind_compound):
            if rx is None:
                continue
            for m in rx.finditer(text):
                lo = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
                if self._online_cond.search(text[lo : m.start()]):
                    continue
                attrs = {"kind": "online"}
                if m.group(0).casefold().endswith(self._online_series):
                    attrs["series"] = True  # "eine Reihe von sieben Online-Donnerstagsvorträgen"
                out.append(Candidate("locations", m.start(), m.end(), "online", attrs=attrs, priority=1))
        return out

    def _in_credit(self, text: str, pos: int) -> bool:
        line_start = text.rfind("\n", 0, pos) + 1
        return bool(re.search(r"(?:©|\(c\)|Foto:|Fotos:|Bild:|Quelle:)", text[line_start:pos]))

    # -- rooms ----------------------------------------------------------------------------
    def _rooms(self, text: str) -> list[Candidate]:
        out = []
        for m in self._room_line.finditer(text) if self._room_line else ():
            out.append(Candidate("rooms", m.start("room"), m.end("room"), m.group("room"), priority=3))
        for m in self._room_id.finditer(text):
            rid = m.group("id")
            if re.fullmatch(r"(?:19|20)\d\d", rid):
                continue  # a year ("Raum 2030" is rather a slogan)
            out.append(Candidate("rooms", m.start(), m.end("id"), rid.replace(" ", ""), priority=2))
        for m in self._named_room.finditer(text):
            suffix = m.group("suffix")
            end = m.end("room")
            value = (m.group("pre") or "") + m.group("room")  # "Stadtverordneten-Sitzungssaal"
            if suffix and not self._generic_word(suffix):
                value = f"{value} {suffix}"
                end = m.end("suffix")
            if m.group("code") and end == m.end("room"):
                value = f"{value} {m.group('code')}"
                end = m.end("code")
            out.append(Candidate("rooms", m.start(), end, value, priority=1))
        for m in self._room_adj.finditer(text):
            adj = m.group("adj")
            room = m.group("room")
            ending = "es" if room.casefold().endswith(self._neut) else "e" if room.casefold().endswith(self._fem) else "er"
            out.append(Candidate("rooms", m.start(), m.end("room"), f"{adj}{ending} {room}", priority=2))
        for m in self._room_compound.finditer(text):
            out.append(Candidate("rooms", m.start("room"), m.end("room"), m.group("room"), priority=1))
        for m in self._floor.finditer(text):
            value = re.sub(r"^im\s+", "", m.group(0))
            start = m.end() - len(value)
            out.append(Candidate("rooms", start, m.end(), re.sub(r"\s+", " ", value), priority=0))
        return out

    _SKIP_SUFFIX = {"Des", "Der", "Im", "Am", "Und", "Statt", "Mit", "Für", "Von"}

    def _generic_word(self, word: str) -> bool:
        return word in self._SKIP_SUFFIX or self.venue_head(word) is not None or word in {
            "Raum", "Zimmer", "Stock", "Obergeschoss", "Erdgeschoss", "Uhr"}

    # -- capacities -----------------------------------------------------------------------
    def _capacities(self, text: str) -> list[Candidate]:
        out = []
        for name, rx in self._capacity:
            for m in rx.finditer(text):
                raw = m.group("n") or m.groupdict().get("n2")
                after = text[m.end() : m.end() + 20].split()
                if after and after[0].strip(",.;") in self.capacity_stop:
                    continue
                value = int(raw) if raw.isdigit() else self.number_words.get(raw.casefold())
                if not value or value > 100000:
                    continue
                out.append(Candidate("capacities", m.start(), m.end(), value,
                                     priority=2 if name != "places" else 1))
        return out

    # -- prices ---------------------------------------------------------------------------
    def _prices(self, text: str) -> list[Candidate]:
        out = []
        for m in self._free.finditer(text):
            if self._free_not.match(text[m.end() : m.end() + 30]):
                continue
            if self._free_not_context is not None:
                lo = max(max(text.rfind(c, 0, m.start()) for c in ".,;\n"), m.start() - 50) + 1
                hi = min(x for x in [text.find(c, m.end()) for c in ".,;\n"] + [m.end() + 50, len(text)] if x >= 0)
                if self._free_not_context.search(text[lo:m.start()] + " " + text[m.end():hi]):
                    continue
            out.append(Candidate("prices", m.start(), m.end(), None, attrs={"free": True}, priority=1))
        amounts = [(m, parse_amount(m.group("a1") or m.group("a2") or m.group("a3")))  # a3: "Eintritt 8,-"
                   for m in self._amount.finditer(text)]
        amounts += [(m, float(self.number_words[m.group("w").casefold()]) or None)  # "fünf Euro"
                    for m in self._word_amount.finditer(text)]
        for m, amount in amounts:
            if amount is None:
                continue
            lo = max(text.rfind(".", 0, m.start() - 1) if m.start() > 0 else 0, text.rfind("\n", 0, m.start()), m.start() - 60)
            window = text[max(0, lo) : m.end() + 25]
            if self._price_stop.search(window):
                continue
            out.append(Candidate("prices", m.start(), m.end(), {"amount": amount, "currency": "EUR"},
                                 attrs={"free": False}, priority=2))
        return out
