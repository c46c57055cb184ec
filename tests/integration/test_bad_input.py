"""Bad input through a real worker: every bad message ends in the dead-letter topic under its
reason, good ones interleaved with them are still processed, and the books balance."""

from __future__ import annotations

import asyncio
import base64
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import orjson
import pytest
from aiokafka import AIOKafkaProducer

from tests.integration.outputs import collect, scrape
from warwire.articles import MAX_DEAD_LETTER_ORIGINAL
from warwire.config import Settings
from warwire.kafka_io import client_options, ensure_topics, read_topics
from warwire.session import WorkerProcess, run_pipeline, settings_env

pytestmark = pytest.mark.integration


def article(article_id: Any, body: Any, **fields: Any) -> bytes:
    data: dict[str, Any] = {
        "id": article_id,
        "url": f"https://wire.example/{article_id}",
        "outlet": "Steppe Courier",
        "title": None,
        "body": body,
        "published_at": "2025-08-21T07:30:00+03:00",
        "language": "en",
    }
    data.update(fields)
    return orjson.dumps({k: v for k, v in data.items() if v is not ...})


STRIKE = (
    "Russia fired 574 drones and 40 missiles at Ukraine overnight, the Ukrainian air force "
    "said on Thursday, one of the largest attacks of the summer. In Lviv two people were "
    "killed and 15 were injured, the regional governor said."
)
STRIKE_HTML = (
    "<html><body><article><h1>Night of explosions in Mukachevo</h1>"
    "<p>Russia launched 110 drones and 16 missiles at Ukraine overnight, the air force said "
    "on Thursday.</p><p>A factory in Mukachevo was hit and 19 people were injured, regional "
    "officials said.</p><script>window.ads = [];</script></article></body></html>"
)
TALKS = (
    "Ukrainian and Russian negotiators will meet in Istanbul next week for a new round of "
    "talks on prisoner exchanges, Turkish officials said on Thursday. Rustem Umerov will lead "
    "the Ukrainian delegation and Vladimir Medinsky the Russian one."
)
QUIET = (
    "Grain exports through the Black Sea corridor rose in August, port operators said on "
    "Thursday, as shipping insurers cut their premiums for the route."
)
CONTROL_CHARACTERS = (
    "The city council of Poltava\u0000 approved a budget for repairing school shelters on "
    "Wednesday,\u0007 a spokeswoman said, after months of delays over contractor payments."
)
GERMAN = (
    "Russland hat in der Nacht Hunderte Drohnen auf die Ukraine abgefeuert, teilte die "
    "Luftwaffe am Donnerstag mit. In Lwiw wurden zwei Menschen getötet, sagte der Gouverneur "
    "der Region, und fünfzehn weitere wurden verletzt."
)
UKRAINIAN = (
    "Уночі Росія випустила по Україні сотні дронів, повідомили Повітряні сили. У Львові "
    "загинули двоє людей."
)

GOOD: dict[str, bytes] = {
    "good-strike": article("good-strike", STRIKE),
    "good-html": article("good-html", STRIKE_HTML, published_at="2025-08-15T08:10:00+03:00"),
    "good-talks": article("good-talks", TALKS),
    "good-quiet": article("good-quiet", QUIET),
    "good-nul": article("good-nul", CONTROL_CHARACTERS),
}
"""Article id -> message of the articles that must be processed."""

