"""The group-lag probe against the real embedded broker: what a group committed, and what lies
beyond it, read from the broker rather than from a consumer."""

from __future__ import annotations

import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.structs import OffsetAndMetadata

from warwire import metrics
from warwire.config import Settings
from warwire.group_lag import GroupLagProbe, groups_to_watch
from warwire.kafka_io import client_options, ensure_topics, produce_raw

pytestmark = pytest.mark.integration


def sample(name: str, labels: dict[str, str]) -> float | None:
    return metrics.REGISTRY.get_sample_value(name, labels)


async def test_lag_counts_from_the_committed_offset_of_a_group_that_stopped(
    settings: Settings,
) -> None:
    await ensure_topics(settings)
    articles = settings.topics.articles
    # Keyed alike, the five land on one partition; which one is the partitioner's business.
    # Sent together, they go in one record batch, whose end the embedded broker's ListOffsets
    # answer puts at its first record + 1: the probe must read the true end.
    report = await produce_raw(settings, [(b"same-key", b"{}")] * 5)
    assert report.sent == 5

    # A member of the worker group reads two of them, commits, and is gone: it hangs or died.
    options = client_options(settings)
    member = AIOKafkaConsumer(
        articles,
        **options,
        group_id=settings.app_id,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    await member.start()
    try:
        batch = await member.getmany(timeout_ms=10_000)
        while not batch:
            batch = await member.getmany(timeout_ms=10_000)
        ((partition, _),) = batch.items()
        await member.commit({partition: OffsetAndMetadata(2, "")})
    finally:
        await member.stop()

    probe = GroupLagProbe(settings)
    admin = AIOKafkaAdminClient(**options)
    reader = AIOKafkaConsumer(**options, enable_auto_commit=False)
    await admin.start()
    await reader.start()
    try:
        await probe.read_once(admin, reader)
    finally:
        await reader.stop()
        await admin.close()

    worker_group = {"group": settings.app_id, "topic": articles}
    assert (
        sample(
            "warwire_group_lag_messages", {**worker_group, "partition": str(partition.partition)}
        )
        == 3
    )
    assert (
        sample(
            "warwire_group_committed_offset",
            {**worker_group, "partition": str(partition.partition)},
        )
        == 2
    )
    others = set(range(settings.topics.partitions)) - {partition.partition}
    for other in others:
        labels = {**worker_group, "partition": str(other)}
        assert sample("warwire_group_lag_messages", labels) == 0
        assert sample("warwire_group_committed_offset", labels) is None  # never committed

    # The forwarder's group never ran: the whole alerts topic is its lag, zero here.
    forwarder = {"group": f"{settings.app_id}-forwarder", "topic": settings.topics.alerts}
    assert sample("warwire_group_lag_messages", {**forwarder, "partition": "0"}) == 0
    assert set(groups_to_watch(settings)) == {settings.app_id, f"{settings.app_id}-forwarder"}
