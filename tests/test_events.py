"""Event assembly, schema.org markup and iCalendar export."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from extractor.ical import to_ical
from extractor.schemaorg import schema_events, to_jsonld

from .conftest import CORPUS

SEED_000 = (CORPUS / "documents" / "000_8bcc1829e3e8af0e.txt").read_text()


@pytest.fixture(scope="module")
def seed000(extractor):
    return extractor.extract(text=SEED_000, reference_date="2024-07-01")


def test_seed_000_is_the_contract_event(seed000):
    data = seed000.model_dump(mode="json")
    assert len(data["events"]) == 1
    ev = data["events"][0]
    assert ev["title"] == "Werkstatt „Zukunft des Ehrenamts“"
    assert ev["sessions"] == [
        {"start": "2024-07-24T13:00:00+02:00", "end": None, "all_day": False},
        {"start": "2024-07-24T18:00:00+02:00", "end": None, "all_day": False},
        {"start": "2024-08-16T13:00:00+02:00", "end": None, "all_day": False},
        {"start": "2024-08-16T18:00:00+02:00", "end": None, "all_day": False},
    ]
    assert ev["duration_minutes"] == 60
    assert ev["location"] == {
        "name": "Rathaus Nord", "room": "C409", "address": None, "city": "Kaiserslautern", "online": False,
    }
    assert ev["capacity"] == 15
    assert ev["free_of_charge"] is True
    assert ev["registration"] == {
        "required": True, "email": "ehrenamt@kaiserslautern.de", "phone": "+496313654471",
        "url": None, "deadline": None,
    }
    assert ev["organizers"] == ["Ehrenamtskoordination der Stadt Kaiserslautern"]
    assert {"name": "Daniel Helmes", "role": "Ehrenamtskoordinator"} in ev["contacts"]
    assert ev["status"] == "upcoming"
    ev_text = data["text"][ev["evidence"]["start"] : ev["evidence"]["end"]]
    assert "24. Juli" in ev_text


def test_seed_000_ics_round_trips_and_expands(seed000):
    import icalendar
    import recurring_ical_events

    ics = to_ical([seed000])
    cal = icalendar.Calendar.from_ical(ics)
    vevents = [c for c in cal.walk("VEVENT")]
    assert len(vevents) == 4
    assert [c for c in cal.walk("VTIMEZONE")][0]["TZID"] == "Europe/Berlin"
    starts = sorted(ve.decoded("DTSTART") for ve in vevents)
    assert starts[0].isoformat() == "2024-07-24T13:00:00+02:00"
    assert all(str(ve["SUMMARY"]) == "Werkstatt „Zukunft des Ehrenamts“" for ve in vevents)
    assert "Rathaus Nord" in str(vevents[0]["LOCATION"]) and "C409" in str(vevents[0]["LOCATION"])
    assert "ehrenamt@kaiserslautern.de" in str(vevents[0]["DESCRIPTION"])
    # a duration of one hour gives each session an end
    assert vevents[0].decoded("DTEND") - vevents[0].decoded("DTSTART") == dt.timedelta(hours=1)
    # stable UIDs: the same input gives the same UIDs
    again = icalendar.Calendar.from_ical(to_ical([seed000]))
    assert sorted(str(v["UID"]) for v in again.walk("VEVENT")) == sorted(str(v["UID"]) for v in vevents)
    assert len({str(v["UID"]) for v in vevents}) == 4
    # a calendar consumer sees four occurrences in summer 2024
    found = recurring_ical_events.of(cal).between(dt.date(2024, 7, 1), dt.date(2024, 9, 1))
    assert len(found) == 4


def test_all_day_sessions_are_dates_in_ics(extractor):
    text = "Die Stadt lädt am 8. und 9. April 2025 zum Auftakttreffen in die Staatskanzlei ein."
    result = extractor.extract(text=text, reference_date="2025-03-01")
    import icalendar

    cal = icalendar.Calendar.from_ical(to_ical([result]))
    ves = list(cal.walk("VEVENT"))
    assert len(ves) == 2
    assert ves[0]["DTSTART"].params.get("VALUE") == "DATE"
    assert ves[0].decoded("DTEND") - ves[0].decoded("DTSTART") == dt.timedelta(days=1)


@pytest.mark.parametrize(
    "text,ref,expected",
    [
        # a deadline is not a session
        ("Der Infoabend findet am 12. Mai 2025 um 19 Uhr im Rathaus statt. Anmeldung bis 30. April 2025.",
         "2025-04-01", [["2025-05-12T19:00"]]),
        # two named events with their own dates
        ("Die Gemeinde lädt am 3. Mai 2025 um 18 Uhr zum Infoabend ein. Die Bürgerversammlung folgt "
         "am 10. Mai 2025 um 19 Uhr in der Stadthalle.", "2025-04-01", [["2025-05-03T18:00"], ["2025-05-10T19:00"]]),
        # a day named first and repeated with its time is one session
        ("Das Seminar am 25. Januar 2023 behandelt Krisen. Dieses Seminar findet am 25. Januar 2023 um "
         "13:30-14:45 Uhr online statt.", "2023-01-10", [["2023-01-25T13:30"]]),
        # a later sentence's time under a kind of its own is another event that day; sale hours are none
        ("Am 1. Dezember um 15:30 Uhr führt der Oberbürgermeister eine Ortsteilbegehung durch. Zur "
         "Einwohnerversammlung sind alle Bürger um 17:00 Uhr ins Rathaus eingeladen.", "2009-11-19",
         [["2009-12-01T15:30"], ["2009-12-01T17:00"]]),
        ("Die Konzerte sind am 11. und 12. April 2004 jeweils 20 Uhr. Karten gibt es im Vorverkauf von "
         "15-18 Uhr.", "2004-03-10", [["2004-04-11T20:00", "2004-04-12T20:00"]]),
        # the same occurrence named again under another kind is no second event
        ("Das Team lädt am 21. Oktober 2023 zwischen 12 und 16 Uhr zum Jubiläum ein. Der Tag der offenen "
         "Tür beginnt um 12 Uhr mit einem Empfang.", "2023-10-10", [["2023-10-21T12:00"]]),
        # paragraphs of different bodies' meetings are different events, even on one day
        ("Der Ortsbeirat Mitte tritt am Montag, 18. August 2025, 19.30 Uhr, in Raum 22 des Rathauses zusammen.\n\n"
         "Die Sitzung des Ortsbeirats Frauenstein findet am Dienstag, 19. August 2025, 18 Uhr, im "
         "Feuerwehrgerätehaus statt.\n\nDer Ortsbeirat Amöneburg hält seine Sitzung am Dienstag, 19. August "
         "2025, 18.30 Uhr, im Sitzungssaal der Ortsverwaltung Biebrich ab.", "2025-08-15",
         [["2025-08-18T19:30"], ["2025-08-19T18:00"], ["2025-08-19T18:30"]]),
        # a cancelled date is no session
        ("Die Sitzung am 17. März 2020 ist abgesagt.", "2020-03-10", []),
        ("Deswegen haben wir das Treffen am 4.3.2020 ausfallen lassen müssen. Und nun müssen wir auch unser Treffen am 3.6.2020 absagen.",
         "2020-05-20", []),
        # a listing of named events, one per bullet
        ("Wir haben noch einiges vor:\n  • die Osternacht: Samstag, 22.3.2025 um 22 Uhr in der Talkirche\n"
         "  • den Ostermorgen: Sonntag, 23.3.2025 um 9 Uhr in der Wenschtkirche\n", "2025-03-01",
         [["2025-03-22T22:00"], ["2025-03-23T09:00"]]),
        # a ';'-separated listing of named events
        ("Termine: 8. Februar 2025 Vollversammlung in Königshofen; 9. Februar 2025 Verbandstagung in "
         "Böblingen; 9. März 2025 Landeskinderturnfest in Bruchsal.", "2025-01-01",
         [["2025-02-08"], ["2025-02-09"], ["2025-03-09"]]),
        # a series: each date with its own quoted topic
        ("Das erste Seminar am 2. Juni 2025 behandelt das Thema „Klimaschutz vor Ort“. „Strom vom Dach“ "
         "heißt es am 9. Juni 2025.", "2025-05-01", [["2025-06-02"], ["2025-06-09"]]),
        # ... or with the quoted title in the sentence just before its date
        ("Die Autorin liest am 16. Oktober 2025 aus „Hinter der Hecke die Welt“. Eine Autorin erzählt in "
         "„Sibir“ von Aussiedlern. Die Lesung am 20. Oktober 2025 wird gefördert.", "2025-10-01",
         [["2025-10-16"], ["2025-10-20"]]),
        # a polling day is a date, not a session; an event for the election is one
        ("Bekanntmachung\nzur Bürgermeisterwahl\nam 19. Februar 2023 von 8.00 Uhr bis 18.00 Uhr\n"
         "Am Sonntag, dem 19. Februar 2023 findet in der Zeit von 8.00 bis 18.00 Uhr die Wahl der "
         "Bürgermeisterin statt.", "2023-02-01", []),
        ("Am Donnerstag, den 06. November 2025 um 19.00 Uhr findet in der Albhalle die öffentliche "
         "Bewerbervorstellung für die Bürgermeisterwahl statt.", "2025-10-20", [["2025-11-06T19:00"]]),
        ("Die Podiumsdiskussion zur Landtagswahl am 3. März 2026 beginnt um 19 Uhr.", "2026-02-01",
         [["2026-03-03T19:00"]]),
        # a council meeting and a climate day are two events
        ("In der Ratssitzung am 9. Juli soll entschieden werden.\nAm 30. August 2025 wird der Plan "
         "außerdem auf dem Energie- und Klimatag vorgestellt.", "2025-05-08", [["2025-07-09"], ["2025-08-30"]]),
        # negatives: bare date lines of one event, parts of one course, quoted speech
        ("Die Webinare finden online statt.\n\nTermine\n\n  • 28. August 2025, 14 bis 15:30 Uhr\n"
         "  • 31. August 2025, 17 bis 18:30 Uhr\n", "2025-08-01", [["2025-08-28T14:00", "2025-08-31T17:00"]]),
        ("Der Kurs hat zwei Teile:\n- Modul 1: 24. Juli 2025, 13 Uhr\n- Modul 2: 16. August 2025, 13 Uhr\n",
         "2025-07-01", [["2025-07-24T13:00", "2025-08-16T13:00"]]),
    ],
)
def test_assembly_cases(extractor, text, ref, expected):
    result = extractor.extract(text=text, reference_date=ref)
    got = [
        [s.start.strftime("%Y-%m-%dT%H:%M") if not s.all_day else s.start.isoformat() for s in ev.sessions]
        for ev in result.events
    ]
    assert got == expected


def test_past_event_status(extractor):
    result = extractor.extract(
        text="Es waren zwei konstruktive Tage, als am 8. und 9. April 2025 die Teams zum Auftakttreffen kamen.",
        reference_date="2025-04-15",
    )
    assert result.events and all(ev.status == "past" for ev in result.events)


def test_registration_contact_vs_question_contact(extractor):
    text = (
        "Der Workshop findet am 5. Juni 2025 um 10 Uhr im Bürgerhaus statt. Anmeldung bitte per E-Mail "
        "an anmeldung@stadt-musterhausen.de. Für Fragen steht Frau Meier unter fragen@stadt-musterhausen.de "
        "zur Verfügung."
    )
    ev = extractor.extract(text=text, reference_date="2025-05-01").events[0]
    assert ev.registration.required is True
    assert ev.registration.email == "anmeldung@stadt-musterhausen.de"



def test_split_verb_registration_and_access_data_day(extractor):
    text = (
        "Bürgermeister Kai Eggert lädt für Sonntag, 16. Januar 2022, zum virtuellen Empfang per Videokonferenz "
        "ein. Die erste Gesprächsrunde beginnt um 11 Uhr.\n\nWer teilnehmen möchte, meldet sich bis zum "
        "12. Januar per E-Mail an vorstandssekretariat@laatzen.de an. Angemeldete Gäste erhalten am 14. Januar "
        "per E-Mail die Zugangsdaten zum Zoom-Meeting."
    )
    events = extractor.extract(text=text, reference_date="2022-01-05").events
    assert [str(s.start) for e in events for s in e.sessions] == ["2022-01-16 11:00:00+01:00"]
    assert events[0].registration.email == "vorstandssekretariat@laatzen.de"
    assert str(events[0].registration.deadline) == "2022-01-12"


SCHEMA_PAGE = """<html><head><title>Repair Café</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Event", "name": "Repair Café im Quartier",
 "startDate": "2025-06-14T14:00:00+02:00", "endDate": "2025-06-14T17:00:00+02:00",
 "location": {"@type": "Place", "name": "Stadtteilzentrum Nord",
   "address": {"@type": "PostalAddress", "streetAddress": "Werderstr. 1", "addressLocality": "Musterstadt"}},
 "offers": {"@type": "Offer", "price": "0", "priceCurrency": "EUR"},
 "organizer": {"@type": "Organization", "name": "Nachbarschaftsverein Nord e.V."}}
