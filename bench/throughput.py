"""Throughput and latency of the whole pipeline, read against its two limits.

One run, on fresh isolated topics (on a fresh embedded broker unless --broker is given):

1. processing limit: the worker's pure steps (decode and validate, extract, fold, alert rules)
   over the same articles in this process, no Kafka;
2. transport limit: aiokafka producing the same messages (keys, values, headers) to a topic
   of the same partition count while a consumer reads them back, no processing;
3. pipeline: one worker process (`python -m warwire run`). After a warm-up it is fed the same
   articles as fast as the producer goes ("max"), then at each fixed offered rate.
   A reader in this process follows receipts, incidents and alerts; an article's latency is
   the arrival time of its receipt (and of any alert it caused) minus the time it was
   produced, which is also what its `warwire-produced-at` header says.

A phase is done when every article has a receipt and the incidents topic has a message for
every event the receipts list (the fold agent publishes the incident after the alerts). The
pipeline rate of a phase is articles / (last output - first article produced).

Usage: .venv/bin/python bench/throughput.py --articles 3000 --rates 50,200,1000 --runs 3
See bench/README.md for the figures and how to read them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import math
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import corpus
import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from warwire.articles import body_fingerprint, decode_article
from warwire.broker import start_embedded_broker
from warwire.config import Settings
from warwire.kafka_io import TIMESTAMP_HEADER, client_options, ensure_topics
from warwire.pipeline import run_offline
from warwire.session import WorkerProcess, isolated, new_run_id

WARMUP_ARTICLES = 20
WORKER_SETTINGS = ("producer_max_batch_size", "producer_linger_ms", "fetch_max_wait_ms")
"""Settings that move the figures, printed with them; set them with WARWIRE_* variables."""
TRANSPORT_SUFFIX = ".raw-transport"
CLEANUPS: list[Callable[[], None]] = []
"""Stops for the broker and worker processes started (each in a session of its own, so they
would outlive the bench): main() calls them on any exit, SIGTERM included."""
QUIET_SECONDS = 3.0
"""A phase whose receipts are all in and whose outputs have stopped for this long is done even
if fewer incident messages than events arrived (a worker that skips unchanged incidents)."""
ALERT_SETTLE_SECONDS = 3.0
"""After the last event of a phase is folded, how long to wait for the first alerts its
progress rounds release before the phase is counted."""
READER_FETCH_WAIT_MS = 5
"""The bench's own reader asks the broker to answer fetches quickly, so it adds little to the
latencies it measures (the embedded broker holds a fetch for most of its maximum wait even
when data arrives meanwhile)."""


# --- machine ---------------------------------------------------------------------------------


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def machine_cpu_seconds() -> float:
    """CPU time every process on the machine has used so far (user, nice, system, interrupts;
    not idle, I/O wait or steal), from /proc/stat; 0 where it cannot be read."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:8]
    except (OSError, IndexError):
        return 0.0
    user, nice, system, _idle, _iowait, irq, softirq = (int(f) for f in fields)
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# --- statistics ------------------------------------------------------------------------------


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile; NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def median(values: Sequence[float]) -> float:
    finite = [v for v in values if not math.isnan(v)]
    return statistics.median(finite) if finite else math.nan


@dataclass
class Latency:
    count: int = 0
    p50_ms: float = math.nan
    p95_ms: float = math.nan
    p99_ms: float = math.nan
    max_ms: float = math.nan

    @classmethod
    def of(cls, seconds: Sequence[float]) -> Latency:
        return cls(
            count=len(seconds),
            p50_ms=percentile(seconds, 50) * 1e3,
            p95_ms=percentile(seconds, 95) * 1e3,
            p99_ms=percentile(seconds, 99) * 1e3,
            max_ms=max(seconds, default=math.nan) * 1e3,
        )


# --- producing and reading -------------------------------------------------------------------


