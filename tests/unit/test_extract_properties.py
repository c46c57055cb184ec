"""Property test: the extractor survives any text and only ever returns valid events."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas.models import Article, EventEnvelope, NegotiationEvent, StrikeEvent
from warwire.extract.core import extract_events_strict

# Pieces of real-looking reporting, so that generated bodies reach the deep rules (figures,
# dates, places, talks) rather than stopping at the first keyword check.
FRAGMENTS = [
    "Russia launched",
    "Ukraine's air force said",
    "drones",
    "ballistic missiles",
    "cruise missiles",
    "were shot down",
    "of them",
    "overnight",
    "on Tuesday",
    "last week",
    "since the start of the war",
    "March 3",
    "the night of May 9-10",
    "in Kharkov",
    "in Odesa",
    "the Kursk region",
    "killing",
    "injured",
    "at least",
    "over",
    "a dozen",
    "twenty-three",
    "1,250",
    "18 of the 23",
    "talks",
    "met in Istanbul",
    "will speak by phone",
    "video call",
    "delegation led by Vladimir Medinsky",
    "Rustem Umerov",
    "the U.S. president's",
    "U.S.-mediated",
    "ceasefire",
    "coalition of the willing",
    "pledged",
    "would strike",
    ",",
    ";",
    ".",
    " - ",
    "(",
    ")",
    "\n",
    '"',
    "'s",
]
BODIES = st.one_of(
    st.text(min_size=1, max_size=400),
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=60).map(" ".join),
    st.lists(
        st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), min_size=1, max_size=40
    ).map(" ".join),
).filter(bool)  # an article's body is never empty (the schema says so)
MOMENTS = st.datetimes(
    min_value=dt.datetime(2014, 1, 1),
    max_value=dt.datetime(2030, 12, 31),
    timezones=st.just(dt.UTC),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=BODIES, title=st.one_of(st.none(), st.text(max_size=80)), published=MOMENTS)
def test_extract_events_strict_never_raises_and_returns_valid_events(
    body: str, title: str | None, published: dt.datetime
) -> None:
    article = Article(id="prop", body=body, title=title, published_at=published)
    events = extract_events_strict(article)
    for event in events:
        assert isinstance(event, StrikeEvent | NegotiationEvent)
        assert event.article_id == "prop"
        # every event survives a round trip through the topic contract
        again = EventEnvelope.model_validate_json(EventEnvelope(event=event).model_dump_json())
        assert again.event == event
        for value in event.evidence.values():
            assert value.strip()
        if isinstance(event, StrikeEvent):
            assert event.attacker in ("RU", "UA")
            assert event.target_country in ("RU", "UA")
        else:
            assert event.parties == sorted(set(event.parties))
            assert len(event.participants) == len(set(event.participants))
