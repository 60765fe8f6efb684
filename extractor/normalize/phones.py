"""German phone numbers → E.164, with the ``phonenumbers`` library."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

import phonenumbers

AREA_CODES = "gazetteers/area_codes.tsv"
_GROUP_SPLIT = re.compile(r"[\s/\-–()]+")


def to_e164(raw: str, region: str = "DE") -> Optional[str]:
    """The E.164 form of a phone number as written, or None when it is not a valid number.

    Accepts the German notations "(0631) 365-4471", "0631/365-4471", "06131 16-4471",
    "+49 (0) 631 3654471", "0171 1234567". The "(0)" trunk prefix of international notation is
    dropped before parsing.
    """
    s = raw.strip()
    s = re.sub(r"\(\s*0\s*\)", " ", s) if s.startswith(("+", "00")) else s
    s = s.replace("–", "-")
    try:
        num = phonenumbers.parse(s, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(num):
        return None
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


def best_prefix_e164(raw: str, region: str = "DE") -> tuple[Optional[str], str]:
    """Normalise ``raw``; when that fails, drop trailing digit groups one by one.

    A greedy pattern may take a following number into the phone ("0631 3654471 2024"); the
    longest valid prefix is the number. Returns (E.164 or None, the raw text used).
    """
    candidate = raw.rstrip(" -/–")
    while candidate:
        e164 = to_e164(candidate, region)
        if e164:
            return e164, candidate
        parts = list(_GROUP_SPLIT.finditer(candidate))
        if not parts:
            break
        cut = parts[-1].start()
        if cut <= 0:
            break
        candidate = candidate[:cut].rstrip(" -/–(")
        if sum(ch.isdigit() for ch in candidate) < 6:
            break
    return None, raw


# -- local numbers ------------------------------------------------------------------------------
_POSTCODE_TOWN = re.compile(r"\b\d{5}[ \u00a0]+([A-ZÄÖÜ][\w.()\-]*(?:[ \u00a0][^\W\d][\w.()\-]*){0,3})")
_NAME_RUN = re.compile(
    r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*"
    r"(?:[ \u00a0](?:am|an|im|in|ob|bei|der|[A-ZÄÖÜ][a-zäöüß]+)){0,5}"
)
_DOMAIN = re.compile(r"[@./]([a-z0-9äöüß-]+)\.(?:de|info|org|eu)\b", re.I)
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _fold(name: str) -> str:
    return name.lower().translate(_FOLD).replace(" ", "-")


class AreaCodes:
    """Which area code a local number ("Telefon 655-1051") has: the code of the text's town.

    ``codes`` maps place names to area codes without the trunk 0 (``models/gazetteers/
    area_codes.tsv``, generated from the geocoding data of ``phonenumbers``). ``cue_words`` are
    the words that make the next name a town the text speaks for ("Stadt", "Gemeinde");
    ``weak`` are place names that are also ordinary words ("Essen"), counted only with a cue.
    """

    def __init__(self, codes: dict[str, str], cue_words=(), weak=()):
        self.codes = codes
        self.cue_words = frozenset(cue_words)
        self.weak = frozenset(weak)
        # a place listed only with its region ("Wilhelmsdorf Württemberg") is also found by its
        # plain name, when no other place of that name is listed
        qualified: dict[str, set[str]] = {}
        for name in codes:
            if " " in name:
                qualified.setdefault(name.split(" ", 1)[0], set()).add(name)
        self._plain = {b: next(iter(v)) for b, v in qualified.items()
                       if len(v) == 1 and b not in codes and len(b) >= 4 and b not in self.cue_words}
        self._written = {full: b for b, full in self._plain.items()}
        self._by_domain: dict[str, str] = {}
        for name in sorted(codes, key=len):
            self._by_domain.setdefault(_fold(name), name)
        for b, full in self._plain.items():
            self._by_domain.setdefault(_fold(b), full)

    def _longest(self, words: list[str]) -> Optional[str]:
        for k in range(len(words), 0, -1):
            name = " ".join(words[:k]).rstrip(",.;:")
            if name in self.codes:
                return name
            if name in self._plain:
                return self._plain[name]
        return None

    def _scores(self, text: str) -> dict[str, int]:
        """Each place the text names, scored: 3 after a postcode ("99084 Erfurt"), 2 after a cue
        word or as the name of an e-mail or web domain ("@erfurt.de", "stadt-aalen.de"), and 1
        for any other mention (not for weak names)."""
        score: dict[str, int] = {}

        def add(name: Optional[str], points: int) -> None:
            if name:
                score[name] = score.get(name, 0) + points

        for m in _POSTCODE_TOWN.finditer(text):
            add(self._longest(m.group(1).split()), 3)
        for m in _NAME_RUN.finditer(text):
            words = m.group(0).split()
            prev = text[max(0, m.start() - 40) : m.start()].split()
            for i in range(len(words)):
                name = self._longest(words[i:])
                if not name:
                    continue
                cue = (words[i - 1] if i else (prev[-1] if prev else "")).rstrip(":")
                if cue in self.cue_words:
                    add(name, 2)
                elif name not in self.weak:
                    add(name, 1)
                break
        for m in _DOMAIN.finditer(text):
            label = m.group(1).lower()
            for cand in (label, label.split("-", 1)[-1]):
                if cand in self._by_domain:
                    add(self._by_domain[cand], 2)
                    break
        return score

    def home(self, text: str) -> Optional[str]:
        """The area code of the town the text is about, or None when the text does not say:
        the best scored place wins; a tie between places with different codes gives None."""
        score = self._scores(text)
        if not score:
            return None
        best = max(score.values())
        top = {self.codes[n] for n, s in score.items() if s == best}
        return next(iter(top)) if len(top) == 1 else None

    def home_town(self, text: str, at_least: int = 2) -> Optional[str]:
        """The town the text is about: the one best scored place, scored ``at_least`` (a place
        mentioned once in passing is no home town); None on a tie."""
        score = self._scores(text)
        best = max(score.values(), default=0)
        top = [n for n, s in score.items() if s == best]
        if best < at_least or len(top) != 1:
            return None
        return self._written.get(top[0], top[0])  # as the text writes it: "Wilhelmsdorf"


@lru_cache(maxsize=None)
def load_area_codes() -> AreaCodes:
    """The area-code table (``models/gazetteers/area_codes.tsv``) with the town cues and weak
    town names of ``phone_local`` in ``models/patterns/contacts.json``."""
    from ..data import load_json, load_lines

    local = load_json("patterns/contacts.json").get("phone_local", {})
    codes = dict(line.split("\t", 1) for line in load_lines(AREA_CODES))
    return AreaCodes(codes, local.get("town_cues", ()), local.get("weak_towns", ()))


def complete_local(local: str, area_code: str, region: str = "DE") -> Optional[str]:
    """"655-1051" with area code "361" → "+493616551051", when the result is a valid number."""
    digits = re.sub(r"\D", "", local)
    if len(digits) < 4 or digits[0] == "0":
        return None
    return to_e164(f"0{area_code}{digits}", region)
