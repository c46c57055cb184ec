"""The negotiation events the extractor finds in an invented article, for the tests of the
negotiation rules."""

from __future__ import annotations

import datetime as dt

from schemas.models import Article, NegotiationEvent
from warwire.extract.core import extract_events_strict


def negotiations_in(body: str, published: str, title: str | None = None) -> list[NegotiationEvent]:
    article = Article(
        id="t-negotiation",
        url=None,
        outlet=None,
        title=title,
        body=body,
        published_at=dt.datetime.fromisoformat(published),
        language="en",
    )
    return [e for e in extract_events_strict(article) if isinstance(e, NegotiationEvent)]
