"""A local origin server for fetch tests: pages in several charsets and every way a fetch can
go wrong (redirects to private addresses, wrong types, huge, slow, gzip bombs).

Runs in a thread of the test process on 127.0.0.1; ``ORIGIN.url("/page")``.
"""

from __future__ import annotations

import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

PAGE_HTML = (
    "<!doctype html><html><head><title>Werkstatt Ehrenamt</title></head><body><main>"
    "<h1>Werkstatt „Zukunft des Ehrenamts“</h1>"
    "<p>Am 24. Juli 2024 um 13:00 Uhr lädt die Ehrenamtskoordination der Stadt Kaiserslautern "
    "zur Werkstatt in Raum C409 im Rathaus Nord ein. Die Teilnahme ist kostenfrei; "
    "Anmeldung unter ehrenamt@kaiserslautern.de oder (0631) 365-4471.</p>"
    "<p>Es gibt 15 Plätze. Wir freuen uns über Ihre Ideen für das Engagement in der Stadt.</p>"
    "</main></body></html>"
)
PAGE_TEXT = (
    "Bürgerversammlung im Stadtteil Süd\n\nAm 3. März 2025 um 18:30 Uhr findet im Bürgerhaus "
    "die Bürgerversammlung statt. Anmeldung bis 28. Februar 2025 unter buergerbuero@example.de."
)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    routes: dict[str, Callable[["_Handler"], None]] = {}

    def log_message(self, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        path = self.path.split("?")[0]
        for prefix, handler in sorted(self.routes.items(), key=lambda kv: -len(kv[0])):
            if path == prefix or (prefix.endswith("/") and path.startswith(prefix)):
                try:
                    handler(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                return
        self.send(404, b"not here", "text/plain")

    def send(self, status: int, body: bytes, ctype: str | None, headers: dict | None = None) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str, status: int = 302) -> None:
        self.send(status, b"", "text/plain", {"Location": location})


def _chain(h: _Handler) -> None:
    # /chain/N redirects N times, then serves the page
    n = int(h.path.rsplit("/", 1)[1])
    if n <= 0:
        h.send(200, PAGE_HTML.encode(), "text/html; charset=utf-8")
    else:
        h.redirect(f"/chain/{n - 1}")


def _big_chunked(h: _Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/plain; charset=utf-8")
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()
    block = ("Bürgerversammlung am 3. März. " * 100).encode()
    for _ in range(200):  # ~600 KB, no Content-Length
        h.wfile.write(b"%x\r\n%s\r\n" % (len(block), block))
    h.wfile.write(b"0\r\n\r\n")


def _gzip_bomb(h: _Handler) -> None:
    body = gzip.compress(b"a" * 20_000_000)  # ~20 KB on the wire, 20 MB unpacked
    h.send(200, body, "text/plain", {"Content-Encoding": "gzip"})


def _slow(h: _Handler) -> None:
    time.sleep(2.5)
    h.send(200, PAGE_HTML.encode(), "text/html")


def _trickle(h: _Handler) -> None:
    # a byte every 0.3 s: never a read timeout, but the total deadline must stop it
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.send_header("Content-Length", "100")
    h.end_headers()
    for _ in range(100):
        h.wfile.write(b"a")
        h.wfile.flush()
        time.sleep(0.3)


def _echo_host(h: _Handler) -> None:
    h.send(200, f"Host war {h.headers.get('Host')}. Am 3. März 2025 um 18 Uhr.".encode(), "text/plain")


ROUTES: dict[str, Callable[[_Handler], None]] = {
    "/page.html": lambda h: h.send(200, PAGE_HTML.encode("utf-8"), "text/html; charset=utf-8"),
    "/page.txt": lambda h: h.send(200, PAGE_TEXT.encode("utf-8"), "text/plain; charset=utf-8"),
    "/latin1-meta.html": lambda h: h.send(
        200,
        PAGE_HTML.replace("<head>", '<head><meta charset="iso-8859-1">').replace("„", '"').replace("“", '"').encode("latin-1"),
        "text/html",
    ),
    "/cp1252-header.html": lambda h: h.send(200, PAGE_HTML.encode("cp1252"), "text/html; charset=windows-1252"),
    "/cp1252-sniff.txt": lambda h: h.send(200, PAGE_TEXT.encode("cp1252"), "text/plain"),
    "/xhtml": lambda h: h.send(
        200,
        ('<?xml version="1.0" encoding="ISO-8859-1"?>' + PAGE_HTML.replace("„", '"').replace("“", '"')).encode("latin-1"),
        "application/xhtml+xml",
    ),
    "/wrong-header-charset.html": lambda h: h.send(200, PAGE_HTML.encode("cp1252"), "text/html; charset=utf-8"),
    "/image.png": lambda h: h.send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png"),
    "/json": lambda h: h.send(200, b'{"a": 1}', "application/json"),
    "/no-type": lambda h: h.send(200, PAGE_TEXT.encode(), None),
    "/binary-as-html": lambda h: h.send(200, b"\x00\x01\x02\x03" * 100, "text/html"),
    "/big-declared": lambda h: h.send(200, b"a" * 600_000, "text/plain"),
    "/big-chunked": _big_chunked,
    "/gzip-bomb": _gzip_bomb,
    "/slow": _slow,
    "/trickle": _trickle,
    "/missing": lambda h: h.send(404, b"nope", "text/plain"),
    "/server-error": lambda h: h.send(500, b"boom", "text/plain"),
    "/echo-host": _echo_host,
    "/chain/": _chain,
    "/to-page": lambda h: h.redirect("/page.html", 301),
    "/to-metadata": lambda h: h.redirect("http://169.254.169.254/latest/meta-data/"),
    "/to-private-10": lambda h: h.redirect("http://10.0.0.1/"),
    "/to-loopback-other-port": lambda h: h.redirect("http://127.0.0.1:1/"),
    "/to-loopback-127-0-0-2": lambda h: h.redirect(f"http://127.0.0.2:{h.server.server_port}/page.html"),
    "/to-decimal": lambda h: h.redirect("http://2130706434/"),  # 127.0.0.2
    "/to-hex": lambda h: h.redirect(f"http://0x7f.2:{h.server.server_port}/page.html"),
    "/to-ipv6-loopback": lambda h: h.redirect(f"http://[::1]:{h.server.server_port}/page.html"),
    "/to-mapped": lambda h: h.redirect(f"http://[::ffff:127.0.0.1]:{h.server.server_port}/page.html"),
    "/to-localhost-name": lambda h: h.redirect(f"http://localhost:{h.server.server_port + 1}/"),
    "/to-file": lambda h: h.redirect("file:///etc/passwd"),
    "/to-ftp": lambda h: h.redirect("ftp://example.org/x"),
    "/no-location": lambda h: h.send(302, b"", "text/plain"),
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # clients hang up on purpose
        pass


class Origin:
    def __init__(self) -> None:
        _Handler.routes = ROUTES
        self.server = _Server(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_port
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Origin":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    @property
    def allow(self) -> str:
        """The allow-list entry for this server only (address and port)."""
        return f"127.0.0.1:{self.port}"
