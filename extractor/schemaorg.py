"""schema.org Event markup in HTML pages (JSON-LD, microdata, RDFa via ``extruct``): read it,
merge it with the events found in the text, and write events back out as schema.org JSON-LD.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any, Iterable, Optional
from zoneinfo import ZoneInfo

from .clean import CleanedDocument
from .schema import Event, Location, Price, Registration, Result, Session, Span

log = logging.getLogger(__name__)
BERLIN = ZoneInfo("Europe/Berlin")
EVENT_TYPES = {"Event", "BusinessEvent", "ChildrensEvent", "ComedyEvent", "CourseInstance",
               "DanceEvent", "EducationEvent", "ExhibitionEvent", "Festival", "FoodEvent",
               "LiteraryEvent", "MusicEvent", "PublicationEvent", "SaleEvent", "ScreeningEvent",
               "SocialEvent", "SportsEvent", "TheaterEvent", "VisualArtsEvent", "EventSeries"}


def _types(item: dict) -> set[str]:
    t = item.get("@type") or item.get("type") or []
    if isinstance(t, str):
        t = [t]
    return {str(x).rsplit("/", 1)[-1] for x in t}


def _walk(obj: Any) -> Iterable[dict]:
    if isinstance(obj, dict):
        yield obj
        for v in obj.values():
            yield from _walk(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _walk(v)


def _props(item: dict) -> dict:
    """Microdata/RDFa items keep their values under 'properties'."""
    return item.get("properties", item) if isinstance(item.get("properties"), dict) else item


def _first(v: Any) -> Any:
    return v[0] if isinstance(v, list) and v else v


def _text(v: Any) -> Optional[str]:
    v = _first(v)
    if isinstance(v, dict):
        v = _props(v)
        return _text(v.get("name") or v.get("@value"))
    return str(v).strip() if v not in (None, "") else None


def _when(v: Any) -> Optional[dt.date]:
    v = _text(v)
    if not v:
        return None
    try:
        if len(v) <= 10:
            return dt.date.fromisoformat(v)
        value = dt.datetime.fromisoformat(v.replace("Z", "+00:00"))
        return value.astimezone(BERLIN) if value.tzinfo else value.replace(tzinfo=BERLIN)
    except ValueError:
        return None


def schema_events(html: str, url: Optional[str] = None) -> list[dict]:
    """The schema.org Event items of a page, as plain dicts of their properties."""
    try:
        import extruct

        data = extruct.extract(html, base_url=url, syntaxes=["json-ld", "microdata", "rdfa"], uniform=True)
    except Exception as exc:  # broken markup must not break extraction
        log.info("extruct could not read the page: %s", exc)
        return []
    out = []
    for syntax in ("json-ld", "microdata", "rdfa"):
        for item in _walk(data.get(syntax, [])):
            if _types(item) & EVENT_TYPES:
                out.append(_props(item))
    return out


def _event_from_schema(item: dict, reference: dt.date, start_at: int, end_at: int) -> Optional[Event]:
    start = _when(item.get("startDate"))
    if start is None:
        return None
    end = _when(item.get("endDate"))
    if isinstance(start, dt.datetime) and isinstance(end, dt.date) and not isinstance(end, dt.datetime):
        end = None
    place = _first(item.get("location"))
    loc = Location()
    if isinstance(place, dict):
        place = _props(place)
        types = _types(place)
        if "VirtualLocation" in types:
            loc.online = True
        loc.name = _text(place.get("name"))
        addr = _first(place.get("address"))
        if isinstance(addr, dict):
            addr = _props(addr)
            loc.address = _text(addr.get("streetAddress"))
            loc.city = _text(addr.get("addressLocality"))
        elif addr:
            loc.address = _text(addr)
    elif isinstance(place, str):
        loc.name = place
    mode = _text(item.get("eventAttendanceMode")) or ""
    if "Online" in mode:
        loc.online = True
    free = price = None
    offers = _first(item.get("offers"))
    if isinstance(offers, dict):
        offers = _props(offers)
        amount = _text(offers.get("price"))
        try:
            value = float(str(amount).replace(",", ".")) if amount is not None else None
        except ValueError:
            value = None
        if value == 0:
            free = True
        elif value:
            free = False
            price = Price(amount=value, currency=_text(offers.get("priceCurrency")) or "EUR")
    if str(item.get("isAccessibleForFree", "")).lower() in ("true", "1"):
        free = True
    organizers = [n for n in (_text(o) for o in (item.get("organizer") if isinstance(item.get("organizer"), list) else [item.get("organizer")])) if n]
    session = Session(start=start, end=end, all_day=not isinstance(start, dt.datetime))
    day = end or start
    day = day.date() if isinstance(day, dt.datetime) else day
    return Event(
        title=_text(item.get("name")),
        sessions=[session],
        location=loc,
        free_of_charge=free,
        price=price,
        registration=Registration(url=_text(item.get("url")) if _text(item.get("url")) else None),
        organizers=organizers,
        status="past" if day < reference else "upcoming",
        evidence=Span(start=start_at, end=end_at),
    )


def _day(s: Session) -> dt.date:
    return s.start.date() if isinstance(s.start, dt.datetime) else s.start


def merge_schema_events(events: list[Event], cleaned: CleanedDocument, reference: dt.date) -> list[Event]:
    """Use the page's Event markup: fill the gaps of a text event on the same day; add an event
    the text missed (its evidence is the title in the text when found, else empty)."""
    items = schema_events(cleaned.html or "", cleaned.url)
    for item in items:
        name = _text(item.get("name")) or ""
        pos = cleaned.text.find(name) if name else -1
        span = (pos, pos + len(name)) if pos >= 0 else (0, 0)
        sev = _event_from_schema(item, reference, *span)
        if sev is None:
            continue
        days = {_day(s) for s in sev.sessions}
        match = next((e for e in events if days & {_day(s) for s in e.sessions}), None)
        if match is None:
            events.append(sev)
            continue
        # the markup is authoritative for what it states; the text fills the rest
        if sev.title:
            match.title = match.title or sev.title
        for s in sev.sessions:
            same = [t for t in match.sessions if _day(t) == _day(s)]
            if same and same[0].all_day and not s.all_day:
                match.sessions[match.sessions.index(same[0])] = s
            elif same and same[0].end is None and s.end is not None:
                same[0].end = s.end
        for f in ("name", "address", "city"):
            if getattr(match.location, f) is None:
                setattr(match.location, f, getattr(sev.location, f))
        match.location.online = match.location.online or sev.location.online
        if match.free_of_charge is None:
            match.free_of_charge = sev.free_of_charge
            match.price = match.price or sev.price
        for o in sev.organizers:
            if o not in match.organizers:
                match.organizers.append(o)
    return events


def to_jsonld(result: Result) -> list[dict]:
    """The result's events as schema.org Event JSON-LD objects, one per session."""
    out = []
    for ev in result.events:
        for s in ev.sessions:
            obj: dict[str, Any] = {
                "@context": "https://schema.org",
                "@type": "Event",
                "name": ev.title,
                "startDate": s.start.isoformat(),
                "eventStatus": "https://schema.org/EventScheduled",
            }
            if s.end is not None:
                obj["endDate"] = s.end.isoformat()
            loc = ev.location
            if loc.online:
                obj["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
                obj["location"] = {"@type": "VirtualLocation", "url": ev.registration.url or result.source.url}
            elif loc.name or loc.address or loc.city:
                place: dict[str, Any] = {"@type": "Place", "name": ", ".join(x for x in (loc.name, loc.room) if x) or loc.city}
                if loc.address or loc.city:
                    place["address"] = {"@type": "PostalAddress", "streetAddress": loc.address,
                                        "addressLocality": loc.city, "addressCountry": "DE"}
                obj["location"] = place
            if ev.free_of_charge:
                obj["isAccessibleForFree"] = True
                obj["offers"] = {"@type": "Offer", "price": 0, "priceCurrency": "EUR"}
            elif ev.price:
                obj["offers"] = {"@type": "Offer", "price": ev.price.amount, "priceCurrency": ev.price.currency}
            if ev.capacity:
                obj["maximumAttendeeCapacity"] = ev.capacity
            if ev.organizers:
                obj["organizer"] = [{"@type": "Organization", "name": o} for o in ev.organizers]
            if result.source.url:
                obj["url"] = result.source.url
            out.append({k: v for k, v in obj.items() if v is not None})
    return out
