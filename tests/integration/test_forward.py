"""`warwire forward` as a child process, between the real embedded broker and a real local
HTTP receiver that checks every signature and counts every request.

Alerts are written straight to the alerts topic; no pipeline worker is involved.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import hmac
import http.server
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import orjson
import pytest
from aiokafka import AIOKafkaProducer
from prometheus_client.parser import text_string_to_metric_families

from schemas import Alert
from warwire import codec
from warwire.broker import free_port
from warwire.config import ForwarderSettings, Settings
from warwire.kafka_io import client_options, ensure_topics
from warwire.session import settings_env

pytestmark = pytest.mark.integration

SECRET = "forwarder-integration-secret"
INCIDENTS = 8
"""Alerts cycle over this many incidents; each incident's alerts share a key, hence a
partition, and must reach the receiver in the order they were produced."""


def make_alerts(run: str, count: int, start: int = 0) -> list[Alert]:
    alerts = []
    for n in range(start, start + count):
        incident = f"{run}-inc-{n % INCIDENTS}"
        version = n // INCIDENTS + 1
        alerts.append(
            Alert(
                alert_id=f"{run}-alert-{n}",
                incident_id=incident,
                kind="large_strike" if version == 1 else "large_strike_update",
                severity="critical",
                headline=f"Test strike {n}: {40 + n} drones reported over a test region",
                details=[f"drones {40 + n} (test figure)"],
                incident_version=version,
                article_id=f"{run}-article-{n}",
                published_at=dt.datetime(2025, 7, 1, 6, 0, tzinfo=dt.UTC) + dt.timedelta(minutes=n),
            )
        )
    return alerts


async def _produce(settings: Settings, messages: list[tuple[bytes, bytes]]) -> None:
    producer = AIOKafkaProducer(**client_options(settings), acks="all")
    await producer.start()
    try:
        for key, value in messages:
            await producer.send_and_wait(settings.topics.alerts, value, key=key)
    finally:
        await producer.stop()


def produce(settings: Settings, alerts: list[Alert], extra: bytes | None = None) -> list[bytes]:
    """Write `alerts` (and `extra`, a raw value, after the first one) to the alerts topic;
    return the exact bytes written per alert."""
    bodies = [codec.dumps(alert) for alert in alerts]
    messages = [(a.incident_id.encode(), body) for a, body in zip(alerts, bodies, strict=True)]
    if extra is not None:
        messages.insert(1, (alerts[0].incident_id.encode(), extra))
    asyncio.run(_produce(settings, messages))
    return bodies


@dataclass
class Request:
    alert_id: str
    body: bytes
    headers: dict[str, str]
    signature_ok: bool
    status: int
    phase: str
    received_at: float


Responder = Callable[[str, int], tuple[int, dict[str, str]]]
"""(alert id, how many requests for it came before this one) -> (status, extra headers)."""


def always_ok(alert_id: str, earlier: int) -> tuple[int, dict[str, str]]:
    return 200, {}


@dataclass
class Receiver:
    """A threaded http.server that verifies each request the way docs/forwarder.md tells
    receivers to, answers as `respond` says, and records everything."""

    respond: Responder = always_ok
    delay: float = 0.0
    """Seconds between reading a request and answering it."""
    port: int = field(default_factory=free_port)
    phase: str = "first"
    requests: list[Request] = field(default_factory=list)
    in_flight: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: http.server.ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/warwire"

    def start(self) -> Receiver:
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                headers = dict(self.headers.items())
                alert_id = orjson.loads(body).get("alert_id", "")
                with receiver.lock:
                    earlier = sum(1 for r in receiver.requests if r.alert_id == alert_id)
                status, extra = receiver.respond(alert_id, earlier)
                if not receiver.signature_ok(body, headers):
                    status, extra = 401, {}
                with receiver.lock:
                    receiver.requests.append(
                        Request(
                            alert_id,
                            body,
                            headers,
                            receiver.signature_ok(body, headers),
                            status,
                            receiver.phase,
                            time.monotonic(),
                        )
                    )
                receiver.in_flight.set()
                time.sleep(receiver.delay)
                receiver.in_flight.clear()
                self.send_response(status)
                for name, value in extra.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    @staticmethod
    def signature_ok(body: bytes, headers: dict[str, str]) -> bool:
        timestamp = headers.get("X-Warwire-Timestamp", "")
        if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > 300:
            return False
        expected = hmac.new(SECRET.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
        given = headers.get("X-Warwire-Signature", "")
        return hmac.compare_digest(f"sha256={expected.hexdigest()}", given)

    def snapshot(self) -> list[Request]:
        with self.lock:
            return list(self.requests)

    def accepted(self) -> list[Request]:
        return [r for r in self.snapshot() if 200 <= r.status < 300]

    def accepted_ids(self) -> set[str]:
        return {r.alert_id for r in self.accepted()}


class ForwarderProcess:
    """`python -m warwire forward` in a child process."""

    def __init__(self, settings: Settings, url: str, log: Path) -> None:
        env = {**os.environ, **settings_env(settings), "WARWIRE_LOG_LEVEL": "info"}
        with log.open("ab") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "warwire", "forward", "--url", url],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def signal(self, sig: signal.Signals) -> None:
        if self.process.poll() is None:
            self.process.send_signal(sig)

    def stop(self, timeout: float = 20.0) -> int:
        self.signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise


@pytest.fixture
def forwarders() -> Iterator[list[ForwarderProcess]]:
    """Every forwarder a test starts is killed at the end, whatever happened."""
    started: list[ForwarderProcess] = []
    yield started
    for forwarder in started:
        if forwarder.process.poll() is None:
            forwarder.process.kill()
            forwarder.process.wait()


@pytest.fixture
def receivers() -> Iterator[list[Receiver]]:
    started: list[Receiver] = []
    yield started
    for receiver in started:
        receiver.stop()


def forward_settings(settings: Settings) -> Settings:
    """Short backoff, so that retries do not slow the tests down."""
    forward = ForwarderSettings(secret=SECRET, backoff_initial=0.1, backoff_max=0.5)
    return settings.model_copy(update={"forward": forward})


def wait_for(condition: Callable[[], object], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"after {timeout}s still waiting for {what}")
        time.sleep(0.1)


Scraped = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def scrape(settings: Settings) -> Scraped:
    """The forwarder's /metrics as {(sample name, sorted labels): value}."""
    url = f"http://127.0.0.1:{settings.metrics_port}/metrics"
    with urllib.request.urlopen(url, timeout=5) as response:
        text = response.read().decode()
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def failed_attempts(settings: Settings) -> float:
    """Attempts that got no HTTP response; 0 while the metrics endpoint is not up yet."""
    try:
        return attempts(scrape(settings), "error")
    except OSError:
        return 0


