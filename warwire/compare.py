"""Two runs of the same input compared by what must not depend on arrival order.

On several partitions, reports reach the fold step in an order that depends on timing: which
worker owns what, a rebalance, a crash. Incidents are a function of the set of reports
(docs/incidents-and-alerts.md, Arrival order), but incident ids name the first report in
fold order *at the time*, and alert ids their incident at the time the alert went out. Two
undisturbed runs of one file on six partitions therefore publish different alert ids for the
same alerts. What is compared instead: the partition of the events into incidents, each
incident's reconciled figures, the first alerts by incident (its set of events) and kind,
and per article its outcome. Updates are checked for direction only: whether a toll rose in
one step or two depends on the order it was told.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from schemas import Alert, Incident
from warwire.articles import Rejected, decode_article
from warwire.config import Settings
from warwire.dedup import alert_holders
from warwire.pipeline import run_offline
from warwire.rules import StrikeScale
from warwire.session import Collected

Cluster = frozenset[str]
"""An incident as the set of its event ids."""


class Outcome:
    """What must not depend on arrival order, from either run."""

    def __init__(
        self,
        incidents: list[Incident],
        holders: dict[str, str],
        alerts: list[Alert],
        articles: dict[str, str] | None = None,
    ) -> None:
        members: defaultdict[str, set[str]] = defaultdict(set)
        for event_id, incident_id in holders.items():
            members[incident_id].add(event_id)
        self.clusters = {incident_id: frozenset(ids) for incident_id, ids in members.items()}
        self.partition = set(self.clusters.values())
        self.figures = {
            self.clusters[i.incident_id]: {
                name: (f.estimate, f.low, f.high, tuple(f.values)) for name, f in i.figures.items()
            }
            for i in incidents
            if i.incident_id in self.clusters
        }
        self.first_alerts: Counter[tuple[Cluster, str]] = Counter()
        self.updates: defaultdict[Cluster, list[Alert]] = defaultdict(list)
        ledgers = alert_holders(incidents)
        for alert in alerts:
            holder = ledgers.get(alert.alert_id) or holders.get(alert.event_id or "")
            cluster = self.clusters[holder or alert.incident_id]
            if alert.kind.endswith("_update"):
                self.updates[cluster].append(alert)
            else:
                self.first_alerts[(cluster, alert.kind)] += 1
        self.articles = articles or {}
        """Article id -> outcome: `processed` (a repeat of another article included, since
        which of two repeats comes first is arrival order) or `dead_lettered:<reason>`."""

    def updates_only_rise(self) -> bool:
        for alerts in self.updates.values():
            scales = [
                StrikeScale.of_figures(a.figures) for a in alerts if a.kind.startswith("large")
            ]
            for before, after in itertools.pairwise(scales):
                if after.killed < before.killed or after.weapons < before.weapons:
                    return False
        return True


def article_outcome(outcome: str, reason: str | None) -> str:
    return f"dead_lettered:{reason}" if outcome == "dead_lettered" else "processed"


def offline_outcome(lines: list[bytes], settings: Settings) -> Outcome:
    """The in-process run over `lines` in file order: no broker, no worker."""
    articles = []
    outcomes: dict[str, str] = {}
    for line in lines:
        try:
            article = decode_article(line)
        except Rejected as rejected:
            if rejected.article_id:
                outcomes[rejected.article_id] = article_outcome("dead_lettered", rejected.reason)
            continue
        articles.append(article)
        outcomes[article.id] = "processed"
    run = run_offline(
        articles,
        window=dt.timedelta(days=settings.dedup_window_days),
        limits=settings.thresholds,
        grace=dt.timedelta(days=settings.dedup_grace_days),
    )
    holders = {event.event_id: incident_id for event, incident_id in run.events}
    return Outcome(list(run.incidents.values()), holders, run.alerts, outcomes)


def streaming_outcome(collected: Collected) -> Outcome:
    outcomes = {
        r.article_id: article_outcome(r.outcome, r.reason)
        for r in collected.receipts.values()
        if r.article_id
    }
    return Outcome(
        list(collected.incidents.values()), collected.event_incidents(), collected.alerts, outcomes
    )


@dataclass
class Differences:
    """How a run differs from a reference run of the same input."""

    lost: list[tuple[Cluster, str]] = field(default_factory=list)
    """First alerts of the reference (incident, kind) the run never published."""
    duplicated: list[tuple[Cluster, str]] = field(default_factory=list)
    """(incident, kind) the run published a first alert for more often than the reference,
    under different alert ids: a consumer deduplicating by id would see it twice."""
    changed: list[tuple[Cluster, str]] = field(default_factory=list)
    """First alerts the run published that the reference did not (an incident split or
    merged differently, or an alert for the wrong incident)."""
    incidents: int = 0
    """Incidents (sets of events) in one run and not the other."""
    figures: int = 0
    """Incidents in both whose reconciled figures differ."""
    articles: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    """Article id -> (reference outcome, run outcome) where they differ (None: no receipt)."""
    updates_fall: bool = False

    @property
    def none(self) -> bool:
        return not (
            self.lost
            or self.duplicated
            or self.changed
            or self.incidents
            or self.figures
            or self.articles
            or self.updates_fall
        )


def differences(reference: Outcome, run: Outcome) -> Differences:
    ref_keys, run_keys = set(reference.first_alerts), set(run.first_alerts)
    common = reference.partition & run.partition
    return Differences(
        lost=sorted(ref_keys - run_keys, key=_order),
        duplicated=sorted(
            (key for key in run_keys if run.first_alerts[key] > reference.first_alerts[key] > 0),
            key=_order,
        ),
        changed=sorted(run_keys - ref_keys, key=_order),
        incidents=len(reference.partition ^ run.partition),
        figures=sum(1 for c in common if reference.figures.get(c) != run.figures.get(c)),
        articles={
            article_id: (reference.articles.get(article_id), run.articles.get(article_id))
            for article_id in reference.articles.keys() | run.articles.keys()
            if reference.articles.get(article_id) != run.articles.get(article_id)
        },
        updates_fall=not run.updates_only_rise(),
    )


def _order(key: tuple[Cluster, str]) -> tuple[list[str], str]:
    return sorted(key[0]), key[1]
