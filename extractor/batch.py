"""``aushang batch``: many documents in, one JSON line per document out, in input order.

A document that fails gets an error line and the batch goes on. Lines are written whole and
flushed one by one, so an interrupted run leaves no partial line; ``resume`` skips ids already
complete in the output.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from .core import Extractor, Request
from .errors import AushangError, ErrorCode, InputError

DOC_SUFFIXES = {".txt", ".html", ".htm"}


@dataclass
class Summary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0

    @property
    def docs_per_second(self) -> float:
        return (self.ok + self.failed) / self.seconds if self.seconds else 0.0


def iter_requests(path: Path, reference_date: Optional[str] = None) -> Iterator[Request | tuple[str, AushangError]]:
    """Requests from a directory (recursively) or a JSONL file; unreadable items are yielded as
    (id, error) so they get their own error line."""
    from .clean import decode_bytes

    if path.is_dir():
        for f in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOC_SUFFIXES):
            doc_id = str(f.relative_to(path))
            try:
                text = decode_bytes(f.read_bytes())
            except AushangError as exc:
                yield doc_id, exc
                continue
            except OSError as exc:
                yield doc_id, InputError(ErrorCode.NOT_FOUND, f"cannot read {f}: {exc}")
                continue
            kind = "html" if f.suffix.lower() in (".html", ".htm") else "text"
            yield Request(id=doc_id, reference_date=reference_date, **{kind: text})
    elif path.is_file():
        with path.open("rb") as fh:
            for n, raw in enumerate(fh, 1):
                if not raw.strip():
                    continue
                try:
                    obj = json.loads(raw)
                    if not isinstance(obj, dict):
                        raise ValueError("a request line must be a JSON object")
                except ValueError as exc:
                    yield f"line-{n}", InputError(ErrorCode.BAD_REQUEST, f"line {n}: not a JSON request: {exc}")
                    continue
                doc_id = str(obj.get("id") or f"line-{n}")
                unknown = set(obj) - {"id", "text", "html", "url", "reference_date"}
                if unknown:
                    yield doc_id, InputError(ErrorCode.BAD_REQUEST, f"line {n}: unknown fields {sorted(unknown)}")
                    continue
                yield Request(
                    id=doc_id,
                    text=obj.get("text"),
                    html=obj.get("html"),
                    url=obj.get("url"),
                    reference_date=obj.get("reference_date") or reference_date,
                )
    else:
        raise InputError(ErrorCode.NOT_FOUND, f"no such file or directory: {path}")


def completed_ids(output: Path) -> set[str]:
    done: set[str] = set()
    if not output.exists():
        return done
    with output.open("rb") as fh:
        for raw in fh:
            try:
                obj = json.loads(raw)
                done.add(str(obj["id"]))
            except (ValueError, KeyError, TypeError):
                continue
    return done


def _error_line(doc_id: str, exc: BaseException) -> dict:
    if isinstance(exc, AushangError):
        return {"id": doc_id, "error": exc.to_dict()}
    return {"id": doc_id, "error": {"code": ErrorCode.INTERNAL.value, "message": f"{type(exc).__name__}: {exc}"}}


def run_batch(
    input_path: Path,
    output: Path,
    *,
    ics_path: Optional[Path] = None,
    workers: int = 1,
    resume: bool = False,
    reference_date: Optional[str] = None,
    progress: bool = False,
) -> Summary:
    summary = Summary()
    started = time.perf_counter()
    done = completed_ids(output) if resume else set()
    extractor = Extractor()
    results_for_ics = []
    mode = "a" if resume else "w"
    if resume and output.exists():
        _truncate_partial_line(output)
    with output.open(mode, encoding="utf-8") as out:
        pending: list[Request] = []

        def flush_pending():
            for req, res in extractor.extract_many(pending):
                if isinstance(res, Exception):
                    line = _error_line(req.id, res)
                    summary.failed += 1
                else:
                    line = {"id": req.id, "result": res.model_dump(mode="json")}
                    summary.ok += 1
                    if ics_path is not None:
                        results_for_ics.append(res)
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
                out.flush()
            pending.clear()

        for item in iter_requests(input_path, reference_date):
            doc_id = item[0] if isinstance(item, tuple) else item.id
            if doc_id in done:
                summary.skipped += 1
                continue
            if isinstance(item, tuple):
                flush_pending()
                out.write(json.dumps(_error_line(*item), ensure_ascii=False) + "\n")
                out.flush()
                summary.failed += 1
                continue
            pending.append(item)
            if len(pending) >= 16:
                flush_pending()
        flush_pending()
    if ics_path is not None:
        from .ical import to_ical

        ics_path.write_bytes(to_ical(results_for_ics))
    summary.seconds = time.perf_counter() - started
    return summary


def _truncate_partial_line(path: Path) -> None:
    """Drop an incomplete last line left by an interrupted writer."""
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        cut = data.rfind(b"\n") + 1
        with path.open("r+b") as fh:
            fh.truncate(cut)
