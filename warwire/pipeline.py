"""The processing steps a worker runs, free of Kafka: recognise repeated articles, extract,
fold, decide alerts.

`run_offline` chains them in one process; the Faust agents in `streams/` run the same steps
with topics in between:

    article --route/check_url--> check by body (seen.process_article: copy or extract)
            --> each event --fold_and_alert--> incident version + alerts
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from schemas import Alert, Article, Incident, NegotiationEvent, StrikeEvent
from warwire import seen
from warwire.config import DEFAULT_MAX_ARTICLES, DEFAULT_MAX_REPORTS, AlertThresholds
from warwire.dedup import (
    DEFAULT_GRACE,
    DedupState,
    MatchResult,
    MemoryState,
    blocking_key,
    fold_event,
)
from warwire.extract import extract_events
from warwire.rules import alerts_due, record_alerts

Event = StrikeEvent | NegotiationEvent

DEFAULT_WINDOW = dt.timedelta(days=7)


@dataclass(frozen=True)
class FoldOutcome:
    incident: Incident
    """The incident that holds the event."""
    changed: bool
    alerts: list[Alert]
    regrouped: list[Incident] = field(default_factory=list)
    """Other incidents a late event changed, to publish as well."""
    removed: list[str] = field(default_factory=list)
    """Incidents a late event dissolved (their reports went to others)."""
    late: bool = False
    """The event was placed before reports of its block that came earlier."""

    expired: list[Incident] = field(default_factory=list)
    """Incidents whose held alert went out because the fold forgot them (they left the dedup
    window or the block's report limit while waiting)."""

    @property
    def published(self) -> list[Incident]:
        """Every incident version this fold produced."""
        return [self.incident, *self.regrouped, *self.expired]


def fold_and_alert(
    state: DedupState,
    event: Event,
    window: dt.timedelta,
    limits: AlertThresholds,
    grace: dt.timedelta = DEFAULT_GRACE,
    max_reports: int = DEFAULT_MAX_REPORTS,
    now: float = 0.0,
) -> FoldOutcome:
    """Fold the event into its incident and decide the alerts the new versions call for.

    The incidents returned already record the alerts sent; a caller that publishes them must
    do so before it persists the incidents, or a crash in between would lose them.

    A first alert, and any alert of an incident a late report regrouped, is *held*: the
    incident is marked `alerts_pending` at processing time `now`, and the alert goes out from
    `release_pending` once every article posted before a later moment has been folded (a
    progress round, `warwire.barriers`). Until then a report published earlier than the
    incident's, still on its way, can merge it with another or split it, and an alert sent
    for each part would be a second first alert for one real event. An incident that has had
    its first alert takes its updates at once, unless it waits."""
    block = blocking_key(event)
    mark = state.get_mark(block)
    waiting_before = [
        incident
        for incident_id in (mark.pending if mark else [])
        if (incident := state.get_incident(incident_id)) is not None and incident.alerts_pending
    ]
    result = fold_event(state, event, window, grace, max_reports)
    if not result.changed:
        return FoldOutcome(result.incident, changed=False, alerts=[])
    expired, expired_alerts = _release_forgotten(state, block, waiting_before, result, limits)
    alerts: list[Alert] = []
    updated: list[Incident] = []
    waiting: list[str] = []
    for incident in (result.incident, *result.regrouped):
        due = _due(incident, limits, event.event_id)
        first = any(not alert.kind.endswith("_update") for alert in due)
        if result.late or incident.alerts_pending or first:
            if due:
                waiting.append(incident.incident_id)
            incident = incident.model_copy(update={"alerts_pending": bool(due)})
        else:
            incident = record_alerts(incident, due)
            alerts.extend(due)
        state.put_incident(incident)
        updated.append(incident)
    if waiting:
        mark = state.get_mark(block)
        if mark is not None:
            pending = sorted(set(mark.pending) | set(waiting))
            # an incident waits from when it began to, however often it changes meanwhile
            pending_at = {**dict.fromkeys(waiting, now), **mark.pending_at}
            state.put_mark(
                block, mark.model_copy(update={"pending": pending, "pending_at": pending_at})
            )
    return FoldOutcome(
        updated[0],
        changed=True,
        alerts=expired_alerts + alerts,
        regrouped=updated[1:],
        removed=list(result.removed),
        late=result.late,
        expired=expired,
    )


def _release_forgotten(
    state: DedupState,
    block: str,
    waiting_before: list[Incident],
    result: MatchResult,
    limits: AlertThresholds,
) -> tuple[list[Incident], list[Alert]]:
    """The held alerts of incidents the fold just forgot (out of the window or over the
    block's report limit): a later report can no longer change them, and `release_pending`
    would no longer find them, so their alerts go out now."""
    gone = [
        incident
        for incident in waiting_before
        if incident.incident_id not in result.removed
        and state.get_incident(incident.incident_id) is None
    ]
    if not gone:
        return [], []
    alerts: list[Alert] = []
    released: list[Incident] = []
    for incident in gone:
        due = _due(incident, limits, "")
        alerts.extend(due)
        released.append(
            record_alerts(incident, due).model_copy(
                update={"alerts_pending": False, "version": incident.version + 1}
            )
        )
    gone_ids = {incident.incident_id for incident in gone}
    mark = state.get_mark(block)
    if mark is not None:
        pending = [i for i in mark.pending if i not in gone_ids]
        pending_at = {i: at for i, at in mark.pending_at.items() if i not in gone_ids}
        state.put_mark(
            block, mark.model_copy(update={"pending": pending, "pending_at": pending_at})
        )
    return released, alerts


def _due(incident: Incident, limits: AlertThresholds, event_id: str) -> list[Alert]:
    # a regrouped incident's alert is credited to its latest report
    report = next((r for r in incident.reports if r.event_id == event_id), None)
    report = report or incident.reports[-1]
    return alerts_due(incident, report.article_id, report.published_at, limits, report.event_id)


def release_pending(
    state: DedupState, block: str, limits: AlertThresholds, settled: float = math.inf
) -> FoldOutcome | None:
    """The alerts of the block's incidents that began to wait at `settled` or before (every
    article posted by then has been folded), decided on the incidents as they are now; None
    when none of them calls for one."""
    mark = state.get_mark(block)
    if mark is None or not mark.pending:
        return None
    alerts: list[Alert] = []
    released: list[Incident] = []
    still: list[str] = []
    for incident_id in mark.pending:
        if mark.pending_at.get(incident_id, 0.0) > settled:
            still.append(incident_id)
            continue
        incident = state.get_incident(incident_id)
        if incident is None or not incident.alerts_pending:
            continue
        due = _due(incident, limits, "")
        incident = record_alerts(incident, due).model_copy(
            update={"alerts_pending": False, "version": incident.version + 1}
        )
        state.put_incident(incident)
        alerts.extend(due)
        released.append(incident)
    pending_at = {i: t for i, t in mark.pending_at.items() if i in still}
    state.put_mark(block, mark.model_copy(update={"pending": still, "pending_at": pending_at}))
    if not released:
        return None
    return FoldOutcome(released[0], changed=True, alerts=alerts, regrouped=released[1:])


def pending_blocks(state: MemoryState) -> list[str]:
    return sorted(block for block, mark in state.marks.items() if mark.pending)


@dataclass
class ArticleStates:
    """The two article-level stores, one per routing step (URL, then body)."""

    urls: seen.KeyValue = field(default_factory=seen.MemoryKeyValue)
    bodies: seen.KeyValue = field(default_factory=seen.MemoryKeyValue)


def article_events(
    states: ArticleStates,
    article: Article,
    window: dt.timedelta,
    extract: Callable[[Article], list[Event]] = extract_events,
    shard: str = "0",
) -> seen.ArticleOutcome:
    """The article's events: copied from the article it repeats, or extracted."""
    source = seen.Source(topic="offline", partition=0, offset=0, key=article.id)
    routed = seen.check_url(states.urls, shard, seen.route(article, source), window)
    return seen.process_article(states.bodies, shard, routed, window, extract)


@dataclass
class OfflineRun:
    events: list[tuple[Event, str]] = field(default_factory=list)
    """Each event with the id of the incident it was folded into."""
    alerts: list[Alert] = field(default_factory=list)
    incidents: dict[str, Incident] = field(default_factory=dict)
    duplicate_articles: dict[str, str] = field(default_factory=dict)
    """Repeated article id -> the id of the article it repeats."""


def run_offline(
    articles: Iterable[Article],
    window: dt.timedelta = DEFAULT_WINDOW,
    limits: AlertThresholds | None = None,
    extract: Callable[[Article], list[Event]] = extract_events,
    grace: dt.timedelta = DEFAULT_GRACE,
    max_reports: int = DEFAULT_MAX_REPORTS,
    max_articles: int = DEFAULT_MAX_ARTICLES,
) -> OfflineRun:
    """The whole pipeline over `articles` in order, in memory: the reference for the stream.
    `events` pairs each event with the incident that holds it at the end of the run."""
    limits = limits or AlertThresholds()
    state = MemoryState()
    article_states = ArticleStates(
        seen.MemoryKeyValue(grace, max_articles), seen.MemoryKeyValue(grace, max_articles)
    )
    run = OfflineRun()
    for article in articles:
        outcome = article_events(article_states, article, window, extract)
        if outcome.seen is not None and outcome.seen.original.article_id != article.id:
            run.duplicate_articles[article.id] = outcome.seen.original.article_id
        for event in outcome.events:
            folded = fold_and_alert(state, event, window, limits, grace, max_reports)
            run.events.append((event, folded.incident.incident_id))
            run.alerts.extend(folded.alerts)
            for incident in folded.published:
                run.incidents[incident.incident_id] = incident
            for incident_id in folded.removed:
                run.incidents.pop(incident_id, None)
    for block in pending_blocks(state):  # the end of the input: every block has settled
        released = release_pending(state, block, limits)
        if released is not None:
            run.alerts.extend(released.alerts)
            for incident in released.published:
                run.incidents[incident.incident_id] = incident
    holders = {r.event_id: i.incident_id for i in run.incidents.values() for r in i.reports}
    run.events = [(event, holders.get(event.event_id, held)) for event, held in run.events]
    return run
