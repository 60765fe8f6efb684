"""Fetching a URL for extraction, safely.

The rules, each one a defence against a known attack on services that fetch URLs for users:

- only ``http`` and ``https``;
- the host is resolved here and *every* address it resolves to must be public: private,
  loopback, link-local (169.254.169.254, the cloud metadata service), multicast, reserved,
  unspecified and shared addresses are refused, for IPv4 and IPv6, including IPv4 embedded in
  IPv6 (``::ffff:127.0.0.1``, 6to4, Teredo, NAT64) and the numeric spellings that resolvers
  accept (``http://2130706433/``, ``http://0x7f.1/``, ``http://0177.0.0.1/``);
- the socket is connected to the very address that was checked, so a DNS answer that changes
  between the check and the connection (DNS rebinding) cannot redirect the fetch;
- redirects are followed by hand, at most ``fetch_max_redirects``, each target checked again;
- connect/read timeouts plus a deadline for the whole fetch (a server trickling one byte at a
  time cannot hold a worker for ever);
- the body is counted while it streams (after decompression) and refused beyond
  ``fetch_max_bytes``;
- only ``text/html``, ``application/xhtml+xml`` and ``text/plain``;
- the charset comes from the header, a BOM, ``<meta charset>`` / ``<?xml encoding?>``, else is
  detected (UTF-8, else windows-1252, the superset of ISO-8859-1 that browsers use for it).

``Settings.fetch_allow_addresses`` lets tests reach a local server ("127.0.0.1:8123"); it is
matched per hop, so a redirect from an allowed server to another private address is still
refused.
"""

from __future__ import annotations

import codecs
import ipaddress
import logging
import re
import socket
import ssl
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Union

import httpcore
import httpx

from .errors import ErrorCode, FetchError
from .settings import Settings, get_settings

log = logging.getLogger(__name__)

ALLOWED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
USER_AGENT = "aushang/0.1 (+https://github.com/aushang)"
#: Longer URLs are refused outright; no announcement needs one.
MAX_URL_CHARS = 8192

IPAddress = Union[ipaddress.IPv4Address, ipaddress.IPv6Address]
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")

# Resolving has no timeout of its own in the socket API; run it in a small pool and give up.
_resolver_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="aushang-resolve")


@dataclass
class Fetched:
    url: str
    text: str
    content_type: str
    encoding: str = "utf-8"

    @property
    def is_html(self) -> bool:
        return "html" in self.content_type


# ---------------------------------------------------------------------------------------------
# addresses


_NUMERIC_PART = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)$", re.IGNORECASE)


