"""Alerts that reach a person: a real Prometheus evaluating the deploy rules, a real
Alertmanager with the deploy config, and a local webhook receiver standing in for the
operator's. One of two workers stops; the page must arrive."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.integration.outputs import workers_with_own_metrics_ports
from tests.integration.prometheus_server import (
    WORKER_JOB,
    alertmanager_binary,
    prometheus_binary,
    run_alertmanager,
    run_prometheus,
    wait_until,
)
from warwire.broker import free_port
from warwire.config import Settings
from warwire.kafka_io import ensure_topics

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