</script></head><body><article><h1>Repair Café im Quartier</h1>
<p>Kaputte Toaster, Lampen und Fahrräder: Am Samstag, 14. Juni, wird im Stadtteilzentrum Nord
wieder gemeinsam repariert. Ehrenamtliche helfen beim Reparieren.</p></article></body></html>"""


def test_schema_org_markup_fills_gaps(extractor):
    assert schema_events(SCHEMA_PAGE)[0]["name"] == "Repair Café im Quartier"
    result = extractor.extract(html=SCHEMA_PAGE, reference_date="2025-06-01")
    assert len(result.events) == 1
    ev = result.events[0]
    assert ev.sessions[0].start.isoformat() == "2025-06-14T14:00:00+02:00"
    assert ev.sessions[0].end.isoformat() == "2025-06-14T17:00:00+02:00"
    assert ev.location.address == "Werderstr. 1"
    assert ev.free_of_charge is True
    assert "Nachbarschaftsverein Nord e.V." in ev.organizers


def test_jsonld_output(seed000):
    items = to_jsonld(seed000)
    assert len(items) == 4
    assert items[0]["@type"] == "Event" and items[0]["location"]["name"].startswith("Rathaus Nord")
    json.dumps(items)


@pytest.mark.parametrize(
    "text,expected",
    [
        # the building of a room named once reaches the later mentions of the room
        ("Am 19. Oktober 2025 um 9 Uhr tagt der Kreisausschuss im Großen Sitzungssaal des Landratsamtes. "
         "Zudem ist Reinigung. Und mehr. Noch mehr. Weiter. Anderes. Freitag, 26. Oktober 2025: Sitzung des "
         "Kreistages um 8.30 Uhr im Großen Sitzungssaal.", [("Landratsamt", "Großer Sitzungssaal")] * 2),
        # the venue of a series' introduction holds for each event of the series
        ("Herbstlesungen im Gewölbekeller der Stadtbücherei. Anna liest am 16. Oktober 2025 aus „Hecke“. "
         "Berta liest am 20. Oktober 2025 aus „Sibir“.",
         [("Stadtbücherei", "Gewölbekeller"), ("Stadtbücherei", "Gewölbekeller")]),
        # a room that is also a venue head, then its building: the building is the venue
        ("Die Sprechstunde ist am 27. Oktober 2025 von 14.30 bis 16 Uhr im Bürgersaal im Rathaus.",
         [("Rathaus", "Bürgersaal")]),
        ("Die Sprechstunde ist am 27. Oktober 2025 um 14 Uhr im Gemeindesaal.", [("Gemeindesaal", "Gemeindesaal")]),
        # a tour of places: each day names its own venue, so each is an event of its own
        ("Die Einwohnerversammlungen beginnen am Donnerstag, 30. Oktober 2025, um 18 Uhr im "
         "Dorfgemeinschaftshaus in Reisdorf. Am Freitag, 31. Oktober 2025, geht es um 18 Uhr im Sportheim "
         "in Stobra weiter. Am Montag, 3. November 2025, macht die Serie um 18 Uhr in der Turnhalle in "
         "Wickerstedt halt.",
         [("Dorfgemeinschaftshaus", None), ("Sportheim", None), ("Turnhalle", None)]),
        # an excursion goes somewhere: a venue of the introduction is not its place
        ("Der Seniorenbeirat lädt alle Senioren in die Stadthalle ein. Die Seniorenfahrt führt am Dienstag, "
         "14. Oktober 2025, nach Michelstadt.", [(None, None)]),
        ("Der Seniorenbeirat lädt alle Senioren in die Stadthalle ein. Der Vortrag ist am Dienstag, "
         "14. Oktober 2025.", [("Stadthalle", None)]),
        # a course in one place stays one event
        ("Der Kurs findet am 30. Oktober 2025 im Rathaus statt, am 6. November 2025 im Rathaus und am "
         "13. November 2025 wieder im Rathaus, jeweils um 18 Uhr.", [("Rathaus", None)]),
    ],
)
def test_event_locations(extractor, text, expected):
    result = extractor.extract(text=text, reference_date="2025-09-01")
    assert [(e.location.name, e.location.room) for e in result.events] == expected


@pytest.mark.parametrize(
    "text,online",
    [
        # a venue with a strong online cue is a hybrid event
        ("Die Tagung ist am 3. Dezember 2025 im Bürgerhaus Mitte, Teilnehmer werden per Zoom zugeschaltet.", True),
        ("Der Festakt ist am 24. Mai 2025 um 18 Uhr im Rathaus. Die Veranstaltung wird auch per Livestream übertragen.",
         True),
        # a weak cue does not make a venue online
        ("Am 3. Dezember 2025 um 18 Uhr im Bürgerhaus Mitte. Infos finden Sie online.", False),
    ],
)
def test_hybrid_online(extractor, text, online):
    result = extractor.extract(text=text, reference_date="2025-09-01")
    assert result.events and result.events[0].location.name
    assert result.events[0].location.online is online

@pytest.mark.parametrize(
    "text,online",
    [
        # an online series holds for each of its events that names no place of its own
        ("Ab Mitte Juni bietet die VHS eine Reihe von Online-Donnerstagsvorträgen an.\n\n"
         "Den Vortrag „Jesingen im Mittelalter“ hält Max Frisch am Donnerstag, 18. Juni 2026, um 19 Uhr.\n\n"
         "Den Vortrag „Ötlingen und die Teck“ hält Eva Klein am Donnerstag, 25. Juni 2026, um 19 Uhr.", [True, True]),
        # … not for one that names its venue
        ("Ab Mitte Juni bietet die VHS eine Reihe von Online-Donnerstagsvorträgen an.\n\n"
         "Den Vortrag „Jesingen im Mittelalter“ hält Max Frisch am Donnerstag, 18. Juni 2026, um 19 Uhr.\n\n"
         "Das Konzert „Sommerklänge“ ist am Donnerstag, 25. Juni 2026, um 19 Uhr in der Stadthalle.", [True, False]),
        # a single online talk says nothing about the other events
        ("Den Vortrag „Jesingen im Mittelalter“ hält Max Frisch am 18. Juni 2026 um 19 Uhr im Rathaus.\n\n"
         "Das Konzert „Sommerklänge“ ist am 25. Juni 2026 um 19 Uhr. Es wird als Livestream übertragen.", [False, True]),
        # an online cue that names the event itself is no venue
        ("Die Verbraucherzentrale lädt zu ihrem ersten digitalen Verbrauchercafé ein. Am 15. März 2026, "
         "16 Uhr, berichten Beraterinnen über Tricks von Betrügern.", [True]),
    ],
)
def test_online_series_and_online_named_events(extractor, text, online):
    result = extractor.extract(text=text, reference_date="2026-03-01")
    assert [e.location.online for e in result.events] == online



@pytest.mark.parametrize(
    "text,location,room",
    [
        # a hall with a name of its own and no building is the venue; a generic room stays a room
        ("Der Neujahrsempfang ist am 12. Januar 2020 um 11.15 Uhr im Schönbuchsaal.", "Schönbuchsaal", None),
        ("Die Sitzung ist am 12. Januar 2020 um 18 Uhr im großen Sitzungssaal.", None, "großer Sitzungssaal"),
        ("Die Lesung ist am 12. Januar 2020 um 19 Uhr im Europasaal des Zentrums.", "Zentrum", "Europasaal"),
    ],
)
def test_named_hall_without_building_is_the_venue(extractor, text, location, room):
    r = extractor.extract(text=text, reference_date=dt.date(2020, 1, 2))
    assert len(r.events) == 1
    assert (r.events[0].location.name, r.events[0].location.room) == (location, room)


def test_registration_channel_in_the_next_sentence_and_sentence_is_no_title(extractor):
    text = ("Eine Anmeldung zur Veranstaltung am Dienstag, 10. November 2020, um 19 Uhr in der Schulaula ist "
            "erforderlich. Dazu genügt die Angabe des Namens per Email (info@gemeinde-gruenwald.de).")
    r = extractor.extract(text=text, reference_date=dt.date(2020, 10, 21))
    (event,) = r.events
    assert event.registration.email == "info@gemeinde-gruenwald.de"
    assert event.location.room == "Schulaula"
    assert event.title == "Veranstaltung"


@pytest.mark.parametrize(
    "text,location",
    [
        # an organiser that is a building of its own is the venue when the text names no other
        ("Die Stadtbibliothek Weimar lädt am 5. Mai 2024 um 19 Uhr zur Lesung ein.", "Stadtbibliothek Weimar"),
        ("Die Stadtbibliothek Weimar lädt am 5. Mai 2024 um 19 Uhr zur Lesung ins Rathaus ein.", "Rathaus"),
        ("Die Stadtbibliothek Weimar lädt am 5. Mai 2024 um 19 Uhr zur Online-Lesung per Zoom ein.", None),
    ],
)
def test_building_organiser_is_the_fallback_venue(extractor, text, location):
    r = extractor.extract(text=text, reference_date=dt.date(2024, 4, 20))
    assert [e.location.name for e in r.events] == [location]


CALENDAR_LISTING = """Veranstaltungen im Mai

