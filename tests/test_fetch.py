"""Safe URL fetching: address classification, URL checks, and fetches from a local origin
server (charsets, redirects to private addresses, types, sizes, timeouts, DNS pinning)."""

from __future__ import annotations

import ipaddress
import socket

import pytest

from extractor.errors import ErrorCode, FetchError
from extractor.fetch import check_url, decode_body, fetch_url, forbidden_reason, parse_ip_host
from extractor.settings import Settings

from ._origin import Origin


@pytest.mark.parametrize(
    "host, expected",
    [
        ("127.0.0.1", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),  # decimal
        ("0x7f000001", "127.0.0.1"),  # hex
        ("0x7f.1", "127.0.0.1"),  # hex, two parts
        ("0177.0.0.1", "127.0.0.1"),  # octal
        ("127.1", "127.0.0.1"),  # short form
        ("0251.0376.0251.0376", "169.254.169.254"),
        ("2852039166", "169.254.169.254"),
        ("::1", "::1"),
        ("[::1]", "::1"),
        ("93.184.215.14", "93.184.215.14"),
        ("example.de", None),
        ("1.example.de", None),
        ("xn--bcher-kva.de", None),
    ],
)
def test_parse_ip_host(host, expected):
    ip = parse_ip_host(host)
    assert (str(ip) if ip else None) == expected


@pytest.mark.parametrize("host", ["256.1.1.1", "1.2.3.4.5.6", "0x", "08.1.1.1", "4294967296"])
def test_parse_ip_host_refuses_invalid_numbers(host):
    try:
        result = parse_ip_host(host)
    except FetchError as exc:
        assert exc.code is ErrorCode.BAD_URL
    else:  # not numeric enough to be an address: resolved as a name (and fails there)
        assert result is None


