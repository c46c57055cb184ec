"""Soak: one worker fed at a fixed rate for minutes; throughput, latency, memory and errors.

On a fresh embedded broker (or --broker), with topics of its own, one worker process
(`python -m warwire run`) is fed the realistic article stream of bench/corpus.py at --rate
articles per second for --minutes, with one malformed or unsupported message in every
--bad-every (so the dead-letter path runs all along). A reader in this process follows the
receipts, alerts and dead letters. Reported:

* throughput: articles offered and articles with a receipt per second, per window and overall;
* latency: article-to-receipt and article-to-alert, from the produce time (which is also the
  article's `warwire-produced-at` header) to the arrival of the output at the reader;
* worker memory: VmRSS from /proc/PID/status every few seconds (and the broker's, which
  grows with the data it holds: it is memory-only);
* errors: failed sends, messages without a receipt at the end, alert ids seen twice, ERROR
  lines in the worker log, and the worker's own accounting from /metrics
  (consumed = processed + rejected).

Usage: .venv/bin/python bench/soak.py --rate 50 --minutes 10
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import math
import os
import re
import statistics
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import corpus
import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from prometheus_client.parser import text_string_to_metric_families

from schemas import Alert, DeadLetter, Receipt
from warwire import codec
from warwire.broker import EmbeddedBroker, free_port, start_embedded_broker
from warwire.config import Settings
from warwire.kafka_io import TIMESTAMP_HEADER, client_options, ensure_topics
from warwire.session import WorkerProcess, isolated, new_run_id

READER_FETCH_WAIT_MS = 5
"""The embedded broker holds a fetch for most of its maximum wait even when data arrives, so
the reader asks for quick answers to add little to the latencies it measures."""
SAMPLE_SECONDS = 5.0
STALL_SECONDS = 60.0
"""After the feed ends, the run waits for the backlog to drain unless no receipt arrived for
this long (or --drain-minutes pass)."""


# --- what is sent ------------------------------------------------------------------------------


def bad_messages() -> Iterator[tuple[str, bytes]]:
    """(expected reason, value), cycling through kinds of input the worker must refuse."""
    for number in itertools.count():
        article_id = f"soak-bad-{number}"
        kind = number % 4
        if kind == 0:
            yield "invalid_json", f'{{"id": "{article_id}", "body": "cut short'.encode()
        elif kind == 1:
            yield "not_utf8", b"\xff\xd8\xff\xe0 not text at all \x00\x81"
        elif kind == 2:
            yield (
                "implausible_date",
                orjson.dumps(
                    {
                        "id": article_id,
                        "body": "Shelling was reported.",
                        "published_at": "2199-01-01T00:00Z",
                    }
                ),
            )
        else:
            yield (
                "unsupported_language",
                orjson.dumps(
                    {
                        "id": article_id,
                        "body": "Уночі над Києвом працювала протиповітряна оборона.",
                        "published_at": "2025-01-01T00:00Z",
                    }
                ),
            )


@dataclass
class Sent:
    at: dict[bytes, float] = field(default_factory=dict)
    """Message key -> produce time."""
    good: int = 0
    bad: Counter[str] = field(default_factory=Counter)
    failed: int = 0


async def feed(
    settings: Settings,
    articles: Iterator[corpus.StreamArticle],
    rate: float,
    seconds: float,
    bad_every: int,
    sent: Sent,
) -> None:
    producer = AIOKafkaProducer(**client_options(settings), linger_ms=5, acks="all")
    await producer.start()
    bad = bad_messages()
    futures: list[asyncio.Future[object]] = []
    started = time.monotonic()
    try:
        for index in itertools.count():
            due = started + index / rate
            if due - started >= seconds:
                break
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            if bad_every and index % bad_every == bad_every - 1:
                reason, value = next(bad)
                key = f"soak-bad-{index}".encode()
                sent.bad[reason] += 1
            else:
                item = next(articles)
                key, value = item.key, item.value
                sent.good += 1
            now = time.time()
            sent.at[key] = now
            futures.append(
                await producer.send(
                    settings.topics.articles,
                    value,
                    key=key,
                    headers=[(TIMESTAMP_HEADER, f"{now:.6f}".encode())],
                )
            )
            if len(futures) >= 200:
                sent.failed += await _settle(futures)
        sent.failed += await _settle(futures)
    finally:
        await producer.stop()


async def _settle(futures: list[asyncio.Future[object]]) -> int:
    results = await asyncio.gather(*futures, return_exceptions=True)
    futures.clear()
    return sum(1 for result in results if isinstance(result, BaseException))


# --- what comes out ----------------------------------------------------------------------------


@dataclass
class Seen:
    receipts: dict[tuple[int, int], float] = field(default_factory=dict)
    """(partition, offset) -> arrival of the first receipt."""
    receipt_latency: list[tuple[float, float]] = field(default_factory=list)
    """(arrival, seconds since produced) of every first receipt of a good article."""
    outcomes: Counter[str] = field(default_factory=Counter)
    repeated_receipts: int = 0
    alert_latency: list[tuple[float, float]] = field(default_factory=list)
    alert_ids: set[str] = field(default_factory=set)
    repeated_alerts: int = 0
    dead_letters: Counter[str] = field(default_factory=Counter)


async def follow(settings: Settings, sent: Sent, seen: Seen, stop: asyncio.Event) -> None:
    topics = settings.topics
    wanted = [topics.receipts, topics.alerts, topics.dead_letters]
    consumer = AIOKafkaConsumer(
        **client_options(settings),
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        fetch_max_wait_ms=READER_FETCH_WAIT_MS,
    )
    await consumer.start()
    consumer.assign(
        [TopicPartition(t, p) for t in wanted for p in range(settings.topics.partitions)]
    )
    try:
        while not stop.is_set():
            batches = await consumer.getmany(timeout_ms=100)
            now = time.time()
            for record in (r for batch in batches.values() for r in batch):
                value = record.value or b""
                if record.topic == topics.receipts:
                    receipt = codec.loads(Receipt, value)
                    position = (receipt.partition, receipt.offset)
                    if position in seen.receipts:
                        seen.repeated_receipts += 1
                        continue
                    seen.receipts[position] = now
                    seen.outcomes[receipt.outcome] += 1
                    produced = sent.at.get(record.key or b"")
                    if produced is not None and receipt.outcome != "dead_lettered":
                        seen.receipt_latency.append((now, now - produced))
                elif record.topic == topics.alerts:
                    alert = codec.loads(Alert, value)
                    if alert.alert_id in seen.alert_ids:
                        seen.repeated_alerts += 1
                        continue
                    seen.alert_ids.add(alert.alert_id)
                    produced = sent.at.get(alert.article_id.encode())
                    if produced is not None:
                        seen.alert_latency.append((now, now - produced))
                else:
                    seen.dead_letters[codec.loads(DeadLetter, value).reason] += 1
    finally:
        await consumer.stop()


# --- the processes -------------------------------------------------------------------------------


def rss_mb(pid: int) -> float:
    """Resident set size of `pid` in MiB (NaN once it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return math.nan
    match = re.search(r"^VmRSS:\s+(\d+)\s+kB", status, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else math.nan


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return math.nan
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


@dataclass
class Sample:
    elapsed: float
    sent: int
    receipts: int
    worker_rss: float
    broker_rss: float
    worker_cpu: float


def scrape(port: int) -> dict[str, float]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        text = response.read().decode()
    totals: dict[str, float] = Counter()
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            totals[sample.name] += sample.value
    return totals


# --- figures -----------------------------------------------------------------------------------


def percentile(values: Sequence[float], pct: float) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, math.ceil(pct / 100 * len(ordered)) - 1))
    return ordered[rank]


