"""A Faust app whose worker consumer waits a configurable time for data.

Faust creates its worker consumer with `fetch_max_wait_ms=1500` and no setting to change it.
Apache Kafka answers a parked fetch as soon as data arrives, so there the figure only paces
idle polling. The embedded (Tansu) broker holds a fetch for much of the wait even when data
arrives meanwhile, which put up to the whole wait on every topic hop of the pipeline: about a
second per hop between an article and its alert. bench/README.md has the figures.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import Any

import faust
from faust.transport.drivers import aiokafka as driver

FAUST_FETCH_MAX_WAIT_MS = 1500


class _ConsumerThread(driver.AIOKafkaConsumerThread):
    def _create_worker_consumer(self, transport: Any) -> Any:
        consumer = super()._create_worker_consumer(transport)
        # Read by AIOKafkaConsumer.start() when it builds its fetcher.
        consumer._fetch_max_wait_ms = getattr(
            self.app, "fetch_max_wait_ms", FAUST_FETCH_MAX_WAIT_MS
        )
        return consumer


class _Consumer(driver.Consumer):
    def _new_consumer_thread(self) -> _ConsumerThread:
        return _ConsumerThread(self, loop=self.loop, beacon=self.beacon)


class _Transport(driver.Transport):
    Consumer = _Consumer


class WorkerApp(faust.App):
    """`faust.App` on the aiokafka transport, its worker consumer waiting at most
    `fetch_max_wait_ms` for data."""

    def __init__(self, *args: Any, fetch_max_wait_ms: int, **kwargs: Any) -> None:
        self.fetch_max_wait_ms = fetch_max_wait_ms
        super().__init__(*args, **kwargs)

    def _new_transport(self) -> _Transport:
        return _Transport(self.conf.broker_consumer, self)


STOP_DEADLINE_SECONDS = 10.0
"""After SIGTERM or SIGINT, how long a clean stop may take before the process exits anyway:
with the broker gone, Faust's stop can wait on it for minutes. Nothing is lost by the hard
exit: offsets not committed are read again by the next owner."""


class ReadyWorker(faust.Worker):
    """Faust's worker, saying once on stdout when it is up, and gone within
    `STOP_DEADLINE_SECONDS` of a stop signal whatever the broker does."""

    def __init__(self, *args: Any, ready_line: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ready_line = ready_line

    async def on_startup_finished(self) -> None:
        await super().on_startup_finished()
        print(self.ready_line, flush=True)

    def _schedule_shutdown(self, signal: Any) -> None:
        super()._schedule_shutdown(signal)
        deadline = threading.Timer(STOP_DEADLINE_SECONDS, exit_now, args=("did not stop",))
        deadline.daemon = True
        deadline.start()


def exit_now(why: str) -> None:
    """End the process at once, saying why in one line (from any thread)."""
    sys.stderr.write(f"warwire run: {why}; exiting now\n")
    sys.stderr.flush()
    os._exit(1)
