"""Deduplication: articles seen before (warwire.seen) and events folded into incidents
(warwire.dedup), both pure."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from schemas import Article, NegotiationEvent, StrikeEvent
from warwire import seen
from warwire.articles import Rejected, body_fingerprint
from warwire.dedup import (
    MemoryState,
    blocking_key,
    expire_block,
    fold_event,
    kyiv_day,
    reconcile_figures,
)
from warwire.ids import event_id

WINDOW = dt.timedelta(days=7)
NO_GRACE = dt.timedelta(0)
"""The expiry tests count from the window alone."""
KYIV = dt.timezone(dt.timedelta(hours=3))


def at(day: str, hour: int = 9) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=KYIV)


def strike(article: str, published: dt.datetime, ordinal: int = 0, **fields: Any) -> StrikeEvent:
    fields.setdefault("attacker", "RU")
    fields.setdefault("target_country", "UA")
    return StrikeEvent(
        event_id=event_id(article, "strike", ordinal),
        article_id=article,
        published_at=published,
        outlet=f"outlet of {article}",
        url=f"https://news.example/{article}",
        **fields,
    )


def talks(
    article: str, published: dt.datetime, ordinal: int = 0, **fields: Any
) -> NegotiationEvent:
    return NegotiationEvent(
        event_id=event_id(article, "negotiation", ordinal),
        article_id=article,
        published_at=published,
        outlet=f"outlet of {article}",
        **fields,
    )


def fold_all(state: MemoryState, *events: StrikeEvent | NegotiationEvent) -> list[str]:
    return [fold_event(state, e, WINDOW).incident.incident_id for e in events]


# ---- article level: canonical URLs -----------------------------------------------------------


@pytest.mark.parametrize(
    "variant",
    [
        "https://www.kyivledger.example/world/strike-on-kyiv",
        "http://kyivledger.example/world/strike-on-kyiv/",
        "https://KyivLedger.example./world/strike-on-kyiv",
        "https://kyivledger.example:443/world/strike-on-kyiv",
        "https://kyivledger.example/amp/world/strike-on-kyiv",
        "https://kyivledger.example/world/strike-on-kyiv/amp",
        "https://kyivledger.example/world/strike-on-kyiv?utm_source=feed&utm_medium=rss",
        "https://kyivledger.example/world/strike-on-kyiv?fbclid=abc123#comments",
    ],
)
def test_tracking_and_presentation_variants_share_one_canonical_url(variant: str) -> None:
    assert seen.canonical_url(variant) == "https://kyivledger.example/world/strike-on-kyiv"


def test_canonical_url_keeps_what_selects_the_page() -> None:
    first = seen.canonical_url("https://news.example/story?id=7&lang=en&utm_campaign=x")
    assert first == "https://news.example/story?id=7&lang=en"
    assert seen.canonical_url("https://news.example/story?lang=en&id=7") == first
    assert seen.canonical_url("https://news.example/story?id=8") != first
    assert (
        seen.canonical_url("https://news.example:8443/story") == "https://news.example:8443/story"
    )
    assert seen.canonical_url("https://other.example/story?id=7&lang=en") != first


@pytest.mark.parametrize("value", [None, "", "   ", "not a url", "https://[broken/"])
def test_no_canonical_url_without_a_host(value: str | None) -> None:
    assert seen.canonical_url(value) is None


# ---- article level: near-identical bodies ----------------------------------------------------

WIRE_COPY = (
    "Russia launched 420 drones and 22 missiles at Ukraine overnight, the air force said on "
    "Thursday. Air defence units shot down 390 of the drones and 19 of the missiles over "
    "eleven regions. In Kyiv, falling debris set fire to a warehouse in the Darnytskyi "
    "district and damaged two residential buildings, the city's military administration "
    "said. Three people were killed and 31 injured across the country, regional governors "
    "reported. Power engineers restored supply to most of the affected districts by noon, "
    "the grid operator said, and repair crews were still clearing debris in the afternoon."
)
REWRITE = (
    "Kyiv was hit overnight as Moscow sent hundreds of drones against Ukrainian cities. "
    "Officials in the capital said a warehouse burned after being struck by debris, while "
    "the national grid company reported outages in several districts. The air force later "
    "put the number of drones at 420 and said most were intercepted; three people died."
)


def test_a_syndicated_copy_is_near_identical_and_a_rewrite_is_not() -> None:
    original = seen.sketch_body(WIRE_COPY)
    copy = seen.sketch_body(
        f"KYIV, July 10 (Wire) - {WIRE_COPY}\n\nReporting by the Kyiv desk; editing by staff."
    )
    rewrite = seen.sketch_body(REWRITE)
    assert seen.similarity(original.hashes, original.hashes) == 1.0
    assert seen.similarity(original.hashes, copy.hashes) >= seen.NEAR_DUPLICATE_SIMILARITY
    assert seen.similarity(original.hashes, rewrite.hashes) < 0.2
    assert seen.sketch_body(" ".join(WIRE_COPY.upper().split())).key == original.key


def article(article_id: str, body: str, url: str | None, hour: int = 9) -> Article:
    return Article(
        id=article_id,
        url=url,
        outlet=f"outlet {article_id}",
        body=body,
        published_at=at("2025-07-10", hour),
    )


class CountingExtractor:
    """The real extraction is not under test here: this one returns a fixed strike per
    article and counts its calls, which is what the dedup must keep to one per text."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, item: Article) -> list[StrikeEvent | NegotiationEvent]:
        self.calls.append(item.id)
        events: list[StrikeEvent | NegotiationEvent] = [
            strike(item.id, item.published_at, occurred_on=dt.date(2025, 7, 10), drones=420),
            talks(item.id, item.published_at, status="scheduled", parties=["RU", "UA"]),
        ]
        return [e.model_copy(update={"outlet": item.outlet}) for e in events]