class Feed:
    """Posts stream articles to a topic, at a fixed rate or as fast as it can, stamping each
    with its produce time."""

    def __init__(self, settings: Settings) -> None:
        self.producer = AIOKafkaProducer(
            **client_options(settings), linger_ms=5, acks="all", max_batch_size=256 * 1024
        )
        self.sent_at: dict[str, float] = {}

    async def start(self) -> None:
        await self.producer.start()

    async def stop(self) -> None:
        await self.producer.stop()

    async def send(
        self, topic: str, items: Sequence[corpus.StreamArticle], rate: float = 0.0
    ) -> tuple[float, float, int]:
        """Send `items` (`rate` per second, 0: no pacing); returns the time of the first and
        of the last send and how many sends failed."""
        futures: list[asyncio.Future[Any]] = []
        started = time.monotonic()
        first = last = time.time()
        for index, item in enumerate(items):
            if rate > 0:
                delay = started + index / rate - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
            elif index % 50 == 0:
                await asyncio.sleep(0)  # let the reader stamp arrivals while we flood
            last = time.time()
            if index == 0:
                first = last
            self.sent_at[item.article_id] = last
            futures.append(
                await self.producer.send(
                    topic,
                    item.value,
                    key=item.key,
                    headers=[(TIMESTAMP_HEADER, f"{last:.6f}".encode())],
                )
            )
        results = await asyncio.gather(*futures, return_exceptions=True)
        return first, last, sum(1 for r in results if isinstance(r, BaseException))


def assigned_consumer(settings: Settings, topics: Sequence[str]) -> AIOKafkaConsumer:
    return AIOKafkaConsumer(
        **client_options(settings),
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        fetch_max_wait_ms=READER_FETCH_WAIT_MS,
    )


async def start_assigned(
    consumer: AIOKafkaConsumer, topics: Sequence[str], partitions: int
) -> None:
    await consumer.start()
    consumer.assign([TopicPartition(t, p) for t in topics for p in range(partitions)])


@dataclass
class Seen:
    """What the output reader has seen, with arrival times."""

    receipt_at: dict[str, float] = field(default_factory=dict)
    receipt_events: dict[str, int] = field(default_factory=dict)
    outcomes: Counter[str] = field(default_factory=Counter)
    alerts: dict[str, tuple[str, float]] = field(default_factory=dict)
    """alert id -> (id of the article that raised it, first arrival)."""
    duplicate_alerts: int = 0
    incident_messages: int = 0
    last_incident_at: float = 0.0
    last_output_at: float = 0.0


class OutputReader:
    def __init__(self, settings: Settings) -> None:
        topics = settings.topics
        self.kinds = {
            topics.receipts: "receipt",
            topics.alerts: "alert",
            topics.incidents: "incident",
        }
        self.partitions = topics.partitions
        self.consumer = assigned_consumer(settings, list(self.kinds))
        self.seen = Seen()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await start_assigned(self.consumer, list(self.kinds), self.partitions)
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.consumer.stop()

    async def _run(self) -> None:
        seen = self.seen
        while True:
            batches = await self.consumer.getmany(timeout_ms=100)
            now = time.time()
            for tp, records in batches.items():
                kind = self.kinds[tp.topic]
                seen.last_output_at = now
                for record in records:
                    if kind == "incident":
                        seen.incident_messages += 1
                        seen.last_incident_at = now
                        continue
                    data = orjson.loads(record.value or b"{}")
                    if kind == "receipt":
                        article_id = data.get("article_id") or f"?{tp.partition}@{record.offset}"
                        if article_id not in seen.receipt_at:
                            seen.receipt_at[article_id] = now
                            seen.receipt_events[article_id] = len(data.get("event_ids") or ())
                            seen.outcomes[str(data.get("outcome"))] += 1
                    elif data["alert_id"] in seen.alerts:
                        seen.duplicate_alerts += 1
                    else:
                        seen.alerts[data["alert_id"]] = (data["article_id"], now)

    async def wait_done(self, article_ids: Sequence[str], timeout: float) -> tuple[bool, str]:
        """Wait until the phase's articles are fully processed; (done, how)."""
        seen = self.seen
        deadline = time.monotonic() + timeout
        folded_at: float | None = None
        while time.monotonic() < deadline:
            await asyncio.sleep(0.05)
            if any(a not in seen.receipt_at for a in article_ids):
                continue
            if seen.incident_messages >= sum(seen.receipt_events.values()):
                # every event folded: first alerts still wait for a progress round
                folded_at = folded_at or time.time()
                last_alert = max((at for _, at in seen.alerts.values()), default=0.0)
                if time.time() - max(folded_at, last_alert) > ALERT_SETTLE_SECONDS:
                    return True, "incidents"
            elif time.time() - seen.last_output_at > QUIET_SECONDS:
                return True, "quiet"
        return False, "timeout"


