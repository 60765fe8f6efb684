"""Typed dependencies: the one loaded ``Extractor`` and the pipeline gate."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from extractor import Extractor
from extractor.errors import ErrorCode, PipelineError

from .limits import PipelineGate
from .settings import ServiceSettings


# ``async def``: these only read app.state, so they need not hop to the thread pool.
async def get_extractor(request: Request) -> Extractor:
    extractor = getattr(request.app.state, "extractor", None)
    if extractor is None:
        raise PipelineError(ErrorCode.PIPELINE_UNAVAILABLE, "the pipeline is not loaded")
    return extractor


async def get_gate(request: Request) -> PipelineGate:
    return request.app.state.gate


async def get_service_settings(request: Request) -> ServiceSettings:
    return request.app.state.service_settings


ExtractorDep = Annotated[Extractor, Depends(get_extractor)]
GateDep = Annotated[PipelineGate, Depends(get_gate)]
ServiceSettingsDep = Annotated[ServiceSettings, Depends(get_service_settings)]
