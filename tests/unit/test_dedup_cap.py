"""The report cap forgets the incidents with the oldest last report one by one, not the
day buckets that hold them, and leaves the block's directory exact."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from schemas import NegotiationEvent, StrikeEvent
from tests.unit.test_dedup import WINDOW, at, strike, talks
from tests.unit.test_dedup_order import CURRENT_CALL, OLD_ROUND_UNDATED
from warwire.dedup import MemoryState, evict_oldest, fold_event
from warwire.ids import stable_id

Event = StrikeEvent | NegotiationEvent

LONG_GRACE = dt.timedelta(days=1000)
"""Nothing expires: only the cap forgets."""
BLOCK = "negotiation"

OLD_UNDATED = OLD_ROUND_UNDATED
"""The block's oldest incident, in the undated bucket."""
MAY_ROUND = talks(
    "may",
    at("2025-05-02", 10),
    status="held",
    occurred_on=dt.date(2025, 5, 1),
    venue="Oslo",
    parties=["NO", "UA"],
)
"""Newer than the old round, older than the current call: alone in its own day's bucket."""
# CURRENT_CALL (test_dedup_order), undated too, shares the undated bucket with the old round
# and keeps it fresh.
NEXT_ROUND = talks(
    "next",
    at("2025-06-03", 10),
    status="held",
    occurred_on=dt.date(2025, 6, 3),
    venue="Geneva",
    parties=["CH", "UA"],
)
CALL_AGAIN = talks(
    "now-2",
    at("2025-06-02", 12),
    status="held",
    format="call",
    parties=["RU", "US"],
    participants=["Ann Archer", "Bob Brook"],
)
"""A second report of the current call."""


def fold(state: MemoryState, *events: Event, cap: int) -> None:
    for event in events:
        fold_event(state, event, WINDOW, LONG_GRACE, max_reports=cap)


def articles(state: MemoryState) -> set[frozenset[str]]:
    return {frozenset(r.article_id for r in i.reports) for i in state.incidents.values()}


def assert_bookkeeping(
    state: MemoryState, block: str, exact: bool = True, counted: bool = True
) -> None:
    """Every incident is in one bucket of the directory. An entry's newest and oldest last
    report bound its bucket's (a report joining the oldest incident does not raise `oldest`,
    an incident leaving a bucket does not lower `last_seen` nor take the entry of a bucket it
    empties); right after the cap, exactly."""
    refs = state.get_directory(block)
    indexed: list[str] = []
    for ref in refs:
        entries = state.get_bucket(ref.key)
        if not entries:
            assert not exact, ref.key
            continue
        newest, oldest = max(e.last_seen for e in entries), min(e.last_seen for e in entries)
        assert ref.oldest is not None
        if exact:
            assert (ref.oldest, ref.last_seen) == (oldest, newest)
        else:
            assert ref.oldest <= oldest and ref.last_seen >= newest
        for entry in entries:
            incident = state.get_incident(entry.incident_id)
            assert incident is not None
            assert entry.last_seen == incident.last_seen
            indexed.append(entry.incident_id)
    assert sorted(indexed) == sorted(state.incidents)
    assert set(state.buckets) <= {ref.key for ref in refs}
    held = {r.event_id for i in state.incidents.values() for r in i.reports}
    assert set(state.events) == held == set(state.event_incidents)
    mark = state.get_mark(block)
    assert not counted or (mark is not None and mark.held == len(held))


def test_the_cap_forgets_the_oldest_incident_not_the_newer_one_sharing_its_bucket() -> None:
    state = MemoryState()
    fold(state, OLD_UNDATED, MAY_ROUND, CURRENT_CALL, NEXT_ROUND, cap=3)
    # the old round goes, though its bucket is the freshest (the current call is in it)
    assert articles(state) == {
        frozenset({"may"}),
        frozenset({"now-1"}),
        frozenset({"next"}),
    }
    assert OLD_UNDATED.event_id not in state.events
    assert_bookkeeping(state, BLOCK)


def test_a_later_report_still_meets_the_incident_kept_in_the_bucket() -> None:
    state = MemoryState()
    fold(state, OLD_UNDATED, MAY_ROUND, CURRENT_CALL, cap=3)
    fold(state, CALL_AGAIN, cap=3)  # three held: the old round goes to make room
    assert articles(state) == {frozenset({"may"}), frozenset({"now-1", "now-2"})}
    assert_bookkeeping(state, BLOCK, exact=False)


def test_the_count_after_eviction_stays_within_the_cap() -> None:
    days = [at("2025-06-01") + dt.timedelta(days=n) for n in range(40)]
    events = [  # every other one undated: they share the undated bucket, the rest one a day
        strike(f"d{n}", day, occurred_on=day.date() if n % 2 else None, places=[f"Town {n}"])
        for n, day in enumerate(days)
    ]
    for cap in (1, 2, 5):
        state = MemoryState()
        for event in events:
            fold_event(state, event, WINDOW, LONG_GRACE, max_reports=cap)
            assert sum(len(i.reports) for i in state.incidents.values()) <= cap
            assert_bookkeeping(state, "strike:RU>UA", exact=False)
        assert {e.article_id for e in state.events.values()} == {
            e.article_id for e in events[-cap:]
        }


