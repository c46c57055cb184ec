"""A worker killed with SIGKILL mid-stream and replaced: nothing lost, no alert id twice.

The pipeline is at-least-once. A worker publishes an alert and waits for the broker to take
it before writing the incident state that records it; if it dies between that send and the
commit of its input offset, its replacement processes the event again. The incident state
restored from the changelog makes the re-run a no-op in most cases, but when the kill lands
between the alert send and the changelog write, the same alert is published again, with the
same deterministic `alert_id`. So the contract is: the set of alert ids equals that of an
uninterrupted run, and consumers drop repeats by alert id. The test asserts that and prints
how many physical repeats the crash caused.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from schemas import Incident
from tests.conftest import REPO, SHARED
from tests.integration.outputs import Outputs, collect
from warwire.config import Settings
from warwire.kafka_io import ensure_topics, produce_raw
from warwire.session import WorkerProcess, article_key, isolated, new_run_id, run_pipeline

pytestmark = pytest.mark.integration

SOURCES = [SHARED / "eval" / "written-a.articles.jsonl", REPO / "samples" / "articles.jsonl"]
SOURCE = next((path for path in SOURCES if path.is_file()), None)


def crash_settings(settings: Settings) -> Settings:
    """One partition per topic, so the order in which events are folded (and with it which
    report opens an incident, which fixes its id) is the file order in every run, and an
    interrupted run can be compared with an uninterrupted one field by field.

    `producer_max_batch_size=1` puts every record in a batch of its own. The embedded broker
    answers ListOffsets with the first offset of the last batch instead of the end offset,
    and Faust's table recovery reads each changelog partition only up to that answer: with
    multi-record batches the replacement worker would start with incident state missing the
    last batch's writes and fold events into stale incidents."""
    return settings.model_copy(
        update={
            "producer_max_batch_size": 1,
            "topics": settings.topics.model_copy(update={"partitions": 1}),
        }
    )


def comparable(incident: Incident) -> dict[str, object]:
    return incident.model_dump(mode="json")


@pytest.mark.skipif(SOURCE is None, reason="no written-a eval file and no samples/articles.jsonl")
async def test_a_killed_worker_is_replaced_without_losing_or_repeating_alert_ids(
    settings: Settings, tmp_path: Path
) -> None:
    assert SOURCE is not None
    lines = [line for line in SOURCE.read_bytes().splitlines() if line.strip()]
    settings = crash_settings(settings)

    reference_settings = isolated(settings, new_run_id())
    reference = await run_pipeline(
        reference_settings, lines, timeout=240, worker_log=tmp_path / "reference.log"
    )
    assert reference.alerts, "the reference run raised no alert: nothing to check"

    await ensure_topics(settings)
    first = WorkerProcess(settings, tmp_path / "first.log").start()
    second: WorkerProcess | None = None
    try:
        producing = asyncio.create_task(
            produce_raw(settings, [(article_key(line), line) for line in lines], rate=10)
        )
        # Kill the first worker once about 40% of the articles are through, while articles
        # are still arriving and events and alerts are in flight.
        progress = await collect(settings, lambda c: len(c.receipts) >= len(lines) * 0.4)
        assert first.running, "the first worker died on its own"
        assert len(progress.collected.receipts) < len(lines), "the worker finished before the kill"
        first.kill()
        killed_at = len(progress.collected.receipts)

        second = WorkerProcess(settings, tmp_path / "second.log").start()
        report = await producing
        assert report.failed == []
        outputs: Outputs = await collect(settings, lambda c: c.accounted(len(lines)), timeout=240)
        assert second.running, "the replacement worker died"
    finally:
        first.kill()
        if second:
            second.stop()

    crashed = outputs.collected
    assert crashed.accounted(len(lines)), (
        f"{len(crashed.receipts)} of {len(lines)} articles accounted for after the restart"
    )
    # No article lost: each has its receipt, with the same outcome as in the reference run.
    outcomes = {(r.article_id, r.outcome) for r in crashed.receipts.values()}
    assert outcomes == {(r.article_id, r.outcome) for r in reference.receipts.values()}
    assert set(crashed.events) == set(reference.events)

    # Every expected alert published, each alert id once as far as consumers are concerned.
    assert crashed.alert_ids == reference.alert_ids
    assert {(a.alert_id, a.kind, a.incident_id, a.article_id) for a in crashed.alerts} == {
        (a.alert_id, a.kind, a.incident_id, a.article_id) for a in reference.alerts
    }
    # The final version of every incident is what the uninterrupted run ended with.
    assert set(crashed.incidents) == set(reference.incidents)
    for incident_id, incident in reference.incidents.items():
        assert comparable(crashed.incidents[incident_id]) == comparable(incident), incident_id

    print(
        f"\ncrash recovery: killed after {killed_at}/{len(lines)} receipts; "
        f"{len(crashed.alert_ids)} distinct alerts, {crashed.duplicate_alert_messages} physical "
        f"alert repeats; receipts {outputs.messages['receipt']} messages for "
        f"{len(crashed.receipts)} articles"
    )
