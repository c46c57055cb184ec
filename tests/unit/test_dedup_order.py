"""The fold step gives the incidents of folding in publication order whatever the arrival
order (within the grace), and matches on all the evidence together."""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from schemas import Alert, Figure, NegotiationEvent, StrikeEvent
from tests.unit.test_dedup import WINDOW, at, fold_all, strike, talks
from warwire.config import AlertThresholds
from warwire.dedup import MemoryState, alert_holders, fold_event, order_key
from warwire.pipeline import fold_and_alert, pending_blocks, release_pending

Event = StrikeEvent | NegotiationEvent


def fold_in(order: list[Event], grace: dt.timedelta = dt.timedelta(days=30)) -> MemoryState:
    state = MemoryState()
    for event in order:
        fold_event(state, event, WINDOW, grace)
    return state


def partition(state: MemoryState) -> set[frozenset[str]]:
    return {frozenset(r.event_id for r in i.reports) for i in state.incidents.values()}


def figures(state: MemoryState) -> dict[frozenset[str], dict[str, Figure]]:
    return {frozenset(r.event_id for r in i.reports): i.figures for i in state.incidents.values()}


NIGHT = dt.date(2025, 8, 1)
SUMY_REPORTS = [
    strike("s1", at("2025-08-01", 8), occurred_on=NIGHT, killed=21, places=["Sumy"]),
    strike("s2", at("2025-08-01", 11), occurred_on=NIGHT, killed=27, injured=90, places=["Sumy"]),
    strike("s3", at("2025-08-01", 15), drones=120, missiles=4, killed=31, places=["Sumy"]),
    strike("s4", at("2025-08-02", 9), occurred_on=NIGHT, killed=35, places=["Sumy Oblast"]),
    strike("s5", at("2025-08-02", 18), drones=120, missiles=4, drones_downed=96, places=["Sumy"]),
]


def test_a_late_report_takes_its_place_in_publication_order() -> None:
    in_order = fold_in(SUMY_REPORTS)
    backwards = fold_in(list(reversed(SUMY_REPORTS)))
    assert partition(in_order) == partition(backwards)
    assert len(in_order.incidents) == 1
    assert set(in_order.incidents) == set(backwards.incidents)  # the id names the first report
    assert figures(in_order) == figures(backwards)


def test_a_report_months_ahead_closes_nothing_earlier_reports_still_need() -> None:
    months_ahead = strike(
        "far", at("2025-12-01"), occurred_on=dt.date(2025, 12, 1), drones=300, places=["Lviv"]
    )

    def sumy_incidents(grace: dt.timedelta) -> set[str]:
        state = MemoryState()
        fold_event(state, months_ahead, WINDOW, grace)
        return {fold_event(state, e, WINDOW, grace).incident.incident_id for e in SUMY_REPORTS}

    assert len(sumy_incidents(dt.timedelta(days=180))) == 1
    # later than the grace: each report finds its incident gone (the documented bound)
    assert len(sumy_incidents(dt.timedelta(days=30))) > 1


LIMITS = AlertThresholds()


def settle(state: MemoryState, settled: float = math.inf) -> list[Alert]:
    """What a completed progress round releases: the alerts that waited since `settled`."""
    alerts: list[Alert] = []
    for block in pending_blocks(state):
        released = release_pending(state, block, LIMITS, settled)
        alerts += released.alerts if released else []
    return alerts


def live(events: list[Event]) -> tuple[MemoryState, list[Alert]]:
    """Each report folded, then a progress round: a live stream, caught up after each."""
    state = MemoryState()
    sent: list[Alert] = []
    for clock, event in enumerate(events):
        sent += fold_and_alert(state, event, WINDOW, LIMITS, now=clock).alerts
        sent += settle(state, clock)
    return state, sent


def backlog(events: list[Event]) -> tuple[MemoryState, list[Alert]]:
    """Every report folded before the first progress round comes back: a backlog."""
    state = MemoryState()
    sent: list[Alert] = []
    for clock, event in enumerate(events):
        sent += fold_and_alert(state, event, WINDOW, LIMITS, now=clock).alerts
    return state, sent + settle(state, len(events))