@pytest.mark.parametrize(
    "address, reason",
    [
        ("127.0.0.1", "loopback"),
        ("127.255.255.254", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("100.64.0.1", "not globally routable"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("239.255.255.250", "multicast"),
        ("240.0.0.1", "private"),  # reserved; Python files it under private too
        ("255.255.255.255", "private"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "private"),
        ("::ffff:169.254.169.254", "private"),
        ("64:ff9b::a9fe:a9fe", "reserved"),
        ("2002:7f00:1::", "loopback (IPv4 127.0.0.1 inside IPv6)"),
        ("2001:db8::1", "private"),
        ("93.184.215.14", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_forbidden_reason(address, reason):
    assert forbidden_reason(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize(
    "url, code",
    [
        ("ftp://example.org/x", ErrorCode.BAD_URL),
        ("file:///etc/passwd", ErrorCode.BAD_URL),
        ("javascript:alert(1)", ErrorCode.BAD_URL),
        ("gopher://127.0.0.1:70/", ErrorCode.BAD_URL),
        ("http://", ErrorCode.BAD_URL),
        ("http:///path", ErrorCode.BAD_URL),
        ("http://exa mple.de/", ErrorCode.BAD_URL),
        ("http://example.de/\r\nX-Injected: 1", ErrorCode.BAD_URL),
        ("http://" + "a" * 9000 + ".de/", ErrorCode.BAD_URL),
        ("http://127.0.0.1/", ErrorCode.FORBIDDEN_ADDRESS),
        ("http://127.0.0.1:8000/admin", ErrorCode.FORBIDDEN_ADDRESS),
        ("http://localhost/", ErrorCode.FORBIDDEN_ADDRESS),
        ("http://2130706433/", ErrorCode.FORBIDDEN_ADDRESS),
        ("http://0x7f.1/", ErrorCode.FORBIDDEN_ADDRESS),
        ("http://0177.0.0.1/", ErrorCode.BAD_URL),  # httpx refuses the leading-zero form outright
        ("http://127.1/", ErrorCode.FORBIDDEN_ADDRESS),
        ("http://169.254.169.254/latest/meta-data/", ErrorCode.FORBIDDEN_ADDRESS),
        ("http://2852039166/", ErrorCode.FORBIDDEN_ADDRESS),
        ("http://10.0.0.1/", ErrorCode.FORBIDDEN_ADDRESS),
        ("http://192.168.0.1:8080/", ErrorCode.FORBIDDEN_ADDRESS),
        ("http://0.0.0.0/", ErrorCode.FORBIDDEN_ADDRESS),
        ("http://224.0.0.1/", ErrorCode.FORBIDDEN_ADDRESS),
        ("http://[::1]/", ErrorCode.FORBIDDEN_ADDRESS),
        ("http://[::]/", ErrorCode.FORBIDDEN_ADDRESS),
        ("http://[fe80::1]/", ErrorCode.FORBIDDEN_ADDRESS),
        ("http://[::ffff:127.0.0.1]/", ErrorCode.FORBIDDEN_ADDRESS),
        ("http://[::ffff:a9fe:a9fe]/", ErrorCode.FORBIDDEN_ADDRESS),
        ("https://[fc00::1]/", ErrorCode.FORBIDDEN_ADDRESS),
        ("http://user:pw@127.0.0.1/", ErrorCode.FORBIDDEN_ADDRESS),
        ("http://example.de\\@127.0.0.1/", ErrorCode.FORBIDDEN_ADDRESS),
    ],
)
def test_check_url_refuses(url, code):
    with pytest.raises(FetchError) as info:
        check_url(url, Settings(pipeline="blank"))
    assert info.value.code is code


@pytest.mark.parametrize(
    "allow, url, ok",
    [
        (["127.0.0.1:8123"], "http://127.0.0.1:8123/x", True),
        (["127.0.0.1:8123"], "http://127.0.0.1:8124/x", False),
        (["127.0.0.1:8123"], "http://127.0.0.2:8123/x", False),
        (["127.0.0.1:8123"], "http://2130706433:8123/x", True),  # the same address, spelt otherwise
        (["127.0.0.0/8"], "http://127.9.9.9:1/", True),
        (["[::1]:81"], "http://[::1]:81/", True),
        (["[::1]:81"], "http://[::1]:82/", False),
        (["10.0.0.1"], "http://169.254.169.254/", False),
    ],
)
def test_allow_list(allow, url, ok):
    settings = Settings(pipeline="blank", fetch_allow_addresses=allow)
    if ok:
        assert check_url(url, settings).port == int(url.rsplit(":", 1)[1].split("/")[0])
    else:
        with pytest.raises(FetchError) as info:
            check_url(url, settings)
        assert info.value.code is ErrorCode.FORBIDDEN_ADDRESS


@pytest.mark.parametrize(
    "data, header, is_html, text, encoding",
    [
        ("Bürger".encode("utf-8"), None, True, "Bürger", "utf-8"),
        ("Bürger".encode("cp1252"), None, True, "Bürger", "cp1252"),
        ("„Bürger“".encode("cp1252"), "iso-8859-1", True, "„Bürger“", "cp1252"),  # WHATWG: latin-1 = windows-1252
        ('<meta charset="ISO-8859-1"><p>Bürger'.encode("latin-1"), None, True, '<meta charset="ISO-8859-1"><p>Bürger', "cp1252"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>Straße'.encode("cp1252"), None, True,
         '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>Straße', "cp1252"),
        ('<?xml version="1.0" encoding="iso-8859-1"?><p>Bürger'.encode("latin-1"), None, True,
         '<?xml version="1.0" encoding="iso-8859-1"?><p>Bürger', "cp1252"),
        ("Bürger".encode("cp1252"), "utf-8", True, "Bürger", "cp1252"),  # a wrong header is outvoted by the bytes
        (b"\xef\xbb\xbfB\xc3\xbcrger", "iso-8859-1", True, "Bürger", "utf-8-sig"),  # the BOM wins
        ('<meta charset="utf-8">Bürger'.encode("utf-8"), None, False, '<meta charset="utf-8">Bürger', "utf-8"),
    ],
)
def test_decode_body(data, header, is_html, text, encoding):
    assert decode_body(data, header, is_html) == (text, encoding)


# --- fetching from a local server ------------------------------------------------------------


@pytest.fixture(scope="module")
def origin():
    with Origin() as server:
        yield server


@pytest.fixture(scope="module")
def settings(origin):
    return Settings(
        pipeline="blank",
        fetch_allow_addresses=[origin.allow],
        fetch_timeout=1.0,
        fetch_total_timeout=3.0,
        fetch_max_bytes=200_000,
    )


@pytest.mark.parametrize(
    "path, contains, is_html, encoding",
    [
        ("/page.html", "lädt die Ehrenamtskoordination", True, "utf-8"),
        ("/page.txt", "Bürgerversammlung", False, "utf-8"),
        ("/latin1-meta.html", "lädt die Ehrenamtskoordination", True, "cp1252"),
        ("/cp1252-header.html", "„Zukunft des Ehrenamts“", True, "cp1252"),
        ("/cp1252-sniff.txt", "Bürgerversammlung im Stadtteil Süd", False, "cp1252"),
        ("/xhtml", "lädt die Ehrenamtskoordination", True, "cp1252"),
        ("/wrong-header-charset.html", "lädt die", True, "cp1252"),
        ("/to-page", "lädt die Ehrenamtskoordination", True, "utf-8"),
        ("/chain/5", "lädt die", True, "utf-8"),  # five redirects are allowed
    ],
)
def test_fetch_ok(origin, settings, path, contains, is_html, encoding):
    fetched = fetch_url(origin.url(path), settings)
    assert contains in fetched.text
    assert fetched.is_html is is_html
    assert fetched.encoding == encoding


@pytest.mark.parametrize(
    "path, code",
    [
        # redirects from the allowed server to somewhere that is not allowed
        ("/to-metadata", ErrorCode.FORBIDDEN_ADDRESS),
        ("/to-private-10", ErrorCode.FORBIDDEN_ADDRESS),
        ("/to-loopback-other-port", ErrorCode.FORBIDDEN_ADDRESS),
        ("/to-loopback-127-0-0-2", ErrorCode.FORBIDDEN_ADDRESS),
        ("/to-decimal", ErrorCode.FORBIDDEN_ADDRESS),
        ("/to-hex", ErrorCode.FORBIDDEN_ADDRESS),
        ("/to-ipv6-loopback", ErrorCode.FORBIDDEN_ADDRESS),
        ("/to-mapped", ErrorCode.FORBIDDEN_ADDRESS),
        ("/to-localhost-name", ErrorCode.FORBIDDEN_ADDRESS),
        ("/to-file", ErrorCode.BAD_URL),
        ("/to-ftp", ErrorCode.BAD_URL),
        ("/chain/6", ErrorCode.FETCH_FAILED),  # one redirect too many
        ("/no-location", ErrorCode.FETCH_FAILED),
        # what the server sends
        ("/image.png", ErrorCode.UNSUPPORTED_MEDIA_TYPE),
        ("/json", ErrorCode.UNSUPPORTED_MEDIA_TYPE),
        ("/no-type", ErrorCode.UNSUPPORTED_MEDIA_TYPE),
        ("/binary-as-html", ErrorCode.UNSUPPORTED_MEDIA_TYPE),
        ("/big-declared", ErrorCode.INPUT_TOO_LARGE),
        ("/big-chunked", ErrorCode.INPUT_TOO_LARGE),
        ("/gzip-bomb", ErrorCode.INPUT_TOO_LARGE),
        ("/missing", ErrorCode.FETCH_FAILED),
        ("/server-error", ErrorCode.FETCH_FAILED),
        ("/slow", ErrorCode.FETCH_TIMEOUT),
        ("/trickle", ErrorCode.FETCH_TIMEOUT),
    ],
)
def test_fetch_refused(origin, settings, path, code):
    with pytest.raises(FetchError) as info:
        fetch_url(origin.url(path), settings)
    assert info.value.code is code, info.value.message


def test_fetch_refuses_nothing_unchecked_with_default_settings(origin):
    with pytest.raises(FetchError) as info:
        fetch_url(origin.url("/page.html"), Settings(pipeline="blank"))
    assert info.value.code is ErrorCode.FORBIDDEN_ADDRESS


def test_connection_pinned_to_checked_address(origin, settings, monkeypatch):
    """DNS rebinding: the name resolves to an allowed address when checked and to the metadata
    service afterwards; the fetch must connect to the checked address, keeping the Host."""
    real = socket.getaddrinfo
    calls = []

    def fake(host, port, *args, **kwargs):
        if host == "rebind.test":
            calls.append(host)
            ip = "127.0.0.1" if len(calls) == 1 else "169.254.169.254"
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    fetched = fetch_url(f"http://rebind.test:{origin.port}/echo-host", settings)
    assert f"Host war rebind.test:{origin.port}." in fetched.text
    assert calls == ["rebind.test"]  # resolved once, by the check; never again by the client


def test_name_resolving_to_private_address_refused(monkeypatch):
    real = socket.getaddrinfo

    def fake(host, port, *args, **kwargs):
        if host == "internal.example.de":
            return [
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", port)),  # one bad answer is enough
            ]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    with pytest.raises(FetchError) as info:
        check_url("https://internal.example.de/", Settings(pipeline="blank"))
    assert info.value.code is ErrorCode.FORBIDDEN_ADDRESS
