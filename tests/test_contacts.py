"""E-mails, URLs and phones in real-looking German lines, with lines that must not match."""

from __future__ import annotations

import pytest


def _values(extractor, text, family):
    result = extractor.extract(text=text, reference_date="2024-07-01")
    items = getattr(result.mentions, family)
    for m in items:
        assert result.text[m.start : m.end] == m.text
    return [m.value for m in items]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Reservierung per Mail an veranstaltung@bürgerstiftung-burgwedel.de oder telefonisch.",
         ["veranstaltung@bürgerstiftung-burgwedel.de"]),
        ("Anmeldung per E-Mail (ehrenamt@kaiserslautern.de) oder telefonisch.", ["ehrenamt@kaiserslautern.de"]),
        ("Kontakt: Anna.Schmidt@Stadt-Musterhausen.de.", ["anna.schmidt@stadt-musterhausen.de"]),
        ("Schreiben Sie an info(at)vhs-mainz.de für Fragen.", ["info@vhs-mainz.de"]),
        ("E-Mail: buergerbuero [at] stadt-trier [dot] de", ["buergerbuero@stadt-trier.de"]),
        ("Mail an kontakt[at]freiwilligenagentur.de", ["kontakt@freiwilligenagentur.de"]),
        ("E-Mail: [email protected]", []),
        ("Der Verein @ehrenamt_kl auf Instagram.", []),
        ("Fragen an seniorenbuero@landkreis-alzey-worms.de oder ehrenamt@kreis-az.de", ["seniorenbuero@landkreis-alzey-worms.de", "ehrenamt@kreis-az.de"]),
        # a layout that broke the address after its last dot
        ("oder per E-Mail an museum-otzberg@rolftilly. de erhältlich.", ["museum-otzberg@rolftilly.de"]),
        ("Schreiben Sie an info@stadt. Die Antwort kommt bald.", []),
    ],
)
def test_emails(extractor, text, expected):
    assert _values(extractor, text, "emails") == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Vorschläge können online unter https://www.zukunft-des-engagements.de eingereicht werden.", ["https://www.zukunft-des-engagements.de"]),
        ("Weitere Informationen finden sich zukünftig unter: www.engagiertestadt.de/kaiserslautern", ["www.engagiertestadt.de/kaiserslautern"]),
        ("Infos (siehe www.vhs-trier.de).", ["www.vhs-trier.de"]),
        ("Infos unter www. museum-otzberg.de und telefonisch.", ["www.museum-otzberg.de"]),
        ("Anmeldung unter https://www.stadt.de/anmeldung?id=12&x=3, danach Bestätigung.", ["https://www.stadt.de/anmeldung?id=12&x=3"]),
        ("Das Programm steht auf kaiserslautern.de/ehrenamt bereit.", ["kaiserslautern.de/ehrenamt"]),
        ("Mehr auf ehrenamt-rlp.de!", ["ehrenamt-rlp.de"]),
        ("Link: https://de.wikipedia.org/wiki/Ehrenamt_(Deutschland)", ["https://de.wikipedia.org/wiki/Ehrenamt_(Deutschland)"]),
        ("Schreiben Sie an info@vhs-mainz.de.", []),
        ("z.B. am 24.07.2024 um 13.30 Uhr", []),
        # share buttons and source lines are page furniture; a source in a sentence is content
        ("Teilen auf Facebook https://www.facebook.com/sharer/sharer.php?u=https://x.de", []),
        ("Per WhatsApp teilen: https://wa.me/?text=Fest", []),
        ("Quelle: https://www.presseportal.de/blaulicht/123", []),
        ("Original-Artikel: https://www.zeitung.de/lokal/123.html", []),
        ("Die Quelle der Daten ist www.statistik.de, dort steht mehr.", ["www.statistik.de"]),
        # a printed page's own address under the signature; a link under a label stays
        ("Wir freuen uns auf Sie.\n\nBürgermeister\n\nhttp://www.hildrizhausen.de/index.php?id=121", []),
        ("Wir freuen uns auf Sie.\n\nWeitere Informationen:\nhttp://www.hildrizhausen.de/index.php?id=121",
         ["http://www.hildrizhausen.de/index.php?id=121"]),
        ("Wir freuen uns auf Sie.\n\nBürgermeister\n\nwww.hildrizhausen.de", ["www.hildrizhausen.de"]),
    ],
)
def test_urls(extractor, text, expected):
    assert _values(extractor, text, "urls") == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("oder unter der Telefonnummer (0631) 365-4471 möglich.", ["+496313654471"]),
        ("Tel. 0631/365-4471", ["+496313654471"]),
        ("Telefon: 06131 16-4471", ["+496131164471"]),
        ("Tel.: +49 (0) 631 3654471", ["+496313654471"]),
        ("Tel.: 0171 1234567", ["+491711234567"]),
        ("Rufen Sie an: 089 / 23 39 64 71.", ["+498923396471"]),
        ("Telefon 030 90277-0", ["+4930902770"]),
        ("Hotline 0800 1234567 (kostenfrei)", ["+498001234567"]),
        ("Tel. +49 30 1234567", ["+49301234567"]),
        # not phones: dates, postcodes, prices, IDs, years, room numbers
        ("am 24.07.2024 um 13.30 Uhr", []),
        ("Hubert-von-Herkomer-Str. 73, 86899 Landsberg", []),
        ("Werderstraße 1, 01067 Dresden", []),
        ("Die Teilnahme kostet 12,50 Euro.", []),
        ("Meeting-ID: 0812 3456 7890, Kenncode 123456", []),
        ("im Jahr 2010 und 2024", []),
        ("Raum 2.14 im 2. OG", []),
        ("IBAN DE02 1203 0000 0000 2020 51", []),
        ("Aktenzeichen 0123 4567/2024", []),
        ("Vom 17.–30.09.2018 in der Stadthalle", []),
        # a label glued to the number, a spaced area code in brackets
        ("Anmeldung unter der Rufnummer.05139/9727230 (Kanzlei Kranz).", ["+4951399727230"]),
        ("Tel.0631/3654471", ["+496313654471"]),
        ("Anmeldung: Ehrenamtsbörse, Tel. (0 68 24) 9 06 14 23, E-Mail", ["+4968249061423"]),
        ("Version 1.0631 7 ist erschienen", []),
        # a spaced area code; spaced digits with a hyphenated extension keep every digit
        ("Anmeldungen unter VHS-Tel. 0 23 62 / 66 41 61.", ["+492362664161"]),
        ("telefonisch unter 0 52 51 / 88-1234 oder per Mail", ["+495251881234"]),
        ("Weitere Infos: Telefon 0 40 / 4 28 28-0", ["+4940428280"]),
        ("Tel: 02 21 / 2 21-2 34 56", ["+4922122123456"]),
        # a compact mobile number at the end of a sentence
        ("Interessierte melden sich bitte unter der Ruf-Nr.: 015751536063.", ["+4915751536063"]),
        # a number ends at its line: the date on the next line does not run it on
        ("Atelierhof, Hauptstr. 76\nTel. 035322 32797\n01.05.2020, 17 Uhr", ["+493532232797"]),
    ],
)
def test_phones(extractor, text, expected):
    assert _values(extractor, text, "phones") == expected


