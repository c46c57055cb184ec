"""A real Prometheus server scrapes a real worker; every query of the deploy files must work,
and the operations tools of deploy/ must work on that worker's output.

The server runs with the project's own scrape job and alerting rules (see prometheus_server.py),
pointed at a worker that has processed a handful of articles, one of them malformed. The
dashboard and rule expressions are read from deploy/, never copied here.
"""

from __future__ import annotations

import asyncio
import http.server
import importlib.util
import math
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import orjson
import pytest

from tests.integration.prometheus_server import (
    FORWARDER_JOB,
    KAFKA_EXPORTER_METRICS,
    WORKER_JOB,
    Prometheus,
    Query,
    all_dashboard_queries,
    all_rule_queries,
    metric_names,
    prometheus_binary,
    rule_names,
    run_prometheus,
    selectors,
    series_names,
    wait_until,
)
from warwire import metrics
from warwire.broker import EmbeddedBroker, free_port
from warwire.config import Settings
from warwire.session import Collected, WorkerProcess, isolated, new_run_id, run_pipeline
from warwire.session import settings_env as env_for

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        prometheus_binary() is None,
        reason="no prometheus binary on PATH (Debian: apt-get install prometheus) and "
        "$PROMETHEUS_BIN unset",
    ),
]


def article(article_id: str, outlet: str, published_at: str, title: str, body: str) -> bytes:
    return orjson.dumps(
        {
            "id": article_id,
            "url": f"https://{outlet.lower().replace(' ', '-')}.example/{article_id}",
            "outlet": outlet,
            "title": title,
            "body": body,
            "published_at": published_at,
            "language": "en",
        }
    )


MALFORMED = b'{"id": "m-broken", "outlet": "Steppe Courier", "body": "unterminated'
STRIKE_A = article(
    "m-strike-a",
    "Steppe Courier",
    "2025-03-07T08:10:00+02:00",
    "Overnight barrage hits energy sites",
    "Russia launched 261 drones and 14 missiles at Ukraine overnight, the Ukrainian air force "
    "said on Friday. Air defences shot down most of them, but strikes hit energy facilities "
    "in the Kharkiv and Odesa regions, and three people were killed in Kharkiv, the regional "
    "governor said.",
)
LINES = [
    STRIKE_A,
    MALFORMED,
    article(
        "m-strike-b",
        "Harbour Gazette",
        "2025-03-07T13:45:00+02:00",
        "Kharkiv mourns after drone and missile attack",
        "Three people were killed in Kharkiv when Russia fired 14 missiles and about 260 drones "
        "at Ukraine during the night, according to Ukrainian officials. Power cuts were reported "
        "in the Odesa region after an energy facility was damaged.",
    ),
    article(
        "m-talks",
        "Steppe Courier",
        "2025-03-11T19:00:00+02:00",
        "Delegations meet in Jeddah",
        "Ukrainian and American delegations met in Jeddah on Tuesday for talks on a ceasefire, "
        "officials said. Andriy Yermak led the Ukrainian team and Marco Rubio the American one.",
    ),
    # The first strike report again under a new id, through a tracking-tagged link to the
    # same page: a repeat, recognised and not extracted a second time.
    orjson.dumps(
        {
            **orjson.loads(STRIKE_A),
            "id": "m-strike-a-repost",
            "url": "https://steppe-courier.example/m-strike-a?utm_source=feed",
        }
    ),
    article(
        "m-quiet",
        "Harbour Gazette",
        "2025-03-12T09:00:00+02:00",
        "Farmers return to fields near the front",
        "Farmers in the south of Ukraine have started the spring sowing in fields that were "
        "cleared of mines over the winter. The work is slow, and many of them say that they are "
        "worried about the weather and the price of fuel this year.",
    ),
]

FORWARDER_ONLY = series_names(metrics.FORWARDER_REGISTRY) - series_names(metrics.REGISTRY)


def is_forwarder_query(query: Query) -> bool:
    return bool(metric_names(query.expr) & FORWARDER_ONLY) or FORWARDER_JOB in query.expr