def deliveries(scraped: Scraped, outcome: str) -> float:
    return scraped[("warwire_forwarder_deliveries_total", (("outcome", outcome),))]


def attempts(scraped: Scraped, result: str) -> float:
    return scraped[("warwire_forwarder_attempts_total", (("result", result),))]


def assert_in_incident_order(requests: list[Request], alerts: list[Alert]) -> None:
    """Alerts of one incident were produced in version order, to one partition."""
    version = {a.alert_id: (a.incident_id, a.incident_version) for a in alerts}
    seen: dict[str, list[int]] = defaultdict(list)
    for request in requests:
        incident, number = version[request.alert_id]
        if number not in seen[incident]:
            seen[incident].append(number)
    for incident, numbers in seen.items():
        assert numbers == sorted(numbers), incident


def test_every_alert_reaches_the_receiver_once_signed_and_the_metrics_count_them(
    settings: Settings,
    tmp_path: Path,
    forwarders: list[ForwarderProcess],
    receivers: list[Receiver],
) -> None:
    settings = forward_settings(settings)
    asyncio.run(ensure_topics(settings))
    receiver = Receiver().start()
    receivers.append(receiver)
    run = settings.app_id
    before = make_alerts(run, 16)
    after = make_alerts(run, 16, start=16)
    bodies = produce(settings, before)

    forwarder = ForwarderProcess(settings, receiver.url, tmp_path / "forwarder.log")
    forwarders.append(forwarder)
    wait_for(lambda: len(receiver.accepted()) >= len(before), 60, "the backlog")
    bodies += produce(settings, after)
    alerts = before + after
    wait_for(lambda: len(receiver.accepted()) >= len(alerts), 30, "the alerts produced live")
    time.sleep(2)  # long enough for a repeat to show up, if there were one

    requests = receiver.snapshot()
    assert all(r.signature_ok for r in requests)
    assert [r.status for r in requests] == [200] * len(alerts), "one request per alert"
    assert Counter(r.alert_id for r in requests) == Counter(a.alert_id for a in alerts)
    sent = {a.alert_id: body for a, body in zip(alerts, bodies, strict=True)}
    for request in requests:
        assert request.body == sent[request.alert_id], "the exact bytes from the topic"
        assert request.headers["Idempotency-Key"] == request.alert_id
        assert request.headers["Content-Type"] == "application/json"
        assert request.headers["X-Warwire-Attempt"] == "1"
    assert_in_incident_order(requests, alerts)

    scraped = scrape(settings)
    assert deliveries(scraped, "delivered") == len(alerts)
    assert deliveries(scraped, "rejected") == deliveries(scraped, "failed") == 0
    assert attempts(scraped, "2xx") == len(alerts)
    assert attempts(scraped, "5xx") == attempts(scraped, "error") == 0
    assert scraped[("warwire_forwarder_delivery_duration_seconds_count", ())] == len(alerts)

    assert forwarder.stop() == 0


