"""Alert rules (warwire.rules): when an incident alerts, once, and what the alert says."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from schemas import Incident, Report
from warwire.config import AlertThresholds
from warwire.dedup import reconcile_figures
from warwire.rules import StrikeScale, alert_id, alerts_due, is_stale, record_alerts

LIMITS = AlertThresholds()
KYIV = dt.timezone(dt.timedelta(hours=3))
DAY = dt.date(2025, 7, 10)


def at(hour: int, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=KYIV)


def report(n: int, hour: int, background: bool = False, **figures: int) -> Report:
    return Report(
        event_id=f"ev-{n}",
        article_id=f"a{n}",
        outlet=f"Outlet {n}",
        url=f"https://outlet{n}.example/story",
        published_at=at(hour),
        figures=figures,
        occurred_on=DAY,
        background=background,
    )


def strike_incident(*reports: Report, occurred_on: dt.date | None = DAY, **fields: Any) -> Incident:
    return Incident(
        incident_id="inc-strike",
        type="strike",
        version=len(reports),
        blocking_key="strike:RU>UA",
        first_seen=min(r.published_at for r in reports),
        last_seen=max(r.published_at for r in reports),
        occurred_on=occurred_on,
        background=all(r.background for r in reports),
        attacker="RU",
        target_country="UA",
        places=fields.pop("places", ["Kyiv"]),
        figures=reconcile_figures(reports),
        reports=list(reports),
        outlets=sorted({r.outlet for r in reports if r.outlet}),
        **fields,
    )


def talks_incident(status: str, *, background: bool = False) -> Incident:
    return Incident(
        incident_id="inc-talks",
        type="negotiation",
        blocking_key="negotiation",
        first_seen=at(9),
        last_seen=at(9),
        occurred_on=DAY,
        background=background,
        status=status,  # type: ignore[arg-type]
        format="in_person",
        venue="Istanbul",
        parties=["RU", "UA"],
        participants=["Vladimir Medinsky", "Rustem Umerov"],
        reports=[
            Report(
                event_id="ev-t",
                article_id="t1",
                published_at=at(9),
                occurred_on=DAY,
                status=status,  # type: ignore[arg-type]
                background=background,
            )
        ],
    )


def due(incident: Incident, limits: AlertThresholds = LIMITS) -> list[str]:
    return [a.kind for a in alerts_due(incident, "a-latest", at(22), limits)]


@pytest.mark.parametrize(
    ("figures", "large"),
    [
        ({"drones": 90, "missiles": 9}, False),
        ({"drones": 91, "missiles": 9}, True),
        ({"missiles": 10}, True),
        ({"killed": 4, "drones": 12}, False),
        ({"killed": 5}, True),
        ({"injured": 80}, False),
    ],
)
def test_large_strike_thresholds(figures: dict[str, int], large: bool) -> None:
    assert due(strike_incident(report(1, 8, **figures))) == (["large_strike"] if large else [])


def test_thresholds_are_configurable() -> None:
    incident = strike_incident(report(1, 8, drones=60))
    assert due(incident) == []
    assert due(incident, AlertThresholds(weapons=50)) == ["large_strike"]


def test_largest_reported_figure_counts_not_the_estimate() -> None:
    incident = strike_incident(
        report(1, 8, drones=80), report(2, 9, drones=80), report(3, 10, drones=120)
    )
    assert incident.figures["drones"].estimate == 80
    assert due(incident) == ["large_strike"]


def test_background_only_and_stale_incidents_do_not_alert() -> None:
    recalled = strike_incident(report(1, 8, background=True, killed=30))
    assert due(recalled) == []
    assert due(strike_incident(report(1, 8, background=True, killed=30), report(2, 9))) == [
        "large_strike"
    ]
    old = strike_incident(report(1, 8, killed=30), occurred_on=DAY - dt.timedelta(days=10))
    assert is_stale(old, LIMITS)
    assert due(old) == []
    assert due(old, AlertThresholds(stale_days=30)) == ["large_strike"]
    assert not is_stale(strike_incident(report(1, 8), occurred_on=None), LIMITS)


def test_one_alert_per_incident_and_kind_then_updates_at_each_step() -> None:
    incident = strike_incident(report(1, 8, drones=400, missiles=18, killed=2))
    [first] = alerts_due(incident, "a1", at(8), LIMITS)
    assert first.kind == "large_strike" and first.severity == "warning"
    assert first.alert_id == alert_id("inc-strike", "large_strike")
    incident = record_alerts(incident, [first])
    assert alerts_due(incident, "a1", at(8), LIMITS) == []

    # another report with the same figures: nothing new to say
    incident = strike_incident(
        *incident.reports, report(2, 9, drones=400, killed=2), alerted=incident.alerted
    )
    assert due(incident) == []

    # the toll passes 5: an update; passing it again says nothing
    incident = strike_incident(*incident.reports, report(3, 12, killed=6), alerted=incident.alerted)
    [update] = alerts_due(incident, "a3", at(12), LIMITS)
    assert update.kind == "large_strike_update" and update.article_id == "a3"
    incident = record_alerts(incident, [update])
    incident = strike_incident(*incident.reports, report(4, 14, killed=7), alerted=incident.alerted)
    assert due(incident) == []

    # 20 killed: critical, and an update with an id of its own
    incident = strike_incident(
        *incident.reports, report(5, 20, killed=21), alerted=incident.alerted
    )
    [critical] = alerts_due(incident, "a5", at(20), LIMITS)
    assert critical.severity == "critical"
    assert critical.kind == "large_strike_update"
    assert len({first.alert_id, update.alert_id, critical.alert_id}) == 3
    again = alerts_due(incident, "a5", at(20), LIMITS)
    assert [a.alert_id for a in again] == [critical.alert_id]  # deterministic


def test_a_barrage_passing_500_weapons_is_critical_from_the_start() -> None:
    [alert] = alerts_due(
        strike_incident(report(1, 8, drones=480, missiles=30)), "a1", at(8), LIMITS
    )
    assert alert.severity == "critical" and alert.kind == "large_strike"


def test_a_scheduled_round_alerts_once_and_updates_once_held() -> None:
    scheduled = talks_incident("scheduled")
    [first] = alerts_due(scheduled, "t1", at(9), LIMITS)
    assert (first.kind, first.severity) == ("negotiation_round", "info")
    scheduled = record_alerts(scheduled, [first])
    assert alerts_due(scheduled, "t2", at(10), LIMITS) == []

    held = scheduled.model_copy(update={"status": "held"})
    [update] = alerts_due(held, "t3", at(18), LIMITS)
    assert (update.kind, update.severity) == ("negotiation_round_update", "warning")
    held = record_alerts(held, [update])
    assert alerts_due(held, "t4", at(19), LIMITS) == []


def test_a_round_first_reported_as_held_alerts_once() -> None:
    held = talks_incident("held")
    [alert] = alerts_due(held, "t1", at(9), LIMITS)
    assert alert.kind == "negotiation_round"
    assert alerts_due(record_alerts(held, [alert]), "t1", at(9), LIMITS) == []
    assert alerts_due(talks_incident("held", background=True), "t1", at(9), LIMITS) == []


def test_an_alert_is_self_contained() -> None:
    incident = strike_incident(
        report(1, 7, drones=400, missiles=18, killed=2),
        report(2, 11, drones=415, missiles=18, killed=3),
        places=["Kyiv", "Lviv"],
    )
    [alert] = alerts_due(incident, "a2", at(11), LIMITS)
    assert alert.headline == (
        "Russia strikes Ukraine (Kyiv, Lviv) on 2025-07-10: 415 drones (reports: 400–415), "
        "18 missiles, 3 killed (reports: 2–3)"
    )
    assert alert.occurred_on == DAY and alert.places == ["Kyiv", "Lviv"]
    assert alert.figures["drones"].low == 400 and alert.figures["drones"].high == 415
    assert alert.outlets == ["Outlet 1", "Outlet 2"]
    assert alert.links == ["https://outlet1.example/story", "https://outlet2.example/story"]
    assert alert.incident_version == 2
    assert alert.article_id == "a2" and alert.published_at == at(11)
    assert "2 reports from: Outlet 1, Outlet 2" in alert.details

    single = strike_incident(
        report(1, 7, drones=120, missiles=1, drones_downed=1, killed=5), places=["Odesa"]
    )
    [one] = alerts_due(single, "a1", at(7), LIMITS)
    assert "120 drones, 1 missile, 5 killed" in one.headline
    assert "1 drone downed, from 1 report" in one.details
    assert "1 report from: Outlet 1" in one.details

    [talks] = alerts_due(talks_incident("held"), "t1", at(9), LIMITS)
    assert talks.headline == "RU–UA talks in Istanbul on 2025-07-10: held"
    assert talks.places == ["Istanbul"]
    assert "participants: Vladimir Medinsky, Rustem Umerov" in talks.details


def test_strike_scale_uses_the_highest_report() -> None:
    incident = strike_incident(
        report(1, 7, drones=100, missiles=3, killed=1), report(2, 9, drones=90, killed=4)
    )
    assert StrikeScale.of(incident) == StrikeScale(weapons=103, missiles=3, killed=4)


@pytest.mark.parametrize(
    "figures",
    [
        {"killed": 999_999_999},
        {"drones": 400_000},
        {"missiles_downed": 50_000},
        {"injured": 3, "drones_downed": 10**9},
    ],
)
def test_a_figure_beyond_the_plausibility_ceiling_raises_no_alert(figures: dict[str, int]) -> None:
    assert due(strike_incident(report(1, 8, **figures))) == []


def test_an_implausible_report_neither_escalates_nor_updates_a_real_strike() -> None:
    [alert] = alerts_due(strike_incident(report(1, 8, killed=7)), "a1", at(8), LIMITS)
    assert alert.severity == "warning"
    incident = record_alerts(strike_incident(report(1, 8, killed=7)), [alert])
    wild = strike_incident(report(1, 8, killed=7), report(2, 9, killed=999_999_999))
    wild = wild.model_copy(update={"alerted": incident.alerted})
    assert alerts_due(wild, "a2", at(9), LIMITS) == []
    [fresh] = alerts_due(
        strike_incident(report(1, 8, killed=7), report(2, 9, killed=999_999_999)),
        "a2",
        at(9),
        LIMITS,
    )
    assert fresh.severity == "warning"  # judged on the plausible toll, 7


def test_the_largest_real_waves_stay_within_the_ceilings() -> None:
    [alert] = alerts_due(
        strike_incident(report(1, 8, drones=810, missiles=13, killed=61)), "a1", at(8), LIMITS
    )
    assert alert.severity == "critical"
