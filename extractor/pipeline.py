"""Build the German spaCy pipeline from ``models/pipeline/config.cfg``.

Two ways, one config:

* **full** — ``de_core_news_md`` (tagger, parser, NER, lemmatizer) when it is installed, with
  our rule components added after its own;
* **blank** — ``spacy.blank("de")`` + German lookup lemmas (spacy-lookups-data) + our sentence
  segmenter + our rule components; with ``AUSHANG_COMPACT_NER=1`` also our compact NER
  (``models/ner/model``, sourced as trained; skipped when the directory is missing).

``AUSHANG_PIPELINE=auto|full|blank`` chooses; ``auto`` takes full when the model is installed.
The pipeline is built once per process (``get_nlp``) and reused.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Optional

import spacy
from spacy.language import Language
from thinc.api import Config

from . import components  # noqa: F401  (registers the factories)
from . import registry as _registry  # noqa: F401  (registers callbacks and readers)
from .data import model_path
from .errors import ErrorCode, PipelineError
from .settings import Settings, get_settings

log = logging.getLogger(__name__)

CONFIG_PATH = "pipeline/config.cfg"
#: Components of our config that the trained model replaces with its own.
REPLACED_BY_MODEL = {"lemmatizer", "aushang_senter", "ner"}


@dataclass(frozen=True)
class PipelineDescription:
    name: str  # "full" | "blank"
    model: str  # "de_core_news_md 3.8.0" | "blank de (spaCy 3.8.x)"
    components: tuple[str, ...]


def load_config() -> Config:
    return Config().from_disk(model_path(CONFIG_PATH))


def model_installed(name: str) -> bool:
    """True when ``name`` is an installed spaCy pipeline package (or a pipeline directory)."""
    from pathlib import Path

    if ("/" in name or "\\" in name) and (Path(name) / "meta.json").exists():
        return True
    try:
        return spacy.util.is_package(name)
    except Exception:  # pragma: no cover - importlib metadata oddities
        return False


def _resolve_sourced(config: Config, compact_ner: bool) -> tuple[Config, list[str]]:
    """Sourced components (``source = "ner/model"``) get their directory under ``models/``;
    a missing directory, or the compact NER switched off, drops the component."""
    config = config.copy()
    sourced = []
    for name in list(config["nlp"]["pipeline"]):
        block = config["components"].get(name, {})
        if "source" not in block:
            continue
        path = model_path(block["source"])
        if (name == "ner" and not compact_ner) or not (path / "meta.json").exists():
            if compact_ner and name == "ner":
                log.warning("compact NER not found at %s: the blank pipeline runs without it", path)
            config["nlp"]["pipeline"] = [n for n in config["nlp"]["pipeline"] if n != name]
            del config["components"][name]
            continue
        block["source"] = str(path)
        sourced.append(name)
    return config, sourced


def build_blank(config: Optional[Config] = None, compact_ner: bool = False) -> Language:
    """spaCy's blank German + lookup lemmas + our components, initialised from the config;
    sourced (trained) components keep their weights."""
    config, sourced = _resolve_sourced(config or load_config(), compact_ner)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    with nlp.select_pipes(disable=sourced):
        nlp.initialize()
    nlp.meta["name"] = "aushang_blank_de"
    nlp.meta["version"] = _version()
    return nlp


def build_full(model_name: str, config: Optional[Config] = None) -> Language:
    """The trained model with our rule components appended after its own."""
    from spacy.util import registry

    config = config or load_config()
    nlp = spacy.load(model_name)
    init = config["initialize"]
    before = registry.resolve({"cb": init["before_init"]})["cb"] if init.get("before_init") else None
    if before is not None:
        before(nlp)
    for name in config["nlp"]["pipeline"]:
        if name in REPLACED_BY_MODEL or name in nlp.pipe_names:
            continue
        block = dict(config["components"][name])
        factory = block.pop("factory")
        nlp.add_pipe(factory, name=name, config=block)
        settings = init.get("components", {}).get(name, {})
        resolved = registry.resolve({"s": dict(settings)})["s"] if settings else {}
        proc = nlp.get_pipe(name)
        if hasattr(proc, "initialize"):
            proc.initialize(lambda: [], nlp=nlp, **resolved)
    return nlp


def build(settings: Optional[Settings] = None) -> tuple[Language, PipelineDescription]:
    """Build the pipeline the settings ask for; fall back to blank when the model is missing
    and the choice is ``auto``."""
    settings = settings or get_settings()
    choice = settings.pipeline
    if choice in ("auto", "full") and model_installed(settings.model_name):
        nlp = build_full(settings.model_name)
        desc = PipelineDescription(
            name="full",
            model=f"{nlp.meta.get('lang', 'de')}_{nlp.meta.get('name', '')} {nlp.meta.get('version', '')}".strip(),
            components=tuple(nlp.pipe_names),
        )
    elif choice == "full":
        raise PipelineError(
            ErrorCode.PIPELINE_UNAVAILABLE,
            f"AUSHANG_PIPELINE=full but {settings.model_name} is not installed; install it with "
            f"'python -m spacy download {settings.model_name}' or use AUSHANG_PIPELINE=blank",
        )
    else:
        if choice == "auto":
            log.info("%s is not installed: using the blank German pipeline", settings.model_name)
        nlp = build_blank(compact_ner=settings.compact_ner)
        desc = PipelineDescription(
            name="blank",
            model=f"blank de + aushang rules {_version()} (spaCy {spacy.__version__})",
            components=tuple(nlp.pipe_names),
        )
    log.info("aushang pipeline: %s (%s): %s", desc.name, desc.model, ", ".join(desc.components))
    return nlp, desc


_lock = threading.Lock()
_cache: dict[tuple, tuple[Language, PipelineDescription]] = {}


def get_nlp(settings: Optional[Settings] = None) -> tuple[Language, PipelineDescription]:
    """The process-wide pipeline for these settings, built on first use."""
    settings = settings or get_settings()
    key = (settings.pipeline, settings.model_name, settings.compact_ner)
    with _lock:
        if key not in _cache:
            _cache[key] = build(settings)
        return _cache[key]


def _version() -> str:
    from . import __version__

    return __version__