def through_both_steps(
    urls: seen.KeyValue,
    bodies: seen.KeyValue,
    item: Article,
    extract: CountingExtractor,
) -> seen.ArticleOutcome:
    source = seen.Source(topic="articles", partition=0, offset=0, key=item.id)
    routed = seen.check_url(urls, "0", seen.route(item, source), WINDOW)
    return seen.process_article(bodies, "0", routed, WINDOW, extract)


def test_repeats_are_recognised_by_url_or_body_and_not_extracted_again() -> None:
    urls, bodies, extract = (
        seen.MemoryKeyValue(NO_GRACE),
        seen.MemoryKeyValue(NO_GRACE),
        CountingExtractor(),
    )
    first = through_both_steps(
        urls, bodies, article("a1", WIRE_COPY, "https://wire.example/kyiv-strike"), extract
    )
    assert first.seen is None and len(first.events) == 2

    same_url = through_both_steps(
        urls,
        bodies,
        article(
            "a2", "An updated text.", "https://www.wire.example/amp/kyiv-strike?utm_source=x", 10
        ),
        extract,
    )
    same_body = through_both_steps(
        urls,
        bodies,
        article("a3", f"From our partners. {WIRE_COPY}", "https://partner.example/story-99", 11),
        extract,
    )
    other = through_both_steps(
        urls, bodies, article("a4", REWRITE, "https://other.example/kyiv", 12), extract
    )

    # Both are near-copies of a1, so they are read again and found to say the same.
    assert extract.calls == ["a1", "a2", "a3", "a4"]
    assert same_url.seen is not None and same_url.seen.match == "url"
    assert same_body.seen is not None and same_body.seen.match == "body"
    assert other.seen is None
    for repeat, repeat_id in ((same_url, "a2"), (same_body, "a3")):
        assert repeat.seen is not None and repeat.seen.original.article_id == "a1"
        assert [e.duplicate_of for e in repeat.events] == [e.event_id for e in first.events]
        assert [e.event_id for e in repeat.events] == [
            event_id(repeat_id, "strike", 0),
            event_id(repeat_id, "negotiation", 0),
        ]
        assert {e.article_id for e in repeat.events} == {repeat_id}
        assert {e.outlet for e in repeat.events} == {f"outlet {repeat_id}"}


def test_a_repost_under_the_same_id_gives_the_same_events_without_extraction() -> None:
    urls, bodies, extract = (
        seen.MemoryKeyValue(NO_GRACE),
        seen.MemoryKeyValue(NO_GRACE),
        CountingExtractor(),
    )
    item = article("a1", WIRE_COPY, "https://wire.example/kyiv-strike")
    first = through_both_steps(urls, bodies, item, extract)
    again = through_both_steps(urls, bodies, item, extract)
    assert extract.calls == ["a1"]
    assert again.seen is not None and again.seen.match == "repost"
    assert [e.event_id for e in again.events] == [e.event_id for e in first.events]
    assert all(e.duplicate_of is None for e in again.events)


