"""Alerts that reach a person: a real Prometheus evaluating the deploy rules, a real
Alertmanager with the deploy config, and a local webhook receiver standing in for the
operator's. One of two workers stops; the forwarder freezes with alerts waiting; bad articles
pour in. Each time the page must arrive.

The stall and dead-letter rules wait 5 and 10 minutes (`for:`) over 10-minute ranges before
they fire: their tests run them with those windows cut to seconds
(`rules_with_short_windows`), the expressions, labels and routing unchanged. `promtool test
rules` (tests/unit) checks the shipped windows."""

from __future__ import annotations

import json
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaProducer

from schemas import Alert
from tests.integration.outputs import workers_with_own_metrics_ports
from tests.integration.prometheus_server import (
    WORKER_JOB,
    Prometheus,
    alertmanager_binary,
    prometheus_binary,
    rules_with_short_windows,
    run_alertmanager,
    run_prometheus,
    wait_until,
)
from tests.integration.test_forward import (
    ForwarderProcess,
    forward_settings,
    make_alerts,
)
from warwire import codec
from warwire.broker import free_port
from warwire.config import Settings
from warwire.kafka_io import client_options, ensure_topics, produce_raw

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        prometheus_binary() is None or alertmanager_binary() is None,
        reason="needs Debian's prometheus and prometheus-alertmanager packages",
    ),
]

PAGE_TIMEOUT = 180.0
"""The alert's `for` (1 minute), Alertmanager's group wait for critical alerts (10 s), and
room for a busy machine."""


