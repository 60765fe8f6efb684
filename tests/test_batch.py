"""``aushang batch``: input order, error lines, worker processes, and resuming after Ctrl-C
or SIGKILL with every id exactly once and never a partial line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.batch import _truncate_partial_line, completed_ids, run_batch
from extractor.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = (ROOT / "examples" / "werkstatt-kaiserslautern.txt").read_text(encoding="utf-8")
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]
SETTINGS = Settings(pipeline="blank")


SHORT = ("Werkstatt im Rathaus\n\nAm 24. Juli um 13:00 Uhr lädt die Stadt zur Werkstatt in Raum C409 ein. "
         "Anmeldung unter ehrenamt@kaiserslautern.de.\n")


def make_corpus(root: Path, n: int, corrupt_at: int | None = None, short: bool = False) -> list[str]:
    """``n`` announcements (variations of the example, or of a short notice) in two folders;
    one corrupt file."""
    ids = []
    for i in range(n):
        sub = root / f"part{i % 2}"
        sub.mkdir(parents=True, exist_ok=True)
        name = f"doc{i:05d}.txt"
        path = sub / name
        if i == corrupt_at:
            path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
        else:
            day, month = i % 28 + 1, MONTHS[i % 12]
            base = SHORT if short else EXAMPLE
            path.write_text(base.replace("24. Juli", f"{day}. {month}") + f"\n\nAushang Nr. {i}.\n", encoding="utf-8")
        ids.append(f"part{i % 2}/{name}")
    return sorted(ids)


def read_lines(path: Path) -> list[dict]:
    data = path.read_bytes()
    assert not data or data.endswith(b"\n"), "a partial line was left behind"
    return [json.loads(line) for line in data.splitlines()]


def test_directory_in_order_with_error_lines(tmp_path):
    ids = make_corpus(tmp_path / "in", 6, corrupt_at=2)
    (tmp_path / "in" / "part0" / "notes.md").write_text("not a document")
    (tmp_path / "in" / "page.html").write_text(
        f"<html><body><main><p>{EXAMPLE}</p></main></body></html>", encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    summary = run_batch(tmp_path / "in", out, reference_date="2024-07-01", settings=SETTINGS)
    lines = read_lines(out)
    assert [line["id"] for line in lines] == sorted(ids + ["page.html"])
    bad = [line for line in lines if "error" in line]
    assert [b["id"] for b in bad] == ["part0/doc00002.txt"]
    assert bad[0]["error"]["code"] == "not_text"
    assert (summary.ok, summary.failed, summary.skipped) == (6, 1, 0)
    html = next(line for line in lines if line["id"] == "page.html")
    assert html["result"]["source"]["kind"] == "html"
    assert html["result"]["reference_date"] == {"value": "2024-07-01", "basis": "given"}


def test_jsonl_requests(tmp_path):
    requests = [
        json.dumps({"id": "a", "text": EXAMPLE, "reference_date": "2024-07-01"}),
        "{not json",
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "b", "text": EXAMPLE, "colour": "red"}),
        json.dumps({"id": "c", "text": EXAMPLE, "html": "<p>x</p>"}),
        json.dumps({"id": "d", "text": ""}),
        json.dumps({"id": "e", "text": EXAMPLE, "reference_date": "2024-13-45"}),
        json.dumps({"id": "f", "url": "ftp://example.org/x"}),
        json.dumps({"id": "g", "url": "http://169.254.169.254/"}),
        json.dumps({"text": EXAMPLE}),
        json.dumps({"id": "h", "html": f"<html><body><p>{EXAMPLE}</p></body></html>"}),
    ]
    src = tmp_path / "requests.jsonl"
    src.write_text("\n".join(requests) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_batch(src, out, settings=SETTINGS)
    got = {line["id"]: line for line in read_lines(out)}
    assert list(got) == ["a", "line-2", "line-3", "b", "c", "d", "e", "f", "g", "line-11", "h"]
    expected_errors = {"line-2": "bad_request", "line-3": "bad_request", "b": "bad_request", "c": "bad_request",
                       "d": "empty_input", "e": "bad_reference_date", "f": "bad_url", "g": "forbidden_address"}
    for doc_id, line in got.items():
        if doc_id in expected_errors:
            assert line["error"]["code"] == expected_errors[doc_id], line
        else:
            assert "result" in line, line


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"", b""),
        (b'{"id": "a"}\n', b'{"id": "a"}\n'),
        (b'{"id": "a"}\n{"id": "b", "res', b'{"id": "a"}\n'),
        (b'{"id": "a", "res', b""),
        (b'{"id": "a"}\n{"id": "b"}\n{', b'{"id": "a"}\n{"id": "b"}\n'),
        (b'{"id": "a"}\n' + b"x" * 200_000, b'{"id": "a"}\n'),  # longer than one read-back block
    ],
)
def test_truncate_partial_line(tmp_path, content, expected):
    path = tmp_path / "out.jsonl"
    path.write_bytes(content)
    _truncate_partial_line(path)
    assert path.read_bytes() == expected


def test_completed_ids_ignore_partial_and_broken_lines(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"id": "a", "result": {}}\n{"id": "b", "error": {}}\nnot json\n{"no_id": 1}\n{"id": "c", "res')
    assert completed_ids(path) == {"a", "b"}


def test_resume_completes_a_cut_output(tmp_path):
    ids = make_corpus(tmp_path / "in", 12, corrupt_at=7)
    out = tmp_path / "out.jsonl"
    run_batch(tmp_path / "in", out, reference_date="2024-07-01", settings=SETTINGS)
    full = out.read_bytes()
    lines = full.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:5]) + lines[5][: len(lines[5]) // 2])  # as if killed mid-line
    summary = run_batch(tmp_path / "in", out, reference_date="2024-07-01", resume=True, settings=SETTINGS)
    assert summary.skipped == 5 and summary.ok + summary.failed == 7
    assert [line["id"] for line in read_lines(out)] == ids
    assert out.read_bytes() == full  # the same bytes as the uninterrupted run


def test_workers_give_the_same_output_in_order(tmp_path):
    make_corpus(tmp_path / "in", 30, corrupt_at=11, short=True)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_batch(tmp_path / "in", one, reference_date="2024-07-01", settings=SETTINGS)
    summary = run_batch(tmp_path / "in", two, reference_date="2024-07-01", workers=2, settings=SETTINGS, chunk_size=4)
    assert two.read_bytes() == one.read_bytes()
    assert (summary.ok, summary.failed) == (29, 1)


def test_ics_and_progress(tmp_path):
    icalendar = pytest.importorskip("icalendar")
    make_corpus(tmp_path / "in", 4)
    out, ics = tmp_path / "out.jsonl", tmp_path / "out.ics"
    run_batch(tmp_path / "in", out, ics_path=ics, reference_date="2024-07-01", progress=True, settings=SETTINGS)
    cal = icalendar.Calendar.from_ical(ics.read_bytes())
    assert cal.get("prodid")


# --- interrupting a real ``aushang batch`` process ---------------------------------------------


def _batch_cmd(src: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "extractor.cli", "batch", str(src), "--output", str(out),
            "--workers", "2", "--no-progress", "--reference-date", "2024-07-01", *extra]


def _env() -> dict:
    return {**os.environ, "AUSHANG_PIPELINE": "blank"}


def _wait_for_lines(proc: subprocess.Popen, out: Path, n: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the batch finished before it could be interrupted"
        if out.exists() and out.read_bytes().count(b"\n") >= n:
            return
        time.sleep(0.01)
    raise AssertionError("the batch made no progress")


@pytest.mark.slow
def test_sigkill_then_resume_every_id_exactly_once(tmp_path):
    ids = make_corpus(tmp_path / "in", 200, corrupt_at=123, short=True)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(_batch_cmd(tmp_path / "in", out), cwd=ROOT, env=_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    _wait_for_lines(proc, out, 60)
    os.killpg(proc.pid, signal.SIGKILL)  # the whole job: parent, forkserver and workers
    proc.wait()
    done_before = len(completed_ids(out))
    assert 60 <= done_before < 200

    rerun = subprocess.run(_batch_cmd(tmp_path / "in", out, "--resume"), cwd=ROOT, env=_env(),
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert f"{done_before} skipped" in rerun.stderr
    lines = read_lines(out)
    assert [line["id"] for line in lines] == ids  # every id exactly once, in input order
    errors = [line for line in lines if "error" in line]
    assert [e["id"] for e in errors] == ["part1/doc00123.txt"] and errors[0]["error"]["code"] == "not_text"


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_then_resume(tmp_path):
    ids = make_corpus(tmp_path / "in", 120, short=True)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(_batch_cmd(tmp_path / "in", out), cwd=ROOT, env=_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    _wait_for_lines(proc, out, 20)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C sends: the whole foreground group
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr.decode()[-2000:]
    assert b"Traceback" not in stderr
    assert b"--resume" in stderr
    partial = read_lines(out)  # whole lines only
    assert 20 <= len(partial) < 120

    rerun = subprocess.run(_batch_cmd(tmp_path / "in", out, "--resume"), cwd=ROOT, env=_env(),
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert [line["id"] for line in read_lines(out)] == ids