def test_a_first_alert_waits_for_a_progress_round_begun_after_it_began_to_wait() -> None:
    state = MemoryState()
    assert fold_and_alert(state, SUMY_REPORTS[0], WINDOW, LIMITS, now=5.0).alerts == []
    assert settle(state, 4.0) == []  # a round begun before: the report may have company
    assert [a.kind for a in settle(state, 5.0)] == ["large_strike"]
    assert settle(state) == []
    # once alerted, a toll passing the next step is an update, at once
    risen = SUMY_REPORTS[1].model_copy(update={"killed": 52})
    update = fold_and_alert(state, risen, WINDOW, LIMITS, now=6.0).alerts
    assert [a.kind for a in update] == ["large_strike_update"]


def test_the_alert_ledger_follows_its_report_when_a_late_report_regroups() -> None:
    state, alerts = live([SUMY_REPORTS[3], SUMY_REPORTS[0], SUMY_REPORTS[1]])
    assert [a.kind for a in alerts] == ["large_strike"]
    [incident] = state.incidents.values()
    assert incident.alerted["large_strike"].alert_id == alerts[0].alert_id


def test_updates_never_lower_a_toll() -> None:
    _, sent = live([SUMY_REPORTS[3], SUMY_REPORTS[0], SUMY_REPORTS[1], SUMY_REPORTS[2]])
    tolls = [a.figures["killed"].high for a in sent]
    assert tolls == sorted(tolls)


def test_a_block_keeps_at_most_its_report_cap() -> None:
    state = MemoryState()
    for day in range(30):
        published = at("2025-06-01") + dt.timedelta(days=day)
        event = strike(f"d{day}", published, occurred_on=published.date(), places=["Kyiv"])
        fold_event(state, event, WINDOW, dt.timedelta(days=1000), max_reports=10)
    held = sum(len(i.reports) for i in state.incidents.values())
    assert held <= 10
    assert len(state.events) == held


# ---- tolerant matching -----------------------------------------------------------------------


def test_the_same_toll_in_the_same_city_a_day_off_is_one_strike() -> None:
    ids = fold_all(
        MemoryState(),
        strike(
            "u1", at("2023-04-29", 8), occurred_on=dt.date(2023, 4, 28), killed=23, places=["Uman"]
        ),
        strike(
            "u2", at("2023-04-30", 10), occurred_on=dt.date(2023, 4, 29), killed=23, places=["Uman"]
        ),
    )
    assert ids[0] == ids[1]


def test_a_city_and_its_region_with_the_same_toll_are_one_strike() -> None:
    day = dt.date(2023, 6, 27)
    ids = fold_all(
        MemoryState(),
        strike(
            "k1", at("2023-06-28", 8), occurred_on=day, killed=11, injured=61, places=["Kramatorsk"]
        ),
        strike(
            "k2",
            at("2023-06-28", 12),
            occurred_on=day,
            killed=11,
            injured=61,
            places=["Donetsk Oblast"],
        ),
        strike("k3", at("2023-06-28", 13), occurred_on=day, killed=2, places=["Odesa"]),
    )
    assert ids[0] == ids[1] != ids[2]


def test_a_meeting_told_as_a_call_by_one_report_is_one_round_when_the_same_people_met() -> None:
    day = dt.date(2022, 4, 26)
    ids = fold_all(
        MemoryState(),
        talks(
            "g1",
            at("2022-04-26", 20),
            status="held",
            occurred_on=day,
            format="call",
            parties=["RU", "UN"],
            participants=["Antonio Guterres", "Vladimir Putin"],
        ),
        talks(
            "g2",
            at("2022-04-27", 9),
            status="held",
            occurred_on=day,
            format="in_person",
            venue="Moscow",
            parties=["RU", "UN"],
            participants=["António Guterres", "Sergey Lavrov", "Vladimir Putin"],
        ),
    )
    assert ids[0] == ids[1]


