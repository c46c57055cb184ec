"""The contract of every warwire topic, as pydantic models.

`articles` carries `Article`; `events` carries `Event` (a strike or a negotiation,
discriminated by `type`); `incidents` carries `Incident`; `alerts` carries `Alert`;
`articles.dlq` carries `DeadLetter`; `receipts` carries `Receipt`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

CountryCode = Annotated[str, Field(min_length=2, max_length=4, pattern=r"^[A-Z]{2,4}$")]
Count = Annotated[int, Field(ge=0)]


_WEB_LINK = re.compile(r"https?://[^\s/?#<>\"'`]+[^\s<>\"'`]*", re.IGNORECASE)
_NOT_IN_A_NAME = re.compile(r"[<>\x00-\x1f\x7f]")


class Article(BaseModel):
    """A news article as producers post it to the `articles` topic."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=False)

    id: Annotated[str, Field(min_length=1, max_length=256)]
    url: Annotated[str, Field(max_length=2048)] | None = None
    """An http(s) link to the article."""
    outlet: Annotated[str, Field(max_length=200)] | None = None
    title: Annotated[str, Field(max_length=2000)] | None = None
    body: Annotated[str, Field(min_length=1)]
    """Plain text or HTML; the whole message is at most 1,000,000 bytes."""
    published_at: AwareDatetime
    """An RFC 3339 timestamp with a time zone, as a string (a number is refused)."""
    language: Annotated[str, Field(max_length=35)] = "en"

    @field_validator("published_at", mode="before")
    @classmethod
    def _published_at_is_text(cls, value: object) -> object:
        if isinstance(value, int | float):
            raise ValueError("published_at must be an RFC 3339 string, not a number")
        return value

    @field_validator("url")
    @classmethod
    def _url_is_a_web_link(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return value
        if not _WEB_LINK.fullmatch(value):
            raise ValueError("url must be an http:// or https:// link without spaces")
        return value

    @field_validator("outlet")
    @classmethod
    def _outlet_is_a_name(cls, value: str | None) -> str | None:
        if value is not None and _NOT_IN_A_NAME.search(value):
            raise ValueError("outlet must be a plain name: no markup or control characters")
        return value


class _EventBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    event_id: str
    article_id: str
    occurred_on: dt.date | None = None
    background: bool = False
    """True when the article only recalls the event (an earlier round, last week's strike)."""
    published_at: AwareDatetime
    outlet: str | None = None
    url: str | None = None
    evidence: dict[str, str] = Field(default_factory=dict)
    """The sentence each extracted fact came from, by field name."""
    duplicate_of: str | None = None
    """Set on a copy made for an article seen before (same canonical URL or near-identical
    body): the id of the original article's event this one repeats. Such copies are not
    extracted again."""


class StrikeEvent(_EventBase):
    type: Literal["strike"] = "strike"
    attacker: Literal["RU", "UA"] | None = None
    target_country: Literal["RU", "UA"] | None = None
    drones: Count | None = None
    missiles: Count | None = None
    drones_downed: Count | None = None
    missiles_downed: Count | None = None
    killed: Count | None = None
    injured: Count | None = None
    places: list[str] = Field(default_factory=list)


class NegotiationEvent(_EventBase):
    type: Literal["negotiation"] = "negotiation"
    status: Literal["held", "scheduled"] = "held"
    format: Literal["in_person", "call", "video"] | None = None
    venue: str | None = None
    parties: list[CountryCode] = Field(default_factory=list)
    participants: list[str] = Field(default_factory=list)


Event = Annotated[StrikeEvent | NegotiationEvent, Field(discriminator="type")]


class EventEnvelope(BaseModel):
    """What the `events` topic carries: one event, wrapped so the union has a root."""

    event: Event


class Figure(BaseModel):
    """One strike figure reconciled across reports."""

    estimate: Count
    low: Count
    high: Count
    reports: int
    """How many reports gave a value for this figure."""
    values: list[Count] = Field(default_factory=list)
    """Each distinct value the reports gave, ascending."""


class Report(BaseModel):
    """One article's account of an incident."""

    event_id: str
    article_id: str
    outlet: str | None = None
    url: str | None = None
    published_at: AwareDatetime
    figures: dict[str, Count] = Field(default_factory=dict)
    occurred_on: dt.date | None = None
    background: bool = False
    status: Literal["held", "scheduled"] | None = None
    """Negotiations: the status this report gave."""
    parties: list[str] = Field(default_factory=list)
    """Negotiations: the sides this report named."""
    duplicate_of: str | None = None
    """For a report from a repeated article (a syndicated copy, a re-post): the event id of
    the report it repeats. Its figures are not counted again in the estimates."""


class AlertRecord(BaseModel):
    """What was alerted for an incident, so the same alert is never published twice."""

    alert_id: str
    severity: str
    status: str | None = None
    """The negotiation status when the alert went out."""
    figures: dict[str, int] = Field(default_factory=dict)
    """The key figures the alert went out with (strikes), to tell a material change."""
    event_id: str | None = None
    """The report whose folding raised the alert: the record stays with the incident that
    holds this report when a late report regroups the block."""


class Incident(BaseModel):
    """One real-world event, merged from every report of it."""

    incident_id: str
    type: Literal["strike", "negotiation"]
    version: int = 1
    blocking_key: str
    first_seen: AwareDatetime
    last_seen: AwareDatetime
    occurred_on: dt.date | None = None
    background: bool = False
    """True while every report only recalls the event."""
    # strike facts
    attacker: str | None = None
    target_country: str | None = None
    places: list[str] = Field(default_factory=list)
    figures: dict[str, Figure] = Field(default_factory=dict)
    # negotiation facts
    status: Literal["held", "scheduled"] | None = None
    format: str | None = None
    venue: str | None = None
    parties: list[str] = Field(default_factory=list)
    participants: list[str] = Field(default_factory=list)
    reports: list[Report] = Field(default_factory=list)
    outlets: list[str] = Field(default_factory=list)
    alerted: dict[str, AlertRecord] = Field(default_factory=dict)
    """Alert kind -> the alert published for it (new and update kinds)."""
    alerts_pending: bool = False
    """The incident calls for alerts that wait until every article posted before it last
    changed has been folded (a report that merges it with another, or splits it, may still
    be on its way): its first alert, or any alert after a late report regrouped it."""


AlertKind = Literal[
    "large_strike", "large_strike_update", "negotiation_round", "negotiation_round_update"
]


class Alert(BaseModel):
    """A self-contained notice for people: one per incident and kind."""

    alert_id: str
    incident_id: str
    kind: AlertKind
    severity: Literal["info", "warning", "critical"]
    headline: str
    details: list[str] = Field(default_factory=list)
    occurred_on: dt.date | None = None
    places: list[str] = Field(default_factory=list)
    figures: dict[str, Figure] = Field(default_factory=dict)
    outlets: list[str] = Field(default_factory=list)
    links: list[str] = Field(default_factory=list)
    incident_version: int
    article_id: str
    """The article whose report triggered this alert."""
    event_id: str | None = None
    """The report (event) that triggered this alert. The incident that holds it is the
    alert's incident, even if a late report later regrouped the block under another id."""
    published_at: AwareDatetime
    """When the triggering article was published (deterministic, unlike wall time)."""


class RecordHeader(BaseModel):
    """One Kafka record header as the producer sent it."""

    name: str
    value_base64: str


class DeadLetter(BaseModel):
    """A message that could not be processed, kept with everything needed to retry it."""

    reason: str
    detail: str = ""
    topic: str
    partition: int
    offset: int
    key: str | None = None
    """The record key as text (invalid UTF-8 replaced), at most 512 characters."""
    key_base64: str | None = None
    """The record key exactly as consumed (its first 1,024 bytes), base64-encoded."""
    original_base64: str
    """The message value exactly as consumed, base64-encoded, whatever step refused it."""
    headers: list[RecordHeader] = Field(default_factory=list)
    """The record's headers as consumed, in order (up to 16 KiB of values)."""
    timestamp_ms: int | None = None
    """The record's timestamp (milliseconds since the epoch) as consumed."""
    timestamp_type: int | None = None
    """0: set by the producer (create time), 1: by the broker (log append time)."""
    article_id: str | None = None
    last_offset: int | None = None
    """For a record batch that could not be decoded: the last offset skipped with it
    (`offset` is the first)."""


class Receipt(BaseModel):
    """One per article consumed: the ledger that makes accounting checkable."""

    topic: str
    partition: int
    offset: int
    article_id: str | None
    outcome: Literal["processed", "duplicate", "dead_lettered"]
    event_ids: list[str] = Field(default_factory=list)
    reason: str | None = None


TOPIC_MODELS: dict[str, type[BaseModel]] = {
    "article": Article,
    "event": EventEnvelope,
    "incident": Incident,
    "alert": Alert,
    "dead_letter": DeadLetter,
    "receipt": Receipt,
}
