"""`warwire demo`: the main job on the embedded default, alerts printed as they arrive."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

from schemas import Alert
from warwire.alert_text import format_alert
from warwire.broker import free_port
from warwire.config import Settings
from warwire.metrics import port_is_free
from warwire.session import Collected, WorkerProcess, broker_for, read_lines, run_pipeline


def demo(settings: Settings, articles: Path, rate: float, keep_running: bool) -> int:
    if not articles.exists():
        print(f"no articles at {articles}", file=sys.stderr)
        return 2
    lines = read_lines(articles)
    tty = sys.stderr.isatty()

    def on_alert(alert: Alert) -> None:
        if tty:
            sys.stderr.write("\r\033[K")
        print(format_alert(alert), flush=True)

    def on_progress(done: int, total: int, collected: Collected) -> None:
        if tty:
            sys.stderr.write(
                f"\r\033[K{done}/{total} articles, {len(collected.events)} events, "
                f"{len(collected.incidents)} incidents, {len(collected.alerts)} alerts"
            )
            sys.stderr.flush()

    kept: list[WorkerProcess] = []
    if settings.metrics_port and not port_is_free(settings.metrics_port, settings.metrics_host):
        taken = settings.metrics_port
        settings = settings.model_copy(update={"metrics_port": free_port()})
        print(f"port {taken} is taken: metrics on {settings.metrics_port} instead", flush=True)
    with broker_for(settings) as live:
        print(
            f"warwire demo: broker {live.broker}, {len(lines)} articles at {rate}/s, "
            f"metrics on http://{live.metrics_host}:{live.metrics_port}/metrics",
            flush=True,
        )
        collected = asyncio.run(
            run_pipeline(
                live,
                lines,
                rate=rate,
                on_alert=on_alert,
                on_progress=on_progress,
                keep_worker=kept.append if keep_running else None,
            )
        )
        if tty:
            sys.stderr.write("\r\033[K")
        updates = sum(a.kind.endswith("_update") for a in collected.alerts)
        # First alerts depend only on the articles; how many steps a toll climbed in
        # updates depends on the order its reports came in.
        print(
            f"done: {len(collected.receipts)} articles, {len(collected.events)} events, "
            f"{len(collected.incidents)} incidents, {len(collected.alerts) - updates} first "
            f"alerts and {updates} updates, {len(collected.dead_letters)} dead letters",
            flush=True,
        )
        if keep_running:
            print(
                "still running (Ctrl-C to stop); try: "
                f"WARWIRE_BROKER={live.broker} warwire alerts --follow",
                flush=True,
            )
            _wait_for_signal()
            for worker in kept:
                worker.stop()
    return 0


def _wait_for_signal() -> None:
    signals = {signal.SIGINT, signal.SIGTERM}
    signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    signal.sigwait(signals)
