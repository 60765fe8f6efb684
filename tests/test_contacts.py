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
        ("Anmeldung per E-Mail (ehrenamt@kaiserslautern.de) oder telefonisch.", ["ehrenamt@kaiserslautern.de"]),
        ("Kontakt: Anna.Schmidt@Stadt-Musterhausen.de.", ["anna.schmidt@stadt-musterhausen.de"]),
        ("Schreiben Sie an info(at)vhs-mainz.de für Fragen.", ["info@vhs-mainz.de"]),
        ("E-Mail: buergerbuero [at] stadt-trier [dot] de", ["buergerbuero@stadt-trier.de"]),
        ("Mail an kontakt[at]freiwilligenagentur.de", ["kontakt@freiwilligenagentur.de"]),
        ("E-Mail: [email protected]", []),
        ("Der Verein @ehrenamt_kl auf Instagram.", []),
        ("Fragen an seniorenbuero@landkreis-alzey-worms.de oder ehrenamt@kreis-az.de", ["seniorenbuero@landkreis-alzey-worms.de", "ehrenamt@kreis-az.de"]),
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
        ("Anmeldung unter https://www.stadt.de/anmeldung?id=12&x=3, danach Bestätigung.", ["https://www.stadt.de/anmeldung?id=12&x=3"]),
        ("Das Programm steht auf kaiserslautern.de/ehrenamt bereit.", ["kaiserslautern.de/ehrenamt"]),
        ("Mehr auf ehrenamt-rlp.de!", ["ehrenamt-rlp.de"]),
        ("Link: https://de.wikipedia.org/wiki/Ehrenamt_(Deutschland)", ["https://de.wikipedia.org/wiki/Ehrenamt_(Deutschland)"]),
        ("Schreiben Sie an info@vhs-mainz.de.", []),
        ("z.B. am 24.07.2024 um 13.30 Uhr", []),
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


def test_spaced_area_code(extractor):
    text = "Anmeldungen unter VHS-Tel. 0 23 62 / 66 41 61."
    assert _values(extractor, text, "phones") == ["+492362664161"]
