"""The processing steps a worker runs, free of Kafka: extract, fold, decide alerts.

`run_offline` chains them in one process; the Faust agents in `streams/` run the same steps
with topics in between.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from schemas import Alert, Article, Incident, NegotiationEvent, StrikeEvent
from warwire.config import AlertThresholds
from warwire.dedup import DedupState, MemoryState, fold_event
from warwire.extract import extract_events
from warwire.rules import alerts_due, record_alerts

Event = StrikeEvent | NegotiationEvent


@dataclass(frozen=True)
class FoldOutcome:
    incident: Incident
    changed: bool
    alerts: list[Alert]


def fold_and_alert(
    state: DedupState, event: Event, window: dt.timedelta, limits: AlertThresholds
) -> FoldOutcome:
    """Fold the event into its incident and decide the alerts the new version calls for.

    The incident returned already records those alerts; a caller that publishes them must do
    so before it persists the incident, or a crash in between would lose them."""
    result = fold_event(state, event, window)
    if not result.changed:
        return FoldOutcome(result.incident, changed=False, alerts=[])
    alerts = alerts_due(result.incident, event.article_id, event.published_at, limits)
    incident = record_alerts(result.incident, alerts)
    state.put_incident(incident)
    return FoldOutcome(incident, changed=True, alerts=alerts)


@dataclass
class OfflineRun:
    events: list[tuple[Event, str]] = field(default_factory=list)
    """Each extracted event with the id of the incident it was folded into."""
    alerts: list[Alert] = field(default_factory=list)
    incidents: dict[str, Incident] = field(default_factory=dict)


def run_offline(
    articles: Iterable[Article],
    window: dt.timedelta = dt.timedelta(days=7),
    limits: AlertThresholds | None = None,
) -> OfflineRun:
    """The whole pipeline over `articles` in order, in memory: the reference for the stream."""
    limits = limits or AlertThresholds()
    state = MemoryState()
    run = OfflineRun()
    for event in _events(articles):
        outcome = fold_and_alert(state, event, window, limits)
        run.events.append((event, outcome.incident.incident_id))
        run.alerts.extend(outcome.alerts)
        run.incidents[outcome.incident.incident_id] = outcome.incident
    return run


def _events(articles: Iterable[Article]) -> Iterator[Event]:
    for article in articles:
        yield from extract_events(article)
