"""A rule-based sentence segmenter for German announcements.

Splits at sentence-final punctuation and at line breaks (scraped text puts headings, list items
and teaser lines on lines of their own). German abbreviations (z.B., Str., Tel., Zi., Sept.)
are single tokens thanks to the tokenizer special cases added by
``aushang.add_abbreviations.v1``, so their periods never reach this rule.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_FINAL = {".", "!", "?", "…", "..."}
_CLOSING = {"“", "”", '"', "«", "»", ")", "'", "’"}


@Language.factory("aushang_senter")
def make_senter(nlp: Language, name: str) -> "GermanSenter":
    return GermanSenter()


class GermanSenter:
    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        starts = [False] * n
        starts[0] = True
        for i in range(1, n):
            prev = doc[i - 1]
            if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
                starts[i] = True
                continue
            tok = doc[i]
            if tok.is_space:
                continue
            if prev.text in _FINAL:
                starts[i] = not tok.text[:1].islower()
            elif prev.text in _CLOSING and i >= 2 and doc[i - 2].text in _FINAL:
                starts[i] = not tok.text[:1].islower()
        for i, tok in enumerate(doc):
            tok.is_sent_start = starts[i]
        return doc
