"""Names of organisations and persons: canonical (nominative) forms and comparison keys.

Pure functions over strings and word lists; no spaCy, no I/O.

* ``HeadLexicon`` knows the head nouns of organisation names ("Stiftung", "Verband",
  "Ministerium" …) with their gender, also as the last part of a compound
  ("Bundesministerium", "Gemeindebund") and in the genitive ("Gemeindebundes", "Zentrums").
* ``nominative_org`` puts a name found in any case into the nominative without article:
  "Deutschen Stiftung für Engagement und Ehrenamt" → "Deutsche Stiftung für Engagement und
  Ehrenamt", "Deutschen Städte- und Gemeindebundes" → "Deutscher Städte- und Gemeindebund".
  Only the words up to the head change; what follows the head ("für …", "der Stadt …") is
  already in the case the name needs.
* ``person_key`` compares person names across spellings ("Boßle" / "Bossle", "Müller" /
  "Mueller"); ``strip_titles`` drops academic titles and honorifics ("Dr. Johanna Rothmann").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional, Sequence

#: Strong (article-less) nominative adjective endings by the head's gender.
STRONG_ENDING = {"m": "er", "f": "e", "n": "es"}
_INFLECTION = re.compile(r"(?:en|em|er|es|e)$")
_FOLD = str.maketrans({"ß": "ss", "ä": "ae", "ö": "oe", "ü": "ue", "é": "e", "è": "e"})


def fold(text: str) -> str:
    """A comparison key: case-folded, ß → ss, umlauts spelled out, hyphens and spaces unified."""
    s = unicodedata.normalize("NFC", text).casefold().translate(_FOLD)
    s = re.sub(r"[\s\u00a0]+", " ", s)
    return s.replace("‐", "-").replace("–", "-").strip()


def person_key(name: str) -> str:
    """Key under which spellings of one person's name meet: "Boßle" ~ "Bossle" ~ "BOSSLE"."""
    return fold(re.sub(r"[.\s]+", " ", name)).replace("-", " ")


def strip_titles(words: Sequence[str], titles: Iterable[str]) -> list[str]:
    """Drop leading titles and honorifics: ["Prof.", "Dr.", "Johanna", "Rothmann"] → the name."""
    tset = {t.casefold() for t in titles}
    out = list(words)
    while out and (out[0].casefold() in tset or out[0].casefold().rstrip(".") + "." in tset):
        out.pop(0)
    return out


@dataclass(frozen=True)
class Head:
    """An organisation head noun as found in a word."""

    word: str  # the word as written ("Gemeindebundes")
    base: str  # the word in the nominative singular ("Gemeindebund")
    head: str  # the lexicon entry it ends with ("bund")
    gender: str  # m / f / n
    flags: frozenset


class HeadLexicon:
    """Head nouns of organisation names (see ``models/gazetteers/org_heads.txt``)."""

    def __init__(self, lines: Iterable[str], not_heads: Iterable[str] = ()):
        self.entries: dict[str, tuple[str, frozenset]] = {}
        for line in lines:
            parts = line.split()
            if len(parts) < 2:
                continue
            self.entries[parts[0].casefold()] = (parts[1], frozenset(parts[2:]))
        self.not_heads = {w.casefold() for w in not_heads}
        self._not_suffixes = sorted((w for w in self.not_heads if "-" not in w), key=len, reverse=True)
        # longest first, so "gemeindebund" wins over "bund"
        self._suffixes = sorted(
            (h for h, (_, fl) in self.entries.items() if "exact" not in fl), key=len, reverse=True
        )
        self.lookup = lru_cache(maxsize=8192)(self._lookup)

    def _match_base(self, low: str) -> Optional[tuple[str, str, frozenset]]:
        if low in self.not_heads:
            return None
        if any(low.endswith(nh) for nh in self._not_suffixes if len(low) > len(nh)):
            return None  # "Jugendehrenamt", "Bürgerwerkstatt": a compound of a word that is no head
        if low in self.entries:
            g, fl = self.entries[low]
            return low, g, fl
        last = low.rsplit("-", 1)[-1]
        if last != low and last in self.entries:
            g, fl = self.entries[last]
            if low.rsplit("-", 1)[0] and last not in self.not_heads:
                return last, g, fl - {"exact"}
        for h in self._suffixes:
            # a compound: at least three letters before the head ("Bundes|ministerium")
            if low.endswith(h) and len(low) - len(h) >= 3:
                g, fl = self.entries[h]
                return h, g, fl
        return None

    def _lookup(self, word: str) -> Optional[Head]:
        """The head a word is or ends with, in the nominative; None for any other word."""
        if not word or not word[0].isupper():
            return None
        low = word.casefold()
        hit = self._match_base(low)
        if hit:
            return Head(word, word, hit[0], hit[1], hit[2])
        # genitive singular of masculine and neuter heads: -es, -s
        for ending in ("es", "s"):
            if len(low) > len(ending) + 2 and low.endswith(ending):
                hit = self._match_base(low[: -len(ending)])
                if hit and hit[1] in ("m", "n"):
                    return Head(word, word[: -len(ending)], hit[0], hit[1], hit[2])
        return None


def reinflect_adjective(word: str, gender: str, adjective_rx: re.Pattern) -> str:
    """An attributive adjective in the strong nominative for ``gender``: "Deutschen" → "Deutscher"
    (m), "Deutsche" (f), "Deutsches" (n). Words that are no declined adjective stay as they are
    ("Bertelsmann", "Berliner", "Städte-")."""
    if word.endswith("-") or gender not in STRONG_ENDING:
        return word
    m = _INFLECTION.search(word)
    if not m:
        return word
    stem = word[: m.start()]
    if len(stem) < 3 or not adjective_rx.search(stem.casefold()):
        return word
    return stem + STRONG_ENDING[gender]


def nominative_org(
    words: Sequence[str],
    spaces: Sequence[str],
    head_index: int,
    gender: Optional[str],
    head_base: str,
    adjective_rx: re.Pattern,
) -> str:
    """The nominative, article-less form of an organisation name.

    ``words``/``spaces`` are the name's tokens (without article) and the whitespace after each;
    ``head_index`` is the position of the head noun, ``head_base`` its nominative form.
    """
    out = []
    for i, w in enumerate(words):
        if i < head_index and gender:
            w = reinflect_adjective(w, gender, adjective_rx)
        elif i == head_index:
            w = head_base
        out.append(w + (spaces[i] if i < len(words) - 1 else ""))
    return "".join(out).strip()


def acronym_of(name: str, lexicon: Optional[HeadLexicon] = None) -> set[str]:
    """Acronyms a name can be abbreviated to ("Deutsche Stiftung für Engagement und Ehrenamt" →
    DSEE; "Bundesministerium für Familie, Senioren, Frauen und Jugend" → BMFSFJ, where a
    compound with a known head gives two letters: Bundes|ministerium)."""
    parts: list[list[str]] = []
    for w in re.findall(r"[A-ZÄÖÜ][\wäöüß]*(?:-[A-ZÄÖÜ]?[\wäöüß]*)*", name):
        options = {w[0]}
        sub = [p for p in w.split("-") if p]
        if len(sub) > 1:
            options.add("".join(p[0].upper() for p in sub))
        if lexicon is not None:
            low = w.casefold()
            for h in lexicon._suffixes:
                if low.endswith(h) and len(low) > len(h) + 2:
                    options.add(w[0] + h[0].upper())
                    break
        parts.append(sorted(options))
    found = {""}
    for opts in parts:
        found = {f + o for f in found for o in opts}
        if len(found) > 256:
            break
    return {f.upper() for f in found if len(f) >= 2}
