"""Arrival order does not change the result: every labelled file (and the samples) posted as a
backlog to six partitions before the workers start, read by one or by three workers, gives
the incidents and alerts of the in-process run over the same file.

A backlog is read partition by partition, so reports reach the fold step months or years out
of publication order; the fold step places each at its rank (warwire/dedup.py), and its state
outlives the window by the grace. First alerts wait for a progress round (warwire/barriers.py),
which comes back only once the whole backlog is folded, so each incident has exactly one.
The comparison is by content, since incident ids name the first report and alert ids their
incident: the partition of the events into incidents, each incident's reconciled figures,
and the first alerts by incident and kind. Updates are checked for direction only.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import random
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from schemas import Alert, Incident
from tests.conftest import REPO, SHARED
from warwire.articles import Rejected, decode_article
from warwire.broker import EmbeddedBroker
from warwire.config import Settings, Topics
from warwire.dedup import alert_holders
from warwire.pipeline import run_offline
from warwire.rules import StrikeScale
from warwire.session import Collected, isolated, new_run_id, run_pipeline

pytestmark = pytest.mark.integration

PARTITIONS = 6
SHUFFLE_SEED = 20261207


def labelled_files() -> list[Path]:
    files = [REPO / "samples" / "articles.jsonl"]
    files += sorted((SHARED / "eval").glob("*.articles.jsonl"))
    return [f for f in files if f.is_file()]


def lines_of(path: Path, shuffled: bool) -> list[bytes]:
    lines = [line for line in path.read_bytes().splitlines() if line.strip()]
    if shuffled:
        random.Random(SHUFFLE_SEED).shuffle(lines)
    return lines


def file_id(path: Path) -> str:
    return "samples" if path.parent.name == "samples" else path.name.split(".")[0]


Cluster = frozenset[str]


class Outcome:
    """What must not depend on arrival order, from either run."""

    def __init__(
        self, incidents: list[Incident], holders: dict[str, str], alerts: list[Alert]
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


def offline_outcome(lines: list[bytes], settings: Settings) -> Outcome:
    articles = []
    for line in lines:
        try:
            articles.append(decode_article(line))
        except Rejected:
            continue
    run = run_offline(
        articles,
        window=dt.timedelta(days=settings.dedup_window_days),
        limits=settings.thresholds,
        grace=dt.timedelta(days=settings.dedup_grace_days),
    )
    holders = {event.event_id: incident_id for event, incident_id in run.events}
    return Outcome(list(run.incidents.values()), holders, run.alerts)


def streaming_outcome(collected: Collected) -> Outcome:
    holders = collected.event_incidents()
    return Outcome(list(collected.incidents.values()), holders, collected.alerts)


def backlog_settings(broker: EmbeddedBroker) -> Settings:
    base = Settings(
        broker=broker.url,
        metrics_port=0,
        session_timeout=4.0,
        heartbeat_interval=1.0,
        # One record per producer batch: the embedded broker's ListOffsets answer would cut
        # table recovery short when partitions move between the workers.
        producer_max_batch_size=1,
        topics=Topics(partitions=PARTITIONS),
    )
    return isolated(base, new_run_id())


def assert_same(streamed: Outcome, offline: Outcome) -> None:
    assert streamed.partition == offline.partition
    assert streamed.figures == offline.figures
    assert set(streamed.first_alerts) == set(offline.first_alerts)


def describe(keys: list[tuple[Cluster, str]], collected: Collected) -> list[str]:
    order = list(collected.events)
    lines = []
    for cluster, kind in keys:
        reports = sorted((order.index(e), collected.events[e].event.article_id) for e in cluster)
        alerts = [
            (a.incident_id, a.article_id, a.incident_version)
            for a in collected.alerts
            if a.kind == kind and a.event_id in cluster
        ]
        lines.append(f"{kind}: reports (arrival, article) {reports}; alerts {alerts}")
    return lines


def assert_updates_only_rise(outcome: Outcome) -> None:
    for alerts in outcome.updates.values():
        scales = [StrikeScale.of_figures(a.figures) for a in alerts if a.kind.startswith("large")]
        for before, after in itertools.pairwise(scales):
            assert after.killed >= before.killed and after.weapons >= before.weapons


_RUNS: dict[tuple[Path, bool, int], tuple[Outcome, Collected]] = {}


def backlog_run(
    broker: EmbeddedBroker, logs: Path, path: Path, shuffled: bool, workers: int
) -> tuple[Outcome, Collected]:
    """One streaming run per file, order and worker count, shared by the tests below."""
    key = (path, shuffled, workers)
    if key not in _RUNS:
        collected = asyncio.run(
            run_pipeline(
                backlog_settings(broker),
                lines_of(path, shuffled),
                timeout=900,
                worker_log=logs / "worker.log",
                backlog=True,
                workers=workers,
            )
        )
        _RUNS[key] = (streaming_outcome(collected), collected)
    return _RUNS[key]


def runs() -> list[object]:
    """Each file in file order and shuffled; one and three workers alternate between the
    files, so every order meets both worker counts (half the runs of every combination)."""
    cases = []
    for n, path in enumerate(labelled_files()):
        for shuffled in (False, True):
            workers = 3 if (n + shuffled) % 2 else 1
            order = "shuffled" if shuffled else "file-order"
            cases.append(
                pytest.param(path, shuffled, workers, id=f"{file_id(path)}-{order}-{workers}w")
            )
    return cases


@pytest.mark.timeout(900)
@pytest.mark.parametrize(("path", "shuffled", "workers"), runs())
def test_a_backlog_on_six_partitions_gives_the_offline_incidents_and_alerts(
    broker: EmbeddedBroker, tmp_path: Path, path: Path, shuffled: bool, workers: int
) -> None:
    """The incidents, figures and first alerts of the in-process run, updates that only
    rise, and exactly one first alert per incident and kind: first alerts wait until every
    article posted before them has been folded (a progress round), so the reports that come
    late, read partition by partition, merge or split incidents before any of them alerts."""
    streamed, collected = backlog_run(broker, tmp_path, path, shuffled, workers)
    offline = offline_outcome(lines_of(path, shuffled), Settings())
    assert_same(streamed, offline)
    assert_updates_only_rise(streamed)
    assert collected.duplicate_alert_messages == 0
    repeated = [key for key, n in streamed.first_alerts.items() if n > 1]
    assert not repeated, describe(repeated, collected)
    assert set(offline.first_alerts.values()) <= {1}
