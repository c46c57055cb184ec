"""The fold step gives the incidents of folding in publication order whatever the arrival
order (within the grace), and matches on all the evidence together."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from schemas import Figure, NegotiationEvent, StrikeEvent
from tests.unit.test_dedup import WINDOW, at, fold_all, strike, talks
from warwire.config import AlertThresholds
from warwire.dedup import MemoryState, fold_event
from warwire.pipeline import fold_and_alert, release_pending

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


def test_the_alert_ledger_follows_its_report_when_a_late_report_regroups() -> None:
    state = MemoryState()
    limits = AlertThresholds()
    alerts = []
    for event in [SUMY_REPORTS[3], SUMY_REPORTS[0], SUMY_REPORTS[1]]:
        alerts += fold_and_alert(state, event, WINDOW, limits).alerts
    assert [a.kind for a in alerts] == ["large_strike"]
    [incident] = state.incidents.values()
    assert incident.alerted["large_strike"].alert_id == alerts[0].alert_id


def test_updates_never_lower_a_toll() -> None:
    state = MemoryState()
    limits = AlertThresholds()
    sent = []
    for event in [SUMY_REPORTS[3], SUMY_REPORTS[0], SUMY_REPORTS[1], SUMY_REPORTS[2]]:
        sent += fold_and_alert(state, event, WINDOW, limits).alerts
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


def test_alerts_a_late_report_calls_for_wait_for_the_block_to_settle() -> None:
    """The first report alerts at once; a late one splits off an incident that would alert
    too, but waits; a later-arriving earliest report links the two: one first alert."""
    uman = ["Uman"]
    first_told = strike(
        "u5", at("2023-04-30", 10), occurred_on=dt.date(2023, 4, 29), killed=23, places=uman
    )
    split_off = strike(
        "u4", at("2023-04-29", 17), occurred_on=dt.date(2023, 4, 28), killed=46, places=uman
    )
    linking = strike(
        "u1", at("2023-04-29", 6), occurred_on=dt.date(2023, 4, 28), killed=23, places=uman
    )
    state = MemoryState()
    limits = AlertThresholds()
    sent = fold_and_alert(state, first_told, WINDOW, limits).alerts
    waiting = fold_and_alert(state, split_off, WINDOW, limits)
    assert not waiting.alerts and any(i.alerts_pending for i in waiting.published)
    sent += fold_and_alert(state, linking, WINDOW, limits).alerts
    released = release_pending(state, "strike:RU>UA", limits)
    sent += released.alerts if released else []
    assert [a.kind for a in sent] == ["large_strike"]
    [incident] = state.incidents.values()
    assert not incident.alerts_pending and set(incident.alerted) == {"large_strike"}


def test_alerts_that_waited_go_out_when_the_block_settles() -> None:
    state = MemoryState()
    limits = AlertThresholds()
    later = strike(
        "w2", at("2025-08-02"), occurred_on=dt.date(2025, 8, 2), drones=300, places=["Lviv"]
    )
    earlier = strike(
        "w1", at("2025-07-28"), occurred_on=dt.date(2025, 7, 28), killed=9, places=["Odesa"]
    )
    assert [a.kind for a in fold_and_alert(state, later, WINDOW, limits).alerts] == ["large_strike"]
    assert fold_and_alert(state, earlier, WINDOW, limits).alerts == []
    released = release_pending(state, "strike:RU>UA", limits)
    assert released is not None and [a.kind for a in released.alerts] == ["large_strike"]
    assert release_pending(state, "strike:RU>UA", limits) is None