def test_two_calls_between_the_same_sides_with_other_people_are_two_contacts() -> None:
    day = dt.date(2022, 2, 20)
    common = {"status": "held", "occurred_on": day, "format": "call", "parties": ["RU", "US"]}
    ids = fold_all(
        MemoryState(),
        talks(
            "c1", at("2022-02-20", 18), participants=["Antony Blinken", "Sergey Lavrov"], **common
        ),
        talks("c2", at("2022-02-20", 22), participants=["Joe Biden", "Vladimir Putin"], **common),
        talks("c3", at("2022-02-21", 8), participants=["Blinken"], **common),
    )
    assert ids[0] == ids[2] != ids[1]


def test_a_call_is_between_the_people_it_names() -> None:
    common = {"status": "held", "format": "call", "parties": ["RU", "US"]}
    ids = fold_all(
        MemoryState(),
        talks(
            "d1", at("2022-02-12", 19), participants=["Lavrov", "Blinken", "Joe Biden"], **common
        ),
        talks("d2", at("2022-02-12", 23), participants=["Joe Biden", "Vladimir Putin"], **common),
        talks("d3", at("2022-02-13", 8), participants=["Putin", "Biden"], **common),
    )
    assert ids[0] != ids[1] == ids[2]


def test_delegation_talks_told_by_video_and_in_person_the_same_day_are_one_round() -> None:
    day = dt.date(2022, 4, 1)
    common = {"status": "held", "occurred_on": day, "parties": ["RU", "UA"]}
    ids = fold_all(
        MemoryState(),
        talks(
            "v1", at("2022-04-01", 17), format="video", participants=["Vladimir Medinsky"], **common
        ),
        talks("v2", at("2022-04-02", 9), format="in_person", **common),
    )
    assert ids[0] == ids[1]


# ---- property: any order within the grace, one incident, the same figures ---------------------

_DAY = dt.date(2025, 7, 20)


@st.composite
def reports_of_one_strike(draw: st.DrawFn) -> list[StrikeEvent]:
    """Reports of one strike on Odesa: dated or undated (the morning after), a launch count
    close to 140 drones, a toll that rises as the dead are found."""
    count = draw(st.integers(min_value=2, max_value=7))
    reports = []
    for n in range(count):
        hour = draw(st.integers(min_value=0, max_value=40))
        published = dt.datetime.combine(_DAY, dt.time(6), tzinfo=at("2025-01-01").tzinfo)
        published += dt.timedelta(hours=hour, minutes=n)
        fields: dict[str, object] = {"places": ["Odesa"]}
        if draw(st.booleans()) or n == 0:
            fields["occurred_on"] = _DAY
        if draw(st.booleans()) or n == 0:
            fields["drones"] = 140
        if draw(st.booleans()):
            fields["killed"] = draw(st.integers(min_value=1, max_value=40))
        reports.append(strike(f"p{n}", published, **fields))
    return reports


@settings(max_examples=60, deadline=None)
@given(reports=reports_of_one_strike(), data=st.data())
def test_any_order_of_one_strikes_reports_gives_one_incident_with_the_same_figures(
    reports: list[StrikeEvent], data: st.DataObject
) -> None:
    order = data.draw(st.permutations(reports))
    reference = fold_in(reports)
    shuffled = fold_in(list(order))
    assert len(shuffled.incidents) == 1
    assert partition(shuffled) == partition(reference)
    assert figures(shuffled) == figures(reference)


def test_every_order_of_a_few_reports_gives_the_same_incidents() -> None:
    reference = fold_in(SUMY_REPORTS[:4])
    for order in itertools.permutations(SUMY_REPORTS[:4]):
        state = fold_in(list(order))
        assert partition(state) == partition(reference)
        assert figures(state) == figures(reference)


UMAN = ["Uman"]
FIRST_TOLD = strike(
    "u5", at("2023-04-30", 10), occurred_on=dt.date(2023, 4, 29), killed=23, places=UMAN
)
SPLIT_OFF = strike(
    "u4", at("2023-04-29", 17), occurred_on=dt.date(2023, 4, 28), killed=46, places=UMAN
)
LINKING = strike(
    "u1", at("2023-04-29", 6), occurred_on=dt.date(2023, 4, 28), killed=23, places=UMAN
)


