"""``aushang batch``: many documents in, one JSON line per document out, in input order.

- Input: a directory (every .txt/.html/.htm inside, recursively; the relative path is the id)
  or a JSONL file of requests ``{"id", "text"|"html"|"url", "reference_date"}``.
- ``workers`` processes each load the pipeline once (``ProcessPoolExecutor`` with an
  initializer); documents travel in chunks, and results come back in input order.
- A document that fails gets an error line and the batch goes on; a worker process that dies
  (a crash inside a library, the OOM killer) costs a new pool and an error line for the one
  document that killed it, found by retrying its chunk document by document.
- Every line is written whole (one ``write`` of the encoded line) and flushed, so an
  interruption — Ctrl-C, SIGTERM or SIGKILL — leaves at most a partial last line, which
  ``resume`` truncates before it skips the ids already complete in the output.
- On a terminal, a progress bar shows documents/s.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import signal
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Union

from .core import Extractor, Request
from .errors import AushangError, ErrorCode, InputError
from .settings import Settings, get_settings

log = logging.getLogger(__name__)

DOC_SUFFIXES = {".txt", ".html", ".htm"}
#: Documents per task sent to a worker: large enough to amortise the inter-process hop and use
#: ``nlp.pipe``, small enough that an interruption loses little work.
CHUNK_SIZE = 8
#: Chunks in flight per worker: keeps workers busy without reading the whole input into memory.
PREFETCH_PER_WORKER = 4


@dataclass
class Summary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def docs_per_second(self) -> float:
        return (self.ok + self.failed) / self.seconds if self.seconds else 0.0


# A work item: a request, or a document that already failed while it was read (id, error).
Item = Union[Request, tuple[str, AushangError]]


# ---------------------------------------------------------------------------------------------
# input


def _doc_files(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOC_SUFFIXES)


def iter_requests(path: Path, reference_date: Optional[str] = None) -> Iterator[Item]:
    """Requests from a directory (recursively) or a JSONL file; unreadable items are yielded as
    (id, error) so they get their own error line."""
    from .clean import decode_bytes

    if path.is_dir():
        for f in _doc_files(path):
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


def count_inputs(path: Path) -> Optional[int]:
    """How many documents ``path`` holds (for the progress bar), cheaply."""
    try:
        if path.is_dir():
            return len(_doc_files(path))
        with path.open("rb") as fh:
            return sum(1 for raw in fh if raw.strip())
    except OSError:
        return None


# ---------------------------------------------------------------------------------------------
# output


def completed_ids(output: Path) -> set[str]:
    """Ids with a complete line (result or error) in ``output``."""
    done: set[str] = set()
    if not output.exists():
        return done
    with output.open("rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break  # a partial last line is not complete
            try:
                obj = json.loads(raw)
                done.add(str(obj["id"]))
            except (ValueError, KeyError, TypeError):
                continue
    return done


def _truncate_partial_line(path: Path) -> None:
    """Drop an incomplete last line left by an interrupted writer."""
    size = path.stat().st_size
    if size == 0:
        return
    with path.open("r+b") as fh:
        fh.seek(size - 1)
        if fh.read(1) == b"\n":
            return
        # find the last newline, reading backwards in blocks (result lines can be large)
        pos, cut = size, 0
        while pos > 0:
            start = max(0, pos - 65536)
            fh.seek(start)
            block = fh.read(pos - start)
            i = block.rfind(b"\n")
            if i >= 0:
                cut = start + i + 1
                break
            pos = start
        fh.truncate(cut)
        log.warning("dropped a partial last line (%d bytes) from %s", size - cut, path)


class LineWriter:
    """Appends whole lines: each line is encoded first and written with as few ``os.write``
    calls as the kernel allows, so a kill between lines never leaves half a line."""

    def __init__(self, path: Path, append: bool) -> None:
        flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
        self.fd = os.open(path, flags, 0o644)

    def write(self, line: str) -> None:
        data = memoryview((line + "\n").encode("utf-8"))
        while data:
            n = os.write(self.fd, data)
            data = data[n:]

    def close(self) -> None:
        if self.fd >= 0:
            try:
                os.fsync(self.fd)
            finally:
                os.close(self.fd)
                self.fd = -1


def _error_line(doc_id: str, exc: BaseException) -> dict:
    if isinstance(exc, AushangError):
        return {"id": doc_id, "error": exc.to_dict()}
    return {"id": doc_id, "error": {"code": ErrorCode.INTERNAL.value, "message": f"{type(exc).__name__}: {exc}"}}


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------
# work (runs in the worker processes, or in-process for one worker)

# A task is a list of ("req", Request) / ("err", id, {"code", "message"}); errors travel as
# dicts because exceptions with custom constructors do not survive pickling.
Task = list[tuple]
_worker_extractor: Optional[Extractor] = None


def _init_worker(settings_data: dict) -> None:
    """Worker initializer: load the pipeline once per process; leave Ctrl-C to the parent."""
    global _worker_extractor
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_extractor = Extractor(Settings(**settings_data))


def _process(extractor: Extractor, task: Task) -> list[tuple[str, bool, str]]:
    """A task → [(id, ok, JSON line)] in task order."""
    out: list[tuple[str, bool, str]] = []
    requests = [entry[1] for entry in task if entry[0] == "req"]
    results = iter(extractor.extract_many(requests, batch_size=len(requests) or 1))
    for entry in task:
        if entry[0] == "err":
            out.append((entry[1], False, _dumps({"id": entry[1], "error": entry[2]})))
            continue
        req, res = next(results)
        if isinstance(res, Exception):
            out.append((req.id, False, _dumps(_error_line(req.id, res))))
        else:
            out.append((req.id, True, _dumps({"id": req.id, "result": res.model_dump(mode="json")})))
    return out


def _work(task: Task) -> list[tuple[str, bool, str]]:
    assert _worker_extractor is not None, "worker not initialised"
    return _process(_worker_extractor, task)


def _to_task_entry(item: Item) -> tuple:
    if isinstance(item, tuple):
        return ("err", item[0], item[1].to_dict())
    return ("req", item)


def _chunks(items: Iterable[tuple], size: int) -> Iterator[Task]:
    chunk: Task = []
    for entry in items:
        chunk.append(entry)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Interrupted(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# the run


def run_batch(
    input_path: Path,
    output: Path,
    *,
    ics_path: Optional[Path] = None,
    workers: int = 1,
    resume: bool = False,
    reference_date: Optional[str] = None,
    progress: bool = False,
    settings: Optional[Settings] = None,
    chunk_size: int = CHUNK_SIZE,
) -> Summary:
    """Extract every document of ``input_path`` into ``output`` (JSONL), in input order.

    Ctrl-C / SIGTERM stop cleanly: lines already written stay whole, the summary says
    ``interrupted``, and a later ``resume=True`` run completes the output.
    """
    settings = settings or get_settings()
    summary = Summary()
    started = time.perf_counter()
    if not input_path.exists():
        raise InputError(ErrorCode.NOT_FOUND, f"no such file or directory: {input_path}")
    if resume and output.exists():
        _truncate_partial_line(output)
    done = completed_ids(output) if resume else set()

    def entries() -> Iterator[tuple]:
        for item in iter_requests(input_path, reference_date):
            doc_id = item[0] if isinstance(item, tuple) else item.id
            if doc_id in done:
                summary.skipped += 1
                continue
            yield _to_task_entry(item)

    total = count_inputs(input_path) if progress else None
    bar = _Progress(total, len(done)) if progress else None
    writer = LineWriter(output, append=resume)

    def emit(lines: list[tuple[str, bool, str]]) -> None:
        for _doc_id, ok, line in lines:
            writer.write(line)
            if ok:
                summary.ok += 1
            else:
                summary.failed += 1
        if bar:
            bar.advance(len(lines))

    previous_term = signal.getsignal(signal.SIGTERM)

    def on_term(signum, frame):  # SIGTERM: stop like Ctrl-C, between lines
        raise _Interrupted()

    in_main_thread = _in_main_thread()
    if in_main_thread:
        signal.signal(signal.SIGTERM, on_term)
    try:
        if bar:
            bar.start()
        tasks = _chunks(entries(), chunk_size)
        if workers <= 1:
            extractor = Extractor(settings)
            for task in tasks:
                emit(_process(extractor, task))
        else:
            _run_pool(tasks, workers, settings, emit)
    except (KeyboardInterrupt, _Interrupted):
        summary.interrupted = True
        log.warning("interrupted; %s is complete up to its last line: rerun with --resume", output)
    finally:
        writer.close()
        if bar:
            bar.stop()
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous_term)
    if ics_path is not None and not summary.interrupted:
        write_ics(output, ics_path)
    summary.seconds = time.perf_counter() - started
    return summary


def _in_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _new_pool(workers: int, settings: Settings) -> ProcessPoolExecutor:
    # forkserver: workers start from a clean process (no threads of ours, e.g. the progress
    # bar's, are forked), and the preloaded import makes starting them cheap.
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["extractor.core"])
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(settings.model_dump(),)
    )


def _kill_pool(pool: ProcessPoolExecutor) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        try:
            p.kill()
        except Exception:  # pragma: no cover - already gone
            pass
    for p in processes:
        p.join(timeout=5)


def _run_pool(
    tasks: Iterator[Task], workers: int, settings: Settings, emit: Callable[[list], None]
) -> None:
    """Tasks through a process pool, results emitted in task order; a bounded window of tasks
    is in flight so the input is read only as fast as it is processed."""
    pool = _new_pool(workers, settings)
    window: deque[tuple[Task, Future]] = deque()
    limit = workers * PREFETCH_PER_WORKER
    finished = False
    try:
        exhausted = False
        while True:
            while not exhausted and len(window) < limit:
                task = next(tasks, None)
                if task is None:
                    exhausted = True
                    break
                window.append((task, pool.submit(_work, task)))
            if not window:
                break
            task, future = window.popleft()
            try:
                emit(future.result())
            except BrokenProcessPool:
                # a worker died: find the document that killed it, then go on with a new pool
                log.warning("a worker process died; retrying its %d documents one by one", len(task))
                pending = [t for t, _ in window]
                window.clear()
                _kill_pool(pool)
                pool = _new_pool(workers, settings)
                for entry in task:
                    pool = _fresh_if_broken(pool, workers, settings)
                    emit(_run_isolated(pool, entry))
                pool = _fresh_if_broken(pool, workers, settings)
                for t in pending:
                    window.append((t, pool.submit(_work, t)))
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:  # interrupted: do not wait for the workers' current chunks
            _kill_pool(pool)


def _fresh_if_broken(pool: ProcessPoolExecutor, workers: int, settings: Settings) -> ProcessPoolExecutor:
    if getattr(pool, "_broken", False):
        _kill_pool(pool)
        return _new_pool(workers, settings)
    return pool


def _run_isolated(pool: ProcessPoolExecutor, entry: tuple) -> list[tuple[str, bool, str]]:
    try:
        return pool.submit(_work, [entry]).result()
    except BrokenProcessPool:
        doc_id = entry[1].id if entry[0] == "req" else entry[1]
        err = {"code": ErrorCode.INTERNAL.value, "message": "the worker process died on this document"}
        return [(doc_id, False, _dumps({"id": doc_id, "error": err}))]


def write_ics(output: Path, ics_path: Path) -> int:
    """All events of the result lines in ``output`` as one iCalendar file; returns results used."""
    from .ical import to_ical
    from .schema import Result

    results = []
    with output.open("rb") as fh:
        for raw in fh:
            try:
                obj = json.loads(raw)
            except ValueError:
                continue
            if isinstance(obj, dict) and "result" in obj:
                results.append(Result.model_validate(obj["result"]))
    ics_path.write_bytes(to_ical(results))
    return len(results)


class _Progress:
    """A rich progress bar on stderr with documents/s."""

    def __init__(self, total: Optional[int], already_done: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
        from rich.text import Text

        class DocsPerSecond(ProgressColumn):
            def render(self, task) -> Text:
                speed = task.finished_speed or task.speed
                return Text(f"{speed:.1f} docs/s" if speed else "– docs/s", style="progress.data.speed")

        self.progress = Progress(
            TextColumn("[bold]aushang batch"),
            BarColumn(),
            MofNCompleteColumn(),
            DocsPerSecond(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        # resumed documents count as done but not into docs/s (no speed sample for them)
        self.task = self.progress.add_task("documents", total=total, completed=already_done)

    def start(self) -> None:
        self.progress.start()

    def advance(self, n: int) -> None:
        self.progress.advance(self.task, n)

    def stop(self) -> None:
        self.progress.stop()
