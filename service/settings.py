"""Settings of the HTTP service, read from the environment (prefix ``AUSHANG_``).

The extraction settings (pipeline, input size in characters, fetch limits) are
``extractor.settings.Settings``; these are the service's own limits.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ServiceSettings(BaseSettings):
    """Limits of the HTTP service. Every field can be set as ``AUSHANG_<FIELD>``."""

    model_config = SettingsConfigDict(env_prefix="AUSHANG_", extra="ignore")

    max_request_bytes: int = Field(
        6 * 1024 * 1024,
        description="largest request body (bytes), refused with 413 before it is read or parsed; "
        "room for max_input_chars (2,000,000) characters of JSON-escaped German text",
    )
    max_concurrent_requests: int = Field(
        8,
        ge=1,
        description="POST /extract requests admitted at once (reading, queued or running); "
        "more get 503 at once, so a burst cannot exhaust memory",
    )
    pipeline_workers: int = Field(
        1,
        ge=1,
        description="pipeline runs at once; spaCy's rule components hold the GIL, so more than "
        "one thread rarely helps (run more processes instead)",
    )
    queue_timeout: float = Field(
        10.0, gt=0, description="seconds a request may wait for the pipeline before 503"
    )
    request_timeout: float = Field(
        30.0, gt=0, description="seconds for a whole request; past it, 504 before the pipeline runs"
    )
    body_timeout: float = Field(
        15.0, gt=0, description="seconds to receive a request body (slow clients get 408)"
    )
    warmup: bool = Field(True, description="run one small document at start-up")


@lru_cache(maxsize=1)
def get_service_settings() -> ServiceSettings:
    return ServiceSettings()