def test_a_report_that_links_two_incidents_read_before_the_round_merges_them_first() -> None:
    """Read last but published first, a report links two incidents that would each alert:
    the alerts wait for the round, so one first alert goes out, for the merged incident."""
    state, sent = backlog([FIRST_TOLD, SPLIT_OFF, LINKING])
    assert [a.kind for a in sent] == ["large_strike"]
    [incident] = state.incidents.values()
    assert not incident.alerts_pending and set(incident.alerted) == {"large_strike"}
    assert sent[0].figures["killed"].high == 46  # decided on the incident as it ends


def test_a_report_that_links_two_incidents_already_alerted_cannot_take_an_alert_back() -> None:
    """The limit: alerted live before the linking report was even posted, both keep theirs."""
    _, sent = live([FIRST_TOLD, SPLIT_OFF, LINKING])
    assert [a.kind for a in sent].count("large_strike") == 2


def test_alerts_that_waited_go_out_when_the_block_settles() -> None:
    state = MemoryState()
    later = strike(
        "w2", at("2025-08-02"), occurred_on=dt.date(2025, 8, 2), drones=300, places=["Lviv"]
    )
    earlier = strike(
        "w1", at("2025-07-28"), occurred_on=dt.date(2025, 7, 28), killed=9, places=["Odesa"]
    )
    assert fold_and_alert(state, later, WINDOW, LIMITS, now=1.0).alerts == []
    assert fold_and_alert(state, earlier, WINDOW, LIMITS, now=2.0).alerts == []
    # days apart and in other cities, the late report leaves the other incident as it was
    assert [a.kind for a in settle(state, 1.5)] == ["large_strike"]  # waited since 1.0
    assert [a.kind for a in settle(state, 2.0)] == ["large_strike"]
    assert release_pending(state, "strike:RU>UA", LIMITS) is None


# ---- property: any arrival order, then settling: one first alert per incident ----------------

HISTORY = talks(
    "h1",
    at("2025-05-20"),
    status="held",
    occurred_on=dt.date(2022, 3, 29),
    venue="Istanbul",
    parties=["RU", "UA"],
    background=True,
)
KYIV_NIGHT = dt.date(2025, 7, 10)
MIXED: list[Event] = [
    *SUMY_REPORTS,
    FIRST_TOLD,
    SPLIT_OFF,
    LINKING,
    strike(
        "k1", at("2025-07-10", 7), occurred_on=KYIV_NIGHT, drones=90, missiles=12, places=["Kyiv"]
    ),
    strike(
        "k2", at("2025-07-10", 9), occurred_on=KYIV_NIGHT, drones=94, missiles=12, places=["Kyiv"]
    ),
    talks(
        "t1",
        at("2025-05-14"),
        status="scheduled",
        occurred_on=dt.date(2025, 5, 16),
        venue="Istanbul",
        parties=["RU", "UA"],
    ),
    talks(
        "t2",
        at("2025-05-16", 18),
        status="held",
        occurred_on=dt.date(2025, 5, 16),
        venue="Istanbul",
        parties=["RU", "UA", "TR"],
    ),
    HISTORY,
]


def first_alerts(state: MemoryState, sent: list[Alert]) -> Counter[tuple[frozenset[str], str]]:
    members = {
        i.incident_id: frozenset(r.event_id for r in i.reports) for i in state.incidents.values()
    }
    holders = alert_holders(state.incidents.values())
    return Counter(
        (members[holders[a.alert_id]], a.kind) for a in sent if not a.kind.endswith("_update")
    )


@settings(max_examples=80, deadline=None)
@given(order=st.permutations(MIXED))
def test_any_arrival_order_gives_the_publication_order_incidents_and_one_first_alert_each(
    order: list[Event],
) -> None:
    reference, reference_sent = backlog(sorted(MIXED, key=order_key))
    state, sent = backlog(list(order))
    assert partition(state) == partition(reference)
    assert figures(state) == figures(reference)
    first = first_alerts(state, sent)
    assert first == first_alerts(reference, reference_sent)
    assert set(first.values()) == {1}
    assert len(first) == 4  # Sumy, Uman, Kyiv, the Istanbul round; never the recalled 2022 one
    assert not any(a.kind.endswith("_update") for a in sent)  # decided once, on the end state


