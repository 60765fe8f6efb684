"""Error codes of aushang.

Every error a user can meet carries a stable code, so it can be grepped, tested and mapped to
an HTTP status in one place (``service``) and to an error line in batch output.
"""

from __future__ import annotations

from enum import Enum


class ErrorCode(str, Enum):
    """Stable, documented error codes. The value is what users see."""

    EMPTY_INPUT = "empty_input"
    NOT_TEXT = "not_text"
    INPUT_TOO_LARGE = "input_too_large"
    BAD_REQUEST = "bad_request"
    BAD_REFERENCE_DATE = "bad_reference_date"
    NOT_FOUND = "not_found"
    BAD_URL = "bad_url"
    FORBIDDEN_ADDRESS = "forbidden_address"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    FETCH_FAILED = "fetch_failed"
    FETCH_TIMEOUT = "fetch_timeout"
    PIPELINE_UNAVAILABLE = "pipeline_unavailable"
    TIMEOUT = "timeout"
    OVERLOADED = "overloaded"
    INTERNAL = "internal"


# The HTTP status each code maps to (used by the service, documented in the README).
HTTP_STATUS: dict[ErrorCode, int] = {
    ErrorCode.EMPTY_INPUT: 422,
    ErrorCode.NOT_TEXT: 422,
    ErrorCode.INPUT_TOO_LARGE: 413,
    ErrorCode.BAD_REQUEST: 422,
    ErrorCode.BAD_REFERENCE_DATE: 422,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.BAD_URL: 400,
    ErrorCode.FORBIDDEN_ADDRESS: 400,
    ErrorCode.UNSUPPORTED_MEDIA_TYPE: 415,
    ErrorCode.FETCH_FAILED: 502,
    ErrorCode.FETCH_TIMEOUT: 504,
    ErrorCode.PIPELINE_UNAVAILABLE: 503,
    ErrorCode.TIMEOUT: 504,
    ErrorCode.OVERLOADED: 503,
    ErrorCode.INTERNAL: 500,
}


class AushangError(Exception):
    """Base class of every error aushang raises on purpose."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(f"[{code.value}] {message}")
        self.code = code
        self.message = message

    @property
    def http_status(self) -> int:
        return HTTP_STATUS.get(self.code, 400)

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code.value, "message": self.message}


class InputError(AushangError):
    """The input document is unusable (empty, binary, too large, missing)."""


class FetchError(AushangError):
    """A URL could not be fetched, or may not be fetched."""


class PipelineError(AushangError):
    """The spaCy pipeline could not be built."""
