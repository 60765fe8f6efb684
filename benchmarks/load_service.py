"""Load run against the HTTP service: N concurrent clients POST a ~3 KB German text for D s.

    .venv/bin/python benchmarks/load_service.py                  # starts its own server
    .venv/bin/python benchmarks/load_service.py --duration 60 --clients 4 --json-out out/load.json
    .venv/bin/python benchmarks/load_service.py --url http://127.0.0.1:8000   # a running server

It starts ``uvicorn service.app:create_app --factory`` on a free loopback port (the same app
``aushang serve`` runs), warms it up, then runs the clients (threads, one keep-alive
``httpx.Client`` each) and samples the server's RSS (with its children) every 100 ms.
Reported: requests, errors, requests/s, latency p50/p90/p99/max (ms), idle and peak RSS (MB).
Only loopback targets are accepted: this is a benchmark, not a load generator for others.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
FILLER = (
    "Weitere Informationen erhalten Sie im Bürgerbüro der Stadtverwaltung, montags bis freitags "
    "von 8:00 bis 12:00 Uhr, telefonisch unter (0631) 365-4471 oder per E-Mail."
)


def document(size: int = 3072) -> str:
    """The benchmark text: the shipped example announcement, padded to ``size`` bytes."""
    text = (ROOT / "examples" / "werkstatt-kaiserslautern.txt").read_text(encoding="utf-8").rstrip()
    while len(text.encode("utf-8")) < size:
        text += "\n\n" + FILLER
    return text


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, log_path: Path, access_log: bool, workers: int = 1) -> subprocess.Popen:
    env = dict(os.environ)
    env.setdefault("AUSHANG_PIPELINE", "auto")
    cmd = [sys.executable, "-m", "uvicorn", "service.app:create_app", "--factory",
           "--host", "127.0.0.1", "--port", str(port)]
    if not access_log:
        cmd.append("--no-access-log")
    if workers > 1:
        cmd += ["--workers", str(workers)]
    log = log_path.open("wb")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}; see {log_path}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not come up within 60 s")


class RssSampler(threading.Thread):
    def __init__(self, pid: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.proc = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self.stop = threading.Event()

    def current(self) -> int:
        total = 0
        for p in [self.proc, *self.proc.children(recursive=True)]:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        return total

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, self.current())
            time.sleep(self.interval)


def client(url: str, body: bytes, until: float, latencies: list, errors: list) -> None:
    headers = {"content-type": "application/json"}
    with httpx.Client(timeout=30) as http:
        while time.monotonic() < until:
            t0 = time.perf_counter()
            try:
                r = http.post(url, content=body, headers=headers)
                ok = r.status_code == 200 and r.content.startswith(b'{"schema_version"')
            except httpx.HTTPError as exc:
                ok, r = False, exc
            dt = time.perf_counter() - t0
            if ok:
                latencies.append(dt)
            else:
                errors.append(getattr(r, "status_code", repr(r)))


def in_process_ms(size: int, runs: int = 30) -> dict:
    """Median/p90 of Extractor.extract on the benchmark text in a fresh process: the floor
    for the service's latency (one document at a time, no HTTP)."""
    code = (
        "import json, statistics, sys, time\n"
        "sys.path.insert(0, 'benchmarks')\n"
        "from load_service import document\n"
        "from extractor import Extractor\n"
        f"e = Extractor(); t = document({size}); [e.extract(t, reference_date='2024-07-01') for _ in range(5)]\n"
        "xs = []\n"
        f"for _ in range({runs}):\n"
        "    t0 = time.perf_counter(); e.extract(t, reference_date='2024-07-01'); xs.append(time.perf_counter() - t0)\n"
        "xs.sort(); print(json.dumps({'p50': round(xs[len(xs)//2]*1000, 1), 'p90': round(xs[int(len(xs)*0.9)]*1000, 1)}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, round(p / 100 * len(sorted_values) + 0.5) - 1))
    return sorted_values[k]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--duration", type=float, default=60.0)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--size", type=int, default=3072, help="bytes of text per request")
    ap.add_argument("--url", help="a running server (loopback only); default: start one")
    ap.add_argument("--no-access-log", action="store_true", help="start the server without access log")
    ap.add_argument("--workers", type=int, default=1, help="uvicorn worker processes of the started server")
    ap.add_argument("--json-out", type=Path)
    ap.add_argument("--baseline", action="store_true",
                    help="first time the same text in-process (no HTTP), in a subprocess")
    args = ap.parse_args(argv)
    baseline = in_process_ms(args.size) if args.baseline else None

    server = None
    if args.url:
        host = urlsplit(args.url).hostname
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise SystemExit("only loopback servers may be load-tested")
        base = args.url.rstrip("/")
        pid = None
    else:
        port = free_port()
        log_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"aushang-load-{port}.log"
        server = start_server(port, log_path, access_log=not args.no_access_log, workers=args.workers)
        base, pid = f"http://127.0.0.1:{port}", server.pid
    try:
        text = document(args.size)
        body = json.dumps({"text": text, "reference_date": "2024-07-01"}, ensure_ascii=False).encode()
        health = httpx.get(base + "/health", timeout=5).json()
        for _ in range(20):  # warm-up, not measured
            httpx.post(base + "/extract", content=body, headers={"content-type": "application/json"}, timeout=30)
        sampler = RssSampler(pid) if pid else None
        idle_rss = sampler.current() if sampler else 0
        if sampler:
            sampler.start()
        latencies: list[float] = []
        errors: list = []
        started = time.monotonic()
        until = started + args.duration
        threads = [threading.Thread(target=client, args=(base + "/extract", body, until, latencies, errors))
                   for _ in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        if sampler:
            sampler.stop.set()
            sampler.join()
        lat = sorted(latencies)
        report = {
            "clients": args.clients,
            "duration_s": round(elapsed, 1),
            "text_bytes": len(text.encode("utf-8")),
            "pipeline": health.get("pipeline"),
            "model": health.get("model"),
            "requests": len(lat) + len(errors),
            "errors": len(errors),
            "error_samples": errors[:5],
            "requests_per_s": round((len(lat) + len(errors)) / elapsed, 1),
            "latency_ms": {
                "p50": round(percentile(lat, 50) * 1000, 1),
                "p90": round(percentile(lat, 90) * 1000, 1),
                "p99": round(percentile(lat, 99) * 1000, 1),
                "max": round(lat[-1] * 1000, 1) if lat else None,
                "mean": round(statistics.fmean(lat) * 1000, 1) if lat else None,
            },
            "server_rss_mb": {
                "idle": round(idle_rss / 2**20, 1) if sampler else None,
                "peak": round(sampler.peak / 2**20, 1) if sampler else None,
            },
            "server_access_log": not args.no_access_log if server else None,
            "in_process_extract_ms": baseline,
        }
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
    print(json.dumps(report, indent=2, ensure_ascii=False))
    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return 0 if report["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
