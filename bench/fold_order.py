"""The fold step over real events in three arrival orders: what a late report costs.

Extracts the events of each labelled file once (in-process), then folds them into a fresh
`MemoryState` in publication order, as a six-partition backlog is read (partition by
partition, each in publication order) and shuffled (a fixed seed), and prints for each
order the time, the folds per second, the late events and whether the incidents (the
partition of the events, the reconciled figures) equal those of publication order.
`--copies N` folds N copies of each file's events, each moved by whole weeks into a slot of
its own (new ids), as a longer archive would be: what a late report costs as a backlog grows.

`--stream corpus --articles N` folds instead the first N articles of the chaos bench's stream
(`bench/corpus.py`), extracted once, in the order they are posted ("posted", the reference: the
order the in-process run folds them in) and in arrival orders made from it: read as a
six-partition backlog, each event a few places late (`--lag`, as several workers deliver
them), reversed in chunks, and in publication order and shuffled. The stream wraps around
its time slots, so some of its reports come years behind the newest one of their block:
those past the window and grace (counted as "past") are folded against what is left, so
orders that change which reports are past may legitimately differ. Every incident is
compared, also those forgotten on the way.

    .venv/bin/python bench/fold_order.py [--eval-dir DIR] [--partitions 6] [--repeat 3]
                                         [--copies N --grace-days 100000] [--orders ...]
    .venv/bin/python bench/fold_order.py --stream corpus --articles 5000 [--lag 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from schemas import Article, Incident  # noqa: E402
from warwire.articles import Rejected, decode_article  # noqa: E402
from warwire.config import Settings  # noqa: E402
from warwire.dedup import Event, MemoryState, blocking_key, fold_event, order_key  # noqa: E402
from warwire.pipeline import run_offline  # noqa: E402

Outcome = tuple[frozenset[frozenset[str]], dict[frozenset[str], object]]


def events_of(path: Path) -> list[Event]:
    articles = []
    for line in path.read_bytes().splitlines():
        if line.strip():
            try:
                articles.append(decode_article(line))
            except Rejected:
                continue
    return [event for event, _ in run_offline(articles).events]


def copies_of(events: list[Event], copies: int) -> list[Event]:
    """`copies` copies of the events, each moved past the previous one's span and window."""
    if copies <= 1:
        return events
    first = min(e.published_at for e in events)
    last = max(e.published_at for e in events)
    weeks = dt.timedelta(weeks=(last - first).days // 7 + 3)
    out: list[Event] = []
    for n in range(copies):
        shift = weeks * n

        def moved(name: str | None, n: int = n) -> str | None:
            return f"{name}~{n}" if name is not None and n else name

        for e in events:
            day = e.occurred_on + shift if e.occurred_on is not None else None
            update = {
                "event_id": moved(e.event_id),
                "article_id": moved(e.article_id),
                "duplicate_of": moved(e.duplicate_of),
                "published_at": e.published_at + shift,
                "occurred_on": day,
            }
            out.append(e.model_copy(update=update))
    return out


class _Recording(MemoryState):
    """A `MemoryState` that keeps the incidents expiry forgets (their events go with them; an
    incident a late report cuts back keeps its events for folding again)."""

    def __init__(self) -> None:
        super().__init__()
        self.forgotten: list[Incident] = []

    def delete_incident(self, incident_id: str) -> None:
        incident = self.incidents.get(incident_id)
        if incident and all(r.event_id not in self.events for r in incident.reports):
            self.forgotten.append(incident)
        super().delete_incident(incident_id)


def fold(events: list[Event], window: dt.timedelta, grace: dt.timedelta) -> tuple[Outcome, int]:
    state = _Recording()
    late = sum(fold_event(state, e, window, grace).late for e in events)
    clusters = {
        frozenset(r.event_id for r in i.reports): {
            n: (f.estimate, f.low, f.high, tuple(f.values)) for n, f in i.figures.items()
        }
        for i in [*state.forgotten, *state.incidents.values()]
    }
    return (frozenset(clusters), dict(clusters)), late


def orders(events: list[Event], partitions: int) -> dict[str, list[Event]]:
    ordered = sorted(events, key=order_key)
    by_partition: list[list[Event]] = [[] for _ in range(partitions)]
    for event in ordered:
        by_partition[zlib.crc32(event.article_id.encode()) % partitions].append(event)
    shuffled = list(ordered)
    random.Random(20261207).shuffle(shuffled)
    return {
        "publication": ordered,
        f"backlog-{partitions}p": [e for part in by_partition for e in part],
        "shuffled": shuffled,
    }


def stream_events(articles: int) -> list[Event]:
    """The events of the chaos bench's stream, in the order its articles are posted."""
    import corpus  # bench/corpus.py

    shaped, _ = corpus.load()
    items = corpus.take(shaped, articles)
    run = run_offline(Article.model_validate_json(item.value) for item in items)
    return [event for event, _ in run.events]


def stream_orders(events: list[Event], partitions: int, lag: int) -> dict[str, list[Event]]:
    """Arrival orders made from the posted order (the reference comes first)."""
    by_partition: list[list[Event]] = [[] for _ in range(partitions)]
    for event in events:
        by_partition[zlib.crc32(event.article_id.encode()) % partitions].append(event)
    rng = random.Random(20261207)
    lagged = sorted(enumerate(events), key=lambda ie: ie[0] + rng.uniform(0, lag))
    chunks = [events[at : at + 50] for at in range(0, len(events), 50)]
    shuffled = list(events)
    rng.shuffle(shuffled)
    return {
        "posted": events,
        f"backlog-{partitions}p": [e for part in by_partition for e in part],
        f"lag-{lag}": [e for _, e in lagged],
        "rev-chunks": [e for chunk in reversed(chunks) for e in chunk],
        "publication": sorted(events, key=order_key),
        "shuffled": shuffled,
    }


def past_grace(order: list[Event], window: dt.timedelta, grace: dt.timedelta) -> int:
    """Events that arrive more than the window and grace behind their block's newest."""
    newest: dict[str, dt.datetime] = {}
    past = 0
    for event in order:
        block = blocking_key(event)
        newest[block] = max(newest.get(block, event.published_at), event.published_at)
        past += newest[block] - event.published_at > window + grace
    return past


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--partitions", type=int, default=6)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument(
        "--grace-days", type=float, default=None, help="default: the setting; copies need more"
    )
    parser.add_argument("--orders", default="", help="comma-separated (default: all)")
    parser.add_argument("--stream", choices=["corpus"], help="the chaos bench's article stream")
    parser.add_argument("--articles", type=int, default=5000, help="with --stream")
    parser.add_argument("--lag", type=int, default=20, help="with --stream: places late, at most")
    args = parser.parse_args()
    wanted = {name for name in args.orders.split(",") if name}
    settings = Settings()
    window = dt.timedelta(days=settings.dedup_window_days)
    grace = dt.timedelta(days=args.grace_days or settings.dedup_grace_days)
    if args.stream:
        return run_stream(args, wanted, window, grace)
    files = sorted(args.eval_dir.glob("*.articles.jsonl"))
    print(f"{'file':<14} {'order':<12} {'events':>6} {'late':>5} {'ms':>8} {'folds/s':>8}  same")
    failures = 0
    for path in files:
        events = copies_of(events_of(path), args.copies)
        reference: Outcome | None = None
        for name, order in orders(events, args.partitions).items():
            if wanted and name not in wanted and name != "publication":
                continue
            outcome, late, best = timed_fold(order, window, grace, args.repeat)
            reference = reference or outcome
            same = outcome == reference
            failures += not same
            rate = len(order) / best if best else float("inf")
            print(
                f"{path.name.split('.')[0]:<14} {name:<12} {len(order):>6} {late:>5} "
                f"{best * 1000:>8.1f} {rate:>8.0f}  {'yes' if same else 'NO'}"
            )
    return 1 if failures else 0


