"""Places, rooms, capacities and prices (aushang_venues), table-driven, with negatives."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.components.venues import parse_amount

REF = dt.date(2024, 7, 1)


def run(extractor, text):
    return extractor.extract(text=text, reference_date=REF)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Die Werkstatt im Rathaus Nord, Raum C409, dauert eine Stunde.", [("Rathaus Nord", "venue")]),
        ("Treffpunkt ist an der Galappmühle.", [("Galappmühle", "venue")]),
        ("Die Sitzung findet im Sitzungssaal des Rathauses statt.", [("Rathaus", "venue")]),
        ("Ort: Bürgerhaus Oberschaffnei", [("Bürgerhaus Oberschaffnei", "venue")]),
        ("Wir treffen uns im Dorfgemeinschaftshaus.", [("Dorfgemeinschaftshaus", "venue")]),
        ("Anmeldung im Büro, Werderstr. 1.", [("Werderstr. 1", "address")]),
        ("Adresse: Hubert-von-Herkomer-Str. 73, 86899 Landsberg",
         [("Hubert-von-Herkomer-Str. 73", "address"), ("Landsberg", "city")]),
        ("Das Seminar findet am 25. Januar 2023 um 13:30 Uhr online statt.", [("online", "online")]),
        ("Die Sprechstunde läuft per Zoom.", [("Zoom", "online")]),
        ("Wir treffen uns per Videokonferenz.", [("online", "online")]),
        ("Die Besprechung wird über Webex durchgeführt.", [("Webex", "online")]),
        ("Wir laden in den Europasaal des Internationalen Jugendkulturzentrums ein.",
         [("Internationales Jugendkulturzentrum", "venue")]),
        ("Das Café findet im Alten Rathaus statt.", [("Altes Rathaus", "venue")]),
        ("Die Gäste sind in das Gotische Haus eingeladen.", [("Gotisches Haus", "venue")]),
        # a generic head alone refers back to the compound named before
        ("Das Heimatmuseum feiert Jubiläum. Am Samstag lädt der Heimatkreis ins Museum ein.",
         [("Heimatmuseum", "venue")]),
        ("Am Samstag lädt der Heimatkreis ins Museum ein.", []),
        ("Das Duo spielt im weihnachtlichen Ambiente des Dorfgemeinschaftshauses Falken-Gesäß.",
         [("Dorfgemeinschaftshaus Falken-Gesäß", "venue")]),
        ("Die Sitzung ist in der Alten Turnhalle.", [("Alte Turnhalle", "venue")]),
        ("Die Spende ist in die Blumberger Stadthalle verlegt.", [("Blumberger Stadthalle", "venue")]),
        # a capitalised adjective names a generic head; a lower-case one does not
        ("Die Sänger laden in die Meyenburger Kirche ein.", [("Meyenburger Kirche", "venue")]),
        ("Sie engagiert sich in der katholischen Kirche.", []),
        # where to park is not where the event is
        ("Parkmöglichkeiten sind an der Katholischen Kirche in Alsfeld vorhanden.", []),
        # nor where forms or tickets are fetched
        ("Wer keinen Computer hat, kann im Rathaus ein Formblatt holen.", []),
        ("Karten sind im Vorverkauf in der Stadthalle erhältlich.", []),
        # ... but a remark in brackets about the bus stop leaves the venue
        ("Die Treffen finden im Bürgerzentrum Windeck (die Haltestelle heißt Lütz Eck) statt.",
         [("Bürgerzentrum Windeck", "venue")]),
        ("Die Versammlung ist im Gasthaus „Hirsch“.", [("Gasthaus „Hirsch“", "venue")]),
        ("Die Feier ist in der „Beuchertsmühle“.", [("Beuchertsmühle", "venue")]),
        ("Infos gibt es im Café Corso in der Altstadt.", [("Café Corso", "venue")]),
        ("Treffpunkt ist der Kirchplatz in Birkenfeld.", [("Kirchplatz", "venue"), ("Birkenfeld", "city")]),
        ("Man trifft sich im DB-Trainingscenter, Esperantostraße 3, in Fulda.",
         [("DB-Trainingscenter", "venue"), ("Esperantostraße 3", "address"), ("Fulda", "city")]),
        ("Vollgutlager der Kindl Brauerei, Rollbergstr. 26, 12053 Berlin",
         [("Vollgutlager der Kindl Brauerei", "venue"), ("Rollbergstr. 26", "address"), ("Berlin", "city")]),
        ("Die Feier ist auf dem alten Friedhof.", [("Friedhof", "venue")]),
        ("Alle sind zur digitalen Bürgersprechstunde eingeladen.", [("online", "online")]),
        ("Thema eines kostenlosen Live-Online-Seminars.", [("online", "online")]),
        ("In der Stadtbücherei wird vorgelesen.", [("Stadtbücherei", "venue")]),
        ("Das Fest ist um 11 Uhr in der\n    Wenschtkirche.", [("Wenschtkirche", "venue")]),
        ("Der Empfang ist rund um die Stadthalle.", [("Stadthalle", "venue")]),
        ("Sie trafen sich in der Bildungs- und Begegnungsstätte „Heiligenhof“.",
         [("Bildungs- und Begegnungsstätte „Heiligenhof“", "venue")]),
        ("Der Heimatbund lädt zu einem Vortrag in den Saal des Schützenhof ein.", [("Schützenhof", "venue")]),
        ("Das Team lädt zwischen 12 und 16 Uhr ins MGH ein.", [("Mehrgenerationenhaus", "venue")]),
        # care homes are venues, with a saint's name after them
        ("Los geht es mit dem Weihnachtsgottesdienst im Altersheim St. Elisabeth am Samstag um 16 Uhr.",
         [("Altersheim St. Elisabeth", "venue")]),
        # a building named in brackets after its address
        ("Die Treffen finden in den Räumen des Hospizkreises, Billerbecker Straße 30a (Edith-Stein-Haus) statt.",
         [("Billerbecker Straße 30a", "address"), ("Edith-Stein-Haus", "venue")]),
        ("Anmeldung: Hauptstraße 5 (Sekretariat)", [("Hauptstraße 5", "address")]),
        # an address first on the venue line: the venue is the next part, past its room
        ("Ort: Franckeplatz 1, Hörsaal im Haus 31, 06110 Halle (Saale)\n",
         [("Franckeplatz 1", "address"), ("Haus 31", "venue"), ("Halle", "city")]),
        ("Ort: Hauptstraße 5, Bürgerhaus Nord\n", [("Hauptstraße 5", "address"), ("Bürgerhaus Nord", "venue")]),
        # with its village the acronym is the building's name as written
        ("Die Veranstaltung findet um 20:00 Uhr im DGH Dainrode statt.", [("DGH Dainrode", "venue")]),
        ("Nach dem Vortrag gibt es im DGH Kaffee und Kuchen.", [("Dorfgemeinschaftshaus", "venue")]),
        # a church by its saint alone, but a town of that name is no venue
        ("Das Konzert findet um 17 Uhr in St. Margaretha, Heroldsberg statt.", [("St. Margaretha", "venue")]),
        ("Die Messe ist um 10 Uhr in Sankt Peter und Paul.", [("Sankt Peter und Paul", "venue")]),
        ("Der Markt ist am Samstag in St. Wendel.", []),
        ("14:00 - 17:00 Uhr\n69121 Heidelberg, Revier Handschuhsheim, Parkplatz Raue Buche\n",
         [("Heidelberg", "city"), ("Parkplatz Raue Buche", "venue")]),
        ("Ein Eindruck entsteht bei einer digitalen Informationsveranstaltung.", [("online", "online")]),
        ("Vorbereitet wird in digitalen Workshops.", [("online", "online")]),
        ("Ab Mitte Juni bietet die VHS eine Reihe von sieben Online-Donnerstagsvorträgen an.", [("online", "online")]),
        # a saint's church, a festival tent, a meeting point with its time or a quoted name
        ("Das Semester beginnt mit dem Gottesdienst in der St. Lorenzkirche.", [("St. Lorenzkirche", "venue")]),
        ("Die Anmeldung ist auch am Seniorennachmittag im Festzelt möglich.", [("Festzelt", "venue")]),
        ("Treffpunkt 10.30 Uhr Tram-Haltestelle Campus Fachhochschule", [("Tram-Haltestelle Campus Fachhochschule", "venue")]),
        ("Die Führung startet dazu am Treffpunkt „Freier Platz“.", [("Freier Platz", "venue")]),
        ("Wir stellen das Zelt auf.", []),
        # a calendar's line "date / time / place"; a weekday after "Stadt" on the next line is no town
        ("Tourist in der eigenen Stadt\nSonntag, 18.05.2025 / 10:00 - 17:00 Uhr / Innenstadt Freiburg\n",
         [("Innenstadt Freiburg", "venue")]),
        ("Die Verbraucherzentrale bietet 24 Online-Vorträge an.", [("online", "online")]),
        ("Die IHK bietet auf ihrer Homepage einen Live-Chat an.", [("online", "online")]),
        ("Am Abend wird es im Bodenseeforum um Beteiligung gehen.", [("Bodenseeforum", "venue")]),
        ("Von 14 bis 18 Uhr präsentieren sich in der Sport- und Kulturhalle rund 40 Vereine.",
         [("Sport- und Kulturhalle", "venue")]),
        ("30.10.2018 17:30 19:00\nStadtverordneten-Sitzungssaal, Rathaus, Berliner Platz 1\n",
         [("Rathaus", "venue"), ("Berliner Platz 1", "address")]),
        ("Das Treffen ist im Kulturzentrum Alte Mühle.", [("Kulturzentrum Alte Mühle", "venue")]),
        ("Das Treffen ist im Gasthaus zur Linde.", [("Gasthaus zur Linde", "venue")]),
        ("Die Werkstatt ist im Haus der Eigenarbeit.", [("Haus der Eigenarbeit", "venue")]),
        ("Alle sind in das Haus des Gastes eingeladen.", [("Haus des Gastes", "venue")]),
        ("Der Kurs ist in den Räumen der Volkshochschule.", [("Volkshochschule", "venue")]),
        ("Es geht um Fragen in den Räumen der ehemaligen evangelischen Akademie.", [("Akademie", "venue")]),
        ("Die Feier ist in der Aula der Grundschule.", [("Grundschule", "venue")]),
        ("Die Feier ist im Amtshof.", [("Amtshof", "venue")]),
        ("Die Lesung ist in der Ohlendorff'schen Villa.", [("Ohlendorff'sche Villa", "venue")]),
        ("Die Konferenz ist in der EADS-Kantine.", [("EADS-Kantine", "venue")]),
        ("Der Festakt ist im Landtag.", [("Landtag", "venue")]),
        ("Die Messe ist im Freisinger Asamfoyer.", [("Freisinger Asamfoyer", "venue")]),
        ("Wo: Kesselhaus. Wann: morgen", [("Kesselhaus", "venue")]),
        ("Termin\nOrt\nElgerhaus\n34270 Schauenburg", [("Elgerhaus", "venue"), ("Schauenburg", "city")]),
        ("WANN ?\n\nDonnerstag | 21. Februar 2019\n\nWO ?\n\nGothisches Haus\nJohanniskirchplatz 4",
         [("Gothisches Haus", "venue"), ("Johanniskirchplatz 4", "address")]),
        ("Treffpunkt am Rathaus.", [("Rathaus", "venue")]),
        ("Sie ist in der Zentrale des Caritasverbandes für die Erzdiözese Bamberg, Obere Königstraße 4 b, statt.",
         [("Zentrale des Caritasverbandes für die Erzdiözese Bamberg", "venue"), ("Obere Königstraße 4 b", "address")]),
        ("Wir laden in den Europasaal des Jugendkulturzentrums, Äußere Badstraße 7a, ein.",
         [("Jugendkulturzentrum", "venue"), ("Äußere Badstraße 7a", "address")]),
        # negatives
        ("Der Treffpunkt Ehrenamt lädt ein.", []),
        ("Die Sitzung ist im Rathaus zur Bürgerversammlung.", [("Rathaus", "venue")]),
        ("Das Gebäude der alten Akademie wurde renoviert.", []),
        ("Das Haus der Zukunft ist unser Ziel.", []),
        ("Es gibt Ärger mit dem Fuhrpark.", []),
        ("Die Stadt Heiligenhaus lädt ein. Die Wärmeversorgung in Heiligenhaus ist Thema.",
         [("Heiligenhaus", "city"), ("Heiligenhaus", "city")]),
        ("Der Preis wurde an das Begegnungszentrum Königsheide verliehen.", []),
        ("Es geht um die Stadthalle.", []),
        ("Falls kein Präsenztreffen möglich ist, findet das Treffen online statt.", []),
        ("Er fand einen Platz am Arbeitsplatz.", []),
        ("Das Alte Rathaus wurde renoviert.", []),
        ("Anmeldung: Montag, Hauptstraße 3", [("Hauptstraße 3", "address")]),
        ("Vorschläge können auch online unter www.beispiel.de eingereicht werden.", []),
        ("Das Rathaus wurde 1890 gebaut.", []),
        ("Er liegt im Krankenhaus.", []),
        ("Engagement ist im ländlichen Raum wichtig.", []),
        ("Die Schule hat 300 Schüler.", []),
        # a common noun after "in" is no town
        ("Das Treffen im Bürgerhaus in Zukunft immer montags.", [("Bürgerhaus", "venue")]),
    ],
)
def test_locations(extractor, text, expected):
    r = run(extractor, text)
    got = [(m.value, m.kind) for m in r.mentions.locations]
    assert got == expected
    for m in r.mentions.locations:
        assert r.text[m.start : m.end] == m.text


def test_town_of_an_acting_body_is_a_city(extractor):
    r = run(extractor, "Die Stadt Kaiserslautern lädt ein. Die Werkstatt ist in Kaiserslautern.")
    assert {(m.value, m.kind) for m in r.mentions.locations} == {("Kaiserslautern", "city")}
    assert len(r.mentions.locations) == 2


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Die Werkstatt im Rathaus Nord, Raum C409, dauert eine Stunde.", ["C409"]),
        ("Sprechstunde in Zimmer 2.14.", ["2.14"]),
        ("Bitte melden Sie sich in Zi. 112.", ["112"]),
        ("Die Sitzung findet im Sitzungssaal des Rathauses statt.", ["Sitzungssaal"]),
        ("Konzert im Großen Saal? Nein: im Großer Saal der Stadthalle.", ["Großer Saal", "Großer Saal"]),
        ("Wir tagen im Konferenzraum Troyes.", ["Konferenzraum Troyes"]),
        ("Das Büro liegt im 2. Stock.", ["2. Stock"]),
        ("Treffen im Seminarraum 3.", ["Seminarraum 3"]),
        ("30.10.2018 17:30 19:00\nStadtverordneten-Sitzungssaal, Rathaus, Berliner Platz 1", ["Stadtverordneten-Sitzungssaal"]),
        ("Sitzung im Großen Sitzungssaal des Landratsamtes.", ["Großer Sitzungssaal"]),
        ("Lesung in den Europasaal des Zentrums.", ["Europasaal"]),
        ("Gelesen wird im Zeitraum von 10 bis 12 Uhr.", []),
        ("Datum: Di, 20.08.2019\nRaum: Roter Saal\nOrt: Rathaus", ["Roter Saal"]),
        ("Raum: Ratssaal\n", ["Ratssaal"]),
        # a lecture hall, with its code in brackets
        ("Um 14.00 Uhr startet im AudiMax (A 032) die Weihnachtsvorlesung.", ["AudiMax (A 032)"]),
        ("Die Konferenz ist im Hörsaal von Haus 31.", ["Hörsaal"]),
        # negatives
        ("Engagement braucht Raum für Ideen im ländlichen Raum.", []),
        ("Im Zeitraum bis 2025 gibt es Spielraum.", []),
        ("Raum 2030: eine Vision für die Region.", []),
    ],
)
def test_rooms(extractor, text, expected):
    r = run(extractor, text)
    assert [m.value for m in r.mentions.rooms] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Pro Werkstatt stehen 15 Plätze zur Verfügung.", [15]),
        ("Die Konferenzen wurden mit bis zu 100 Teilnehmenden angeboten.", [100]),
        ("Maximal 12 Personen, also max. 12 Personen.", [12, 12]),
        ("Die Teilnahme ist auf 20 Teilnehmer begrenzt.", [20]),
        ("Es gibt zwölf Plätze.", [12]),
        ("Die Teilnehmerzahl ist auf 25 begrenzt.", [25]),
        # negatives
        ("Das Netzwerk verbindet 112 lokale Gruppen.", []),
        ("Sie richtet sich an 29 Millionen engagierte Bürgerinnen und Bürger.", []),
        ("Die Strategie gilt für 15 Jahre.", []),
        ("Am Fest nahmen 300 Menschen teil.", []),
        ("60 Personen können teilnehmen, die Gebühr beträgt 2,50 Euro.", [60]),
        ("Es können bis zu 20 Personen mitfahren.", [20]),
        ("Die Höchstzahl der Besucher ist damit auf 85 beschränkt.", [85]),
    ],
)
def test_capacities(extractor, text, expected):
    r = run(extractor, text)
    assert [m.value for m in r.mentions.capacities] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Die Teilnahme ist kostenfrei.", [("free", None)]),
        ("Die Ehrenamtskoordination lädt zur kostenfreien Werkstatt ein.", [("free", None)]),
        ("Eintritt frei!", [("free", None)]),
        ("Für den Vortragsabend wird kein Eintritt erhoben; Spenden sind willkommen.", [("free", None)]),
        ("Der Kurs ist kostenlos.", [("free", None)]),
        ("Die Veranstaltung ist gebührenfrei.", [("free", None)]),
        # words between the cue and "frei"
        ("Der Eintritt ist an den drei Tagen natürlich frei.", [("free", None)]),
        ("Die Feier kostet keinen Cent Eintritt.", [("free", None)]),
        ("Der Eintritt zur Messe ist frei. Eine Anmeldung ist nicht erforderlich.", [("free", None)]),
        ("Die Teilnahme an der Schulung ist selbstverständlich kostenlos.", [("free", None)]),
        ("Der Eintritt zum Konzert ist für Mitglieder frei, Gäste zahlen 8 Euro.", [("amount", 8.0)]),
        ("Teilnahmegebühr 50 €", [("amount", 50.0)]),
        # a reduction for some is no free event
        ("Der Eintritt ist für Kinder unter sechs Jahren frei, Erwachsene zahlen 5 Euro.",
         [("amount", 5.0)]),
        ("Der Eintritt kostet 6,10 €.", [("amount", 6.1)]),
        ("Kosten: 5 Euro pro Person", [("amount", 5.0)]),
        ("Unkostenbeitrag: EUR 12,50", [("amount", 12.5)]),
        # a number word before "Euro"
        ("Im Eintrittspreis von fünf Euro ist ein Getränk enthalten.", [("amount", 5.0)]),
        ("Der Kurs kostet zwölf Euro pro Abend.", [("amount", 12.0)]),
        ("Das Land gibt zwei Millionen Euro für die Sanierung.", []),
        # negatives
        ("Das Projekt wird mit 5.000 Euro gefördert.", []),
        ("Der Preis ist mit 2.500 Euro dotiert.", []),
        ("Der Bund stellt 2 Millionen Euro bereit.", []),
        ("Kostenlose Parkplätze sind vorhanden.", []),
        ("Die Terminreservierung bietet das DRK über die kostenfreie Service-Hotline an.", []),
        ("Alkoholfreie Getränke und Brezeln gibt es kostenlos.", []),
        ("Eingeladen sind alle, die sich unentgeltlich für die Allgemeinheit einsetzen.", []),
        ("Die Teilnahme ist kostenfrei, Getränke kosten 2 Euro.", [("free", None), ("amount", 2.0)]),
        ("Tickets (Eintritt 8,- / 5,- / 1,- WP) erhält man an der Kasse.", [("amount", 8.0)]),
        ("Die Teilnahmegebühr: 12,50 pro Person.", [("amount", 12.5)]),
        ("Rufen Sie die kostenlose Hotline an.", []),
    ],
)
def test_prices(extractor, text, expected):
    r = run(extractor, text)
    got = [("free", None) if m.free else ("amount", m.value.amount) for m in r.mentions.prices]
    assert got == expected
    for m in r.mentions.prices:
        if not m.free:
            assert m.value.currency == "EUR"


@pytest.mark.parametrize("raw,value", [("6,10", 6.1), ("5.000", 5000.0), ("10,-", 10.0), ("50", 50.0)])
def test_parse_amount(raw, value):
    assert parse_amount(raw) == value


def test_seed_werkstatt(extractor):
    from .conftest import CORPUS

    text = (CORPUS / "documents" / "000_8bcc1829e3e8af0e.txt").read_text(encoding="utf-8")
    r = run(extractor, text)
    assert [m.value for m in r.mentions.rooms] == ["C409"]
    assert [m.value for m in r.mentions.capacities] == [15]
    assert any(m.value == "Rathaus Nord" and m.kind == "venue" for m in r.mentions.locations)
    assert [m.free for m in r.mentions.prices] == [True]