def latency_line(name: str, pairs: Sequence[tuple[float, float]]) -> str:
    values = [seconds * 1e3 for _, seconds in pairs]
    if not values:
        return f"{name:<20} none"
    return (
        f"{name:<20} n={len(values):>6}  p50={percentile(values, 50):7.1f} ms  "
        f"p95={percentile(values, 95):7.1f} ms  p99={percentile(values, 99):7.1f} ms  "
        f"max={max(values):8.1f} ms"
    )


def slope_per_minute(points: Sequence[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, value) points, per minute."""
    finite = [(x, y) for x, y in points if not math.isnan(y)]
    if len(finite) < 2:
        return math.nan
    xs, ys = zip(*finite, strict=True)
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0:
        return math.nan
    return sum((x - mean_x) * (y - mean_y) for x, y in finite) / spread * 60


# --- the run -----------------------------------------------------------------------------------


async def soak(args: argparse.Namespace) -> int:
    base_articles, shape = corpus.load()
    embedded: EmbeddedBroker | None = None
    if not args.broker:
        embedded = start_embedded_broker()
    broker_url = args.broker
    base = Settings(
        metrics_port=free_port(), session_timeout=4.0, heartbeat_interval=1.0, log_level="warning"
    )
    settings = isolated(
        base.on_embedded_broker(embedded.url)
        if embedded
        else base.model_copy(update={"broker": broker_url}),
        new_run_id(),
    )
    settings = settings.model_copy(
        update={"topics": settings.topics.model_copy(update={"partitions": args.partitions})}
    )
    log_path = Path(tempfile.gettempdir()) / f"warwire-soak-{os.getpid()}.log"
    await ensure_topics(settings)
    worker = WorkerProcess(settings, log_path).start()
    assert worker.process is not None
    pid = worker.process.pid
    articles = corpus.stream(base_articles)
    print(
        f"soak: {args.rate:g} articles/s for {args.minutes:g} min, 1 bad message in "
        f"{args.bad_every}, {args.partitions} partitions; stream of {len(base_articles)} shaped "
        f"articles from {', '.join(shape.sources)}; worker pid {pid}, log {log_path}",
        flush=True,
    )
    sent, seen, stop = Sent(), Seen(), asyncio.Event()
    reader = asyncio.create_task(follow(settings, sent, seen, stop))
    samples: list[Sample] = []
    exit_code = 0
    try:
        # Warm-up: wait until the worker has answered one article, so its start-up is not
        # counted as latency.
        warmup = Sent()
        await feed(settings, articles, rate=10, seconds=0.1, bad_every=0, sent=warmup)
        sent.at.update(warmup.at)
        deadline = time.monotonic() + 60
        while not seen.receipts:
            if time.monotonic() > deadline or not worker.running:
                print("the worker did not answer the warm-up article", file=sys.stderr)
                return 1
            await asyncio.sleep(0.2)
        warmed = len(seen.receipts)
        seen.receipt_latency.clear()
        seen.alert_latency.clear()

        seconds = args.minutes * 60
        started = time.monotonic()
        started_wall = time.time()
        feeding = asyncio.create_task(
            feed(settings, articles, args.rate, seconds, args.bad_every, sent)
        )
        broker_pid = embedded.process.pid if embedded else 0
        header = "  t(s)    sent  receipts  backlog  rcpt/s  p95 rcpt(ms)  worker RSS  CPU%"
        print(header + ("  broker RSS" if embedded else ""), flush=True)
        last_report = 0.0
        drain_until = started + seconds + args.drain_minutes * 60
        last_progress = (time.monotonic(), 0)
        while not feeding.done() or (
            len(seen.receipts) - warmed < sent.good + sum(sent.bad.values())
            and time.monotonic() < drain_until
            and time.monotonic() - last_progress[0] < STALL_SECONDS
        ):
            await asyncio.sleep(SAMPLE_SECONDS)
            if len(seen.receipts) != last_progress[1]:
                last_progress = (time.monotonic(), len(seen.receipts))
            elapsed = time.monotonic() - started
            samples.append(
                Sample(
                    elapsed,
                    sent.good + sum(sent.bad.values()),
                    len(seen.receipts) - warmed,
                    rss_mb(pid),
                    rss_mb(broker_pid) if broker_pid else math.nan,
                    cpu_seconds(pid),
                )
            )
            if not worker.running:
                print("the worker exited", file=sys.stderr)
                exit_code = 1
                break
            if elapsed - last_report >= args.report_every or feeding.done():
                print(window_line(samples, seen, started_wall, args.report_every), flush=True)
                last_report = elapsed
        await feeding
        metrics = scrape(settings.metrics_port) if worker.running else {}
    finally:
        stop.set()
        await reader
        worker.stop()
        if embedded:
            embedded.stop()

    print_summary(args, sent, seen, samples, warmed, metrics, log_path, started_wall)
    missing = sent.good + sum(sent.bad.values()) - (len(seen.receipts) - warmed)
    return 1 if exit_code or missing or sent.failed else 0


def window_line(samples: Sequence[Sample], seen: Seen, started_wall: float, window: float) -> str:
    now = samples[-1]
    earlier = next((s for s in reversed(samples) if now.elapsed - s.elapsed >= window), None)
    base = earlier or Sample(0.0, 0, 0, math.nan, math.nan, samples[0].worker_cpu)
    span = max(now.elapsed - base.elapsed, 1e-9)
    rate = (now.receipts - base.receipts) / span
    since = started_wall + base.elapsed
    recent = [s * 1e3 for at, s in seen.receipt_latency if at >= since]
    cpu = (now.worker_cpu - base.worker_cpu) / span * 100 if earlier else math.nan
    line = (
        f"{now.elapsed:6.0f} {now.sent:7d} {now.receipts:9d} {now.sent - now.receipts:8d} "
        f"{rate:7.1f} {percentile(recent, 95):13.1f} {now.worker_rss:8.1f} MB {cpu:5.0f}"
    )
    if not math.isnan(now.broker_rss):
        line += f" {now.broker_rss:8.1f} MB"
    return line


def print_summary(
    args: argparse.Namespace,
    sent: Sent,
    seen: Seen,
    samples: Sequence[Sample],
    warmed: int,
    metrics: dict[str, float],
    log_path: Path,
    started_wall: float,
) -> None:
    total_sent = sent.good + sum(sent.bad.values())
    answered = len(seen.receipts) - warmed
    print("\n== soak summary ==")
    offered_span = args.minutes * 60
    print(
        f"sent          {total_sent} messages ({sent.good} articles, {sum(sent.bad.values())} bad)"
    )
    print(f"offered rate  {total_sent / offered_span:.1f} msg/s")
    if seen.receipt_latency:
        first = min(at for at, _ in seen.receipt_latency)
        last = max(at for at, _ in seen.receipt_latency)
        feed_end = started_wall + args.minutes * 60
        print(
            f"receipts      {answered}, {answered / max(last - first, 1e-9):.1f} msg/s from the "
            f"first to the last; the last came {last - feed_end:.0f} s after the feed ended"
        )
    print(f"outcomes      {dict(seen.outcomes)}")
    print(latency_line("article->receipt", seen.receipt_latency))
    print(latency_line("article->alert", seen.alert_latency))
    half = [s for s in samples if s.elapsed >= samples[-1].elapsed / 2] if samples else []
    rss = [s.worker_rss for s in samples if not math.isnan(s.worker_rss)]
    if rss:
        print(
            f"worker RSS    start {rss[0]:.1f} MB, min {min(rss):.1f}, max {max(rss):.1f}, "
            f"end {rss[-1]:.1f}; slope over the second half "
            f"{slope_per_minute([(s.elapsed, s.worker_rss) for s in half]):+.2f} MB/min"
        )
    broker = [s.broker_rss for s in samples if not math.isnan(s.broker_rss)]
    if broker:
        print(f"broker RSS    start {broker[0]:.1f} MB, end {broker[-1]:.1f} MB (memory-only)")
    if len(samples) >= 2:
        cpu = (samples[-1].worker_cpu - samples[0].worker_cpu) / max(
            samples[-1].elapsed - samples[0].elapsed, 1e-9
        )
        print(f"worker CPU    {cpu * 100:.0f}% of one core on average")
    errors = sum(
        1 for line in log_path.read_text(errors="replace").splitlines() if "[ERROR]" in line
    )
    consumed = metrics.get("warwire_articles_consumed_total", math.nan)
    processed = metrics.get("warwire_articles_processed_total", math.nan)
    rejected = metrics.get("warwire_articles_rejected_total", math.nan)
    print(
        f"errors        {sent.failed} failed sends, {total_sent - answered} messages without "
        f"a receipt, {seen.repeated_alerts} repeated alert ids, {seen.repeated_receipts} "
        f"repeated receipts, {errors} ERROR lines in the worker log"
    )
    print(f"dead letters  {dict(seen.dead_letters)} (sent bad: {dict(sent.bad)})")
    print(
        f"metrics       consumed {consumed:.0f} = processed {processed:.0f} + rejected "
        f"{rejected:.0f}: {'yes' if consumed == processed + rejected else 'NO'}"
        + ("" if answered == total_sent else " (the backlog had not drained)")
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=50.0, help="messages per second")
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--bad-every", type=int, default=100, help="one bad message in N (0: none)")
    parser.add_argument("--partitions", type=int, default=6)
    parser.add_argument(
        "--drain-minutes", type=float, default=15.0, help="most time to wait for the backlog"
    )
    parser.add_argument("--report-every", type=float, default=30.0, help="seconds per line")
    parser.add_argument("--broker", default="", help="kafka://host:port (default: embedded)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    return asyncio.run(soak(parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