def test_article_records_expire_after_the_window() -> None:
    urls, bodies, extract = (
        seen.MemoryKeyValue(NO_GRACE),
        seen.MemoryKeyValue(NO_GRACE),
        CountingExtractor(),
    )
    through_both_steps(urls, bodies, article("a1", WIRE_COPY, "https://wire.example/x"), extract)
    assert seen.record_count(urls) == 1 and seen.record_count(bodies) == 1
    late = article("a2", WIRE_COPY, "https://wire.example/x").model_copy(
        update={"published_at": at("2025-07-18", 12)}
    )
    outcome = through_both_steps(urls, bodies, late, extract)
    assert outcome.seen is None
    assert extract.calls == ["a1", "a2"]
    assert seen.record_count(urls) == 1 and seen.record_count(bodies) == 1


class CountingWrites(seen.MemoryKeyValue):
    def __init__(self) -> None:
        super().__init__(NO_GRACE)
        self.writes: list[str] = []

    def put(self, key: str, value: bytes) -> None:
        self.writes.append(key)
        super().put(key, value)

    def delete(self, key: str) -> None:
        self.writes.append(f"delete {key}")
        super().delete(key)


def test_an_article_costs_one_record_per_store_and_one_deletion_when_it_expires() -> None:
    urls, bodies, extract = CountingWrites(), CountingWrites(), CountingExtractor()
    through_both_steps(urls, bodies, article("a1", WIRE_COPY, "https://wire.example/x"), extract)
    assert len(urls.writes) == 1 and len(bodies.writes) == 1
    late = article("a2", REWRITE, "https://wire.example/y").model_copy(
        update={"published_at": at("2025-07-18", 12)}
    )
    through_both_steps(urls, bodies, late, extract)
    assert urls.writes[1:] == [f"delete {urls.writes[0]}", urls.writes[0].replace("/x", "/y")]
    assert bodies.writes[1] == f"delete {bodies.writes[0]}"
    assert len(bodies.writes) == 3


def test_the_expiry_index_is_rebuilt_from_the_records_after_a_restart() -> None:
    urls, bodies, extract = (
        seen.MemoryKeyValue(NO_GRACE),
        seen.MemoryKeyValue(NO_GRACE),
        CountingExtractor(),
    )
    early = article("a1", WIRE_COPY, "https://wire.example/x")
    later = article("a2", REWRITE, "https://wire.example/y").model_copy(
        update={"published_at": early.published_at + dt.timedelta(days=3)}
    )
    for item in (early, later):
        through_both_steps(urls, bodies, item, extract)
    # A new process: the same records (recovered from the changelog), no index in memory.
    restarted_urls, restarted_bodies = seen.MemoryKeyValue(NO_GRACE), seen.MemoryKeyValue(NO_GRACE)
    restarted_urls.data, restarted_bodies.data = dict(urls.data), dict(bodies.data)

    now = early.published_at + WINDOW + dt.timedelta(hours=1)
    assert restarted_urls.expiry.expire(restarted_urls, "0", now, WINDOW) == 1
    assert restarted_bodies.expiry.expire(restarted_bodies, "0", now, WINDOW) == 1
    assert seen.record_count(restarted_urls) == 1 and seen.record_count(restarted_bodies) == 1
    # Another shard's records are not this shard's to expire.
    assert restarted_urls.expiry.expire(restarted_urls, "1", now + WINDOW, WINDOW) == 0
    assert seen.record_count(restarted_urls) == 1


def test_an_id_is_refused_with_another_body_until_its_record_expires() -> None:
    ids = CountingWrites()
    first = article("a1", WIRE_COPY, "https://wire.example/x")
    edited = article("a1", REWRITE, "https://wire.example/x", 10)
    seen.check_article_id(ids, "0", first, body_fingerprint(first), WINDOW)
    seen.check_article_id(ids, "0", first, body_fingerprint(first), WINDOW)
    with pytest.raises(Rejected) as refused:
        seen.check_article_id(ids, "0", edited, body_fingerprint(edited), WINDOW)
    assert refused.value.reason == "id_reused" and refused.value.article_id == "a1"
    assert ids.writes == ["id|0|a1"]

    much_later = edited.model_copy(update={"published_at": first.published_at + 2 * WINDOW})
    seen.check_article_id(ids, "0", much_later, body_fingerprint(much_later), WINDOW)
    assert ids.writes == ["id|0|a1", "delete id|0|a1", "id|0|a1"]
    assert seen.record_count(ids) == 1


