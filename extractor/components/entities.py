"""Organisations and persons.

Rules over tokens plus gazetteers kept as data (``models/patterns/entities.json`` names the
word lists under ``models/gazetteers/``):

* **Organisations** grow around a head noun ("Stiftung", "Verband", "Bundesministerium",
  "Leitstelle" …, ``org_heads.txt``): leftwards over name words and adjectives ("Deutschen",
  "Bertelsmann", "Städte- und"), rightwards over an apposed name ("Freiwilligenagentur Win-Win"),
  a "für …" complement, the genitive of the body a unit belongs to ("Ehrenamtskoordination der
  Stadt Kaiserslautern"), a legal form ("e.V.") and an acronym definition ("(DSEE)"). A bare
  head ("der Verein") names nothing and is dropped; a town, district or state is kept only when
  it acts ("Die Stadt Würzburg lädt ein"), not as a place ("im Landkreis Alzey-Worms"). Names are
  put in the nominative (``extractor.normalize.names``). A later bare acronym ("DSEE"), a known
  acronym or a repeated compound head ("die Ehrenamtskoordination") is a mention of the same
  organisation.
* **Persons** are a known first name + surname, or any two name words after a role word,
  "Frau"/"Herr" or an academic title ("Ehrenamtskoordinator Daniel Helmes", "Dr. Johanna
  Rothmann"); titles are stripped, roles before or after the name are attached ("…, Vorsitzende
  des Vereins"), a later surname ("Helmes") links to the full name, spellings meet ("Boßle" /
  "Bossle").
* Photo credits and bylines ("Foto: …", "© Stadt Kaiserslautern", "Von Siiri Klose") hold no
  mentions.
* With a statistical NER (de_core_news_md, or the blank pipeline's compact NER), ``doc.ents``
  ORG/PER add candidates the rules did not find, filtered: a model ORG must be a headless name
  (no town, building, programme, prize or person), a model PER name words only.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..data import load_json, load_lines
from ..normalize.phones import load_area_codes
from ..normalize.names import (
    Head,
    HeadLexicon,
    acronym_of,
    fold,
    nominative_org,
    person_key,
    strip_titles,
)
from .base import Candidate, OverlapPolicy, PatternComponent, doc_text, write

log = logging.getLogger(__name__)

DEFAULT_PATTERNS = "patterns/entities.json"

_NAME_WORD = re.compile(r"^[A-ZÄÖÜ][a-zäöüßéèáàíóúçñëïšžćčğş']+(?:-[A-ZÄÖÜ][a-zäöüßéèáàíóúçñëïšžćčğş']+)*$")
_INITIAL = re.compile(r"^[A-ZÄÖÜ]\.$")
_ACRONYM = re.compile(r"^(?=(?:.*[A-ZÄÖÜ]){2})[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,7}$")
_CAP = re.compile(r"^[A-ZÄÖÜ]")
# words that are no place name after a club's acronym: venues, abstract nouns, pictures
_NOT_PLACE = re.compile(
    r"(?:saal|halle|haus|(?:vereins|sport|pfarr|jugend|alten|senioren|club|klub|schützen|feuerwehr|kinder|pflege|wohn|gemeinde|tennis|reit|turn|sänger|kolping|naturfreunde|wander|ski|segel|schul|freizeit|ferien|heimat|bürger|dorf|gäste|flieger|hunde|golf)heim|platz|straße|weg|raum|zentrum|gelände|anlage|ung|heit|keit|schaft|tion"
    r"|sion|ität|ismus|logo|foto|bild|grafik|team|gruppe|abteilung|sitzung|tag)$", re.I)
# last parts of names that a statistical NER calls ORG but are no organisations (doc.ents only)
_NOT_ORG_WORD = re.compile(
    r"(?:preis|programm|projekt|band|festival|wettbewerb|kampagne|fest|city)(?:es|s|e|en|n)?$", re.I)
#: a chapter of a body known by its acronym, named with its region: "Kreisverband der SPD Rhein-Neckar"
_CHAPTER_OF = re.compile(
    r"^(?P<unit>(?:Orts|Kreis|Stadt|Bezirks|Landes|Regional|Gemeinde)(?:verband|verein|gruppe|vorstand|fraktion))"
    r" der (?P<acr>[A-ZÄÖÜ]{2,6}) (?P<rest>[A-ZÄÖÜ][\w.-]*(?: [A-ZÄÖÜ][\w.-]*){0,2})$"
)
_PRIVATE = {"bare", "known", "locative", "inner", "bare_muni", "surface"}
_DISTRICT = re.compile(r"\bLandkreis(?:es)?\s+([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*)(?![\w-])")
_YEAR_WORD = re.compile(r" (?:1[89]|20)\d\d(?= |$)")


def _lines(paths: Any) -> list[str]:
    if isinstance(paths, str):
        paths = [paths]
    out: list[str] = []
    for p in paths:
        out.extend(load_lines(p))
    return out


@dataclass
class _Org:
    start: int  # token index
    end: int  # token index, exclusive
    value: str
    acronym: Optional[str] = None
    head_word: str = ""
    priority: int = 2
    attrs: dict = field(default_factory=dict)


@Language.factory(
    "aushang_entities",
    default_config={"overlap": {"@misc": "aushang.overlap.longest.v1"}, "use_ents": True},
)
def make_entities(nlp: Language, name: str, overlap: OverlapPolicy, use_ents: bool) -> "EntitiesComponent":
    return EntitiesComponent(name=name, overlap=overlap, use_ents=use_ents)


def _covered(orgs: list["_Org"]) -> set[int]:
    """The token indices the organisations found so far cover."""
    taken: set[int] = set()
    for o in orgs:
        taken.update(range(o.start, o.end))
    return taken


#: "Bücherei der Stadt Eichstätt" is the "Bücherei Eichstätt" of the same text
_OF_TOWN = re.compile(r" (?:der|des) (?:Stadt|Gemeinde|Hansestadt|Marktgemeinde|Landkreises|Kreises) ")


class EntitiesComponent(PatternComponent):
    """Finds organisations and persons (families "organizations" and "persons")."""

    default_patterns = DEFAULT_PATTERNS

    def __init__(self, name: str = "aushang_entities", overlap: Optional[OverlapPolicy] = None,
                 use_ents: bool = True):
        super().__init__(name, overlap)
        self.use_ents = use_ents

    # -- data -----------------------------------------------------------------------------
    def _compile(self, patterns: dict[str, Any]) -> None:
        gz = patterns["gazetteers"]
        self.lexicon = HeadLexicon(_lines(gz["org_heads"]), _lines(gz["org_not_heads"]))
        self.legal_forms = sorted(_lines(gz["legal_forms"]), key=len, reverse=True)
        self._legal_first = {lf.split()[0] for lf in self.legal_forms}
        self.first_names = set(_lines(gz["first_names"]))
        # the broad list (faker's) starts a name but does not make a middle word a second first
        # name ("Paul Gerhardt Stiftspreis" is no "Paul Gerhardt" + surname "Stiftspreis")
        self._chain_first = set(self.first_names)
        self.first_names |= set(_lines(gz.get("first_names_broad", [])))
        self.frequent_surnames = set(_lines(gz.get("frequent_surnames", [])))
        self.common_nouns = set(_lines(gz["common_nouns"]))
        self._long_nouns = tuple(sorted({w.casefold() for w in self.common_nouns if len(w) >= 5}))
        self.roles = sorted({r.casefold() for r in _lines(gz["roles"])}, key=len, reverse=True)
        self._role_cache: dict[str, bool] = {}
        self._role_set = set(self.roles)
        self.titles = list(_lines(gz["titles"]))
        self._title_set = {t.casefold() for t in self.titles}
        self._academic = {t.casefold() for t in self.titles if t.casefold() not in
                          {"herr", "frau", "hr.", "fr."}}
        self.not_surnames = set(_lines(gz["not_surnames"]))
        self._name_continuations = set(patterns.get("name_continuations", []))
        self._districts = set(patterns.get("district_names", []))
        self._town_prefixes = set(patterns.get("town_prefixes", []))
        self._home_town_heads = set(patterns.get("home_town_heads", []))
        self._speech_verbs = set(patterns.get("speech_verbs", []))
        self._event_kinds = tuple(w.casefold() for w in patterns.get("event_words_not_names", []))
        self._not_orgs = tuple(patterns.get("not_organizations", []))
        self._inhabitants = set(patterns.get("not_owned", []))
        self.known: dict[str, tuple[str, Optional[str]]] = {}  # fold(form) -> (name, acronym)
        self.known_acronyms: dict[str, str] = {}
        for line in _lines(gz["known_orgs"]):
            parts = (line.split("\t") + ["", ""])[:3]
            name, acr, forms = parts[0].strip(), parts[1].strip() or None, parts[2].strip()
            for form in [name] + [f for f in forms.split("|") if f]:
                self.known[fold(form)] = (name, acr)
            if acr:
                self.known_acronyms[acr] = name
        self._known_max = max((len(k.split()) for k in self.known), default=1)
        # every prefix of a known name's first word: a token that is none of them cannot
        # start a known name (checked before trying span lengths, which is the costly part)
        self._known_starts = {k.split()[0][:n] for k in self.known for n in range(1, len(k.split()[0]) + 1)}
        # "Leitstelle X der Staatskanzlei Rheinland-Pfalz": is the body a unit belongs to also
        # an organisation of its own? The project's seed annotations say no (one organisation).
        self.parent_bodies = bool(patterns.get("parent_bodies_as_organizations", False))
        self.determiners = {d.casefold() for d in patterns["determiners"]}
        self.adjective_rx = re.compile(patterns["adjective_stems"])
        self.acting_verbs = {v.casefold() for v in patterns["acting_verbs"]}
        self._agent = re.compile(
            "(?:" + "|".join(re.escape(m) for m in sorted(patterns["agent_markers"], key=len, reverse=True))
            + r")\s*(?:der|dem|den|die|das)?\s*$",
            re.I,
        )
        self._credit = re.compile(
            "|".join(re.escape(m) for m in sorted(patterns["credit_markers"], key=len, reverse=True))
        )
        self._byline = re.compile(
            r"^[ \t|]*(?:(?:Text|Ein Beitrag|Bericht)\s+)?[Vv]on\s+[A-ZÄÖÜ][\w.'-]+(?:\s+[A-ZÄÖÜ][\w.'-]+){1,3}[ \t]*(?:[|,–-].*)?$",
            re.M,
        )
        self.particles = {p.casefold() for p in patterns["person_particles"]}
        self._purpose_not = set(patterns.get("purpose_not", []))
        self._place_nouns = set(patterns.get("place_nouns", []))
        self._place_nouns_all = self._place_nouns | set(patterns.get("church_places", []))
        self._venue_before = re.compile(patterns.get("venue_before", "(?!)"), re.I)
        self._legal_linkers = set(patterns.get("legal_name_linkers", []))
        self._descriptors = set(patterns.get("descriptors", []))
        self._acr_expand = dict(patterns.get("acronym_expansions", {}))
        self._inner_titles = frozenset(patterns.get("inner_titles", ()))
        # buildings named by an acronym ("DGH Dainrode", "im MGH") are venues, not clubs
        self._venue_acronyms = frozenset(load_json("patterns/venues.json").get("venue_acronyms", {})) \
            - set(self._acr_expand)
        before_name = patterns.get("descriptors_before_name", {})
        self._desc_quoted = set(before_name.get("quoted", []))
        self._desc_plain = set(before_name.get("plain", []))
        markers = patterns.get("bank_detail_markers", [])
        self._bank_line = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(m) for m in markers) + r")(?!\w)") \
            if markers else None

    # -- pipeline -------------------------------------------------------------------------
    def set_annotations(self, doc: Doc, found: dict[str, list[Candidate]]) -> None:
        policy = self.overlap or (lambda c: c)
        for family, cands in found.items():
            # the body a unit belongs to is a mention of its own inside the unit's name
            # ("Sachgebiet … des Landratsamtes Kronach"): kept when its outer name is kept
            nested = [c for c in cands if c.attrs.get("nested")]
            kept = policy([c for c in cands if not c.attrs.get("nested")])
            for c in nested:
                c.attrs = {k: v for k, v in c.attrs.items() if k != "nested"}
                if any(o.start <= c.start and c.end <= o.end and (o.start, o.end) != (c.start, c.end)
                       for o in kept):
                    kept.append(c)
            write(doc, family, sorted(kept, key=lambda c: c.start) if nested else kept)

    def match(self, doc: Doc) -> dict[str, list[Candidate]]:
        self._ensure()
        ctx = _Context(doc, self)
        orgs = self._organizations(ctx)
        persons = self._persons(ctx, orgs)
        if self.use_ents and doc.ents:
            self._from_ents(ctx, orgs, persons)
        org_cands = self._link_orgs(ctx, orgs)
        person_cands = self._link_persons(ctx, persons, org_cands)
        return {"organizations": org_cands, "persons": person_cands}

    # -- helpers ----------------------------------------------------------------------------
    def is_role(self, word: str) -> bool:
        """A role word ("Bürgermeister", "Vorsitzende", "des Landrates"), also as the end of a
        compound ("Ehrenamtskoordinator"); answers are kept per word."""
        hit = self._role_cache.get(word)
        if hit is None:
            if len(self._role_cache) > 200_000:  # a long-running service sees ever new words
                self._role_cache.clear()
            hit = self._role_cache[word] = self._is_role(word)
        return hit

    def _is_role(self, word: str) -> bool:
        low = word.casefold()
        if not word[:1].isupper():
            return False
        for base in (low, low[:-2] if low.endswith("in") else None, low[:-5] if low.endswith("innen") else None,
                     # genitive singular: "des Bürgermeisters", "des Landrates"
                     low[:-1] if low.endswith("s") else None, low[:-2] if low.endswith("es") else None):
            if not base:
                continue
            if base in self._role_set:
                return True
            for r in self.roles:
                if base.endswith(r) and len(base) - len(r) >= 3:
                    return True
        return False

    def is_title(self, word: str) -> bool:
        return word.casefold() in self._title_set

    def legal_form_at(self, doc: Doc, k: int) -> int:
        """Number of tokens of a legal form starting at token k (0 if none)."""
        if k >= len(doc) or doc[k].text not in self._legal_first:
            return 0
        for lf in self.legal_forms:
            parts = lf.split()
            if k + len(parts) <= len(doc) and [t.text for t in doc[k : k + len(parts)]] == parts:
                return len(parts)
        return 0

    # -- organisations --------------------------------------------------------------------
    def _organizations(self, ctx: "_Context") -> list[_Org]:
        doc = ctx.doc
        out: list[_Org] = []
        covered_until = -1
        for i, tok in enumerate(doc):
            if i < covered_until or ctx.in_credit(i):
                continue
            head = self.lexicon.lookup(tok.text) if _CAP.match(tok.text) else None
            if head is None:
                n = self.legal_form_at(doc, i)
                if n and i > 0:
                    org = self._legal_only(ctx, i, n)
                    if org:
                        out.append(org)
                continue
            org = self._grow(ctx, i, head)
            if org is not None:
                out.append(org)
                covered_until = org.end
                inner = org.attrs.get("inner")
                if inner is not None and self.parent_bodies:
                    sub = self._grow(ctx, inner, self.lexicon.lookup(doc[inner].text))
                    if sub is not None and org.start < sub.start and sub.end <= org.end:
                        sub.attrs["nested"] = True
                        out.append(sub)
        out.extend(self._plural_lists(ctx, out))
        out.extend(self._shared_town_names(ctx, out))
        out.extend(self._described_names(ctx, out))
        out.extend(self._acronym_names(ctx, out))  # "NABU Berlin" before the known "NABU"
        out.extend(self._known_names(ctx, out))
        out = [o for o in out if not self._bank_detail(ctx, o)
               and not any(o.value == x or o.value.endswith(" " + x) for x in self._not_orgs)]
        self._name_bare_munis(ctx, out)
        return out

    _UMLAUT_BACK = str.maketrans("äöü", "aou")

    def _singular_head(self, word: str) -> Optional[Head]:
        """The head a plural names: "Ortsbeiräte" → Ortsbeirat, "Gemeinden" → Gemeinde,
        "Stiftungen" → Stiftung, "Vereine" → Verein."""
        if not _CAP.match(word) or self.lexicon.lookup(word) is not None:
            return None
        forms = []
        if word.endswith("en"):
            forms += [word[:-1], word[:-2]]
        elif word.endswith("n"):
            forms.append(word[:-1])
        if word.endswith("e"):
            stem = word[:-1]
            forms.append(stem)
            k = max(stem.rfind(c) for c in "äöü")
            if k > 0:
                forms.append(stem[:k] + stem[k].translate(self._UMLAUT_BACK) + stem[k + 1:])
        for f in forms:
            h = self.lexicon.lookup(f)
            if h is not None and h.base == f:
                return h
        return None

    def _shared_town_names(self, ctx: "_Context", found: list[_Org]) -> list[_Org]:
        """"Stadt und Landkreis Dachau": the town and its district, two bodies of one name, when
        the district is an organisation here or the pair acts ("das Forum von Stadt und
        Landkreis Dachau")."""
        doc = ctx.doc
        taken = _covered(found)
        out = []
        for i in range(len(doc) - 3):
            if doc[i].text not in {"Stadt", "Gemeinde", "Markt"} or doc[i + 1].text != "und":
                continue
            k = i + 2
            if doc[k].text.casefold() in {"der", "dem", "des"}:
                k += 1
            if k + 1 >= len(doc) or doc[k].text not in {"Landkreis", "Kreis", "Landkreises", "Kreises"} \
                    or ctx.boundary(i, k + 1):
                continue
            e = k + 1
            while e < len(doc) and e - k <= 3 and self._name_word_after_head(ctx, e) and not ctx.boundary(e - 1, e):
                e += 1
            if e == k + 1:
                continue
            name = doc[k + 1:e].text
            district = f"{doc[k].text.rstrip('es') if doc[k].text.endswith('es') else doc[k].text} {name}"
            known = any(o.value == district for o in found)
            acting = known or i == 0 or ctx.sent_start(i) or doc[i - 1].text in {"von", "Von"} \
                or self._acting(ctx, i, e, owner=False)
            if not acting:
                continue
            out.append(_Org(i, i + 1, f"{doc[i].text} {name}", head_word=doc[i].text, priority=1))
            if not known and not any(k <= x < e for x in taken):
                out.append(_Org(k, e, district, head_word=doc[k].text, priority=1))
        return out

    def _plural_lists(self, ctx: "_Context", found: list[_Org]) -> list[_Org]:
        """A plural head over a list of names is one body per name: "die Ortsbeiräte
        Westend/Bleichstraße, Mitte und Frauenstein", "der Gemeinden Schauenburg und Habichtswald"."""
        doc = ctx.doc
        n = len(doc)
        taken = _covered(found)
        out: list[_Org] = []
        for i, tok in enumerate(doc):
            if i in taken or ctx.in_credit(i):
                continue
            head = self._singular_head(tok.text)
            if head is None:
                continue
            names: list[tuple[int, int]] = []
            k = i + 1
            while k < n and not ctx.boundary(k - 1, k):
                s0 = k
                while k < n and not ctx.boundary(k - 1, k) and k - s0 < 4 and (
                        self._list_name_word(ctx, k) or doc[k].text in {"/", "-"} and k > s0
                        and k + 1 < n and self._list_name_word(ctx, k + 1)):
                    k += 1
                if k == s0:
                    break
                names.append((s0, k))
                if k < n and doc[k].text in {",", "und", "sowie", "bzw.", "oder"} and not ctx.boundary(k - 1, k):
                    k += 1
                    if doc[k - 1].text == "," and k < n and doc[k].text in {"und", "sowie"}:
                        k += 1
                    continue
                break
            if len(names) < 2 or any(x in taken for a, b in names for x in range(a, b)):
                continue
            if "muni" in head.flags and not self._acting(ctx, i, names[-1][1]):
                continue
            for a, b in names:
                value = f"{head.base} {doc[a:b].text}"
                out.append(_Org(a, b, value, head_word=head.base, priority=1))
                taken.update(range(a, b))
        return out

    def _list_name_word(self, ctx: "_Context", k: int) -> bool:
        w = ctx.doc[k].text
        if not _NAME_WORD.match(w) or w.casefold() in self.determiners or self.lexicon.lookup(w) is not None:
            return False
        return w in self._districts or w not in self.common_nouns and w not in self.not_surnames

    def _bank_detail(self, ctx: "_Context", o: _Org) -> bool:
        """A bank in a line of bank details ("Sparkasse Osnabrück | BIC: …", "IBAN … Volksbank")
        is an account, not a mention of the announcement."""
        if self._bank_line is None or "bank" not in o.head_word.casefold() and "sparkasse" not in o.head_word.casefold():
            return False
        text = doc_text(ctx.doc)
        a = ctx.doc[o.start].idx
        lo = text.rfind("\n", 0, a) + 1
        hi = text.find("\n", a)
        line = text[lo: hi if hi >= 0 else len(text)]
        return bool(self._bank_line.search(line))

    def _name_bare_munis(self, ctx: "_Context", orgs: list[_Org]) -> None:
        """A town, district or state that acts without its name ("Der Landkreis lädt … ein") is
        the one of that kind the text names ("Landkreis Oberallgäu"), when it names exactly one."""
        named: dict[str, set[str]] = {}
        for v in ctx.muni_names:
            named.setdefault(v.split(" ", 1)[0], set()).add(v)
        for o in orgs:
            if o.attrs.get("bare_muni"):
                vals = named.get(o.value, set())
                if not vals and o.value == "Landkreis":
                    # "Der Landkreis sagt Danke" under the dateline "Kreis Neunkirchen"
                    vals = {"Landkreis " + v.split(" ", 1)[1] for v in named.get("Kreis", set()) if " " in v}
                if len(vals) == 1:
                    o.value = next(iter(vals))
                    del o.attrs["bare_muni"]
                elif not vals and o.value in self._home_town_heads:
                    # "Die Stadt will …" in a text about Erkrath (postcodes, domains, cues)
                    town = ctx.home_town()
                    if town:
                        o.value = f"{o.value} {town}"
                        del o.attrs["bare_muni"]
        orgs[:] = [o for o in orgs if not o.attrs.get("bare_muni")]

    def _described_names(self, ctx: "_Context", found: list[_Org]) -> list[_Org]:
        """A name after a word that only says what kind of body it is: "der Verein „Mittenmang“",
        "die Unternehmensgruppe Deutsche Glasfaser" — the organisation is the name alone."""
        doc = ctx.doc
        n = len(doc)
        taken = _covered(found)
        out: list[_Org] = []
        for i, tok in enumerate(doc):
            w = tok.text
            if w not in self._desc_quoted and w not in self._desc_plain or i + 1 >= n or ctx.in_credit(i) \
                    or ctx.boundary(i, i + 1) or i + 1 in taken:
                continue
            k = i + 1
            if doc[k].text in {"„", '"', "»", "‚"} and w in self._desc_quoted:
                close = next((x for x in range(k + 1, min(n, k + 7)) if doc[x].text in {"“", '"', "«", "‘"}), None)
                if close is None or close == k + 1 or any(x in taken for x in range(k + 1, close)):
                    continue
                words = [doc[x].text for x in range(k + 1, close)]
                if not _CAP.match(words[0]) or any(_NOT_ORG_WORD.search(x) for x in words) \
                        or any(ctx.boundary(x - 1, x) for x in range(k + 1, close + 1)):
                    continue
                out.append(_Org(k + 1, close, doc[k + 1:close].text, head_word=words[-1], priority=1))
                taken.update(range(k + 1, close))
            elif w in self._desc_plain:
                e = k
                while e < n and e - k < 4 and not ctx.boundary(e - 1, e) and _CAP.match(doc[e].text) \
                        and doc[e].text.casefold() not in self.determiners and doc[e].is_alpha \
                        and e not in taken and not self.is_role(doc[e].text) and doc[e].text not in self._descriptors:
                    e += 1
                if e == k or e - k == 1 and doc[k].text in self.common_nouns:
                    continue
                if e < n and (_CAP.match(doc[e].text) and not ctx.boundary(e - 1, e) or e in taken):
                    continue  # runs on into something else
                out.append(_Org(k, e, doc[k:e].text, head_word=doc[e - 1].text, priority=1))
                taken.update(range(k, e))
        return out

    def _acronym_names(self, ctx: "_Context", found: list[_Org]) -> list[_Org]:
        """Clubs and local chapters named by an acronym: "TV 1848 Walldürn", "ADFC Burgwedel",
        "FG „Fideler Aff“"; and an acronym that acts after an article ("Der SVH hat …")."""
        doc = ctx.doc
        n = len(doc)
        taken = _covered(found)
        out: list[_Org] = []
        for i, tok in enumerate(doc):
            w = tok.text
            if i in taken or not _ACRONYM.match(w) or not w.isupper() and not re.match(r"^[A-Z][a-z]?[A-Z]", w) \
                    or ctx.in_credit(i) or w in self._venue_acronyms:
                continue
            k = i + 1
            if k < n and re.fullmatch(r"1[89]\d\d|20\d\d|[0-9]\d", doc[k].text) and not ctx.boundary(i, k):
                k += 1  # founding year: "TV 1848 Walldürn", "SV 49 Großrückerswalde"
            if k + 1 < n and doc[k].text in {"„", '"', "»"} and not ctx.boundary(k - 1, k):
                close = next((x for x in range(k + 1, min(n, k + 6)) if doc[x].text in {"“", '"', "«"}), None)
                if close and close > k + 1 and all(_CAP.match(doc[x].text) for x in range(k + 1, close)):
                    out.append(_Org(i, close + 1, doc[i:close + 1].text, acronym=w, priority=1))
                    taken.update(range(i, close + 1))
                continue
            e = k
            while e < n and e - k < 2 and not ctx.boundary(e - 1, e) and self._place_name(ctx, e):
                e += 1
            if e > k:
                if e < n and re.fullmatch(r"\d{2}|1[89]\d\d", doc[e].text) and not ctx.boundary(e - 1, e) \
                        and not (e + 1 < n and re.match(r"(?:Uhr|Jahre|[.:,]\d)", doc[e + 1].text)):
                    e += 1  # a club's number after its name: "SV Saar 05", "FC Schalke 04"
                s0 = i
                if i >= 2 and doc[i - 1].text == "." and doc[i - 2].text == "1" and not ctx.boundary(i - 2, i):
                    s0 = i - 2  # "der 1. FC Saarbrücken"
                elif i >= 1 and doc[i - 1].text == "1.":
                    s0 = i - 1
                value = doc[s0:e].text
                if w in self._acr_expand:  # "VHS Preetz" -> "Volkshochschule Preetz"
                    value = self._acr_expand[w] + " " + doc[i + 1:e].text
                out.append(_Org(s0, e, value, acronym=w, priority=1))
                taken.update(range(s0, e))
            elif i > 0 and doc[i - 1].text.casefold() in {"der", "die", "das"} and len(w) >= 3 \
                    and w not in self.known_acronyms and self._acting(ctx, i, i + 1, owner=False):
                out.append(_Org(i, i + 1, w, acronym=w, priority=1))
                taken.add(i)
        return out

    def _place_name(self, ctx: "_Context", k: int) -> bool:
        """Token k is a place name that may follow a club's acronym ("Walldürn", "Hemsbach")."""
        doc = ctx.doc
        w = doc[k].text
        return bool(_NAME_WORD.match(w)) and not ctx.sent_start(k) and w not in self.common_nouns \
            and w not in self.first_names and w.casefold() not in self.determiners \
            and not self.lexicon.lookup(w) and not self.is_role(w) and not self.is_title(w) \
            and w not in self.not_surnames and not self._adjective(w) \
            and not _NOT_PLACE.search(w) and not (self._event_kinds and w.casefold().endswith(self._event_kinds))

    def _legal_only(self, ctx: "_Context", i: int, n: int) -> Optional[_Org]:
        """"Tafel Kaiserslautern e.V.": capitalised name words before a legal form."""
        doc = ctx.doc
        s = i
        j = i - 1
        while j >= 0 and i - j <= 6 and not ctx.boundary(j, j + 1):
            w = doc[j].text
            if _CAP.match(w) and w.casefold() not in self.determiners and not ctx.sent_start(j) \
                    and not self.is_role(w) and w not in self._descriptors:
                s = j
            elif (w in {"-"} or w in self._legal_linkers) and j > 0 and _CAP.match(doc[j - 1].text) \
                    and s == j + 1 and doc[j - 1].text.casefold() not in self.determiners \
                    and not ctx.boundary(j - 1, j) \
                    and not (w in {"von", "vom"} and j > 1 and doc[j - 2].text in self.first_names):
                pass  # "Freunde fürs Leben e. V." (not "Steven Keßler von Pfunzkerle e.V.": a person of it)
            else:
                break
            j -= 1
        if s == i and i > 0 and not ctx.boundary(i - 1, i):
            # one word of any case right before the form: "einePause e. V.", "renergie e. V."
            w = doc[i - 1].text
            if w.isalpha() and len(w) >= 4 and not doc[i - 1].is_stop and w.casefold() not in self.determiners:
                s = i - 1
        if s == i:
            return None
        end = i + n
        value = doc[s:end].text
        return _Org(s, end, value, head_word=doc[s].text, priority=1)

    def _left(self, ctx: "_Context", i: int) -> int:
        doc = ctx.doc
        s = i
        j = i - 1
        while j >= 0 and i - j <= 6 and not ctx.boundary(j, j + 1):
            w = doc[j].text
            low = w.casefold()
            if len(w) > 2 and w.endswith("-") and w[0].isupper():  # "Städte-", "Arbeits-"
                s = j
                j -= 1
                continue
            if w == "und" and j > 0 and doc[j - 1].text.endswith("-") and len(doc[j - 1].text) > 2:
                s = j - 1
                j -= 2
                continue
            if (w.islower() and j >= 2 and doc[j - 1].text == "und" and doc[j - 2].text.endswith("-")
                    and self._adjective(w)):
                s = j - 2
                j -= 3
                continue
            if not _CAP.match(w) or low in self.determiners or not any(c.isalpha() for c in w):
                break
            if self.is_title(w) and w.casefold() in self._academic and s == j + 1 and s < i \
                    and doc[s].text in self.first_names:
                s = j  # "Dr. Jürgen Rembold Stiftung"
                j -= 1
                continue
            if self.is_role(w) or self.is_title(w) or w in self.not_surnames or w in self._descriptors:
                break
            if ctx.sent_start(j) and not self._adjective(w) and not self.lexicon.lookup(w):
                # a capitalised sentence opener is a name word only when it is a proper adjective
                if w in self.common_nouns or low in self.determiners or not _NAME_WORD.match(w):
                    break
                if ctx.lower_elsewhere(low):
                    break
            if w in self.common_nouns and not self._adjective(w):
                break
            if self.lexicon.lookup(w):
                break
            if len(w) > 7 and low.endswith(("zeiten", "ungen", "heiten", "keiten")):
                break  # "Öffnungszeiten Schiedsstelle": a plural noun, no name word
            s = j
            j -= 1
        return s

    def _adjective(self, word: str) -> bool:
        low = word.casefold()
        m = re.search(r"(?:en|em|er|es|e)$", low)
        return bool(m) and bool(self.adjective_rx.search(low[: m.start()]))

    def _grow(self, ctx: "_Context", i: int, head: Head) -> Optional[_Org]:
        doc = ctx.doc
        n = len(doc)
        s = self._left(ctx, i)
        e = i + 1
        named = s < i
        # an apposed name: "Freiwilligenagentur Win-Win", "Leitstelle Ehrenamt und Bürgerbeteiligung"
        k = i + 1
        quoted = None
        while k < n and not ctx.boundary(k - 1, k) and k - i <= 6:
            w = doc[k].text
            if "muni" in head.flags and w.endswith("er") and k + 1 < n and doc[k + 1].text in self._inhabitants:
                break  # "lädt die Stadt Vilbeler Bürgerinnen und Bürger ein": the town's people
            if w in self._place_nouns and e == k and k + 1 < n and not ctx.boundary(k, k + 1) \
                    and "muni" not in head.flags and self._name_word_after_head(ctx, k + 1):
                e = k + 2  # "Betreuungsverein Kreis Segeberg", "Klimaschutzagentur Region Hannover"
                k += 2
                continue
            if "muni" in head.flags and e > i + 1 and self._common_noun(doc[k]):
                break  # "der Stadt Bad Schwartau Fahrzeuge und Material": the town's name has ended
            if "muni" in head.flags and k == e and k + 3 < n and _CAP.match(w) and doc[k + 1].text == "(" \
                    and doc[k + 3].text == ")" and not any(ctx.boundary(x - 1, x) for x in range(k + 1, k + 4)) \
                    and self._bracketed_town(w, doc[k + 2].text):
                e = k + 4  # "Stadt Halle (Saale)", "Stadt Frankfurt (Oder)": a town with its river
                break
            if e > i + 1 and k == e and w in {"am", "an", "im", "ob", "bei"}:
                tail = self._place_tail(ctx, i + 1, k)
                if tail:  # "Volkshochschule Brandenburg an der Havel", "Stadt Frankfurt am Main"
                    e = k = tail
                    continue
            if self._name_word_after_head(ctx, k) or self._appos_noun(ctx, i, k, e):
                e = k + 1
                k += 1
                continue
            if w in {"und", "&"} and e == k and e > i + 1 and k + 1 < n and not ctx.boundary(k, k + 1) \
                    and (self._name_word_after_head(ctx, k + 1) or self._appos_noun(ctx, i, k + 1, k)):
                k += 1
                continue
            if w == "/" and e == k and e > i + 1 and k + 1 < n and not doc[k - 1].whitespace_ \
                    and not doc[k].whitespace_ and self._name_word_after_head(ctx, k + 1):
                e = k + 2  # "Ortsbeirat Westend/Bleichstraße"
                k += 2
                continue
            break
        if e == i + 1 and k < n and doc[k].text in {"„", '"', "»"} and head.base not in self._desc_quoted \
                and "muni" not in head.flags and not ctx.boundary(k - 1, k):
            close = next((x for x in range(k + 2, min(n, k + 7)) if doc[x].text in {"“", '"', "«"}), None)
            if close and all(not ctx.boundary(x - 1, x) for x in range(k + 1, close + 1)) \
                    and _CAP.match(doc[k + 1].text) and not any(_NOT_ORG_WORD.search(doc[x].text)
                                                                 for x in range(k + 1, close)):
                e = close + 1  # "Landesarbeitsgemeinschaft „EFI Bayern“"
                quoted = (k, close)
        apposed = e > i + 1 or "proper" in head.flags  # "Burgenlandkreis" is a name itself
        named = named or apposed
        # complements
        inner_head = None
        for _ in range(2):
            k = e
            if k >= n or ctx.boundary(k - 1, k):
                break
            w = doc[k].text
            if w == "im" and k + 2 < n and doc[k + 1].text in {"Kreis", "Landkreis", "Bezirk"} \
                    and not ctx.boundary(k, k + 2) and self._name_word_after_head(ctx, k + 2) \
                    and "muni" not in head.flags and e == i + 1 \
                    and not (k + 3 < n and _CAP.match(doc[k + 3].text) and not ctx.boundary(k + 2, k + 3)):
                e = k + 3  # "Freiwilligenzentrum im Kreis Plön"
                named = True
                continue
            if w == "für":
                end = self._fuer_complement(ctx, k + 1)
                if end:
                    e = end
                    named = True
                    continue
            if w in {"zur", "zum"}:
                end = self._purpose_complement(ctx, k + 1)
                if end:
                    e = end
                    named = True
                    continue
            if w in {"der", "des"} and k + 1 < n and fold(doc[k + 1].text) in self.known \
                    and not ctx.boundary(k, k + 1) and "muni" not in head.flags:
                e = k + 2  # "Bundesvereinigung der Lebenshilfe": a body of a known one
                named = True
                continue
            if w in {"der", "des"} and "local" in head.flags and e == i + 1 and k + 1 < n \
                    and not ctx.boundary(k, k + 1) and (h2 := self.lexicon.lookup(doc[k + 1].text)) is not None \
                    and "proper" in h2.flags:
                e = k + 2  # "Volkshochschule des Kyffhäuserkreises": the district's own institution
                named = True
                continue
            if w in {"der", "des"} and "patron" in head.flags and e == i + 1:
                end = self._patron_complement(ctx, k + 1)
                if end:  # "Förderverein des Museums Schloss Wilhelmsburg"
                    e = end
                    named = True
                    continue
            if w in {"der", "des"} and ("unit" in head.flags or "admin" in head.flags
                                        or head.head.endswith("ministerium")):
                end = self._genitive_complement(ctx, k + 1)
                if end:
                    e = end
                    named = True
                    h_at = next(x for x in range(k + 1, end) if self.lexicon.lookup(doc[x].text))
                    if "muni" not in self.lexicon.lookup(doc[h_at].text).flags:
                        inner_head = h_at
                    continue
            break
        # a place after a complement: "Landeszentrale für politische Bildung Thüringen"
        if e > i + 1 and not apposed and e < n and not ctx.boundary(e - 1, e) \
                and self._name_word_after_head(ctx, e) and doc[e].text not in self.first_names \
                and not (e + 1 < n and _NAME_WORD.match(doc[e + 1].text) and not ctx.boundary(e, e + 1)):
            e += 1
        # a club's founding year after its name: "Turnverein TV 1848", "Männerchor 1841"
        if e < n and re.fullmatch(r"1[89]\d\d", doc[e].text) and not ctx.boundary(e - 1, e) \
                and (apposed or e == i + 1) \
                and not (e + 1 < n and re.match(r"(?:Uhr|Jahre|[.:,]\d|[/–-]|bis\b|und\b)", doc[e + 1].text)):
            e += 1
            named = True
        # legal form, acronym definition
        if e < n and not ctx.boundary(e - 1, e):
            lf = self.legal_form_at(doc, e)
            if lf:
                e += lf
                named = True
        acronym = None
        if e + 2 < n and doc[e].text == "(" and _ACRONYM.match(doc[e + 1].text) and doc[e + 2].text == ")":
            acronym = doc[e + 1].text
            named = True
        if "-" in head.word and not named:
            prefix = head.word.rsplit("-", 1)[0]
            if prefix.split("-")[0] not in self.common_nouns and _CAP.match(prefix):
                named = True
        if "admin" in head.flags:
            named = True
        if not named and s == i and e == i + 1 and "district" in head.flags and not acronym:
            district = ctx.district()
            if district and not self._locative(ctx, s):
                # "an das Landratsamt" in a text about the Landkreis Kronach: its district office
                return _Org(s, e, f"{head.base} {district}", head_word=head.base, priority=1)
        if not named:
            # a bare specific body that acts: "Der Wahlausschuss lädt ein", "Die Volkshochschule
            # lädt ein", "das Team der Stadtbibliothek" (a compound or a local institution; a
            # bare generic head — "der Verein" — names nothing)
            if s == i and e == i + 1 and "muni" not in head.flags and self._specific_head(head) \
                    and not acronym and self._acting(ctx, s, e, owner=False):
                return _Org(s, e, head.base, head_word=head.base, priority=1, attrs={"bare": True})
            if s == i and e == i + 1 and "muni" in head.flags and not acronym \
                    and self._acting(ctx, s, e, owner=False):
                return _Org(s, e, head.base, head_word=head.base, priority=1, attrs={"bare_muni": True})
            return None
        if "muni" in head.flags and apposed and s == i:
            ctx.muni_names.add(re.sub(r"\s+", " ", " ".join([head.base] + [t.text for t in doc[i + 1:e]])))
        if "muni" in head.flags and not apposed:
            return None
        if "muni" in head.flags and not self._acting(ctx, s, e):
            return None
        if apposed and e == i + 2 and self.is_role(doc[i].text) and not acronym:
            return None  # "Stadtrat Hortolani": a role before a surname, not a council
        words = [t.text for t in doc[s:e]]
        spaces = [t.whitespace_ for t in doc[s:e]]
        if quoted is not None:  # the quotes are no part of the name
            drop = {quoted[0] - s, quoted[1] - s}
            spaces = [sp if x not in drop else "" for x, sp in enumerate(spaces)]
            spaces[quoted[0] - s - 1] = " "
            words = [w for x, w in enumerate(words) if x not in drop]
            spaces = [sp for x, sp in enumerate(spaces) if x not in drop]
        if "local" in head.flags and s == i - 1 and not apposed and e == i + 1:
            town = self._town_of(ctx, doc[s].text)
            if town:  # "Landsberger Landratsamt" -> "Landratsamt Landsberg"
                return _Org(s, e, f"{head.base} {town}", head_word=head.base)
        if "local" in head.flags and s == i - 3 and not apposed and e == i + 1 and doc[i - 1].text == "und" \
                and doc[i - 2].text.endswith("-"):
            town = self._town_of(ctx, doc[s].text)
            if town:  # "Geraer Stadt- und Regionalbibliothek" -> "Stadt- und Regionalbibliothek Gera"
                return _Org(s, e, f"{doc[i - 2].text} und {head.base} {town}", head_word=head.base)
        if "local" in head.flags and s == i and not apposed and e == i + 1:
            if "unit" not in head.flags and self._acting(ctx, s, e, owner=False):  # "Die Volkshochschule lädt ein"
                return _Org(s, e, head.base, head_word=head.base, priority=1, attrs={"bare": True})
            return None  # a bare "Volkshochschule", "Landratsamt" names no particular body
        value = nominative_org(words, spaces, i - s, head.gender, head.base, self.adjective_rx)
        value = re.sub(r"\s+", " ", value)
        value = re.sub(r", (und|sowie) ", r" \1 ", value)  # "Frauen, und Jugend"
        if head.base == "Verein" and s == i and apposed and quoted is None and not acronym \
                and not self._common_noun(doc[i + 1]) and not self._adjective(doc[i + 1].text) \
                and not self._noun_compound(doc[i + 1].text):
            # "der Verein MiBiKids": the word only says what kind of body MiBiKids is (but
            # "Verein Heimatmuseum", "Verein Deutscher Ingenieure" are names)
            value = re.sub(r"\s+", " ", doc[i + 1 : e].text)
        end_tok = e + 3 if acronym else e
        attrs = {"locative": True} if "place" in head.flags and self._locative(ctx, s) else {}
        if inner_head is not None:
            attrs["inner"] = inner_head
        return _Org(s, end_tok, value, acronym=acronym, head_word=head.base, attrs=attrs)

    def _locative(self, ctx: "_Context", s: int) -> bool:
        """The name at s stands where a building does: after "im", "ins", "in der", or as the
        genitive of a room ("im Europasaal des Jugendkulturzentrums")."""
        doc = ctx.doc
        j = s - 1
        while j >= 0 and s - j <= 3 and (doc[j].text.casefold() in {"der", "dem", "den", "das", "des"}
                                          or doc[j].text.islower() and self._adjective(doc[j].text)
                                          or _CAP.match(doc[j].text) and self._adjective(doc[j].text)):
            if doc[j].text.casefold() in {"der", "des"} and j > 0 and self._venue_before.search(doc[j - 1].text):
                return True
            j -= 1
        return j >= 0 and doc[j].text.casefold() in {"im", "ins", "in", "am", "beim"}

    def _appos_noun(self, ctx: "_Context", i: int, k: int, e: int) -> bool:
        """A common noun that still belongs to a name apposed to the head at i: after a town
        adjective ("Quartiersmanagement Falkenhagener Feld") or coordinated with the name word
        before it ("… Feld Ost und West")."""
        doc = ctx.doc
        w = doc[k].text
        if k < i + 2 or w not in self.common_nouns or ctx.sent_start(k) or self.lexicon.lookup(w):
            return False
        if e == k:
            return self._town_adjective(doc[k - 1].text)
        return e == k - 1 and doc[k - 1].text == "und" and k - 2 > i and _CAP.match(doc[k - 2].text) is not None

    def _town_adjective(self, word: str) -> bool:
        """A capitalised adjective made from a place name: "Falkenhagener", "Kölner"."""
        return len(word) > 4 and word.endswith("er") and _NAME_WORD.match(word) is not None \
            and word not in self.common_nouns and not self._adjective(word) \
            and word not in self.first_names

    @staticmethod
    def _specific_head(head: Head) -> bool:
        """A head word that names a kind of body specific enough to stand alone when it acts:
        a compound ("Kreisausschuss", "Anwaltsverein", "Seniorenbeirat") or a local
        institution ("Volkshochschule", "Stadtbibliothek")."""
        if "local" in head.flags and "unit" not in head.flags:
            return True
        base = head.base.rsplit("-", 1)[-1]
        return len(base) - len(head.head) >= 3 and "-" not in head.base

    def _town_of(self, ctx: "_Context", word: str) -> Optional[str]:
        """The town a town adjective names, when the text also names the town: "Landsberger"
        → "Landsberg"; "Kölner" → "Köln"."""
        if not word.endswith("er") or len(word) < 6 or self._adjective(word):
            return None
        stem = word[:-2]
        for town in (stem, stem + "e", stem[:-1] if stem.endswith("n") else None):
            if town and re.search(r"(?<![\w-])" + re.escape(town) + r"(?![\w])", doc_text(ctx.doc)):
                return town
        return None

    @staticmethod
    def _place_tail(ctx: "_Context", a: int, k: int) -> int:
        """End of a town's name that goes on with "am"/"an der" … at k ("Brandenburg [an der
        Havel]", "Frankfurt [am Main]"), when the place-name table knows it; else 0."""
        doc = ctx.doc
        codes = load_area_codes().codes
        for size in (3, 2):
            end = k + size
            if end <= len(doc) and not any(ctx.boundary(x - 1, x) for x in range(k, end)) \
                    and doc[end - 1].text[:1].isupper() and doc[a:end].text in codes:
                return end
        return 0

    @staticmethod
    def _bracketed_town(town: str, qualifier: str) -> bool:
        """"Halle" "(Saale)" is a town's name (the place names of gazetteers/area_codes.tsv),
        "Hildrizhausen (Druckversion)" is not."""
        codes = load_area_codes().codes
        return f"{town} ({qualifier})" in codes or f"{town} {qualifier}" in codes

    def _role_apposed(self, ctx: "_Context", s: int) -> Optional[str]:
        """The role of a name in apposition to a role phrase: "die Vorsitzende des
        Kreisseniorenrats Mansfeld-Südharz, Karina Kaiser, …" → "Vorsitzende"."""
        doc = ctx.doc
        if s < 3 or doc[s - 1].text != "," or ctx.boundary(s - 1, s):
            return None
        lo = max(ctx.sent_lo(s), s - 8)
        hit = next((x for x in range(s - 3, lo - 1, -1)
                    if self.is_role(doc[x].text) and doc[x + 1].text in {"der", "des"}), None)
        return self._role_nominative(doc[hit].text) if hit is not None else None

    def _speaker(self, ctx: "_Context", s: int, e: int) -> bool:
        """Tokens s..e are someone who speaks: "sagt Joachim Richter", "Gunther Krauss referierte"."""
        doc = ctx.doc
        return s > 0 and doc[s - 1].text in self._speech_verbs and not ctx.boundary(s - 1, s) \
            or e < len(doc) and doc[e].text in self._speech_verbs and not ctx.boundary(e - 1, e)

    def _noun_compound(self, word: str) -> bool:
        """A compound whose last part is a common noun ("Heimatmuseum"): a word, not a name."""
        low = word.casefold()
        return any(low.endswith(c) and len(low) > len(c) for c in self._long_nouns)

    def _common_noun(self, tok) -> bool:
        """A capitalised word tagged as no entity, also inflected ("Lehrern" by its lemma "Lehrer")."""
        w = tok.text
        return w in self.common_nouns or tok.lemma_ != w and tok.lemma_ in self.common_nouns

    def _name_word_after_head(self, ctx: "_Context", k: int) -> bool:
        doc = ctx.doc
        w = doc[k].text
        if not _CAP.match(w) or ctx.sent_start(k):
            return False
        if not any(c.isalpha() for c in w) or w.casefold() in self.determiners:
            return False
        if w in self.not_surnames or self.is_role(w) or self.is_title(w):
            return False
        if self.lexicon.lookup(w) is not None:
            return False
        if len(w) > 8 and w.endswith("innen") and "-" not in w:
            return False  # "dem Seniorenbeirat Seniorinnen und Senioren": people, not a name
        if w in self.first_names and k + 1 < len(doc) and _NAME_WORD.match(doc[k + 1].text):
            return False  # "Verein Anna Müller …" is rather a person next to it
        if _ACRONYM.match(w) and (k > 0 and doc[k - 1].text == "(" or w in self.known_acronyms
                                  or fold(w) in self.known):
            return False  # "Verbraucherzentrale und AOK": a known body of its own
        if w in self._districts and k > 0 and (h := self.lexicon.lookup(doc[k - 1].text)) is not None \
                and "local" in h.flags:
            return True  # "Ortsbeirat Mitte", "Bezirksamt Nord": a district names a local body
        if self._event_kinds and w.casefold().endswith(self._event_kinds):
            return False  # "der Caritas Entdecker-Tour", "Verein Sommerfest": an event, not a name
        if w in self._town_prefixes and k + 1 < len(doc) and _CAP.match(doc[k + 1].text) \
                and not ctx.boundary(k, k + 1):
            return True  # "Stadt Bad Vilbel", "Gemeinde Sankt Augustin": a town's name prefix
        if self._common_noun(doc[k]):
            # "Bürgerschaftliches Engagement", "Ehrenamt und Bürgerbeteiligung", "Forum (FZ)";
            # an inflected common noun by its lemma ("Lehrern" → "Lehrer")
            after_adj = k > 0 and _CAP.match(doc[k - 1].text) and self._adjective(doc[k - 1].text)
            before_and = k + 1 < len(doc) and doc[k + 1].text == "und"
            before_acr = k + 2 < len(doc) and doc[k + 1].text == "(" and _ACRONYM.match(doc[k + 2].text)
            if not (after_adj or before_and or before_acr):
                return False
        return True

    def _fuer_complement(self, ctx: "_Context", k: int) -> int:
        """End (exclusive) of "für Familie, Senioren, Frauen und Jugend" starting after "für"."""
        doc = ctx.doc
        n = len(doc)
        items_end: list[int] = []
        seps: list[str] = []
        placed = False
        if k + 2 < n and doc[k].text in {"den", "die", "das"} and doc[k + 1].text in self._place_nouns_all \
                and not ctx.boundary(k, k + 1):
            k += 1  # "für den Landkreis Miltenberg", "für die Erzdiözese Bamberg"
            placed = True
        while k < n and not ctx.boundary(k - 1, k):
            j = k
            while j < n and doc[j].text.islower() and self._adjective(doc[j].text) and not ctx.boundary(j - 1, j):
                j += 1
            if j < n and _CAP.match(doc[j].text) and doc[j].text.casefold() not in self.determiners \
                    and any(c.isalpha() for c in doc[j].text) and not ctx.boundary(j - 1, j):
                j += 1
                if placed:
                    if j < n and not ctx.boundary(j - 1, j) and self._name_word_after_head(ctx, j):
                        return j + 1
                    return 0
                # a truncated compound "Kinder- und Jugendhilfe" stays one item
                items_end.append(j)
            else:
                break
            if j < n and doc[j].text in {",", "und", "sowie"} and not ctx.boundary(j - 1, j):
                seps.append(doc[j].text)
                k = j + 1
                if doc[j].text == "," and k < n and doc[k].text in {"und", "sowie"}:
                    seps[-1] = doc[k].text  # "Frauen, und Jugend"
                    k += 1
                continue
            break
        if not items_end:
            return 0
        if len(items_end) == 1:
            return items_end[0]
        # commas only inside an enumeration that ends with "und": "Familie, Senioren, … und Jugend"
        if seps and seps[len(items_end) - 2] in {"und", "sowie"} and all(
            s == "," for s in seps[: len(items_end) - 2]
        ):
            return items_end[-1]
        if seps[0] == "und":
            return items_end[1]
        return items_end[0]

    def _purpose_complement(self, ctx: "_Context", k: int) -> int:
        """End of "[zur] Förderung des bürgerschaftlichen Engagements" after "zur"/"zum", or 0."""
        doc = ctx.doc
        n = len(doc)
        if k >= n or ctx.boundary(k - 1, k) or not _CAP.match(doc[k].text) or not doc[k].is_alpha:
            return 0
        end = k + 1
        w = doc[k].text
        genitive = end < n and doc[end].text in {"der", "des"} and not ctx.boundary(end - 1, end)
        if not genitive and (not w.endswith("ung") or w in self._purpose_not):
            return 0  # "zur Verfügung", "zum Thema": no purpose of a name
        if genitive:
            j = end + 1
            while j < n and doc[j].text.islower() and self._adjective(doc[j].text) and not ctx.boundary(j - 1, j):
                j += 1
            if j < n and _CAP.match(doc[j].text) and doc[j].is_alpha and not ctx.boundary(j - 1, j):
                end = j + 1
        return end

    def _patron_complement(self, ctx: "_Context", k: int) -> int:
        """End of the institution a friends' association supports, after the article: "[des]
        Museums Schloss Wilhelmsburg", "[der] Elisabeth-Selbert-Gemeinschaftsschule", "[der]
        Stadtbibliothek"; 0 for anything else."""
        doc = ctx.doc
        n = len(doc)
        j = k
        while j < n and _CAP.match(doc[j].text) and self._adjective(doc[j].text) and not ctx.boundary(j - 1, j):
            j += 1
        if j >= n or ctx.boundary(j - 1, j) or not _NAME_WORD.match(doc[j].text) \
                or doc[j].text.casefold() in self.determiners or self.is_role(doc[j].text) \
                or doc[j].text in self.first_names:
            return 0
        end = j + 1
        while end < n and not ctx.boundary(end - 1, end) and end - j <= 3:
            if self._name_word_after_head(ctx, end):
                end += 1
            elif end + 1 < n and _NAME_WORD.match(doc[end].text) and not ctx.boundary(end, end + 1) \
                    and self._name_word_after_head(ctx, end + 1) and not self._common_noun(doc[end + 1]):
                end += 2  # "des Museums Schloss Wilhelmsburg": a building's name
            else:
                break
        h = self.lexicon.lookup(doc[j].text)
        if h is not None and end == j + 1 and j == k and not self._specific_head(h):
            return 0  # "der Förderverein des Vereins": a generic body names none
        return end

    def _genitive_complement(self, ctx: "_Context", k: int) -> int:
        """End of "[der] Stadt Kaiserslautern", "[der] Staatskanzlei Rheinland-Pfalz" after the
        article, or 0."""
        doc = ctx.doc
        n = len(doc)
        j = k
        while j < n and _CAP.match(doc[j].text) and self._adjective(doc[j].text) and not ctx.boundary(j - 1, j):
            j += 1
        if j >= n or ctx.boundary(j - 1, j):
            return 0
        h = self.lexicon.lookup(doc[j].text)
        if h is None:
            return 0
        end = j + 1
        while end < n and not ctx.boundary(end - 1, end) and self._name_word_after_head(ctx, end) \
                and end - j <= 3:
            end += 1
        if "muni" in h.flags and end == j + 1 and h.head not in {"land"} and "proper" not in h.flags:
            return 0  # "der Stadt" alone names no body
        return end

    def _acting(self, ctx: "_Context", s: int, e: int, owner: bool = True) -> bool:
        """A town/district/state acts: subject of an acting verb, or agent after a marker; with
        ``owner`` also when it owns something ("die Kampagne der Stadt Emmendingen")."""
        doc = ctx.doc
        before = doc_text(doc)[max(0, doc[s].idx - 40) : doc[s].idx]
        if self._agent.search(before):
            return True
        if e + 2 < len(doc) and doc[e].text == "," and doc[e + 1].text == "vertreten" and doc[e + 2].text == "durch":
            return True  # "Die Stadt Waldenbuch, vertreten durch Bürgermeister …"
        if s == 0 or ctx.sent_start(s) and self._whole_line(ctx, s, e):
            return s > 0 or self._whole_line(ctx, s, e)  # "Gemeinde Schauenburg" as a letterhead
        det = doc[s - 1].text.casefold()
        if det in {"die", "der", "das"} and e - s >= 2 and (ctx.sent_start(s - 1) or doc[s - 2].text in {"–", ":"}) \
                and not self._whole_line(ctx, s - 1, e):
            return True  # the subject that opens a sentence: "Die Gemeinde Grünwald hat …"
        if det == "der" and s >= 2 and doc[s - 2].text.casefold() == "von":
            return True  # "Jennifer Marunge von der Stadt Senftenberg", "gefördert von der Stadt …"
        if owner and det in {"der", "des"} and s >= 2 and _CAP.match(doc[s - 2].text) and not ctx.sent_start(s - 2) \
                and doc[s - 2].text.casefold() not in self.determiners and doc[s - 2].text.replace("-", "").isalpha() \
                and doc[s - 2].text not in self._inhabitants:
            return True  # the town owns something: "die Kampagne der Stadt Emmendingen"
        if det not in {"die", "der", "das"}:
            return False
        prev = s - 2
        if prev >= 0 and not ctx.sent_start(s - 1):
            pw = doc[prev].text.casefold()
            if pw not in self.acting_verbs and pw not in {",", "und", "sowie", "auch", "nun", "jetzt"}:
                return False
        lo = max(ctx.sent_lo(s), s - 6)
        hi = min(ctx.sent_hi(s), e + 10)
        return any(doc[x].text.casefold() in self.acting_verbs for x in range(lo, hi) if x < s - 1 or x >= e)

    @staticmethod
    def _whole_line(ctx: "_Context", s: int, e: int) -> bool:
        """Tokens s..e are a line of their own."""
        doc = ctx.doc
        text = doc_text(doc)
        a, b = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
        line_lo = text.rfind("\n", 0, a) + 1
        line_hi = text.find("\n", b)
        line_hi = len(text) if line_hi < 0 else line_hi
        return not text[line_lo:a].strip() and not text[b:line_hi].strip()

    def _known_names(self, ctx: "_Context", found: list[_Org]) -> list[_Org]:
        """Well-known organisations written without a head noun ("Caritas", "Arbeiterwohlfahrt")."""
        doc = ctx.doc
        taken = _covered(found)
        out = []
        for i, tok in enumerate(doc):
            if i in taken or not _CAP.match(tok.text) or fold(tok.text) not in self._known_starts:
                continue
            for size in range(min(self._known_max, len(doc) - i), 0, -1):
                span = doc[i : i + size]
                hit = self.known.get(fold(span.text))
                if hit and not any(x in taken for x in range(i, i + size)) and not ctx.in_credit(i):
                    end = i + size
                    acr = None
                    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
                            and _ACRONYM.match(doc[end + 1].text):
                        acr = doc[end + 1].text
                        end += 3
                    value = hit[0]
                    if size == 1 and not acr and end < len(doc) and not ctx.boundary(end - 1, end) \
                            and self._place_name(ctx, end) and self.lexicon.lookup(doc[end].text) is None:
                        # a local chapter named by the short name and its town: "Malteser Ravensburg"
                        value = f"{tok.text} {doc[end].text}"
                        end += 1
                    out.append(_Org(i, end, value, acronym=acr or hit[1], priority=1,
                                    attrs={"known": True, "surface": tok.text if size == 1 else None}))
                    taken.update(range(i, end))
                    break
        return out

    def _continues(self, rest: str) -> bool:
        """The rest of a longer name continues a shorter one as a complement or legal form:
        "… der Stadt X", "… zur Förderung …", "… für Bildung", "… e. V."."""
        first = rest.split(" ", 1)[0]
        return first in {"der", "des", "zur", "zum", "für"} or any(
            rest == lf for lf in self.legal_forms)

    def _town_tail(self, rest: str) -> bool:
        """The rest of a longer name is a town's name only: "Dainrode", "Bad Vilbel"."""
        words = rest.split(" ")
        return 1 <= len(words) <= 2 and all(
            _NAME_WORD.match(w) and w not in self.common_nouns and self.lexicon.lookup(w) is None
            and w.casefold() not in self.determiners and not self._adjective(w) for w in words)

    def _link_orgs(self, ctx: "_Context", orgs: list[_Org]) -> list[Candidate]:
        doc = ctx.doc
        for o in orgs:
            # "Kreisverband der SPD Rhein-Neckar" is the "SPD-Kreisverband Rhein-Neckar"
            m = _CHAPTER_OF.match(o.value)
            if m and not o.acronym:
                o.value = f"{m.group('acr')}-{m.group('unit')} {m.group('rest')}"
        # a shorter name that a longer one continues ("Leitstelle X" ~ "Leitstelle X der Y")
        values = sorted({o.value for o in orgs}, key=len, reverse=True)
        canon: dict[str, str] = {}
        for v in values:
            for longer in values:
                if len(longer) > len(v) and (longer.startswith(v + " ") and self._continues(longer[len(v) + 1:])
                                             or _YEAR_WORD.sub("", longer) == v  # "TV 1848 Walldürn"
                                             or _OF_TOWN.sub(" ", longer) == v  # "Bücherei der Stadt X"
                                             or longer.endswith("- und " + v)):  # a line-broken "Heimat- und\nKulturverein X"
                    canon[v] = canon.get(longer, longer)
                    break
            else:
                # "Der Heimat- und Kulturverein hofft …" ~ "Heimat- und Kulturverein Dainrode": the
                # one name of the text that adds only its town
                towns = [w for w in values if w.startswith(v + " ") and self._town_tail(w[len(v) + 1:])]
                if len(towns) == 1 and self.lexicon.lookup(v.rsplit(" ", 1)[-1]) is not None:
                    canon[v] = canon.get(towns[0], towns[0])
        for o in orgs:
            # a well-known short name ("Caritas") is the local body the text names in full
            # ("Caritas Biberach-Saulgau", "Caritasverband für die Erzdiözese Bamberg")
            if o.attrs.get("known"):
                # also as written: "der Malteser" ~ "Malteser Ravensburg", "Caritas" ~ "Caritas X"
                forms = {o.value} if " " not in o.value else set()
                if o.attrs.get("surface") and o.attrs["surface"] != o.value:
                    forms.add(o.attrs["surface"])
                longer = [v for v in values for f in forms
                          if v != o.value and v.startswith(f) and len(v) > len(f) and not self.known.get(fold(v))]
                if len(set(longer)) == 1:
                    canon.setdefault(o.value, canon.get(longer[0], longer[0]))
        # a building's name that only ever stands as a place ("ins Landratsamt Oberallgäu")
        elsewhere = {canon.get(o.value, o.value) for o in orgs if not o.attrs.get("locative")}
        orgs = [o for o in orgs if not o.attrs.get("locative") or canon.get(o.value, o.value) in elsewhere]
        acr_of: dict[str, str] = {}
        for o in orgs:
            o.value = canon.get(o.value, o.value)
            if o.acronym:
                acr_of.setdefault(o.acronym, o.value)
        for o in orgs:
            if not o.acronym:
                for a, v in acr_of.items():
                    if v == o.value:
                        o.acronym = a
        taken = set()
        for o in orgs:
            taken.update(range(o.start, o.end))
        by_initials: dict[str, str] = {}
        for v in {o.value for o in orgs}:
            for a in acronym_of(v, self.lexicon):
                by_initials.setdefault(a, v)
        heads: dict[str, str] = {}
        for o in orgs:
            if o.head_word and len(o.head_word) > 6 and not o.attrs.get("bare"):
                heads.setdefault(fold(o.head_word), o.value)
        for o in orgs:
            # a bare head that acts ("Die Volkshochschule lädt ein") is the named body of that
            # kind when the text names one ("Volkshochschule Ratzeburg")
            if o.attrs.get("bare") and heads.get(fold(o.head_word)):
                o.value = heads[fold(o.head_word)]
        extra: list[_Org] = []
        for i, tok in enumerate(doc):
            if i in taken or ctx.in_credit(i):
                continue
            w = tok.text
            if _ACRONYM.match(w):
                # a known acronym alone is the local body the text names with it ("AWO" ~
                # "AWO-Ortsverein Aalen", "DRK" ~ "DRK-Ortsverein Waldenbuch")
                local = {v for v in values if v.startswith(w + "-") or v.startswith(w + " ")} \
                    if w in self.known_acronyms else set()
                value = acr_of.get(w) or by_initials.get(w.upper()) or (local.pop() if len(local) == 1 else None) \
                    or self.known_acronyms.get(w)
                if value:
                    extra.append(_Org(i, i + 1, value, acronym=w, priority=1))
                    acr_of.setdefault(w, value)
                continue
            if _CAP.match(w):
                h = self.lexicon.lookup(w)
                if h is not None and "muni" not in h.flags:
                    v = heads.get(fold(h.base))
                    if v and fold(h.base) != fold(v):
                        extra.append(_Org(i, i + 1, v, priority=0))
        out = []
        for o in orgs + extra:
            acr = o.acronym or next((a for a, v in acr_of.items() if v == o.value), None)
            start = doc[o.start].idx
            last = doc[o.end - 1]
            out.append(Candidate("organizations", start, last.idx + len(last.text), o.value,
                                 attrs={"acronym": acr, **{k: v for k, v in o.attrs.items() if k not in _PRIVATE}},
                                 priority=o.priority))
        return out

    # -- persons --------------------------------------------------------------------------
    def _persons(self, ctx: "_Context", orgs: list[_Org]) -> list[dict]:
        doc = ctx.doc
        n = len(doc)
        in_org = set()
        for o in orgs:
            in_org.update(range(o.start, o.end))
        out: list[dict] = []
        i = 0
        while i < n:
            tok = doc[i]
            if ctx.in_credit(i) or not _CAP.match(tok.text):
                i += 1
                continue
            # titles and honorifics
            j = i
            academic = honorific = False
            while j + 1 < n and self.is_title(doc[j].text) and not ctx.boundary(j, j + 1):
                if doc[j].text.casefold() in self._academic:
                    academic = True
                else:
                    honorific = True
                j += 1
            role_before = None
            if i > 0 and self.is_role(doc[i - 1].text) and not ctx.boundary(i - 1, i):
                role_before = self._role_nominative(doc[i - 1].text)
            if j == i and (self.is_role(tok.text) or not self._first_name(tok.text)):
                # a name starts with a first name unless a title, honorific or role stands before
                peek = [] if role_before or self.is_role(tok.text) else self._name_words(ctx, j)
                vouched = len(peek) == 2 and (self._role_after(ctx, peek[-1] + 1) is not None
                                              or self._speaker(ctx, i, peek[-1] + 1)) \
                    and not any(self._common_noun(doc[x]) or doc[x].is_stop for x in peek)
                if not (role_before and _NAME_WORD.match(tok.text)) and not vouched:
                    i += 1
                    continue
            words = self._name_words(ctx, j)
            if not words:
                i = max(i + 1, j)
                continue
            end = words[-1] + 1
            name_toks = [doc[x].text for x in words]
            if any(x in in_org for x in range(j, end)):
                i = end
                continue
            # a name directly followed by an organisation/venue head is part of that name
            if end < n and not ctx.boundary(end - 1, end) and _CAP.match(doc[end].text) and (
                    self.lexicon.lookup(doc[end].text) or doc[end].text in self._name_continuations):
                i = end
                continue
            first_known = self._first_name(name_toks[0])
            role_after = self._role_after(ctx, end)
            # "Miko Runkel, Bürgermeister für Recht": a role after the name vouches for it too
            apposed_role = self._role_apposed(ctx, j)
            context = bool(role_before or role_after or apposed_role) or academic or honorific \
                or self._speaker(ctx, j, end)
            full = len([w for w in name_toks if not _INITIAL.match(w)]) >= 2
            surname = name_toks[-1]
            ok_surname = surname not in self.not_surnames and not self.is_role(surname) \
                and not ((surname in self.common_nouns or surname.split("-")[-1] in self.common_nouns
                          or surname.split("-")[0] in self.common_nouns) and not context
                         and not (first_known and surname in self.frequent_surnames))
            if full and ok_surname and (first_known or (context and name_toks[0] not in self.common_nouns)):
                value = " ".join(name_toks)
            elif academic and len(name_toks) == 1 and ok_surname and surname not in self.common_nouns:
                value = surname  # "Dr. Rothmann": title and surname only
            else:
                i = end if j > i else i + 1
                continue
            role = role_before or role_after or self._role_line(ctx, i if j > i else j, end) or apposed_role
            out.append({"start": i if (j > i) else j, "tok_start": j, "end": end, "value": value,
                        "role": role, "full": full, "priority": 2})
            i = end
        out.extend(self._listed_persons(ctx, out, in_org))
        return out

    def _plain_name_pair(self, ctx: "_Context", a: int) -> bool:
        """Tokens a, a+1 look like "First Last" (two name words, neither a common noun)."""
        doc = ctx.doc
        if a < 0 or a + 1 >= len(doc) or ctx.boundary(a, a + 1) or ctx.in_credit(a):
            return False
        for w in (doc[a].text, doc[a + 1].text):
            if not _NAME_WORD.match(w) or w in self.common_nouns or w in self.not_surnames \
                    or self.is_role(w) or self.is_title(w) or self.lexicon.lookup(w):
                return False
        return True

    def _listed_persons(self, ctx: "_Context", found: list[dict], in_org: set) -> list[dict]:
        """Names listed next to a known person are persons too: "an Sylvia Dichtl, Domenik
        Hild, Marcus Mettler" — each item two name words, separated by "," or "und"."""
        doc = ctx.doc
        n = len(doc)
        taken = set()
        for p in found:
            taken.update(range(p["tok_start"], p["end"]))
        extra: list[dict] = []
        for p in [p for p in found if p["full"]]:
            for direction in (1, -1):
                if direction == 1:
                    k = p["end"]
                    while k + 2 < n and doc[k].text in {",", "und", "sowie"} and not ctx.boundary(k, k + 1) \
                            and self._plain_name_pair(ctx, k + 1) and k + 1 not in taken and k + 1 not in in_org:
                        after = doc[k + 3].text if k + 3 < n else "."
                        if after not in {",", "und", "sowie", ".", ")", ";", "(", ":"} and not ctx.boundary(k + 2, min(k + 3, n - 1)):
                            break
                        extra.append({"start": k + 1, "tok_start": k + 1, "end": k + 3,
                                      "value": f"{doc[k + 1].text} {doc[k + 2].text}",
                                      "role": self._role_after(ctx, k + 3), "full": True, "priority": 1})
                        taken.update((k + 1, k + 2))
                        k += 3
                else:
                    k = p["tok_start"] - 1
                    while k - 2 >= 0 and doc[k].text in {",", "und", "sowie"} and \
                            self._plain_name_pair(ctx, k - 2) and k - 2 not in taken and k - 2 not in in_org:
                        before = doc[k - 3].text if k - 3 >= 0 else ""
                        if before not in {",", "mit", "an", "von", "und", ":", "sowie"} and not ctx.sent_start(k - 2):
                            break
                        extra.append({"start": k - 2, "tok_start": k - 2, "end": k,
                                      "value": f"{doc[k - 2].text} {doc[k - 1].text}",
                                      "role": None, "full": True, "priority": 1})
                        taken.update((k - 2, k - 1))
                        k -= 3
        return extra

    def _first_name(self, word: str) -> bool:
        return word in self.first_names or ("-" in word and all(p in self.first_names for p in word.split("-")))

    def _name_words(self, ctx: "_Context", j: int) -> list[int]:
        doc = ctx.doc
        n = len(doc)
        idx: list[int] = []
        k = j
        while k < n and len(idx) < 5:
            if idx and ctx.boundary(k - 1, k):
                break
            w = doc[k].text
            if len(idx) == 1 and w in self._inner_titles and k + 1 < n and _NAME_WORD.match(doc[k + 1].text) \
                    and doc[idx[0]].text in self.first_names:
                k += 1  # "Reinhard Kardinal Marx": the title between first name and surname
                continue
            if _NAME_WORD.match(w) or (_INITIAL.match(w) and idx):
                idx.append(k)
                k += 1
                continue
            if idx and w.casefold() in self.particles and k + 1 < n and _NAME_WORD.match(doc[k + 1].text):
                idx.append(k)
                k += 1
                continue
            break
        while idx and (doc[idx[-1]].text.casefold() in self.particles or _INITIAL.match(doc[idx[-1]].text)):
            idx.pop()
        # a first name, maybe a second one, then the surname: at most one word after the last
        # first name unless particles join them ("Ursula von der Leyen")
        if len(idx) >= 3:
            cut = 1
            while cut < len(idx) - 1 and doc[idx[cut]].text in self._chain_first:
                cut += 1
            keep = cut + 1
            while keep < len(idx) and doc[idx[keep - 1]].text.casefold() in self.particles:
                keep += 1
            idx = idx[:keep]
        return idx

    def _role_nominative(self, word: str) -> str:
        """A role word in the nominative: "Bürgermeisters" → "Bürgermeister", "Landrates" →
        "Landrat"; other words as written."""
        def known(base: str) -> bool:
            return base in self._role_set or any(base.endswith(r) and len(base) - len(r) >= 3 for r in self.roles)

        low = word.casefold()
        if known(low):
            return word
        for ending in ("es", "s"):
            if low.endswith(ending) and known(low[: -len(ending)]):
                return word[: -len(ending)]
        return word

    def _role_line(self, ctx: "_Context", start: int, end: int) -> Optional[str]:
        """A signature: the name alone on its line, the role alone on the next one
        ("Jürgen Nadler" / "Erster Bürgermeister")."""
        doc = ctx.doc
        n = len(doc)
        if end >= n or not ctx.boundary(end - 1, end) or (start > 0 and not ctx.boundary(start - 1, start)):
            return None
        k = end
        while k < n and doc[k].is_space:
            k += 1
        if doc.text[doc[end - 1].idx + len(doc[end - 1].text): doc[k].idx if k < n else len(doc.text)].count("\n") != 1:
            return None  # a blank line between: another block
        le = k + 1
        while le < n and not ctx.boundary(le - 1, le):
            le += 1
        toks = [doc[x] for x in range(k, le)]
        if not toks or len(toks) > 4 or not self.is_role(toks[-1].text):
            return None
        if any(not (t.text[:1].isupper() or t.text.rstrip(".").isdigit()) for t in toks):
            return None
        return " ".join(t.text for t in toks)

    def _role_after(self, ctx: "_Context", end: int) -> Optional[str]:
        doc = ctx.doc
        k = end
        if k < len(doc) and doc[k].text in {",", "(", "–", "-"} and not ctx.boundary(k - 1, k):
            k += 1
            for _ in range(3):
                if k >= len(doc) or ctx.boundary(k - 1, k):
                    return None
                w = doc[k].text
                if self.is_role(w):
                    return w
                if w.casefold() in {"die", "der", "den", "dem"} or (w.islower() and w.isalpha()):
                    k += 1
                    continue
                return None
        return None

    def _link_persons(self, ctx: "_Context", persons: list[dict], orgs: list[Candidate]) -> list[Candidate]:
        doc = ctx.doc
        org_spans = [(o.start, o.end) for o in orgs]
        canon: dict[str, str] = {}  # person_key(full) -> value
        by_surname: dict[str, str] = {}
        roles: dict[str, str] = {}
        for p in persons:
            if p["full"]:
                key = person_key(p["value"])
                canon.setdefault(key, p["value"])
                sk = person_key(p["value"].split()[-1])
                if sk in by_surname and by_surname[sk] != canon[key]:
                    by_surname[sk] = ""  # two people share the surname: no linking
                else:
                    by_surname.setdefault(sk, canon[key])
        out: list[Candidate] = []
        taken: set[int] = set()
        for p in persons:
            if p["full"]:
                value = canon[person_key(p["value"])]
            else:
                value = by_surname.get(person_key(p["value"])) or p["value"]
            if p["role"]:
                roles.setdefault(value, p["role"])
            start = doc[p["tok_start"]].idx
            last = doc[p["end"] - 1]
            end = last.idx + len(last.text)
            if any(s < end and start < e for s, e in org_spans):
                continue
            taken.update(range(p["tok_start"], p["end"]))
            out.append(Candidate("persons", start, end, value, attrs={"role": p["role"]},
                                 priority=p["priority"]))
        # later surname-only mentions ("Helmes", "Ehrenamtskoordinator Helmes")
        for i, tok in enumerate(doc):
            if i in taken or not _CAP.match(tok.text) or ctx.in_credit(i):
                continue
            value = by_surname.get(person_key(tok.text))
            if not value:
                continue
            if i + 1 < len(doc) and _NAME_WORD.match(doc[i + 1].text) and not ctx.boundary(i, i + 1) \
                    and doc[i + 1].text not in self.not_surnames and not self.is_role(doc[i + 1].text):
                continue  # "Helmes Müller": another name
            start, end = tok.idx, tok.idx + len(tok.text)
            if any(s < end and start < e for s, e in org_spans):
                continue
            role = doc[i - 1].text if i > 0 and self.is_role(doc[i - 1].text) else None
            out.append(Candidate("persons", start, end, value, attrs={"role": role}, priority=1))
        for c in out:
            if not c.attrs.get("role") and roles.get(c.value):
                c.attrs = {**c.attrs, "role": roles[c.value]}
        return out

    # -- trained NER as further candidates --------------------------------------------------
    def _from_ents(self, ctx: "_Context", orgs: list[_Org], persons: list[dict]) -> None:
        doc = ctx.doc
        org_tokens = set()
        for o in orgs:
            org_tokens.update(range(o.start, o.end))
        person_tokens = set()
        for p in persons:
            person_tokens.update(range(p["tok_start"], p["end"]))
        for ent in doc.ents:
            span = range(ent.start, ent.end)
            if any(ctx.in_credit(x) for x in span):
                continue
            if ent.label_ in {"PER", "PERSON"}:
                if any(x in person_tokens or x in org_tokens for x in span):
                    continue
                words = strip_titles([t.text for t in ent], self.titles)
                words = [w for w in words if _NAME_WORD.match(w) or w.casefold() in self.particles]
                if len(words) < 2 or words[-1] in self.not_surnames or words[-1] in self.common_nouns:
                    continue
                # name words only: no ordinary noun, role or head anywhere ("Programm Hauptamt")
                if any(w in self.common_nouns or self.is_role(w) or self.lexicon.lookup(w)
                       or (doc.vocab[w.casefold()].is_stop and w.casefold() not in self.particles) for w in words):
                    continue  # not "Meldet Euch"
                start_tok = ent.end - len(words) if len(words) <= len(ent) else ent.start
                persons.append({"start": start_tok, "tok_start": start_tok, "end": ent.end,
                                "value": " ".join(words), "role": self._role_after(ctx, ent.end),
                                "full": True, "priority": 1})
                person_tokens.update(span)
            elif ent.label_ == "ORG":
                if any(x in org_tokens or x in person_tokens for x in span):
                    continue
                toks = list(ent)
                while toks and toks[0].text.casefold() in self.determiners:
                    toks = toks[1:]
                if not toks or len(toks) > 12 or not _CAP.match(toks[0].text):
                    continue
                if len(toks) == 1 and (toks[0].text in self.common_nouns or toks[0].is_stop):
                    continue
                head_i = next((x for x, t in enumerate(toks) if self.lexicon.lookup(t.text)), None)
                head = self.lexicon.lookup(toks[head_i].text) if head_i is not None else None
                s, e = toks[0].i, toks[-1].i + 1
                if head is not None and "muni" in head.flags and not self._acting(ctx, s, e):
                    continue
                if not self._ent_is_org(ctx, toks, head):
                    continue
                words = [t.text for t in toks]
                spaces = [t.whitespace_ for t in toks]
                if head is not None:
                    value = nominative_org(words, spaces, head_i, head.gender, head.base, self.adjective_rx)
                else:
                    value = "".join(w + sp for w, sp in zip(words, spaces)).strip()
                orgs.append(_Org(s, e, re.sub(r"\s+", " ", value),
                                 head_word=head.base if head else "", priority=0))
                org_tokens.update(span)

    def _ent_is_org(self, ctx: "_Context", toks: list, head: Optional[Head]) -> bool:
        """Whether a model ORG (determiners stripped) names an organisation. A span around one
        of our heads was already judged by the rules (no organisation there); a headless one
        must look like a name: two or more capitalised words or acronyms (linkers between),
        no number, no first name first (a person), no ordinary noun, place noun, venue, picture
        or abstract noun, not after "in"/"nach"/"aus" (a place) or a quote (a title). Statistical NERs are trained on news: on
        announcements they also call programmes, buildings and towns ORG."""
        if head is not None or len(toks) < 2 or toks[0].is_stop:
            return False
        for t in toks:  # a plural head ("Landkreise", "Verbandsgemeinden"), an ordinary noun
            forms = {t.text, t.lemma_} | {t.text[: -len(x)] for x in ("e", "en", "n", "s") if t.text.endswith(x)}
            if any(self.lexicon.lookup(f) for f in forms if len(f) > 2) or t.lemma_ in self.common_nouns \
                    or t.text in self.common_nouns:
                return False
        words = [t.text for t in toks]
        if any(any(c.isdigit() for c in w) for w in words):
            return False
        if any(not (_CAP.match(w) or w == "-" or w.casefold() in self._legal_linkers) for w in words):
            return False
        if words[0] in self.first_names or _NOT_PLACE.search(words[-1]) or self._venue_before.search(words[-1]):
            return False
        if any(w in self._place_nouns_all for w in words):
            return False  # "Erzdiözese Bamberg", "Landkreis Dachau": places unless the rules say
        if any(_NOT_ORG_WORD.search(w) for w in words):
            return False  # prizes, programmes, bands: "Westthüringer Stiftungspreis"
        if len(words) == 2 and all(_NAME_WORD.match(w) and "-" not in w for w in words) \
                and not re.search(r"(?:e|er|en|es|em)$", words[0]) and not self.adjective_rx.search(words[0]):
            return False  # "Traudi Schlitt": a person's name ("Deutsche Glasfaser" stays)
        before = ctx.doc[toks[0].i - 1].text.casefold() if toks[0].i > 0 else ""
        # a quoted name is a programme or a title ("„Engagierte Kommune“", "„Albrecht Dürer …“")
        return before not in {"in", "nach", "aus", "bei", "im", "„", '"', "“", "‚", "»", "«"}


class _Context:
    """Per-Doc facts the rules share: sentence bounds, line breaks, credit zones."""

    def __init__(self, doc: Doc, comp: EntitiesComponent):
        self.doc = doc
        n = len(doc)
        self._starts = [False] * n
        has_sents = doc.has_annotation("SENT_START")
        for t in doc:
            if t.i == 0 or (has_sents and t.is_sent_start) or "\n" in doc[t.i - 1].whitespace_ \
                    or doc[t.i - 1].is_space or doc[t.i - 1].text in {":", "|", "•"}:
                self._starts[t.i] = True
        self._sent_lo = [0] * n
        self._sent_hi = [n] * n
        lo = 0
        for x in range(n):
            if self._starts[x]:
                lo = x
            self._sent_lo[x] = lo
        hi = n
        for x in range(n - 1, -1, -1):
            self._sent_hi[x] = hi
            if self._starts[x]:
                hi = x
        self._lower = None
        self._credit = self._credit_tokens(doc, comp)
        self.muni_names: set[str] = set()  # "Stadt Würzburg", "Landkreis Oberallgäu" as written
        self._district: Optional[str] = None
        self._home_town: Optional[str] = None

    def home_town(self) -> Optional[str]:
        """The town the text is about (``AreaCodes.home_town``), computed once per text."""
        if self._home_town is None:
            self._home_town = load_area_codes().home_town(doc_text(self.doc)) or ""
        return self._home_town or None

    def district(self) -> Optional[str]:
        """The one district the text names ("Landkreis Kronach", "des Landkreises Alzey-Worms"),
        or None when it names none or several."""
        if self._district is None:
            names = {m.group(1) for m in _DISTRICT.finditer(self.doc.text)}
            self._district = names.pop() if len(names) == 1 else ""
        return self._district or None

    def boundary(self, a: int, b: int) -> bool:
        """True when tokens a and b (a = b - 1) are on different lines or split by a space token."""
        doc = self.doc
        return "\n" in doc[a].whitespace_ or doc[a].is_space or doc[b].is_space

    def sent_start(self, i: int) -> bool:
        return self._starts[i] or (i > 0 and self.doc[i - 1].text in {".", "!", "?", "„", '"', "“", "»", "«"})

    def sent_lo(self, i: int) -> int:
        return self._sent_lo[i]

    def sent_hi(self, i: int) -> int:
        return self._sent_hi[i]

    def lower_elsewhere(self, low: str) -> bool:
        if self._lower is None:
            self._lower = {t.text for t in self.doc if t.text.islower()}
        return low in self._lower

    def in_credit(self, i: int) -> bool:
        return i in self._credit

    @staticmethod
    def _credit_tokens(doc: Doc, comp: EntitiesComponent) -> set[int]:
        text = doc_text(doc)
        zones: list[tuple[int, int]] = []
        for m in comp._credit.finditer(text):
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end < 0 else line_end
            end = line_end
            opened = text.rfind("(", max(0, m.start() - 3), m.start() + 1)
            if opened >= 0:
                close = text.find(")", m.end())
                if 0 <= close < end:
                    end = close
            zones.append((m.start(), end))
        for m in comp._byline.finditer(text):
            if m.end() - m.start() <= 80:
                zones.append((m.start(), m.end()))
        if not zones:
            return set()
        out = set()
        for t in doc:
            for s, e in zones:
                if s <= t.idx < e:
                    out.add(t.i)
                    break
        return out