01.05.2020, 11 - 18 Uhr
Tag der Arbeit
Kunst macht Arbeit, Vorbesichtigung zu den offenen Ateliers.
Ort/Info:
Atelierhof Werenzhain, Werenzhainer Hauptstr. 76, 03253 Doberlug-Kirchhain
Tel. 035322 32797
01.05.2020, 17 Uhr
„Quisquilien“ - Vernissage zur Ausstellung mit Malerei
Ort:
Atelierscheune, Hohenkuhnsdorf 19, 04916 Schönewalde
02.05.2020, 19.30 Uhr
Sinfoniekonzert
Ort:
Nikolai-Kirche Bad Liebenwerda, Markt 24, 04924 Bad Liebenwerda
"""


def test_calendar_listing_blocks_are_events(extractor):
    """Each block of a listing opened by its own date line is an event, even on the same day;
    its first line names it and its 'Ort:' line is its venue."""
    result = extractor.extract(text=CALENDAR_LISTING, reference_date="2020-04-20")
    got = [(e.title, [s.start.strftime("%m-%d %H:%M") for s in e.sessions], e.location.name) for e in result.events]
    assert got == [
        ("Tag der Arbeit", ["05-01 11:00"], "Atelierhof Werenzhain"),
        ("„Quisquilien“ - Vernissage zur Ausstellung mit Malerei", ["05-01 17:00"], "Atelierscheune"),
        ("Sinfoniekonzert", ["05-02 19:30"], "Nikolai-Kirche Bad Liebenwerda"),
    ]


def test_consecutive_date_lines_are_one_event(extractor):
    text = "Unsere Kurstermine:\n14.02.2026, 10 Uhr\n14.03.2026, 10 Uhr\n\nDer Kurs „Erste Hilfe“ findet im Rathaus statt."
    result = extractor.extract(text=text, reference_date="2026-01-10")
    assert len(result.events) == 1 and len(result.events[0].sessions) == 2


def test_closing_registration_holds_for_each_event_of_a_listing(extractor):
    text = ("Im Oktober geht es weiter mit Herbstlesungen im Gewölbekeller der Stadtbücherei.\n"
            "Die Autorin Gianna Molinari liest am 16. Oktober 2023 aus ihrem Roman „Hinter der Hecke die Welt“.\n"
            "Sabrina Janesch liest am 23. Oktober 2023 aus „Sibir“.\n"
            "Reservierungen für einzelne Lesungen nimmt die Stadtbücherei telefonisch unter (03643) 762-70101, "
            "per E-Mail stadtbuecherei@stadtweimar.de oder vor Ort entgegen. Tickets (Eintritt 8,- / 5,-) erhält man an der Kasse.")
    result = extractor.extract(text=text, reference_date="2023-10-01")
    assert len(result.events) == 2
    for e in result.events:
        assert e.registration.email == "stadtbuecherei@stadtweimar.de"
        assert e.registration.phone == "+49364376270101"
        assert e.free_of_charge is False


def test_paragraph_with_its_own_quoted_name_on_another_day_is_another_event(extractor):
    text = ("Die nächste Veranstaltung ist am Gründonnerstag, 13. April. Um 21 Uhr beginnen die Gebetsstunden.\n\n"
            "„Wie kam es zu vier Evangelien?“, lautet die Frage, der Pfarrer Mikschl am Mittwoch, 10. Mai, 19.30 Uhr nachgeht.")
    result = extractor.extract(text=text, reference_date="2017-03-20")
    assert [[s.start.strftime("%m-%d %H:%M") for s in e.sessions] for e in result.events] == [["04-13 21:00"], ["05-10 19:30"]]


def test_venue_nearest_to_the_sessions_time_not_only_its_date(extractor):
    """Corpus document 770: the evening event's date stands a sentence before its time and
    room ("Ziel der Abendveranstaltung von 18 bis 20 Uhr im Ratssaal des Rathauses"); the
    information stand's Marktplatz further down is not its venue."""
    from .conftest import CORPUS

    text = (CORPUS / "documents" / "770_eisenach-klimaschutz-informationsabend.txt").read_text(encoding="utf-8")
    result = extractor.extract(text=text, reference_date="2025-09-08")
    evening = [e for e in result.events if any(s.start.hour == 18 for s in e.sessions)]
    assert evening and evening[0].location.name == "Rathaus"


