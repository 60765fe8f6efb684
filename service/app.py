"""The FastAPI application: ``create_app()`` builds it, the lifespan loads the pipeline once.

    uvicorn service.app:create_app --factory      # or: aushang serve
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from typing import AsyncIterator, Optional

from fastapi import FastAPI

from extractor import Extractor, __version__

from .errors import install_error_handlers
from .limits import AdmissionMiddleware, PipelineGate
from .routes import router
from .settings import ServiceSettings, get_service_settings

log = logging.getLogger(__name__)

#: Run once at start-up so the first real request does not pay for lazy loading.
WARMUP_TEXT = "Am 24. Juli 2024 um 13:00 Uhr lädt die Stadt zur Werkstatt in Raum C409 ein."


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    if app.state.extractor is None:
        extractor = Extractor()
        log.info("pipeline loaded: %s", extractor.health())
        if app.state.service_settings.warmup:
            extractor.extract(WARMUP_TEXT, reference_date="2024-07-01")
        app.state.extractor = extractor
        owned = True
    else:  # given by the caller (tests): theirs to keep
        owned = False
    try:
        yield
    finally:
        if owned:
            app.state.extractor = None


def create_app(
    extractor: Optional[Extractor] = None, settings: Optional[ServiceSettings] = None
) -> FastAPI:
    """The aushang service. ``extractor`` (tests) skips loading a pipeline in the lifespan."""
    settings = settings or get_service_settings()
    app = FastAPI(
        title="aushang",
        version=__version__,
        summary="German civic announcements → structured, calendar-ready data",
        description="See CONTRACT.md. Errors are `{\"error\": {\"code\": ..., \"message\": ...}}`.",
        lifespan=lifespan,
    )
    app.state.extractor = extractor
    app.state.service_settings = settings
    app.state.gate = PipelineGate(settings)
    app.include_router(router)
    install_error_handlers(app)
    app.add_middleware(AdmissionMiddleware, settings=settings)
    return app
