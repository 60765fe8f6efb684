"""E-mail addresses, URLs and phone/fax numbers.

Patterns are data (``models/patterns/contacts.json``), given to ``initialize``; phone
candidates are normalised to E.164 and validated by ``phonenumbers``, so postcodes, dates,
prices and IDs that a pattern may touch are dropped unless they form a valid German number.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..data import load_lines
from ..normalize.phones import AREA_CODES, AreaCodes, best_prefix_e164, complete_local
from .base import Candidate, Intervals, OverlapPolicy, PatternComponent, doc_text, write

DEFAULT_PATTERNS = "patterns/contacts.json"

_OBFUSCATION = [
    (re.compile(r"\s*(?:\((?:at|ät|@)\)|\[(?:at|ät|@)\]|\{(?:at|ät)\}|\s\[?(?:AT|at)\]?\s)\s*"), "@"),
    (re.compile(r"\s*(?:\((?:dot|punkt)\)|\[(?:dot|punkt)\]|\s(?:dot|punkt)\s)\s*"), "."),
]


def deobfuscate_email(raw: str) -> str:
    """"name(at)stadt.de", "name [at] stadt [dot] de" → "name@stadt.de"."""
    out = raw
    for rx, rep in _OBFUSCATION:
        out = rx.sub(rep, out)
    return out.replace(" ", "").lower() if "@" in out else raw


def strip_url(raw: str, trailing: str) -> str:
    """Drop trailing punctuation, keeping a closing bracket that closes one in the URL."""
    url = raw
    while url and url[-1] in trailing:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def url_value(url: str) -> str:
    return url


@Language.factory(
    "aushang_contacts",
    default_config={"overlap": {"@misc": "aushang.overlap.longest.v1"}},
)
def make_contacts(nlp: Language, name: str, overlap: OverlapPolicy) -> "ContactsComponent":
    return ContactsComponent(name=name, overlap=overlap)


class ContactsComponent(PatternComponent):
    default_patterns = DEFAULT_PATTERNS

    def __init__(self, name: str = "aushang_contacts", overlap: Optional[OverlapPolicy] = None):
        super().__init__(name, overlap)
        self._compiled: dict[str, list[tuple[str, re.Pattern]]] = {}

    # -- data -----------------------------------------------------------------------------
    def _compile(self, patterns: dict[str, Any]) -> None:
        self._compiled = {
            fam: [(p["name"], re.compile(p["regex"])) for p in patterns[fam]]
            for fam in ("email", "url", "phone")
        }
        ctx = "|".join(re.escape(w) for w in sorted(patterns["exclude_context"], key=len, reverse=True))
        self._exclude = re.compile(rf"(?:{ctx})\b[\s.:#-]*(?:[\w-]+[\s.:]*){{0,2}}$")
        self._fax = re.compile("|".join(re.escape(w) for w in patterns["fax_context"]), re.I)
        self._tel = re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in patterns["phone_context"]) + r")\b", re.I
        )
        share = patterns.get("url_share", [])
        self._share = re.compile("|".join(share), re.I) if share else None
        labels = patterns.get("url_source_labels", [])
        self._source_label = re.compile(
            r"[ \t]*(?:" + "|".join(re.escape(w) for w in sorted(labels, key=len, reverse=True))
            + r")[ \t]*:?[ \t]*", re.I) if labels else None
        local = patterns.get("phone_local")
        self._local = re.compile(local["regex"]) if local else None
        self._area_codes = None
        if local:
            codes = dict(line.split("\t", 1) for line in load_lines(AREA_CODES))
            self._area_codes = AreaCodes(codes, local.get("town_cues", ()), local.get("weak_towns", ()))

    # -- matching -------------------------------------------------------------------------
    def match(self, doc: Doc) -> dict[str, list[Candidate]]:
        self._ensure()
        text = doc_text(doc)
        emails = self._emails(text)
        taken = Intervals((e.start, e.end) for e in emails)
        urls = [u for u in self._urls(text) if not taken(u.start, u.end)]
        for u in urls:
            taken.add(u.start, u.end)
        phones = [p for p in self._phones(text) if not taken(p.start, p.end)]
        for p in phones:
            taken.add(p.start, p.end)
        phones += [p for p in self._local_phones(text) if not taken(p.start, p.end)]
        return {"emails": emails, "urls": urls, "phones": phones}

    def set_annotations(self, doc: Doc, found: dict[str, list[Candidate]]) -> None:
        policy = self.overlap or (lambda c: c)
        for family, cands in found.items():
            write(doc, family, policy(cands))

    def _emails(self, text: str) -> list[Candidate]:
        out = []
        for pname, rx in self._compiled["email"]:
            for m in rx.finditer(text):
                raw = m.group(0).rstrip(".")
                value = raw.lower() if pname == "plain" else deobfuscate_email(raw)
                if "@" not in value or not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,24}", value):
                    continue
                out.append(Candidate("emails", m.start(), m.start() + len(raw), value,
                                     priority=2 if pname == "plain" else 1))
        return out

    def _urls(self, text: str) -> list[Candidate]:
        trailing = self.patterns.get("url_trailing", ".,;:!?)")
        out = []
        for pname, rx in self._compiled["url"]:
            for m in rx.finditer(text):
                raw = strip_url(m.group(0), trailing)
                if len(raw) < 4 or "." not in raw:
                    continue
                if self._share is not None and self._share.search(raw):
                    continue  # a "share this page" button, not a contact
                line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
                if self._source_label is not None and self._source_label.fullmatch(line):
                    continue  # "Quelle: https://…": where the text was taken from
                if self._page_address(text, m.start(), m.start() + len(raw), raw):
                    continue  # a printed page's own address under its last line
                value = url_value(raw.replace(" ", "")) if pname == "www_spaced" else url_value(raw)  # "www. x.de"
                out.append(Candidate("urls", m.start(), m.start() + len(raw), value,
                                     priority=3 if pname == "scheme" else 1))
        return out

    @staticmethod
    def _page_address(text: str, start: int, end: int, raw: str) -> bool:
        """A URL with a path, alone on the text's last line, under a line that introduces no
        link (a signature, not "Weitere Informationen:"): the address of the page itself, as
        print versions end ("Bürgermeister\n\nhttp://www.hildrizhausen.de/index.php?id=121")."""
        if text[end:].strip() or text[text.rfind("\n", 0, start) + 1 : start].strip():
            return False
        if not re.search(r"\.[a-z]{2,}/\S", raw):  # a page, not a site ("www.stadt.de")
            return False
        before = [ln.strip() for ln in text[:start].split("\n") if ln.strip()]
        prev = before[-1] if before else ""
        return bool(prev) and not prev.endswith((":", "unter", "hier")) and len(prev.split()) <= 4 \
            and not re.search(r"(?i)info|link|anmeld|website|internet|seite|online", prev)

    def _phones(self, text: str) -> list[Candidate]:
        out = []
        for pname, rx in self._compiled["phone"]:
            for m in rx.finditer(text):
                raw = m.group(0)
                if text[m.end():m.end() + 1].isdigit() or text[m.end():m.end() + 2] in {",0", ".0"}:
                    continue  # runs on into a longer number (decimal, ID): not a phone
                before = text[max(0, m.start() - 40) : m.start()]
                if self._exclude.search(before):
                    continue
                e164, used = best_prefix_e164(raw)
                if not e164:
                    continue
                used = used.rstrip()
                line_before = before.split("\n")[-1]
                kind = self._kind(line_before)
                out.append(Candidate("phones", m.start(), m.start() + len(used), e164,
                                     attrs={"kind": kind}))
        return out

    def _local_phones(self, text: str) -> list[Candidate]:
        """Local numbers after a phone label, completed with the area code of the text's town."""
        if not self._local:
            return []
        found = list(self._local.finditer(text))
        if not found:
            return []
        area = self._area_codes.home(text)
        if not area:
            return []
        out = []
        for m in found:
            e164 = complete_local(m.group("num"), area)
            if e164:
                before = text[max(0, m.start("num") - 40) : m.start("num")]
                out.append(Candidate("phones", m.start("num"), m.end("num"), e164,
                                     attrs={"kind": self._kind(before.split("\n")[-1]), "area_code_inferred": True},
                                     priority=0))
        return out

    def _kind(self, before: str) -> str:
        """Fax when the nearest label before the number says Fax."""
        fax = [m.end() for m in self._fax.finditer(before)]
        tel = [m.end() for m in self._tel.finditer(before) if not self._fax.match(before, m.start())]
        if fax and (not tel or max(fax) >= max(tel)):
            return "fax"
        return "phone"
