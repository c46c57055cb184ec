"""Chaos: three workers on six partitions, SIGKILLs and a broker pause, against an undisturbed run.

On a fresh embedded broker, --workers workers (`python -m warwire run`, default settings) are fed
--articles articles of bench/corpus.py's stream at --rate per second. Every --kill-every
seconds a random worker is SIGKILLed and a replacement started; once, at --pause-at seconds,
the broker is stopped with SIGSTOP for --pause-seconds and then resumed with SIGCONT. A
reader in this process follows receipts, events, incidents, alerts and dead letters until
every article is accounted for (or nothing new arrives for --drain-seconds).

The undisturbed run is the in-process run of the same articles (`warwire.compare`): on six
partitions alert ids depend on arrival order even without faults, so alerts are compared by
incident (its set of events) and kind. Printed: lost, duplicated and changed first alerts
(target 0, 0, 0), incidents and figures that differ, articles without a receipt or with
another outcome, physical alert repeats (same id, dropped by consumers), and the longest
stall: the most seconds without a new receipt between the first and the last.

Usage: .venv/bin/python bench/chaos.py --articles 5000 --rate 20 --kill-every 60
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import random
import signal
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import corpus

from warwire.broker import start_embedded_broker
from warwire.compare import differences, offline_outcome, streaming_outcome
from warwire.config import Settings
from warwire.kafka_io import ensure_topics, poll_topics, produce_raw
from warwire.session import Collected, WorkerProcess, isolated, new_run_id


@dataclass
class Faults:
    kills: list[tuple[float, int]] = field(default_factory=list)
    """(seconds into the feed, pid) of each SIGKILL."""
    pause: tuple[float, float] | None = None
    """(start, end) of the broker pause, seconds into the feed."""


@dataclass
class Progress:
    collected: Collected = field(default_factory=Collected)
    receipt_times: list[float] = field(default_factory=list)
    """Monotonic time of each article's first receipt."""


async def follow(settings: Settings, progress: Progress, stop: asyncio.Event) -> None:
    topics = settings.topics
    kinds = {
        topics.receipts: "receipt",
        topics.events: "event",
        topics.incidents: "incident",
        topics.alerts: "alert",
        topics.dead_letters: "dead_letter",
    }
    polls = poll_topics(settings, list(kinds))
    try:
        async for records, _ in polls:
            for record in records:
                kind = kinds[record.topic]
                before = len(progress.collected.receipts)
                progress.collected.add(kind, record.value or b"", record.key)
                if len(progress.collected.receipts) > before:
                    progress.receipt_times.append(time.monotonic())
            if stop.is_set():
                break
    finally:
        await polls.aclose()


async def inflict(
    settings: Settings,
    workers: list[WorkerProcess],
    broker_pid: int,
    args: argparse.Namespace,
    logs: Path,
    faults: Faults,
    feeding: asyncio.Task[object],
) -> None:
    """Kill a random worker every --kill-every seconds while the feed runs; pause the broker
    once."""
    rng = random.Random(args.seed)
    started = time.monotonic()
    next_kill = args.kill_every
    paused = False
    while not feeding.done():
        await asyncio.sleep(0.2)
        elapsed = time.monotonic() - started
        if not paused and elapsed >= args.pause_at:
            paused = True
            os.kill(broker_pid, signal.SIGSTOP)
            print(
                f"{elapsed:6.0f} s  broker paused (SIGSTOP) for {args.pause_seconds:g} s",
                flush=True,
            )
            await asyncio.sleep(args.pause_seconds)
            os.kill(broker_pid, signal.SIGCONT)
            faults.pause = (elapsed, time.monotonic() - started)
            print(f"{faults.pause[1]:6.0f} s  broker resumed (SIGCONT)", flush=True)
        if elapsed >= next_kill:
            next_kill += args.kill_every
            victim = rng.choice([w for w in workers if w.running])
            assert victim.process is not None
            faults.kills.append((elapsed, victim.process.pid))
            victim.kill()
            log = logs / f"worker-{len(workers)}.log"
            workers.append(WorkerProcess(settings, log).start())
            print(
                f"{elapsed:6.0f} s  SIGKILL worker {victim.process.pid}, replacement started",
                flush=True,
            )


def longest_stall(times: Sequence[float]) -> float:
    ordered = sorted(times)
    return max((b - a for a, b in itertools.pairwise(ordered)), default=0.0)