# --- the three measurements ------------------------------------------------------------------


@dataclass
class ProcessingLimit:
    articles: int
    seconds: float
    cpu_ms: float
    """CPU time per article: unlike the rate, barely moved by other processes on the machine."""
    validate_ms: float
    """Per article: decode, validate, fingerprint the body."""
    extract_fold_ms: float
    """Per article: extraction, dedup and alert rules (`run_offline`)."""
    events: int
    alerts: int
    other_cpu: float = 0.0
    """Cores busy with other processes meanwhile (see Phase.other_cpu)."""

    @property
    def rate(self) -> float:
        return self.articles / self.seconds


def measure_processing(
    settings: Settings,
    warmup: Sequence[corpus.StreamArticle],
    phases: Sequence[tuple[str, float, list[corpus.StreamArticle]]],
) -> tuple[ProcessingLimit, dict[str, int]]:
    """The worker's pure steps over the whole planned stream, in order, in this process; and
    the alerts each phase should raise."""
    items = [*warmup, *(item for _, _, phase_items in phases for item in phase_items)]
    started, cpu_started = time.perf_counter(), time.process_time()
    machine_started = machine_cpu_seconds()
    articles = []
    for item in items:
        article = decode_article(item.value)
        body_fingerprint(article)
        articles.append(article)
    validated = time.perf_counter()
    run = run_offline(articles, dt.timedelta(days=settings.dedup_window_days), settings.thresholds)
    finished = time.perf_counter()
    limit = ProcessingLimit(
        articles=len(items),
        seconds=finished - started,
        cpu_ms=(time.process_time() - cpu_started) / len(items) * 1e3,
        validate_ms=(validated - started) / len(items) * 1e3,
        extract_fold_ms=(finished - validated) / len(items) * 1e3,
        events=len(run.events),
        alerts=len(run.alerts),
    )
    own = time.process_time() - cpu_started
    limit.other_cpu = max(0.0, (machine_cpu_seconds() - machine_started - own) / limit.seconds)
    phase_of = {item.article_id: name for name, _, phase_items in phases for item in phase_items}
    alerts = Counter(phase_of.get(alert.article_id, "warm-up") for alert in run.alerts)
    return limit, dict(alerts)


@dataclass
class TransportLimit:
    articles: int
    seconds: float
    produce_seconds: float
    """From the first send until the broker acknowledged the last."""

    @property
    def rate(self) -> float:
        return self.articles / self.seconds


async def measure_transport(
    settings: Settings, items: Sequence[corpus.StreamArticle]
) -> TransportLimit:
    topic = settings.topics.articles + TRANSPORT_SUFFIX
    partitions = settings.topics.partitions
    await ensure_topics(settings, {topic: partitions})
    consumer = assigned_consumer(settings, [topic])
    await start_assigned(consumer, [topic], partitions)
    feed = Feed(settings)
    await feed.start()
    received = 0
    last_arrival = 0.0

    async def read() -> None:
        nonlocal received, last_arrival
        while received < len(items):
            batches = await consumer.getmany(timeout_ms=100)
            count = sum(len(records) for records in batches.values())
            if count:
                received += count
                last_arrival = time.time()

    reading = asyncio.create_task(read())
    try:
        first, _, failed = await feed.send(topic, items)
        acknowledged = time.time()
        await asyncio.wait_for(reading, timeout=120)
    finally:
        reading.cancel()
        await feed.stop()
        await consumer.stop()
    if failed:
        raise RuntimeError(f"transport limit: {failed} sends failed")
    return TransportLimit(len(items), last_arrival - first, acknowledged - first)


