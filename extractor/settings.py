"""Settings of aushang: one typed object, read from the environment (prefix ``AUSHANG_``).

Defaults live here and nowhere else; functions take a ``Settings`` instead of loose keyword
arguments.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PipelineChoice = Literal["auto", "full", "blank"]


def models_dir() -> Path:
    """Where the shipped data (patterns, gazetteers, pipeline config) lives.

    A wheel carries ``models/`` as ``extractor/_models``; a source checkout (editable install)
    has it beside the package. ``AUSHANG_MODELS_DIR`` overrides both.
    """
    override = os.environ.get("AUSHANG_MODELS_DIR")
    if override:
        return Path(override)
    here = Path(__file__).resolve().parent
    packaged = here / "_models"
    if packaged.is_dir():
        return packaged
    return here.parent / "models"


class Settings(BaseSettings):
    """Run-time settings. Every field can be set as ``AUSHANG_<FIELD>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="AUSHANG_", extra="ignore")

    pipeline: PipelineChoice = Field(
        "auto",
        description="'full' = de_core_news_md + rules; 'blank' = spacy.blank('de') + lookup "
        "lemmas + rules; 'auto' = full when the model is installed, else blank.",
    )
    model_name: str = Field("de_core_news_md", description="the trained spaCy pipeline to use")
    compact_ner: bool = Field(
        False,
        description="blank pipeline: also run aushang's compact NER (models/ner/model, ORG/PER/LOC) "
        "so its entities are extra candidates; off by default (no gain on the corpus dev split, "
        "~1.8x slower); the full pipeline uses its own NER",
    )
    max_input_chars: int = Field(
        2_000_000, description="largest text or HTML accepted (characters)"
    )
    max_text_chars: int = Field(
        300_000,
        description="cleaned text longer than this is cut (at a paragraph) before spaCy",
    )
    fetch_timeout: float = Field(10.0, description="seconds to connect/read when fetching URLs")
    fetch_max_bytes: int = Field(5_000_000, description="largest fetched body (bytes)")
    fetch_max_redirects: int = Field(5)
    fetch_allow_private: bool = Field(
        False, description="allow fetching private/loopback addresses (tests only)"
    )
    fetch_total_timeout: float = Field(
        30.0, description="seconds for a whole fetch, redirects and body included"
    )
    fetch_allow_addresses: list[str] = Field(
        default_factory=list,
        description="addresses fetched even though not public: 'IP', 'CIDR', 'IP:port' or "
        "'[IPv6]:port' (tests only, e.g. a local server; redirect targets are checked again)",
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
