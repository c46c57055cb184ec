"""Size limits that hold end to end: the largest article validation lets through still makes
internal messages far below the producer's request limit, so no later send can fail for size
and stall a worker."""

from __future__ import annotations

import datetime as dt

import orjson

from schemas import EventEnvelope
from streams.messages import MAX_OUTPUT_KEY_BYTES, output_key
from warwire import codec, seen
from warwire.articles import MAX_ARTICLE_BYTES, Record, decode_article
from warwire.extract.core import extract_events_strict
from warwire.kafka_io import PRODUCER_MAX_REQUEST_BYTES

NOW = dt.datetime(2025, 7, 10, 12, 0, tzinfo=dt.UTC)


def largest_article() -> bytes:
    """Every field at its maximum; a body of one endless sentence that still reports a strike,
    filling the message to just under the size limit."""
    fields = {
        "id": "i" * 256,
        "url": "https://example.org/" + "u" * 2000,
        "outlet": "O" * 200,
        "title": "Russian drones hit Chernihiv " + "t" * 1900,
        "published_at": "2025-07-10T08:00:00+03:00",
        "language": "en",
    }
    opening = (
        "Russia launched 480 drones and 40 missiles at Ukraine, killing 12 people in Odesa and "
    )
    filler = "the air force said that the attack went on and on and "
    head = orjson.dumps({**fields, "body": opening})
    room = MAX_ARTICLE_BYTES - len(head) - 10
    body = opening + (filler * (room // len(filler) + 1))[:room]
    raw = orjson.dumps({**fields, "body": body})
    assert MAX_ARTICLE_BYTES - 100 < len(raw) <= MAX_ARTICLE_BYTES
    return raw


def test_the_largest_valid_article_makes_no_oversized_internal_message() -> None:
    raw = largest_article()
    article = decode_article(raw, now=NOW)
    huge_headers = tuple((f"h{n}", b"v" * 100_000) for n in range(10))
    source = seen.Source.of(
        Record(topic="articles", partition=0, offset=0, key=b"k" * 10**6, headers=huge_headers)
    )
    routed = seen.route(article, source, raw=raw)
    value, headers = seen.pack(routed)
    assert value == raw
    assert len(value) + sum(len(k) + len(v) for k, v in headers) < PRODUCER_MAX_REQUEST_BYTES
    assert seen.unpack(value, headers).article == article
    events = extract_events_strict(article)
    assert events, "the strike in the endless sentence is still found"
    for event in events:
        assert len(codec.dumps(EventEnvelope(event=event))) < 64 * 1024


def test_a_huge_producer_key_is_cut_for_the_messages_that_carry_it_on() -> None:
    assert len(output_key(b"k" * 10**6)) == MAX_OUTPUT_KEY_BYTES
    assert output_key(None) == b""
    assert output_key(b"a-1") == b"a-1"


def test_the_worker_producer_takes_what_the_size_limits_allow() -> None:
    from streams.app import create_app
    from warwire.config import Settings

    app = create_app(Settings(broker="kafka://127.0.0.1:9", metrics_port=0))
    # Faust's default (1,000,000) is below an article at the size limit plus its routing.
    assert app.conf.producer_max_request_size == PRODUCER_MAX_REQUEST_BYTES
