"""Pydantic models for every warwire topic; JSON Schema copies live in `schemas/json/`."""

from schemas.models import (
    Alert,
    AlertKind,
    AlertRecord,
    Article,
    DeadLetter,
    Event,
    EventEnvelope,
    Figure,
    Incident,
    NegotiationEvent,
    Receipt,
    RecordHeader,
    Report,
    StrikeEvent,
)

__all__ = [
    "Alert",
    "AlertKind",
    "AlertRecord",
    "Article",
    "DeadLetter",
    "Event",
    "EventEnvelope",
    "Figure",
    "Incident",
    "NegotiationEvent",
    "Receipt",
    "RecordHeader",
    "Report",
    "StrikeEvent",
]