BAD: list[tuple[str, bytes]] = [
    ("invalid_json", b'{"id": "bad-json", "body": "Russia launched'),
    ("invalid_json", b"[" * 5000 + b"]" * 5000),
    ("not_utf8", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\xfd"),
    ("not_an_object", b'["a", "list", "of", "strings"]'),
    ("empty_message", b""),
    ("invalid_field", article("bad-type", 574)),
    ("invalid_field", article(["bad", "id"], STRIKE)),
    ("missing_field", article("bad-nobody", ...)),
    ("empty_body", article("bad-empty", "")),
    ("empty_body", article("bad-blank", "  \n\t ")),
    ("empty_body", article("bad-markup", "<div><p></p><script>x()</script></div>")),
    ("invalid_date", article("bad-naive", STRIKE, published_at="2025-08-21T07:30:00")),
    ("implausible_date", article("bad-future", STRIKE, published_at="2999-08-21T07:30:00Z")),
    ("implausible_date", article("bad-past", STRIKE, published_at="1991-08-24T10:00:00Z")),
    ("unsupported_language", article("bad-german", GERMAN)),
    ("unsupported_language", article("bad-ukrainian", UKRAINIAN, language="uk")),
    ("id_reused", article("good-strike", TALKS)),
]
"""(expected dead-letter reason, message). The `id_reused` one reuses the id of a good article
with another body; it is posted after that article, and the same key keeps them in order."""

REPOST = GOOD["good-strike"]
"""The same article posted a second time: processed again, not refused."""

TOO_LARGE = article("bad-huge", "Sirens sounded again. " * 480_000)
"""About 10 MB: over aiokafka's default max_request_size, so it is posted with a producer
configured for it, as an external producer might."""


def interleaved() -> list[bytes]:
    """Bad messages with a good article before every third one, the repost in the middle."""
    good = list(GOOD.values())
    lines: list[bytes] = []
    for index, (_, message) in enumerate(BAD):
        if index % 3 == 0 and good:
            lines.append(good.pop(0))
        lines.append(message)
    lines += good
    lines.insert(len(lines) // 2, REPOST)
    return lines


async def post_oversized(settings: Settings, values: list[bytes | None]) -> None:
    producer = AIOKafkaProducer(**client_options(settings), max_request_size=16 * 1024 * 1024)
    await producer.start()
    try:
        for value in values:
            await producer.send_and_wait(settings.topics.articles, value, key=b"bad-huge")
    finally:
        await producer.stop()


def rejected_total(samples: dict[str, float]) -> float:
    return sum(v for k, v in samples.items() if k.startswith("warwire_articles_rejected_total{"))


async def test_bad_messages_are_dead_lettered_and_good_ones_still_processed(
    settings: Settings,
) -> None:
    await ensure_topics(settings)
    # A tombstone (no value at all) and a 10 MB message go first, ahead of the worker.
    await post_oversized(settings, [None, TOO_LARGE])
    lines = interleaved()
    sent = len(lines) + 2

    workers: list[WorkerProcess] = []
    await run_pipeline(settings, lines, timeout=180, keep_worker=workers.append)
    [worker] = workers
    try:
        collected = (await collect(settings, lambda c: len(c.receipts) >= sent)).collected
        assert worker.running, "the worker died"
        samples = scrape(settings.metrics_port)
    finally:
        worker.stop()
    # Every message consumed has exactly one receipt, and the outcomes add up.
    assert len(collected.receipts) == sent
    outcomes = Counter(r.outcome for r in collected.receipts.values())
    expected_bad = len(BAD) + 2  # the tombstone and the 10 MB message
    assert outcomes == {"processed": len(GOOD) + 1, "dead_lettered": expected_bad}
    assert len(collected.dead_letters) == expected_bad

    # Each bad message is in the dead-letter topic, with its reason and its original bytes.
    letters = Counter(
        (letter.reason, base64.b64decode(letter.original_base64))
        for letter in collected.dead_letters
    )
    wanted = Counter(
        [*BAD, ("empty_message", b""), ("too_large", TOO_LARGE[:MAX_DEAD_LETTER_ORIGINAL])]
    )
    assert letters == wanted
    for letter in collected.dead_letters:
        assert letter.topic == settings.topics.articles
        receipt = collected.receipts[(letter.partition, letter.offset)]
        assert (receipt.outcome, receipt.reason) == ("dead_lettered", letter.reason)
    huge = next(letter for letter in collected.dead_letters if letter.reason == "too_large")
    assert huge.article_id is None and str(len(TOO_LARGE)) in huge.detail
    reused = next(letter for letter in collected.dead_letters if letter.reason == "id_reused")
    assert reused.article_id == "good-strike"

    # Good articles went through extraction; the events ones produced their alerts.
    processed = {r.article_id for r in collected.receipts.values() if r.outcome == "processed"}
    assert processed == set(GOOD)
    with_events = {r.article_id for r in collected.receipts.values() if r.event_ids}
    assert {"good-strike", "good-html", "good-talks"} <= with_events
    alerted = {(a.kind, a.article_id) for a in collected.alerts}
    assert ("large_strike", "good-strike") in alerted
    assert ("large_strike", "good-html") in alerted
    assert ("negotiation_round", "good-talks") in alerted

    # The worker's counters tell the same story: consumed = processed + dead-lettered.
    consumed = samples["warwire_articles_consumed_total"]
    assert consumed == sent
    assert samples["warwire_articles_processed_total"] == len(GOOD) + 1
    assert rejected_total(samples) == expected_bad
    assert consumed == samples["warwire_articles_processed_total"] + rejected_total(samples)
    by_reason = {
        key.split("reason=", 1)[1].rstrip("}"): value
        for key, value in samples.items()
        if key.startswith("warwire_articles_rejected_total{") and value
    }
    assert by_reason == dict(Counter(reason for reason, _ in wanted.elements()))


def test_produce_reports_an_oversized_article_and_sends_the_rest(
    settings: Settings, tmp_path: Path
) -> None:
    source = tmp_path / "articles.jsonl"
    source.write_bytes(GOOD["good-talks"] + b"\n" + TOO_LARGE + b"\n" + GOOD["good-quiet"] + b"\n")
    done = subprocess.run(
        [sys.executable, "-m", "warwire", "produce", str(source)],
        env={**os.environ, **settings_env(settings)},
        capture_output=True,
        timeout=120,
        check=False,
    )
    out, err = done.stdout.decode(), done.stderr.decode()
    assert done.returncode == 1, out + err
    assert "sent 2, skipped 0, failed 1" in out
    assert f"not delivered: bad-huge: too large: {len(TOO_LARGE)} bytes" in err
    delivered = asyncio.run(collect_articles_topic(settings, 2))
    assert sorted(delivered) == sorted([GOOD["good-talks"], GOOD["good-quiet"]])  # any partitions


async def collect_articles_topic(settings: Settings, count: int) -> list[bytes]:
    found: list[bytes] = []
    async for record in read_topics(settings, [settings.topics.articles], follow=False):
        found.append(record.value or b"")
    assert len(found) == count
    return found


async def test_garbage_on_an_internal_topic_is_dead_lettered_and_the_agents_go_on(
    settings: Settings,
) -> None:
    await ensure_topics(settings)
    # The events topic takes the same path in the fold agent; it is left out here only
    # because this test's own reader decodes every event it sees.
    internal = [
        settings.topics.articles_by_id,
        settings.topics.articles_by_url,
        settings.topics.articles_by_body,
    ]
    producer = AIOKafkaProducer(**client_options(settings))
    await producer.start()
    try:
        for topic in internal:
            await producer.send_and_wait(topic, b"\x00not a warwire message", key=b"junk")
    finally:
        await producer.stop()
    good = [GOOD["good-strike"], GOOD["good-talks"]]
    workers: list[WorkerProcess] = []
    await run_pipeline(settings, good, timeout=180, keep_worker=workers.append)
    [worker] = workers
    try:
        collected = (
            await collect(settings, lambda c: len(c.dead_letters) >= len(internal))
        ).collected
        assert worker.running, "the worker died"
        samples = scrape(settings.metrics_port)
    finally:
        worker.stop()
    letters = [d for d in collected.dead_letters if d.reason == "invalid_internal_message"]
    assert sorted(d.topic for d in letters) == sorted(internal)
    assert all(base64.b64decode(d.original_base64) == b"\x00not a warwire message" for d in letters)
    processed = {r.article_id for r in collected.receipts.values() if r.outcome == "processed"}
    assert processed == {"good-strike", "good-talks"}
    for topic in internal:
        assert samples[f"warwire_internal_messages_rejected_total{{topic={topic}}}"] == 1
    # Internal garbage is not an article: the article books still balance.
    assert samples["warwire_articles_consumed_total"] == len(good)
