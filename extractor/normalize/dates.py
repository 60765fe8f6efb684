"""Normalising German date expressions that the rules found."""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

MONTHS = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feb": 2, "märz": 3, "maerz": 3, "mär": 3,
    "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}

_TEXTUAL = re.compile(r"(\d{1,2})\.\s*([A-Za-zÄÖÜäöü]+)\.?\s*(\d{4})?")
_NUMERIC = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})?")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date_text(text: str) -> Optional[dt.date]:
    """The first complete date (with year) in ``text``, or None.

    Only for unambiguous, fully specified dates ("12. Februar 2026", "27.09.2017",
    "2024-06-12"); yearless dates need a reference date and are the temporal component's job.
    """
    for rx in (_ISO, _TEXTUAL, _NUMERIC):
        for m in rx.finditer(text):
            try:
                if rx is _ISO:
                    return dt.date(int(m[1]), int(m[2]), int(m[3]))
                if rx is _TEXTUAL:
                    month = MONTHS.get(m[2].lower().rstrip("."))
                    if month is None or not m[3]:
                        continue
                    return dt.date(int(m[3]), month, int(m[1]))
                if not m[3]:
                    continue
                year = int(m[3])
                if year < 100:
                    year += 2000
                return dt.date(year, int(m[2]), int(m[1]))
            except ValueError:
                continue
    return None