ONLY_AFTER_A_FAULT = frozenset(
    {"warwire_undecodable_batches_total", "warwire_internal_messages_rejected_total"}
)
"""Labelled by topic (and partition), so without a series until the fault happens; the
corrupt-batch test of tests/integration/test_interop.py and the internal-garbage test of
tests/integration/test_bad_input.py scrape them for real."""


def reads_series_not_here(query: Query) -> bool:
    """Series this stack cannot have: kafka-exporter's (compose) and the fault-only ones."""
    return bool(metric_names(query.expr) & (KAFKA_EXPORTER_METRICS | ONLY_AFTER_A_FAULT))


@dataclass
class Stack:
    settings: Settings
    prometheus: Prometheus
    worker: WorkerProcess
    collected: Collected
    started_at: float
    forwarder_port: int
    logs: Path


@pytest.fixture(scope="module")
def stack(broker: EmbeddedBroker, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """Prometheus scraping a worker that has processed LINES. Module-scoped (one worker for
    all the tests here), so it builds its settings the way the `settings` fixture does."""
    logs = tmp_path_factory.mktemp("prometheus-stack")
    base = Settings(
        metrics_port=free_port(), session_timeout=4.0, heartbeat_interval=1.0
    ).on_embedded_broker(broker.url)
    settings = isolated(base, new_run_id())
    forwarder_port = free_port()
    targets = {
        WORKER_JOB: [f"127.0.0.1:{settings.metrics_port}"],
        FORWARDER_JOB: [f"127.0.0.1:{forwarder_port}"],
    }
    with run_prometheus(targets, logs / "prometheus") as prometheus:
        # Prometheus applies its targets a few seconds after start; the counters must be seen
        # at zero before the articles arrive, or rate() over them has nothing to compare.
        wait_until(
            lambda: prometheus.query(f'up{{job="{WORKER_JOB}"}}'), timeout=30, what="first scrape"
        )
        kept: list[WorkerProcess] = []
        started_at = time.time()
        collected = asyncio.run(
            run_pipeline(
                settings,
                LINES,
                timeout=180,
                worker_log=logs / "worker.log",
                keep_worker=kept.append,
            )
        )
        [worker] = kept
        # The worker's broker-side lag probe reads at its own pace (every 15 s): wait until a
        # reading taken after the group's first commit has been scraped.
        wait_until(
            lambda: prometheus.query('warwire_group_committed_offset{job="warwire"}'),
            timeout=90,
            what="the group's committed offsets read from the broker",
        )
        try:
            yield Stack(settings, prometheus, worker, collected, started_at, forwarder_port, logs)
        finally:
            worker.stop()


def total(prometheus: Prometheus, expr: str) -> float | None:
    return prometheus.value(f"sum({expr})")


def test_pipeline_outputs_are_what_the_metrics_will_be_checked_against(stack: Stack) -> None:
    collected = stack.collected
    assert len(collected.dead_letters) == 1
    assert len(collected.receipts) == len(LINES)
    assert collected.alerts, "the articles are chosen to raise alerts"
    assert any(len(i.reports) > 1 for i in collected.incidents.values()), "and a duplicate"
    assert [r.reason for r in collected.receipts.values() if r.outcome == "duplicate"] == ["url"]


def test_scraped_values_match_what_the_worker_published(stack: Stack) -> None:
    prometheus, collected = stack.prometheus, stack.collected
    reports = sum(len(i.reports) for i in collected.incidents.values())
    repeats = sum(r.outcome == "duplicate" for r in collected.receipts.values())
    events_by_type = Counter(e.event.type for e in collected.events.values())
    alerts_by_kind = Counter(a.kind for a in collected.alerts)
    expected = {
        'up{job="warwire"}': 1,
        "warwire_articles_consumed_total": len(LINES),
        "warwire_articles_processed_total": len(LINES) - 1,
        'warwire_articles_rejected_total{reason="invalid_json"}': 1,
        "warwire_articles_rejected_total": 1,
        "warwire_events_extracted_total": len(collected.events),
        "warwire_incident_changes_total": reports,
        "warwire_duplicate_reports_total": reports - len(collected.incidents),
        "warwire_incidents_open": len(collected.incidents),
        "warwire_alerts_published_total": len(collected.alerts),
        "warwire_article_to_alert_latency_seconds_count": len(collected.alerts),
        'warwire_stage_duration_seconds_count{stage="validate"}': len(LINES) - 1,
        'warwire_stage_duration_seconds_count{stage="extract"}': len(LINES) - 1 - repeats,
        'warwire_duplicate_articles_total{reason="url"}': repeats,
        "warwire_duplicate_articles_total": repeats,
        'warwire_stage_duration_seconds_count{stage="fold"}': len(collected.events),
        "warwire_consumer_lag_messages": 0,
    }
    expected |= {
        f'warwire_events_extracted_total{{type="{kind}"}}': n for kind, n in events_by_type.items()
    }
    expected |= {
        f'warwire_alerts_published_total{{kind="{kind}"}}': n for kind, n in alerts_by_kind.items()
    }

    def mismatches() -> dict[str, tuple[float | None, int]] | None:
        seen = {expr: total(prometheus, expr) for expr in expected}
        wrong = {e: (seen[e], n) for e, n in expected.items() if seen[e] != n}
        return wrong or None

    # The open-incident gauge and the lag are refreshed by timers (10 s and 5 s).
    try:
        wait_until(lambda: mismatches() is None, timeout=45, what="final metric values")
    except TimeoutError:
        pytest.fail(f"Prometheus saw (value, expected): {mismatches()}")

    last_article = prometheus.value('warwire_last_article_timestamp_seconds{job="warwire"}')
    assert last_article is not None
    assert stack.started_at <= last_article <= time.time()
    latency_sum = total(prometheus, "warwire_article_to_alert_latency_seconds_sum")
    assert latency_sum is not None and latency_sum > 0
    lagged = prometheus.query("warwire_consumer_lag_messages")
    topics = {series["metric"]["topic"] for series in lagged}
    assert stack.settings.topics.articles in topics and stack.settings.topics.events in topics


def test_every_metric_the_worker_defines_reaches_prometheus(stack: Stack) -> None:
    missing = []
    for family in metrics.REGISTRY.collect():
        sample = {"counter": f"{family.name}_total", "histogram": f"{family.name}_bucket"}
        name = sample.get(family.type, family.name)
        if name in ONLY_AFTER_A_FAULT:
            continue
        if not stack.prometheus.query(f'{name}{{job="warwire"}}'):
            missing.append(name)
    assert not missing


def test_every_dashboard_query_returns_data(stack: Stack) -> None:
    here = [q for q in all_dashboard_queries() if not reads_series_not_here(q)]
    queries = [q for q in here if not is_forwarder_query(q)]
    assert len(queries) > 10
    empty, not_a_number = [], []
    for query in queries:
        result = stack.prometheus.query(query.expr)
        if not result:
            empty.append(query)
        elif not any(math.isfinite(float(series["value"][1])) for series in result):
            not_a_number.append(query)
    assert not empty, "no data"
    assert not not_a_number, "only NaN or infinite values"


def test_every_alerting_rule_is_loaded_healthy_and_reads_existing_series(stack: Stack) -> None:
    prometheus = stack.prometheus

    def evaluated() -> dict[str, dict[str, object]] | None:
        loaded = {str(rule["name"]): rule for rule in prometheus.rules()}
        done = all(rule.get("lastEvaluation", "").startswith("2") for rule in loaded.values())
        return loaded if done else None

    loaded = wait_until(evaluated, timeout=15, what="every rule evaluated once")
    assert sorted(loaded) == sorted(rule_names())
    unhealthy = {n: r.get("lastError") for n, r in loaded.items() if r["health"] != "ok"}
    assert not unhealthy

    missing = []
    for query in all_rule_queries():
        if is_forwarder_query(query) or reads_series_not_here(query):
            continue
        prometheus.query(query.expr)  # raises on an evaluation error
        missing += [(query.source, s) for s in selectors(query.expr) if not prometheus.query(s)]
    assert not missing, "series a rule reads that the worker does not expose"


def alert_states(prometheus: Prometheus) -> dict[str, str]:
    return {str(a["labels"]["alertname"]): str(a["state"]) for a in prometheus.alerts()}


def test_dead_letter_alert_goes_pending_when_one_article_in_six_is_rejected(
    stack: Stack,
) -> None:
    states = wait_until(
        lambda: alert_states(stack.prometheus).get("WarwireDeadLettersRising"),
        timeout=15,
        what="WarwireDeadLettersRising to be pending",
    )
    assert states in ("pending", "firing")
    assert "WarwireWorkerDown" not in alert_states(stack.prometheus)


class _WebhookSink(http.server.BaseHTTPRequestHandler):
    received: ClassVar[list[bytes]] = []

    def do_POST(self) -> None:
        self.received.append(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_forwarder_queries_return_data_while_it_delivers(stack: Stack) -> None:
    if importlib.util.find_spec("warwire.forward") is None:
        pytest.skip("the webhook forwarder (warwire/forward.py) does not exist yet")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _WebhookSink)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/alerts"
    env = {
        **os.environ,
        **env_for(stack.settings.model_copy(update={"metrics_port": stack.forwarder_port})),
        "WARWIRE_FORWARD_SECRET": "integration-test-secret",
    }
    with (stack.logs / "forwarder.log").open("ab") as log:
        forwarder = subprocess.Popen(
            [sys.executable, "-m", "warwire", "forward", "--url", url, "--group", new_run_id()],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until(
            lambda: len(_WebhookSink.received) >= len(stack.collected.alerts),
            timeout=60,
            what="the forwarder to deliver every alert",
        )
        queries = [q for q in all_dashboard_queries() + all_rule_queries() if is_forwarder_query(q)]
        assert queries
        dashboard_queries = [q for q in queries if q in all_dashboard_queries()]

        def empty() -> list[Query] | None:
            return [q for q in dashboard_queries if not stack.prometheus.query(q.expr)] or None

        try:
            wait_until(lambda: empty() is None, timeout=20, what="forwarder series")
        except TimeoutError:
            pytest.fail(f"no data for {empty()}")
        for query in queries:
            for selector in selectors(query.expr):
                assert stack.prometheus.query(selector), (query.source, selector)
    finally:
        forwarder.terminate()
        forwarder.wait(timeout=15)
        server.shutdown()


def test_dlq_command_lists_exports_and_replays_only_what_now_passes(stack: Stack) -> None:
    tool = [sys.executable, "-m", "warwire", "dlq"]
    env = {**os.environ, **env_for(stack.settings)}
    listing = subprocess.run(
        [*tool, "list"], env=env, capture_output=True, text=True, timeout=60, check=True
    )
    [line] = listing.stdout.splitlines()
    where, reason, article_id, _detail = line.split("\t")
    assert (reason, article_id) == ("invalid_json", "-")
    assert where.startswith(f"{stack.settings.topics.articles}/")

    out = stack.logs / "dead-letters"
    subprocess.run([*tool, "export", str(out)], env=env, timeout=60, check=True)
    [exported] = out.glob("*.json")
    assert exported.read_bytes() == MALFORMED
    assert exported.name == where.split("/", 1)[1].replace("@", "-") + ".json"

    # The malformed message is still malformed: replay holds it back and posts nothing.
    replayed = subprocess.run(
        [*tool, "replay", "--reason", "invalid_json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "posted 0, held back 1, failed 0" in replayed.stdout
    assert f"held back {where}: still refused: invalid_json" in replayed.stderr


# Stops the worker, so it stays the last test of the module.
def test_worker_down_alerts_go_pending_when_the_worker_stops(stack: Stack) -> None:
    stack.worker.stop()

    def down() -> dict[str, str] | None:
        states = alert_states(stack.prometheus)
        wanted = ("WarwireWorkerDown", "WarwireNoWorkerUp")
        return states if all(name in states for name in wanted) else None

    states = wait_until(down, timeout=20, what="worker-down alerts")
    assert states["WarwireWorkerDown"] in ("pending", "firing")
    assert states["WarwireNoWorkerUp"] in ("pending", "firing")
    assert stack.prometheus.value('up{job="warwire"}') == 0
