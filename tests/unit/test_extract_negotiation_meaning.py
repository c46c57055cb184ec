"""Negotiation extraction by meaning (issue 14): contacts announced for later, several
contacts in one article, visits, formats, dates and the names of the people taking part.

Every sentence is invented; the people, places and days are not those of the labelled sets.
"""

from __future__ import annotations

import datetime as dt

import pytest

from schemas.models import Article, NegotiationEvent
from warwire.extract.core import extract_events_strict

pytest.importorskip("spacy")


def _negotiations(body: str, published: str, title: str | None = None) -> list[NegotiationEvent]:
    article = Article(
        id="t-meaning",
        url=None,
        outlet=None,
        title=title,
        body=body,
        published_at=dt.datetime.fromisoformat(published),
        language="en",
    )
    return [e for e in extract_events_strict(article) if isinstance(e, NegotiationEvent)]


def test_a_call_the_two_sides_are_due_to_hold_is_scheduled_with_both_people() -> None:
    # the infinitive hangs on a predicate adjective ("are due to", "are likely to"): its
    # subject is the subject of the copula
    events = _negotiations(
        "Chilean President Gabriel Boric and Russian President Vladimir Putin are due to speak "
        "by telephone on Monday about the war in Ukraine, Santiago said on Thursday.",
        "2026-02-05T10:00:00+00:00",
    )
    assert len(events) == 1
    event = events[0]
    assert event.status == "scheduled"
    assert event.format == "call"
    assert event.occurred_on == dt.date(2026, 2, 9)
    assert set(event.participants) == {"Gabriel Boric", "Vladimir Putin"}
    assert event.parties == ["CL", "RU"]


def test_people_likely_to_meet_are_both_on_the_meeting() -> None:
    events = _negotiations(
        "Kenyan President William Ruto and Sergey Lavrov are likely to meet in Nairobi on "
        "Friday to discuss a ceasefire in Ukraine, officials said on Tuesday.",
        "2026-02-10T10:00:00+00:00",
    )
    assert len(events) == 1
    assert set(events[0].participants) == {"William Ruto", "Sergey Lavrov"}
    assert events[0].status == "scheduled"
