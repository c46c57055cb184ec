"""A self-contained pipeline run: broker, worker process, articles in, every output collected.

`warwire replay` and `warwire demo` are built on it, and so are the integration tests.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from pydantic import SecretStr
from pydantic_settings import BaseSettings

from schemas import Alert, DeadLetter, EventEnvelope, Incident, Receipt
from warwire import codec
from warwire.broker import EmbeddedBroker, die_with_parent, start_embedded_broker
from warwire.config import Settings, Topics
from warwire.kafka_io import ensure_topics, poll_topics, produce_raw

Event = EventEnvelope

READY_LINE_START = b"warwire run: ready:"


def settings_env(settings: Settings) -> dict[str, str]:
    """The environment that gives a child process exactly these settings."""
    return _env_of(settings)


def _env_of(model: BaseSettings) -> dict[str, str]:
    prefix = str(model.model_config.get("env_prefix", ""))
    env: dict[str, str] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseSettings):
            env.update(_env_of(value))
        elif isinstance(value, SecretStr):
            env[f"{prefix}{name}".upper()] = value.get_secret_value()
        else:
            env[f"{prefix}{name}".upper()] = str(value)
    return env


def isolated(settings: Settings, run_id: str) -> Settings:
    """The same settings with topics and consumer group of their own, so a run on a shared
    broker neither reads nor disturbs anyone else's data."""
    topics = settings.topics.model_dump()
    for name in (
        "articles",
        "events",
        "incidents",
        "alerts",
        "dead_letters",
        "receipts",
        "articles_by_id",
        "articles_by_url",
        "articles_by_body",
    ):
        topics[name] = f"{run_id}.{topics[name]}"
    return settings.model_copy(
        update={
            "app_id": f"{settings.app_id}-{run_id}",
            "topics": Topics(**topics),
            "data_dir": str(Path(tempfile.gettempdir()) / f"warwire-{run_id}"),
        }
    )


class WorkerProcess:
    """`warwire run` in a child process."""

    def __init__(self, settings: Settings, log_path: Path | None = None) -> None:
        self.settings = settings
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> WorkerProcess:
        env = {**os.environ, **settings_env(self.settings)}
        log = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "warwire", "run"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=die_with_parent,
        )
        return self

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def stop(self, timeout: float = 15.0) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    @property
    def ready(self) -> bool:
        """The worker has printed its ready line (known only with a log of its own)."""
        if self.log_path is None or not self.log_path.is_file():
            return False
        return READY_LINE_START in self.log_path.read_bytes()


@contextlib.contextmanager
def broker_for(settings: Settings) -> Iterator[Settings]:
    """`settings` with a reachable broker: the configured one, or a fresh embedded broker."""
    if settings.broker:
        yield settings
        return
    broker: EmbeddedBroker = start_embedded_broker()
    try:
        yield settings.on_embedded_broker(broker.url)
    finally:
        broker.stop()


@dataclass
class Collected:
    """Everything the pipeline published for one run, deduplicated by id."""

    receipts: dict[tuple[int, int], Receipt] = field(default_factory=dict)
    events: dict[str, EventEnvelope] = field(default_factory=dict)
    incidents: dict[str, Incident] = field(default_factory=dict)
    alerts: list[Alert] = field(default_factory=list)
    alert_ids: set[str] = field(default_factory=set)
    duplicate_alert_messages: int = 0
    dead_letters: list[DeadLetter] = field(default_factory=list)

    def event_incidents(self) -> dict[str, str]:
        return {r.event_id: i.incident_id for i in self.incidents.values() for r in i.reports}

    def accounted(self, articles_sent: int) -> bool:
        """Every article has a receipt, every event is in an incident, every alert an incident
        records has arrived."""
        if len(self.receipts) < articles_sent:
            return False
        folded = self.event_incidents()
        for receipt in self.receipts.values():
            if any(e not in folded or e not in self.events for e in receipt.event_ids):
                return False
        if any(i.alerts_pending for i in self.incidents.values()):
            return False  # alerts still waiting for their block to settle
        wanted = {a.alert_id for i in self.incidents.values() for a in i.alerted.values()}
        return wanted <= self.alert_ids

    def add(self, topic_kind: str, raw: bytes, key: bytes | None = None) -> Alert | None:
        if topic_kind == "receipt":
            receipt = codec.loads(Receipt, raw)
            self.receipts[(receipt.partition, receipt.offset)] = receipt
        elif topic_kind == "event":
            if not raw:  # a settle tick, not an event
                return None
            envelope = codec.loads(EventEnvelope, raw)
            self.events[envelope.event.event_id] = envelope
        elif topic_kind == "incident":
            if not raw:  # empty: the incident's reports were regrouped into others
                self.incidents.pop((key or b"").decode(), None)
                return None
            incident = codec.loads(Incident, raw)
            known = self.incidents.get(incident.incident_id)
            if known is None or known.version <= incident.version:
                self.incidents[incident.incident_id] = incident
        elif topic_kind == "alert":
            alert = codec.loads(Alert, raw)
            if alert.alert_id in self.alert_ids:
                self.duplicate_alert_messages += 1
                return None
            self.alert_ids.add(alert.alert_id)
            self.alerts.append(alert)
            return alert
        elif topic_kind == "dead_letter":
            self.dead_letters.append(codec.loads(DeadLetter, raw))
        return None


