"""Partition safety: three `warwire run` workers sharing six partitions produce exactly the
incidents and alerts one worker produces alone.

Every lookup of dedup state is by the key the message was routed by (canonical URL, body
key, blocking key), so which worker owns which partition cannot change a result. Articles are
posted one at a time, each once the previous one's receipt is out, so that both runs fold the
events of a partition in the same order; the comparison then checks incident ids, reports and
figures, and alert ids by incident and kind, not only the clustering.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer

from tests.conftest import SHARED
from tests.integration.outputs import article, output_kinds, scrape
from warwire.broker import EmbeddedBroker, free_port
from warwire.config import Settings, Topics
from warwire.dedup import alert_holders
from warwire.kafka_io import client_options, ensure_topics, poll_topics
from warwire.session import Collected, WorkerProcess, article_key, isolated, new_run_id

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="module")]

PARTITIONS = 6


_WAVE = (
    "Russia attacked Ukraine overnight with 310 drones and 24 missiles, the air force said on "
    "Saturday. In Lviv, a strike on an industrial site started a fire, and four people were "
    "killed in Ternopil, regional officials said."
)
OWN_ARTICLES = [
    article("mw-1", "Podil Herald", "2025-08-02T07:10:00+03:00", _WAVE),
    article(
        "mw-2",
        "Volyn Times",
        "2025-08-02T09:30:00+03:00",
        "Four people were killed in Ternopil after Russia fired 310 drones and 24 missiles at "
        "Ukraine overnight, local authorities said. A fire broke out in Lviv.",
    ),
    article(
        "mw-3",
        "Syndicate Wire",
        "2025-08-02T10:00:00+03:00",
        _WAVE,
        url="https://podilherald.example/mw-1?utm_source=syndication",
    ),
    article(
        "mw-4",
        "Border Watch",
        "2025-08-02T11:45:00+03:00",
        "Ukrainian drones attacked the Bryansk region of Russia overnight, the regional "
        "governor said, and air defences shot down 41 of them.",
    ),
    article(
        "mw-5",
        "Podil Herald",
        "2025-08-04T18:00:00+03:00",
        "Russian and Ukrainian negotiators will meet in Istanbul on Wednesday for another "
        "round of talks on prisoner exchanges, Turkish officials said.",
    ),
    article(
        "mw-6",
        "Volyn Times",
        "2025-08-06T16:20:00+03:00",
        "Russian and Ukrainian negotiators met in Istanbul on Wednesday and agreed a new "
        "prisoner exchange, Turkish officials said after the talks.",
    ),
]


EVAL_ARTICLES = 51
"""The first articles of the labelled written-a file, when it is there: talks in Belarus,
drone nights, the Okhmatdyt and Christmas strikes, a record Ukrainian raid, the March calls,
the second Istanbul round, with syndicated copies. Each posted article costs about a second
(four hops on the embedded broker), so not the whole file."""


def eval_lines() -> list[bytes]:
    path = SHARED / "eval" / "written-a.articles.jsonl"
    if not path.is_file():
        return []
    return [line for line in path.read_bytes().splitlines() if line.strip()][:EVAL_ARTICLES]


def multiworker_settings(broker: EmbeddedBroker) -> Settings:
    """Six partitions, the embedded broker's defaults otherwise."""
    base = Settings(
        session_timeout=4.0,
        heartbeat_interval=1.0,
        topics=Topics(partitions=PARTITIONS),
    ).on_embedded_broker(broker.url)
    return isolated(base, new_run_id())


@dataclass
class Workers:
    settings: Settings
    processes: list[WorkerProcess] = field(default_factory=list)
    ports: list[int] = field(default_factory=list)


@contextlib.asynccontextmanager
async def workers(settings: Settings, count: int, logs: Path) -> AsyncIterator[Workers]:
    await ensure_topics(settings)
    group = Workers(settings)
    try:
        for n in range(count):
            port = free_port()
            worker_settings = settings.model_copy(update={"metrics_port": port})
            group.processes.append(WorkerProcess(worker_settings, logs / f"worker-{n}.log").start())
            group.ports.append(port)
        await wait_until_assigned(group, timeout=90)
        yield group
    finally:
        for process in group.processes:
            process.stop()


def assigned_partitions(port: int, topic: str) -> set[int]:
    """The partitions of `topic` a worker reports lag for: the ones assigned to it."""
    try:
        samples = scrape(port)
    except OSError:
        return set()
    prefix = "warwire_consumer_lag_messages{"
    return {
        int(name.split("partition=")[1].split(",")[0].rstrip("}"))
        for name in samples
        if name.startswith(prefix) and name.endswith(f"topic={topic}}}")
    }


async def wait_until_assigned(group: Workers, timeout: float) -> None:
    """Until every worker owns some partitions of the articles topic and together they own
    each partition once: the consumer group has settled."""
    topic = group.settings.topics.articles
    deadline = time.monotonic() + timeout
    while True:
        for process in group.processes:
            assert process.running, "a worker exited while starting"
        owned = [assigned_partitions(port, topic) for port in group.ports]
        every = [p for partitions in owned for p in partitions]
        if all(owned) and sorted(every) == list(range(PARTITIONS)):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"partitions never settled: {owned}")
        await asyncio.sleep(1.0)