def test_url_step_keeps_the_first_articles_body_key() -> None:
    urls = seen.MemoryKeyValue(NO_GRACE)
    source = seen.Source(topic="articles", partition=3, offset=9)
    first = seen.route(article("a1", WIRE_COPY, "https://wire.example/x"), source)
    second = seen.route(article("a2", REWRITE, "https://wire.example/x?utm_term=y", 10), source)
    assert seen.url_route_key(first) == seen.url_route_key(second)
    assert seen.check_url(urls, "3", first, WINDOW) == first
    checked = seen.check_url(urls, "3", second, WINDOW)
    assert checked.duplicate_of == "a1"
    assert checked.body_key == first.body_key != second.body_key
    no_url = seen.route(article("a3", REWRITE, None), source)
    assert seen.url_route_key(no_url) == "id:a3"
    assert seen.check_url(urls, "3", no_url, WINDOW) == no_url


# ---- event level: strikes --------------------------------------------------------------------


def test_reports_of_one_barrage_fold_into_one_incident_with_reconciled_figures() -> None:
    state = MemoryState()
    day = dt.date(2025, 7, 10)
    ids = fold_all(
        state,
        strike(
            "a1",
            at("2025-07-10", 7),
            occurred_on=day,
            drones=400,
            missiles=18,
            killed=2,
            places=["Kyiv"],
        ),
        strike(
            "a2",
            at("2025-07-10", 11),
            occurred_on=day,
            drones=415,
            missiles=18,
            killed=2,
            places=["Kyiv", "Lviv"],
        ),
        strike(
            "a3", at("2025-07-10", 15), occurred_on=day, drones=400, killed=4, places=["Kyiv City"]
        ),
        strike("a4", at("2025-07-10", 21), drones=400, missiles=18, killed=7),
    )
    assert len(set(ids)) == 1
    incident = state.incidents[ids[0]]
    assert incident.version == 4
    assert [r.article_id for r in incident.reports] == ["a1", "a2", "a3", "a4"]
    assert incident.occurred_on == day
    drones, missiles, killed = (incident.figures[n] for n in ("drones", "missiles", "killed"))
    assert (drones.estimate, drones.low, drones.high, drones.reports) == (400, 400, 415, 4)
    assert (missiles.estimate, missiles.low, missiles.high) == (18, 18, 18)
    assert (killed.estimate, killed.low, killed.high) == (7, 2, 7)
    assert incident.places == ["Kyiv", "Lviv"]


def test_strikes_on_other_days_or_other_places_stay_apart() -> None:
    state = MemoryState()
    day = dt.date(2025, 7, 10)
    ids = fold_all(
        state,
        strike("a1", at("2025-07-10"), occurred_on=day, drones=40, places=["Kyiv"]),
        # two nights later, another attack of about the same size
        strike(
            "a2", at("2025-07-12"), occurred_on=dt.date(2025, 7, 12), drones=42, places=["Kyiv"]
        ),
        # same day, separate named strikes elsewhere, no figure in common
        strike("a3", at("2025-07-10", 18), occurred_on=day, killed=1, places=["Sumy"]),
        strike("a4", at("2025-07-10", 19), occurred_on=day, killed=2, places=["Izium"]),
        # same day, the other direction
        strike(
            "a5",
            at("2025-07-10"),
            occurred_on=day,
            attacker="UA",
            target_country="RU",
            drones=40,
            places=["Kyiv"],
        ),
        # same day, a count far from any other and no place in common
        strike("a6", at("2025-07-10", 20), occurred_on=day, drones=10, places=["Odesa"]),
    )
    assert len(set(ids)) == 6
    assert state.incidents[ids[4]].blocking_key == "strike:UA>RU"