@dataclass
class Phase:
    name: str
    offered_rate: float
    """Articles per second asked for; 0 for as fast as the producer goes."""
    articles: int
    produced_rate: float = 0.0
    seconds: float = 0.0
    """First article produced -> last output of the phase."""
    steady_rate: float = 0.0
    """Receipts per second between the 10th and the 90th percentile of their arrivals: at a
    fixed rate, whether the worker kept up. Not a sustained rate for the max phase, where the
    cheap first hops race through the backlog before extraction gets most of the CPU."""
    done: str = ""
    missing_receipts: int = 0
    events: int = 0
    alerts: int = 0
    offline_alerts: int = 0
    receipt_latency: Latency = field(default_factory=Latency)
    alert_latency: Latency = field(default_factory=Latency)
    worker_cpu: float = 0.0
    """Share of one core the worker used during the phase."""
    worker_cpu_ms: float = 0.0
    """Worker CPU time per article, to set against the processing limit's."""
    broker_cpu: float = 0.0
    bench_cpu: float = 0.0
    other_cpu: float = 0.0
    """Cores busy with anything but the worker, the broker and this bench during the phase
    (other people's tests on a shared machine): above ~0.2 the figures are contaminated."""

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else math.nan

    @property
    def saturated(self) -> bool:
        """The worker fell behind the offered rate, so the queue (and latency) kept growing."""
        return self.offered_rate > 0 and self.steady_rate < 0.9 * self.offered_rate


async def messages_per_topic(settings: Settings, run_id: str) -> dict[str, int]:
    """Messages on each topic of the run (table changelogs included), from the highwaters a
    fetch at the end of each partition reports."""
    admin = AIOKafkaAdminClient(**client_options(settings))
    await admin.start()
    try:
        names = sorted(
            name
            for name in await admin.list_topics()
            if run_id in name and not name.endswith(TRANSPORT_SUFFIX)
        )
    finally:
        await admin.close()
    consumer = assigned_consumer(settings, names)
    await start_assigned(consumer, names, settings.topics.partitions)
    try:
        await consumer.seek_to_end()
        partitions = consumer.assignment()
        for _ in range(20):
            await consumer.getmany(timeout_ms=200, max_records=1)
            if all(consumer.highwater(tp) is not None for tp in partitions):
                break
        counts: Counter[str] = Counter()
        for tp in partitions:
            counts[tp.topic.replace(f"{run_id}.", "").replace(f"-{run_id}", "")] += (
                consumer.highwater(tp) or 0
            )
        return dict(counts)
    finally:
        await consumer.stop()


@dataclass
class Run:
    run_id: str
    load_before: str
    load_after: str = ""
    processing: ProcessingLimit | None = None
    transport: TransportLimit | None = None
    phases: list[Phase] = field(default_factory=list)
    profile: list[str] = field(default_factory=list)
    articles: int = 0
    """Articles the worker processed: warm-up and every phase."""
    messages: dict[str, int] = field(default_factory=dict)
    """Messages written to each topic of the run, inputs and changelogs included."""
    worker_settings: dict[str, float] = field(default_factory=dict)
    """The worker's transport settings (from WARWIRE_* variables or the defaults)."""


def plan(
    base: Sequence[corpus.BaseArticle], articles: int, rates: Sequence[float], phase_seconds: float
) -> tuple[list[corpus.StreamArticle], list[tuple[str, float, list[corpus.StreamArticle]]]]:
    """The warm-up articles and (name, rate, articles) of each phase, in stream order."""
    stream = corpus.stream(base)
    warmup = [next(stream) for _ in range(WARMUP_ARTICLES)]
    phases = [("max", 0.0, [next(stream) for _ in range(articles)])]
    for rate in rates:
        count = max(1, round(rate * phase_seconds))
        phases.append((f"{rate:g}/s", rate, [next(stream) for _ in range(count)]))
    return warmup, phases


