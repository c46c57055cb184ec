"""`warwire run`: one worker, on the configured broker or an embedded one."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import sys
import threading
from pathlib import Path
from typing import Any

from warwire import metrics
from warwire.broker import EmbeddedBroker, start_embedded_broker
from warwire.config import Settings
from warwire.group_lag import GroupLagProbe
from warwire.kafka_io import ensure_topics

log = logging.getLogger("warwire.worker")

TOPIC_CHECK_INTERVAL = 5.0
"""Seconds between checks that every topic the worker uses still exists."""


def run_worker(settings: Settings) -> int:
    from streams.app import create_app
    from streams.transport import ReadyWorker

    try:
        metrics.serve_metrics(settings.metrics_port, addr=settings.metrics_host)
    except metrics.MetricsPortUnavailable as exc:
        print(f"warwire run: {exc}", file=sys.stderr)
        return 2
    broker: EmbeddedBroker | None = None
    lag_probe: GroupLagProbe | None = None
    broker_stopping = threading.Event()
    if not settings.broker:
        broker = start_embedded_broker()
        settings = settings.on_embedded_broker(broker.url)
        print(f"embedded broker (memory only) at {broker.url}", flush=True)
        broker_stopping = watch_embedded_broker(broker)
    try:
        loop = new_event_loop()
        asyncio.set_event_loop(loop)
        loop.run_until_complete(ensure_topics(settings))
        # Faust makes only the last level of its folder (~/.cache may not exist yet).
        Path(settings.data_dir).mkdir(parents=True, exist_ok=True)
        app = create_app(settings)
        warm_up_extractor()
        keep_topics_declared(app, settings)
        if settings.group_lag_interval > 0:
            lag_probe = GroupLagProbe(settings, interval=settings.group_lag_interval)
            lag_probe.start()
        worker = ReadyWorker(
            app,
            loop=loop,
            loglevel=settings.log_level,
            quiet=True,
            redirect_stdouts=False,
            ready_line=ready_line(settings),
        )
        # Faust's start-up spinner sets the root logger to DEBUG for good, so every debug call
        # in faust and aiokafka built a log record only to drop it: 2-3% of a busy worker.
        worker.spinner = None
        try:
            worker.execute_from_commandline()
        except SystemExit as exit_:
            return int(exit_.code or 0)
        return 0
    finally:
        if lag_probe is not None:
            lag_probe.stop()
        if broker:
            broker_stopping.set()
            broker.stop()


def warm_up_extractor() -> None:
    """Load the language model and whatever else the extractor loads on first use, now,
    outside any article's time budget (`warwire.budget`): a first load cut off by the budget
    would be redone, and cut off again, by the articles after it."""
    from schemas import Article
    from warwire.extract.core import extract_events_strict

    extract_events_strict(
        Article(
            id="warm-up",
            body="Russia launched 12 drones at the city overnight, killing two people, the "
            "governor said. The two delegations will meet again next week for talks.",
            published_at=dt.datetime(2025, 1, 15, 9, 0, tzinfo=dt.UTC),
        )
    )


def watch_embedded_broker(broker: EmbeddedBroker, interval: float = 1.0) -> threading.Event:
    """Stop the worker, in one line, if the embedded broker it started dies: the broker held
    everything in memory, so there is nothing left to reconnect to. Set the event returned
    before stopping the broker on purpose."""
    from streams.transport import exit_now

    stopping = threading.Event()

    def watch() -> None:
        while (code := broker.process.poll()) is None:
            if stopping.wait(interval):
                return
        if not stopping.is_set():
            exit_now(f"the embedded broker exited (status {code}) and its data with it")

    threading.Thread(target=watch, name="embedded-broker-watch", daemon=True).start()
    return stopping


def ready_line(settings: Settings) -> str:
    metrics_at = (
        f"http://{settings.metrics_host}:{settings.metrics_port}/metrics"
        if settings.metrics_port
        else "off"
    )
    return (
        f"warwire run: ready: broker {settings.broker}, reading {settings.topics.articles} "
        f"({settings.topics.partitions} partitions), group {settings.app_id}, "
        f"metrics {metrics_at}"
    )


def new_event_loop() -> asyncio.AbstractEventLoop:
    """uvloop's event loop where it is installed (a dependency everywhere but Windows), else
    asyncio's."""
    try:
        import uvloop
    except ImportError:
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()


def changelog_topics(app: Any, settings: Settings) -> dict[str, int]:
    """Name -> partitions of the changelog topic behind each of the app's tables."""
    return {
        table.changelog_topic.get_topic_name(): table.partitions or settings.topics.partitions
        for table in app.tables.values()
    }


def keep_topics_declared(app: Any, settings: Settings) -> None:
    """Re-create any missing topic, the tables' changelogs included, every few seconds.

    Topics vanish when a broker loses its data (the embedded broker restarting, a cluster
    rebuilt from scratch); without them the worker's sends and fetches would wait forever."""

    async def redeclare_missing_topics() -> None:
        try:
            created = await ensure_topics(settings, changelog_topics(app, settings), retries=0)
        except Exception as exc:  # the broker is away: try again at the next tick
            log.warning("could not check topics: %r", exc)
            return
        if created:
            log.warning("re-created missing topics: %s", ", ".join(sorted(created)))

    app.timer(interval=TOPIC_CHECK_INTERVAL)(redeclare_missing_topics)
