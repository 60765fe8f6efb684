"""The routes: ``POST /extract`` and ``GET /health``."""

from __future__ import annotations

import logging
import time
from typing import Annotated, Optional

from fastapi import APIRouter, Header, Request
from fastapi.responses import Response

from extractor import __version__
from extractor.ical import to_ical
from extractor.schema import ErrorResponse, Result

from .deps import ExtractorDep, GateDep
from .limits import STARTED_KEY
from .models import ExtractRequest, HealthResponse

log = logging.getLogger(__name__)

router = APIRouter()

CALENDAR = "text/calendar"


def _error(description: str) -> dict:
    return {"model": ErrorResponse, "description": description}


EXTRACT_RESPONSES: dict = {
    200: {
        "description": "The result (JSON), or with `Accept: text/calendar` the events as iCalendar.",
        "content": {CALENDAR: {"schema": {"type": "string"}}},
    },
    400: _error("A URL that is not http(s), or points to a private/loopback/link-local address"),
    408: _error("The request body arrived too slowly"),
    413: _error("The input (request body, text, html or fetched page) is too large"),
    415: _error("The fetched content is not HTML or text"),
    422: _error("A malformed request (not JSON, unknown fields, not exactly one of url/html/text, bad date, empty or binary input)"),
    502: _error("Fetching the URL failed"),
    503: _error("The service is saturated; retry after the Retry-After seconds"),
    504: _error("Fetching the URL, or the request, timed out"),
}


def wants_calendar(accept: Optional[str]) -> bool:
    """True when the Accept header prefers text/calendar over application/json."""
    if not accept:
        return False
    best = {"calendar": 0.0, "json": 0.0}
    for item in accept.split(","):
        media, *params = item.strip().split(";")
        q = 1.0
        for p in params:
            key, _, value = p.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        media = media.strip().lower()
        if media == CALENDAR:
            best["calendar"] = max(best["calendar"], q)
        elif media in ("application/json", "application/*"):
            best["json"] = max(best["json"], q)
    return best["calendar"] > 0 and best["calendar"] >= best["json"]


@router.post(
    "/extract",
    response_model=Result,
    responses=EXTRACT_RESPONSES,
    summary="Extract events and mentions from one announcement",
)
def extract(
    body: ExtractRequest,
    request: Request,
    extractor: ExtractorDep,
    gate: GateDep,
    accept: Annotated[Optional[str], Header(description="application/json (default) or text/calendar")] = None,
) -> Response:
    """Extract one document given as ``url``, ``html`` or ``text`` (exactly one).

    A plain ``def``: the CPU-bound pipeline runs in FastAPI's thread pool, gated by
    ``PipelineGate`` so that at most ``pipeline_workers`` documents are in spaCy at once.
    """
    started = request.scope.get("state", {}).get(STARTED_KEY) or time.monotonic()
    # fetching and cleaning run outside the gate: a slow URL must not block the pipeline
    cleaned, ref = extractor.prepare(body.to_request())

    def run() -> Result:
        doc = extractor.nlp(extractor.make_doc(cleaned, ref))
        return extractor.build_result(doc, cleaned, ref)

    result = gate.run(started, run)
    if wants_calendar(accept):
        return Response(to_ical([result]), media_type=f"{CALENDAR}; charset=utf-8")
    # serialised by pydantic-core directly (the model is already valid)
    return Response(result.model_dump_json(), media_type="application/json")


@router.get("/health", response_model=HealthResponse, summary="Liveness and the loaded pipeline")
async def health(extractor: ExtractorDep) -> HealthResponse:
    info = extractor.health()
    return HealthResponse(
        model=info["model"], pipeline=info["pipeline"], components=info["components"], version=__version__
    )