@contextlib.contextmanager
def py_spy(pid: int, path: Path | None) -> Iterator[None]:
    """Sample `pid` with py-spy into `path` (collapsed stacks) while the block runs."""
    if path is None:
        yield
        return
    command = [
        str(Path(sys.executable).with_name("py-spy")),
        "record",
        "--pid",
        str(pid),
        "--rate",
        "200",
        "--format",
        "raw",
        "--output",
        str(path),
        "--nonblocking",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    try:
        yield
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


PROFILE_CATEGORIES = (
    ("extraction", ("warwire/extract/",)),
    ("article dedup (URL, body sketch, expiry)", ("warwire/seen.py",)),
    ("validation", ("warwire/articles.py",)),
    ("serialisation", ("warwire/codec.py", "pydantic/", "TypeAdapter")),
    ("Faust tables and changelogs", ("faust/tables/",)),
    ("dedup and rules", ("warwire/pipeline.py", "warwire/dedup.py", "streams/state.py")),
    ("metrics", ("prometheus_client/",)),
    ("logging", ("logging/",)),
    ("aiokafka", ("aiokafka/",)),
    ("faust and mode", ("faust/", "mode/")),
    ("agent code", ("streams/",)),
    ("event loop", ("selectors.py", "asyncio/")),
)
"""Each sample goes to the first category with a frame, below the event loop's dispatch,
matching one of its markers: the processing steps first (with what they call), then the
transport layers."""
PROCESSING_CATEGORIES = frozenset(
    (
        "extraction",
        "article dedup (URL, body sketch, expiry)",
        "validation",
        "dedup and rules",
    )
)
"""The work the processing limit also does; the other categories, the (de)serialisation of
messages between hops included, are what the pipeline adds."""
LOOP_DISPATCH = "BaseEventLoop._run_once"


def _function(frame: str) -> str:
    """`name (path/file.py:123)` -> `name (path/file.py)`."""
    name, _, where = frame.partition(" (")
    return f"{name} ({where.rsplit(':', 1)[0]})" if where else name


def summarise_profile(path: Path, top: int = 15) -> list[str]:
    """Where the sampled time went: by category, then the functions holding the most samples,
    on their own and including what they call."""
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    total = 0
    if not path.exists():
        return [f"no profile written to {path}"]
    for line in path.read_text().splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = [
            _function(f) for f in stack.split(";") if not f.startswith(("process ", "thread "))
        ]
        total += count
        if frames:
            own[frames[-1]] += count
        for frame in set(frames):
            inclusive[frame] += count
        dispatch = [i for i, frame in enumerate(frames) if frame.startswith(LOOP_DISPATCH)]
        joined = ";".join(frames[dispatch[-1] :] if dispatch else frames)
        category = next(
            (name for name, marks in PROFILE_CATEGORIES if any(m in joined for m in marks)),
            "the rest",
        )
        categories[category] += count
    if not total:
        return ["no samples"]
    processing = sum(categories[name] for name in PROCESSING_CATEGORIES)
    lines = [
        f"profile: {total} samples of the worker while busy: {processing / total:.0%} in the "
        f"processing steps, {1 - processing / total:.0%} in transport, framework and loop; "
        "by category:"
    ]
    lines += [f"  {n / total:6.1%}  {name}" for name, n in categories.most_common()]
    lines.append("functions by own time:")
    lines += [f"  {n / total:6.1%}  {frame}" for frame, n in own.most_common(top)]
    lines.append("functions including callees:")
    lines += [f"  {n / total:6.1%}  {frame}" for frame, n in inclusive.most_common(top)]
    return lines


async def measure_pipeline(
    settings: Settings,
    run: Run,
    warmup: Sequence[corpus.StreamArticle],
    phases: Sequence[tuple[str, float, list[corpus.StreamArticle]]],
    expected_alerts: dict[str, int],
    workdir: Path,
    profile: Path | None,
    profile_phase: str,
    broker_pid: int | None,
) -> None:
    await ensure_topics(settings)
    worker = WorkerProcess(settings, workdir / "worker.log").start()
    CLEANUPS.append(worker.stop)
    assert worker.process is not None
    worker_pid = worker.process.pid
    reader = OutputReader(settings)
    feed = Feed(settings)
    await reader.start()
    await feed.start()
    try:
        await feed.send(settings.topics.articles, warmup)
        ok, _ = await reader.wait_done([a.article_id for a in warmup], timeout=120)
        if not ok:
            raise RuntimeError(f"the worker did not process the warm-up articles; see {workdir}")
        for name, rate, items in phases:
            await asyncio.sleep(1.0)
            ids = [item.article_id for item in items]
            phase = Phase(name, rate, len(items), offline_alerts=expected_alerts.get(name, 0))
            cpu_before = (
                cpu_seconds(worker_pid),
                cpu_seconds(broker_pid or 0),
                time.process_time(),
                machine_cpu_seconds(),
            )
            wall_before = time.monotonic()
            with py_spy(worker_pid, profile if name == profile_phase else None):
                first, last, failed = await feed.send(settings.topics.articles, items, rate)
                timeout = max(120.0, len(items) / 20)
                ok, phase.done = await reader.wait_done(ids, timeout)
            wall = time.monotonic() - wall_before
            worker_seconds = cpu_seconds(worker_pid) - cpu_before[0]
            phase.worker_cpu = worker_seconds / wall
            phase.worker_cpu_ms = worker_seconds / len(items) * 1e3
            phase.broker_cpu = (cpu_seconds(broker_pid or 0) - cpu_before[1]) / wall
            phase.bench_cpu = (time.process_time() - cpu_before[2]) / wall
            machine = (machine_cpu_seconds() - cpu_before[3]) / wall
            ours = phase.worker_cpu + phase.broker_cpu + phase.bench_cpu
            phase.other_cpu = max(0.0, machine - ours)
            if failed:
                raise RuntimeError(f"phase {name}: {failed} articles could not be produced")
            _fill(phase, reader.seen, feed.sent_at, ids, first, last)
            run.phases.append(phase)
            if not worker.running:
                raise RuntimeError(f"the worker exited during phase {name}; see {workdir}")
            if profile is not None and name == profile_phase:
                run.profile = summarise_profile(profile)
    finally:
        await feed.stop()
        await reader.stop()
        worker.stop()
    run.articles = len(warmup) + sum(len(items) for _, _, items in phases)
    run.messages = await messages_per_topic(settings, run.run_id)


def _fill(
    phase: Phase,
    seen: Seen,
    sent_at: dict[str, float],
    ids: Sequence[str],
    first: float,
    last: float,
) -> None:
    ids_set = set(ids)
    arrivals = sorted(seen.receipt_at[a] for a in ids if a in seen.receipt_at)
    alerts = [(article, at) for article, at in seen.alerts.values() if article in ids_set]
    phase.missing_receipts = len(ids) - len(arrivals)
    phase.produced_rate = (len(ids) - 1) / (last - first) if last > first else math.nan
    phase.events = sum(seen.receipt_events.get(a, 0) for a in ids)
    phase.alerts = len(alerts)
    ends = [arrivals[-1]] if arrivals else []
    ends += [at for _, at in alerts]
    if phase.done == "incidents":
        ends.append(seen.last_incident_at)
    phase.seconds = max(ends, default=first) - first
    if len(arrivals) >= 10:
        low, high = arrivals[len(arrivals) // 10], arrivals[len(arrivals) * 9 // 10]
        if high > low:
            phase.steady_rate = (len(arrivals) * 9 // 10 - len(arrivals) // 10) / (high - low)
    phase.receipt_latency = Latency.of(
        [seen.receipt_at[a] - sent_at[a] for a in ids if a in seen.receipt_at]
    )
    phase.alert_latency = Latency.of([at - sent_at[article] for article, at in alerts])


async def one_run(args: argparse.Namespace, base: Sequence[corpus.BaseArticle], index: int) -> Run:
    run_id = new_run_id()
    run = Run(run_id=run_id, load_before=load_average())
    print(f"\n== run {index + 1} of {args.runs} ({run_id}), load {run.load_before}", flush=True)
    workdir = Path(tempfile.mkdtemp(prefix=f"warwire-bench-{run_id}-"))
    broker = None if args.broker else start_embedded_broker()
    if broker:
        CLEANUPS.append(broker.stop)
    try:
        base_settings = Settings(metrics_port=0, session_timeout=4.0, heartbeat_interval=1.0)
        if broker:
            base_settings = base_settings.on_embedded_broker(broker.url)
        else:
            base_settings = base_settings.model_copy(update={"broker": args.broker})
        settings = isolated(base_settings, run_id)
        run.worker_settings = {name: getattr(settings, name) for name in WORKER_SETTINGS}
        print(
            "worker: " + ", ".join(f"{k}={v:g}" for k, v in run.worker_settings.items()),
            flush=True,
        )
        warmup, phases = plan(base, args.articles, args.rates, args.phase_seconds)
        run.processing, expected = measure_processing(settings, warmup, phases)
        print(f"processing limit: {run.processing.rate:,.0f} articles/s", flush=True)
        run.transport = await measure_transport(settings, phases[0][2])
        print(f"transport limit:  {run.transport.rate:,.0f} articles/s", flush=True)
        profile = Path(args.profile).with_suffix(f".run{index + 1}.txt") if args.profile else None
        await measure_pipeline(
            settings,
            run,
            warmup,
            phases,
            expected,
            workdir,
            profile,
            args.profile_phase,
            broker.process.pid if broker else None,
        )
    finally:
        if broker:
            broker.stop()
    run.load_after = load_average()
    print_run(run)
    return run


def lower_limit(run: Run) -> float:
    assert run.processing and run.transport
    return min(run.processing.rate, run.transport.rate)


def print_run(run: Run) -> None:
    assert run.processing and run.transport
    p, t = run.processing, run.transport
    print(
        f"processing limit {p.rate:8,.0f} articles/s  {p.cpu_ms:5.2f} ms CPU per article "
        f"({p.validate_ms:.2f} validate + {p.extract_fold_ms:.2f} dedup/extract/fold); "
        f"{p.events} events, {p.alerts} alerts; other load {p.other_cpu:.0%} of a core"
    )
    print(
        f"transport limit  {t.rate:8,.0f} articles/s  (produced and acknowledged at "
        f"{t.articles / t.produce_seconds:,.0f}/s)"
    )
    print(
        "phase    offered pipeline receipts/s of-limit worker-ms/article "
        "receipt p50/p95/p99 ms  alert p50/p95/p99 ms (n)  alerts (offline)  "
        "cpu worker/broker/bench/other"
    )
    for ph in run.phases:
        r, a = ph.receipt_latency, ph.alert_latency
        offered = f"{ph.offered_rate:,.0f}" if ph.offered_rate else "max"
        print(
            f"{ph.name:<8} {offered:>7} {ph.rate:>8,.0f} {ph.steady_rate:>10,.0f} "
            f"{ph.rate / lower_limit(run):>8.0%} "
            f"{ph.worker_cpu_ms:>17.2f} "
            f"{r.p50_ms:>7,.0f}{r.p95_ms:>7,.0f}{r.p99_ms:>7,.0f}  "
            f"{a.p50_ms:>6,.0f}{a.p95_ms:>7,.0f}{a.p99_ms:>7,.0f} ({a.count:>4})  "
            f"{ph.alerts:>6} ({ph.offline_alerts:>5})  "
            f"{ph.worker_cpu:>4.0%}/{ph.broker_cpu:.0%}/{ph.bench_cpu:.0%}/{ph.other_cpu:.0%}"
            + (f"  MISSING {ph.missing_receipts} receipts" if ph.missing_receipts else "")
            + (f"  [done: {ph.done}]" if ph.done != "incidents" else "")
            + ("  [saturated: latency grows with the phase]" if ph.saturated else "")
        )
    if run.messages and run.articles:
        per_article = ", ".join(
            f"{topic} {count / run.articles:.2f}" for topic, count in run.messages.items()
        )
        total = sum(run.messages.values()) / run.articles
        print(f"messages written per article: {total:.2f} ({per_article})")
    print(f"load before {run.load_before}, after {run.load_after}")
    for line in run.profile:
        print(line)


def print_medians(runs: Sequence[Run]) -> None:
    done = [r for r in runs if r.processing and r.transport]
    print(f"\n== medians over {len(done)} runs")
    print(
        f"processing limit {median([r.processing.rate for r in done if r.processing]):,.0f} "
        f"articles/s ({median([r.processing.cpu_ms for r in done if r.processing]):.2f} ms CPU "
        f"per article), transport limit "
        f"{median([r.transport.rate for r in done if r.transport]):,.0f} articles/s"
    )
    for index, phase in enumerate(done[0].phases):
        pairs = [(r.phases[index], r) for r in done if len(r.phases) > index]
        same = [p for p, _ in pairs]

        def mid(values: Sequence[float]) -> str:
            return f"{median(values):,.0f}"

        print(
            f"{phase.name:<8} pipeline {mid([p.rate for p in same])}/s, "
            f"receipts {mid([p.steady_rate for p in same])}/s, "
            f"{median([p.rate / lower_limit(r) for p, r in pairs]):.0%} of the lower limit, "
            f"worker {median([p.worker_cpu_ms for p in same]):.2f} ms CPU/article, "
            f"other load {median([p.other_cpu for p in same]):.0%} of a core; "
            f"receipt p50/p95/p99 {mid([p.receipt_latency.p50_ms for p in same])}/"
            f"{mid([p.receipt_latency.p95_ms for p in same])}/"
            f"{mid([p.receipt_latency.p99_ms for p in same])} ms, "
            f"alert {mid([p.alert_latency.p50_ms for p in same])}/"
            f"{mid([p.alert_latency.p95_ms for p in same])}/"
            f"{mid([p.alert_latency.p99_ms for p in same])} ms"
        )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles in the max phase")
    parser.add_argument(
        "--rates",
        type=lambda text: [float(r) for r in text.split(",") if r],
        default=[50.0, 200.0, 1000.0],
        help="fixed offered rates, articles/s, comma-separated (default 50,200,1000)",
    )
    parser.add_argument(
        "--phase-seconds", type=float, default=10.0, help="length of each fixed-rate phase"
    )
    parser.add_argument("--runs", type=int, default=1, help="repeat and report medians")
    parser.add_argument(
        "--broker", default="", help="kafka://host:port; default a fresh embedded broker per run"
    )
    parser.add_argument(
        "--profile",
        default="",
        help="sample the worker with py-spy during one phase; collapsed stacks go to "
        "PATH.runN.txt and the hottest functions are printed",
    )
    parser.add_argument(
        "--profile-phase", default="max", help="the phase to profile: max (default) or e.g. 50/s"
    )
    parser.add_argument("--json", default="", help="write every figure to this file")
    return parser.parse_args(argv)


def _exit_on_signal(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    base, report = corpus.load()
    print(
        f"machine: {os.cpu_count()} cores, {cpu_model()}, load {load_average()}; "
        f"stream of {len(base)} base articles from {', '.join(report.sources)}"
    )
    signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        runs = [asyncio.run(one_run(args, base, index)) for index in range(args.runs)]
    finally:
        while CLEANUPS:
            CLEANUPS.pop()()
    if len(runs) > 1:
        print_medians(runs)
    if args.json:
        Path(args.json).write_bytes(
            orjson.dumps(
                {
                    "machine": {"cores": os.cpu_count(), "cpu": cpu_model()},
                    "args": vars(args),
                    "runs": [asdict(r) for r in runs],
                },
                option=orjson.OPT_INDENT_2 | orjson.OPT_SERIALIZE_NUMPY,
                default=str,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
