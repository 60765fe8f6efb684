"""A rule-based sentence segmenter for German announcements.

Splits at sentence-final punctuation and at line breaks (scraped text puts headings, list items
and teaser lines on lines of their own). German abbreviations (z.B., Str., Tel., Zi., Sept.)
are single tokens thanks to the tokenizer special cases added by
``aushang.add_abbreviations.v1``, so their periods never reach this rule.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

_FINAL = {".", "!", "?", "…", "..."}
_MONTHS = {"januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "dezember", "jan.", "feb.", "febr.", "mär.",
           "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "okt.", "nov.", "dez."}
_CLOSING = {"“", "”", '"', "«", "»", ")", "'", "’"}


@Language.factory("aushang_senter")
def make_senter(nlp: Language, name: str) -> "GermanSenter":
    return GermanSenter()


def _number_ends_sentence(prev: str, nxt: str) -> bool:
    """German tokenizes "4471." and "2024." as one token (ordinal style). A number of three
    or more digits with a period, before a capitalised word that is not a month, ends a
    sentence; "24. Juli" and "im 2. Stock" do not."""
    if re.fullmatch(r"\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}\.", prev):
        return nxt[:1].isupper()  # "… am 21.09.2023 und 06.03.2024. Die Besichtigung …"
    if not (prev.endswith(".") and prev[:-1].isdigit()):
        return False
    return len(prev) >= 4 and nxt[:1].isupper() and nxt.lower() not in _MONTHS


def _wrapped(doc: Doc, i: int) -> bool:
    """The line break before ``doc[i]`` only wraps a long line of running text ("… ist wie
    immer zwingend unter\n03683/403186 erforderlich."): one single line break after a line of
    60 or more characters that ends mid-sentence on a lower-case word, before a word in lower
    case or a number. Headings, list items and teaser lines stay lines of their own."""
    prev = doc[i - 1]
    if prev.is_space and i >= 2:  # "unter\n0368…": the break can be a token of its own
        if prev.text.count("\n") != 1 or prev.text.strip(" \n") or doc[i - 2].whitespace_:
            return False
        prev = doc[i - 2]
    elif prev.whitespace_.count("\n") != 1:
        return False
    if prev.is_space or doc[i].is_space:
        return False
    last, nxt = prev.text, doc[i].text
    if not (last.isalpha() and last.islower()) or not (nxt[:1].islower() or nxt[:1].isdigit()):
        return False
    line_start = doc.text.rfind("\n", 0, prev.idx) + 1
    return prev.idx + len(last) - line_start >= 60


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
                starts[i] = not _wrapped(doc, i)
                continue
            tok = doc[i]
            if tok.is_space:
                continue
            if prev.text in _FINAL:
                # a closing quote after the period still belongs to the sentence
                starts[i] = not tok.text[:1].islower() and tok.text not in _CLOSING
            elif prev.text in _CLOSING and i >= 2 and doc[i - 2].text in _FINAL:
                starts[i] = not tok.text[:1].islower()
            elif _number_ends_sentence(prev.text, tok.text):
                starts[i] = True
        # one array write: setting token.is_sent_start one by one re-checks the whole Doc's
        # annotation on every call, which is quadratic on long texts
        arr = numpy.array([1 if s else -1 for s in starts], dtype="int64").astype("uint64").reshape(n, 1)
        doc.from_array([SENT_START], arr)
        return doc
