"""What every aushang component shares: the candidate record, the per-Doc store, overlap
policies.

A component finds candidates (``match``) and writes them to the Doc (``set_annotations``) in
two steps. Candidates keep exact character offsets into ``doc.text``; they are also mirrored as
token-aligned ``doc.spans[<family>]`` for spaCy tooling (displaCy, the Matcher).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional

from spacy.tokens import Doc
from spacy.util import registry

from ..intervals import Intervals

if not Doc.has_extension("aushang"):
    Doc.set_extension("aushang", default=None)
if not Doc.has_extension("reference_date"):
    Doc.set_extension("reference_date", default=None)


@dataclass
class Candidate:
    """One thing a rule found: a family ("email", "date", …), exact char offsets, a value."""

    family: str
    start: int
    end: int
    value: Any = None
    attrs: dict = field(default_factory=dict)
    priority: int = 0

    def text(self, doc: Doc) -> str:
        return doc_text(doc)[self.start : self.end]

    def overlaps(self, other: "Candidate") -> bool:
        return self.start < other.end and other.start < self.end


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token on each access, and the
    components and the event assembly all read it."""
    text = doc.user_data.get("aushang.text")
    if text is None:
        text = doc.text
        doc.user_data["aushang.text"] = text
    return text


def store(doc: Doc) -> dict[str, list[Candidate]]:
    """The Doc's candidates by family (created on first use)."""
    data = doc._.aushang
    if data is None:
        data = {}
        doc._.aushang = data
    return data


def get(doc: Doc, family: str) -> list[Candidate]:
    return list(store(doc).get(family, []))


def reference_date(doc: Doc) -> dt.date:
    return doc._.reference_date or dt.date.today()


def write(doc: Doc, family: str, candidates: Iterable[Candidate]) -> None:
    """Store candidates (sorted by offset) and mirror them into ``doc.spans[family]``."""
    items = sorted(candidates, key=lambda c: (c.start, c.end))
    store(doc)[family] = items
    spans = []
    for c in items:
        span = doc.char_span(c.start, c.end, label=family, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[family] = spans


OverlapPolicy = Callable[[list[Candidate]], list[Candidate]]


@registry.misc("aushang.overlap.longest.v1")
def make_longest_first() -> OverlapPolicy:
    """Keep the longest of overlapping candidates (ties: higher priority, then earlier)."""

    def longest_first(candidates: list[Candidate]) -> list[Candidate]:
        ordered = sorted(
            candidates, key=lambda c: (-(c.end - c.start), -c.priority, c.start)
        )
        kept = Intervals()
        out: list[Candidate] = []
        for c in ordered:
            if not kept.overlaps(c.start, c.end):
                kept.add(c.start, c.end)
                out.append(c)
        return sorted(out, key=lambda c: c.start)

    return longest_first


@registry.misc("aushang.overlap.keep_all.v1")
def make_keep_all() -> OverlapPolicy:
    """Keep every candidate (families whose members may nest)."""

    def keep_all(candidates: list[Candidate]) -> list[Candidate]:
        return sorted(candidates, key=lambda c: c.start)

    return keep_all


def first_or_none(items: list) -> Optional[Any]:
    return items[0] if items else None