def read_lines(path: Path | None) -> list[bytes]:
    """Non-blank lines of a JSONL file, or of stdin when `path` is None."""
    data = sys.stdin.buffer.read() if path is None else path.read_bytes()
    return [line for line in data.splitlines() if line.strip()]


def article_key(raw: bytes) -> bytes | None:
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    article_id = data.get("id") if isinstance(data, dict) else None
    return str(article_id).encode() if article_id else None


async def run_pipeline(
    settings: Settings,
    lines: list[bytes],
    rate: float = 0.0,
    timeout: float = 300.0,
    on_alert: Callable[[Alert], None] | None = None,
    on_progress: Callable[[int, int, Collected], None] | None = None,
    worker_log: Path | None = None,
    keep_worker: Callable[[WorkerProcess], None] | None = None,
    backlog: bool = False,
    workers: int = 1,
) -> Collected:
    """Start `workers` workers on `settings.broker`, post `lines` to the articles topic and
    collect the outputs until every article is accounted for. With `backlog`, every line is
    posted before the workers start, so they meet the whole file as a backlog."""
    await ensure_topics(settings)
    if backlog:
        posted = await produce_raw(settings, [(article_key(line), line) for line in lines])
        if posted.failed:
            raise RuntimeError(f"{len(posted.failed)} articles could not be delivered")
    pool = [_worker(settings, worker_log, n, workers) for n in range(workers)]
    try:
        return await _collect(
            settings, lines, pool, rate, timeout, on_alert, on_progress, keep_worker, backlog
        )
    finally:
        for extra in pool[1:]:
            extra.stop()


def _worker(settings: Settings, log: Path | None, n: int, count: int) -> WorkerProcess:
    if count > 1:
        settings = settings.model_copy(update={"metrics_port": 0})
        log = log.with_name(f"{log.stem}-{n}{log.suffix}") if log else None
    return WorkerProcess(settings, log).start()


def output_kinds(settings: Settings) -> dict[str, str]:
    """Each output topic -> the kind `Collected.add` files its messages under."""
    topics = settings.topics
    return {
        topics.receipts: "receipt",
        topics.events: "event",
        topics.incidents: "incident",
        topics.alerts: "alert",
        topics.dead_letters: "dead_letter",
    }


async def _collect(
    settings: Settings,
    lines: list[bytes],
    pool: list[WorkerProcess],
    rate: float,
    timeout: float,
    on_alert: Callable[[Alert], None] | None,
    on_progress: Callable[[int, int, Collected], None] | None,
    keep_worker: Callable[[WorkerProcess], None] | None,
    backlog: bool,
) -> Collected:
    worker = pool[0]
    kinds = output_kinds(settings)
    collected = Collected()
    kept = False
    try:
        to_post = [] if backlog else [(article_key(line), line) for line in lines]
        producing = asyncio.create_task(produce_raw(settings, to_post, rate=rate))
        deadline = time.monotonic() + timeout
        polls = poll_topics(settings, list(kinds))
        async for records, _ in polls:
            for record in records:
                alert = collected.add(kinds[record.topic], record.value or b"", record.key)
                if alert and on_alert:
                    on_alert(alert)
            if on_progress:
                on_progress(len(collected.receipts), len(lines), collected)
            if producing.done() and collected.accounted(len(lines)):
                break
            if time.monotonic() > deadline or not all(w.running for w in pool):
                break
        await polls.aclose()
        report = await producing
        if report.failed:
            raise RuntimeError(f"{len(report.failed)} articles could not be delivered")
        if not collected.accounted(len(lines)):
            state = "exited" if not all(w.running for w in pool) else "timed out"
            raise RuntimeError(
                f"worker {state}: {len(collected.receipts)} of {len(lines)} articles accounted for"
            )
        if keep_worker:
            keep_worker(worker)
            kept = True
    finally:
        if not kept:
            worker.stop()
    return collected


def new_run_id() -> str:
    return f"run-{uuid.uuid4().hex[:10]}"
