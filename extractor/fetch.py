"""Fetching a URL for extraction: http(s) only, public addresses only, bounded in time and size."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urljoin, urlsplit

from .errors import ErrorCode, FetchError
from .settings import Settings, get_settings

ALLOWED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


@dataclass
class Fetched:
    url: str
    text: str
    content_type: str

    @property
    def is_html(self) -> bool:
        return "html" in self.content_type


def _check_address(host: str, port: int, settings: Settings) -> None:
    if settings.fetch_allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchError(ErrorCode.FETCH_FAILED, f"cannot resolve host {host!r}: {exc}") from None
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%")[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if not ip.is_global or ip.is_multicast:
            raise FetchError(
                ErrorCode.FORBIDDEN_ADDRESS, f"refusing to fetch {host!r}: it resolves to {ip}, not a public address"
            )


def check_url(url: str, settings: Settings) -> tuple[str, int]:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(ErrorCode.BAD_URL, f"only http(s) URLs can be fetched, got {url!r}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    _check_address(parts.hostname, port, settings)
    return parts.hostname, port


def fetch_url(url: str, settings: Optional[Settings] = None) -> Fetched:
    """Fetch a page, checking every redirect target, the content type and the size."""
    import httpx

    from .clean import decode_bytes

    settings = settings or get_settings()
    timeout = httpx.Timeout(settings.fetch_timeout)
    current = url
    with httpx.Client(timeout=timeout, follow_redirects=False, headers={"User-Agent": "aushang/0.1"}) as client:
        for _ in range(settings.fetch_max_redirects + 1):
            check_url(current, settings)
            try:
                with client.stream("GET", current) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise FetchError(ErrorCode.FETCH_FAILED, "redirect without a Location header")
                        current = urljoin(current, location)
                        continue
                    if resp.status_code >= 400:
                        raise FetchError(ErrorCode.FETCH_FAILED, f"{current} answered HTTP {resp.status_code}")
                    ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
                    if ctype not in ALLOWED_TYPES:
                        raise FetchError(
                            ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                            f"{current} is {ctype or 'of unknown type'}, not HTML or text",
                        )
                    body = bytearray()
                    for chunk in resp.iter_bytes():
                        body.extend(chunk)
                        if len(body) > settings.fetch_max_bytes:
                            raise FetchError(
                                ErrorCode.INPUT_TOO_LARGE,
                                f"{current} is larger than {settings.fetch_max_bytes:,} bytes",
                            )
                    charset = resp.charset_encoding
                    data = bytes(body)
                    try:
                        text = data.decode(charset) if charset else decode_bytes(data)
                    except (LookupError, UnicodeDecodeError):
                        text = decode_bytes(data)
                    return Fetched(url=str(current), text=text, content_type=ctype)
            except httpx.TimeoutException:
                raise FetchError(ErrorCode.FETCH_TIMEOUT, f"fetching {current} timed out") from None
            except httpx.HTTPError as exc:
                raise FetchError(ErrorCode.FETCH_FAILED, f"fetching {current} failed: {exc}") from None
    raise FetchError(ErrorCode.FETCH_FAILED, f"more than {settings.fetch_max_redirects} redirects")