def test_failed_attempts_are_retried_until_accepted_and_a_refused_alert_is_skipped(
    settings: Settings,
    tmp_path: Path,
    forwarders: list[ForwarderProcess],
    receivers: list[Receiver],
) -> None:
    settings = forward_settings(settings)
    asyncio.run(ensure_topics(settings))
    run = settings.app_id
    alerts = make_alerts(run, 24)
    flaky = {alerts[n].alert_id for n in (0, 5, 9, 14)}
    throttled = alerts[3].alert_id
    poison = alerts[2].alert_id
    after_poison = [a.alert_id for a in alerts if a.incident_id == alerts[2].incident_id][1:]
    assert after_poison, "the poison alert's incident has later alerts on its partition"
    failures = 2

    def respond(alert_id: str, earlier: int) -> tuple[int, dict[str, str]]:
        if alert_id in flaky and earlier < failures:
            return 503, {}
        if alert_id == throttled and earlier == 0:
            return 429, {"Retry-After": "2"}
        if alert_id == poison:
            return 422, {}
        return 200, {}

    # The receiver is not listening yet: the first attempts meet a refused connection.
    receiver = Receiver(respond)
    receivers.append(receiver)
    produce(settings, alerts, extra=b"this is not an alert")
    log = tmp_path / "forwarder.log"
    forwarder = ForwarderProcess(settings, receiver.url, log)
    forwarders.append(forwarder)
    wait_for(
        lambda: forwarder.process.poll() is None and failed_attempts(settings) >= 1,
        60,
        "an attempt to fail on the refused connection",
    )
    receiver.start()
    wanted = {a.alert_id for a in alerts} - {poison}
    wait_for(lambda: receiver.accepted_ids() >= wanted, 60, "every acceptable alert")
    time.sleep(2)

    requests = receiver.snapshot()
    assert all(r.signature_ok for r in requests)
    per_alert = Counter(r.alert_id for r in requests)
    assert Counter(r.alert_id for r in receiver.accepted()) == Counter(wanted), "none twice"
    for alert_id in flaky:
        assert per_alert[alert_id] == failures + 1
        tries = [int(r.headers["X-Warwire-Attempt"]) for r in requests if r.alert_id == alert_id]
        assert tries == sorted(tries) and len(set(tries)) == len(tries)
    assert per_alert[poison] == 1, "a refused alert is not sent again"
    first, second = [r.received_at for r in requests if r.alert_id == throttled]
    assert second - first >= 1.9, "Retry-After: 2 was honoured"
    assert_in_incident_order(receiver.accepted(), alerts)

    scraped = scrape(settings)
    assert deliveries(scraped, "delivered") == len(wanted)
    assert deliveries(scraped, "rejected") == 1
    assert deliveries(scraped, "invalid") == 1
    assert attempts(scraped, "2xx") == len(wanted)
    assert attempts(scraped, "5xx") == failures * len(flaky)
    assert attempts(scraped, "4xx") == 2, "the 429 and the 422"
    assert forwarder.stop() == 0
    text = log.read_text()
    assert poison in text and "skipped" in text, "a skipped alert is logged by id"
    assert "not an alert" in text