def test_venue_in_another_events_sentence_is_not_this_events(extractor):
    text = ("Der Seniorenbeirat lädt am 9. April 2026 um 10 Uhr zur Wanderung „Frühling am See“ ein.\n\n"
            "Der Vortrag „Sicher im Netz“ folgt am 4. Juni 2026 um 17 Uhr im Rathaus, im großen Ratssaal.")
    result = extractor.extract(text=text, reference_date="2026-03-01")
    got = [(e.sessions[0].start.month, e.location.name, e.location.room) for e in result.events]
    assert got == [(4, None, None), (6, "Rathaus", "großer Ratssaal")]


def test_each_dated_heading_opens_an_event(extractor):
    text = ("Mit einer Leseoffensive startet die Stadtbibliothek in den Herbst.\n\n"
            "Erster Weltkrieg – Lesung mit Gespräch am 25. Oktober, 19 Uhr\n"
            "Als Begleitveranstaltung kommt am Samstag, 25. Oktober, Professor Herfried Münkler nach Eisenach und liest.\n\n"
            "Kinderveranstaltungen am 28. Oktober, jeweils um 10 und 11 Uhr\n"
            "Die Autorin Astrid Seehaus kommt für zwei Kinderveranstaltungen am Dienstag, 28. Oktober, in die Stadtbibliothek.\n")
    result = extractor.extract(text=text, reference_date="2014-10-20")
    assert [[s.start.strftime("%m-%d %H:%M") for s in e.sessions] for e in result.events] == [
        ["10-25 19:00"], ["10-28 10:00", "10-28 11:00"]]
    # a line broken inside a paragraph is no heading
    wrapped = ("Die Werkstatt findet am 3. Mai um 18 Uhr und am\n4. Mai um 10 Uhr im Rathaus statt und ist für alle Bürger offen.\n"
               "Beide Termine bauen aufeinander auf und die Teilnahme an beiden Terminen wird empfohlen.\n")
    result = extractor.extract(text=wrapped, reference_date="2024-04-20")
    assert len(result.events) == 1 and len(result.events[0].sessions) == 2