def test_a_toll_reported_for_one_city_joins_the_wave_of_that_night() -> None:
    state = MemoryState()
    day = dt.date(2025, 7, 10)
    ids = fold_all(
        state,
        strike("a1", at("2025-07-10", 6), occurred_on=day, injured=3, places=["Kharkiv"]),
        strike(
            "a2",
            at("2025-07-10", 8),
            occurred_on=day,
            drones=100,
            missiles=70,
            places=["Kryvyi Rih"],
        ),
        strike("a3", at("2025-07-10", 20), occurred_on=day, killed=1, places=["Dnipro"]),
    )
    assert len(set(ids)) == 1


def test_a_report_dated_a_day_off_joins_when_its_figures_match_exactly() -> None:
    state = MemoryState()
    ids = fold_all(
        state,
        strike(
            "a1",
            at("2025-09-07", 8),
            occurred_on=dt.date(2025, 9, 7),
            drones=810,
            missiles=13,
            places=["Kyiv"],
        ),
        strike(
            "a2",
            at("2025-09-08", 6),
            occurred_on=dt.date(2025, 9, 8),
            drones=810,
            missiles=9,
            places=["Sumy"],
        ),
        strike(
            "a3", at("2025-09-08", 8), occurred_on=dt.date(2025, 9, 8), drones=90, places=["Odesa"]
        ),
    )
    assert ids[0] == ids[1] != ids[2]


def test_undated_strike_report_is_anchored_to_the_night_before_publication() -> None:
    state = MemoryState()
    ids = fold_all(
        state,
        strike(
            "a1", at("2025-07-10", 7), occurred_on=dt.date(2025, 7, 10), drones=400, places=["Kyiv"]
        ),
        strike("a2", at("2025-07-10", 16), drones=400, places=["Kyiv"]),
        strike("a3", at("2025-07-13", 16), drones=400, places=["Kyiv"]),
    )
    assert ids[0] == ids[1] != ids[2]


def test_strike_blocking_key_is_type_attacker_and_target() -> None:
    published = at("2025-07-10")
    assert blocking_key(strike("a", published)) == "strike:RU>UA"
    assert blocking_key(strike("a", published, attacker="UA", target_country="RU")) == (
        "strike:UA>RU"
    )
    assert blocking_key(talks("a", published)) == "negotiation"


# ---- event level: negotiations ---------------------------------------------------------------


def test_scheduled_rounds_become_held_and_rounds_stay_apart() -> None:
    state = MemoryState()
    friday = dt.date(2025, 5, 16)
    ids = fold_all(
        state,
        talks("a1", at("2025-05-14"), status="scheduled", venue="Istanbul", parties=["RU", "UA"]),
        talks(
            "a2",
            at("2025-05-15"),
            status="scheduled",
            occurred_on=friday,
            parties=["RU", "TR", "UA"],
            participants=["Vladimir Medinsky"],
        ),
        talks(
            "a3",
            at("2025-05-16", 19),
            status="held",
            occurred_on=friday,
            venue="Istanbul",
            parties=["RU", "UA"],
            participants=["Medinsky", "Rustem Umerov"],
        ),
        # an article on the held round that also announces the next one
        talks("a3", at("2025-05-16", 19), ordinal=1, status="scheduled", parties=["RU", "UA"]),
        # the round announced above, held four days later
        talks(
            "a4",
            at("2025-05-20"),
            status="held",
            occurred_on=dt.date(2025, 5, 20),
            venue="Istanbul",
            parties=["RU", "UA"],
        ),
        # the same day, elsewhere
        talks(
            "a5",
            at("2025-05-16"),
            status="held",
            occurred_on=friday,
            venue="Riyadh",
            parties=["RU", "US"],
        ),
    )
    assert ids[0] == ids[1] == ids[2]
    assert ids[3] == ids[4]
    assert len({ids[0], ids[3], ids[5]}) == 3
    assert state.incidents[ids[3]].status == "held"
    incident = state.incidents[ids[0]]
    assert incident.status == "held"
    assert incident.occurred_on == friday
    assert incident.venue == "Istanbul"
    assert incident.parties == ["RU", "TR", "UA"]


