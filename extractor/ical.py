"""Events → iCalendar (RFC 5545) with the ``icalendar`` package: one VEVENT per session."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Iterable
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event as VEvent, Timezone, TimezoneDaylight, TimezoneStandard

from .schema import Event, Result

BERLIN = ZoneInfo("Europe/Berlin")
PRODID = "-//aushang//German civic announcements//DE"


def berlin_vtimezone() -> Timezone:
    """Europe/Berlin as calendar programs write it: EU summer time by rule, valid for any year
    (not a list of transition dates that ends in 2037)."""
    tz = Timezone()
    tz.add("tzid", "Europe/Berlin")
    tz.add("x-lic-location", "Europe/Berlin")
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", dt.timedelta(hours=1))
    summer.add("tzoffsetto", dt.timedelta(hours=2))
    summer.add("dtstart", dt.datetime(1981, 3, 29, 2, 0, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", dt.timedelta(hours=2))
    winter.add("tzoffsetto", dt.timedelta(hours=1))
    winter.add("dtstart", dt.datetime(1996, 10, 27, 3, 0, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    tz.add_component(summer)
    tz.add_component(winter)
    return tz


def _uid(result: Result, event: Event, index: int, start) -> str:
    basis = "|".join(
        [result.source.url or "", result.text[:2000], event.title or "", str(index), str(start)]
    )
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:24] + "@aushang"


def _location(event: Event) -> str:
    loc = event.location
    parts = [p for p in (loc.name, loc.room and f"Raum {loc.room}" if loc.room and not loc.room.lower().startswith(("raum", "zimmer", "saal")) else loc.room, loc.address, loc.city) if p]
    if loc.online and not parts:
        parts = ["online"]
    return ", ".join(dict.fromkeys(parts))


def _description(event: Event) -> str:
    lines = []
    reg = event.registration
    if reg.required or reg.email or reg.phone or reg.url:
        contact = ", ".join(x for x in (reg.email, reg.phone, reg.url) if x)
        lines.append("Anmeldung" + (f": {contact}" if contact else " erforderlich"))
        if reg.deadline:
            lines.append(f"Anmeldeschluss: {reg.deadline.strftime('%d.%m.%Y')}")
    if event.free_of_charge:
        lines.append("kostenfrei")
    elif event.price:
        lines.append(f"Preis: {event.price.amount:.2f} {event.price.currency}")
    if event.capacity:
        lines.append(f"Plätze: {event.capacity}")
    if event.organizers:
        lines.append("Veranstalter: " + ", ".join(event.organizers))
    return "\n".join(lines)


def to_ical(results: Iterable[Result]) -> bytes:
    """One calendar holding a VEVENT per session of every event of the results."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    needs_tz = False
    stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    for result in results:
        for event in result.events:
            for i, session in enumerate(event.sessions):
                ve = VEvent()
                ve.add("uid", _uid(result, event, i, session.start))
                ve.add("dtstamp", stamp)
                ve.add("summary", event.title or "Veranstaltung")
                if isinstance(session.start, dt.datetime):
                    needs_tz = True
                    start = session.start.astimezone(BERLIN)
                    ve.add("dtstart", start)
                    end = session.end
                    if isinstance(end, dt.datetime):
                        ve.add("dtend", end.astimezone(BERLIN))
                    elif event.duration_minutes:
                        ve.add("dtend", start + dt.timedelta(minutes=event.duration_minutes))
                else:
                    ve.add("dtstart", session.start)
                    end = session.end if isinstance(session.end, dt.date) else session.start
                    ve.add("dtend", end + dt.timedelta(days=1))
                loc = _location(event)
                if loc:
                    ve.add("location", loc)
                desc = _description(event)
                if desc:
                    ve.add("description", desc)
                if result.source.url:
                    ve.add("url", result.source.url)
                ve.add("status", "CONFIRMED")
                cal.add_component(ve)
    if needs_tz:
        cal.subcomponents.insert(0, berlin_vtimezone())
    return cal.to_ical()