def test_evicting_many_takes_them_oldest_first_across_buckets() -> None:
    state = MemoryState()
    events = [
        talks(
            f"u{n}",
            at("2025-01-01") + dt.timedelta(days=3 * n),
            status="held",
            parties=["RU", "US"],
            participants=[f"Person{n} Name{n}"],
            format="call",
        )
        if n % 2
        else talks(
            f"d{n}",
            at("2025-01-01") + dt.timedelta(days=3 * n),
            status="held",
            occurred_on=(at("2025-01-01") + dt.timedelta(days=3 * n)).date(),
            venue=f"City{n}",
            parties=["NO", "UA"],
        )
        for n in range(12)
    ]
    fold(state, *events, cap=100)
    assert len(state.incidents) == 12
    mark = state.get_mark(BLOCK)
    assert mark is not None and mark.held == 12
    assert evict_oldest(state, BLOCK, 12, 5) == 5
    assert {e.article_id for e in state.events.values()} == {e.article_id for e in events[-5:]}
    assert_bookkeeping(state, BLOCK, counted=False)


def test_ties_go_by_incident_id_whatever_the_arrival_order() -> None:
    same_time = at("2025-06-01", 10)
    one = talks(
        "tie-a",
        same_time,
        status="held",
        venue="Oslo",
        parties=["NO", "UA"],
        occurred_on=dt.date(2025, 5, 31),
    )
    two = talks(
        "tie-b",
        same_time,
        status="held",
        venue="Rome",
        parties=["IT", "UA"],
        occurred_on=dt.date(2025, 5, 30),
    )
    for order in ([one, two], [two, one]):
        state = MemoryState()
        fold(state, *order, cap=10)
        assert evict_oldest(state, BLOCK, 2, 1) == 1
        assert list(state.incidents) == [max(stable_id("inc", e.event_id) for e in order)]
        assert_bookkeeping(state, BLOCK, counted=False)


def test_incidents_evicted_with_held_alerts_are_reported() -> None:
    state = MemoryState()
    fold(state, OLD_UNDATED, MAY_ROUND, CURRENT_CALL, cap=10)
    old_id = state.event_incidents[OLD_UNDATED.event_id]
    old = state.incidents[old_id]
    state.put_incident(old.model_copy(update={"alerts_pending": True}))
    result = fold_event(state, NEXT_ROUND, WINDOW, LONG_GRACE, max_reports=3)
    assert [i.incident_id for i in result.forgotten] == [old_id]
    assert articles(state) == {frozenset({"may"}), frozenset({"now-1"}), frozenset({"next"})}


def test_state_written_before_the_oldest_mark_evicts_incident_by_incident() -> None:
    state = MemoryState()
    fold(state, OLD_UNDATED, MAY_ROUND, CURRENT_CALL, cap=10)
    state.directories[BLOCK] = [
        ref.model_copy(update={"oldest": None}) for ref in state.directories[BLOCK]
    ]
    state.marks[BLOCK] = state.marks[BLOCK].model_copy(update={"held": None})
    fold(state, NEXT_ROUND, cap=3)
    assert articles(state) == {frozenset({"may"}), frozenset({"now-1"}), frozenset({"next"})}
    assert_bookkeeping(state, BLOCK)


@st.composite
def talks_over_months(draw: st.DrawFn) -> list[Event]:
    """Rounds over two months, dated or not, some reported again (an incident's last report
    moves on while its bucket's `oldest` stays), some at the very same time (ties)."""
    reports: list[Event] = []
    for n in range(draw(st.integers(min_value=2, max_value=25))):
        published = at("2025-04-01", 0) + dt.timedelta(hours=draw(st.integers(0, 60)) * 24)
        who = draw(st.integers(0, 5))
        dated = draw(st.booleans())
        reports.append(
            talks(
                f"a{n}",
                published,
                status="held",
                occurred_on=published.date() if dated else None,
                format="call",
                parties=["RU", "US"],
                participants=[f"Person{who} Name{who}"],
            )
        )
    return reports


@settings(max_examples=150, deadline=None)
@given(reports=talks_over_months(), data=st.data())
def test_the_cap_forgets_the_oldest_last_reports_first(
    reports: list[Event], data: st.DataObject
) -> None:
    state = MemoryState()
    fold(state, *reports, cap=1000)
    held = sum(len(i.reports) for i in state.incidents.values())
    most = data.draw(st.integers(0, held))
    expected = sorted(state.incidents.values(), key=lambda i: (i.last_seen, i.incident_id))
    count = held
    while count > most:
        count -= len(expected.pop(0).reports)
    assert evict_oldest(state, BLOCK, held, most) == count
    assert set(state.incidents) == {i.incident_id for i in expected}
    assert_bookkeeping(state, BLOCK, exact=False, counted=False)
