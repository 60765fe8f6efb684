"""Flat exports of events: CSV, one row per session (spreadsheets, simple calendars)."""

from __future__ import annotations

import csv
import io
from typing import Iterable

from .schema import Result

COLUMNS = [
    "title", "start", "end", "all_day", "status", "location", "room", "address", "city", "online",
    "capacity", "free_of_charge", "price", "currency", "registration_required",
    "registration_email", "registration_phone", "registration_url", "registration_deadline",
    "organizers", "source_url",
]


def to_csv(results: Iterable[Result]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for result in results:
        for ev in result.events:
            for s in ev.sessions:
                reg = ev.registration
                writer.writerow({
                    "title": ev.title,
                    "start": s.start.isoformat(),
                    "end": s.end.isoformat() if s.end else "",
                    "all_day": s.all_day,
                    "status": ev.status,
                    "location": ev.location.name or "",
                    "room": ev.location.room or "",
                    "address": ev.location.address or "",
                    "city": ev.location.city or "",
                    "online": ev.location.online,
                    "capacity": ev.capacity if ev.capacity is not None else "",
                    "free_of_charge": "" if ev.free_of_charge is None else ev.free_of_charge,
                    "price": ev.price.amount if ev.price else "",
                    "currency": ev.price.currency if ev.price else "",
                    "registration_required": "" if reg.required is None else reg.required,
                    "registration_email": reg.email or "",
                    "registration_phone": reg.phone or "",
                    "registration_url": reg.url or "",
                    "registration_deadline": reg.deadline.isoformat() if reg.deadline else "",
                    "organizers": "; ".join(ev.organizers),
                    "source_url": result.source.url or "",
                })
    return out.getvalue()