@pytest.mark.parametrize(
    "text,kinds",
    [
        ("Tel. (0631) 365-4471, Fax (0631) 365-4479", ["phone", "fax"]),
        ("Telefax: 06131 16-4400", ["fax"]),
        ("Telefon 06131 16-4471 / Telefax 06131 16-4400", ["phone", "fax"]),
    ],
)
def test_fax_is_marked(extractor, text, kinds):
    result = extractor.extract(text=text, reference_date="2024-07-01")
    assert [m.kind for m in result.mentions.phones] == kinds


@pytest.mark.parametrize(
    "text,expected",
    [
        # a local number takes the area code of the town the text is about
        ("Die Stadt Erfurt lädt ein. Fragen an das Amt für Ortsteile, Telefon 655-1051.",
         ["+493616551051"]),
        ("Hier schreibt der AWO-Ortsverein Aalen. Anmeldung unter Tel. 66556.", ["+49736166556"]),
        ("Rathaus, Fischmarkt 1, 99084 Erfurt. Tel. 6551004", ["+493616551004"]),
        ("Aktionswoche „Berlin spart Energie“ in Berlin. Tel. 2014 308 22", ["+4930201430822"]),
        ("Kontakt: info@stadt-aalen.de, Telefon 50-123", ["+49736150123"]),
        # "rufen Sie uns an unter"; a place the table lists only with its region, by its plain name
        ("Schreiben Sie an info@gemeinde-wilhelmsdorf.de oder rufen Sie uns an unter 921-111.", ["+497503921111"]),
        # no town, or two towns with equal weight: no guess
        ("Anmeldung unter Tel. 66556.", []),
        ("Die Städte Erfurt und Aalen laden ein. Tel. 66556", []),
        # an ordinary word that is also a place name is no evidence on its own
        ("Nach dem Essen gibt es Kaffee. Anmeldung unter Tel. 66556.", []),
        # not a local number: times, prices, counts
        ("Die Stadt Erfurt lädt ein. Telefon 2024 15 Uhr", []),
        ("Die Stadt Erfurt lädt ein. Tel. 12,50 Euro", []),
    ],
)
def test_local_numbers_take_the_towns_area_code(extractor, text, expected):
    result = extractor.extract(text=text, reference_date="2024-07-01")
    phones = result.mentions.phones
    assert [m.value for m in phones] == expected
    assert all(m.area_code_inferred for m in phones)


def test_written_area_code_is_not_marked_inferred(extractor):
    result = extractor.extract(text="Stadt Erfurt, Telefon 0361 655-1051", reference_date="2024-07-01")
    assert [(m.value, m.area_code_inferred) for m in result.mentions.phones] == [("+493616551051", False)]


def test_area_code_table_is_generated_from_phonenumbers():
    """models/gazetteers/area_codes.tsv is what scripts/build_area_codes makes of phonenumbers.

    With the phonenumbers version named in the table's header the file must be identical; with
    another version (geodata changes a little between releases) nearly every place must still
    have the code the installed geodata gives it.
    """
    import re
    import subprocess
    import sys
    from pathlib import Path

    import phonenumbers
    from phonenumbers.geodata import GEOCODE_DATA

    root = Path(__file__).resolve().parents[1]
    table = (root / "models" / "gazetteers" / "area_codes.tsv").read_text(encoding="utf-8")
    built_with = re.search(r"phonenumbers (\S+)", table).group(1)
    if built_with == phonenumbers.__version__:
        run = subprocess.run([sys.executable, str(root / "scripts" / "build_area_codes"), "--check"],
                             capture_output=True, text=True)
        assert run.returncode == 0, run.stdout + run.stderr
        return
    rows = [line.split("\t") for line in table.splitlines() if line and not line.startswith("#")]
    agree = sum(GEOCODE_DATA.get("49" + code, {}).get("de") == place for place, code in rows)
    assert agree / len(rows) > 0.98