def parse_ip_host(host: str) -> Optional[IPAddress]:
    """The IP address a host *literal* stands for, or None for a name.

    Besides the standard forms this accepts what ``inet_aton`` (and so most resolvers and
    browsers) accept: 1–4 parts, each decimal, octal (leading 0) or hex (0x), the last part
    filling the remaining bytes — ``2130706433``, ``0x7f.1``, ``0177.0.0.1``, ``127.1``.
    Raises FetchError(BAD_URL) for a numeric host that is no valid address (``256.1.1.1``).
    """
    h = host.strip().strip("[]").rstrip(".")
    if not h:
        return None
    try:
        return ipaddress.ip_address(h.split("%")[0])
    except ValueError:
        pass
    parts = h.split(".")
    if not 1 <= len(parts) <= 4 or not all(_NUMERIC_PART.match(p) for p in parts):
        return None
    try:
        nums = [int(p, 16) if p.lower().startswith("0x") else int(p, 8) if len(p) > 1 and p.startswith("0") else int(p) for p in parts]
    except ValueError:  # "0x", "08"
        raise FetchError(ErrorCode.BAD_URL, f"{host!r} is not a valid IP address") from None
    *head, last = nums
    if any(n > 255 for n in head) or last >= 256 ** (4 - len(head)):
        raise FetchError(ErrorCode.BAD_URL, f"{host!r} is not a valid IP address")
    value = 0
    for n in head:
        value = value * 256 + n
    value = value * 256 ** (4 - len(head)) + last
    return ipaddress.IPv4Address(value)


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address leads to (mapped, 6to4, Teredo, NAT64, compatible)."""
    out = []
    if ip.ipv4_mapped:
        out.append(ip.ipv4_mapped)
    if ip.sixtofour:
        out.append(ip.sixtofour)
    if ip.teredo:
        out.extend(ip.teredo)
    if ip in _NAT64 or ip in _NAT64_LOCAL:
        out.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    if int(ip) >> 32 == 0 and int(ip) > 1:  # deprecated IPv4-compatible ::a.b.c.d
        out.append(ipaddress.IPv4Address(int(ip)))
    return out


def forbidden_reason(ip: IPAddress) -> Optional[str]:
    """Why an address may not be fetched (None when it is a public unicast address)."""
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
        ("not globally routable", not ip.is_global),
    )
    for name, hit in checks:
        if hit:
            return name
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.is_site_local:
            return "site-local"
        for v4 in _embedded_ipv4(ip):
            inner = forbidden_reason(v4)
            if inner:
                return f"{inner} (IPv4 {v4} inside IPv6)"
    return None


@dataclass(frozen=True)
class _AllowEntry:
    network: Union[ipaddress.IPv4Network, ipaddress.IPv6Network]
    port: Optional[int]


@lru_cache(maxsize=32)
def _allow_list(entries: tuple[str, ...]) -> tuple[_AllowEntry, ...]:
    out = []
    for raw in entries:
        s = raw.strip()
        port = None
        m = re.match(r"^\[(.+)\](?::(\d+))?$", s) or (
            re.match(r"^([^:]+):(\d+)$", s) if s.count(":") == 1 else None
        )
        if m:
            s, port = m.group(1), int(m.group(2)) if m.group(2) else None
        out.append(_AllowEntry(ipaddress.ip_network(s, strict=False), port))
    return tuple(out)


def _is_allowed(ip: IPAddress, port: int, settings: Settings) -> bool:
    if settings.fetch_allow_private:
        return True
    for entry in _allow_list(tuple(settings.fetch_allow_addresses)):
        if ip.version == entry.network.version and ip in entry.network and entry.port in (None, port):
            return True
    return False


def _resolve(host: str, port: int, timeout: float) -> list[IPAddress]:
    future = _resolver_pool.submit(socket.getaddrinfo, host, port, 0, socket.SOCK_STREAM)
    try:
        infos = future.result(timeout=timeout)
    except FutureTimeout:
        raise FetchError(ErrorCode.FETCH_TIMEOUT, f"resolving {host!r} timed out") from None
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(ErrorCode.FETCH_FAILED, f"cannot resolve host {host!r}: {exc}") from None
    addrs: list[IPAddress] = []
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if ip not in addrs:
            addrs.append(ip)
    if not addrs:
        raise FetchError(ErrorCode.FETCH_FAILED, f"host {host!r} has no address")
    return addrs


@dataclass(frozen=True)
class Target:
    """A checked URL: where to connect (``address``) for which ``host`` and ``port``."""

    url: httpx.URL
    host: str
    port: int
    address: str


def check_url(url: Union[str, httpx.URL], settings: Optional[Settings] = None) -> Target:
    """Parse ``url`` and check that it may be fetched; returns the address to connect to.

    Raises FetchError: BAD_URL (not http(s), malformed), FORBIDDEN_ADDRESS (a non-public
    address, or a name that resolves to one), FETCH_FAILED / FETCH_TIMEOUT (name resolution).
    """
    settings = settings or get_settings()
    if isinstance(url, str):
        if len(url) > MAX_URL_CHARS:
            raise FetchError(ErrorCode.BAD_URL, f"the URL is longer than {MAX_URL_CHARS} characters")
        if any(ord(ch) < 33 for ch in url.strip()):
            raise FetchError(ErrorCode.BAD_URL, "the URL contains spaces or control characters")
        try:
            parsed = httpx.URL(url.strip())
        except (httpx.InvalidURL, ValueError, TypeError) as exc:
            raise FetchError(ErrorCode.BAD_URL, f"not a valid URL: {exc}") from None
    else:
        parsed = url
    if parsed.scheme not in ("http", "https"):
        raise FetchError(ErrorCode.BAD_URL, f"only http(s) URLs can be fetched, got {str(parsed)[:200]!r}")
    try:
        host = parsed.raw_host.decode("ascii").lower()
    except UnicodeDecodeError:
        raise FetchError(ErrorCode.BAD_URL, "the URL's host is not valid") from None
    if not host:
        raise FetchError(ErrorCode.BAD_URL, f"the URL has no host: {str(parsed)[:200]!r}")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    literal = parse_ip_host(host)
    addrs = [literal] if literal is not None else _resolve(host, port, min(settings.fetch_timeout, 10.0))
    for ip in addrs:
        if _is_allowed(ip, port, settings):
            continue
        reason = forbidden_reason(ip)
        if reason:
            shown = host if literal is None else str(parsed.host)
            raise FetchError(
                ErrorCode.FORBIDDEN_ADDRESS,
                f"refusing to fetch {shown!r}: {ip} is a {reason} address, not a public one",
            )
    return Target(url=parsed, host=host, port=port, address=str(addrs[0]))


# ---------------------------------------------------------------------------------------------
# the connection: pinned to the checked address


class _PinnedBackend(httpcore.SyncBackend):
    """Connects (host, port) only to the address ``check_url`` approved for it."""

    def __init__(self) -> None:
        self.pins: dict[tuple[str, int], str] = {}

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        address = self.pins.get((host.lower(), port))
        if address is None:  # never connect anywhere that was not checked
            raise httpcore.ConnectError(f"refusing to connect to unchecked {host}:{port}")
        return super().connect_tcp(
            address, port, timeout=timeout, local_address=local_address, socket_options=socket_options
        )


class _PinnedTransport(httpx.HTTPTransport):
    def __init__(self, backend: _PinnedBackend) -> None:
        super().__init__(retries=0)
        context = ssl.create_default_context()
        try:
            import certifi

            context.load_verify_locations(certifi.where())
        except ImportError:  # pragma: no cover - certifi comes with httpx
            pass
        self._pool = httpcore.ConnectionPool(
            ssl_context=context, max_connections=4, network_backend=backend, retries=0
        )


# ---------------------------------------------------------------------------------------------
# charsets

#: WHATWG: "iso-8859-1", "latin1" and "us-ascii" labels mean windows-1252 in practice.
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
    "x-cp1252": "cp1252",
    "cp1252": "cp1252",
    "utf8": "utf-8",
    "utf-8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
}
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([a-z0-9_\-:.]{1,40})""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-z0-9_\-.]{1,40})""", re.IGNORECASE)


