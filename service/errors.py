"""Errors → HTTP: every error the service sends is ``{"error": {"code", "message"}}``.

Domain errors (``AushangError``) are mapped to a status in one place, ``HTTP_STATUS``;
framework errors (validation, unknown route, wrong method) get the same JSON shape, and an
unexpected exception is a logged 500 that never leaks a traceback.
"""

from __future__ import annotations

import json
import logging
from typing import Any, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from extractor.errors import HTTP_STATUS, AushangError, ErrorCode

log = logging.getLogger(__name__)

#: Statuses that can come from the framework (routing, middleware) and their codes.
_FRAMEWORK_CODES = {
    400: ErrorCode.BAD_REQUEST.value,
    404: ErrorCode.NOT_FOUND.value,
    405: "method_not_allowed",
    408: ErrorCode.TIMEOUT.value,
    413: ErrorCode.INPUT_TOO_LARGE.value,
    415: ErrorCode.UNSUPPORTED_MEDIA_TYPE.value,
    422: ErrorCode.BAD_REQUEST.value,
    503: ErrorCode.OVERLOADED.value,
}


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def error_json(status: int, code: str, message: str, headers: Optional[dict[str, str]] = None) -> JSONResponse:
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)


def error_bytes(code: str, message: str) -> bytes:
    return json.dumps(error_body(code, message), ensure_ascii=False).encode("utf-8")


async def _aushang_error(request: Request, exc: AushangError) -> JSONResponse:
    status = HTTP_STATUS.get(exc.code, 400)
    if status >= 500:
        log.warning("%s %s: %s", request.method, request.url.path, exc)
    headers = {"Retry-After": "1"} if exc.code is ErrorCode.OVERLOADED else None
    return error_json(status, exc.code.value, exc.message, headers)


def _validation_message(exc: RequestValidationError) -> tuple[str, str]:
    parts, code = [], ErrorCode.BAD_REQUEST.value
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p != "body"]
        if err.get("type") == "json_invalid":
            parts.append(f"the body is not valid JSON ({err.get('ctx', {}).get('error', 'decode error')})")
            continue
        if not loc and err.get("type") in ("model_attributes_type", "dict_type", "missing"):
            parts.append("the body must be a JSON object such as {\"text\": \"...\"} "
                         "sent as Content-Type: application/json")
            continue
        if "reference_date" in loc:
            code = ErrorCode.BAD_REFERENCE_DATE.value
        msg = str(err.get("msg", "invalid"))
        if msg.startswith("Value error, "):
            msg = msg[len("Value error, "):]
        parts.append(f"{'.'.join(loc)}: {msg}" if loc else msg)
    unique = list(dict.fromkeys(parts))
    message = "; ".join(unique[:5]) + (f"; and {len(unique) - 5} more" if len(unique) > 5 else "")
    return code, message or "malformed request"


async def _request_validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    code, message = _validation_message(exc)
    return error_json(422, code, message)


async def _http_exception(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = _FRAMEWORK_CODES.get(exc.status_code, "http_error")
    detail = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail, default=str)
    return error_json(exc.status_code, code, detail, getattr(exc, "headers", None))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_json(500, ErrorCode.INTERNAL.value, "internal error; the incident was logged")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AushangError, _aushang_error)
    app.add_exception_handler(RequestValidationError, _request_validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_exception)
    app.add_exception_handler(Exception, _unexpected)
