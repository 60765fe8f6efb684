"""Access to the data shipped under ``models/`` (patterns, gazetteers, language data)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from .settings import models_dir


def model_path(relative: str | Path) -> Path:
    """The absolute path of a file under ``models/``."""
    path = Path(relative)
    return path if path.is_absolute() else models_dir() / path


@lru_cache(maxsize=None)
def load_json(relative: str) -> Any:
    """A JSON file under ``models/``, parsed once per process."""
    with model_path(relative).open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=None)
def load_lines(relative: str) -> tuple[str, ...]:
    """A one-entry-per-line list under ``models/`` (``#`` comments and blank lines skipped)."""
    out = []
    with model_path(relative).open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return tuple(out)
