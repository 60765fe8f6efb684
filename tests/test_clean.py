"""The boilerplate filter, line by line and on the seeds."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from extractor.clean import clean_html, clean_text, decode_bytes, filter_boilerplate, is_date_line
from extractor.errors import InputError
from extractor.normalize.dates import parse_date_text

from .conftest import CORPUS

SEEDS = sorted(p.stem for p in (CORPUS / "documents").glob("00*.txt"))


@pytest.mark.parametrize(
    "line,expected",
    [
        ("12. Februar 2026", True),
        ("11. April 2026 - 20:00 Uhr bis 23:59 Uhr", True),
        ("27.09.2017 10:58", True),
        ("Dienstag, 10. Mai 2022", True),
        ("Mo., 4. Mai 2026, 18 Uhr", True),
        ("24.07.2024", True),
        ("Am 24. Juli lädt die Stadt zur Werkstatt ein.", False),
        ("24. Juli: Werkstatt im Rathaus", False),
        ("Rathaus Nord, Raum C409", False),
        ("Telefon (0631) 365-4471", False),
        ("", False),
        ("Die Werkstatt-Termine sind am 24. Juli und 16. August", False),
    ],
)
def test_is_date_line(line, expected):
    assert is_date_line(line) is expected


# (input lines, lines that must survive, lines that must go)
CASES = [
    # a content paragraph that begins with a date is kept
    (
        "Titel\nAm 24. Juli lädt die Stadt zur Werkstatt ein. Beginn ist um 18 Uhr.\nTeilen\nZurück",
        ["Am 24. Juli lädt die Stadt zur Werkstatt ein. Beginn ist um 18 Uhr."],
        ["Teilen", "Zurück"],
    ),
    # "Aktuelle Beiträge" + date list + teaser box
    (
        "Titel\nDie Stadt lädt zur Bürgerversammlung am 3. Mai ein, Beginn 19 Uhr im Rathaus.\n"
        "Aktuelle Beiträge\n12. Februar 2026\n12. Februar 2026\nEvents\nAlex Im Westerland\n"
        "11. April 2026 - 20:00 Uhr bis 23:59 Uhr\nBUNT GEMISCHT\n10. November 2025\n29. Januar 2026",
        ["Die Stadt lädt zur Bürgerversammlung am 3. Mai ein, Beginn 19 Uhr im Rathaus."],
        ["Aktuelle Beiträge", "12. Februar 2026", "Events", "Alex Im Westerland",
         "11. April 2026 - 20:00 Uhr bis 23:59 Uhr", "BUNT GEMISCHT", "29. Januar 2026"],
    ),
    # a bare date list without heading (unsorted archive)
    (
        "Der Seniorenbeirat tagt am Dienstag, 10. Mai, um 15 Uhr im Sitzungssaal des Rathauses.\n"
        "9. Januar 2024\n9. November 2021\n14. Juli 2023\n23. März 2023",
        ["Der Seniorenbeirat tagt am Dienstag, 10. Mai, um 15 Uhr im Sitzungssaal des Rathauses."],
        ["9. Januar 2024", "9. November 2021", "14. Juli 2023", "23. März 2023"],
    ),
    # a list of session dates in the content, introduced by a colon, is kept
    (
        "Der Kurs findet an drei Abenden statt:\n5. März 2026\n12. März 2026\n19. März 2026\n"
        "Anmeldung bei der VHS unter 06131 16-4471.",
        ["5. März 2026", "12. März 2026", "19. März 2026"],
        [],
    ),
    # link, image, breadcrumb, credit lines
    (
        "Startseite > Aktuelles > Pressemitteilungen\n<image>foto_rathaus.jpg</image>\n"
        "Die Gemeinde lädt zum Umwelttag am Samstag, 21. März, ab 9 Uhr ein.\n» Zur Anmeldung\n"
        "Foto: Stadt Musterhausen",
        ["Die Gemeinde lädt zum Umwelttag am Samstag, 21. März, ab 9 Uhr ein."],
        ["Startseite > Aktuelles > Pressemitteilungen", "» Zur Anmeldung", "Foto: Stadt Musterhausen"],
    ),
    # a short content heading before prose is kept
    (
        "Kommunale Teams 2025\nNeu am Start sind sieben Kommunen, die sich am 9. April 2025 trafen.",
        ["Kommunale Teams 2025", "Neu am Start sind sieben Kommunen, die sich am 9. April 2025 trafen."],
        [],
    ),
    # a press-release stamp at the top, an update stamp at the foot
    (
        "Presseinformation 20.06.2023\nDie Agentur lädt am 18. Juni zum Tag der offenen Tür ein.\n"
        "Weitere Auskünfte im Rathaus.\nInhalt zuletzt aktualisiert am: 07.10.2024\n"
        "• Zuletzt geändert: Mo, 3.6.2024 10:15",
        ["Die Agentur lädt am 18. Juni zum Tag der offenen Tür ein."],
        ["Presseinformation 20.06.2023", "Inhalt zuletzt aktualisiert am: 07.10.2024",
         "• Zuletzt geändert: Mo, 3.6.2024 10:15"],
    ),
    # a message date, a byline with its stamp, the place-and-date line under a notice
    (
        "Meldungsdatum: 03.12.2024\nVon Helga Koch 12.09.2024, 17:00\n"
        "Die Stadt lädt am Donnerstag, 12.12.2024 um 18 Uhr ins Rathaus ein.\nBad Segeberg, den 28.02.2023",
        ["Die Stadt lädt am Donnerstag, 12.12.2024 um 18 Uhr ins Rathaus ein."],
        ["Meldungsdatum: 03.12.2024", "Von Helga Koch 12.09.2024, 17:00", "Bad Segeberg, den 28.02.2023"],
    ),
    # a byline stamp under breadcrumbs and a teaser, below the top window
    (
        "1. Zeitung.de\n2. >\n3. Lokal\n4. >\n5. Nachrichten\n6. >\n7. Herbstfest\n\nHerbstfest\n\n"
        "Am 26. September sind alle Senioren eingeladen.\n\nVon Helga Koch 12.09.2024, 17:00\nAm 26. September ist Herbstfest.",
        ["Am 26. September ist Herbstfest."],
        ["Von Helga Koch 12.09.2024, 17:00"],
    ),
    # ... but "Von Montag 12.09.2024" is no byline
    (
        "Die Ausstellung.\nVon Montag 12.09.2024\nbis Freitag ist sie offen.",
        ["Von Montag 12.09.2024"],
        [],
    ),
    # ... but a weekday with "den" is an event's date line
    (
        "Die Versammlung findet statt am\nFreitag, den 3. März 2023\nim Bürgerhaus.",
        ["Freitag, den 3. März 2023"],
        [],
    ),
    # a breadcrumb opened by "Sie sind hier"
    (
        "Sie sind hier: Region >\nTag der älteren Generation\nAm 20. Mai ist Tag der älteren Generation.",
        ["Tag der älteren Generation"],
        ["Sie sind hier"],
    ),
    # a newspaper's masthead and RND partner line are furniture; a sentence about a newspaper stays
    (
        "Menü\nHannoversche Allgemeine | Ihre Zeitung aus Hannover\nPartner im Redaktionsnetzwerk Deutschland\n"
        "Burgdorf Ein Autor jagt den nächsten\nDie Lesung ist am 6. September.\nDie Zeitung aus Hannover berichtet.",
        ["Burgdorf Ein Autor jagt den nächsten", "Die Zeitung aus Hannover berichtet."],
        ["Ihre Zeitung aus Hannover", "Redaktionsnetzwerk"],
    ),
    # ... but a content line with a stamp word and an event's time stays
    (
        "Die Gemeinde informiert.\nAktueller Stand am 24. Juli 2024 um 18 Uhr im Rathaus.",
        ["Aktueller Stand am 24. Juli 2024 um 18 Uhr im Rathaus."],
        [],
    ),
]


@pytest.mark.parametrize("text,kept,gone", CASES)
def test_filter_boilerplate(text, kept, gone):
    cleaned, removed, _ = filter_boilerplate(text)
    lines = cleaned.split("\n")
    for line in kept:
        assert line in lines
    for line in gone:
        assert line not in lines, line


def test_publication_stamp_is_metadata():
    text = (
        "< Umfrage zur Umgestaltung der Fußgängerzone\n27.09.2017 10:58 Alter: 23 days\n\n"
        "Ein Blick hinter die Kulissen\nZum Tag des Bürgers lädt die Stadtverwaltung am Sonntag, "
        "15. Oktober 2017, von 14:00 bis 17:00 Uhr in das Rathaus ein."
    )
    doc = clean_text(text)
    assert doc.published == dt.date(2017, 9, 27)
    assert "27.09.2017" not in doc.text
    assert "15. Oktober 2017" in doc.text


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_boilerplate_dates_are_removed(seed, extractor):
    gold = json.loads((CORPUS / "gold" / f"{seed}.json").read_text())
    raw = (CORPUS / "documents" / f"{seed}.txt").read_text()
    doc = clean_text(raw)
    from extractor.normalize.dates import parse_date_text

    leaked = set()
    for line in doc.text.split("\n"):
        if is_date_line(line):
            leaked.add(str(parse_date_text(line)))
    assert not (leaked & set(gold["boilerplate_dates"]))
    for line in raw.split("\n"):
        if line.strip() and is_date_line(line) and gold["boilerplate_dates"]:
            assert line not in doc.text.split("\n")


def test_seed_counts_of_removed_dates():
    counts = {}
    for seed in ("000_8bcc1829e3e8af0e", "001_a364dd865c4a2512"):
        doc = clean_text((CORPUS / "documents" / f"{seed}.txt").read_text())
        counts[seed] = len(
            {parse_date_text(line) for line in doc.removed_lines if is_date_line(line)}
        )
    # distinct boilerplate dates: seed 000 has 37 (list and teaser box), seed 001 has 39
    assert counts == {"000_8bcc1829e3e8af0e": 37, "001_a364dd865c4a2512": 39}


def test_html_goes_through_trafilatura_and_filter():
    html = """<html><head><title>Werkstatt | Stadt</title>
    <meta property="article:published_time" content="2024-06-12"></head><body>
    <nav><ul><li>Startseite</li><li>Aktuelles</li></ul></nav>
    <article><h1>Werkstatt Zukunft des Ehrenamts</h1>
    <p>Die Ehrenamtskoordination der Stadt lädt am 24. Juli um 13:00 Uhr zur Werkstatt ein.
    Anmeldung unter ehrenamt@kaiserslautern.de oder (0631) 365-4471.</p></article>
    <footer>Impressum | Datenschutz</footer></body></html>"""
    doc = clean_html(html)
    assert "24. Juli um 13:00 Uhr" in doc.text
    assert "Impressum" not in doc.text
    assert doc.published == dt.date(2024, 6, 12)
    assert doc.title


@pytest.mark.parametrize(
    "data,expected",
    [
        ("Grüße aus Köln".encode("utf-8"), "Grüße aus Köln"),
        ("Grüße aus Köln".encode("cp1252"), "Grüße aus Köln"),
        ("Grüße aus Köln".encode("latin-1"), "Grüße aus Köln"),
        (b"\xef\xbb\xbfGr\xc3\xbc\xc3\x9fe", "Grüße"),
    ],
)
def test_decode_bytes(data, expected):
    assert decode_bytes(data) == expected


def test_decode_binary_is_refused():
    with pytest.raises(InputError):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_event_date_line_at_the_top_is_content():
    text = (
        "2. Werkstatt Leitlinien für Bürgerbeteiligung\n\n15. Oktober 2018 | 18:00 bis 21:00 Uhr\n"
        "Vollgutlager der Kindl Brauerei, Rollbergstr. 26, 12053 Berlin\n\nWie soll Beteiligung künftig ablaufen?"
    )
    doc = clean_text(text)
    assert "15. Oktober 2018 | 18:00 bis 21:00 Uhr" in doc.text
    assert doc.published is None


@pytest.mark.parametrize(
    "text,published,first",
    [
        (" date 2026-02-12 Vorlesestunden für Kinder 2026\n\nAm 3. März liest die Bücherei vor.",
         dt.date(2026, 2, 12), "Vorlesestunden für Kinder 2026"),
        ("Datum: 2020-09 Die VHS lädt am 6. Oktober ein.", None, "Die VHS lädt am 6. Oktober ein."),
        ("published 2019-11-04T10:15:00+01:00\nTitel\nText am 5. Mai.", dt.date(2019, 11, 4), "Titel"),
    ],
)
def test_leading_metadata_stamp_is_removed(text, published, first):
    doc = clean_text(text)
    assert doc.published == published
    assert doc.text.split("\n")[0] == first


def test_newspaper_stamp_with_the_time_first():
    text = (
        "Menü\nZeitung\nAnmelden\nNachrichten Sprechstunden\nUmland Nachrichten Sprechstunden\nPartner\n"
        "17:01 28.02.2018\nDer Bürgermeister bietet am Dienstag, 27. März, von 14.30 bis 16 Uhr eine Sprechstunde an."
    )
    doc = clean_text(text)
    assert doc.published == dt.date(2018, 2, 28)
    assert "17:01 28.02.2018" not in doc.text


@pytest.mark.parametrize(
    "text,kept,published",
    [
        # an event page's labelled date lines are the event's, not the page's
        ("Smartphone-Kurs\nVeranstaltungsort: Alte Schule, Raum 3\nDatum: 12.05.2024 18:00 - 20:00 Uhr",
         "Datum: 12.05.2024 18:00 - 20:00 Uhr", None),
        ("Smartphone-Kurs\nDatum: 12.05.2024\nUhrzeit: 18:00 - 20:00 Uhr\nOrt: Alte Schule",
         "Datum: 12.05.2024", None),
        ("Termin: 12.05.2024\nOrt: Bürgerhaus\nDer Kurs richtet sich an Einsteiger.", "Termin: 12.05.2024", None),
        # a labelled stamp with a clock time that is no event time stays a stamp
        ("Datum: 27.09.2017 10:58\nDer Kurs ist am 12. Oktober.", None, dt.date(2017, 9, 27)),
    ],
)
def test_labelled_event_dates_are_content(text, kept, published):
    doc = clean_text(text)
    if kept:
        assert kept in doc.text
    assert doc.published == published


@pytest.mark.parametrize(
    "text,published,gone",
    [
        ("Die Konzerte sind am 11. April.\n\nLechanzeiger vom 10. März 2004", dt.date(2004, 3, 10),
         "Lechanzeiger vom"),
        ("Die Konzerte sind am 11. April.\n(Quelle: Main-Post vom 3.5.2019)", dt.date(2019, 5, 3), "Main-Post"),
        # a paper's copyright line with its date, followed by more furniture
        ("Die Gespräche sind am 19. Februar.\n\n© SZ vom 10.02.2021 / SZ - Rechte am Artikel können Sie hier "
         "erwerben.\nZur SZ-Startseite", dt.date(2021, 2, 10), "© SZ vom"),
    ],
)
def test_closing_source_line_is_the_publication(text, published, gone):
    doc = clean_text(text)
    assert doc.published == published
    assert gone not in doc.text


def test_a_heading_with_vom_inside_the_text_stays():
    doc = clean_text("Bericht vom 12.03.2024\nDer Rat tagte am 12.03.2024 im Rathaus und beschloss viel.")
    assert "Bericht vom 12.03.2024" in doc.text


def test_further_events_box_is_furniture():
    text = ("Der Infoabend ist am 12. Mai 2024 um 19 Uhr im Rathaus.\n\nWeitere Veranstaltungen\n"
            "14.05.2024\nFlohmarkt am See\n18.05.2024\nKonzert im Park\n")
    doc = clean_text(text)
    assert "Flohmarkt" not in doc.text and "14.05.2024" not in doc.text
    assert "12. Mai 2024" in doc.text


@pytest.mark.parametrize(
    "text,kept,gone",
    [
        # the article ends at its signature; a fixture box and stamped teasers follow
        ("Am 15. September überträgt der Sender den Gottesdienst aus der Neuen Kirche.\n\nOZ\n\nHinrunde\n\n"
         "14. September, 16 Uhr: TSG Wismar — HC Salzland 06\n\n12.09.2013\nDie Handballerinnen starten in "
         "die Saison.\n\n12.09.2013\n\nMarkant und Aldi dürfen nicht aufs alte Bahnhofsgelände.\n",
         "Am 15. September", ["Hinrunde", "TSG Wismar", "Handballerinnen", "Aldi"]),
        ("Der Vortrag beginnt am 3. März 2020 um 19 Uhr im Rathaus.\n(red)\n"
         "02.03.2020\nNeuer Kreisel eröffnet in der Stadt.\n01.03.2020\nFeuerwehr übt am Wochenende.\n",
         "Der Vortrag", ["Kreisel", "Feuerwehr übt"]),
        # a signature without stamped teasers after it closes nothing
        ("Der Vortrag beginnt am 3. März 2020 um 19 Uhr.\nOZ\nKarten gibt es an der Abendkasse.",
         "Karten gibt es", []),
        # an acronym line above the article is no signature
        ("DRK\nDer Blutspendetermin ist am 3. März 2020.\n\n12.09.2013\nTeaser eins.\n\n12.09.2013\nTeaser zwei.",
         "Blutspendetermin", []),
    ],
)
def test_signature_closes_a_newspaper_article(text, kept, gone):
    doc = clean_text(text)
    assert kept in doc.text
    for g in gone:
        assert g not in doc.text


def test_breadcrumb_spread_over_lines_is_furniture():
    text = ("1. Startseite\n  2. >\n  3. Lokal\n  4. >\n  5. Nachrichten Stendal\n  6. >\n"
            "  7. Am Morgen öffnen sich die Tore\n\nAm Morgen öffnen sich die Tore\n\n"
            "Die Feuerwehr lädt am 1. Mai zum Tag der offenen Tür ein.\n")
    doc = clean_text(text)
    assert "Startseite" not in doc.text and "Nachrichten Stendal" not in doc.text and ">" not in doc.text
    assert doc.text.startswith("Am Morgen öffnen sich die Tore")
    # a single arrow line and a numbered list of content stay
    kept = clean_text("Programm:\n1. Begrüßung\n2. Vortrag\n>\nDie Feuerwehr lädt am 1. Mai ein.").text
    assert "1. Begrüßung" in kept and "2. Vortrag" in kept


def test_stamp_glued_to_the_first_sentence():
    doc = clean_text("Bürgerstiftung wird zehn\n11.09.2012Am Montag, den 17. September 2012, um 17.00 Uhr ist es soweit.")
    assert doc.published == dt.date(2012, 9, 11)
    assert "11.09.2012" not in doc.text and "Am Montag, den 17. September 2012" in doc.text
    # a CMS's ISO stamp with its clock time before the title
    cms = clean_text("2021-09-01 00h01 News - Öffnungszeiten Schiedsstelle\n\nDie Schiedsstelle hat neue Zeiten.")
    assert cms.published == dt.date(2021, 9, 1) and cms.text.startswith("News - Öffnungszeiten")
    # a date with a space before the text is a content line
    kept = clean_text("Kurs\n12.05.2024 Am Vormittag treffen sich alle Gruppen im Saal des Rathauses zum Kurs.")
    assert "12.05.2024" in kept.text


@pytest.mark.parametrize("line", ["  • Foto: colourbox.de", "- Bild: Stadt Koblenz", "Foto: Max Muster"])
def test_credit_lines_with_bullets_are_furniture(line):
    doc = clean_text(f"Die Vorlesung ist am 20. Dezember 2018.\n{line}\nDer Eintritt ist frei.")
    assert line.strip(" •-") not in doc.text and "Der Eintritt ist frei." in doc.text


def test_news_box_under_the_article_runs_to_the_end():
    text = ("Bürgerversammlung in Blankenheim\n\nDie Stadt lädt am 29. November 2022 um 19 Uhr ins DGH ein. "
            "Der Bürgermeister wird über laufende Projekte informieren und Fragen beantworten.\n\n"
            "Eine Bürgerversammlung ist eine besondere Veranstaltung der Gemeindeordnung für alle Bürger.\n\n"
            "Aktuelle News\n\nStrahlende Gesichter: Nach der Verlosung freuten sich alle Gewinner gemeinsam sehr.\n\n"
            "Die Winterverlosung ist beendet, heute Abend wurden die vier glücklichen Gewinner gezogen und geehrt.\n")
    doc = clean_text(text)
    assert "Verlosung" not in doc.text and "heute Abend" not in doc.text
    assert "Fragen beantworten" in doc.text
    # the same heading at the top of a page is only a zone over its short lines
    top = clean_text("Aktuelle News\n\nDie Stadt lädt am 29. November 2022 um 19 Uhr ins DGH ein und informiert über Projekte.")
    assert "Die Stadt lädt" in top.text


def test_site_name_line_is_no_title():
    doc = clean_text("Nordkurier.de\n\nDiakonietag lockt mit buntem Angebot\n\nDer Diakonietag ist am 1. Juni.")
    assert doc.title == "Diakonietag lockt mit buntem Angebot"
    assert clean_text("Diakonietag in Malchin\n\nDer Tag ist am 1. Juni.").title == "Diakonietag in Malchin"
