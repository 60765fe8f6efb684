"""End to end: the seeds validate against the contract; bad input gives clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from extractor import AushangError, Result
from extractor.errors import ErrorCode

from .conftest import CORPUS, ROOT

SEEDS = sorted(p.stem for p in (CORPUS / "documents").glob("00*.txt"))


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_result_validates_and_offsets_hold(extractor, seed):
    gold = json.loads((CORPUS / "gold" / f"{seed}.json").read_text())
    text = (CORPUS / "documents" / f"{seed}.txt").read_text()
    result = extractor.extract(text=text, reference_date=gold["reference_date"])
    data = result.model_dump(mode="json")
    again = Result.model_validate(data)  # round-trips through the contract model
    assert again.model_dump(mode="json") == data
    assert data["schema_version"] == "1"
    assert data["reference_date"] == {"value": gold["reference_date"], "basis": "given"}
    for family, items in data["mentions"].items():
        for m in items:
            assert data["text"][m["start"] : m["end"]] == m["text"], (family, m)
    for d in gold["boilerplate_dates"]:
        assert all(
            (m["value"] if isinstance(m["value"], str) else m["value"]["start"]) != d
            for m in data["mentions"]["dates"]
        )


def test_seed_000_contacts(extractor):
    text = (CORPUS / "documents" / "000_8bcc1829e3e8af0e.txt").read_text()
    result = extractor.extract(text=text, reference_date="2024-07-01")
    assert [m.value for m in result.mentions.emails] == ["ehrenamt@kaiserslautern.de"]
    assert [m.value for m in result.mentions.phones] == ["+496313654471"]
    assert [m.value for m in result.mentions.urls] == ["https://www.zukunft-des-engagements.de"]
    assert "12. Februar 2026" not in result.text


def test_reference_date_basis(extractor):
    r = extractor.extract(text="Die Stadt lädt am 24. Juli ein.")
    assert r.reference_date.basis == "today"
    r = extractor.extract(text="27.09.2017 10:58\nDie Stadt lädt am 15. Oktober ein.")
    assert r.reference_date.basis == "published"
    assert str(r.reference_date.value) == "2017-09-27"
    r = extractor.extract(text="Die Stadt lädt am 24. Juli ein.", reference_date="2024-07-01")
    assert r.reference_date.basis == "given"


def test_pipeline_is_reported(extractor):
    r = extractor.extract(text="Die Stadt lädt am 24. Juli ein.")
    assert r.pipeline.name == "blank"
    assert "aushang_contacts" in r.pipeline.components


@pytest.mark.parametrize(
    "kwargs,code",
    [
        ({"text": ""}, ErrorCode.EMPTY_INPUT),
        ({"text": "   \n\t "}, ErrorCode.EMPTY_INPUT),
        ({"text": "abc\x00\x01\x02def"}, ErrorCode.NOT_TEXT),
        ({"text": "".join(chr(i % 31 + 1) for i in range(2000))}, ErrorCode.NOT_TEXT),
        ({"html": "<html><head><title>x</title></head></html>"}, ErrorCode.EMPTY_INPUT),
        ({"html": "just words, no markup"}, ErrorCode.NOT_TEXT),
        ({"text": "x", "html": "<p>x</p>"}, ErrorCode.BAD_REQUEST),
        ({}, ErrorCode.BAD_REQUEST),
        ({"text": "Am 24. Juli.", "reference_date": "2024-13-45"}, ErrorCode.BAD_REFERENCE_DATE),
        ({"url": "ftp://example.org/x"}, ErrorCode.BAD_URL),
        ({"url": "http://127.0.0.1:9/x"}, ErrorCode.FORBIDDEN_ADDRESS),
        ({"url": "http://169.254.169.254/latest/meta-data"}, ErrorCode.FORBIDDEN_ADDRESS),
    ],
)
def test_bad_input_gives_clear_error(extractor, kwargs, code):
    with pytest.raises(AushangError) as err:
        extractor.extract(**kwargs)
    assert err.value.code == code
    assert err.value.message


def test_huge_text_is_refused_quickly(extractor):
    text = ("Die Stadt lädt am 24. Juli um 18 Uhr ein. " * 130_000)  # ~5.5 MB
    started = time.perf_counter()
    with pytest.raises(AushangError) as err:
        extractor.extract(text=text)
    assert err.value.code == ErrorCode.INPUT_TOO_LARGE
    assert time.perf_counter() - started < 5


def test_large_text_under_the_limit_is_processed(extractor):
    text = "Die Stadt lädt am 24. Juli um 18 Uhr ins Rathaus ein.\n" * 20_000  # ~1.1 MB
    result = extractor.extract(text=text, reference_date="2024-07-01")
    assert len(result.text) <= extractor.settings.max_text_chars


def _cli(*args, input_bytes=None):
    return subprocess.run(
        [sys.executable, "-m", "extractor.cli", *args],
        input=input_bytes,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        env={"AUSHANG_PIPELINE": "blank", "PATH": "/usr/bin:/bin"},
    )


def test_cli_extract_file_and_stdin(tmp_path):
    out = _cli("extract", "examples/werkstatt-kaiserslautern.txt", "--reference-date", "2024-07-01")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["mentions"]["phones"][0]["value"] == "+496313654471"
    out = _cli("extract", "-", input_bytes="Tel. 0631/365-4471 am 24. Juli".encode("cp1252"))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["mentions"]["phones"][0]["value"] == "+496313654471"


@pytest.mark.parametrize(
    "make,needle",
    [
        (lambda p: str(p / "missing.txt"), "not_found"),
        (lambda p: (p / "bin.txt").write_bytes(b"\x00\x01\x02PK\x03\x04") and str(p / "bin.txt"), "not_text"),
        (lambda p: (p / "empty.txt").write_text("") or str(p / "empty.txt"), "empty_input"),
        (lambda p: str(p), "bad_request"),
    ],
)
def test_cli_bad_input_is_a_clear_error(tmp_path, make, needle):
    out = _cli("extract", make(tmp_path))
    assert out.returncode == 2
    assert needle in out.stderr.decode()
    assert "Traceback" not in out.stderr.decode()
