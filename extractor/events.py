"""Assembling events from the mentions: which sessions belong together, and what the event's
location, capacity, price, registration and organisers are.

Sessions come from the temporal component (family ``sessions``: value
``{"start": datetime|date, "end": datetime|date|None, "all_day": bool}``).
"""

from __future__ import annotations

import datetime as dt
from typing import Optional
from zoneinfo import ZoneInfo

from spacy.tokens import Doc

from .clean import CleanedDocument
from .components.base import Candidate
from .schema import Event, Mentions, Registration, Session, Span

BERLIN = ZoneInfo("Europe/Berlin")


def _as_session(value: dict) -> Session:
    start = value["start"]
    end = value.get("end")
    if isinstance(start, dt.datetime) and start.tzinfo is None:
        start = start.replace(tzinfo=BERLIN)
    if isinstance(end, dt.datetime) and end.tzinfo is None:
        end = end.replace(tzinfo=BERLIN)
    return Session(start=start, end=end, all_day=not isinstance(start, dt.datetime))


def _session_day(s: Session) -> dt.date:
    return s.start.date() if isinstance(s.start, dt.datetime) else s.start


def assemble(
    doc: Doc,
    found: dict[str, list[Candidate]],
    mentions: Mentions,
    reference: dt.date,
    cleaned: Optional[CleanedDocument] = None,
) -> list[Event]:
    """One event holding every session found (refined by the event-assembly work)."""
    cands = found.get("sessions", [])
    if not cands:
        return []
    sessions = []
    seen = set()
    for c in cands:
        s = _as_session(c.value)
        key = (s.start, s.end)
        if key not in seen:
            seen.add(key)
            sessions.append(s)
    sessions.sort(key=lambda s: (_session_day(s), str(s.start)))
    start = min(c.start for c in cands)
    end = max(c.end for c in cands)
    last = max(_session_day(s) for s in sessions)
    reg = Registration(
        email=mentions.emails[0].value if mentions.emails else None,
        phone=next((p.value for p in mentions.phones if p.kind == "phone"), None),
    )
    return [
        Event(
            title=cleaned.title if cleaned else None,
            sessions=sessions,
            registration=reg,
            status="past" if last < reference else "upcoming",
            evidence=Span(start=start, end=end),
        )
    ]
