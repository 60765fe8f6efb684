"""German phone numbers → E.164, with the ``phonenumbers`` library."""

from __future__ import annotations

import re
from typing import Optional

import phonenumbers

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
