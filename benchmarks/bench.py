"""Speed and memory of aushang's ``extract`` against the baselines, on the corpus repeated to
N documents (default 2,000).

Prints documents per second (one process, and with worker processes for aushang), peak
resident memory and per-document latency percentiles, then the ratios. Each system runs in a
fresh subprocess so that peak RSS is its own. Figures are printed, never asserted: compare the
ratios of one run, this machine is shared and noisy.

    .venv/bin/python benchmarks/bench.py                 # all systems, 2,000 documents
    .venv/bin/python benchmarks/bench.py --docs 500 --systems aushang dateparser
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def load_docs(n: int) -> list[dict]:
    from extractor.evaluate import load_corpus

    base = [
        {"id": d.id, "kind": d.kind, "content": d.read(), "reference_date": d.gold["reference_date"]}
        for d in load_corpus(ROOT / "corpus", "all")
    ]
    return [dict(base[i % len(base)], id=f"{base[i % len(base)]['id']}#{i}") for i in range(n)]


# -- workers -----------------------------------------------------------------------------------

_extractor = None


def _init_worker() -> None:
    global _extractor
    from extractor import Extractor

    _extractor = Extractor()


def _run_one(doc: dict) -> float:
    started = time.perf_counter()
    kw = {"html" if doc["kind"] == "html" else "text": doc["content"]}
    try:
        _extractor.extract(reference_date=doc["reference_date"], **kw)
    except Exception:
        pass
    return time.perf_counter() - started


def _baseline_runner(name: str):
    from extractor.evaluate import GoldDoc, SYSTEMS

    system = SYSTEMS[name]()

    class _Doc(GoldDoc):
        def __init__(self, d):
            super().__init__(d["id"], Path("-"), d["kind"], {"reference_date": d["reference_date"]})
            self._content = d["content"]

        def read(self) -> str:
            return self._content

    return lambda d: system(_Doc(d))


def measure(system: str, docs: list[dict], workers: int) -> dict:
    """Runs inside the subprocess for one system."""
    latencies: list[float] = []
    load_started = time.perf_counter()
    if system == "aushang":
        if workers > 1:
            from multiprocessing import get_context

            ctx = get_context("fork" if sys.platform != "win32" else "spawn")
            with ctx.Pool(workers, initializer=_init_worker) as pool:
                pool.map(_run_one, docs[: workers * 2])  # warm every worker (pipeline load)
                started = time.perf_counter()
                latencies = list(pool.imap(_run_one, docs, chunksize=8))
                elapsed = time.perf_counter() - started
        else:
            _init_worker()
            load_seconds = time.perf_counter() - load_started
            _run_one(docs[0])
            started = time.perf_counter()
            latencies = [_run_one(d) for d in docs]
            elapsed = time.perf_counter() - started
    else:
        run = _baseline_runner(system)
        run(docs[0])
        started = time.perf_counter()
        for d in docs:
            t = time.perf_counter()
            try:
                run(d)
            except Exception:
                pass
            latencies.append(time.perf_counter() - t)
        elapsed = time.perf_counter() - started
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    lat = sorted(latencies)
    pct = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000  # noqa: E731
    return {
        "system": system,
        "workers": workers,
        "documents": len(docs),
        "seconds": round(elapsed, 2),
        "docs_per_second": round(len(docs) / elapsed, 1),
        "latency_ms": {
            "p50": round(pct(0.50), 2),
            "p90": round(pct(0.90), 2),
            "p99": round(pct(0.99), 2),
            "mean": round(statistics.fmean(lat) * 1000, 2),
        },
        "peak_rss_mb": round(max(rss_self, rss_children), 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--systems", nargs="+", default=["aushang", "dateparser", "ctparse"])
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--_child", nargs=2, metavar=("SYSTEM", "WORKERS"), help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args._child:
        docs = load_docs(args.docs)
        print(json.dumps(measure(args._child[0], docs, int(args._child[1]))))
        return

    runs = []
    plan = []
    for s in args.systems:
        plan.append((s, 1))
        if s == "aushang" and args.workers > 1:
            plan.append((s, args.workers))
    for system, workers in plan:
        print(f"running {system} ({workers} process{'es' if workers > 1 else ''}, {args.docs} documents) …",
              file=sys.stderr, flush=True)
        out = subprocess.run(
            [sys.executable, __file__, "--docs", str(args.docs), "--_child", system, str(workers)],
            capture_output=True, text=True, env={**os.environ, "AUSHANG_PIPELINE": os.environ.get("AUSHANG_PIPELINE", "auto")},
        )
        if out.returncode != 0:
            print(out.stderr[-2000:], file=sys.stderr)
            continue
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))

    if args.json:
        print(json.dumps(runs, indent=2))
        return
    print(f"\n{'system':<12} {'procs':>5} {'docs':>6} {'docs/s':>8} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'peak RSS MB':>12}")
    for r in runs:
        lat = r["latency_ms"]
        print(f"{r['system']:<12} {r['workers']:>5} {r['documents']:>6} {r['docs_per_second']:>8.1f} "
              f"{lat['p50']:>8.2f} {lat['p90']:>8.2f} {lat['p99']:>8.2f} {r['peak_rss_mb']:>12.1f}")
    ours = next((r for r in runs if r["system"] == "aushang" and r["workers"] == 1), None)
    if ours:
        print()
        for r in runs:
            if r is ours:
                continue
            print(f"aushang (1 process) vs {r['system']} ({r['workers']} proc): "
                  f"{ours['docs_per_second'] / r['docs_per_second']:.2f}x the documents per second")


if __name__ == "__main__":
    main()