# ---- expiry is per incident: past the grace, nothing lingers because of a bucket mate -------

SHORT_GRACE = dt.timedelta(days=30)
CURRENT_CALL = talks(
    "now-1",
    at("2025-06-01", 10),
    status="held",
    format="call",
    parties=["RU", "US"],
    participants=["Ann Archer", "Bob Brook"],
)
"""Undated, so it sits in the block's undated bucket and keeps that bucket fresh."""
OLD_ROUND_UNDATED = talks(
    "old-1",
    at("2025-03-03", 16),
    status="held",
    format="in_person",
    venue="Vienna",
    parties=["CN", "RU"],
    participants=["Carl Chen", "Dan Drum"],
)
OLD_ROUND_DATED = talks(
    "old-2",
    at("2025-03-04", 5),
    status="held",
    occurred_on=dt.date(2025, 3, 3),
    format="in_person",
    venue="Vienna",
    parties=["CN", "RU"],
    participants=["Carl Chen", "Dan Drum"],
)
MOVING_ON = talks(
    "now-2",
    at("2025-06-02", 10),
    status="held",
    occurred_on=dt.date(2025, 6, 2),
    venue="Oslo",
    parties=["NO", "UA"],
)


def joined_and_left(order: list[Event]) -> tuple[dict[str, frozenset[str]], set[frozenset[str]]]:
    """What each report joined when it was folded, and the incidents kept once the block
    has moved on (one more report: expiry runs before each fold)."""
    state = MemoryState()
    joined = {}
    for event in [*order, MOVING_ON]:
        incident = fold_event(state, event, WINDOW, SHORT_GRACE).incident
        joined[event.event_id] = frozenset(r.event_id for r in incident.reports)
    return joined, partition(state)


def test_reports_past_the_grace_meet_the_same_incidents_in_either_order() -> None:
    """Two reports of one round, both more than the window and grace behind the block's
    newest report. The undated one's incident shares the undated bucket with a current
    round; it used to be kept with that bucket, so the dated report joined it when it came
    second and not when it came first (a chaos run's no-fault differences)."""
    first = joined_and_left([CURRENT_CALL, OLD_ROUND_UNDATED, OLD_ROUND_DATED])
    second = joined_and_left([CURRENT_CALL, OLD_ROUND_DATED, OLD_ROUND_UNDATED])
    assert first == second
    joined, kept = first
    # each is folded against what the grace leaves: neither finds the other
    assert joined[OLD_ROUND_DATED.event_id] == {OLD_ROUND_DATED.event_id}
    assert kept == {frozenset({CURRENT_CALL.event_id}), frozenset({MOVING_ON.event_id})}


def test_an_incident_past_the_grace_is_forgotten_though_its_bucket_is_fresh() -> None:
    state = MemoryState()
    for event in (CURRENT_CALL, OLD_ROUND_UNDATED):  # both undated: one bucket
        fold_event(state, event, WINDOW, SHORT_GRACE)
    assert len(state.incidents) == 2  # expiry runs before a fold, not after it
    fold_event(state, MOVING_ON, WINDOW, SHORT_GRACE)
    assert partition(state) == {
        frozenset({CURRENT_CALL.event_id}),
        frozenset({MOVING_ON.event_id}),
    }
    assert set(state.events) == {CURRENT_CALL.event_id, MOVING_ON.event_id}
    [undated] = [k for k in state.buckets if k.endswith("|undated")]
    assert [e.incident_id for e in state.buckets[undated]] == [
        state.event_incidents[CURRENT_CALL.event_id]
    ]


