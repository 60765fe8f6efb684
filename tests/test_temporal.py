"""German dates, times, sessions and deadlines (``aushang_temporal``), table-driven.

Each row: a German expression in context, the reference date, and what the component must
find — date mentions (``YYYY-MM-DD`` or ``START..END`` for a range, in text order), times
(``HH:MM`` or ``HH:MM-HH:MM``), sessions (``START`` or ``START>END``; a start/end is a date or
``YYYY-MM-DDTHH:MM``) and deadlines. ``None`` leaves a field unchecked. Runs on the blank
German pipeline through the whole spaCy pipeline, so contact spans (phones) are in place.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.components.base import store
from extractor.normalize.dates import parse_date_text, resolve_year

R = "2024-07-01"  # a Monday


@pytest.fixture(scope="module")
def nlp():
    from extractor import Extractor
    from extractor.settings import Settings

    return Extractor(Settings(pipeline="blank")).nlp


def run(nlp, text: str, ref: str):
    doc = nlp.make_doc(text)
    doc._.reference_date = dt.date.fromisoformat(ref)
    doc = nlp(doc)
    return store(doc)


def _fmt(v) -> str:
    if isinstance(v, dict):
        return f"{_fmt(v['start'])}..{_fmt(v['end'])}"
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%dT%H:%M")
    return v.isoformat()


def _session(v) -> str:
    start = _fmt(v["start"])
    return start if v["end"] is None else f"{start}>{_fmt(v['end'])}"


def observed(found) -> dict:
    return {
        "dates": [_fmt(c.value) for c in found.get("dates", [])],
        "times": [c.value + (f"-{c.attrs['end_value']}" if c.attrs.get("end_value") else "") for c in found.get("times", [])],
        # "later" sessions (a later sentence's time on an earlier day) are offers to event assembly
        "sessions": sorted(_session(c.value) for c in found.get("sessions", []) if not c.attrs.get("later")),
        "deadlines": [_fmt(c.value) for c in found.get("deadlines", [])],
    }


def row(text, dates=None, times=None, sessions=None, ref=R, deadlines=None, id=None):
    return pytest.param(text, ref, dates, times, sessions, deadlines, id=id or text[:60])


ROWS = [
    # -- date notations ----------------------------------------------------------------------
    row("Die Werkstatt findet am 24. Juli 2024 statt.", ["2024-07-24"], [], ["2024-07-24"]),
    row("Die Werkstatt findet am 24. Juli statt.", ["2024-07-24"], [], ["2024-07-24"]),
    row("Termin: 24.07.2024", ["2024-07-24"], [], ["2024-07-24"]),
    row("Wir treffen uns am 24.7. im Rathaus.", ["2024-07-24"], [], ["2024-07-24"]),
    row("Treffen am 26.5.25 im Bürgerhaus.", ["2025-05-26"], [], ["2025-05-26"]),
    row("Das Fest ist am 3. Okt. 2026 auf dem Marktplatz.", ["2026-10-03"], [], ["2026-10-03"]),
    row("Die Messe öffnet am 21. Sept. ihre Tore.", ["2024-09-21"], [], ["2024-09-21"]),
    row("Am Dienstag, 10. Mai, lädt die Stadt zum Bürgerfest ein.", ["2024-05-10"], [], None),
    row("Mo., 4. Mai 2026: Sitzung des Gemeinderats", ["2026-05-04"], [], ["2026-05-04"]),
    row("Die Sprechstunde ist am Fr 6.3.2026 im Rathaus.", ["2026-03-06"], [], ["2026-03-06"]),
    row("Die Versammlung findet am Donnerstag, den 15.05.2025 statt.", ["2025-05-15"], [], ["2025-05-15"]),
    row("Am Donnerstag, dem 06. Oktober 2022 war die Infoveranstaltung.", ["2022-10-06"], [], ["2022-10-06"]),
    row("Samstag, 13. April: Frühjahrsputz", ["2024-04-13"], [], ["2024-04-13"]),  # the weekday picks 2024
    row("am 1. Januar 2025 beginnt das neue Programm", ["2025-01-01"], [], ["2025-01-01"]),
    row("Der Aktionstag am 5. März 2025 richtet sich an alle.", ["2025-03-05"], [], ["2025-03-05"]),
    row("Am 31. Dezember 2024 wird gefeiert.", ["2024-12-31"], [], ["2024-12-31"]),
    row("Das Konzert am 12. Aug. 2024 beginnt pünktlich.", ["2024-08-12"], [], ["2024-08-12"]),
    row("Der Markt am 7. Nov. lockt Besucher.", ["2024-11-07"], [], ["2024-11-07"]),
    row("Am 2. Feb. 2025 ist Lichtmess.", ["2025-02-02"], [], ["2025-02-02"]),
    row("Am 14. Dez. ist Weihnachtsmarkt.", ["2024-12-14"], [], ["2024-12-14"]),
    row("Am 9. Jan. 2025 startet der Kurs.", ["2025-01-09"], [], ["2025-01-09"]),
    row("Am 30. Juni 2024 ist Schluss.", ["2024-06-30"], [], ["2024-06-30"]),
    row("Am 1. Mai ist Maifest.", ["2025-05-01"], [], ["2025-05-01"]),
    row("Am 1. Mai. Danach Pause.", ["2025-05-01"], [], ["2025-05-01"]),
    row("AM 24. JULI 2024 IM RATHAUS", ["2024-07-24"], [], ["2024-07-24"]),
    row("Am 24.Juli 2024 im Rathaus", ["2024-07-24"], [], ["2024-07-24"]),
    row("Am 24. 07. 2024 im Rathaus", ["2024-07-24"], [], ["2024-07-24"]),
    row("Die Sitzung am 2024-07-24 ist öffentlich.", ["2024-07-24"], [], ["2024-07-24"]),
    row("Am 3. März lädt der Verein ein.", ["2025-03-03"], [], ["2025-03-03"]),
    row("Am 29. Februar 2024 war Schalttag.", ["2024-02-29"], [], ["2024-02-29"]),
    row("Am 17. Jänner 2025 in Wien.", ["2025-01-17"], [], ["2025-01-17"]),
    row("Mittwoch, 3. Oktober: Tag der Regionen", ["2024-10-03"], [], None),
    row("Freitag, 19. Oktober 2018, Unternehmerforum", ["2018-10-19"], [], ["2018-10-19"]),
    row("So., 8. September 2024: Tag des offenen Denkmals", ["2024-09-08"], [], ["2024-09-08"]),
    row("Sa, 13.4. Flohmarkt", ["2024-04-13"], [], ["2024-04-13"]),
    row("SONNTAG, 8. SEPTEMBER 2024: TAG DES OFFENEN DENKMALS", ["2024-09-08"], [], ["2024-09-08"]),
    row("Termin: 05.09.24 im Saal", ["2024-09-05"], [], ["2024-09-05"]),
    row("Am 7.10.2024 geht es los.", ["2024-10-07"], [], ["2024-10-07"]),
    row("(26.09.2017) Vortrag von Hauke Christiansen", ["2017-09-26"], [], ["2017-09-26"]),
    row("Die Schwerpunktreihe wird am  14.11.2017  fortgesetzt.", ["2017-11-14"], [], ["2017-11-14"]),
    row("Das Sommerfest am Samstag, 6. Juli, beginnt mittags.", ["2024-07-06"], [], ["2024-07-06"]),
    row("Am Montag, 8. Juli 2024, tagt der Rat.", ["2024-07-08"], [], ["2024-07-08"]),
    row("Donnerstag, 11. Juli 2024 – Sitzung", ["2024-07-11"], [], ["2024-07-11"]),
    row("Der Kurs ist am 4. September ausgebucht.", ["2024-09-04"], [], ["2024-09-04"]),
    row("Den Anfang machte am 04. Oktober unser Standort in Diepholz.", ["2022-10-04"], [], ["2022-10-04"], ref="2022-10-10"),
    row("Der 8. April 2025 stand im Zeichen des Rückblicks.", ["2025-04-08"], [], ["2025-04-08"]),
    row("Für sie war der 9. April 2025 ein Auftakttreffen.", ["2025-04-09"], [], ["2025-04-09"]),
    row("Los geht's am 25. Januar 2023 mit dem Thema Krisen.", ["2023-01-25"], [], ["2023-01-25"]),
    row("Am 15. Oktober 2018 | 18:00 bis 21:00 Uhr", ["2018-10-15"], ["18:00-21:00"], ["2018-10-15T18:00>2018-10-15T21:00"]),
    row("Die Bürgerversammlung am Mittwoch, 6. November 2024 im Rathaus.", ["2024-11-06"], [], ["2024-11-06"]),
    # -- ranges and lists ----------------------------------------------------------------------
    row("Die Ausstellung läuft vom 17. bis 30. September 2026.", ["2026-09-17..2026-09-30"], [], ["2026-09-17>2026-09-30"]),
    row("Das Seminar fand am Wochenende vom 3.-5. Dezember 2021 statt.", ["2021-12-03..2021-12-05"], [], ["2021-12-03>2021-12-05"], ref="2021-12-15"),
    row("Die Anerkennung ist mit Datum 18. Juli 2018 erfolgt.", ["2018-07-18"], [], [], ref="2018-08-20"),
    row("Festwoche 17.–30.09.2018 im Kurpark", ["2018-09-17..2018-09-30"], [], ["2018-09-17>2018-09-30"]),
    row("Das Treffen war am 8. und 9. April 2025 in Mainz.", ["2025-04-08", "2025-04-09"], [], ["2025-04-08", "2025-04-09"]),
    row("Die Tage der offenen Tür am 11./12. März", ["2025-03-11", "2025-03-12"], [], ["2025-03-11", "2025-03-12"]),
    row("Kurstermine: 5., 12. und 19. März", ["2025-03-05", "2025-03-12", "2025-03-19"], [], ["2025-03-05", "2025-03-12", "2025-03-19"]),
    row("Herbstferien 27.10.–09.11.", ["2024-10-27..2024-11-09"], [], ["2024-10-27>2024-11-09"]),
    row("vom 28. Dezember bis 3. Januar 2026 geschlossen", ["2025-12-28..2026-01-03"], [], None),
    row("Vom 2. – 6. Dezember sei eine Delegation zu Besuch.", ["2024-12-02..2024-12-06"], [], None),
    row("vom Freitag, 6. bis Sonntag, 8. September feiert die Stadt", ["2024-09-06..2024-09-08"], [], ["2024-09-06>2024-09-08"]),
    row("am 24. Juli und 16. August", ["2024-07-24", "2024-08-16"], [], ["2024-07-24", "2024-08-16"]),
    row("am 14. Februar, 14. März und 11. April 2026", ["2026-02-14", "2026-03-14", "2026-04-11"], [], ["2026-02-14", "2026-03-14", "2026-04-11"]),
    row("Termin der Veranstaltung: 28. und 31. August sowie 8. und 9. September 2020", ["2020-08-28", "2020-08-31", "2020-09-08", "2020-09-09"], [], None, ref="2020-08-20"),
    row("zwei Abendtermine am 8. und 30. Juni.", ["2024-06-08", "2024-06-30"], [], None, ref="2024-04-22"),
    row("Die Aktion dauert vom 1. bis 15. Juli.", ["2024-07-01..2024-07-15"], [], ["2024-07-01>2024-07-15"]),
    row("24.–26. Oktober 2025: Messe", ["2025-10-24..2025-10-26"], [], ["2025-10-24>2025-10-26"]),
    row("vom 24.10. bis 26.10.2025", ["2025-10-24..2025-10-26"], [], ["2025-10-24>2025-10-26"]),
    row("am 3. und 4. Mai 2025 sowie am 10. Mai 2025", ["2025-05-03", "2025-05-04", "2025-05-10"], [], None),
    row("Sonntag, 25.5. und 22.6., jeweils 11 Uhr", ["2025-05-25", "2025-06-22"], ["11:00"], ["2025-05-25T11:00", "2025-06-22T11:00"], ref="2025-02-25"),
    row("Dienstag, 10. Mai, und Donnerstag, 12. Mai 2022", ["2022-05-10", "2022-05-12"], [], ["2022-05-10", "2022-05-12"]),
    row("Ferienprogramm vom 29. Juli bis 9. August", ["2024-07-29..2024-08-09"], [], ["2024-07-29>2024-08-09"]),
    row("jeweils Samstag, 1. Februar, 7. März und 4. April", ["2020-02-01", "2020-03-07", "2020-04-04"], [], None, ref="2020-01-25"),
    row("Am 1., 2. und 3. Oktober 2024", ["2024-10-01", "2024-10-02", "2024-10-03"], [], None),
    row("Vom 10. bis zum 12. Mai 2025 tagt die Synode.", ["2025-05-10..2025-05-12"], [], ["2025-05-10>2025-05-12"]),
    row("am 5. oder 6. Juli 2024", ["2024-07-05", "2024-07-06"], [], None),
    # -- times -----------------------------------------------------------------------------
    row("Am 24. Juli 2024 um 13 Uhr", ["2024-07-24"], ["13:00"], ["2024-07-24T13:00"]),
    row("Am 24. Juli 2024 um 13:00 Uhr", ["2024-07-24"], ["13:00"], ["2024-07-24T13:00"]),
    row("Am 24. Juli 2024 um 13.30 Uhr", ["2024-07-24"], ["13:30"], ["2024-07-24T13:30"]),
    row("Am 24. Juli 2024 um 19.30 im Saal", ["2024-07-24"], ["19:30"], ["2024-07-24T19:30"]),
    row("Am 24. Juli 2024 ab 18 Uhr", ["2024-07-24"], ["18:00"], ["2024-07-24T18:00"]),
    row("Am 25. Januar 2023 um 13:30-14:45 Uhr online.", ["2023-01-25"], ["13:30-14:45"], ["2023-01-25T13:30>2023-01-25T14:45"]),
    row("Am 5. Mai 2025, 9.00 – 15.30 Uhr", ["2025-05-05"], ["09:00-15:30"], ["2025-05-05T09:00>2025-05-05T15:30"]),
    row("Am 5. Mai 2025 von 18.30 bis ca. 21 Uhr", ["2025-05-05"], ["18:30-21:00"], ["2025-05-05T18:30>2025-05-05T21:00"]),
    row("Am 5. Mai 2025 zwischen 16 und 18 Uhr", ["2025-05-05"], ["16:00-18:00"], ["2025-05-05T16:00>2025-05-05T18:00"]),
    row("Am 5. Mai 2025 um 19 Uhr. Ende gegen 20.30 Uhr.", ["2025-05-05"], ["19:00", "20:30"], ["2025-05-05T19:00>2025-05-05T20:30"]),
    row("Am 5. Mai 2025: Einlass 18 Uhr, Beginn 19 Uhr", ["2025-05-05"], ["18:00", "19:00"], ["2025-05-05T19:00"]),
    # the one time the text calls the start, far below the date and below sale hours ("ab 16 Uhr")
    row("Die Kirche wird für das Benefizkonzert am Donnerstag, 6. Dezember 2024, vorbereitet. Das Orchester "
        "spielt weihnachtliche Weisen aus dem 20. Jahrhundert. Zum Schluss erklingt die bekannte Musik aus einem "
        "Film. Das Interesse an dem Konzert ist riesig. Die Karten waren binnen zwei Stunden verkauft. Somit "
        "stehen nun nochmal 100 Karten zur Verfügung. Diese können ab 16 Uhr in der Kirche gekauft werden. "
        "Konzertbeginn ist um 19 Uhr.",
        ["2024-12-06"], ["16:00", "19:00"], ["2024-12-06T19:00"]),
    row("Am Dienstag, 10. Mai 2022, lädt die Stadt ein. Von 18.30 bis ca. 21 Uhr gibt es Musik.", ["2022-05-10"], ["18:30-21:00"], ["2022-05-10T18:30>2022-05-10T21:00"]),
    row("Am 5. Mai 2025 von 10 bis 12 Uhr", ["2025-05-05"], ["10:00-12:00"], ["2025-05-05T10:00>2025-05-05T12:00"]),
    row("Am 5. Mai 2025 von 9 Uhr bis 12 Uhr", ["2025-05-05"], ["09:00-12:00"], ["2025-05-05T09:00>2025-05-05T12:00"]),
    row("Am 5. Mai 2025, 18:00 Uhr bis 20:00 Uhr", ["2025-05-05"], ["18:00-20:00"], ["2025-05-05T18:00>2025-05-05T20:00"]),
    row("Am 5. Mai 2025, 10-12 Uhr", ["2025-05-05"], ["10:00-12:00"], ["2025-05-05T10:00>2025-05-05T12:00"]),
    row("Am 5. Mai 2025, 14 bis 15:30 Uhr", ["2025-05-05"], ["14:00-15:30"], ["2025-05-05T14:00>2025-05-05T15:30"]),
    row("Am 5. Mai 2025, 17 bis 18:30 IUhr", ["2025-05-05"], ["17:00-18:30"], ["2025-05-05T17:00>2025-05-05T18:30"]),
    row("Am 5. Mai 2025 um 18h", ["2025-05-05"], ["18:00"], ["2025-05-05T18:00"]),
    row("Am 5. Mai 2025 um 18.30h", ["2025-05-05"], ["18:30"], ["2025-05-05T18:30"]),
    row("Am 5. Mai 2025 um zehn Uhr", ["2025-05-05"], ["10:00"], ["2025-05-05T10:00"]),
    row("Am 5. Mai 2025 um 10, 14 und 16 Uhr", ["2025-05-05"], ["10:00", "14:00", "16:00"], ["2025-05-05T10:00", "2025-05-05T14:00", "2025-05-05T16:00"]),
    row("Am 5. Mai 2025 von 20 bis 24 Uhr", ["2025-05-05"], ["20:00-23:59"], ["2025-05-05T20:00>2025-05-05T23:59"]),
    row("Am 5. Mai 2025 von 22 bis 2 Uhr", ["2025-05-05"], ["22:00-02:00"], ["2025-05-05T22:00>2025-05-06T02:00"]),
    row("Am 5. Mai 2025. Uhrzeit: 18.30", ["2025-05-05"], ["18:30"], ["2025-05-05T18:30"]),
    row("Am 5. Mai 2025 beginnt die Veranstaltung um 10 Uhr und dauert bis 12 Uhr.", ["2025-05-05"], ["10:00", "12:00"], ["2025-05-05T10:00>2025-05-05T12:00"]),
    row("Beginn: 18 Uhr, Ende: ca. 20 Uhr, am 5. Mai 2025", ["2025-05-05"], ["18:00", "20:00"], ["2025-05-05T18:00>2025-05-05T20:00"]),
    row("um 19 Uhr am 5. Mai 2025 im Saal", ["2025-05-05"], ["19:00"], ["2025-05-05T19:00"]),
    row("Am 5. Mai 2025, 13.30 Uhr", ["2025-05-05"], ["13:30"], ["2025-05-05T13:30"]),
    row("11. April 2026 - 20:00 Uhr bis 23:59 Uhr", ["2026-04-11"], ["20:00-23:59"], ["2026-04-11T20:00>2026-04-11T23:59"]),
    row("Los geht es am Dienstag, 14. September, um 14.30 Uhr.", ["2021-09-14"], ["14:30"], ["2021-09-14T14:30"], ref="2021-09-10"),
    row("Die Kreistagssitzung am 05.12. werde bereits um 16.00 Uhr beginnen.", ["2019-12-05"], ["16:00"], ["2019-12-05T16:00"], ref="2019-11-28"),
    row("Am 5. Mai 2025 von 10 bis 12 und 14 bis 16 Uhr", ["2025-05-05"], ["10:00-12:00", "14:00-16:00"], ["2025-05-05T10:00>2025-05-05T12:00", "2025-05-05T14:00>2025-05-05T16:00"]),
    row("Am 5. Mai 2025 um 9:30", ["2025-05-05"], ["09:30"], ["2025-05-05T09:30"]),
    row("Am 5. Mai 2025 gegen 20 Uhr", ["2025-05-05"], ["20:00"], ["2025-05-05T20:00"]),
    row("Am 5. Mai 2025 ab 18.00 Uhr geöffnet", ["2025-05-05"], ["18:00"], ["2025-05-05T18:00"]),
    row("Datum: 5. Mai 2025\nZeit: 18 Uhr\nOrt: Rathaus", ["2025-05-05"], ["18:00"], ["2025-05-05T18:00"]),
    row("Dienstag, 10. Mai 2022\n19:00 - 21:00 Uhr\nBürgerhaus", ["2022-05-10"], ["19:00-21:00"], ["2022-05-10T19:00>2022-05-10T21:00"]),
    row("Am 5. Mai 2025 um 19 Uhr. Saalöffnung 18.30 Uhr.", ["2025-05-05"], ["19:00", "18:30"], ["2025-05-05T19:00"]),
    row("Die Lesung am 16. Oktober 2023. Die Lesung am 20. Oktober 2023. Beginn ist jeweils 19.30 Uhr.", ["2023-10-16", "2023-10-20"], ["19:30"], ["2023-10-16T19:30", "2023-10-20T19:30"]),
    row("Beim Lesetreff geht es immer um 15.15 Uhr los. Die Termine sind der 5., 12. und 19. August 2015.", ["2015-08-05", "2015-08-12", "2015-08-19"], ["15:15"], ["2015-08-05T15:15", "2015-08-12T15:15", "2015-08-19T15:15"], ref="2015-07-20"),
    row("Die Vorlesestunden sind jeweils ab 17 Uhr. Die Termine: 3. März und 7. April 2026.", ["2026-03-03", "2026-04-07"], ["17:00"], ["2026-03-03T17:00", "2026-04-07T17:00"], ref="2026-02-12"),
    # a date with its own time does not take the "jeweils" time of an earlier sentence
    row("Die Kurse beginnen jeweils um 17 Uhr. Der Infoabend ist am 3. März 2026 um 19 Uhr.", ["2026-03-03"], ["17:00", "19:00"], ["2026-03-03T19:00"], ref="2026-02-12"),
    # a bare weekday in a report: the last such day before the reference date (a Tuesday)
    row("Der Dorfplatz wurde am Sonntag zum Aktionsplatz.", ["2023-06-18"], [], ["2023-06-18"], ref="2023-06-20"),
    row("Die Helfer trafen sich am Dienstagabend im Rathaus.", ["2023-06-13"], [], ["2023-06-13"], ref="2023-06-20"),
    # ... not in an invitation, nor with a date after it, nor as background to a dated session
    row("Der Markt ist am Sonntag geöffnet.", [], [], [], ref="2023-06-20"),
    row("Das Team traf sich am Mittwoch. Los geht es am Dienstag, 14. September, um 14.30 Uhr.",
        ["2021-09-08", "2021-09-14"], ["14:30"], ["2021-09-14T14:30"], ref="2021-09-10"),
    row("Die Sitzung wird bereits am Montag beginnen.", [], [], [], ref="2023-06-20"),
    # an ordinal weekday of a named month is a day; of "the month" a recurrence, no day
    row("Am ersten Sonntag im Oktober ist die Abendkirche wieder da.", ["2008-10-05"], [], ["2008-10-05"], ref="2008-02-25"),
    row("Der Markt ist am letzten Samstag im März 2025 geöffnet.", ["2025-03-29"], [], ["2025-03-29"]),
    row("Der Markt ist am zweiten Freitag im Januar.", ["2025-01-10"], [], ["2025-01-10"]),
    row("Das Jugendforum trifft sich immer am letzten Freitag im Monat um 17:00 Uhr.", [], ["17:00"], [], ref="2025-03-01"),
    row("Der Stammtisch ist am nächsten Dienstag des Monats.", [], [], []),
    # a time in a dateless sentence before the date: the next date that has no time of its own
    row("In der Zeit von 16 bis 18 Uhr steht der Bürgermeister Rede und Antwort. Die Zahl der Termine ist begrenzt.\n"
        "Sprechstunde\nDer Bürgermeister bietet am Donnerstag, 15. Mai 2025, eine Sprechstunde an.",
        ["2025-05-15"], ["16:00-18:00"], ["2025-05-15T16:00>2025-05-15T18:00"], ref="2025-04-10"),
    row("Von 10 bis 14 Uhr gibt es Führungen. Das Fest ist am 6. Juni 2025, der Umzug am 7. Juni 2025 um 11 Uhr.",
        ["2025-06-06", "2025-06-07"], ["10:00-14:00", "11:00"], ["2025-06-06", "2025-06-07T11:00"]),
    row("Am 5. Mai 2025 um 12.50 Euro Eintritt", ["2025-05-05"], [], ["2025-05-05"]),
    # -- coordination ---------------------------------------------------------------------------
    row("Die Werkstatt-Termine sind am 24. Juli und 16. August jeweils um 13:00 Uhr und um 18:00 Uhr statt.",
        ["2024-07-24", "2024-08-16"], ["13:00", "18:00"],
        ["2024-07-24T13:00", "2024-07-24T18:00", "2024-08-16T13:00", "2024-08-16T18:00"]),
    row("am 14. Februar, 14. März und 11. April 2026, jeweils von 10 bis 12 Uhr",
        ["2026-02-14", "2026-03-14", "2026-04-11"], ["10:00-12:00"],
        ["2026-02-14T10:00>2026-02-14T12:00", "2026-03-14T10:00>2026-03-14T12:00", "2026-04-11T10:00>2026-04-11T12:00"]),
    row("Am 5. Mai 2025 um 10 Uhr und um 19 Uhr", ["2025-05-05"], ["10:00", "19:00"], ["2025-05-05T10:00", "2025-05-05T19:00"]),
    row("am 5. Mai 2025 um 10 Uhr und am 6. Mai 2025 um 14 Uhr", ["2025-05-05", "2025-05-06"], ["10:00", "14:00"], ["2025-05-05T10:00", "2025-05-06T14:00"]),
    row("Termine: 28. August 2020, 14 bis 15:30 Uhr\n31. August 2020, 17 bis 18:30 Uhr",
        ["2020-08-28", "2020-08-31"], ["14:00-15:30", "17:00-18:30"],
        ["2020-08-28T14:00>2020-08-28T15:30", "2020-08-31T17:00>2020-08-31T18:30"], ref="2020-08-20"),
    row("Am 8. und 9. April 2025 jeweils ab 9 Uhr", ["2025-04-08", "2025-04-09"], ["09:00"], ["2025-04-08T09:00", "2025-04-09T09:00"]),
    row("Am 5. Mai 2025 vormittags um 10 Uhr und abends um 19 Uhr", ["2025-05-05"], ["10:00", "19:00"], ["2025-05-05T10:00", "2025-05-05T19:00"]),
    row("Die Seminare am 3. und 10. März 2025, jeweils 18–20 Uhr", ["2025-03-03", "2025-03-10"], ["18:00-20:00"], ["2025-03-03T18:00>2025-03-03T20:00", "2025-03-10T18:00>2025-03-10T20:00"]),
    row("Am 3. März 2025 um 18 Uhr. Am 10. März 2025 um 19 Uhr.", ["2025-03-03", "2025-03-10"], ["18:00", "19:00"], ["2025-03-03T18:00", "2025-03-10T19:00"]),
    row("Dieses Seminar findet am 25. Januar 2023 statt. Es beginnt am 25. Januar 2023 um 13:30 Uhr.", ["2023-01-25", "2023-01-25"], ["13:30"], ["2023-01-25T13:30"]),
    row("Die Osternacht: Samstag, 22.3. um 22 Uhr in der Talkirche", ["2008-03-22"], ["22:00"], ["2008-03-22T22:00"], ref="2008-02-25"),
    row("Am 6. Juli 2024: Sommerfest. Am 7. Juli 2024: Gottesdienst.", ["2024-07-06", "2024-07-07"], [], ["2024-07-06", "2024-07-07"]),
    row("Die IHK bietet vom 18. bis 22. November 2019 einen Live-Chat an. Täglich von 8.00 bis 12.00 Uhr können Gründer Fragen stellen.", ["2019-11-18..2019-11-22"], ["08:00-12:00"], ["2019-11-18T08:00>2019-11-18T12:00", "2019-11-19T08:00>2019-11-19T12:00", "2019-11-20T08:00>2019-11-20T12:00", "2019-11-21T08:00>2019-11-21T12:00", "2019-11-22T08:00>2019-11-22T12:00"], ref="2019-11-10"),
    row("vom 17. bis 30. September 2026, täglich 10 bis 18 Uhr", ["2026-09-17..2026-09-30"], ["10:00-18:00"], ["2026-09-17T10:00>2026-09-30T18:00"]),
    row("Der Kurs am 5., 12. und 19. März 2025 jeweils um 18 Uhr", ["2025-03-05", "2025-03-12", "2025-03-19"], ["18:00"], ["2025-03-05T18:00", "2025-03-12T18:00", "2025-03-19T18:00"]),
    row("Das Café öffnet am 14. September 2021. Es ist von 14.30 bis 17 Uhr geöffnet.", ["2021-09-14"], ["14:30-17:00"], ["2021-09-14"]),
    # -- relative -----------------------------------------------------------------------------
    row("Wir sehen uns heute Abend im Rathaus.", ["2024-07-01"], [], ["2024-07-01"]),
    row("Die Sitzung ist morgen im Rathaus.", ["2024-07-02"], [], ["2024-07-02"]),
    row("Die Sitzung ist übermorgen.", ["2024-07-03"], [], ["2024-07-03"]),
    row("Am kommenden Samstag ist Flohmarkt.", ["2024-07-06"], [], ["2024-07-06"]),
    row("Der Rat tagt nächsten Dienstag.", ["2024-07-02"], [], ["2024-07-02"]),
    row("heute um 19 Uhr im Saal", ["2024-07-01"], ["19:00"], ["2024-07-01T19:00"]),
    row("morgen ab 10 Uhr", ["2024-07-02"], ["10:00"], ["2024-07-02T10:00"]),
    row("Heute engagieren sich viele Menschen.", [], [], []),
    row("Die Welt von morgen gestalten wir gemeinsam.", [], [], []),
    row("Am Morgen gibt es Kaffee.", [], [], []),
    row("Bis heute hat sich viel getan.", [], [], []),
    row("Am vergangenen Samstag trafen sich die Helfer.", ["2024-06-29"], [], ["2024-06-29"]),
    row("Am kommenden Montag beginnt der Kurs.", ["2024-07-08"], [], ["2024-07-08"]),
    row("Der Flohmarkt ist am nächsten Sonntag.", ["2024-07-07"], [], ["2024-07-07"]),
    row("Gestern wurde der Preis verliehen.", ["2024-06-30"], [], ["2024-06-30"]),
    row("heute Abend um 20 Uhr", ["2024-07-01"], ["20:00"], ["2024-07-01T20:00"]),
    # -- year resolution ----------------------------------------------------------------------
    row("Samstag, 13. April: Frühjahrsputz", ["2024-04-13"], [], ["2024-04-13"], ref="2024-03-20"),
    row("Am 10. Januar beginnt der Kurs.", ["2025-01-10"], [], ["2025-01-10"], ref="2024-12-15"),
    row("Am 28. Dezember ist Konzert.", ["2024-12-28"], [], ["2024-12-28"], ref="2024-12-15"),
    row("Am 5. Januar lud die Stadt ein.", ["2024-01-05"], [], None, ref="2024-02-10"),
    row("Am 3. April fand die Versammlung statt.", ["2024-04-03"], [], ["2024-04-03"], ref="2024-04-20"),
    row("Am 3. April findet die Versammlung statt.", ["2025-04-03"], [], ["2025-04-03"], ref="2024-04-20"),
    row("Am 28. Juni ist das Fest.", ["2024-06-28"], [], ["2024-06-28"]),
    row("Am 1. Juni ist das Fest.", ["2025-06-01"], [], ["2025-06-01"]),
    row("Dienstag, 10. Mai", ["2022-05-10"], [], ["2022-05-10"], ref="2022-04-01"),
    row("Dienstag, 10. Mai", ["2022-05-10"], [], ["2022-05-10"], ref="2023-01-05"),
    row("Am Freitag, 3. Januar lädt der Verein ein.", ["2025-01-03"], [], ["2025-01-03"], ref="2024-12-20"),
    row("Am Dienstag, 10. Mai, lädt die Stadt ein.", ["2024-05-10"], [], ["2024-05-10"], ref="2024-07-01"),
    row("vom 27.12. bis 3.1.", ["2024-12-27..2025-01-03"], [], ["2024-12-27>2025-01-03"], ref="2024-12-01"),
    row("am 30. Dezember und 2. Januar", ["2024-12-30", "2025-01-02"], [], None, ref="2024-12-01"),
    row("Das Treffen am 8. April 2025 und am 9. April", ["2025-04-08", "2025-04-09"], [], None, ref="2025-04-15"),
    row("Die Bewerbungsfrist ende am 15.12.2019. Der zweite Termin am 12.12. wurde bereits vorsorglich eingeladen.",
        ["2019-12-15", "2019-12-12"], [], ["2019-12-12"], ref="2019-11-28"),
    row("Im Juli 2024 war es heiß.", [], [], []),
    row("Am 24. Juli 2024 (Mittwoch) ist Werkstatt.", ["2024-07-24"], [], ["2024-07-24"]),
    row("Mittwoch, 24. Juli 2023 im Rathaus", ["2023-07-24"], [], ["2023-07-24"]),
    row("Am 15. März war die Versammlung.", ["2024-03-15"], [], None, ref="2024-07-01"),
    row("Den Auftakt bildete ein Sommerfest am 6. Juli im Club 66.", ["2021-07-06"], [], None, ref="2021-08-04"),
    row("PALMSONNTAG 2.4.\n09.30 Gottesdienst mit Pfarrer Geyer\nin der Christuskirche", ["2023-04-02"], ["09:30"], ["2023-04-02T09:30"], ref="2023-03-26"),
    row("Der Stab ist 1.20 lang.", [], [], []),
    row("Abend am Samstag, dem 17. 12. 2022, mit Liedern.\n\nEs wird stimmungsvoll.\n\nBeginn:  19.30 Uhr\n\nVorverkauf: Dienstags von 9.00 – 12.00 Uhr im Büro.\n\nAb 18.00 Uhr ist die Ausstellung offen.", ["2022-12-17"], ["19:30", "09:00-12:00", "18:00"], ["2022-12-17T19:30"], ref="2022-12-10"),
    row("Der Rat veranstaltet das Fest am Samstag, 23. Juni, auf dem Platz.\n\nDas Motto ist bunt. Die Leiterin gibt im Zelt Auskunft.\n\nDas Fest wird der Bürgermeister um 11.15 Uhr eröffnen.", ["2012-06-23"], ["11:15"], ["2012-06-23T11:15"], ref="2012-06-10"),
    # -- roles: deadlines, publication, cancellation -------------------------------------------
    row("Anmeldung bis 30. April.", ["2025-04-30"], [], [], deadlines=["2025-04-30"]),
    row("Anmeldeschluss: 15. Juli 2024", ["2024-07-15"], [], [], deadlines=["2024-07-15"]),
    row("Anmeldeschluss ist der 15. Juli 2024.", ["2024-07-15"], [], [], deadlines=["2024-07-15"]),
    row("Bitte melden Sie sich bis spätestens 10. Juli an.", ["2024-07-10"], [], [], deadlines=["2024-07-10"]),
    row("Anmeldungen sind bis zum 24. April möglich.", ["2025-04-24"], [], [], deadlines=["2025-04-24"]),
    row("Vorschläge können bis zum 30. November 2015 eingereicht werden.", ["2015-11-30"], [], [], deadlines=["2015-11-30"]),
    row("Die Bewerbungsfrist endet am 15.12.2019.", ["2019-12-15"], [], [], deadlines=["2019-12-15"]),
    row("Wenn bis zum neuen Schlusstermin am 6. Februar 2017 genug Verträge vorliegen", ["2017-02-06"], [], [], deadlines=["2017-02-06"]),
    row("Anmeldung bis 30. April. Die Werkstatt ist am 5. Mai 2025 um 18 Uhr.", ["2025-04-30", "2025-05-05"], ["18:00"], ["2025-05-05T18:00"], deadlines=["2025-04-30"]),
    row("Rückmeldung bitte bis 12.06.2024 an das Büro.", ["2024-06-12"], [], [], deadlines=["2024-06-12"]),
    row("Die Anmeldung ist vom 1. bis 15. März 2025 möglich.", ["2025-03-01..2025-03-15"], [], [], deadlines=["2025-03-15"]),
    row("Veröffentlicht am 12.03.2024", [], [], []),
    row("Stand: 01.02.2024", [], [], []),
    row("Pressemitteilung vom 5. Mai 2024", [], [], []),
    row("FULDA, 7. Oktober 2021: Der Runde Tisch trifft sich.", [], [], []),
    row("Kaiserslautern, 24.07.2024 – Die Stadt lädt ein.", [], [], []),
    row("Korbach, 20. Juli 2016.\nDer Landkreis lädt zum Workshop am 26. Juli ein.", ["2016-07-26"], [], ["2016-07-26"],
        ref="2016-07-20"),
    row("Seiteninhalt\n22.09.2017\n\nDienstagsvorträge im Herbst", [], [], []),
    row("Bürger-Informationsveranstaltung\n\n30.10.2018 17:30 19:00\nRathaus, Berliner Platz 1", ["2018-10-30"], ["17:30-19:00"], ["2018-10-30T17:30>2018-10-30T19:00"], ref="2018-10-15"),
    row("Die Sprechstunde soll monatlich dienstags von 16 bis 18 Uhr stattfinden. Nach dem Auftakt am 11. August folgt der 15. September.", ["2020-08-11", "2020-09-15"], ["16:00-18:00"], ["2020-08-11T16:00>2020-08-11T18:00", "2020-09-15T16:00>2020-09-15T18:00"], ref="2020-08-06"),
    # a weekly statement reaches the dates of the list that follows it, further down the paragraph
    row("Die Vorträge finden dienstags um 18.15 Uhr online als Live-Stream statt; wenn es die Entwicklung der "
        "Pandemie zulässt, kann eine begrenzte Anzahl an Interessierten in der Aula am Wilhelmsplatz teilnehmen. "
        "Den Auftakt macht am Dienstag, 27. Oktober 2020, der Astrophysiker Harald Lesch von der Universität "
        "München. Sein ausschließlich als Live-Stream ausgestrahlter Vortrag trägt den Titel „Der Ursprung des "
        "Kosmos“. Er ist bekannt aus dem Fernsehen und hat viele Bücher über das Weltall geschrieben, die sich an "
        "ein breites Publikum richten und auch Kindern das Universum erklären. Eine Woche später am 3. November "
        "spricht Ulrich Christensen vom Institut für Sonnensystemforschung in Göttingen über „Unsere Heimat im Kosmos“.",
        ["2020-10-27", "2020-11-03"], ["18:15"], ["2020-10-27T18:15", "2020-11-03T18:15"], ref="2020-10-20"),
    row("Das Rathaus ist dienstags von 16 bis 18 Uhr geöffnet. Das Fest ist am 14. August.", ["2020-08-14"], ["16:00-18:00"], ["2020-08-14"], ref="2020-08-06"),
    row("Öffnungszeiten des Cafés\n26. Februar, 19. März und 17. Dezember\njeweils donnerstags von 14.30 bis 16.30 Uhr", ["2015-02-26", "2015-03-19", "2015-12-17"], ["14:30-16:30"], ["2015-02-26T14:30>2015-02-26T16:30", "2015-03-19T14:30>2015-03-19T16:30", "2015-12-17T14:30>2015-12-17T16:30"], ref="2015-01-14"),
    row("Der Fachtag findet am 12. Mai 2024 statt. Um 10 Uhr begrüßt der Landrat die Gäste. Um 10.30 Uhr folgt ein Vortrag. Ab 12.30 Uhr gibt es Mittagessen.", ["2024-05-12"], ["10:00", "10:30", "12:30"], ["2024-05-12T10:00"], ref="2024-04-20"),
    row("Das Stadtfest findet am 11. und 12. Mai 2024 statt, am Samstag ab 14 Uhr und am Sonntag ab 11 Uhr.", ["2024-05-11", "2024-05-12"], ["14:00", "11:00"], ["2024-05-11T14:00", "2024-05-12T11:00"], ref="2024-04-20"),
    # page stamps and file names are not dates of the content
    row("Sie sind hier: marburgnews >\nHeute ist Sonntag, 8. September 2024\n\nText von Samstag, 3. März 2007\n\nDer nächste Kurs ist am 17. März.", ["2007-03-17"], [], ["2007-03-17"], ref="2007-03-03"),
    row("2014-10-19_Tag_der_offenen_TuerDie Werkstätten laden am Samstag, 25. Oktober 2014, ein.", ["2014-10-25"], [], ["2014-10-25"], ref="2014-10-19"),
    row("Bild: https://example.org/2024/05/12/fest.jpg – Das Fest ist am 1. Juni 2024.", ["2024-06-01"], [], ["2024-06-01"], ref="2024-05-12"),
    row("Der Kurs ist am 17./18. März 2024.", ["2024-03-17", "2024-03-18"], [], ["2024-03-17", "2024-03-18"], ref="2024-03-01"),
    # a list of weekdays before a list of days pairs in order
    row("Der SV lädt für Samstag und Sonntag, 21. und 22. Juli, zum Fest ein.", ["2018-07-21", "2018-07-22"], [], ["2018-07-21", "2018-07-22"], ref="2018-07-20"),
    row("Das Fest ist von Freitag bis Sonntag, 20. bis 22. Juli.", ["2018-07-20..2018-07-22"], [], ["2018-07-20>2018-07-22"], ref="2018-07-01"),
    row("Der SV lädt für Samstag und Sonntag, 21. und 22. Juli, zum Fest ein.\n\nDer Samstag startet um 12 Uhr mit einem Turnier.", ["2018-07-21", "2018-07-22"], ["12:00"], ["2018-07-21T12:00", "2018-07-22"], ref="2018-07-20"),
    row("Die Messe findet am nächsten Sonnabend statt.\n\n56 Vereine machen bei der Messe am Sonnabend, 25. März, mit. Ansprechpartnerin ist Frau Schultz. Sie freut sich.\n\nDie Messe wird um 10 Uhr eröffnet und kann bis 17 Uhr besucht werden.", ["2017-03-25", "2017-03-25"], ["10:00", "17:00"], ["2017-03-25T10:00>2017-03-25T17:00"], ref="2017-03-20"),
    row("Mondschein-Wanderung\nBeginn: 29.03. 2019 - 19:00 Uhr\nVeröffentlicht - Mittwoch, 16. Januar 2019", ["2019-03-29"], ["19:00"], ["2019-03-29T19:00"], ref="2019-01-16"),
    # "am darauf folgenden Mittwoch" counts from an earlier date, not from the reference date
    row("Der Vortrag ist am 27. Oktober 2020 um 18.15 Uhr. Die Aufzeichnung läuft am darauf folgenden Mittwoch um 12 Uhr im Radio.", ["2020-10-27"], ["18:15", "12:00"], ["2020-10-27T18:15"], ref="2020-10-01"),
    row("Die Vorträge sind am 27. Oktober und 3. November 2020. Die Aufzeichnungen laufen jeweils am darauf folgenden Mittwoch um 12 Uhr.", ["2020-10-27", "2020-11-03"], ["12:00"], ["2020-10-27", "2020-11-03"], ref="2020-10-01"),
    row("Wir treffen uns am folgenden Mittwoch um 12 Uhr.", ["2020-10-07"], ["12:00"], ["2020-10-07T12:00"], ref="2020-10-01"),
    # a separable verb of cancelling with its particle at the end of the clause
    row("Somit fallen die Übungen am 13. März 2020 und 10. April 2020 aus. Die Versammlung ist am 20. Mai 2020.", ["2020-03-13", "2020-04-10", "2020-05-20"], [], ["2020-05-20"], ref="2020-03-01"),
    row("Wir sagen das Konzert am 13. März 2020 ab.", ["2020-03-13"], [], [], ref="2020-03-01"),
    # a day marked closed is no session
    row("Der Markt ist geöffnet.\n24. Dezember 2022: 10 bis 14 Uhr.\n25. Dezember 2022: Geschlossen.", ["2022-12-24", "2022-12-25"], ["10:00-14:00"], ["2022-12-24T10:00>2022-12-24T14:00"], ref="2022-11-21"),
    # ... "ab" before a time is no particle
    row("Wir sagen es gern: Am 13. März 2020 geht es ab 18 Uhr los.", ["2020-03-13"], ["18:00"], ["2020-03-13T18:00"], ref="2020-03-01"),
    # a date in brackets closing a headline that names its own date is the posting date
    row("Integrationsbeirat sucht Mitglieder – Info-Abend am 10. Oktober 2017 (09.10.2017)\n\nDer Beirat lädt ein.", ["2017-10-10"], [], ["2017-10-10"], ref="2017-10-09"),
    # ... a bracketed date in running text is no stamp
    row("Die Stadt lädt zum Fest ein (09.10.2017).", ["2017-10-09"], [], ["2017-10-09"], ref="2017-10-01"),
    # a date alone under a publication label line is the page's date
    row("Die Jobmesse am Sonnabend rief starke Resonanz hervor. Von 10 bis 13 Uhr kamen 1000 Besucher.\n\nVeröffentlichung\n\nMi, 12. Oktober 2022", [], ["10:00-13:00"], [], ref="2022-10-12"),
    row("Erstellt am:\n03.05.2024\n\nDas Fest ist am 1. Juni 2024.", ["2024-06-01"], [], ["2024-06-01"], ref="2024-05-03"),
    # ... but a date under an ordinary heading is a session
    row("Die Stadt lädt zur Jobmesse ein.\n\nAussteller aus der Region stellen sich vor.\n\nTermin\n\nMi, 12. Oktober 2022, 10 Uhr", ["2022-10-12"], ["10:00"], ["2022-10-12T10:00"], ref="2022-10-01"),
    row("Die Stadt lädt zur Jobmesse ein.\n\nVeröffentlichung\n\nMi, 12. Oktober 2022, 10:58", [], ["10:58"], [], ref="2022-10-12"),
    # a newspaper's pointer to a later issue is no session
    row("Die Gruppe lädt am 8. Oktober 2016 zum Weizenabend ein. Mehr dazu lesen Sie in der WLZ am 30. September.",
        ["2016-10-08", "2016-09-30"], [], ["2016-10-08"], ref="2016-09-20"),
    # stamps: an update line, a clock time before the date, author initials, a teaser list's day
    row("Lesung mit Richard Auer\n\n27.03.2024 | Stand 27.03.2024, 17:00 Uhr\n\nDie Lesung ist am Dienstag, 9. April.",
        ["2024-04-09"], None, ["2024-04-09"], ref="2024-03-27"),
    row("Wismar\n00:00 12.09.2013\n\nAm 15. September überträgt der Sender ab 10.05 Uhr den Gottesdienst.",
        ["2013-09-15"], None, ["2013-09-15T10:05"], ref="2013-09-12"),
    row("Mit viel Musik feiern wir am 2. September das Gemeindefest.\n\nrk/csc / 28.08.2018\n\nGottesdienste",
        ["2018-09-02"], [], ["2018-09-02"], ref="2018-08-28"),
    row("Das Fest ist am 15. September.\n\n12.09.2013\nDie Handballerinnen starten in die Saison mit einem Heimspiel.\n"
        "12.09.2013\nMarkant und Aldi dürfen nicht aufs alte Bahnhofsgelände, das bedroht Arbeitsplätze.\n"
        "12.09.2013\nDer Hafen wird zum Schauplatz für ein großes Fest der Seefahrer und ihrer Familien.",
        ["2013-09-15"], [], ["2013-09-15"], ref="2013-09-12"),
    # a date alone on its line twice is an event's date line, no stamp
    row("Herbstprogramm\nDer Verein lädt ein.\nAlle sind willkommen.\nEs gibt zwei Angebote.\nDer Eintritt ist frei.\n"
        "Termine:\n12.09.2013\nVortrag im Rathaus\n12.09.2013\nWorkshop im Rathaus",
        ["2013-09-12", "2013-09-12"], [], ["2013-09-12"], ref="2013-09-01"),
    # a news list: each headline over its stamp line over its teaser
    row("Wahlbekanntmachung\n\n20. Februar 2026|\n\nDie Wahlbekanntmachung für die Wahl des Stadtrats und des Kreistages finden Sie hier auf dieser Seite.\n\nTestwählen mit dem Probestimmzettel\n\n16. Februar 2026|\n\nWie bereits bei den Kommunalwahlen der vergangenen Jahre kann jede Bürgerin ihre Stimmen probeweise abgeben und testen.", [], [], [], ref="2026-03-03"),
    # a note in brackets inside a list of days does not end the list
    row("Seniorentreff\n\nMonatlich am Donnerstag\n15.00 Uhr Martin-Luther-Haus\nTermine 2016: 9. Juni,\n14. Juli (Ausflug), 4. August, 15. Dezember (Adventsfeier)\n", ["2016-06-09", "2016-07-14", "2016-08-04", "2016-12-15"], ["15:00"], ["2016-06-09T15:00", "2016-07-14T15:00", "2016-08-04T15:00", "2016-12-15T15:00"], ref="2016-01-04"),
    row("FESTWOCHE\n- Samstag, 11. Oktober 2025\n- 10:00 – 14:00 Uhr\n- Veranstaltungsort: Stadtbibliothek", ["2025-10-11"], ["10:00-14:00"], ["2025-10-11T10:00>2025-10-11T14:00"], ref="2025-10-01"),
    # availability, a date offered only if needed, a resolution's day, a cancelled dance: dates, no sessions
    row("Ab dem 14. August 2025 ist das Heft online und per Post erhältlich.", ["2025-08-14"], [], [], ref="2025-08-01"),
    row("Die Infoveranstaltung ist am Mittwoch, 10. August, von 19 bis 21 Uhr. Bei größerem Interesse könne ein zusätzlicher Termin am 17. August angeboten werden.", ["2022-08-10", "2022-08-17"], ["19:00-21:00"], ["2022-08-10T19:00>2022-08-10T21:00"], ref="2022-08-01"),
    row("Nach einem Einleitungsbeschluss der Stadtverordnetenversammlung am 15. November 2018 beginnen die Untersuchungen.", ["2018-11-15"], [], [], ref="2018-11-20"),
    row("So muss das Tanzcafé am Sonntag, dem 20. April 2025 leider ausfallen.", ["2025-04-20"], [], [], ref="2025-04-01"),
    row("Konzert am Mittwoch, 28. November 2018, 19 Uhr. Eintritt 12€, Vorverkauf ab 30. 10. 2018.", ["2018-11-28", "2018-10-30"], ["19:00"], ["2018-11-28T19:00"], ref="2018-10-20"),
    row("| Datum | 9. Oktober 2025 |\n| Uhrzeit | 10 Uhr |\n| Anmeldefrist | 30. September 2025 |", ["2025-10-09", "2025-09-30"], ["10:00"], ["2025-10-09T10:00"], deadlines=["2025-09-30"], ref="2025-09-01"),
    # a night "von Sonntag auf Montag" is a span
    row("Die „Nacht der offenen Kirchen“ zu Pfingsten: Sonntag, 11.5., auf Montag, 12.5. in der Talkirche", ["2008-05-11..2008-05-12"], [], ["2008-05-11>2008-05-12"], ref="2008-02-25"),
    row("Die Lesenacht vom 11. auf den 12. Mai 2024 in der Bibliothek.", ["2024-05-11..2024-05-12"], [], ["2024-05-11>2024-05-12"], ref="2024-02-25"),
    # a bare weekday that takes up a day dated before it
    row("Der Bürgermeister lädt am Mittwoch, 1. September, und Donnerstag, 2. September, zu Spaziergängen. Am Mittwoch geht es nach Seidmannsdorf. Treffpunkt ist um 17 Uhr der Dorfplatz. Am Donnerstag startet der Spaziergang um 18 Uhr.", ["2021-09-01", "2021-09-02", "2021-09-01", "2021-09-02"], ["17:00", "18:00"], ["2021-09-01T17:00", "2021-09-02T18:00"], ref="2021-08-30"),
    row("Die Sammelaktion ist am Samstag, 22.3. von 9.00-12.00 Uhr. Nach getaner Arbeit trifft man sich am Samstag ab ca. 12 Uhr zum Essen.", ["2025-03-22", "2025-03-22"], ["09:00-12:00", "12:00"], ["2025-03-22T09:00>2025-03-22T12:00"], ref="2025-03-01"),
    row("Anmeldeschluss ist Freitag, 3. Mai 2024. Am Freitag um 12 Uhr endet die Frist.", ["2024-05-03", "2024-05-03"], ["12:00"], [], deadlines=["2024-05-03", "2024-05-03"], ref="2024-04-20"),
    row("Das Fest ist am 11. Mai 2024 um 14 Uhr. Am Sonntag ist der Parkplatz gesperrt.", ["2024-05-11"], ["14:00"], ["2024-05-11T14:00"], ref="2024-04-20"),
    row("Der Gemeinderat hat am 3. April 2024 beschlossen, eine Bürgerversammlung am 12. Mai 2024 abzuhalten.", ["2024-04-03", "2024-05-12"], [], ["2024-05-12"], ref="2024-04-20"),
    row("Seniorenakademie gehört zu „Stadt der Wissenschaft“, 18.04.2012\n\nAm 19. April um 15.30 Uhr beginnt das Semester.", ["2012-04-19"], ["15:30"], ["2012-04-19T15:30"], ref="2012-04-18"),
    row("Bürgerversammlung am Montag, 23.04.2012\n\nDie Versammlung beginnt um 19 Uhr.", ["2012-04-23"], ["19:00"], ["2012-04-23T19:00"], ref="2012-04-18"),
    row("Am Dienstag, den 16. August 2022, wird die Steuererklärung erklärt.\nDas Angebot findet jeden dritten Dienstag im Monat von 10 Uhr bis 12 Uhr in der Bibliothek statt.", ["2022-08-16"], ["10:00-12:00"], ["2022-08-16T10:00>2022-08-16T12:00"], ref="2022-08-12"),
    row("Am Mittwoch, den 17. August 2022, ist Lesung.\nDas Angebot findet jeden dritten Dienstag im Monat von 10 Uhr bis 12 Uhr statt.", ["2022-08-17"], ["10:00-12:00"], ["2022-08-17"], ref="2022-08-12"),
    row("Das Konzert ist am 12. Mai 2024. Einlass ist um 18 Uhr. Beginn ist um 19 Uhr. Ende gegen 22 Uhr.", ["2024-05-12"], ["18:00", "19:00", "22:00"], ["2024-05-12T19:00>2024-05-12T22:00"], ref="2024-04-20"),
    row("Am 2. März ist der letzte Abend. Sonst gehen Sie sonntags um 18 Uhr lieber spazieren.\n\nAm ersten Sonntag im Oktober ist er wieder da.", ["2008-03-02", "2008-10-05"], ["18:00"], ["2008-03-02", "2008-10-05"], ref="2008-02-25"),
    row("Das Treffen ist am morgigen Freitag (12.) um 19 Uhr im Kolpinghaus.", ["2019-04-12"], ["19:00"], ["2019-04-12T19:00"], ref="2019-04-11"),
    row("Die Impulse, die auf der gestrigen Auftaktveranstaltung gegeben wurden, sind eingepflegt.", ["2019-10-09"], [], ["2019-10-09"], ref="2019-10-10"),
    row("Beim morgigen Treffen um 19 Uhr im Rathaus wird gewählt.", ["2019-10-11"], ["19:00"], ["2019-10-11T19:00"], ref="2019-10-10"),
    row("Das Fest beginnt am heutigen Donnerstag um 14 Uhr.", ["2019-04-11"], ["14:00"], ["2019-04-11T14:00"], ref="2019-04-11"),
    row("Die Termine sind 11. und 12. April jeweils 20 Uhr. Karten gibt es im Vorverkauf von 15-18 Uhr.", ["2004-04-11", "2004-04-12"], ["20:00", "15:00-18:00"], ["2004-04-11T20:00", "2004-04-12T20:00"], ref="2004-03-10"),
    row("Smartphone-Kurs\nDatum: 12.05.2024\nUhrzeit: 18:00 - 20:00 Uhr\nOrt: Alte Schule", ["2024-05-12"], ["18:00-20:00"], ["2024-05-12T18:00>2024-05-12T20:00"]),
    row("Der Kurs ist am 12.05.\nUhrzeit: 18 Uhr", ["2024-05-12"], ["18:00"], ["2024-05-12T18:00"], ref="2024-05-01"),
    row("16. Juli 2019, 22:31 Uhr Informationsveranstaltung\nDie Veranstaltung ist am 21. Juli.", ["2019-07-21"], None, ["2019-07-21"], ref="2019-07-16"),
    row("Kontakt: info@stadt.de\n(22.7.2015 | Quelle: Deutsche Universitätsstiftung)", [], [], []),
    row("Die für den 1. April terminierte Versammlung findet nicht statt.", ["2020-04-01"], [], [], ref="2020-03-20"),
    row("Für den 3. Juli war ein Aktionstag geplant – dieser muss abgesagt werden.", ["2021-07-03"], [], [], ref="2021-04-22"),
    row("Das Elterncafé hätte am Donnerstag, 19. März, starten sollen.", ["2020-03-19"], [], [], ref="2020-03-01"),
    row("Bis nach den Osterferien (19. April) finden im Landratsamt keine Sprechtage mehr statt.", ["2020-04-19"], [], [], ref="2020-03-01"),
    row("Die Informationsveranstaltung am 24. März muss verschoben werden.", ["2020-03-24"], [], [], ref="2020-03-01"),
    row("Die für Dienstag, den 17. März 2020, 19:00 Uhr, vorgesehene Versammlung wird auf einen späteren Zeitpunkt verschoben.", ["2020-03-17"], ["19:00"], [], ref="2020-03-13"),
    row("Seit dem 1. Januar 2024 gilt die neue Satzung.", ["2024-01-01"], [], []),
    row("Die Ausstellung ist noch bis 30. August zu sehen.", ["2024-08-30"], [], []),
    row("Anmeldung bis 30. April, 12 Uhr", ["2025-04-30"], ["12:00"], [], deadlines=["2025-04-30"]),
    row("Einsendeschluss ist der 1. September 2024.", ["2024-09-01"], [], [], deadlines=["2024-09-01"]),
    row("Wir bitten um telefonische Voranmeldung in der VG Eitensheim bis Donnerstag, den 29.07.2021.", ["2021-07-29"], [], [], deadlines=["2021-07-29"], ref="2021-07-15"),
    row("Online-Anmeldung bis 3. Mai unter www.stadt.de", ["2025-05-03"], [], [], deadlines=["2025-05-03"]),
    row("Tischreservierung bis Fr., 8. März erbeten.", ["2024-03-08"], [], [], deadlines=["2024-03-08"], ref="2024-02-20"),
    # a later start of a named item on a day that has its start is a programme item
    row("Ab 18 Uhr lädt die Feuerwehr am Sonnabend, 30. April, zum Tanz in den Mai ein. Der Fackelumzug beginnt um 18.30 Uhr.",
        ["2011-04-30"], ["18:00", "18:30"], ["2011-04-30T18:00"], ref="2011-04-28"),
    # the end of something ongoing, with an adverb between
    row("Die Infoveranstaltung ist am 2. November um 19 Uhr. Die Vermarktung endet dann am 9. Dezember.",
        ["2017-11-02", "2017-12-09"], ["19:00"], ["2017-11-02T19:00"], ref="2017-10-20"),
    # two bulleted dates are a list, not a range, and "jeweils" gives both the hours
    row("Info-Abende:\n- 17. Februar 2026\n- 24. Februar 2026\njeweils von 18:30 bis ca. 20:30 Uhr im Hospiz-Zentrum.",
        ["2026-02-17", "2026-02-24"], ["18:30-20:30"], ["2026-02-17T18:30>2026-02-17T20:30", "2026-02-24T18:30>2026-02-24T20:30"],
        ref="2025-12-01"),
    row("Die Ausstellung ist vom 17. Februar 2026 - 24. Februar 2026 geöffnet.", ["2026-02-17..2026-02-24"], [],
        ["2026-02-17>2026-02-24"], ref="2025-12-01"),
    # a news item's stamp before its teaser: a colon, then another date or a heading in capitals
    row("Bürgerdialog Seniorenpolitik\n\n05. September 2025: Große Abendveranstaltung am 11. September.\n\nDie Seniorenstelle lädt ein.",
        ["2025-09-11"], [], ["2025-09-11"], ref="2025-09-05"),
    row("26.03.2023: AKTUELLE GOTTESDIENSTPLANUNG:\nGründonnerstag, 06.04.2023, 19 Uhr Abendmahl", None, None,
        ["2023-04-06T19:00"], ref="2023-03-26"),
    # … but a calendar line that names its event is the event's date
    row("Termine\n\n24.07.2024: Werkstatt im Rathaus um 18 Uhr", ["2024-07-24"], ["18:00"], ["2024-07-24T18:00"], ref="2024-07-01"),
    # named holidays, the occurrence nearest to the reference date
    row("Am Rosenmontag laden die Junggesellen zur Kinderbelustigung ein. Start ist um 14 Uhr.",
        ["2020-02-24"], ["14:00"], ["2020-02-24T14:00"], ref="2020-02-12"),
    row("Der Basar im Gemeindehaus ist am 1. Advent ab 11 Uhr.", ["2024-12-01"], ["11:00"], ["2024-12-01T11:00"], ref="2024-11-10"),
    row("Der Gottesdienst am Ostermontag beginnt um 10 Uhr.", ["2025-04-21"], ["10:00"], ["2025-04-21T10:00"], ref="2025-03-20"),
    row("Wir feiern an Silvester ab 20 Uhr im Vereinsheim.", ["2024-12-31"], ["20:00"], ["2024-12-31T20:00"], ref="2024-12-01"),
    row("Fronleichnam 2026 zieht die Prozession durch den Ort.", ["2026-06-04"], [], ["2026-06-04"], ref="2025-12-01"),
    # … not a first name, a day counted from it, or a holiday that its date names
    row("Silvester Müller lädt zum Vortrag ein.", [], [], []),
    row("Es wird stimmungsvoll am Vorabend des vierten Advent.", [], [], [], ref="2022-12-01"),
    row("Karfreitag, 18. April, 15 Uhr: Andacht", ["2025-04-18"], ["15:00"], ["2025-04-18T15:00"], ref="2025-04-01"),
    # the hours to fetch tickets are no session
    row("Die Feier ist am Sonnabend, 31. Januar, ab 14.30 Uhr. Die Karten können morgen von 10 bis 11.30 Uhr im Rathaus abgeholt werden.",
        ["2015-01-31", "2015-01-27"], None, ["2015-01-31T14:30"], ref="2015-01-26"),
    # a web page's access date is no date of the content
    row("Die Konferenz ist am 24. März 2017.\nzur Quelle (aufgerufen am 20.02.2017)", ["2017-03-24"], [], ["2017-03-24"], ref="2017-02-20"),
    # a window to submit or register in, named before its verb, is no session
    row("Dazu können die Bürger ab Montag, dem 15. März, bis zum 31. März 2021 ihre Fragen per E-Mail einreichen.",
        ["2021-03-15", "2021-03-31"], [], [], deadlines=["2021-03-15", "2021-03-31"], ref="2021-03-01"),
    row("Chemnitzer können ab Montag, 15. März, Fragen einreichen", ["2021-03-15"], [], [],
        deadlines=["2021-03-15"], ref="2021-03-01"),
    row("Ab Montag, 15. März, beginnt der Kurs.", ["2021-03-15"], [], ["2021-03-15"], ref="2021-03-01"),
    # a day only roughly named is no session
    row("Das Konzert ist am Sonntag, 28. Januar, um 17 Uhr und soll sich jährlich um den 26. Januar wiederholen.",
        ["2024-01-28", "2024-01-26"], ["17:00"], ["2024-01-28T17:00"], ref="2024-01-15"),
    # a registration window: both ends are no sessions, the event after it is one
    row("Die Anmeldung ist von Donnerstag (15. Januar 10 Uhr) an bis Montag (19. Januar 12 Uhr) möglich. "
        "Das Forum ist am 21. Januar um 18 Uhr.", ["2015-01-15", "2015-01-19", "2015-01-21"], ["10:00", "12:00", "18:00"],
        ["2015-01-21T18:00"], deadlines=["2015-01-15", "2015-01-19"], ref="2015-01-14"),
    row("Anmeldungen sind vom 2. März bis zum 9. März möglich.", ["2015-03-02..2015-03-09"], [], [],
        deadlines=["2015-03-09"], ref="2015-01-14"),
    # -- negatives ------------------------------------------------------------------------------
    row("Telefon (0631) 365-4471", [], [], []),
    row("Tel. 0631 365 4471, Fax 0631 365 4472", [], [], []),
    row("Telefon 06131 16-4012", [], [], []),
    row("67655 Kaiserslautern", [], [], []),
    row("Die Teilnahme kostet 12,50 Euro.", [], [], []),
    row("Eintritt 12.50 Euro", [], [], []),
    row("Die Sitzung ist in Raum 2.14.", [], [], []),
    row("Treffpunkt: Raum 2.12. im Erdgeschoss", [], [], []),
    row("gemäß § 3 Abs. 1 der Satzung", [], [], []),
    row("nach § 12 Abs. 2 Satz 1 GemO", [], [], []),
    row("Die Strategie gilt für 15 Jahre.", [], [], []),
    row("Die Strategie stammt aus dem Jahr 2010.", [], [], []),
    row("im Jahr 2010 gegründet", [], [], []),
    row("Meeting-ID: 845 1234 5678, Kenncode: 123456", [], [], []),
    row("Zoom-Meeting-ID 12.34.56", [], [], []),
    row("montags bis freitags von 8 bis 12 Uhr", [], None, []),
    row("Öffnungszeiten: Mo–Fr 8–12 Uhr", [], None, []),
    row("Sprechzeiten: dienstags 14 bis 18 Uhr", [], None, []),
    row("Das Netzwerk verbindet 112 lokale Gruppen.", [], [], []),
    row("Es gibt 29 Millionen Engagierte.", [], [], []),
    row("Siehe Kapitel 3.4. im Bericht", [], [], []),
    row("Version 2.1. ist erschienen", [], [], []),
    row("Der 1. FC Kaiserslautern spielt.", [], [], []),
    row("Den 2. Platz belegte der Verein.", [], [], []),
    row("Die Plätze 1. und 2. Reihe sind reserviert.", [], [], []),
    row("IBAN DE12 3456 7890 1234 5678 90", [], [], []),
    row("Az. 12.03.2024-17", [], [], []),
    row("Die Quote liegt bei 2.5 Prozent.", [], [], []),
    row("Die Wahl 2024-2025 war knapp.", [], [], []),
    row("Das Ergebnis: 3:1 für die Heimmannschaft", [], None, []),
    row("TOP 4.2. Haushalt", [], [], []),
    row("Weitere Informationen unter www.stadt.de/termine/24.07.2024", [], [], []),
    row("Der Saal fasst 120 Personen und ist 18 Meter lang.", [], [], []),
    row("Es kamen 10 bis 12 Personen.", [], [], []),
    row("Die Sitzung dauert 2 Stunden.", [], [], []),
    row("Hausnummer 12, 2. Stock", [], [], []),
    row("Die Kinder von 6 bis 12 Jahren", [], [], []),
    row("Die Kosten betragen 1.500 Euro.", [], [], []),
    row("Postfach 12 34, 55116 Mainz", [], [], []),
    row("Die Bibliothek ist an diesen Samstagen geöffnet in der Zeit von 9 bis 13 Uhr.", [], None, []),
    row("Der Stammtisch trifft sich regelmäßig jeweils donnerstags um 20 Uhr.", [], None, []),
    row("Am ersten Sonntag im Monat ist Kirchcafé.", [], [], []),
    row("Es gab keine Sprechstunde, zu der man zu der festen Sprechzeit am Freitag kommen konnte.", [], [], [], ref="2023-10-02"),
    # -- document-wide anchors ---------------------------------------------------------------
    row("Das Haus lädt am Nachmittag des 8. Dezember ein. " + "Das Programm ist informativ und unterhaltsam. " * 12
        + "Ab 14.30 Uhr ist die Einwahl über Zoom möglich.", ["2020-12-08"], ["14:30"], ["2020-12-08T14:30"], ref="2020-11-26"),
    row("Die Wahl ist am 19. Februar 2023. Der Wahlvorstand tritt am 19. Feb zusammen.",
        ["2023-02-19", "2023-02-19"], [], ["2023-02-19"], ref="2023-03-05"),
    row("Das Seminar fand vom 3.-5. Dezember 2021 statt. Am Sonntag wurde das Ergebnis vorgestellt.",
        ["2021-12-03..2021-12-05", "2021-12-05"], [], None, ref="2021-12-15"),
    row("Mit dem ersten Bürgermahl am 22.1.2005 wurde eine Tradition begründet. Das fünfzehnte Bürgermahl ist am 02.11.2019.",
        ["2005-01-22", "2019-11-02"], [], ["2019-11-02"], ref="2019-10-15"),
]


@pytest.mark.parametrize("text,ref,dates,times,sessions,deadlines", ROWS)
def test_temporal_table(nlp, text, ref, dates, times, sessions, deadlines):
    got = observed(run(nlp, text, ref))
    if dates is not None:
        assert got["dates"] == dates, got
    if times is not None:
        assert got["times"] == times, got
    if sessions is not None:
        assert got["sessions"] == sorted(sessions), got
    if deadlines is not None:
        assert got["deadlines"] == deadlines, got


def test_table_is_large_enough():
    assert len(ROWS) >= 200


def test_mentions_have_exact_offsets(nlp):
    text = "Die Werkstatt ist am Dienstag, 10. Mai 2022, von 18.30 bis ca. 21 Uhr."
    found = run(nlp, text, R)
    (d,) = found["dates"]
    (t,) = found["times"]
    assert text[d.start : d.end] == "Dienstag, 10. Mai 2022"
    assert text[t.start : t.end] == "von 18.30 bis ca. 21 Uhr"
    assert t.attrs["end_value"] == "21:00"
    (s,) = found["sessions"]
    assert s.attrs["date_start"] == d.start


def test_end_to_end_seed(extractor):
    """The Kaiserslautern seed: four sessions, no boilerplate date, no "2010"."""
    from .conftest import CORPUS

    text = (CORPUS / "documents" / "000_8bcc1829e3e8af0e.txt").read_text()
    result = extractor.extract(text=text, reference_date="2024-07-01")
    starts = sorted(s.start.isoformat() for e in result.events for s in e.sessions)
    assert starts == [
        "2024-07-24T13:00:00+02:00", "2024-07-24T18:00:00+02:00",
        "2024-08-16T13:00:00+02:00", "2024-08-16T18:00:00+02:00",
    ]
    assert {m.value.isoformat() for m in result.mentions.dates} == {"2024-07-24", "2024-08-16"}


@pytest.mark.parametrize(
    "day,month,ref,weekday,past,expected",
    [
        (13, 4, "2024-03-20", 5, False, "2024-04-13"),
        (13, 4, "2024-03-20", None, False, "2024-04-13"),
        (10, 1, "2024-12-15", None, False, "2025-01-10"),
        (10, 5, "2024-07-01", 1, False, "2024-05-10"),  # no year agrees: nearest
        (3, 4, "2024-04-20", None, True, "2024-04-03"),
        (3, 4, "2024-04-20", None, False, "2025-04-03"),
        (12, 12, "2019-11-28", None, True, "2019-12-12"),  # past a year back is too far
        (29, 2, "2024-07-01", None, False, "2024-02-29"),
    ],
)
def test_resolve_year(day, month, ref, weekday, past, expected):
    got = resolve_year(day, month, dt.date.fromisoformat(ref), weekday=weekday, past=past)
    assert got.isoformat() == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("12. Februar 2026", "2026-02-12"),
        ("27.09.2017 10:58", "2017-09-27"),
        ("2024-06-12", "2024-06-12"),
        ("24. Juli", None),
    ],
)
def test_parse_date_text_still_works(text, expected):
    got = parse_date_text(text)
    assert (got.isoformat() if got else None) == expected


@pytest.mark.parametrize("year,easter", [(2019, "2019-04-21"), (2020, "2020-04-12"), (2024, "2024-03-31"),
                                         (2025, "2025-04-20"), (2026, "2026-04-05"), (2038, "2038-04-25")])
def test_easter_sunday(year, easter):
    from extractor.normalize.dates import easter_sunday

    assert easter_sunday(year).isoformat() == easter
