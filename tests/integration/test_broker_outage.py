"""The broker going away and coming back: workers ride it out, producers report what failed.

The embedded broker keeps everything in memory, so a restarted one is empty: no topics, no
messages, no committed offsets, no consumer groups. These tests therefore check that a worker
survives the outage, re-creates its topics and processes articles posted after the restart.
What they cannot check is durable recovery (resuming from committed offsets, restoring
tables from changelogs that outlived the broker): that needs a real Kafka cluster, whose
data survives a broker restart.
"""

from __future__ import annotations

import asyncio
import os
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from aiokafka.admin import AIOKafkaAdminClient

from tests.integration.outputs import collect
from warwire.broker import EmbeddedBroker, free_port, start_embedded_broker
from warwire.config import Settings
from warwire.kafka_io import client_options, produce_raw, topic_configs
from warwire.session import WorkerProcess, isolated, new_run_id, run_pipeline, settings_env
from warwire.worker import TOPIC_CHECK_INTERVAL

pytestmark = pytest.mark.integration


def article(article_id: str, drones: int, day: int) -> bytes:
    return orjson.dumps(
        {
            "id": article_id,
            "url": f"https://plains.example/{article_id}",
            "outlet": "Plains Dispatch",
            "title": None,
            "body": (
                f"Russia attacked Ukraine overnight with {drones} drones and 11 missiles, the "
                f"Ukrainian air force said on Saturday. Energy facilities in Odesa were hit, "
                f"the regional governor said."
            ),
            "published_at": f"2025-09-{day:02d}T07:00:00+03:00",
            "language": "en",
        }
    )


@pytest.fixture
def own_broker() -> Iterator[EmbeddedBroker]:
    """A broker of this test's own, which it may stop and restart on the same port."""
    running = start_embedded_broker()
    try:
        yield running
    finally:
        running.stop()


async def topic_names(settings: Settings) -> set[str]:
    admin = AIOKafkaAdminClient(**client_options(settings))
    await admin.start()
    try:
        return set(await admin.list_topics())
    finally:
        await admin.close()


async def test_a_worker_survives_a_broker_restart_and_processes_new_articles(
    own_broker: EmbeddedBroker, tmp_path: Path
) -> None:
    base = Settings(
        broker=own_broker.url, metrics_port=free_port(), session_timeout=4.0, heartbeat_interval=1.0
    )
    settings = isolated(base, new_run_id())
    before = [article("before-1", 200, 6), article("before-2", 90, 7)]
    workers: list[WorkerProcess] = []
    await run_pipeline(
        settings,
        before,
        timeout=120,
        worker_log=tmp_path / "worker.log",
        keep_worker=workers.append,
    )
    [worker] = workers
    try:
        own_broker.stop()
        # Long enough for the worker's heartbeats, fetches and topic checks to fail repeatedly.
        down_until = time.monotonic() + max(15.0, 3 * TOPIC_CHECK_INTERVAL)
        while time.monotonic() < down_until:
            assert worker.running, "the worker exited while the broker was down"
            await asyncio.sleep(1.0)

        restarted = start_embedded_broker(port=own_broker.port)
        own_broker.process = restarted.process  # so the fixture stops the new one
        # The restarted broker is empty. The worker re-creates its topics by itself: nothing
        # in this test declares them.
        wanted = set(topic_configs(settings))
        deadline = time.monotonic() + 60
        while not wanted <= await topic_names(settings):
            assert time.monotonic() < deadline, "the worker did not re-create its topics"
            await asyncio.sleep(1.0)

        after = {"after-1": article("after-1", 310, 8), "after-2": article("after-2", 40, 9)}
        report = await produce_raw(settings, [(k.encode(), v) for k, v in after.items()])
        assert (report.sent, report.failed) == (2, [])
        outputs = await collect(
            settings,
            lambda c: (
                {r.article_id for r in c.receipts.values()} >= set(after)
                and c.accounted(len(after))
            ),
            timeout=120,
        )
        assert worker.running, "the worker exited after the broker came back"
    finally:
        worker.stop()

    collected = outputs.collected
    assert {(r.article_id, r.outcome) for r in collected.receipts.values()} == {
        ("after-1", "processed"),
        ("after-2", "processed"),
    }
    assert {(a.kind, a.article_id) for a in collected.alerts} >= {("large_strike", "after-1")}