def test_a_stopped_and_a_killed_forwarder_resume_without_losing_or_repeating_alerts(
    settings: Settings,
    tmp_path: Path,
    forwarders: list[ForwarderProcess],
    receivers: list[Receiver],
) -> None:
    """SIGTERM while a POST is in flight: that POST finishes and is committed, so the next
    forwarder repeats nothing. SIGKILL while a POST is in flight: the receiver got it but the
    offset was never committed, so the next forwarder sends that one alert again (the
    at-least-once case the Idempotency-Key is for), and nothing else."""
    settings = forward_settings(settings)
    asyncio.run(ensure_topics(settings))
    receiver = Receiver(delay=0.3).start()
    receivers.append(receiver)
    alerts = make_alerts(settings.app_id, 40)
    produce(settings, alerts)

    def in_flight_after(count: int) -> bool:
        return len(receiver.snapshot()) >= count and receiver.in_flight.is_set()

    receiver.phase = "stopped"
    stopped = ForwarderProcess(settings, receiver.url, tmp_path / "stopped.log")
    forwarders.append(stopped)
    wait_for(lambda: in_flight_after(8), 60, "the first forwarder to be mid-delivery")
    stopped.signal(signal.SIGTERM)
    interrupted = receiver.snapshot()[-1].alert_id
    assert stopped.process.wait(timeout=20) == 0
    assert len(receiver.snapshot()) < len(alerts), "stopped mid-stream"

    receiver.phase = "killed"
    killed = ForwarderProcess(settings, receiver.url, tmp_path / "killed.log")
    forwarders.append(killed)
    wait_for(lambda: in_flight_after(20), 60, "the second forwarder to be mid-delivery")
    killed.signal(signal.SIGKILL)
    lost_answer = receiver.snapshot()[-1].alert_id
    killed.process.wait(timeout=10)
    assert len(receiver.snapshot()) < len(alerts), "killed mid-stream"

    receiver.phase = "last"
    last = ForwarderProcess(settings, receiver.url, tmp_path / "last.log")
    forwarders.append(last)
    wanted = {a.alert_id for a in alerts}
    wait_for(lambda: receiver.accepted_ids() >= wanted, 90, "every alert")
    time.sleep(2)
    assert last.stop() == 0

    requests = receiver.snapshot()
    assert all(r.signature_ok and r.status == 200 for r in requests)
    by_phase = {
        phase: [r.alert_id for r in requests if r.phase == phase]
        for phase in ("stopped", "killed", "last")
    }
    assert all(by_phase.values()), "each forwarder delivered some"
    assert interrupted not in by_phase["killed"] + by_phase["last"]
    assert not set(by_phase["stopped"]) & (set(by_phase["killed"]) | set(by_phase["last"]))
    repeated = [a for a, n in Counter(r.alert_id for r in requests).items() if n > 1]
    assert repeated == [lost_answer], "only the alert in flight at the SIGKILL comes twice"
    assert set(by_phase["killed"]) & set(by_phase["last"]) == {lost_answer}
    assert_in_incident_order(requests, alerts)


def test_two_forwarders_in_one_group_share_the_alerts_and_hand_over_without_repeats(
    settings: Settings,
    tmp_path: Path,
    forwarders: list[ForwarderProcess],
    receivers: list[Receiver],
) -> None:
    """A second forwarder joining, and later the first one leaving, each rebalance the group
    while a POST is in flight: the partition changes hands only after that POST's offset is
    committed, so no alert is sent twice."""
    settings = forward_settings(settings)
    asyncio.run(ensure_topics(settings))
    receiver = Receiver(delay=0.2).start()
    receivers.append(receiver)
    alerts = make_alerts(settings.app_id, 60)
    produce(settings, alerts)

    first = ForwarderProcess(settings, receiver.url, tmp_path / "first.log")
    forwarders.append(first)
    wait_for(lambda: len(receiver.snapshot()) >= 5, 60, "the first forwarder to start")
    own_port = settings.model_copy(update={"metrics_port": free_port()})
    second = ForwarderProcess(own_port, receiver.url, tmp_path / "second.log")
    forwarders.append(second)
    wait_for(
        lambda: "assigned" in (tmp_path / "second.log").read_text(),
        60,
        "the second forwarder to get partitions",
    )
    wait_for(lambda: len(receiver.snapshot()) >= 30, 60, "both forwarders to deliver")
    assert len(receiver.snapshot()) < len(alerts), "the first forwarder left mid-stream"
    assert first.stop() == 0
    wanted = {a.alert_id for a in alerts}
    wait_for(lambda: receiver.accepted_ids() >= wanted, 90, "every alert")
    time.sleep(2)
    assert second.stop() == 0

    requests = receiver.snapshot()
    assert all(r.signature_ok and r.status == 200 for r in requests)
    assert Counter(r.alert_id for r in requests) == Counter(wanted), "each exactly once"
    assert_in_incident_order(requests, alerts)
