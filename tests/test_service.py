"""The HTTP service: a hand-written table of bad inputs and a schemathesis fuzz in-process
(never a 500), then the happy path and every error class against a real uvicorn process on a
loopback port, with a local origin server for URL fetches."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from ._origin import Origin

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = (ROOT / "examples" / "werkstatt-kaiserslautern.txt").read_text(encoding="utf-8")
JSON = {"content-type": "application/json"}


# --- in-process ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def app(extractor):
    from service.app import create_app
    from service.settings import ServiceSettings

    return create_app(extractor=extractor, settings=ServiceSettings(max_request_bytes=3_000_000))


@pytest.fixture(scope="module")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _raw(body) -> bytes:
    return body if isinstance(body, bytes) else json.dumps(body).encode()


# (id, body: JSON value or raw bytes, headers, status, code)
BAD_INPUTS = [
    ("text-int", {"text": 5}, JSON, 422, "bad_request"),
    ("text-list", {"text": ["Am 3. Mai"]}, JSON, 422, "bad_request"),
    ("text-object", {"text": {"a": 1}}, JSON, 422, "bad_request"),
    ("text-bool", {"text": True}, JSON, 422, "bad_request"),
    ("text-null", {"text": None}, JSON, 422, "bad_request"),
    ("nothing", {}, JSON, 422, "bad_request"),
    ("only-date", {"reference_date": "2024-07-01"}, JSON, 422, "bad_request"),
    ("text-and-url", {"text": "Am 3. Mai", "url": "https://example.de/"}, JSON, 422, "bad_request"),
    ("all-three", {"text": "a", "html": "<p>a</p>", "url": "https://example.de/"}, JSON, 422, "bad_request"),
    ("text-empty", {"text": ""}, JSON, 422, "empty_input"),
    ("text-blank", {"text": " \n\t\u00a0 "}, JSON, 422, "empty_input"),
    ("html-empty", {"html": ""}, JSON, 422, "empty_input"),
    ("url-empty", {"url": ""}, JSON, 422, "empty_input"),
    ("text-nul", {"text": "Am 3. Mai\x00\x00\x01"}, JSON, 422, "not_text"),
    ("text-control", {"text": "".join(chr(i) for i in range(1, 9)) * 100}, JSON, 422, "not_text"),
    ("text-surrogate", b'{"text": "Am \\ud800 Mai"}', JSON, 422, "bad_request"),
    ("html-nul", {"html": "<p>\x00\x00</p>"}, JSON, 422, "not_text"),
    ("date-13-45", {"text": "Am 3. Mai", "reference_date": "2024-13-45"}, JSON, 422, "bad_reference_date"),
    ("date-02-30", {"text": "Am 3. Mai", "reference_date": "2024-02-30"}, JSON, 422, "bad_reference_date"),
    ("date-german", {"text": "Am 3. Mai", "reference_date": "24.07.2024"}, JSON, 422, "bad_reference_date"),
    ("date-empty", {"text": "Am 3. Mai", "reference_date": ""}, JSON, 422, "bad_reference_date"),
    ("date-int", {"text": "Am 3. Mai", "reference_date": 20240701}, JSON, 422, "bad_reference_date"),
    ("date-float", {"text": "Am 3. Mai", "reference_date": 1.5e9}, JSON, 422, "bad_reference_date"),
    ("date-datetime", {"text": "Am 3. Mai", "reference_date": "2024-07-01T10:00:00"}, JSON, 422, "bad_reference_date"),
    ("date-object", {"text": "Am 3. Mai", "reference_date": {"y": 2024}}, JSON, 422, "bad_reference_date"),
    ("unknown-field", {"text": "Am 3. Mai", "language": "de"}, JSON, 422, "bad_request"),
    ("id-field", {"text": "Am 3. Mai", "id": "x"}, JSON, 422, "bad_request"),
    ("body-list", [{"text": "Am 3. Mai"}], JSON, 422, "bad_request"),
    ("body-string", "Am 3. Mai", JSON, 422, "bad_request"),
    ("body-number", 42, JSON, 422, "bad_request"),
    ("body-null", None, JSON, 422, "bad_request"),
    ("not-json", b"{text: Am 3. Mai}", JSON, 422, "bad_request"),
    ("truncated-json", b'{"text": "Am 3. Mai', JSON, 422, "bad_request"),
    ("empty-body", b"", JSON, 422, "bad_request"),
    ("binary-body", bytes(range(256)) * 4, JSON, 422, "bad_request"),
    ("deep-nesting", b"[" * 100_000 + b"]" * 100_000, JSON, 400, "bad_request"),
    ("nan", b'{"text": NaN}', JSON, 422, "bad_request"),
    ("content-type-text", b'{"text": "Am 3. Mai"}', {"content-type": "text/plain"}, 422, "bad_request"),
    ("content-type-form", b"text=Am+3.+Mai", {"content-type": "application/x-www-form-urlencoded"}, 422, "bad_request"),
    ("content-type-multipart", b"--x\r\n\r\nAm 3. Mai\r\n--x--", {"content-type": "multipart/form-data; boundary=x"}, 422, "bad_request"),
    ("content-type-xml", b"<text>Am 3. Mai</text>", {"content-type": "application/xml"}, 422, "bad_request"),
    ("text-huge", {"text": "Am 3. Mai. " * 181_819}, JSON, 413, "input_too_large"),  # 2,000,009 chars
    ("html-huge", {"html": "<p>" + "a" * 2_000_000 + "</p>"}, JSON, 413, "input_too_large"),
    ("body-huge", b'{"text": "' + b"a" * 3_100_000 + b'"}', JSON, 413, "input_too_large"),
    ("url-int", {"url": 5}, JSON, 422, "bad_request"),
    ("url-too-long", {"url": "https://example.de/" + "a" * 9000}, JSON, 422, "bad_request"),
    ("url-ftp", {"url": "ftp://example.org/announcement.txt"}, JSON, 400, "bad_url"),
    ("url-file", {"url": "file:///etc/passwd"}, JSON, 400, "bad_url"),
    ("url-no-scheme", {"url": "www.example.de/aktuelles"}, JSON, 400, "bad_url"),
    ("url-words", {"url": "not a url at all"}, JSON, 400, "bad_url"),
    ("url-loopback", {"url": "http://127.0.0.1:8000/health"}, JSON, 400, "forbidden_address"),
    ("url-metadata", {"url": "http://169.254.169.254/latest/meta-data/"}, JSON, 400, "forbidden_address"),
    ("url-decimal", {"url": "http://2130706433/"}, JSON, 400, "forbidden_address"),
    ("url-hex", {"url": "http://0x7f.1/"}, JSON, 400, "forbidden_address"),
    ("url-ipv6", {"url": "http://[::1]/"}, JSON, 400, "forbidden_address"),
    ("url-localhost", {"url": "http://localhost/"}, JSON, 400, "forbidden_address"),
]


@pytest.mark.parametrize("body, headers, status, code", [case[1:] for case in BAD_INPUTS], ids=[c[0] for c in BAD_INPUTS])
def test_bad_inputs(client, body, headers, status, code):
    r = client.post("/extract", content=_raw(body), headers=headers)
    assert r.status_code == status, r.text[:300]
    err = r.json()["error"]
    assert err["code"] == code, err
    assert isinstance(err["message"], str) and err["message"]
    assert len(err["message"]) < 2000  # never echoes a huge input back


@pytest.mark.parametrize(
    "method, path, status, code",
    [("GET", "/nowhere", 404, "not_found"), ("GET", "/extract", 405, "method_not_allowed"),
     ("DELETE", "/health", 405, "method_not_allowed")],
)
def test_framework_errors_are_json(client, method, path, status, code):
    r = client.request(method, path)
    assert r.status_code == status
    assert r.json()["error"]["code"] == code


@pytest.mark.parametrize(
    "accept, calendar",
    [(None, False), ("application/json", False), ("*/*", False), ("text/calendar", True),
     ("text/calendar, application/json;q=0.5", True), ("application/json, text/calendar;q=0.5", False),
     ("text/calendar;q=0", False), ("text/calendar;q=bogus", False)],
)
def test_accept_negotiation(accept, calendar):
    from service.routes import wants_calendar

    assert wants_calendar(accept) is calendar


def test_overloaded_pipeline_gives_503(extractor):
    from fastapi.testclient import TestClient

    from service.app import create_app
    from service.settings import ServiceSettings

    app = create_app(extractor=extractor, settings=ServiceSettings(queue_timeout=0.2))
    with TestClient(app) as c:
        app.state.gate._slots.acquire()  # the only pipeline slot is busy
        try:
            r = c.post("/extract", json={"text": EXAMPLE})
        finally:
            app.state.gate._slots.release()
        assert r.status_code == 503 and r.json()["error"]["code"] == "overloaded"
        assert r.headers["retry-after"] == "1"
        assert c.post("/extract", json={"text": EXAMPLE}).status_code == 200


def test_request_deadline_gives_504(extractor):
    from fastapi.testclient import TestClient

    from service.app import create_app
    from service.settings import ServiceSettings

    app = create_app(extractor=extractor, settings=ServiceSettings(request_timeout=0.000001))
    with TestClient(app) as c:
        r = c.post("/extract", json={"text": EXAMPLE})
    assert r.status_code == 504 and r.json()["error"]["code"] == "timeout"


# --- fuzzing against the app's own OpenAPI schema ---------------------------------------------

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis import checks as st_checks  # noqa: E402

FUZZ_CHECKS = [
    st_checks.not_a_server_error,
    st_checks.status_code_conformance,
    st_checks.content_type_conformance,
    st_checks.response_schema_conformance,
    st_checks.negative_data_rejection,
]


@pytest.fixture
def no_dns(monkeypatch):
    """Fuzzed URLs never leave the machine: every name fails to resolve."""
    from extractor import fetch
    from extractor.errors import FetchError

    def refuse(host, port, timeout):
        raise FetchError(fetch.ErrorCode.FETCH_FAILED, f"cannot resolve host {host!r} (tests)")

    monkeypatch.setattr(fetch, "_resolve", refuse)


@pytest.mark.slow
@pytest.mark.parametrize(
    "path, method, mode",
    [("/extract", "POST", "positive"), ("/extract", "POST", "negative"), ("/health", "GET", "positive")],
)
def test_fuzz_openapi(app, no_dns, path, method, mode):
    """Bounded: 50 examples per operation and mode (the whole fuzz takes a few seconds)."""
    from hypothesis import given
    from schemathesis.generation.modes import GenerationMode

    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operation = schema[path][method]
    strategy = operation.as_strategy(generation_mode=GenerationMode(mode))

    @given(case=strategy)
    @settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
    def run(case):
        case.call_and_validate(checks=FUZZ_CHECKS)

    run()


# --- a real server process --------------------------------------------------------------------


def _read_all(sock: socket.socket) -> str:
    """Everything the server sends until it closes the connection."""
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data.decode("utf-8", "replace")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def origin():
    with Origin() as server:
        yield server


@pytest.fixture(scope="module")
def server(origin, tmp_path_factory):
    """uvicorn with the real app factory on a loopback port; the fetcher may reach only the
    origin server (address and port), so every redirect elsewhere must be refused."""
    port = _free_port()
    env = dict(os.environ)
    env.update(
        AUSHANG_PIPELINE="blank",
        AUSHANG_FETCH_ALLOW_ADDRESSES=json.dumps([origin.allow]),
        AUSHANG_FETCH_TIMEOUT="1",
        AUSHANG_FETCH_TOTAL_TIMEOUT="3",
        AUSHANG_FETCH_MAX_BYTES="200000",
        AUSHANG_MAX_REQUEST_BYTES="3000000",
        AUSHANG_MAX_CONCURRENT_REQUESTS="2",
        AUSHANG_BODY_TIMEOUT="1",
    )
    log = (tmp_path_factory.mktemp("server") / "uvicorn.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "service.app:create_app", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, f"server died: {Path(log.name).read_text()[-2000:]}"
            try:
                if httpx.get(base + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        out = Path(log.name).read_text()
        assert "Traceback" not in out, out[-3000:]


pytestmark_server = pytest.mark.slow


@pytestmark_server
def test_server_health(server):
    r = httpx.get(server + "/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["pipeline"] == "blank"
    assert "spaCy" in body["model"] and body["components"]
    assert httpx.get(server + "/openapi.json").json()["paths"]["/extract"]["post"]
    assert httpx.get(server + "/docs").status_code == 200


@pytestmark_server
@pytest.mark.parametrize("kind", ["text", "html", "url"])
def test_server_happy_path(server, origin, kind):
    body = {
        "text": {"text": EXAMPLE},
        "html": {"html": f"<html><body><main><p>{EXAMPLE.replace(chr(10), '</p><p>')}</p></main></body></html>"},
        "url": {"url": origin.url("/to-page")},
    }[kind]
    r = httpx.post(server + "/extract", json={**body, "reference_date": "2024-07-01"}, timeout=30)
    assert r.status_code == 200, r.text[:500]
    result = r.json()
    assert result["schema_version"] == "1"
    assert result["reference_date"] == {"value": "2024-07-01", "basis": "given"}
    assert result["source"]["kind"] == kind
    if kind == "url":
        assert result["source"]["url"] == origin.url("/page.html")
    assert any(m["value"] == "ehrenamt@kaiserslautern.de" for m in result["mentions"]["emails"])
    for family in result["mentions"].values():
        for m in family:
            assert result["text"][m["start"]:m["end"]] == m["text"]


@pytestmark_server
def test_server_icalendar(server):
    icalendar = pytest.importorskip("icalendar")
    r = httpx.post(server + "/extract", json={"text": EXAMPLE, "reference_date": "2024-07-01"},
                   headers={"accept": "text/calendar"}, timeout=30)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(r.content)
    assert cal.get("prodid")


@pytestmark_server
@pytest.mark.parametrize(
    "body, status, code",
    [
        (b"{not json", 422, "bad_request"),
        ({"text": "Am 3. Mai", "colour": "red"}, 422, "bad_request"),
        ({"text": "Am 3. Mai", "url": "https://example.de/"}, 422, "bad_request"),
        ({"text": "Am 3. Mai", "reference_date": "2024-13-45"}, 422, "bad_reference_date"),
        ({"text": "\x00\x01\x02binary"}, 422, "not_text"),
        ({"text": ""}, 422, "empty_input"),
        ({"text": "a" * 2_000_001}, 413, "input_too_large"),
        ({"url": "ftp://example.org/x"}, 400, "bad_url"),
        ({"url": "http://169.254.169.254/latest/meta-data/"}, 400, "forbidden_address"),
        ({"url": "http://2130706433/"}, 400, "forbidden_address"),
        ({"url": "http://0x7f.1/"}, 400, "forbidden_address"),
        ({"url": "http://[::1]/"}, 400, "forbidden_address"),
    ],
)
def test_server_errors(server, body, status, code):
    r = httpx.post(server + "/extract", content=_raw(body), headers=JSON, timeout=30)
    assert r.status_code == status, r.text[:300]
    assert r.json()["error"]["code"] == code


@pytestmark_server
@pytest.mark.parametrize(
    "path, status, code",
    [
        ("/to-metadata", 400, "forbidden_address"),  # allowed first hop, private redirect target
        ("/to-private-10", 400, "forbidden_address"),
        ("/to-loopback-other-port", 400, "forbidden_address"),
        ("/to-decimal", 400, "forbidden_address"),
        ("/to-hex", 400, "forbidden_address"),
        ("/to-ipv6-loopback", 400, "forbidden_address"),
        ("/to-file", 400, "bad_url"),
        ("/chain/6", 502, "fetch_failed"),
        ("/image.png", 415, "unsupported_media_type"),
        ("/no-type", 415, "unsupported_media_type"),
        ("/big-chunked", 413, "input_too_large"),
        ("/gzip-bomb", 413, "input_too_large"),
        ("/missing", 502, "fetch_failed"),
        ("/slow", 504, "fetch_timeout"),
    ],
)
def test_server_fetch_errors(server, origin, path, status, code):
    r = httpx.post(server + "/extract", json={"url": origin.url(path)}, timeout=30)
    assert r.status_code == status, r.text[:300]
    assert r.json()["error"]["code"] == code


@pytestmark_server
def test_server_refuses_big_body_before_reading(server):
    # Content-Length over the limit: refused from the headers, the body is never sent
    with socket.create_connection(("127.0.0.1", int(server.rsplit(":", 1)[1])), timeout=5) as s:
        s.sendall(b"POST /extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 999999999\r\n\r\n")
        reply = _read_all(s)
    assert reply.startswith("HTTP/1.1 413")
    assert '"input_too_large"' in reply


@pytestmark_server
def test_server_refuses_big_chunked_body(server):
    def chunks():
        block = b'{"text": "' + b"a" * 65536
        yield block
        for _ in range(60):  # ~4 MB, no Content-Length
            yield b"a" * 65536
        yield b'"}'

    r = httpx.post(server + "/extract", content=chunks(), headers=JSON, timeout=30)
    assert r.status_code == 413 and r.json()["error"]["code"] == "input_too_large"


@pytestmark_server
def test_server_slow_body_gets_408(server):
    with socket.create_connection(("127.0.0.1", int(server.rsplit(":", 1)[1])), timeout=10) as s:
        s.sendall(b"POST /extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 100\r\n\r\n{\"text\": ")
        reply = _read_all(s)  # the rest of the body never comes
    assert reply.startswith("HTTP/1.1 408"), reply[:200]
    assert '"timeout"' in reply


@pytestmark_server
def test_server_overload_gives_503(server, origin):
    """Two slow fetches fill the admission limit (2); a third request is refused at once."""
    results = []

    def slow():
        results.append(httpx.post(server + "/extract", json={"url": origin.url("/slow")}, timeout=30).status_code)

    threads = [threading.Thread(target=slow) for _ in range(2)]
    for t in threads:
        t.start()
    time.sleep(0.4)
    t0 = time.monotonic()
    r = httpx.post(server + "/extract", json={"text": EXAMPLE}, timeout=30)
    refused_in = time.monotonic() - t0
    for t in threads:
        t.join()
    assert r.status_code == 503, r.text[:200]
    assert r.json()["error"]["code"] == "overloaded" and r.headers["retry-after"] == "1"
    assert refused_in < 0.5
    assert results == [504, 504]
    # and the service is fine afterwards
    assert httpx.post(server + "/extract", json={"text": EXAMPLE}, timeout=30).status_code == 200


@pytestmark_server
def test_server_burst_never_500(server):
    """A burst of 40 concurrent requests: each one is answered 200 or 503, nothing else."""
    from concurrent.futures import ThreadPoolExecutor

    def one(_):
        return httpx.post(server + "/extract", json={"text": EXAMPLE}, timeout=30).status_code

    with ThreadPoolExecutor(40) as pool:
        statuses = list(pool.map(one, range(40)))
    assert set(statuses) <= {200, 503}
    assert 200 in statuses