def timed_fold(
    order: list[Event], window: dt.timedelta, grace: dt.timedelta, repeat: int
) -> tuple[Outcome, int, float]:
    """The outcome of folding `order`, its late events and the best time of `repeat` runs."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        outcome, late = fold(order, window, grace)
        best = min(best, time.perf_counter() - started)
    return outcome, late, best


def run_stream(
    args: argparse.Namespace, wanted: set[str], window: dt.timedelta, grace: dt.timedelta
) -> int:
    events = stream_events(args.articles)
    print(f"{'order':<12} {'events':>6} {'late':>5} {'past':>5} {'ms':>8} {'folds/s':>8}  same")
    reference: Outcome | None = None
    failures = 0
    for name, order in stream_orders(events, args.partitions, args.lag).items():
        if wanted and name not in wanted and name != "posted":
            continue
        outcome, late, best = timed_fold(order, window, grace, args.repeat)
        reference = reference or outcome
        same = outcome == reference
        failures += not same
        rate = len(order) / best if best else float("inf")
        differ = len(outcome[0] - reference[0]) + len(reference[0] - outcome[0])
        print(
            f"{name:<12} {len(order):>6} {late:>5} {past_grace(order, window, grace):>5} "
            f"{best * 1000:>8.0f} {rate:>8.0f}  {'yes' if same else f'NO ({differ} incidents)'}"
        )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