EUROPALETTE = (
    "Die Herbstlesereihe in der Stadtbücherei\n"
    "Von September bis Dezember finden im Gewölbekeller der Stadtbücherei Weimar wieder Lesungen statt.\n"
    "Dienstag, 03. September Anne Weber: Bannmeilen\n"
    "Donnerstag, 19. September Kathinka Engel: Words unspoken\n"
    "Montag, 23. September Anke Feuchtenberger: Genossin Kuckuck\n"
    "Das Publikum kann nach der Veranstaltung im Gewölbekeller verweilen und mit den Autoren sprechen.\n"
    "Veranstaltungsort: Stadtbücherei Weimar, Gewölbekeller, Steubenstr. 1\n"
    "Beginn: 19:30\n"
    "Eintritt: 12,- / 6,- / 1,-\n"
)


def test_listing_of_titled_days_with_one_start_below(extractor):
    """Each line of a day with its own titled item is an event; the one 'Beginn: 19:30' below
    the listing is the start of each."""
    result = extractor.extract(text=EUROPALETTE, reference_date="2024-08-20")
    got = [(e.title, [s.start.strftime("%m-%d %H:%M") for s in e.sessions]) for e in result.events]
    assert got == [
        ("Anne Weber: Bannmeilen", ["09-03 19:30"]),
        ("Kathinka Engel: Words unspoken", ["09-19 19:30"]),
        ("Anke Feuchtenberger: Genossin Kuckuck", ["09-23 19:30"]),
    ]
    # two such lines are no listing, and a start among several times is not everyone's
    two = extractor.extract(
        text="Kursreihe im Rathaus\nDienstag, 03. September Teil 1: Grundlagen\nDienstag, 10. September Teil 2: Praxis\n",
        reference_date="2024-08-20")
    assert len(two.events) == 1 and len(two.events[0].sessions) == 2


def test_hall_of_a_building_gives_the_building_as_venue(extractor):
    text = ("Der Ortsverein führt am Montag, 1. Februar, von 17 bis 20.30 Uhr in der Turnhalle der "
            "Gemeinschafts-Schule an der Saarschleife einen Blutspendetermin durch.")
    result = extractor.extract(text=text, reference_date="2021-01-20")
    assert result.events[0].location.name == "Gemeinschafts-Schule"


def test_title_from_prose_opening_is_its_first_sentence(extractor):
    text = ("Niederdorfelden. Erstmals sind die Dorfeller Kerbburschen austragender Verein der Kerb in Niederdorfelden. "
            "Begonnen wird mit dem Aufstellen des Kerbbaums am Samstag, 22. Oktober, um 14.30 Uhr.")
    result = extractor.extract(text=text, reference_date="2016-10-19")
    title = result.events[0].title
    assert title == "Erstmals sind die Dorfeller Kerbburschen austragender Verein der Kerb in Niederdorfelden"