async def chaos(args: argparse.Namespace) -> int:
    base_articles, _ = corpus.load()
    items = corpus.take(base_articles, args.articles)
    lines = [item.value for item in items]
    print(
        f"chaos: {len(lines)} articles at {args.rate:g}/s, {args.workers} workers, "
        f"{args.partitions} partitions, SIGKILL every {args.kill_every:g} s, broker paused "
        f"{args.pause_seconds:g} s at {args.pause_at:g} s",
        flush=True,
    )
    started = time.monotonic()
    reference = await asyncio.to_thread(offline_outcome, lines, Settings())
    print(
        f"undisturbed (in-process) run: {time.monotonic() - started:.0f} s, "
        f"{len(reference.partition)} incidents, {len(reference.first_alerts)} first alerts",
        flush=True,
    )

    broker = start_embedded_broker()
    logs = Path(tempfile.mkdtemp(prefix="warwire-chaos-"))
    base = Settings(metrics_port=0).on_embedded_broker(broker.url)
    settings = isolated(base, new_run_id())
    settings = settings.model_copy(
        update={"topics": settings.topics.model_copy(update={"partitions": args.partitions})}
    )
    faults, progress, stop = Faults(), Progress(), asyncio.Event()
    workers: list[WorkerProcess] = []
    try:
        await ensure_topics(settings)
        workers = [
            WorkerProcess(settings, logs / f"worker-{n}.log").start() for n in range(args.workers)
        ]
        deadline = time.monotonic() + 120
        while not all(w.ready for w in workers):
            if time.monotonic() > deadline or not all(w.running for w in workers):
                print(f"the workers did not start, see {logs}", file=sys.stderr)
                return 1
            await asyncio.sleep(0.2)
        reader = asyncio.create_task(follow(settings, progress, stop))
        feed_start = time.monotonic()
        feeding = asyncio.create_task(
            produce_raw(settings, [(item.key, item.value) for item in items], rate=args.rate)
        )
        await inflict(settings, workers, broker.process.pid, args, logs, faults, feeding)
        report = await feeding
        fed = time.monotonic() - feed_start
        print(
            f"{fed:6.0f} s  feed done: {len(lines) - len(report.failed)} sent, "
            f"{len(report.failed)} failed",
            flush=True,
        )
        last_count, last_change = -1, time.monotonic()
        while not progress.collected.accounted(len(lines)):
            await asyncio.sleep(1.0)
            count = len(progress.collected.receipts)
            if count != last_count:
                last_count, last_change = count, time.monotonic()
            if time.monotonic() - last_change > args.drain_seconds:
                print(f"no new receipt for {args.drain_seconds:g} s: stopping", flush=True)
                break
        drained = time.monotonic() - feed_start
        if not progress.collected.accounted(len(lines)):
            progress.receipt_times.append(time.monotonic())  # the stall never ended
        stop.set()
        await reader
    finally:
        for worker in workers:
            worker.stop()
        broker.stop()

    collected = progress.collected
    found = differences(reference, streaming_outcome(collected))
    answered = {r.article_id for r in collected.receipts.values()}
    missing = sum(1 for item in items if item.article_id not in answered)
    folded = collected.event_incidents()
    unfolded = {e for r in collected.receipts.values() for e in r.event_ids if e not in folded}
    print("\n== chaos summary ==")
    pause = f"{faults.pause[0]:.0f}-{faults.pause[1]:.0f} s" if faults.pause else "never"
    print(f"faults        {len(faults.kills)} SIGKILLs; broker paused {pause} into the feed")
    print(f"duration      feed {fed:.0f} s, accounted after {drained:.0f} s; worker logs in {logs}")
    print(
        f"alerts        lost {len(found.lost)}, duplicated {len(found.duplicated)}, "
        f"changed {len(found.changed)} (first alerts by incident and kind; target 0, 0, 0); "
        f"{len(collected.alert_ids)} alert ids, {collected.duplicate_alert_messages} physical "
        f"repeats (same id)"
    )
    print(
        f"incidents     {found.incidents} differ as sets of events, {found.figures} in figures; "
        f"updates only rise: {'yes' if not found.updates_fall else 'NO'}"
    )
    print(
        f"articles      {missing} without a receipt, "
        f"{sum(1 for r, o in found.articles.values() if r and o)} with "
        f"another outcome; {len(unfolded)} events of receipts in no incident; dead letters "
        f"{len(collected.dead_letters)}; {len(collected.receipts)} receipts for {len(lines)} "
        "articles (a producer retry can post one twice)"
    )
    print(f"longest stall {longest_stall(progress.receipt_times):.1f} s without a new receipt")
    for name, keys in (
        ("lost", found.lost),
        ("duplicated", found.duplicated),
        ("changed", found.changed),
    ):
        for cluster, kind in keys[:5]:
            print(f"  {name}: {kind} over events {sorted(cluster)[:3]}...")
    # A bench prints its figures; it fails only when it cannot run (so `make bench` goes on).
    return 0


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--rate", type=float, default=20.0, help="articles per second")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--partitions", type=int, default=6)
    parser.add_argument("--kill-every", type=float, default=60.0, help="seconds between SIGKILLs")
    parser.add_argument("--pause-at", type=float, default=90.0, help="broker pause, seconds in")
    parser.add_argument("--pause-seconds", type=float, default=10.0)
    parser.add_argument(
        "--drain-seconds",
        type=float,
        default=120.0,
        help="stop waiting after this long without a new receipt",
    )
    parser.add_argument("--seed", type=int, default=18, help="which worker each kill picks")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    return asyncio.run(chaos(parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