class Run:
    """The outputs of one deployment, read as they come."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.kinds = output_kinds(settings)
        self.collected = Collected()
        self.polls = poll_topics(settings, list(self.kinds))
        self.caught_up = False

    async def poll(self) -> None:
        records, self.caught_up = await anext(self.polls)
        for record in records:
            self.collected.add(self.kinds[record.topic], record.value or b"", record.key)
        self.caught_up = self.caught_up and not records

    def folded(self, article_id: str | None) -> bool:
        """The article has its receipt, and each of its events is in an incident."""
        receipts = [r for r in self.collected.receipts.values() if r.article_id == article_id]
        if not receipts:
            return False
        folded = self.collected.event_incidents()
        return all(e in folded for r in receipts for e in r.event_ids)


async def post_one_at_a_time(
    runs: list[Settings], lines: Iterable[bytes], timeout: float = 600.0
) -> list[Collected]:
    """Post each article to every run once the previous one is folded in all of them, then
    read every output until all articles are accounted for. Waiting for the fold, not only
    the receipt, keeps one worker's events still in its producer's buffer from being
    overtaken by the next article's, sent by another worker. The runs go side by side so
    that their workers run the same code."""
    lines = list(lines)
    readers = [Run(settings) for settings in runs]
    producer = AIOKafkaProducer(**client_options(runs[0]), acks="all")
    await producer.start()
    deadline = time.monotonic() + timeout
    try:
        for line in lines:
            key = article_key(line)
            for reader in readers:
                await producer.send_and_wait(reader.settings.topics.articles, line, key=key)
            wanted = key.decode() if key else None
            for reader in readers:
                while not reader.folded(wanted):
                    await reader.poll()
                    assert time.monotonic() < deadline, f"no receipt for {wanted}"
        for reader in readers:
            while not (reader.caught_up and reader.collected.accounted(len(lines))):
                await reader.poll()
                assert time.monotonic() < deadline, "outputs never accounted for every article"
        return [reader.collected for reader in readers]
    finally:
        for reader in readers:
            await reader.polls.aclose()
        await producer.stop()


def summary(collected: Collected) -> dict[str, object]:
    """What must not depend on the number of workers. Alerts that a late report's regrouping
    made wait go out when the block settles, a wall-clock moment: the incident (and so the
    alert id) they went out under, their triggering article, the version counters and the
    update steps a toll climbed in depend on it, so those are left out; the incidents, their
    reports and figures, and which first alerts went out for which incident (the one whose
    ledger records it) are compared."""
    timing = {"version", "alerted", "alerts_pending"}
    holders = alert_holders(collected.incidents.values())
    return {
        "receipts": sorted(
            (r.article_id or "", r.outcome, r.reason or "", tuple(r.event_ids))
            for r in collected.receipts.values()
        ),
        "incidents": {
            incident_id: incident.model_dump(mode="json", exclude=timing)
            for incident_id, incident in collected.incidents.items()
        },
        "alerted": {
            incident_id: sorted(k for k in incident.alerted if not k.endswith("_update"))
            for incident_id, incident in collected.incidents.items()
        },
        "first alerts": sorted(
            (a.kind, holders.get(a.alert_id, a.incident_id))
            for a in collected.alerts
            if not a.kind.endswith("_update")
        ),
    }


@pytest.mark.timeout(900)
async def test_three_workers_produce_the_incidents_and_alerts_of_one(
    broker: EmbeddedBroker, tmp_path: Path
) -> None:
    lines = [*OWN_ARTICLES, *eval_lines()]

    single, shared = multiworker_settings(broker), multiworker_settings(broker)
    for name in ("single", "shared"):
        (tmp_path / name).mkdir()
    async with (
        workers(single, 1, tmp_path / "single"),
        workers(shared, 3, tmp_path / "shared") as group,
    ):
        alone, together = await post_one_at_a_time([single, shared], lines)
        consumed = [
            scrape(port).get("warwire_articles_consumed_total", 0.0) for port in group.ports
        ]

    assert sum(1 for n in consumed if n > 0) >= 2, f"the articles went to one worker: {consumed}"
    assert alone.alerts, "no alert at all: nothing was compared"
    assert any(r.outcome == "duplicate" for r in alone.receipts.values())
    assert any(len(i.reports) > 2 for i in alone.incidents.values())
    assert set(together.events) == set(alone.events)
    assert summary(together) == summary(alone)
    assert together.duplicate_alert_messages == 0
    print(
        f"\n{len(lines)} articles; 1 worker and 3 workers (articles consumed per worker: "
        f"{[int(n) for n in consumed]}) agree on {len(alone.incidents)} incidents and "
        f"{len(alone.alerts)} alerts"
    )
