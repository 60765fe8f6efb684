"""Building the pipeline: blank German, the full-model path, abbreviations, sentences."""

from __future__ import annotations

import pytest
import spacy

from extractor import Extractor
from extractor.errors import AushangError, ErrorCode
from extractor.pipeline import build
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
    ],
)
def test_sentences(nlp, text, n):
    assert len(list(nlp(text).sents)) == n


def test_blank_pipeline_components(nlp):
    assert nlp.lang == "de"
    assert nlp.pipe_names[:3] == ["lemmatizer", "aushang_senter", "aushang_contacts"]
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