def produce_cli(settings: Settings, source: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "warwire", "produce", str(source), *args],
        env={**os.environ, **settings_env(settings)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def finish(process: subprocess.Popen[bytes], timeout: float) -> tuple[int, str, str]:
    """Exit code, stdout, stderr; `timeout` bounds how long the command may take."""
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out.decode(), err.decode()


def write_articles(path: Path, count: int) -> Path:
    path.write_bytes(b"\n".join(article(f"p-{n}", 100 + n, 10) for n in range(count)) + b"\n")
    return path


def test_produce_with_the_broker_down_says_so_in_one_line(tmp_path: Path) -> None:
    port = free_port()
    nobody = Settings(broker=f"kafka://127.0.0.1:{port}")
    source = write_articles(tmp_path / "articles.jsonl", 3)
    code, out, err = finish(produce_cli(nobody, source), timeout=120)
    assert code == 2
    assert out == ""
    [line] = err.strip().splitlines()
    assert f"cannot reach the broker at 127.0.0.1:{port}" in line and "WARWIRE_BROKER" in line


def test_produce_reports_what_it_could_not_deliver_when_the_broker_dies_midway(
    own_broker: EmbeddedBroker, tmp_path: Path
) -> None:
    settings = isolated(Settings().on_embedded_broker(own_broker.url), new_run_id())
    source = write_articles(tmp_path / "articles.jsonl", 40)
    process = produce_cli(settings, source, "--rate", "5")
    time.sleep(3.0)
    own_broker.stop()
    code, out, err = finish(process, timeout=150)
    assert code == 1, out + err
    summary = out.strip().splitlines()[-1]
    sent, failed = int(summary.split()[1].rstrip(",")), int(summary.split()[-1])
    assert sent > 0 and failed > 0, summary
    assert sent + failed == 40, summary
    print(f"\nbroker killed midway: {summary}")
    assert err.count("not delivered: p-") == failed


def wait_for_line(process: subprocess.Popen[bytes], starts: str, timeout: float) -> str:
    """The first line of the process's stdout that starts with `starts`."""
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        if not select.select([process.stdout], [], [], left)[0]:
            break
        line = process.stdout.readline().decode()
        if line.startswith(starts):
            return line
        if not line and process.poll() is not None:
            break
    raise AssertionError(f"no line starting {starts!r} within {timeout}s")


def _cmdline(proc: Path) -> bytes:
    try:
        return (proc / "cmdline").read_bytes()
    except OSError:
        return b""


def test_a_worker_whose_embedded_broker_dies_says_so_and_exits(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARWIRE_")}
    worker = subprocess.Popen(
        [sys.executable, "-m", "warwire", "run"],
        env={**env, "WARWIRE_METRICS_PORT": "0", "WARWIRE_DATA_DIR": str(tmp_path)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        address = wait_for_line(worker, "embedded broker", 60).split(" at ")[1].strip()
        wait_for_line(worker, "warwire run: ready:", 120)
        port = address.rsplit(":", 1)[1]
        [broker_pid] = [
            int(entry.name)
            for entry in Path("/proc").iterdir()
            if entry.name.isdigit()
            and f"tcp://127.0.0.1:{port}".encode() in _cmdline(entry)
            and b"broker" in _cmdline(entry)
        ]
        os.kill(broker_pid, 9)
        _out, err = worker.communicate(timeout=60)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert worker.returncode != 0
    assert "the embedded broker exited" in err.decode()


def test_sigterm_ends_a_worker_whose_broker_is_gone_within_the_deadline(
    own_broker: EmbeddedBroker, tmp_path: Path
) -> None:
    settings = isolated(Settings(metrics_port=0).on_embedded_broker(own_broker.url), new_run_id())
    worker = subprocess.Popen(
        [sys.executable, "-m", "warwire", "run"],
        env={**os.environ, **settings_env(settings)},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_line(worker, "warwire run: ready:", 120)
        own_broker.stop()
        time.sleep(2)  # let the worker notice the broker is gone before the signal
        worker.terminate()
        stopped = time.monotonic()
        worker.wait(timeout=60)
        # The worker's own deadline is 10 s; a minute covers a busy machine.
        print(f"\nstopped {time.monotonic() - stopped:.1f} s after SIGTERM")
    finally:
        if worker.poll() is None:
            worker.kill()
