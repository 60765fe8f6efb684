"""The ``aushang`` command line. It parses arguments and delegates: batch loops live in
``batch``, evaluation in ``evaluate``, the service in ``service``."""

from __future__ import annotations

import json
import logging
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .errors import AushangError, ErrorCode, InputError

app = typer.Typer(
    name="aushang",
    help="Turn German civic announcements into structured, calendar-ready data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    json = "json"
    ics = "ics"
    jsonld = "jsonld"
    csv = "csv"


class PipelineOption(str, Enum):
    auto = "auto"
    full = "full"
    blank = "blank"


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"aushang: error: {message}", err=True)
    raise typer.Exit(code)


def _setup(pipeline: Optional[PipelineOption], verbose: bool) -> None:
    import os

    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if pipeline is not None:
        os.environ["AUSHANG_PIPELINE"] = pipeline.value
        from .settings import get_settings

        get_settings.cache_clear()


def read_input(source: str) -> dict[str, str]:
    """INPUT of ``aushang extract`` → {"text"|"html"|"url": ...}."""
    from .clean import decode_bytes

    if source.startswith(("http://", "https://")):
        return {"url": source}
    if source == "-":
        data = sys.stdin.buffer.read()
        text = decode_bytes(data)
        return {"html": text} if _is_html(text) else {"text": text}
    path = Path(source)
    if not path.exists():
        raise InputError(ErrorCode.NOT_FOUND, f"no such file: {source}")
    if path.is_dir():
        raise InputError(ErrorCode.BAD_REQUEST, f"{source} is a directory (use 'aushang batch')")
    text = decode_bytes(path.read_bytes())
    if path.suffix.lower() in (".html", ".htm", ".xhtml") or _is_html(text):
        return {"html": text}
    return {"text": text}


def _is_html(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in text[:5000].lower()


@app.command()
def extract(
    input: str = typer.Argument(..., help="a .txt or .html file, a URL, or - for stdin"),
    reference_date: Optional[str] = typer.Option(
        None, "--reference-date", help="the document's 'today' (YYYY-MM-DD)"
    ),
    format: OutputFormat = typer.Option(
        OutputFormat.json, "--format",
        help="json (the result), ics (iCalendar), jsonld (schema.org Events) or csv (a row per session)",
    ),
    pipeline: Optional[PipelineOption] = typer.Option(
        None, "--pipeline", help="auto (default), full (de_core_news_md) or blank"
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="log what runs"),
) -> None:
    """Extract one announcement and print the result (JSON) or an iCalendar file."""
    _setup(pipeline, verbose)
    from .core import extract as run

    try:
        doc = read_input(input)
        result = run(reference_date=reference_date, **doc)
    except AushangError as exc:
        _fail(f"{exc.code.value}: {exc.message}")
    if format is OutputFormat.ics:
        from .ical import to_ical

        sys.stdout.write(to_ical([result]).decode("utf-8"))
    elif format is OutputFormat.jsonld:
        from .schemaorg import to_jsonld

        typer.echo(json.dumps(to_jsonld(result), ensure_ascii=False, indent=2))
    elif format is OutputFormat.csv:
        from .export import to_csv

        sys.stdout.write(to_csv([result]))
    else:
        typer.echo(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2))


@app.command()
def batch(
    input: Path = typer.Argument(..., help="a directory of .txt/.html files, or a .jsonl file of requests"),
    output: Path = typer.Option(..., "--output", "-o", help="OUT.jsonl: one line per document"),
    ics: Optional[Path] = typer.Option(None, "--ics", help="also write all events to this .ics file"),
    workers: int = typer.Option(1, "--workers", "-w", min=1, max=64, help="worker processes"),
    resume: bool = typer.Option(False, "--resume", help="skip ids already complete in OUT.jsonl"),
    reference_date: Optional[str] = typer.Option(
        None, "--reference-date", help="default 'today' for documents that give none"
    ),
    pipeline: Optional[PipelineOption] = typer.Option(None, "--pipeline"),
    progress: Optional[bool] = typer.Option(
        None, "--progress/--no-progress", help="progress bar (default: on a terminal)"
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v"),
) -> None:
    """Extract many documents; a broken one gets an error line and the batch goes on."""
    _setup(pipeline, verbose)
    from .batch import run_batch

    try:
        summary = run_batch(
            input,
            output,
            ics_path=ics,
            workers=workers,
            resume=resume,
            reference_date=reference_date,
            progress=sys.stderr.isatty() if progress is None else progress,
        )
    except AushangError as exc:
        _fail(f"{exc.code.value}: {exc.message}")
    typer.echo(
        f"{summary.ok} ok, {summary.failed} failed, {summary.skipped} skipped "
        f"({summary.seconds:.1f} s, {summary.docs_per_second:.1f} docs/s) -> {output}",
        err=True,
    )
    if summary.interrupted:
        typer.echo(f"aushang: interrupted; rerun with --resume to complete {output}", err=True)
        raise typer.Exit(130)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
    workers: int = typer.Option(1, "--workers", help="uvicorn worker processes"),
    pipeline: Optional[PipelineOption] = typer.Option(None, "--pipeline"),
    verbose: bool = typer.Option(False, "--verbose", "-v"),
) -> None:
    """Run the HTTP service (POST /extract, GET /health, /docs)."""
    _setup(pipeline, verbose)
    import uvicorn

    uvicorn.run("service.app:create_app", factory=True, host=host, port=port, workers=workers)


@app.command()
def evaluate(
    corpus: Path = typer.Argument(Path("corpus"), help="the corpus directory"),
    split: str = typer.Option("test", "--split", help="test, dev or all"),
    as_json: bool = typer.Option(False, "--json", help="print the scores as JSON"),
    check: bool = typer.Option(False, "--check", help="fail when a score is below its pinned floor"),
    baseline: Optional[str] = typer.Option(
        None, "--baseline", help="score a baseline instead: dateparser or ctparse"
    ),
    floors: Optional[Path] = typer.Option(None, "--floors", help="floors file (default CORPUS/floors.json)"),
    pipeline: Optional[PipelineOption] = typer.Option(None, "--pipeline"),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="per-document differences"),
) -> None:
    """Score the pipeline (or a baseline) against the annotated corpus."""
    _setup(pipeline, False)
    from .evaluate import run_cli

    code = run_cli(corpus, split=split, as_json=as_json, check=check, baseline=baseline,
                   floors_path=floors, verbose=verbose)
    raise typer.Exit(code)


def main() -> None:  # console script entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
