"""aushang: German civic announcements → structured, calendar-ready data.

    >>> from extractor import extract
    >>> result = extract(text="Am 24. Juli 2024 um 18 Uhr lädt die Stadt ein …")
    >>> result.model_dump(mode="json")
"""

__version__ = "0.1.0"

from .core import Extractor, Request, extract  # noqa: E402
from .errors import AushangError, ErrorCode  # noqa: E402
from .schema import Result  # noqa: E402

__all__ = ["extract", "Extractor", "Request", "Result", "AushangError", "ErrorCode", "__version__"]