def test_talks_between_other_parties_stay_apart() -> None:
    state = MemoryState()
    day = dt.date(2025, 3, 18)
    ids = fold_all(
        state,
        talks(
            "a1",
            at("2025-03-18", 20),
            status="held",
            occurred_on=day,
            format="call",
            parties=["RU", "US"],
        ),
        talks(
            "a2",
            at("2025-03-18", 21),
            status="held",
            occurred_on=day,
            format="call",
            parties=["UA", "US"],
        ),
        talks(
            "a3",
            at("2025-03-18", 22),
            status="held",
            occurred_on=day,
            format="in_person",
            parties=["RU", "US"],
        ),
        talks(
            "a4",
            at("2025-03-19", 8),
            status="held",
            occurred_on=day,
            format="video",
            parties=["RU", "US"],
        ),
    )
    assert ids[0] == ids[3]
    assert len({ids[0], ids[1], ids[2]}) == 3


def test_a_round_placed_in_another_city_of_the_host_country_the_same_day_is_one_round() -> None:
    state = MemoryState()
    day = dt.date(2025, 3, 11)
    common: dict[str, Any] = {"status": "held", "occurred_on": day, "format": "in_person"}
    ids = fold_all(
        state,
        talks("b1", at("2025-03-11", 20), venue="Jeddah", parties=["UA", "US"], **common),
        talks("b2", at("2025-03-12", 8), venue="Riyadh", parties=["UA", "US"], **common),
        talks("b3", at("2025-03-12", 9), venue="Riyadh", parties=["RU", "US"], **common),
        talks("b4", at("2025-03-12", 10), venue="Istanbul", parties=["UA", "US"], **common),
    )
    assert ids[0] == ids[1]
    assert len({ids[0], ids[2], ids[3]}) == 3


# ---- event level: redelivery, repeats, expiry ------------------------------------------------


def test_a_redelivered_event_changes_nothing() -> None:
    state = MemoryState()
    event = strike("a1", at("2025-07-10"), occurred_on=dt.date(2025, 7, 10), drones=400)
    first = fold_event(state, event, WINDOW)
    again = fold_event(state, event, WINDOW)
    assert first.changed and not again.changed
    assert again.incident == first.incident
    assert again.incident.version == 1


def test_a_redelivered_event_whose_index_entry_was_lost_is_not_folded_twice() -> None:
    state = MemoryState()
    event = strike("a1", at("2025-07-10"), occurred_on=dt.date(2025, 7, 10), drones=400)
    other = strike("a2", at("2025-07-10", 10), occurred_on=dt.date(2025, 7, 10), drones=400)
    fold_event(state, event, WINDOW)
    merged = fold_event(state, other, WINDOW).incident
    state.delete_event_incident(event.event_id)  # as a crash between two table writes leaves it
    again = fold_event(state, event, WINDOW)
    assert not again.changed
    assert again.incident == merged
    assert [r.event_id for r in merged.reports].count(event.event_id) == 1
    assert merged.figures["drones"].reports == 2
    assert state.get_event_incident(event.event_id) == merged.incident_id


def test_a_copy_of_a_repeated_article_joins_its_original_and_is_not_counted_twice() -> None:
    state = MemoryState()
    day = dt.date(2025, 7, 10)
    original = strike("a1", at("2025-07-10", 7), occurred_on=day, drones=400, places=["Kyiv"])
    other = strike("a2", at("2025-07-10", 8), occurred_on=day, drones=420, places=["Kyiv"])
    copy = original.model_copy(
        update={
            "event_id": event_id("a3", "strike", 0),
            "article_id": "a3",
            "published_at": at("2025-07-10", 9),
            "duplicate_of": original.event_id,
        }
    )
    ids = fold_all(state, original, other, copy)
    assert len(set(ids)) == 1
    incident = state.incidents[ids[0]]
    assert [r.duplicate_of for r in incident.reports] == [None, None, original.event_id]
    drones = incident.figures["drones"]
    assert drones.reports == 2  # the copy is one more report, not one more source
    assert drones.estimate == 420  # a tie between two sources goes to the latest


def test_tolls_take_the_highest_report_and_counts_the_most_cited() -> None:
    state = MemoryState()
    day = dt.date(2025, 7, 10)
    ids = fold_all(
        state,
        *[
            strike(
                f"a{n}",
                at("2025-07-10", 7 + n),
                occurred_on=day,
                drones=drones,
                killed=killed,
                places=["Kyiv"],
            )
            for n, (drones, killed) in enumerate([(400, 2), (415, 5), (415, 3), (400, 4)])
        ],
    )
    incident = state.incidents[ids[0]]
    figures = reconcile_figures(incident.reports)
    assert figures == incident.figures
    assert figures["drones"].estimate == 400  # 2 reports each: the latest wins
    assert figures["killed"].estimate == 5


