"""Three workers on six partitions, one SIGKILLed mid-stream: nothing lost, nothing changed.

The settings are the defaults a worker gets on the embedded broker; the survivors take the
killed worker's partitions over (no replacement is started). The pipeline is at-least-once:
a survivor processes again every message whose offset the killed worker had not committed,
at each hop (articles, URL check, body check, events). Ids are deterministic, so a repeat
carries the same id and consumers drop it.

On six partitions reports reach the fold step in an order that depends on timing, and incident
and alert ids name what came first, so the run is compared with the in-process run of the same
file by content (`warwire.compare`): each article's outcome, the incidents as sets of events,
their figures, and the first alerts by incident and kind. The killed worker's partitions
include ones it never committed an offset on; before the fix in streams/transport.py their
messages fetched around the rebalance were skipped for good in about one run in three.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio

from schemas import Incident
from tests.conftest import REPO, SHARED
from tests.integration.outputs import Outputs, collect
from warwire.broker import EmbeddedBroker
from warwire.compare import Differences, differences, offline_outcome, streaming_outcome
from warwire.config import Settings, Topics
from warwire.kafka_io import ensure_topics, produce_raw
from warwire.session import WorkerProcess, article_key, isolated, new_run_id

SOURCES = [SHARED / "eval" / "written-a.articles.jsonl", REPO / "samples" / "articles.jsonl"]
SOURCE = next((path for path in SOURCES if path.is_file()), None)
PARTITIONS = 6
WORKERS = 3

pytestmark = [
    pytest.mark.integration,
    pytest.mark.asyncio(loop_scope="module"),
    pytest.mark.skipif(SOURCE is None, reason="no written-a eval file, no samples/articles.jsonl"),
]


def crash_settings(broker: EmbeddedBroker) -> Settings:
    """The defaults on the embedded broker (session timeout, producer batches, fetch wait),
    six partitions, no metrics port (three workers on one host)."""
    base = Settings(metrics_port=0, topics=Topics(partitions=PARTITIONS))
    return isolated(base.on_embedded_broker(broker.url), new_run_id())


@dataclass
class Scenario:
    articles: int
    crashed: Outputs
    found: Differences
    killed_at: int
    """Receipts seen when the worker was killed."""


async def started(workers: list[WorkerProcess], timeout: float = 120.0) -> None:
    """Wait until every worker has printed its ready line."""
    deadline = time.monotonic() + timeout
    while not all(w.ready for w in workers):
        assert all(w.running for w in workers), "a worker exited while starting"
        assert time.monotonic() < deadline, "the workers did not start"
        await asyncio.sleep(0.2)


async def crash_once(settings: Settings, lines: list[bytes], logs: Path) -> tuple[Outputs, int]:
    """Post the articles at 10/s to three workers, SIGKILL one once about 40% are through, and
    collect until every article is accounted for (or 240 s pass)."""
    await ensure_topics(settings)
    workers = [WorkerProcess(settings, logs / f"worker-{n}.log").start() for n in range(WORKERS)]
    try:
        await started(workers)
        producing = asyncio.create_task(
            produce_raw(settings, [(article_key(line), line) for line in lines], rate=10)
        )
        progress = await collect(settings, lambda c: len(c.receipts) >= len(lines) * 0.4)
        assert all(w.running for w in workers), "a worker died on its own"
        killed_at = len(progress.collected.receipts)
        assert killed_at < len(lines), "the workers finished before one could be killed"
        workers[0].kill()

        report = await producing
        assert report.failed == []
        crashed = await collect(settings, lambda c: c.accounted(len(lines)), timeout=240)
        assert all(w.running for w in workers[1:]), f"a survivor died, see {logs}"
    finally:
        for worker in workers:
            worker.stop()
    return crashed, killed_at


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def scenario(
    broker: EmbeddedBroker, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Scenario]:
    assert SOURCE is not None
    logs = tmp_path_factory.mktemp("crash")
    lines = [line for line in SOURCE.read_bytes().splitlines() if line.strip()]
    reference = offline_outcome(lines, Settings())
    crashed, killed_at = await crash_once(crash_settings(broker), lines, logs)
    found = differences(reference, streaming_outcome(crashed.collected))
    print(
        f"\ncrash recovery: killed after {killed_at}/{len(lines)} receipts; "
        f"{len(crashed.collected.alert_ids)} distinct alerts, "
        f"{crashed.collected.duplicate_alert_messages} physical alert repeats; "
        f"{crashed.messages['receipt']} receipt messages for {len(crashed.collected.receipts)} "
        f"articles; {crashed.messages['event']} event messages for "
        f"{len(crashed.collected.events)} events; worker logs in {logs}"
    )
    yield Scenario(len(lines), crashed, found, killed_at)


async def test_every_article_is_accounted_for_with_its_offline_outcome(
    scenario: Scenario,
) -> None:
    crashed = scenario.crashed.collected
    assert crashed.accounted(scenario.articles), (
        f"{len(crashed.receipts)} of {scenario.articles} articles accounted for"
    )
    assert scenario.found.articles == {}, "article id: (offline outcome, outcome after the kill)"


async def test_incidents_figures_and_first_alerts_are_those_of_the_offline_run(
    scenario: Scenario,
) -> None:
    found = scenario.found
    assert (found.lost, found.duplicated, found.changed) == ([], [], [])
    assert (found.incidents, found.figures) == (0, 0)
    assert not found.updates_fall


def _folded_twice(incidents: dict[str, Incident]) -> dict[str, list[str]]:
    folded_into: dict[str, list[str]] = {}
    for incident in incidents.values():
        for event_id in {r.event_id for r in incident.reports}:
            folded_into.setdefault(event_id, []).append(incident.incident_id)
    return {event_id: ids for event_id, ids in folded_into.items() if len(ids) > 1}


async def test_no_event_in_two_incidents_and_the_last_version_is_the_highest(
    scenario: Scenario,
) -> None:
    crashed = scenario.crashed
    assert _folded_twice(crashed.collected.incidents) == {}
    # What a compacted incidents topic keeps, the last message per incident, must be the
    # final version, not an older one published again by a redelivered event.
    stale = {
        incident_id: (last.version, crashed.collected.incidents[incident_id].version)
        for incident_id, last in crashed.last_incidents.items()
        if incident_id in crashed.collected.incidents
        and last.model_dump() != crashed.collected.incidents[incident_id].model_dump()
    }
    assert stale == {}, "incident id: (last version published, highest version)"
