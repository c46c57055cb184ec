"""Crash loss: three workers on six partitions, one SIGKILLed mid-stream, run many times.

Each run starts a fresh embedded broker and --workers workers (`python -m warwire run`, the
settings a worker gets there by default, six partitions), waits for their ready lines, posts
the file at --rate articles per second, SIGKILLs one worker once --kill-at of the receipts
are in (no replacement: the survivors take its partitions over), and follows every output
until each article is accounted for or nothing new arrives for --drain-seconds. Printed per
run: articles without a receipt, articles whose events reached no incident, and first alerts
lost, duplicated and changed against the in-process run (`warwire.compare`); then the runs
that lost anything. This is the scenario of docs/robustness.md ("Three workers on six
partitions") in a loop; bench/chaos.py is the long version with repeated faults.

Usage: .venv/bin/python bench/crash_loss.py --runs 10
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from warwire.broker import start_embedded_broker
from warwire.compare import Outcome, differences, offline_outcome, streaming_outcome
from warwire.config import Settings
from warwire.kafka_io import ensure_topics, poll_topics, produce_raw
from warwire.session import (
    Collected,
    WorkerProcess,
    article_key,
    isolated,
    new_run_id,
    output_kinds,
    read_lines,
)

DEFAULT_SOURCES = [
    Path(__file__).resolve().parents[2] / "shared" / "eval" / "written-a.articles.jsonl",
    Path(__file__).resolve().parents[1] / "samples" / "articles.jsonl",
]


@dataclass
class RunResult:
    missing: int
    """Articles without a receipt."""
    unfolded: int
    """Articles with a receipt whose events reached no incident."""
    lost: int
    duplicated: int
    changed: int
    incidents: int
    """Incidents (sets of events) in one run and not the other, or with other figures."""
    outcomes: int
    """Articles with another outcome than in the in-process run (no receipt included)."""
    seconds: float
    logs: Path
    detail: str = ""
    """The first few articles without a receipt, or with an event not folded."""

    @property
    def lossy(self) -> bool:
        return bool(self.missing or self.unfolded or self.lost)

    @property
    def differs(self) -> bool:
        return bool(
            self.lossy or self.duplicated or self.changed or self.incidents or self.outcomes
        )


async def follow(
    settings: Settings,
    collected: Collected,
    stop: asyncio.Event,
    receipts_in: asyncio.Event,
    receipts_wanted: float,
) -> None:
    """Collect every output until `stop`; set `receipts_in` once `receipts_wanted` are in."""
    kinds = output_kinds(settings)
    polls = poll_topics(settings, list(kinds))
    try:
        async for records, _ in polls:
            for record in records:
                collected.add(kinds[record.topic], record.value or b"", record.key)
            if len(collected.receipts) >= receipts_wanted:
                receipts_in.set()
            if stop.is_set():
                break
    finally:
        await polls.aclose()


def progress_mark(collected: Collected) -> tuple[int, int, int, int]:
    return (
        len(collected.receipts),
        len(collected.events),
        sum(i.version for i in collected.incidents.values()),
        len(collected.alert_ids),
    )


async def one_run(
    lines: list[bytes], reference: Outcome, args: argparse.Namespace, rng: random.Random
) -> RunResult:
    started = time.monotonic()
    logs = Path(tempfile.mkdtemp(prefix="warwire-crash-loss-"))
    broker = start_embedded_broker()
    base = Settings(metrics_port=0).on_embedded_broker(broker.url)
    settings = isolated(base, new_run_id())
    settings = settings.model_copy(
        update={"topics": settings.topics.model_copy(update={"partitions": args.partitions})}
    )
    collected, stop, receipts_in = Collected(), asyncio.Event(), asyncio.Event()
    workers: list[WorkerProcess] = []
    try:
        await ensure_topics(settings)
        workers = [
            WorkerProcess(settings, logs / f"worker-{n}.log").start() for n in range(args.workers)
        ]
        deadline = time.monotonic() + 180
        while not all(w.ready for w in workers):
            if time.monotonic() > deadline or not all(w.running for w in workers):
                raise RuntimeError(f"the workers did not start, see {logs}")
            await asyncio.sleep(0.2)
        reader = asyncio.create_task(
            follow(settings, collected, stop, receipts_in, len(lines) * args.kill_at)
        )
        feeding = asyncio.create_task(
            produce_raw(settings, [(article_key(line), line) for line in lines], rate=args.rate)
        )
        await receipts_in.wait()
        victim = rng.choice(workers)
        victim.kill()
        report = await feeding
        if report.failed:
            raise RuntimeError(f"{len(report.failed)} articles not delivered")
        last, last_change = progress_mark(collected), time.monotonic()
        while not collected.accounted(len(lines)):
            await asyncio.sleep(0.5)
            mark = progress_mark(collected)
            if mark != last:
                last, last_change = mark, time.monotonic()
            elif time.monotonic() - last_change > args.drain_seconds:
                break
        stop.set()
        await reader
    finally:
        for worker in workers:
            worker.stop()
        broker.stop()
    answered = {r.article_id for r in collected.receipts.values()}
    ids = {key.decode() for key in map(article_key, lines) if key}
    folded = collected.event_incidents()
    unfolded = {
        r.article_id: [
            f"{e} ({'folded' if e in folded else 'unfolded'}, "
            f"{'on' if e in collected.events else 'not on'} the events topic)"
            for e in r.event_ids
            if e not in folded or e not in collected.events
        ]
        for r in collected.receipts.values()
        if any(e not in folded or e not in collected.events for e in r.event_ids)
    }
    without_receipt = sorted(ids - answered)
    found = differences(reference, streaming_outcome(collected))
    return RunResult(
        missing=len(without_receipt),
        unfolded=len(unfolded),
        lost=len(found.lost),
        duplicated=len(found.duplicated),
        changed=len(found.changed),
        incidents=found.incidents + found.figures,
        outcomes=len(found.articles),
        seconds=time.monotonic() - started,
        logs=logs,
        detail=f"without a receipt {without_receipt[:5]}; events {dict(list(unfolded.items())[:3])}"
        if without_receipt or unfolded
        else "",
    )


async def crash_loss(args: argparse.Namespace) -> int:
    source = args.source or next((p for p in DEFAULT_SOURCES if p.is_file()), None)
    if source is None:
        print("no source file: pass --source", file=sys.stderr)
        return 1
    lines = read_lines(source)
    reference = offline_outcome(lines, Settings())
    rng = random.Random(args.seed)
    print(
        f"crash loss: {len(lines)} articles of {source.name} at {args.rate:g}/s, "
        f"{args.workers} workers, {args.partitions} partitions, one SIGKILLed after "
        f"{args.kill_at:.0%} of the receipts; {args.runs} runs",
        flush=True,
    )
    results: list[RunResult] = []
    for n in range(1, args.runs + 1):
        try:
            result = await one_run(lines, reference, args, rng)
        except RuntimeError as exc:
            print(f"run {n:3d}: could not run: {exc}", flush=True)
            continue
        results.append(result)
        print(
            f"run {n:3d}: {result.missing} without a receipt, {result.unfolded} with events "
            f"in no incident; first alerts lost {result.lost}, duplicated {result.duplicated}, "
            f"changed {result.changed}; incidents differing {result.incidents}, outcomes "
            f"{result.outcomes}; {result.seconds:.0f} s; logs {result.logs}",
            flush=True,
        )
        if result.detail:
            print(f"          {result.detail}", flush=True)
    lossy = [r for r in results if r.lossy]
    print(
        f"\n== {len(lossy)} of {len(results)} runs lost articles or alerts, "
        f"{sum(r.differs for r in results)} differed from the in-process run in any way; "
        f"articles lost per run: {[r.missing + r.unfolded for r in results]}"
    )
    return 0


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--source", type=Path, default=None, help="articles (JSONL)")
    parser.add_argument("--rate", type=float, default=10.0, help="articles per second")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--partitions", type=int, default=6)
    parser.add_argument("--kill-at", type=float, default=0.4, help="share of receipts in")
    parser.add_argument(
        "--drain-seconds",
        type=float,
        default=45.0,
        help="stop waiting after this long without any new output",
    )
    parser.add_argument("--seed", type=int, default=18, help="which worker each run kills")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    return asyncio.run(crash_loss(parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
