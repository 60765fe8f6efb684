"""``aushang evaluate``: score the pipeline, or a baseline, against the annotated corpus.

Per field: precision, recall and F1 (sessions to the minute or the day, date mentions as a set
of days, organisations and persons by normalised, inflection-tolerant names, e-mails, phones,
URLs); event attributes as accuracy on matched events; boilerplate dates leaked as a count.
``--check`` compares with the floors pinned in ``corpus/floors.json``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

# -- corpus ------------------------------------------------------------------------------------

TEST_SHARE = 2  # of 5: about 40 % of the non-seed documents are test documents


def email_key(value: str) -> str:
    """An e-mail address compared without case and with its spam guard read as written for
    people ("rbt.sw(at)freiwilligen-agentur.de" is "rbt.sw@freiwilligen-agentur.de")."""
    v = value.strip().lower()
    v = re.sub(r"\s*(?:\(at\)|\[at\]|\{at\})\s*", "@", v)
    return re.sub(r"\s*(?:\(dot\)|\[dot\])\s*", ".", v)


def split_of(doc_id: str) -> str:
    """The split a document belongs to: drawn by a hash of its id, the seeds are dev."""
    if doc_id.startswith("00"):
        return "dev"
    return "test" if int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 5 < TEST_SHARE else "dev"


@dataclass
class GoldDoc:
    id: str
    path: Path
    kind: str  # text | html
    gold: dict

    @property
    def split(self) -> str:
        s = self.gold.get("split")
        return s if s in ("dev", "test") else split_of(self.id)

    def read(self) -> str:
        from .clean import decode_bytes

        return decode_bytes(self.path.read_bytes())


def load_corpus(corpus: Path, split: str = "all") -> list[GoldDoc]:
    docs = []
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_id = gold.get("id") or gold_path.stem
        html = corpus / "documents" / f"{doc_id}.html"
        txt = corpus / "documents" / f"{doc_id}.txt"
        path, kind = (html, "html") if html.exists() else (txt, "text")
        if not path.exists():
            raise FileNotFoundError(f"gold {gold_path.name} has no document {txt.name} or {html.name}")
        doc = GoldDoc(doc_id, path, kind, gold)
        if split in ("all", doc.split):
            docs.append(doc)
    return docs


# -- normalisation -----------------------------------------------------------------------------

_TITLES = re.compile(r"\b(?:Dr|Prof|Dipl|Ing|med|phil|rer|nat|jur|h\.c)\.\s*", re.I)
_ENDINGS = ("ern", "en", "er", "es", "em", "e", "n", "s")


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower().replace("ß", "ss")
    return re.sub(r"[„“”\"'’‚‘»«()]", "", s)


def org_key(name: str) -> str:
    """Inflection-tolerant key: "Deutschen Stiftung" and "Deutsche Stiftung" agree."""
    words = re.findall(r"[\wäöü]+-?", _fold(name))
    out = []
    for w in words:
        if w in {"der", "die", "das", "des", "dem", "den"} and not out:
            continue  # a leading article
        stem = w
        for e in _ENDINGS:
            if len(stem) > 4 and stem.endswith(e):
                stem = stem[: -len(e)]
                break
        out.append(stem)
    return " ".join(out)


def align_aliases(gold: set[str], pred: set[str], aliases: dict[str, set[str]]) -> set[str]:
    """``pred`` with each unmatched key replaced by an unmatched gold key it was also written
    as (an acronym alone is the same organisation: gold "DRK", predicted "Deutsches Rotes
    Kreuz" from the mention "DRK")."""
    open_gold = gold - pred
    out = set()
    for key in sorted(pred):
        if key not in gold:
            hit = sorted(aliases.get(key, set()) & open_gold)
            if hit:
                open_gold.discard(hit[0])
                key = hit[0]
        out.add(key)
    return out


def person_key(name: str) -> str:
    return " ".join(_fold(_TITLES.sub("", name)).split())


def url_key(url: str) -> str:
    u = url.strip().lower()
    u = re.sub(r"^https?://", "", u)
    u = re.sub(r"^www\.", "", u)
    return u.rstrip("/")


def text_key(s: Optional[str]) -> Optional[str]:
    if s is None:
        return None
    s = _fold(s)
    s = re.sub(r"^(?:im|in der|in dem|in den|ins|am|an der|auf dem|beim|bei der|raum|zimmer|zi\.)\s+", "", s)
    return " ".join(s.replace(",", " ").split()) or None


def session_key(value: Any) -> Optional[str]:
    """'2024-07-24T13:00' to the minute, or the day for all-day sessions."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    s = str(value)
    return s[:16] if "T" in s else s[:10]


# -- scores ------------------------------------------------------------------------------------


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: Iterable, pred: Iterable) -> tuple[list, list]:
        g, p = Counter(gold), Counter(pred)
        tp = sum((g & p).values())
        self.tp += tp
        self.fp += sum(p.values()) - tp
        self.fn += sum(g.values()) - tp
        return sorted((p - g).elements()), sorted((g - p).elements())

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:  # nothing predicted: perfect only if nothing was to find
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.tp + self.fn,
            "predicted": self.tp + self.fp,
        }


@dataclass
class Acc:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0

    def as_dict(self) -> dict:
        return {"accuracy": round(self.accuracy, 4), "n": self.total}


PRF_FIELDS = ["events", "sessions", "dates", "organizations", "persons", "emails", "phones", "urls"]
ACC_FIELDS = ["location", "room", "online", "capacity", "free_of_charge",
              "registration_email", "registration_phone", "session_end"]


@dataclass
class Prediction:
    """What a system predicted for one document, in gold terms."""

    sessions: list[str] = field(default_factory=list)
    dates: set[str] = field(default_factory=set)
    events: list[dict] = field(default_factory=list)  # gold-shaped events
    organizations: set[str] = field(default_factory=set)
    #: per organisation key, the keys of the other forms it was written in (its acronym, the
    #: texts of its mentions): gold "DRK" is the organisation predicted as "Deutsches Rotes Kreuz"
    org_aliases: dict[str, set[str]] = field(default_factory=dict)
    persons: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    urls: set[str] = field(default_factory=set)
    temporal_only: bool = False


@dataclass
class Report:
    system: str
    split: str
    documents: int = 0
    prf: dict[str, PRF] = field(default_factory=lambda: {f: PRF() for f in PRF_FIELDS})
    acc: dict[str, Acc] = field(default_factory=lambda: {f: Acc() for f in ACC_FIELDS})
    boilerplate_leaked: int = 0
    errors: dict[str, str] = field(default_factory=dict)
    per_doc: dict[str, dict] = field(default_factory=dict)
    seconds: float = 0.0
    temporal_only: bool = False

    def as_dict(self) -> dict:
        fields = PRF_FIELDS if not self.temporal_only else ["sessions", "dates"]
        return {
            "system": self.system,
            "split": self.split,
            "documents": self.documents,
            "fields": {f: self.prf[f].as_dict() for f in fields},
            "event_attributes": {} if self.temporal_only else {f: self.acc[f].as_dict() for f in ACC_FIELDS},
            "boilerplate_dates_leaked": self.boilerplate_leaked,
            "errors": self.errors,
            "seconds": round(self.seconds, 2),
        }


def _prediction_from_result(result) -> Prediction:
    data = result.model_dump(mode="json")
    pred = Prediction()
    for ev in data["events"]:
        sessions = [
            {"start": session_key(s["start"]), "end": session_key(s["end"])} for s in ev["sessions"]
        ]
        pred.sessions.extend(s["start"] for s in sessions)
        loc = ev.get("location") or {}
        reg = ev.get("registration") or {}
        pred.events.append(
            {
                "sessions": sessions,
                "location": loc.get("name"),
                "room": loc.get("room"),
                "online": bool(loc.get("online")),
                "capacity": ev.get("capacity"),
                "free_of_charge": ev.get("free_of_charge"),
                "registration_email": reg.get("email"),
                "registration_phone": reg.get("phone"),
            }
        )
    for m in data["mentions"]["dates"]:
        v = m["value"]
        if isinstance(v, dict):
            pred.dates.update({v["start"], v["end"]})
        else:
            pred.dates.add(v)
    pred.organizations = {org_key(o["name"]) for o in data["organizations"]}
    for o in data["organizations"]:
        forms = {o.get("acronym") or ""} | {
            m["text"] for m in data["mentions"]["organizations"] if m["value"] == o["name"]}
        pred.org_aliases[org_key(o["name"])] = {org_key(f) for f in forms if f} - {org_key(o["name"])}
    pred.persons = {person_key(p["name"]) for p in data["persons"]}
    pred.emails = {email_key(m["value"]) for m in data["mentions"]["emails"]}
    pred.phones = {m["value"] for m in data["mentions"]["phones"] if m.get("kind", "phone") != "fax"}
    pred.urls = {url_key(m["value"]) for m in data["mentions"]["urls"]}
    return pred


def _match_events(gold_events: list[dict], pred_events: list[dict]) -> list[tuple[dict, dict]]:
    """Greedy matching by shared session starts (then shared days)."""
    pairs = []
    used: set[int] = set()
    scored = []
    for gi, g in enumerate(gold_events):
        gs = {session_key(s["start"]) for s in g["sessions"]}
        gd = {s[:10] for s in gs if s}
        for pi, p in enumerate(pred_events):
            ps = {s["start"] for s in p["sessions"]}
            pd = {s[:10] for s in ps if s}
            score = 2 * len(gs & ps) + len(gd & pd)
            if score:
                scored.append((score, gi, pi))
    taken_g: set[int] = set()
    for score, gi, pi in sorted(scored, key=lambda x: -x[0]):
        if gi in taken_g or pi in used:
            continue
        taken_g.add(gi)
        used.add(pi)
        pairs.append((gold_events[gi], pred_events[pi]))
    return pairs


def _norm_room(v: Optional[str]) -> Optional[str]:
    k = text_key(v)
    return k.replace(" ", "") if k else None


def _loc_ok(gold: Optional[str], pred: Optional[str]) -> bool:
    g, p = text_key(gold), text_key(pred)
    if g is None or p is None:
        return g == p
    return g == p or g in p or p in g


def score_document(report: Report, doc: GoldDoc, pred: Prediction) -> dict:
    gold = doc.gold
    diff: dict[str, Any] = {}
    g_sessions = [session_key(s["start"]) for e in gold.get("events", []) for s in e["sessions"]]
    diff["sessions"] = report.prf["sessions"].add(g_sessions, pred.sessions)
    diff["dates"] = report.prf["dates"].add(set(gold.get("dates", [])), pred.dates)
    leaked = (pred.dates & set(gold.get("boilerplate_dates", []))) - set(gold.get("dates", []))
    report.boilerplate_leaked += len(leaked)
    if leaked:
        diff["boilerplate_leaked"] = sorted(leaked)
    if pred.temporal_only:
        return diff
    pairs = _match_events(gold.get("events", []), pred.events)
    tp = len(pairs)
    report.prf["events"].tp += tp
    report.prf["events"].fp += len(pred.events) - tp
    report.prf["events"].fn += len(gold.get("events", [])) - tp
    diff["events"] = (len(pred.events) - tp, len(gold.get("events", [])) - tp)
    wrong: list[str] = []
    for g, p in pairs:
        checks = {
            "location": _loc_ok(g.get("location"), p["location"]),
            "room": _norm_room(g.get("room")) == _norm_room(p["room"]),
            "online": bool(g.get("online")) == p["online"],
            "capacity": g.get("capacity") == p["capacity"],
            "free_of_charge": g.get("free_of_charge") == p["free_of_charge"],
            "registration_email": email_key(g.get("registration_email") or "") == email_key(p["registration_email"] or ""),
            "registration_phone": g.get("registration_phone") == p["registration_phone"],
        }
        for name, ok in checks.items():
            report.acc[name].add(ok)
            if not ok:
                wrong.append(f"{name}: gold {g.get(name)!r}, got {p[name]!r}")
        p_ends = {s["start"]: s["end"] for s in p["sessions"]}
        for s in g["sessions"]:
            k = session_key(s["start"])
            if k in p_ends:
                report.acc["session_end"].add(session_key(s.get("end")) == p_ends[k])
    diff["attributes"] = wrong
    gold_orgs = {org_key(o) for o in gold.get("organizations", [])}
    diff["organizations"] = report.prf["organizations"].add(
        gold_orgs, align_aliases(gold_orgs, pred.organizations, pred.org_aliases)
    )
    diff["persons"] = report.prf["persons"].add(
        {person_key(p) for p in gold.get("persons", [])}, pred.persons
    )
    diff["emails"] = report.prf["emails"].add({email_key(e) for e in gold.get("emails", [])}, pred.emails)
    diff["phones"] = report.prf["phones"].add(set(gold.get("phones", [])), pred.phones)
    diff["urls"] = report.prf["urls"].add({url_key(u) for u in gold.get("urls", [])}, pred.urls)
    return diff


# -- systems -----------------------------------------------------------------------------------

System = Callable[[GoldDoc], Prediction]


def aushang_system() -> System:
    from .core import Extractor

    extractor = Extractor()

    def run(doc: GoldDoc) -> Prediction:
        kw = {"html" if doc.kind == "html" else "text": doc.read()}
        return _prediction_from_result(extractor.extract(reference_date=doc.gold["reference_date"], **kw))

    return run


def _plain_text(doc: GoldDoc) -> str:
    text = doc.read()
    if doc.kind == "html":
        import trafilatura

        text = trafilatura.html2txt(text) or ""
    return text


def dateparser_system() -> System:
    """What a user would otherwise write: ``search_dates`` over the whole text."""
    from dateparser.search import search_dates

    def run(doc: GoldDoc) -> Prediction:
        ref = dt.datetime.fromisoformat(doc.gold["reference_date"])
        found = search_dates(
            _plain_text(doc),
            languages=["de"],
            settings={"RELATIVE_BASE": ref, "PREFER_DATES_FROM": "future"},
        ) or []
        pred = Prediction(temporal_only=True)
        for _, value in found:
            pred.dates.add(value.date().isoformat())
            pred.sessions.append(
                value.date().isoformat() if (value.hour, value.minute) == (0, 0) else session_key(value)
            )
        return pred

    return run


def ctparse_system() -> System:
    """ctparse, sentence by sentence."""
    import logging

    from ctparse import ctparse
    from ctparse.types import Interval, Time

    logging.getLogger("ctparse").setLevel(logging.ERROR)

    def run(doc: GoldDoc) -> Prediction:
        ref = dt.datetime.fromisoformat(doc.gold["reference_date"])
        pred = Prediction(temporal_only=True)
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", _plain_text(doc)):
            if not sentence.strip() or not re.search(r"\d|heute|morgen", sentence):
                continue
            try:
                parsed = ctparse(sentence[:300], ts=ref, timeout=1.0)
            except Exception:
                continue
            if parsed is None:
                continue
            res = parsed.resolution
            t = res.start if isinstance(res, Interval) else res
            if not isinstance(t, Time) or not t.hasDate:
                continue
            try:
                day = dt.date(t.year, t.month, t.day)
            except (TypeError, ValueError):
                continue
            pred.dates.add(day.isoformat())
            if t.hasTime and t.hour is not None:
                pred.sessions.append(f"{day.isoformat()}T{t.hour:02d}:{(t.minute or 0):02d}")
            else:
                pred.sessions.append(day.isoformat())
        return pred

    return run


SYSTEMS: dict[str, Callable[[], System]] = {
    "aushang": aushang_system,
    "dateparser": dateparser_system,
    "ctparse": ctparse_system,
}


def evaluate(corpus: Path, split: str = "test", system: str = "aushang") -> Report:
    import time

    docs = load_corpus(corpus, split)
    run = SYSTEMS[system]()
    report = Report(system=system, split=split, temporal_only=system != "aushang")
    started = time.perf_counter()
    for doc in docs:
        report.documents += 1
        try:
            pred = run(doc)
        except Exception as exc:  # a failing document is reported, the evaluation goes on
            report.errors[doc.id] = f"{type(exc).__name__}: {exc}"
            pred = Prediction(temporal_only=report.temporal_only)
        report.per_doc[doc.id] = score_document(report, doc, pred)
    report.seconds = time.perf_counter() - started
    return report


# -- output and gate ---------------------------------------------------------------------------


def format_table(report: Report) -> str:
    d = report.as_dict()
    lines = [
        f"system: {report.system}   split: {report.split}   documents: {report.documents}   "
        f"({report.seconds:.1f} s)",
        "",
        f"| {'field':<22} | {'P':>6} | {'R':>6} | {'F1':>6} | {'gold':>5} | {'pred':>5} |",
        f"|{'-' * 24}|{'-' * 8}|{'-' * 8}|{'-' * 8}|{'-' * 7}|{'-' * 7}|",
    ]
    for name, s in d["fields"].items():
        lines.append(
            f"| {name:<22} | {s['precision']:>6.3f} | {s['recall']:>6.3f} | {s['f1']:>6.3f} "
            f"| {s['support']:>5} | {s['predicted']:>5} |"
        )
    if d["event_attributes"]:
        lines += ["", f"| {'event attribute':<22} | {'accuracy':>8} | {'n':>4} |", f"|{'-' * 24}|{'-' * 10}|{'-' * 6}|"]
        for name, s in d["event_attributes"].items():
            lines.append(f"| {name:<22} | {s['accuracy']:>8.3f} | {s['n']:>4} |")
    lines += ["", f"boilerplate dates leaked: {d['boilerplate_dates_leaked']}"]
    if report.errors:
        lines.append(f"documents that failed: {len(report.errors)}")
        lines += [f"  {k}: {v}" for k, v in report.errors.items()]
    return "\n".join(lines)


def check_floors(report: Report, floors: dict) -> list[str]:
    """Names of the pinned floors the report falls below (an empty list passes)."""
    d = report.as_dict()
    failures = []
    for key, floor in floors.items():
        if key.startswith("_"):
            continue
        if key == "boilerplate_dates_leaked":
            if d[key] > floor:
                failures.append(f"{key}: {d[key]} > {floor}")
            continue
        fld, metric = key.rsplit(".", 1)
        table = d["fields"] if fld in d["fields"] else d["event_attributes"]
        if fld not in table:
            failures.append(f"{key}: no such score")
            continue
        value = table[fld][metric]
        if value + 1e-9 < floor:
            failures.append(f"{key}: {value:.4f} < floor {floor:.4f}")
    if report.errors:
        failures.append(f"{len(report.errors)} documents failed: {sorted(report.errors)}")
    return failures


def run_cli(
    corpus: Path,
    split: str = "test",
    as_json: bool = False,
    check: bool = False,
    baseline: Optional[str] = None,
    floors_path: Optional[Path] = None,
    verbose: bool = False,
) -> int:
    system = baseline or "aushang"
    if system not in SYSTEMS:
        print(f"aushang: error: unknown baseline {system!r} (choose dateparser or ctparse)", file=sys.stderr)
        return 2
    if split not in ("test", "dev", "all"):
        print(f"aushang: error: unknown split {split!r} (choose test, dev or all)", file=sys.stderr)
        return 2
    if not (corpus / "gold").is_dir():
        print(f"aushang: error: {corpus} has no gold/ directory", file=sys.stderr)
        return 2
    report = evaluate(corpus, split, system)
    if as_json:
        out = report.as_dict()
        if verbose:
            out["per_document"] = report.per_doc
        print(json.dumps(out, indent=2, ensure_ascii=False, default=str))
    else:
        print(format_table(report))
        if verbose:
            for doc_id, diff in report.per_doc.items():
                shown = {k: v for k, v in diff.items() if v and v != ([], []) and v != (0, 0)}
                if shown:
                    print(f"\n{doc_id}: (false positives, misses)")
                    for k, v in shown.items():
                        print(f"  {k}: {v}")
    if check:
        floors_file = floors_path or corpus / "floors.json"
        floors = json.loads(floors_file.read_text())
        section = floors.get(system, floors) if system != "aushang" else floors.get("aushang", floors)
        section = section.get(split, section) if isinstance(section, dict) else section
        failures = check_floors(report, section)
        if failures:
            print("\nREGRESSION against " + str(floors_file) + ":", file=sys.stderr)
            for f in failures:
                print("  " + f, file=sys.stderr)
            return 1
        print(f"\ncheck: all {len([k for k in section if not k.startswith('_')])} floors met ({floors_file})")
    return 0
