"""After a rebalance a worker rewinds every stream partition it reads to where the group
stands: its committed offset, or the partition's start when nothing was ever committed there.

Faust drops records it has already taken from the client around a rebalance and counts on
this seek to read them again; aiokafka's own `seek_to_committed` leaves a partition without
a commit where it is, so a survivor of a SIGKILL skipped the head of such a partition for
good (docs/robustness.md, issue 18). Checked against the real embedded broker.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.structs import OffsetAndMetadata

from streams.transport import seek_to_committed_or_start
from warwire.broker import EmbeddedBroker, bootstrap_servers
from warwire.session import new_run_id

pytestmark = pytest.mark.integration

RECORDS = 6


@pytest_asyncio.fixture
async def consumer(broker: EmbeddedBroker) -> AsyncIterator[AIOKafkaConsumer]:
    """A group consumer that has read both partitions of a stream topic and of a "changelog"
    topic to their end and committed only stream partition 1, at offset 4."""
    servers = bootstrap_servers(broker.url)
    run = new_run_id()
    stream, changelog = f"{run}.stream", f"{run}.changelog"
    admin = AIOKafkaAdminClient(bootstrap_servers=servers)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(t, 2, 1) for t in (stream, changelog)])
    finally:
        await admin.close()
    producer = AIOKafkaProducer(bootstrap_servers=servers, max_batch_size=1)
    await producer.start()
    try:
        for topic in (stream, changelog):
            for partition in (0, 1):
                for n in range(RECORDS):
                    await producer.send_and_wait(topic, b"%d" % n, partition=partition)
    finally:
        await producer.stop()
    reader = AIOKafkaConsumer(
        bootstrap_servers=servers,
        group_id=f"{run}-group",
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    await reader.start()
    try:
        partitions = [TopicPartition(t, p) for t in (stream, changelog) for p in (0, 1)]
        reader.assign(partitions)
        read = 0
        while read < len(partitions) * RECORDS:
            batches = await reader.getmany(timeout_ms=5000)
            assert batches, "nothing to read"
            read += sum(len(records) for records in batches.values())
        await reader.commit({TopicPartition(stream, 1): OffsetAndMetadata(4, "")})
        yield reader
    finally:
        await reader.stop()


async def test_a_partition_without_a_commit_goes_back_to_its_start(
    consumer: AIOKafkaConsumer,
) -> None:
    partitions = sorted(consumer.assignment())
    changelog, stream = partitions[:2], partitions[2:]
    assert {tp.topic for tp in stream} != {tp.topic for tp in changelog}
    assert [await consumer.position(tp) for tp in partitions] == [RECORDS] * 4

    committed = await seek_to_committed_or_start(
        consumer, skip_topics={changelog[0].topic}, reset="earliest"
    )

    assert committed == {**dict.fromkeys(partitions), stream[1]: 4}
    # aiokafka alone leaves stream partition 0 at 6: its first six records never come again.
    assert [await consumer.position(tp) for tp in stream] == [0, 4]
    assert [await consumer.position(tp) for tp in changelog] == [RECORDS, RECORDS]