def test_incidents_expire_after_the_window_and_state_stays_bounded() -> None:
    state = MemoryState()
    for day in range(40):
        published = at("2025-06-01") + dt.timedelta(days=day)
        for n in range(3):
            fold_event(
                state,
                strike(
                    f"d{day}-{n}",
                    published,
                    occurred_on=kyiv_day(published),
                    drones=100,
                    places=["Kyiv"],
                ),
                WINDOW,
                grace=dt.timedelta(0),
            )
    assert 7 <= len(state.incidents) <= 9
    assert len(state.event_incidents) == 3 * len(state.incidents)
    assert len([k for k in state.buckets if k.startswith("strike:RU>UA|")]) <= 9
    open_incidents = len(state.incidents)
    now = at("2025-06-01") + dt.timedelta(days=60)
    assert expire_block(state, "strike:RU>UA", now, WINDOW) == open_incidents
    assert state.incidents == {} and state.event_incidents == {}
    assert state.directories["strike:RU>UA"] == []


def test_one_article_s_talks_between_different_sides_are_two_contacts() -> None:
    # A round-up names a Paris-Moscow call and a Washington-Moscow call on one day; another
    # outlet lumps the three leaders into one mention, which fits both.
    day = dt.date(2025, 3, 7)
    lumped = talks(
        "roundup-1",
        at("2025-03-07", 18),
        occurred_on=day,
        status="held",
        format="call",
        parties=["FR", "RU", "US"],
        participants=["Leader A", "Leader B", "Leader C"],
    )
    first_call = talks(
        "roundup-2",
        at("2025-03-07", 21),
        occurred_on=day,
        status="held",
        format="call",
        parties=["RU", "US"],
        participants=["Leader A", "Leader C"],
    )
    second_call = talks(
        "roundup-2",
        at("2025-03-07", 21),
        ordinal=1,
        occurred_on=day,
        status="held",
        format="call",
        parties=["FR", "RU"],
        participants=["Leader B", "Leader C"],
    )
    state = MemoryState()
    ids = fold_all(state, lumped, first_call, second_call)
    assert ids[1] != ids[2]

    # The same sides told twice in one article (a meeting and a side conversation of the
    # same visit) may still be one contact: only different sides force a second incident.
    visit = talks(
        "visit-1",
        at("2025-04-26", 18),
        occurred_on=dt.date(2025, 4, 26),
        status="held",
        venue="Moscow",
        parties=["RU", "UN"],
        participants=["Host", "Visitor"],
    )
    aside = talks(
        "visit-1",
        at("2025-04-26", 18),
        ordinal=1,
        occurred_on=dt.date(2025, 4, 26),
        status="held",
        parties=["RU", "UN"],
        participants=["Visitor", "Minister"],
    )
    assert len(set(fold_all(MemoryState(), visit, aside))) == 1


def test_a_dated_round_joins_the_planned_one_a_day_off_not_an_undated_recalled_one() -> None:
    """An article recalls the 2022 talks in the same city (undated, background) beside the
    round planned for Thursday; the round held on Friday is the planned one."""
    state = MemoryState()
    preview = at("2025-05-15", 7)
    planned, recalled = fold_all(
        state,
        talks(
            "preview",
            preview,
            0,
            occurred_on=dt.date(2025, 5, 15),
            status="scheduled",
            format="in_person",
            venue="Istanbul",
            parties=["RU", "UA"],
            participants=["Vladimir Medinsky"],
        ),
        talks(
            "preview",
            preview,
            1,
            status="held",
            format="in_person",
            venue="Istanbul",
            parties=["RU", "UA"],
            participants=["Vladimir Medinsky"],
            background=True,
        ),
    )
    assert planned != recalled
    [held] = fold_all(
        state,
        talks(
            "report",
            at("2025-05-16", 20),
            occurred_on=dt.date(2025, 5, 16),
            status="held",
            format="in_person",
            venue="Istanbul",
            parties=["RU", "UA"],
            participants=["Vladimir Medinsky", "Rustem Umerov"],
        ),
    )
    assert held == planned
