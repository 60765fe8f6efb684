"""Request and response models of the HTTP API (CONTRACT.md, "HTTP service").

The response of ``POST /extract`` is ``extractor.schema.Result``; errors are
``extractor.schema.ErrorResponse`` (``{"error": {"code": ..., "message": ...}}``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from extractor.core import Request as ExtractorRequest
from extractor.errors import ErrorCode, InputError

_SOURCES = ("url", "html", "text")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ExtractRequest(BaseModel):
    """One document: exactly one of ``url``, ``html``, ``text``; optional ``reference_date``."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            # "exactly one of url/html/text", spelled out for clients and fuzzers
            "oneOf": [{"required": [name]} for name in _SOURCES],
            "examples": [
                {
                    "text": "Am 24. Juli 2024 um 13:00 Uhr lädt die Stadt zur Werkstatt in Raum C409 ein.",
                    "reference_date": "2024-07-01",
                }
            ],
        },
    )

    # Typed ``str`` (not Optional): a source is given as a string or left out, so the schema's
    # "exactly one" (oneOf/required) and the validation agree; ``null`` is a malformed request.
    url: str = Field(None, max_length=8192, description="an http(s) URL to fetch (public addresses only)")
    html: str = Field(None, description="an HTML page (at most 2,000,000 characters)")
    text: str = Field(None, description="plain text (at most 2,000,000 characters)")
    reference_date: Optional[dt.date] = Field(None, description="the document's 'today' (YYYY-MM-DD)")

    @field_validator("reference_date", mode="before")
    @classmethod
    def _iso_date_only(cls, value: object) -> object:
        # pydantic alone would also take numbers (seconds since 1970) and datetimes
        if value is None or isinstance(value, dt.date):
            return value
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            return value
        raise ValueError("must be a date YYYY-MM-DD")

    @field_validator("url", "html", "text")
    @classmethod
    def _encodable(cls, value: Optional[str]) -> Optional[str]:
        # JSON may carry lone surrogates ("\\ud800"); they are not text and break encoders later
        if value is not None:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError("contains invalid Unicode (lone surrogates)") from None
        return value

    @model_validator(mode="after")
    def _exactly_one_source(self) -> "ExtractRequest":
        given = [name for name in _SOURCES if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(
                "give exactly one of url, html or text" + (f" (got {', '.join(given)})" if given else "")
            )
        return self

    def to_request(self) -> ExtractorRequest:
        if self.url is not None and not self.url.strip():
            raise InputError(ErrorCode.EMPTY_INPUT, "url is empty")
        return ExtractorRequest(
            text=self.text, html=self.html, url=self.url, reference_date=self.reference_date
        )


class HealthResponse(BaseModel):
    """``GET /health``: the service is up and which pipeline it runs."""

    status: Literal["ok"] = "ok"
    model: str = Field(description="name and version of the loaded spaCy pipeline")
    pipeline: str = Field(description="'full' (de_core_news_md + rules) or 'blank' (rules only)")
    components: list[str] = Field(description="the pipeline's components, in order")
    version: str = Field(description="the aushang version")
