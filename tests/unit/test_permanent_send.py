"""Which producer errors are permanent (the message itself cannot be sent: dead-letter the
input) and which are retried until the broker takes the message (stall, never drop)."""

from __future__ import annotations

import asyncio

import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.errors import (
    CorruptRecordException,
    InvalidTimestampError,
    KafkaConnectionError,
    KafkaError,
    KafkaTimeoutError,
    MessageSizeTooLargeError,
    NotLeaderForPartitionError,
    RecordListTooLargeError,
    RecordTooLargeError,
    RequestTimedOutError,
    TopicAuthorizationFailedError,
)
from faust.exceptions import ProducerSendError

from warwire.broker import EmbeddedBroker
from warwire.kafka_io import PermanentSendError, permanent_cause, send_until_accepted


class FailingSend:
    """A send that raises the given errors in turn, then succeeds."""

    def __init__(self, *errors: BaseException) -> None:
        self.errors = list(errors)
        self.calls = 0

    async def __call__(self) -> str:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return "sent"


def faust_wrapped(error: KafkaError) -> ProducerSendError:
    """What Faust's producer raises for an aiokafka error: its own, caused by aiokafka's."""
    try:
        raise ProducerSendError(f"Error while sending: {error!r}") from error
    except ProducerSendError as wrapped:
        return wrapped


PERMANENT = [
    MessageSizeTooLargeError("The message is 1048600 bytes when serialized"),
    RecordListTooLargeError(),
    RecordTooLargeError(),
]
RETRIED = [
    KafkaConnectionError("connection reset"),
    KafkaTimeoutError(),
    RequestTimedOutError(),
    NotLeaderForPartitionError(),
    TopicAuthorizationFailedError(),
    CorruptRecordException(),
    InvalidTimestampError(),
    OSError("network unreachable"),
]


@pytest.mark.parametrize("error", PERMANENT, ids=lambda e: type(e).__name__)
@pytest.mark.parametrize("wrap", [False, True], ids=["aiokafka", "faust"])
def test_a_permanent_error_is_raised_at_once(error: KafkaError, wrap: bool) -> None:
    send = FailingSend(faust_wrapped(error) if wrap else error)
    with pytest.raises(PermanentSendError) as caught:
        asyncio.run(send_until_accepted(send, "article a-1 to the URL check", first_delay=0.001))
    assert send.calls == 1
    assert caught.value.cause is error
    assert "article a-1 to the URL check" in str(caught.value)


@pytest.mark.parametrize("error", RETRIED, ids=lambda e: type(e).__name__)
def test_every_other_error_is_retried_until_the_message_is_taken(error: Exception) -> None:
    wrapped = faust_wrapped(error) if isinstance(error, KafkaError) else error
    send = FailingSend(error, wrapped)
    result = asyncio.run(send_until_accepted(send, "event ev-1", first_delay=0.001))
    assert (result, send.calls) == ("sent", 3)
    assert permanent_cause(error) is None


@pytest.mark.integration
def test_aiokafka_refusing_an_oversized_message_is_permanent(broker: EmbeddedBroker) -> None:
    async def oversized() -> None:
        producer = AIOKafkaProducer(
            bootstrap_servers=broker.url.removeprefix("kafka://"), max_request_size=1000
        )
        await producer.start()
        try:
            await send_until_accepted(
                lambda: producer.send("permanent-send-test", b"x" * 5000), "a large message"
            )
        finally:
            await producer.stop()

    with pytest.raises(PermanentSendError) as caught:
        asyncio.run(oversized())
    assert isinstance(caught.value.cause, MessageSizeTooLargeError)
