"""Building the pipeline: blank German, the full-model path, abbreviations, sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from extractor import Extractor
from extractor.errors import AushangError, ErrorCode
from extractor.pipeline import build, get_nlp
from extractor.settings import Settings


@pytest.mark.parametrize(
    "abbr", ["z.B.", "u.a.", "bzw.", "Str.", "Tel.", "Nr.", "Zi.", "Dr.", "Jan.", "Sept."]
)
def test_abbreviations_are_single_tokens(nlp, abbr):
    doc = nlp.make_doc(f"Das gilt {abbr} hier")
    assert abbr in [t.text for t in doc]


@pytest.mark.parametrize(
    "text,n",
    [
        ("Die Werkstatt ist am 24. Juli im Rathaus. Sie dauert eine Stunde.", 2),
        ("Treffpunkt: Werderstr. 1, Zi. 112, Tel. 0631/365-4471. Bitte pünktlich.", 2),
        ("Das betrifft z.B. Vereine, u.a. Sportvereine bzw. Chöre. Dr. Müller spricht am 21. Sept. 2026.", 2),
        ("Titelzeile\nErster Satz. Zweiter Satz!", 3),
        ("„Wir freuen uns.“ Das sagte sie.", 2),
        # a hard-wrapped line of running text continues its sentence ...
        ("Eine Anmeldung zur Führung ist wie immer und ohne jede Ausnahme zwingend unter\n03683/403186 erforderlich.", 1),
        ("Der Direktor des Museums wird anlässlich der Feierlichkeiten über die\nGeschichte referieren.", 2),
        # ... a short line, a heading or a capitalised word after the break does not
        ("Anmeldung unter\n03683/403186", 2),
        ("Der Direktor des Museums wird anlässlich der bevorstehenden Feierlichkeiten referieren\nProgramm", 2),
    ],
)
def test_sentences(nlp, text, n):
    assert len(list(nlp(text).sents)) == n


def test_blank_pipeline_components(nlp):
    assert nlp.lang == "de"
    assert [n for n in nlp.pipe_names if n != "ner"][:3] == ["lemmatizer", "aushang_senter", "aushang_contacts"]
    assert nlp("Die Kinder spielten")[2].lemma_ == "spielen"


def test_full_pipeline_path_with_a_trained_pipeline_on_disk(tmp_path):
    """The 'full' path loads a trained pipeline and appends our components after its own;
    here a small pipeline saved to disk stands in for de_core_news_md."""
    trained = spacy.blank("de")
    ruler = trained.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "Bertelsmann Stiftung"}])
    trained.add_pipe("sentencizer")
    trained.meta["name"] = "core_news_fake"
    trained.meta["version"] = "3.8.0"
    path = tmp_path / "de_core_news_fake"
    trained.to_disk(path)

    settings = Settings(pipeline="full", model_name=str(path))
    nlp, desc = build(settings)
    assert desc.name == "full"
    assert "core_news_fake" in desc.model
    assert nlp.pipe_names[:2] == ["entity_ruler", "sentencizer"]
    assert "aushang_contacts" in nlp.pipe_names and "aushang_senter" not in nlp.pipe_names
    ex = Extractor(settings, nlp=nlp, description=desc)
    result = ex.extract(text="Die Bertelsmann Stiftung lädt am 24. Juli 2024 ein. Tel. 0631/365-4471", reference_date="2024-07-01")
    assert result.pipeline.name == "full"
    assert result.mentions.phones[0].value == "+496313654471"


def test_full_pipeline_missing_is_a_clear_error():
    with pytest.raises(AushangError) as err:
        build(Settings(pipeline="full", model_name="de_core_news_not_installed"))
    assert err.value.code == ErrorCode.PIPELINE_UNAVAILABLE


def test_auto_falls_back_to_blank():
    _, desc = build(Settings(pipeline="auto", model_name="de_core_news_not_installed"))
    assert desc.name == "blank"


# -- the compact NER (models/ner/model, trained by scripts/train_ner) --------------------------

COMPACT_NER = Path(__file__).resolve().parents[1] / "models" / "ner" / "model"
needs_compact_ner = pytest.mark.skipif(not (COMPACT_NER / "meta.json").exists(),
                                       reason="models/ner/model is not built")


@pytest.fixture(scope="module")
def compact_extractor():
    """A blank-pipeline Extractor with the compact NER switched on (AUSHANG_COMPACT_NER=1)."""
    settings = Settings(pipeline="blank", compact_ner=True)
    nlp, desc = get_nlp(settings)
    return Extractor(settings, nlp=nlp, description=desc)


@needs_compact_ner
def test_blank_pipeline_sources_the_compact_ner(compact_extractor):
    nlp = compact_extractor.nlp
    assert nlp.pipe_names.index("aushang_senter") < nlp.pipe_names.index("ner") \
        < nlp.pipe_names.index("aushang_entities")
    assert set(nlp.get_pipe("ner").labels) == {"ORG", "PER", "LOC"}
    assert "ner" in compact_extractor.description.components
    doc = nlp("Angela Merkel besuchte die Volkswagen AG in Wolfsburg.")
    assert doc.ents and {e.label_ for e in doc.ents} <= {"ORG", "PER", "LOC"}


def test_compact_ner_is_off_by_default(extractor):
    assert Settings().compact_ner is False
    assert "ner" not in extractor.nlp.pipe_names and "ner" not in extractor.description.components
    assert "aushang_entities" in extractor.nlp.pipe_names


def test_compact_ner_missing_directory_is_dropped(tmp_path):
    from extractor import pipeline

    config = pipeline.load_config()
    config["components"]["ner"]["source"] = str(tmp_path / "no_such_model")
    nlp = pipeline.build_blank(config, compact_ner=True)
    assert "ner" not in nlp.pipe_names and "aushang_entities" in nlp.pipe_names


@needs_compact_ner
@pytest.mark.parametrize(
    "text,orgs_on,orgs_off",
    [
        # the rules know no head here; the compact NER finds the name
        ("Unterstützt wird die Aktion von Bayer Leverkusen.", ["Bayer Leverkusen"], []),
        ("Partner ist die Volkswagen Financial Services.", ["Volkswagen Financial Services"], []),
        # the model's ORG is a person, a town: filtered out
        ("Die Lesung von Traudi Schlitt beginnt um 18 Uhr.", [], []),
        ("Die Fahrt geht nach Hohen Neuendorf.", [], []),
        # found by the rules either way
        ("Mitglieder der Freiwilligen Feuerwehr Waldenbuch helfen.",
         ["Freiwillige Feuerwehr Waldenbuch"], ["Freiwillige Feuerwehr Waldenbuch"]),
    ],
)
def test_compact_ner_entities_flow_into_organizations(compact_extractor, extractor, text, orgs_on, orgs_off):
    on = compact_extractor.extract(text=text, reference_date="2024-07-01")
    assert on.pipeline.components and "ner" in on.pipeline.components
    assert [o.name for o in on.organizations] == orgs_on
    off = extractor.extract(text=text, reference_date="2024-07-01")
    assert [o.name for o in off.organizations] == orgs_off
