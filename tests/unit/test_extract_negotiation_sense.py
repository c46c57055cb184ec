"""Negotiation extraction by meaning (issue 14, continued): places that host talks, hosts,
second contacts told with a role noun, sequenced plans, hypothetical events named inside a
held contact, reciprocal verbs of talking and possessive teams.

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
        id="t-sense",
        url=None,
        outlet=None,
        title=title,
        body=body,
        published_at=dt.datetime.fromisoformat(published),
        language="en",
    )
    return [e for e in extract_events_strict(article) if isinstance(e, NegotiationEvent)]


@pytest.mark.parametrize(
    "body",
    [
        "Erdogan and Putin talked for almost three hours on Thursday about a ceasefire in Ukraine, "
        "Ankara said.",
        "On Thursday Putin and Erdogan spoke at length about an end to the war in Ukraine.",
    ],
)
def test_two_people_who_talked_with_each_other_held_a_contact_on_the_day_named(body: str) -> None:
    # a reciprocal verb of talking with coordinated subjects and no partner after it: the
    # subjects talked with each other, on the day named, even when it is the publication day
    events = _negotiations(body, "2026-05-07T18:30:00+00:00")
    assert len(events) == 1
    assert events[0].status == "held"
    assert events[0].occurred_on == dt.date(2026, 5, 7)
    assert events[0].parties == ["RU", "TR"]
    assert len(events[0].participants) == 2


def test_one_person_who_spoke_to_reporters_held_no_contact() -> None:
    events = _negotiations(
        "Zelensky spoke to reporters in Kyiv on Thursday about a ceasefire in Ukraine.",
        "2026-05-07T18:30:00+00:00",
    )
    assert events == []


@pytest.mark.parametrize(
    ("body", "venue"),
    [
        (
            "Doha, the emirate's capital, hosted Friday's session between Russian and Ukrainian "
            "negotiators on a prisoner exchange.",
            "Doha",
        ),
        (
            "Salalah, the Omani port, hosted talks on Friday between Ukrainian and Russian "
            "negotiators on a ceasefire.",
            "Salalah",
        ),
        (
            "Geneva, the Swiss city, was the venue for Friday's talks between Russian and "
            "Ukrainian delegations on a ceasefire.",
            "Geneva",
        ),
        (
            "Friday's talks between Ukrainian and Russian delegations on a ceasefire were hosted "
            "by Baku.",
            "Baku",
        ),
    ],
)
def test_a_city_that_hosts_talks_is_their_venue_and_no_participant(body: str, venue: str) -> None:
    events = _negotiations(body, "2026-05-09T12:00:00+00:00")
    assert len(events) == 1
    assert events[0].venue == venue
    assert events[0].occurred_on == dt.date(2026, 5, 8)
    assert events[0].participants == []
    assert events[0].parties == ["RU", "UA"]