class Receiver:
    """An HTTP endpoint that keeps every JSON body POSTed to it."""

    def __init__(self) -> None:
        self.bodies: list[dict[str, Any]] = []
        received = self.bodies

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                received.append(json.loads(self.rfile.read(length)))
                self.send_response(200)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/alerts"

    def firing(self, alertname: str) -> list[dict[str, Any]]:
        return [
            alert
            for body in list(self.bodies)
            for alert in body.get("alerts", [])
            if alert["labels"].get("alertname") == alertname and alert["status"] == "firing"
        ]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    running = Receiver()
    thread = threading.Thread(target=running.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield running
    finally:
        running.server.shutdown()
        running.server.server_close()


async def test_stopping_one_of_two_workers_pages_the_operator(
    settings: Settings, tmp_path: Path, receiver: Receiver
) -> None:
    await ensure_topics(settings)
    workers = workers_with_own_metrics_ports(settings, tmp_path, 2)
    ports = [worker.settings.metrics_port for worker in workers]
    targets = {WORKER_JOB: [f"127.0.0.1:{port}" for port in ports]}
    try:
        with (
            run_alertmanager(receiver.url, tmp_path / "alertmanager") as alertmanager,
            run_prometheus(targets, tmp_path / "prometheus", alertmanager=alertmanager) as prom,
        ):
            wait_until(
                lambda: prom.value(f'count(up{{job="{WORKER_JOB}"}} == 1)') == 2,
                timeout=120,
                what="both workers scraped",
            )
            workers[1].stop()
            pages = wait_until(
                lambda: receiver.firing("WarwireFewerWorkersThanExpected"),
                timeout=PAGE_TIMEOUT,
                what="the fewer-workers page at the webhook",
            )
    finally:
        for worker in workers:
            worker.stop()
    page = pages[0]
    assert page["labels"]["severity"] == "critical"
    assert page["annotations"]["description"].startswith("1 worker(s) answer")


@contextmanager
def paging(
    receiver: Receiver, targets: dict[str, list[str]], storage: Path, rules: Path
) -> Iterator[Prometheus]:
    """A Prometheus evaluating `rules` over `targets`, alerting to an Alertmanager that
    sends to `receiver`."""
    with (
        run_alertmanager(receiver.url, storage / "alertmanager") as alertmanager,
        run_prometheus(
            targets, storage / "prometheus", alertmanager=alertmanager, rules_dir=rules
        ) as prom,
    ):
        yield prom


async def post_alerts(settings: Settings, alerts: list[Alert]) -> None:
    producer = AIOKafkaProducer(**client_options(settings), acks="all")
    await producer.start()
    try:
        for alert in alerts:
            await producer.send_and_wait(
                settings.topics.alerts, codec.dumps(alert), key=alert.incident_id.encode()
            )
    finally:
        await producer.stop()


async def test_a_frozen_forwarder_with_alerts_waiting_pages_the_operator(
    settings: Settings, tmp_path: Path, receiver: Receiver
) -> None:
    """SIGSTOP leaves the forwarder's group without a live member: its committed offset on
    the alerts topic stops while alerts pile up beyond it. The worker's probe reads that off
    the broker, and WarwireGroupStalled pages."""
    await ensure_topics(settings)
    worker_settings = settings.model_copy(update={"group_lag_interval": 1.0})
    (worker,) = workers_with_own_metrics_ports(worker_settings, tmp_path, 1)
    deliveries = Receiver()
    threading.Thread(target=deliveries.server.serve_forever, daemon=True).start()
    forwarder_group = f"{settings.app_id}-forwarder"
    forwarder = ForwarderProcess(
        forward_settings(settings).model_copy(update={"metrics_port": free_port()}),
        deliveries.url,
        tmp_path / "forwarder.log",
    )
    rules = rules_with_short_windows(
        "WarwireGroupStalled", tmp_path / "rules", hold="5s", window="20s"
    )
    targets = {WORKER_JOB: [f"127.0.0.1:{worker_settings.metrics_port}"]}
    committed = f'warwire_group_committed_offset{{group="{forwarder_group}"}}'
    try:
        with paging(receiver, targets, tmp_path, rules) as prom:
            first, second = make_alerts(settings.app_id, 2)
            await post_alerts(settings, [first])
            wait_until(
                lambda: prom.value(f"sum({committed})") == 1,
                timeout=120,
                what="the forwarder's commit after its first delivery, read off the broker",
            )
            forwarder.signal(signal.SIGSTOP)
            await post_alerts(settings, [second])
            try:
                pages = wait_until(
                    lambda: [
                        page
                        for page in receiver.firing("WarwireGroupStalled")
                        if page["labels"]["group"] == forwarder_group
                    ],
                    timeout=PAGE_TIMEOUT,
                    what="the stalled-group page at the webhook",
                )
            except TimeoutError as timeout:
                lag = f'warwire_group_lag_messages{{group="{forwarder_group}"}}'
                readings = {expr: prom.query(expr) for expr in (lag, committed)}
                raise AssertionError(f"{timeout}; Prometheus read {readings}") from timeout
    finally:
        forwarder.signal(signal.SIGCONT)
        forwarder.process.kill()
        forwarder.process.wait()
        deliveries.server.shutdown()
        deliveries.server.server_close()
        worker.stop()
    page = pages[0]
    assert page["labels"]["severity"] == "critical"
    assert page["labels"]["topic"] == settings.topics.alerts
    assert deliveries.bodies[0]["alert_id"] == first.alert_id  # forwarded before it froze


async def test_articles_pouring_into_the_dead_letter_topic_warn_the_operator(
    settings: Settings, tmp_path: Path, receiver: Receiver
) -> None:
    await ensure_topics(settings)
    (worker,) = workers_with_own_metrics_ports(settings, tmp_path, 1)
    rules = rules_with_short_windows(
        "WarwireDeadLettersRising", tmp_path / "rules", hold="5s", window="1m"
    )
    targets = {WORKER_JOB: [f"127.0.0.1:{settings.metrics_port}"]}
    try:
        with paging(receiver, targets, tmp_path, rules) as prom:
            # A first bad article makes the counter's series exist; a rate needs it to rise
            # after Prometheus has seen it.
            await produce_raw(settings, [(None, b"this is not an article")])
            wait_until(
                lambda: prom.value("sum(warwire_articles_rejected_total)") == 1,
                timeout=120,
                what="the first dead letter counted by Prometheus",
            )
            report = await produce_raw(
                settings, [(None, b"{not json either %d" % n) for n in range(5)]
            )
            assert report.sent == 5
            pages = wait_until(
                lambda: receiver.firing("WarwireDeadLettersRising"),
                timeout=PAGE_TIMEOUT,
                what="the dead-letter warning at the webhook",
            )
    finally:
        worker.stop()
    assert pages[0]["labels"]["severity"] == "warning"
    assert "dead letter" in pages[0]["annotations"]["summary"]
