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
import os
import random
from pathlib import Path

import pytest

from tests.conftest import REPO, SHARED
from warwire.broker import EmbeddedBroker
from warwire.compare import Cluster, Outcome, offline_outcome, streaming_outcome
from warwire.config import Settings, Topics
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


def backlog_settings(broker: EmbeddedBroker) -> Settings:
    base = Settings(
        broker=broker.url,
        metrics_port=0,
        session_timeout=4.0,
        heartbeat_interval=1.0,
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


FULL_MATRIX = os.environ.get("WARWIRE_TEST_FULL_MATRIX") == "1"
"""Every file in both orders with one and with three workers (24 runs, about 15 minutes):
set WARWIRE_TEST_FULL_MATRIX=1. CI runs one case per file, the order and the worker count
alternating, so that every order meets both worker counts within its 20 minutes."""


def runs() -> list[object]:
    cases = []
    for n, path in enumerate(labelled_files()):
        for shuffled in (False, True):
            for workers in (1, 3):
                in_ci_subset = shuffled == bool(n % 2) and workers == (3 if (n // 2 + n) % 2 else 1)
                if not (FULL_MATRIX or in_ci_subset):
                    continue
                order = "shuffled" if shuffled else "file-order"
                case_id = f"{file_id(path)}-{order}-{workers}w"
                cases.append(pytest.param(path, shuffled, workers, id=case_id))
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
    assert streamed.updates_only_rise()
    assert collected.duplicate_alert_messages == 0
    repeated = [key for key, n in streamed.first_alerts.items() if n > 1]
    assert not repeated, describe(repeated, collected)
    assert set(offline.first_alerts.values()) <= {1}