def _codec(label: Optional[str]) -> Optional[str]:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _CHARSET_ALIASES:
        return _CHARSET_ALIASES[label]
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def declared_charset(data: bytes, header_charset: Optional[str], is_html: bool) -> Optional[str]:
    """The charset the response declares: header, BOM, then <meta>/<?xml?> for HTML."""
    for bom, name in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return name
    codec = _codec(header_charset)
    if codec:
        return codec
    if is_html:
        head = data[:8192]
        m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
        if m:
            return _codec(m.group(1).decode("ascii", "replace"))
    return None


def decode_body(data: bytes, header_charset: Optional[str] = None, is_html: bool = True) -> tuple[str, str]:
    """Bytes of a fetched page → (text, the encoding used)."""
    codec = declared_charset(data, header_charset, is_html)
    if codec:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            log.info("body is not valid %s; detecting the charset instead", codec)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


# ---------------------------------------------------------------------------------------------
# fetching


def fetch_url(url: str, settings: Optional[Settings] = None) -> Fetched:
    """Fetch a page for extraction (see the module docstring for the rules).

    Raises FetchError: BAD_URL / FORBIDDEN_ADDRESS (400), UNSUPPORTED_MEDIA_TYPE (415),
    INPUT_TOO_LARGE (413), FETCH_FAILED (502), FETCH_TIMEOUT (504).
    """
    settings = settings or get_settings()
    if not isinstance(url, str):
        raise FetchError(ErrorCode.BAD_URL, f"a URL must be a string, got {type(url).__name__}")
    deadline = time.monotonic() + settings.fetch_total_timeout
    timeout = httpx.Timeout(settings.fetch_timeout, connect=min(settings.fetch_timeout, 10.0))
    backend = _PinnedBackend()
    current: Union[str, httpx.URL] = url
    with httpx.Client(
        transport=_PinnedTransport(backend),
        timeout=timeout,
        follow_redirects=False,
        trust_env=False,  # no proxy from the environment: we connect where we checked
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"},
    ) as client:
        for _hop in range(settings.fetch_max_redirects + 1):
            target = check_url(current, settings)
            backend.pins[(target.host, target.port)] = target.address
            shown = str(target.url)[:300]
            try:
                with client.stream("GET", target.url) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise FetchError(ErrorCode.FETCH_FAILED, f"{shown} redirects without a Location")
                        try:
                            current = target.url.join(location)
                        except (httpx.InvalidURL, ValueError) as exc:
                            raise FetchError(ErrorCode.BAD_URL, f"{shown} redirects to a bad URL: {exc}") from None
                        continue
                    return _read(resp, shown, settings, deadline)
            except httpx.TimeoutException:
                raise FetchError(ErrorCode.FETCH_TIMEOUT, f"fetching {shown} timed out") from None
            except httpx.HTTPError as exc:
                raise FetchError(ErrorCode.FETCH_FAILED, f"fetching {shown} failed: {exc}") from None
    raise FetchError(ErrorCode.FETCH_FAILED, f"more than {settings.fetch_max_redirects} redirects")


def _read(resp: httpx.Response, shown: str, settings: Settings, deadline: float) -> Fetched:
    if resp.status_code >= 300:
        raise FetchError(ErrorCode.FETCH_FAILED, f"{shown} answered HTTP {resp.status_code}")
    ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype not in ALLOWED_TYPES:
        raise FetchError(
            ErrorCode.UNSUPPORTED_MEDIA_TYPE, f"{shown} is {ctype or 'of unknown type'}, not HTML or text"
        )
    limit = settings.fetch_max_bytes
    declared = resp.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit and not resp.headers.get("content-encoding"):
        raise FetchError(ErrorCode.INPUT_TOO_LARGE, f"{shown} is larger than {limit:,} bytes")
    body = bytearray()
    for chunk in resp.iter_bytes():  # decompressed: a gzip bomb is counted at its real size
        body.extend(chunk)
        if len(body) > limit:
            raise FetchError(ErrorCode.INPUT_TOO_LARGE, f"{shown} is larger than {limit:,} bytes")
        if time.monotonic() > deadline:
            raise FetchError(
                ErrorCode.FETCH_TIMEOUT, f"fetching {shown} took longer than {settings.fetch_total_timeout:g} s"
            )
    data = bytes(body)
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FetchError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, f"{shown} is binary data, not HTML or text")
    text, encoding = decode_body(data, resp.charset_encoding, is_html=ctype != "text/plain")
    return Fetched(url=str(resp.url), text=text, content_type=ctype, encoding=encoding)
