"""Alert rules: when an incident deserves an alert, and what the alert says. Pure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from schemas import Alert, AlertKind, AlertRecord, Figure, Incident
from warwire.config import AlertThresholds
from warwire.ids import stable_id

Severity = Literal["info", "warning", "critical"]

# Severity steps: crossing one of these after the first alert publishes an update.
RECORD_BARRAGE_WEAPONS = 500
MASS_CASUALTY_KILLED = 20


@dataclass(frozen=True)
class StrikeScale:
    weapons: int
    missiles: int
    killed: int

    @classmethod
    def of(cls, incident: Incident) -> StrikeScale:
        """The largest figure any report gave, as the evaluation guide counts them."""
        high = {name: fig.high for name, fig in incident.figures.items()}
        return cls(
            weapons=high.get("drones", 0) + high.get("missiles", 0),
            missiles=high.get("missiles", 0),
            killed=high.get("killed", 0),
        )


def is_large_strike(scale: StrikeScale, limits: AlertThresholds) -> bool:
    return (
        scale.weapons >= limits.weapons
        or scale.missiles >= limits.missiles
        or scale.killed >= limits.killed
    )


def strike_severity(scale: StrikeScale) -> Severity:
    if scale.weapons >= RECORD_BARRAGE_WEAPONS or scale.killed >= MASS_CASUALTY_KILLED:
        return "critical"
    return "warning"


def is_stale(incident: Incident, reported_at: dt.datetime, limits: AlertThresholds) -> bool:
    """An incident dated well before the article that reports it is history, not news."""
    if incident.occurred_on is None:
        return False
    return (reported_at.date() - incident.occurred_on).days > limits.stale_days


def alerts_due(
    incident: Incident, article_id: str, reported_at: dt.datetime, limits: AlertThresholds
) -> list[Alert]:
    """The alerts this incident version calls for that have not been published yet."""
    if incident.background or is_stale(incident, reported_at, limits):
        return []
    if incident.type == "strike":
        return _strike_alerts(incident, article_id, reported_at, limits)
    return _negotiation_alerts(incident, article_id, reported_at)


def _strike_alerts(
    incident: Incident, article_id: str, reported_at: dt.datetime, limits: AlertThresholds
) -> list[Alert]:
    scale = StrikeScale.of(incident)
    if not is_large_strike(scale, limits):
        return []
    severity = strike_severity(scale)
    if "large_strike" not in incident.alerted:
        return [_alert(incident, "large_strike", severity, article_id, reported_at)]
    escalated = severity == "critical" and incident.alerted["large_strike"].severity != "critical"
    if escalated and "large_strike_update" not in incident.alerted:
        return [_alert(incident, "large_strike_update", severity, article_id, reported_at)]
    return []


def _negotiation_alerts(incident: Incident, article_id: str, reported_at: dt.datetime) -> list[Alert]:
    if "negotiation_round" not in incident.alerted:
        return [_alert(incident, "negotiation_round", "info", article_id, reported_at)]
    held_after_scheduled = (
        incident.status == "held" and incident.alerted["negotiation_round"].status == "scheduled"
    )
    if held_after_scheduled and "negotiation_round_update" not in incident.alerted:
        return [_alert(incident, "negotiation_round_update", "info", article_id, reported_at)]
    return []


def record_alerts(incident: Incident, alerts: list[Alert]) -> Incident:
    """The incident with its `alerted` ledger updated, so no alert is ever published twice."""
    if not alerts:
        return incident
    alerted = dict(incident.alerted)
    for alert in alerts:
        alerted[alert.kind] = AlertRecord(
            alert_id=alert.alert_id, severity=alert.severity, status=incident.status
        )
    return incident.model_copy(update={"alerted": alerted})


def alert_id(incident_id: str, kind: AlertKind) -> str:
    return stable_id("al", incident_id, kind)


def _alert(
    incident: Incident, kind: AlertKind, severity: Severity, article_id: str, reported_at: dt.datetime
) -> Alert:
    return Alert(
        alert_id=alert_id(incident.incident_id, kind),
        incident_id=incident.incident_id,
        kind=kind,
        severity=severity,
        headline=headline(incident, kind),
        details=details(incident),
        occurred_on=incident.occurred_on,
        places=incident.places,
        figures=incident.figures,
        outlets=incident.outlets,
        links=sorted({r.url for r in incident.reports if r.url}),
        incident_version=incident.version,
        article_id=article_id,
        published_at=reported_at,
    )


_COUNTRY = {"RU": "Russia", "UA": "Ukraine", "US": "the US", "TR": "Turkey", "EU": "the EU"}


def _figure_text(figure: Figure, noun: str) -> str:
    spread = f" (reports: {figure.low}–{figure.high})" if figure.low != figure.high else ""
    return f"{figure.estimate} {noun}{spread}"


def headline(incident: Incident, kind: AlertKind) -> str:
    when = f" on {incident.occurred_on.isoformat()}" if incident.occurred_on else ""
    if incident.type == "strike":
        attacker = _COUNTRY.get(incident.attacker or "", "Unknown attacker")
        target = _COUNTRY.get(incident.target_country or "", "an unknown target")
        where = f" ({', '.join(incident.places[:4])})" if incident.places else ""
        weapons = [
            _figure_text(f, noun)
            for name, noun in (("drones", "drones"), ("missiles", "missiles"))
            if (f := incident.figures.get(name))
        ]
        toll = incident.figures.get("killed")
        parts = ", ".join([*weapons, *([_figure_text(toll, "killed")] if toll else [])])
        prefix = "UPDATE: " if kind.endswith("_update") else ""
        return f"{prefix}{attacker} strikes {target}{where}{when}: {parts or 'figures pending'}"
    parties = "–".join(incident.parties) or "parties unknown"
    venue = f" in {incident.venue}" if incident.venue else ""
    fmt = {"call": "call", "video": "video call"}.get(incident.format or "", "talks")
    status = incident.status or "reported"
    prefix = "UPDATE: " if kind.endswith("_update") else ""
    return f"{prefix}{parties} {fmt}{venue}{when}: {status}"


def details(incident: Incident) -> list[str]:
    lines = []
    for name, figure in incident.figures.items():
        lines.append(_figure_text(figure, name.replace("_", " ")) + f", from {figure.reports} report(s)")
    if incident.participants:
        lines.append("participants: " + ", ".join(incident.participants))
    lines.append(f"{len(incident.reports)} report(s) from: " + (", ".join(incident.outlets) or "unknown outlets"))
    return lines
