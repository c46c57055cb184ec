"""Alert rules: when an incident deserves an alert, and what the alert says. Pure.

Two kinds of news alert, each published at most once per incident:
  large_strike       the largest figures any report gave reach drones + missiles >= 100,
                     missiles >= 10 or killed >= 5 (`AlertThresholds`);
  negotiation_round  the first report of a round, scheduled or held.
After that, only a material change publishes, as `<kind>_update`: a strike's toll or
barrage passing the next step of its ladder, a scheduled round reported as held. Alert ids
are derived from the incident, the kind and the step, and the incident records what was
alerted, so a redelivered or repeated report never publishes anything twice.

No alert for an incident known only from recalled (background) reports, nor for a stale
one: dated more than `stale_days` before the first current report of it. A figure beyond
the plausibility ceiling of `warwire.plausibility` counts for nothing here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from schemas import Alert, AlertKind, AlertRecord, Figure, Incident
from warwire.config import AlertThresholds
from warwire.dedup import kyiv_day
from warwire.ids import stable_id
from warwire.plausibility import largest_plausible

Severity = Literal["info", "warning", "critical"]

KILLED_STEPS = (5, 10, 20, 50, 100, 200, 500)
"""A strike's toll passing one of these after its first alert publishes an update."""
WEAPONS_STEPS = (100, 500, 1000)
"""Likewise for drones + missiles launched."""
CRITICAL_WEAPONS = 500
CRITICAL_KILLED = 20


@dataclass(frozen=True)
class StrikeScale:
    weapons: int
    missiles: int
    killed: int

    @classmethod
    def of(cls, incident: Incident) -> StrikeScale:
        """The largest figure any report gave, as the evaluation guide counts them: a downed
        count is a floor for the launched count of its kind (249 drones intercepted means at
        least 249 launched)."""
        return cls.of_figures(incident.figures)

    @classmethod
    def of_figures(cls, figures: dict[str, Figure]) -> StrikeScale:
        high = {name: _largest_plausible(name, fig) for name, fig in figures.items()}
        drones = max(high.get("drones", 0), high.get("drones_downed", 0))
        missiles = max(high.get("missiles", 0), high.get("missiles_downed", 0))
        return cls(weapons=drones + missiles, missiles=missiles, killed=high.get("killed", 0))

    @classmethod
    def recorded(cls, record: AlertRecord) -> StrikeScale:
        figures = record.figures
        return cls(figures.get("weapons", 0), figures.get("missiles", 0), figures.get("killed", 0))

    def as_figures(self) -> dict[str, int]:
        return {"weapons": self.weapons, "missiles": self.missiles, "killed": self.killed}

    def steps(self) -> tuple[int, int]:
        """How many steps of the toll and barrage ladders this scale has passed."""
        return (
            sum(self.killed >= s for s in KILLED_STEPS),
            sum(self.weapons >= s for s in WEAPONS_STEPS),
        )


def _largest_plausible(name: str, figure: Figure) -> int:
    """The largest value a report gave for `name` that one attack can have: a figure beyond
    the plausibility ceiling (a misreading, "999,999,999 killed") never raises an alert or
    its severity, whichever report carried it."""
    values = figure.values or [figure.low, figure.estimate, figure.high]
    return largest_plausible(name, values)


def is_large_strike(scale: StrikeScale, limits: AlertThresholds) -> bool:
    return (
        scale.weapons >= limits.weapons
        or scale.missiles >= limits.missiles
        or scale.killed >= limits.killed
    )


def strike_severity(scale: StrikeScale) -> Severity:
    if scale.weapons >= CRITICAL_WEAPONS or scale.killed >= CRITICAL_KILLED:
        return "critical"
    return "warning"


def is_stale(incident: Incident, limits: AlertThresholds) -> bool:
    """An incident dated well before the first current report of it is history, not news."""
    if incident.occurred_on is None:
        return False
    current = [r.published_at for r in incident.reports if not r.background]
    if not current:
        return True
    return (kyiv_day(min(current)) - incident.occurred_on).days > limits.stale_days


def alerts_due(
    incident: Incident,
    article_id: str,
    reported_at: dt.datetime,
    limits: AlertThresholds,
    event_id: str | None = None,
) -> list[Alert]:
    """The alerts this incident version calls for that have not been published yet;
    `article_id`, `event_id` and `reported_at` are those of the report just folded in."""
    if incident.background or is_stale(incident, limits):
        return []
    trigger = _Trigger(article_id, event_id, reported_at)
    if incident.type == "strike":
        return _strike_alerts(incident, trigger, limits)
    return _negotiation_alerts(incident, trigger)


@dataclass(frozen=True)
class _Trigger:
    article_id: str
    event_id: str | None
    published_at: dt.datetime


def _last_record(incident: Incident, kind: str) -> AlertRecord | None:
    return incident.alerted.get(f"{kind}_update") or incident.alerted.get(kind)


def _strike_alerts(incident: Incident, trigger: _Trigger, limits: AlertThresholds) -> list[Alert]:
    scale = StrikeScale.of(incident)
    if not is_large_strike(scale, limits):
        return []
    severity = strike_severity(scale)
    last = _last_record(incident, "large_strike")
    if last is None:
        return [_alert(incident, "large_strike", severity, trigger, scale)]
    previous = StrikeScale.recorded(last)
    if scale.killed < previous.killed or scale.weapons < previous.weapons:
        return []  # an update never goes back on a figure already alerted
    passed = [now > before for now, before in zip(scale.steps(), previous.steps(), strict=True)]
    if any(passed):
        return [_alert(incident, "large_strike_update", severity, trigger, scale)]
    return []


