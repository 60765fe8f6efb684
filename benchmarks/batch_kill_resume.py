"""Kill-and-resume run of ``aushang batch``: N documents (one corrupt), SIGKILL in the middle,
``--resume``, then check that every id is in the output exactly once, in input order.

    .venv/bin/python benchmarks/batch_kill_resume.py --docs 2000 --workers 2 [--json-out F]

The documents are variations of examples/werkstatt-kaiserslautern.txt (~2.8 KB each) in two
folders; document 1234 (or the middle one) is a binary file. The whole job (parent,
forkserver, workers) is killed with SIGKILL once ``--kill-at`` of the lines are written.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]


def make_corpus(root: Path, n: int, corrupt_at: int) -> list[str]:
    example = (ROOT / "examples" / "werkstatt-kaiserslautern.txt").read_text(encoding="utf-8")
    ids = []
    for i in range(n):
        sub = root / f"part{i % 2}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"doc{i:05d}.txt"
        if i == corrupt_at:
            path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
        else:
            text = example.replace("24. Juli", f"{i % 28 + 1}. {MONTHS[i % 12]}")
            path.write_text(text + f"\n\nAushang Nr. {i}.\n", encoding="utf-8")
        ids.append(f"part{i % 2}/{path.name}")
    return sorted(ids)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--kill-at", type=float, default=0.5, help="fraction of lines written before SIGKILL")
    ap.add_argument("--json-out", type=Path)
    args = ap.parse_args(argv)
    corrupt_at = min(1234, args.docs // 2)

    with tempfile.TemporaryDirectory(prefix="aushang-batch-") as tmp:
        src, out = Path(tmp) / "in", Path(tmp) / "out.jsonl"
        ids = make_corpus(src, args.docs, corrupt_at)
        env = {**os.environ, "AUSHANG_PIPELINE": os.environ.get("AUSHANG_PIPELINE", "blank")}
        cmd = [sys.executable, "-m", "extractor.cli", "batch", str(src), "--output", str(out),
               "--workers", str(args.workers), "--no-progress", "--reference-date", "2024-07-01"]

        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=subprocess.PIPE, start_new_session=True)
        target = int(args.docs * args.kill_at)
        while proc.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= target:
                break
            time.sleep(0.05)
        if proc.poll() is not None:
            raise SystemExit("the batch ended before it could be killed")
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        first_s = time.monotonic() - t0
        data = out.read_bytes()
        lines_at_kill = data.count(b"\n")
        partial_bytes = len(data) - (data.rfind(b"\n") + 1)

        t1 = time.monotonic()
        rerun = subprocess.run(cmd + ["--resume"], cwd=ROOT, env=env, capture_output=True, text=True)
        second_s = time.monotonic() - t1
        if rerun.returncode != 0:
            raise SystemExit(rerun.stderr)

        data = out.read_bytes()
        lines = [json.loads(x) for x in data.splitlines()]
        got = [x["id"] for x in lines]
        errors = [x for x in lines if "error" in x]
        report = {
            "docs": args.docs,
            "workers": args.workers,
            "lines_when_killed": lines_at_kill,
            "partial_line_bytes_when_killed": partial_bytes,
            "first_run_s": round(first_s, 1),
            "resume_run_s": round(second_s, 1),
            "resume_summary": rerun.stderr.strip().splitlines()[-1],
            "lines_total": len(lines),
            "every_id_exactly_once": sorted(got) == ids and len(set(got)) == len(got),
            "input_order": got == ids,
            "ends_with_newline": data.endswith(b"\n"),
            "error_lines": [{"id": e["id"], "code": e["error"]["code"]} for e in errors],
        }
    print(json.dumps(report, indent=2, ensure_ascii=False))
    if args.json_out:
        args.json_out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    ok = report["every_id_exactly_once"] and report["input_order"] and len(errors) == 1
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
