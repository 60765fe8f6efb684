"""What every aushang component shares: the candidate record, the per-Doc store, overlap
policies.

A component finds candidates (``match``) and writes them to the Doc (``set_annotations``) in
two steps. Candidates keep exact character offsets into ``doc.text``; they are also mirrored as
token-aligned ``doc.spans[<family>]`` for spaCy tooling (displaCy, the Matcher).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from spacy.tokens import Doc
from spacy.util import registry

from ..data import load_json
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


class PatternComponent:
    """The plumbing every aushang rule component shares: patterns kept as data (loaded from
    ``default_patterns`` under ``models/`` on ``initialize`` or first use, saved with the
    pipeline by ``to_disk``), and ``__call__`` as ``match`` then ``set_annotations``.
    Subclasses compile their patterns in ``_compile`` and implement those two steps."""

    default_patterns: str = ""

    def __init__(self, name: str, overlap: Optional["OverlapPolicy"] = None) -> None:
        self.name = name
        self.overlap = overlap
        self.patterns: dict[str, Any] = {}
        self._ready = False

    def initialize(self, get_examples: Callable | None = None, *, nlp=None, patterns=None):
        self.set_patterns(patterns if patterns is not None else load_json(self.default_patterns))

    def set_patterns(self, patterns: dict[str, Any]) -> None:
        self.patterns = patterns
        self._compile(patterns)
        self._ready = True

    def _compile(self, patterns: dict[str, Any]) -> None:
        raise NotImplementedError

    def _ensure(self) -> None:
        if not self._ready:
            self.set_patterns(load_json(self.default_patterns))

    def to_disk(self, path, *, exclude=tuple()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "patterns.json").write_text(json.dumps(self.patterns, ensure_ascii=False, indent=1))

    def from_disk(self, path, *, exclude=tuple()):
        self.set_patterns(json.loads((Path(path) / "patterns.json").read_text()))
        return self

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> dict[str, list[Candidate]]:
        raise NotImplementedError

    def set_annotations(self, doc: Doc, found: dict[str, list[Candidate]]) -> None:
        raise NotImplementedError


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
