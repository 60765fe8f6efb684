"""Named, versioned functions the pipeline config refers to, registered in one place."""

from __future__ import annotations

import re
from typing import Any, Callable

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import registry

from .data import load_json, load_lines

# Street names written "Werderstr. 1", "Hubert-von-Herkomer-Str. 73": one token, period kept.
_STREET_TOKEN = re.compile(r"^[A-ZÄÖÜ][\wäöüß.-]*(?:str|Str|pl|Pl)\.$")


@registry.misc("aushang.model_data.v1")
def model_data(path: str) -> Any:
    """A JSON file under ``models/`` (patterns, gazetteers)."""
    return load_json(path)


@registry.callbacks("aushang.add_abbreviations.v1")
def add_abbreviations(path: str = "lang/de_abbreviations.txt") -> Callable[[Language], Language]:
    """Teach the tokenizer German civic abbreviations that spaCy's list lacks (Zi., Str., …).

    Each becomes a special case (one token, period kept), and street names ending in "str." or
    "pl." stay one token, so the sentence segmenter never splits at their period.
    """

    def apply(nlp: Language) -> Language:
        for abbr in load_lines(path):
            nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
        previous = nlp.tokenizer.token_match

        def token_match(text: str):
            if _STREET_TOKEN.match(text):
                return True
            return previous(text) if previous else None

        nlp.tokenizer.token_match = token_match
        return nlp

    return apply
