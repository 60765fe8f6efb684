"""The result model: exactly the JSON of CONTRACT.md, plus documented extensions.

Extensions (never replacing a contract field): ``pipeline`` (which spaCy pipeline ran),
``mentions.faxes`` and ``kind`` on phone mentions, ``price`` on events, ``mentions.prices``,
``warnings``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = "1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    kind: Literal["text", "html", "url"]
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[dt.date] = None


class ReferenceDate(_Model):
    value: dt.date
    basis: Literal["given", "published", "today"]


class PipelineInfo(_Model):
    name: str = Field(description="'full' (de_core_news_md + rules) or 'blank' (rules only)")
    model: str = Field(description="name and version of the loaded spaCy pipeline")
    components: list[str]


class Span(_Model):
    start: int
    end: int


class Mention(_Model):
    text: str
    start: int
    end: int
    value: Any = None


class DateRange(_Model):
    start: dt.date
    end: dt.date


class DateMention(Mention):
    value: Union[dt.date, DateRange]


class TimeMention(Mention):
    value: str
    end_value: Optional[str] = None


class RoomMention(Mention):
    value: str


class CapacityMention(Mention):
    value: int


class EmailMention(Mention):
    value: str


class PhoneMention(Mention):
    value: str
    kind: Literal["phone", "fax"] = "phone"
    # True when the text gives a local number ("Telefon 655-1051") and the area code comes from
    # the town the text is about (aushang extension; absent from the contract, default False).
    area_code_inferred: bool = False


class UrlMention(Mention):
    value: str


class OrganizationMention(Mention):
    value: str
    acronym: Optional[str] = None


class PersonMention(Mention):
    value: str
    role: Optional[str] = None


class LocationMention(Mention):
    value: str
    kind: Optional[str] = None


class Price(_Model):
    amount: float
    currency: str = "EUR"


class PriceMention(Mention):
    value: Optional[Price] = None
    free: bool = False


class Mentions(_Model):
    dates: list[DateMention] = Field(default_factory=list)
    times: list[TimeMention] = Field(default_factory=list)
    rooms: list[RoomMention] = Field(default_factory=list)
    capacities: list[CapacityMention] = Field(default_factory=list)
    emails: list[EmailMention] = Field(default_factory=list)
    phones: list[PhoneMention] = Field(default_factory=list)
    urls: list[UrlMention] = Field(default_factory=list)
    organizations: list[OrganizationMention] = Field(default_factory=list)
    persons: list[PersonMention] = Field(default_factory=list)
    locations: list[LocationMention] = Field(default_factory=list)
    prices: list[PriceMention] = Field(default_factory=list)


class Session(_Model):
    start: Union[dt.datetime, dt.date]
    end: Optional[Union[dt.datetime, dt.date]] = None
    all_day: bool = False

    @field_validator("start", "end", mode="before")
    @classmethod
    def _plain_day_is_a_date(cls, v: Any) -> Any:
        # "2024-07-24" (an all-day session) must stay a date: pydantic would read it as midnight
        if isinstance(v, str) and len(v) == 10:
            return dt.date.fromisoformat(v)
        return v


class Location(_Model):
    name: Optional[str] = None
    room: Optional[str] = None
    address: Optional[str] = None
    city: Optional[str] = None
    online: bool = False


class Registration(_Model):
    required: Optional[bool] = None
    email: Optional[str] = None
    phone: Optional[str] = None
    url: Optional[str] = None
    deadline: Optional[dt.date] = None


class Contact(_Model):
    name: str
    role: Optional[str] = None


class Event(_Model):
    title: Optional[str] = None
    sessions: list[Session] = Field(default_factory=list)
    duration_minutes: Optional[int] = None
    location: Location = Field(default_factory=Location)
    capacity: Optional[int] = None
    free_of_charge: Optional[bool] = None
    price: Optional[Price] = None
    registration: Registration = Field(default_factory=Registration)
    organizers: list[str] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    status: Literal["upcoming", "past"] = "upcoming"
    evidence: Span


class Organization(_Model):
    name: str
    acronym: Optional[str] = None
    mentions: int = 1


class Person(_Model):
    name: str
    role: Optional[str] = None


class Result(_Model):
    """One extracted document: see CONTRACT.md."""

    schema_version: str = SCHEMA_VERSION
    source: Source
    reference_date: ReferenceDate
    text: str
    events: list[Event] = Field(default_factory=list)
    mentions: Mentions = Field(default_factory=Mentions)
    organizations: list[Organization] = Field(default_factory=list)
    persons: list[Person] = Field(default_factory=list)
    pipeline: Optional[PipelineInfo] = None
    warnings: list[str] = Field(default_factory=list)


class ErrorBody(_Model):
    code: str
    message: str


class ErrorResponse(_Model):
    error: ErrorBody
