"""The processing steps a worker runs, free of Kafka: recognise repeated articles, extract,
fold, decide alerts.

`run_offline` chains them in one process; the Faust agents in `streams/` run the same steps
with topics in between:

    article --route/check_url--> check by body (seen.process_article: copy or extract)
            --> each event --fold_and_alert--> incident version + alerts
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from schemas import Alert, Article, Incident, NegotiationEvent, StrikeEvent
from warwire import seen
from warwire.config import AlertThresholds
from warwire.dedup import DedupState, MemoryState, fold_event
from warwire.extract import extract_events
from warwire.rules import alerts_due, record_alerts

Event = StrikeEvent | NegotiationEvent

DEFAULT_WINDOW = dt.timedelta(days=7)


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
) -> OfflineRun:
    """The whole pipeline over `articles` in order, in memory: the reference for the stream."""
    limits = limits or AlertThresholds()
    state = MemoryState()
    article_states = ArticleStates()
    run = OfflineRun()
    for article in articles:
        outcome = article_events(article_states, article, window, extract)
        if outcome.seen is not None and outcome.seen.original.article_id != article.id:
            run.duplicate_articles[article.id] = outcome.seen.original.article_id
        for event in outcome.events:
            folded = fold_and_alert(state, event, window, limits)
            run.events.append((event, folded.incident.incident_id))
            run.alerts.extend(folded.alerts)
            run.incidents[folded.incident.incident_id] = folded.incident
    return run
