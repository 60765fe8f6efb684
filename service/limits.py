"""Limits that keep the service alive under bad or heavy traffic.

``AdmissionMiddleware`` (pure ASGI, in front of everything for ``POST /extract``):
  - more than ``max_concurrent_requests`` in flight → 503 at once, before the body is read,
    so a burst costs almost nothing;
  - a ``Content-Length`` above ``max_request_bytes`` → 413 before reading; a body that streams
    past it (chunked) → 413 as soon as it does;
  - a body that takes longer than ``body_timeout`` to arrive → 408.

``PipelineGate`` (inside the endpoint's worker thread) bounds the pipeline runs and enforces
the request deadline: waiting for the pipeline longer than ``queue_timeout`` → 503, a request
whose time (``request_timeout``) ran out during fetching/cleaning → 504 before spaCy runs.
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Callable, TypeVar

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from extractor.errors import AushangError, ErrorCode

from .errors import error_bytes
from .settings import ServiceSettings

T = TypeVar("T")

#: Where the admission middleware puts the request's start (monotonic seconds).
STARTED_KEY = "aushang_started"


class _BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than {limit:,} bytes")


class _BodyTooSlow(HTTPException):
    def __init__(self, seconds: float) -> None:
        super().__init__(408, f"the request body did not arrive within {seconds:g} s")


class AdmissionMiddleware:
    def __init__(self, app: ASGIApp, settings: ServiceSettings, paths: frozenset[str] = frozenset({"/extract"})):
        self.app = app
        self.settings = settings
        self.paths = paths
        self.in_flight = 0
        self.peak_in_flight = 0
        self.refused = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] not in self.paths or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        scope.setdefault("state", {})[STARTED_KEY] = time.monotonic()
        limit = self.settings.max_request_bytes
        length = _header(scope, b"content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            if length.isdigit():
                await _send_error(send, 413, ErrorCode.INPUT_TOO_LARGE.value, f"the request body is larger than {limit:,} bytes")
            else:
                await _send_error(send, 400, ErrorCode.BAD_REQUEST.value, "invalid Content-Length")
            return
        if self.in_flight >= self.settings.max_concurrent_requests:
            self.refused += 1
            await _send_error(
                send, 503, ErrorCode.OVERLOADED.value,
                f"the service is busy ({self.in_flight} requests in flight); retry shortly",
                extra_headers=[(b"retry-after", b"1")],
            )
            return
        self.in_flight += 1
        self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
        received = 0
        body_deadline = time.monotonic() + self.settings.body_timeout
        started_response = False

        async def limited_receive() -> Message:
            nonlocal received
            remaining = body_deadline - time.monotonic()
            if remaining <= 0:
                raise _BodyTooSlow(self.settings.body_timeout)
            try:
                message = await asyncio.wait_for(receive(), remaining)
            except asyncio.TimeoutError:
                raise _BodyTooSlow(self.settings.body_timeout) from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyTooLarge(limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started_response
            if message["type"] == "http.response.start":
                started_response = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except (_BodyTooLarge, _BodyTooSlow) as exc:  # raised where nobody turned it into a response
            if not started_response:
                code = ErrorCode.INPUT_TOO_LARGE.value if exc.status_code == 413 else ErrorCode.TIMEOUT.value
                await _send_error(send, exc.status_code, code, str(exc.detail))
        finally:
            self.in_flight -= 1


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return value.decode("latin-1").strip()
    return None


async def _send_error(send: Send, status: int, code: str, message: str, extra_headers=()) -> None:
    body = error_bytes(code, message)
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), (b"connection", b"close")]
    await send({"type": "http.response.start", "status": status, "headers": headers + list(extra_headers)})
    await send({"type": "http.response.body", "body": body})


class PipelineGate:
    """At most ``pipeline_workers`` pipeline runs at once, within the request's deadline."""

    def __init__(self, settings: ServiceSettings) -> None:
        self.settings = settings
        self._slots = threading.BoundedSemaphore(settings.pipeline_workers)

    def run(self, started: float, work: Callable[[], T]) -> T:
        remaining = started + self.settings.request_timeout - time.monotonic()
        if remaining <= 0:
            raise AushangError(
                ErrorCode.TIMEOUT, f"the request took longer than {self.settings.request_timeout:g} s"
            )
        wait = min(self.settings.queue_timeout, remaining)
        if not self._slots.acquire(timeout=wait):
            if wait < self.settings.queue_timeout:
                raise AushangError(
                    ErrorCode.TIMEOUT, f"the request took longer than {self.settings.request_timeout:g} s"
                )
            raise AushangError(
                ErrorCode.OVERLOADED, f"no pipeline free within {self.settings.queue_timeout:g} s; retry shortly"
            )
        try:
            return work()
        finally:
            self._slots.release()
