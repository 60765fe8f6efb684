"""Shared fixtures. Tests run on the blank German pipeline: it is what these machines have,
and it is deterministic."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("AUSHANG_PIPELINE", "blank")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def extractor():
    """One blank-pipeline Extractor for the whole test session (building it takes ~1.5 s)."""
    from extractor import Extractor
    from extractor.settings import Settings

    return Extractor(Settings(pipeline="blank"))


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp
