"""Rewrite the evaluation section of README.md from a fresh run of `aushang evaluate` on the
test split: the pipeline and both baselines, so the README's numbers always come from a run.

    .venv/bin/python benchmarks/update_readme.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

START, END = "<!-- evaluation:start -->", "<!-- evaluation:end -->"


def main() -> None:
    from extractor.evaluate import evaluate, format_table
    from extractor.pipeline import get_nlp

    corpus = ROOT / "corpus"
    reports = {name: evaluate(corpus, "test", name) for name in ("aushang", "dateparser", "ctparse")}
    _, desc = get_nlp()
    ours = reports["aushang"].as_dict()
    lines = [
        START,
        f"Test split of `corpus/` ({ours['documents']} documents never tuned on), pipeline "
        f"`{desc.name}` ({desc.model}); regenerate with `.venv/bin/python benchmarks/update_readme.py`.",
        "",
        "| field | aushang P | R | F1 | dateparser F1 | ctparse F1 |",
        "|---|---|---|---|---|---|",
    ]
    base = {k: v.as_dict()["fields"] for k, v in reports.items() if k != "aushang"}
    for name, s in ours["fields"].items():
        dp = base["dateparser"].get(name, {}).get("f1")
        ct = base["ctparse"].get(name, {}).get("f1")
        fmt = lambda x: f"{x:.3f}" if x is not None else "–"  # noqa: E731
        lines.append(f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {fmt(dp)} | {fmt(ct)} |")
    lines += ["", "| event attribute (accuracy on matched events) | aushang | n |", "|---|---|---|"]
    for name, s in ours["event_attributes"].items():
        lines.append(f"| {name} | {s['accuracy']:.3f} | {s['n']} |")
    leaks = {k: v.as_dict()["boilerplate_dates_leaked"] for k, v in reports.items()}
    lines += [
        "",
        "Boilerplate dates reported (dates that occur only in page furniture): "
        + ", ".join(f"{k} {v}" for k, v in leaks.items()) + ".",
        END,
    ]
    readme = (ROOT / "README.md").read_text()
    block = "\n".join(lines)
    if START in readme:
        readme = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda m: block, readme, flags=re.S)
    else:
        readme += "\n## Evaluation\n\n" + block + "\n"
    (ROOT / "README.md").write_text(readme)
    print(format_table(reports["aushang"]))


if __name__ == "__main__":
    main()
