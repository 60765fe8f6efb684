"""clean → nlp → assemble → result.

``Extractor`` owns one pipeline and turns documents into ``Result``s; ``extract`` uses a
process-wide default one.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from . import events as _events
from .clean import CleanedDocument, check_text, clean_html, clean_text
from .components.base import Candidate, doc_text, store
from .errors import ErrorCode, InputError
from .pipeline import PipelineDescription, get_nlp
from .schema import (
    CapacityMention,
    DateMention,
    EmailMention,
    LocationMention,
    Mentions,
    Organization,
    OrganizationMention,
    Person,
    PersonMention,
    PhoneMention,
    PipelineInfo,
    PriceMention,
    ReferenceDate,
    Result,
    RoomMention,
    Source,
    TimeMention,
    UrlMention,
)
from .settings import Settings, get_settings

log = logging.getLogger(__name__)

DateLike = Union[dt.date, str, None]


@dataclass
class Request:
    """One document to extract: exactly one of text / html / url."""

    text: Optional[str] = None
    html: Optional[str] = None
    url: Optional[str] = None
    reference_date: DateLike = None
    id: Optional[str] = None


def parse_reference_date(value: DateLike) -> Optional[dt.date]:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(
            ErrorCode.BAD_REFERENCE_DATE,
            f"reference_date must be YYYY-MM-DD, got {value!r}",
        ) from None


class Extractor:
    """Extracts events and mentions from German announcements with one loaded pipeline."""

    def __init__(
        self,
        settings: Optional[Settings] = None,
        nlp: Optional[Language] = None,
        description: Optional[PipelineDescription] = None,
    ) -> None:
        self.settings = settings or get_settings()
        if nlp is None:
            nlp, description = get_nlp(self.settings)
        self.nlp = nlp
        self.description = description or PipelineDescription(
            name="custom", model=nlp.meta.get("name", "custom"), components=tuple(nlp.pipe_names)
        )

    # -- public ---------------------------------------------------------------------------
    def extract(
        self,
        text: Optional[str] = None,
        *,
        html: Optional[str] = None,
        url: Optional[str] = None,
        reference_date: DateLike = None,
    ) -> Result:
        """Extract one document. Exactly one of ``text``, ``html``, ``url``."""
        cleaned, ref = self.prepare(Request(text=text, html=html, url=url, reference_date=reference_date))
        doc = self.nlp(self.make_doc(cleaned, ref))
        return self.build_result(doc, cleaned, ref)

    def extract_many(
        self, requests: Iterable[Request], batch_size: int = 16
    ) -> Iterator[tuple[Request, Union[Result, Exception]]]:
        """Extract many documents through ``nlp.pipe``; a bad one yields its error, in order."""
        prepared: list[tuple[Request, Any]] = []
        for req in requests:
            try:
                prepared.append((req, self.prepare(req)))
            except Exception as exc:  # reported per document, the batch goes on
                prepared.append((req, exc))
            if len(prepared) >= batch_size:
                yield from self._run_batch(prepared)
                prepared = []
        if prepared:
            yield from self._run_batch(prepared)

    def health(self) -> dict[str, Any]:
        return {
            "pipeline": self.description.name,
            "model": self.description.model,
            "components": list(self.description.components),
        }

    # -- steps ----------------------------------------------------------------------------
    def prepare(self, req: Request) -> tuple[CleanedDocument, ReferenceDate]:
        given = [k for k in ("text", "html", "url") if getattr(req, k) is not None]
        if len(given) != 1:
            raise InputError(
                ErrorCode.BAD_REQUEST,
                "give exactly one of text, html or url" + (f" (got {', '.join(given)})" if given else ""),
            )
        ref_given = parse_reference_date(req.reference_date)
        limit = self.settings.max_input_chars
        if req.text is not None:
            text = check_text(req.text, limit)
            cleaned = clean_text(text)
        elif req.html is not None:
            html = check_text(req.html, limit)
            cleaned = clean_html(html)
        else:
            from .fetch import fetch_url

            fetched = fetch_url(req.url, self.settings)
            body = check_text(fetched.text, limit)
            if fetched.is_html:
                cleaned = clean_html(body, url=fetched.url)
            else:
                cleaned = clean_text(body)
                cleaned.kind = "url"
                cleaned.url = fetched.url
        if len(cleaned.text) > self.settings.max_text_chars:
            cut = cleaned.text.rfind("\n", 0, self.settings.max_text_chars)
            cleaned.text = cleaned.text[: cut if cut > 0 else self.settings.max_text_chars]
        if ref_given:
            ref = ReferenceDate(value=ref_given, basis="given")
        elif cleaned.published:
            ref = ReferenceDate(value=cleaned.published, basis="published")
        else:
            ref = ReferenceDate(value=dt.date.today(), basis="today")
        return cleaned, ref

    def make_doc(self, cleaned: CleanedDocument, ref: ReferenceDate) -> Doc:
        doc = self.nlp.make_doc(cleaned.text)
        doc._.reference_date = ref.value
        return doc

    def _run_batch(self, prepared: list[tuple[Request, Any]]):
        ok = [(i, p) for i, (_, p) in enumerate(prepared) if not isinstance(p, Exception)]
        docs = (self.make_doc(c, r) for _, (c, r) in ok)
        results: dict[int, Union[Result, Exception]] = {}
        try:
            for (i, (cleaned, ref)), doc in zip(ok, self.nlp.pipe(docs)):
                try:
                    results[i] = self.build_result(doc, cleaned, ref)
                except Exception as exc:  # pragma: no cover - defensive, reported per doc
                    log.exception("assembling a result failed")
                    results[i] = exc
        except Exception:
            # one document broke the batch inside spaCy: redo them one by one
            for i, (cleaned, ref) in ok:
                if i in results:
                    continue
                try:
                    results[i] = self.build_result(self.nlp(self.make_doc(cleaned, ref)), cleaned, ref)
                except Exception as exc:
                    results[i] = exc
        for i, (req, p) in enumerate(prepared):
            yield req, (p if isinstance(p, Exception) else results[i])

    def build_result(self, doc: Doc, cleaned: CleanedDocument, ref: ReferenceDate) -> Result:
        found = store(doc)
        mentions = build_mentions(doc, found)
        events = _events.assemble(doc, found, mentions, ref.value, cleaned)
        return Result(
            source=Source(
                kind=cleaned.kind, url=cleaned.url, title=cleaned.title, published=cleaned.published
            ),
            reference_date=ref,
            text=doc_text(doc),
            events=events,
            mentions=mentions,
            organizations=summarize_organizations(mentions),
            persons=summarize_persons(mentions),
            pipeline=PipelineInfo(
                name=self.description.name,
                model=self.description.model,
                components=list(self.description.components),
            ),
        )


_MENTION_MODELS = {
    "dates": DateMention,
    "times": TimeMention,
    "rooms": RoomMention,
    "capacities": CapacityMention,
    "emails": EmailMention,
    "phones": PhoneMention,
    "urls": UrlMention,
    "organizations": OrganizationMention,
    "persons": PersonMention,
    "locations": LocationMention,
    "prices": PriceMention,
}


def build_mentions(doc: Doc, found: dict[str, list[Candidate]]) -> Mentions:
    out: dict[str, list] = {}
    text = doc_text(doc)  # Doc.text joins every token: once, not once per mention (was quadratic)
    for family, model in _MENTION_MODELS.items():
        items = []
        for c in found.get(family, []):
            fields = {"text": text[c.start : c.end], "start": c.start, "end": c.end, "value": c.value}
            for key, val in c.attrs.items():
                if key in model.model_fields:
                    fields[key] = val
            items.append(model(**fields))
        out[family] = items
    return Mentions(**out)


def summarize_organizations(mentions: Mentions) -> list[Organization]:
    orgs: dict[str, Organization] = {}
    for m in mentions.organizations:
        org = orgs.get(m.value)
        if org is None:
            orgs[m.value] = Organization(name=m.value, acronym=m.acronym, mentions=1)
        else:
            org.mentions += 1
            org.acronym = org.acronym or m.acronym
    return list(orgs.values())


def summarize_persons(mentions: Mentions) -> list[Person]:
    persons: dict[str, Person] = {}
    for m in mentions.persons:
        p = persons.get(m.value)
        if p is None:
            persons[m.value] = Person(name=m.value, role=m.role)
        elif not p.role and m.role:
            p.role = m.role
    return list(persons.values())


_default: Optional[Extractor] = None
_default_lock = threading.Lock()


def default_extractor() -> Extractor:
    global _default
    with _default_lock:
        if _default is None:
            _default = Extractor()
        return _default


def extract(
    text: Optional[str] = None,
    *,
    html: Optional[str] = None,
    url: Optional[str] = None,
    reference_date: DateLike = None,
) -> Result:
    """Extract events and mentions from one German announcement (see CONTRACT.md)."""
    return default_extractor().extract(text, html=html, url=url, reference_date=reference_date)
