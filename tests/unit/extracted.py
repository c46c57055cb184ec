"""What the extractor finds in an article invented for a test: the helpers every extraction
test module builds its articles with."""

from __future__ import annotations

import datetime as dt

from schemas.models import Article, NegotiationEvent, StrikeEvent
from warwire.extract.core import extract_events_strict

MORNING = "2025-03-12T08:00:00+00:00"  # 10:00 in Kyiv, a Wednesday


def article(body: str, published: str = MORNING, title: str | None = None) -> Article:
    return Article(
        id="unit", body=body, title=title, published_at=dt.datetime.fromisoformat(published)
    )


def strikes(body: str, published: str = MORNING, title: str | None = None) -> list[StrikeEvent]:
    return [
        e
        for e in extract_events_strict(article(body, published, title))
        if isinstance(e, StrikeEvent)
    ]


def negotiations_in(
    body: str, published: str = MORNING, title: str | None = None
) -> list[NegotiationEvent]:
    return [
        e
        for e in extract_events_strict(article(body, published, title))
        if isinstance(e, NegotiationEvent)
    ]