def test_state_written_before_the_oldest_mark_still_expires_incident_by_incident() -> None:
    state = MemoryState()
    for event in (CURRENT_CALL, OLD_ROUND_UNDATED):
        fold_event(state, event, WINDOW, SHORT_GRACE)
    block = "negotiation"
    state.directories[block] = [
        ref.model_copy(update={"oldest": None}) for ref in state.directories[block]
    ]
    fold_event(state, MOVING_ON, WINDOW, SHORT_GRACE)
    assert OLD_ROUND_UNDATED.event_id not in state.event_incidents
    assert all(ref.oldest is not None for ref in state.directories[block])


# ---- property: chains of rounds, undated rounds, dates that move as reports join -------------

_ROUND_DAY = dt.date(2025, 4, 7)
_VENUES = [None, None, "Vienna", "Oslo"]
_SIDES = [["RU", "US"], ["RU", "UA"], ["RU", "UA", "US"], ["UA", "US"]]
_PEOPLE = [[], [], ["Ann Archer"], ["Bob Brook"], ["Ann Archer", "Bob Brook"], ["Carl Chen"]]
_FORMATS = [None, "in_person", "call", "video"]


@st.composite
def rounds_of_talks(draw: st.DrawFn, start: dt.date = _ROUND_DAY, tag: str = "r") -> list[Event]:
    """Reports of a few contacts over a week, told in many ways: held or announced, dated
    (a day or two off) or not, with or without venue, people and format, and now and then a
    second contact in the same article, so rounds chain into one another (A fits B, B fits C)
    and an incident's date moves as reports join it."""
    reports: list[Event] = []
    for n in range(draw(st.integers(min_value=3, max_value=9))):
        day = start + dt.timedelta(days=draw(st.integers(min_value=0, max_value=5)))
        published = dt.datetime.combine(day, dt.time(draw(st.integers(0, 23))), tzinfo=dt.UTC)
        for ordinal in range(draw(st.sampled_from([1, 1, 1, 2]))):
            status = draw(st.sampled_from(["held", "held", "scheduled"]))
            shift = draw(st.integers(-2, 0) if status == "held" else st.integers(0, 3))
            dated = draw(st.booleans())
            reports.append(
                talks(
                    f"{tag}{n}",
                    published,
                    ordinal,
                    status=status,
                    occurred_on=day + dt.timedelta(days=shift) if dated else None,
                    venue=draw(st.sampled_from(_VENUES)),
                    format=draw(st.sampled_from(_FORMATS)),
                    parties=draw(st.sampled_from(_SIDES)),
                    participants=draw(st.sampled_from(_PEOPLE)),
                )
            )
    return reports


@settings(max_examples=150, deadline=None)
@given(reports=rounds_of_talks(), data=st.data())
def test_any_order_of_chained_rounds_gives_the_publication_order_incidents(
    reports: list[Event], data: st.DataObject
) -> None:
    order = list(data.draw(st.permutations(reports)))
    in_order = sorted(reports, key=order_key)
    assert partition(fold_in(order)) == partition(fold_in(in_order))
    # read as a backlog, the alerts (held for the progress round) are those of publication order
    state, sent = backlog(order)
    reference, reference_sent = backlog(in_order)
    assert sorted(a.alert_id for a in sent) == sorted(a.alert_id for a in reference_sent)
    assert set(state.incidents) == set(reference.incidents)


@settings(max_examples=80, deadline=None)
@given(
    old=rounds_of_talks(start=dt.date(2025, 3, 1), tag="o"),
    current=rounds_of_talks(start=dt.date(2025, 5, 26), tag="c"),
    data=st.data(),
)
def test_reports_past_the_grace_give_the_same_incidents_in_any_order(
    old: list[Event], current: list[Event], data: st.DataObject
) -> None:
    """Once the block's newest report has come, rounds of three months before are past the
    grace: each is folded against what is left, and what is left must not depend on the
    order (nor on which incidents share a day bucket with a current one)."""
    rest = [*old, *current]
    one = joined_and_left([CURRENT_CALL, *data.draw(st.permutations(rest))])
    other = joined_and_left([CURRENT_CALL, *data.draw(st.permutations(rest))])
    assert one[1] == other[1]
    past = {e.event_id for e in old}
    assert {i: m for i, m in one[0].items() if i in past} == {
        i: m for i, m in other[0].items() if i in past
    }