def _negotiation_alerts(incident: Incident, trigger: _Trigger) -> list[Alert]:
    severity: Severity = "warning" if incident.status == "held" else "info"
    last = _last_record(incident, "negotiation_round")
    if last is None:
        return [_alert(incident, "negotiation_round", severity, trigger)]
    if incident.status == "held" and last.status == "scheduled":
        return [_alert(incident, "negotiation_round_update", severity, trigger)]
    return []


def record_alerts(incident: Incident, alerts: list[Alert]) -> Incident:
    """The incident with its `alerted` ledger updated, so no alert is ever published twice."""
    if not alerts:
        return incident
    alerted = dict(incident.alerted)
    for alert in alerts:
        scale = StrikeScale.of(incident) if incident.type == "strike" else None
        alerted[alert.kind] = AlertRecord(
            alert_id=alert.alert_id,
            severity=alert.severity,
            status=incident.status,
            figures=scale.as_figures() if scale else {},
            event_id=alert.event_id,
        )
    return incident.model_copy(update={"alerted": alerted})


def alert_id(incident_id: str, kind: AlertKind, step: str = "") -> str:
    """Deterministic: the same incident, kind and step always give the same id."""
    return stable_id("al", incident_id, kind, step) if step else stable_id("al", incident_id, kind)


def _step(incident: Incident, kind: AlertKind, scale: StrikeScale | None) -> str:
    if not kind.endswith("_update"):
        return ""
    if scale is not None:
        killed, weapons = scale.steps()
        return f"killed{killed}-weapons{weapons}"
    return incident.status or ""


def _alert(
    incident: Incident,
    kind: AlertKind,
    severity: Severity,
    trigger: _Trigger,
    scale: StrikeScale | None = None,
) -> Alert:
    return Alert(
        alert_id=alert_id(incident.incident_id, kind, _step(incident, kind, scale)),
        incident_id=incident.incident_id,
        kind=kind,
        severity=severity,
        headline=headline(incident, kind),
        details=details(incident),
        occurred_on=incident.occurred_on,
        places=incident.places if incident.type == "strike" else _venue(incident),
        figures=incident.figures,
        outlets=incident.outlets,
        links=sorted({r.url for r in incident.reports if r.url}),
        incident_version=incident.version,
        article_id=trigger.article_id,
        event_id=trigger.event_id,
        published_at=trigger.published_at,
    )


def _venue(incident: Incident) -> list[str]:
    return [incident.venue] if incident.venue else []


_COUNTRY = {
    "RU": "Russia",
    "UA": "Ukraine",
    "US": "the US",
    "TR": "Turkey",
    "EU": "the EU",
    "SA": "Saudi Arabia",
    "AE": "the UAE",
    "QA": "Qatar",
    "CH": "Switzerland",
    "BY": "Belarus",
    "CN": "China",
}


_SINGULAR = {"drones": "drone", "missiles": "missile"}


def _figure_text(figure: Figure, noun: str) -> str:
    """ "1 drone downed", "2 drones downed", "5 killed": the weapon noun agrees with the count."""
    weapon, _, rest = noun.partition(" ")
    if figure.estimate == 1 and weapon in _SINGULAR:
        noun = f"{_SINGULAR[weapon]} {rest}".strip()
    spread = f" (reports: {figure.low}–{figure.high})" if figure.low != figure.high else ""
    return f"{figure.estimate} {noun}{spread}"


def _reports(count: int) -> str:
    return f"{count} report" if count == 1 else f"{count} reports"


def headline(incident: Incident, kind: AlertKind) -> str:
    when = f" on {incident.occurred_on.isoformat()}" if incident.occurred_on else ""
    prefix = "UPDATE: " if kind.endswith("_update") else ""
    if incident.type == "strike":
        attacker = _COUNTRY.get(incident.attacker or "", "Unknown attacker")
        target = _COUNTRY.get(incident.target_country or "", "an unknown target")
        where = f" ({', '.join(incident.places[:4])})" if incident.places else ""
        parts = [
            _figure_text(f, noun)
            for name, noun in (("drones", "drones"), ("missiles", "missiles"), ("killed", "killed"))
            if (f := incident.figures.get(name))
        ]
        figures = ", ".join(parts) or "figures pending"
        return f"{prefix}{attacker} strikes {target}{where}{when}: {figures}"
    parties = "–".join(incident.parties) or "parties unknown"
    venue = f" in {incident.venue}" if incident.venue else ""
    fmt = {"call": "call", "video": "video call"}.get(incident.format or "", "talks")
    status = incident.status or "reported"
    return f"{prefix}{parties} {fmt}{venue}{when}: {status}"


def details(incident: Incident) -> list[str]:
    lines = [
        _figure_text(figure, name.replace("_", " ")) + f", from {_reports(figure.reports)}"
        for name, figure in incident.figures.items()
    ]
    if incident.type == "strike" and incident.places:
        lines.append("places: " + ", ".join(incident.places))
    if incident.venue:
        lines.append(f"venue: {incident.venue}")
    if incident.participants:
        lines.append("participants: " + ", ".join(incident.participants))
    outlets = ", ".join(incident.outlets) or "unknown outlets"
    lines.append(f"{_reports(len(incident.reports))} from: {outlets}")
    return lines
