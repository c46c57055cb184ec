"""Size of the dedup state over a simulated month.

Streams synthetic strike and negotiation reports (100,000 by default, spread over 30 days)
in publication order through the pure event-level dedup (`warwire.dedup.fold_event` over a
`MemoryState`), and at the end of each simulated day prints what the state holds: incidents,
day-bucket entries, event-index entries, and their size in bytes as the worker's Faust tables
would store them (the same serialisation as `streams/state.py`). With the default 7-day
window the figures grow for the window plus the grace, then stay flat; with a grace longer
than the run (the default, four years), they grow until a block holds `--max-reports`
reports, then stay flat.

    .venv/bin/python bench/dedup_memory.py [--reports N] [--days D] [--window-days W]
        [--grace-days G] [--max-reports M] [--settle-day D]

The news flow is made up: each day a Russian wave on Ukraine that most outlets cover, a
dozen local strikes, a Ukrainian raid on Russia, sometimes a round of talks; every report
gives its own version of the figures (exact, rounded, partial), about one in ten no date and
one in twenty the wrong day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import TypeAdapter

from schemas import EventEnvelope, NegotiationEvent, StrikeEvent
from warwire import codec
from warwire.config import DEFAULT_GRACE_DAYS, DEFAULT_MAX_REPORTS
from warwire.dedup import BucketEntry, BucketRef, MemoryState, fold_event
from warwire.ids import event_id

Event = StrikeEvent | NegotiationEvent

KYIV = dt.timezone(dt.timedelta(hours=3))
START = dt.datetime(2025, 6, 1, tzinfo=KYIV)
UA_CITIES = (
    "Kyiv", "Kharkiv", "Odesa", "Dnipro", "Lviv", "Zaporizhzhia", "Sumy", "Chernihiv",
    "Poltava", "Vinnytsia", "Mykolaiv", "Kherson", "Kryvyi Rih", "Kremenchuk", "Lutsk",
    "Rivne", "Ternopil", "Khmelnytskyi", "Zhytomyr", "Cherkasy", "Kropyvnytskyi", "Izium",
    "Kramatorsk", "Sloviansk", "Pavlohrad", "Bila Tserkva",
)  # fmt: skip
RU_REGIONS = (
    "Belgorod", "Kursk", "Bryansk", "Voronezh", "Rostov", "Krasnodar", "Moscow", "Tula",
    "Oryol", "Lipetsk", "Tambov", "Saratov",
)  # fmt: skip
VENUES = ("Istanbul", "Riyadh", "Abu Dhabi", "Geneva", "Jeddah")


@dataclass
class Truth:
    """One real event of the simulation, which reports then describe imperfectly."""

    key: int
    kind: str
    day: dt.date
    attacker: str = "RU"
    target: str = "UA"
    places: tuple[str, ...] = ()
    drones: int | None = None
    missiles: int | None = None
    killed: int | None = None
    venue: str | None = None
    weight: float = 1.0


def day_events(rng: random.Random, day: dt.date, first_key: int) -> list[Truth]:
    truths = [
        Truth(
            first_key,
            "strike",
            day,
            places=tuple(rng.sample(UA_CITIES, rng.randint(3, 8))),
            drones=rng.randint(60, 700),
            missiles=rng.choice([None, rng.randint(2, 60)]),
            killed=rng.randint(0, 12),
            weight=40.0,
        ),
        Truth(
            first_key + 1,
            "strike",
            day,
            attacker="UA",
            target="RU",
            places=tuple(rng.sample(RU_REGIONS, rng.randint(2, 6))),
            drones=rng.randint(20, 300),
            weight=12.0,
        ),
    ]
    for n in range(12):
        truths.append(
            Truth(
                first_key + 2 + n,
                "strike",
                day,
                places=(rng.choice(UA_CITIES),),
                killed=rng.randint(0, 4),
                weight=2.5,
            )
        )
    if rng.random() < 0.3:
        truths.append(
            Truth(first_key + 14, "negotiation", day, venue=rng.choice(VENUES), weight=8.0)
        )
    return truths


def reported(rng: random.Random, value: int | None) -> int | None:
    """What one outlet says of a figure: the official value, a rounded one, or a partial."""
    if value is None or rng.random() < 0.25:
        return None
    roll = rng.random()
    if roll < 0.65:
        return value
    if roll < 0.9:
        return max(1, round(value, -1))
    return max(0, int(value * rng.uniform(0.4, 0.9)))


def report(rng: random.Random, truth: Truth, n: int, published: dt.datetime) -> Event:
    article = f"bench-{n}"
    roll = rng.random()
    occurred_on: dt.date | None = truth.day
    if roll < 0.1:
        occurred_on = None
    elif roll < 0.15:
        occurred_on = truth.day + dt.timedelta(days=rng.choice([-1, 1]))
    outlet = f"Outlet {rng.randint(1, 300)}"
    if truth.kind == "negotiation":
        return NegotiationEvent(
            event_id=event_id(article, "negotiation", 0),
            article_id=article,
            published_at=published,
            outlet=outlet,
            occurred_on=occurred_on,
            status="held" if published.date() >= truth.day else "scheduled",
            format="in_person",
            venue=truth.venue if rng.random() < 0.7 else None,
            parties=["RU", "UA", "US"],
        )
    places = [p for p in truth.places if rng.random() < 0.6] or [truth.places[0]]
    return StrikeEvent(
        event_id=event_id(article, "strike", 0),
        article_id=article,
        published_at=published,
        outlet=outlet,
        url=f"https://outlet.example/{article}",
        occurred_on=occurred_on,
        attacker=truth.attacker,
        target_country=truth.target,
        places=places,
        drones=reported(rng, truth.drones),
        missiles=reported(rng, truth.missiles),
        killed=reported(rng, truth.killed),
    )


def simulate(reports: int, days: int, seed: int) -> Iterator[tuple[int, Event]]:
    """(simulated day, report) in publication order."""
    rng = random.Random(seed)
    per_day = reports // days
    n = 0
    for day_index in range(days):
        midnight = START + dt.timedelta(days=day_index)
        truths = day_events(rng, midnight.date(), first_key=day_index * 100)
        # talks are announced the days before and reported the day they are held
        count = per_day if day_index < days - 1 else reports - n
        times = sorted(rng.uniform(0, 86_400) for _ in range(count))
        weights = [t.weight for t in truths]
        for seconds in times:
            truth = rng.choices(truths, weights)[0]
            yield day_index, report(rng, truth, n, midnight + dt.timedelta(seconds=seconds))
            n += 1


_ENTRIES = TypeAdapter(list[BucketEntry])
_REFS = TypeAdapter(list[BucketRef])


@dataclass
class Size:
    incidents: int
    reports: int
    bucket_entries: int
    event_index: int
    bytes: int


def measure(state: MemoryState) -> Size:
    """Entries and bytes, as StagedTableState writes them to the two tables."""
    incident_bytes = sum(len(k) + len(codec.dumps(i)) for k, i in state.incidents.items())
    bucket_bytes = sum(len(k) + len(_ENTRIES.dump_json(v)) for k, v in state.buckets.items())
    directory_bytes = sum(len(k) + len(_REFS.dump_json(v)) for k, v in state.directories.items())
    index_bytes = sum(len(k) + len(v) + 6 for k, v in state.event_incidents.items())
    index_bytes += sum(
        len(k) + 13 + len(codec.dumps(EventEnvelope(event=e))) for k, e in state.events.items()
    )
    index_bytes += sum(len(k) + 5 + len(codec.dumps(m)) for k, m in state.marks.items())
    return Size(
        incidents=len(state.incidents),
        reports=sum(len(i.reports) for i in state.incidents.values()),
        bucket_entries=sum(len(v) for v in state.buckets.values()),
        event_index=len(state.event_incidents),
        bytes=incident_bytes + bucket_bytes + directory_bytes + index_bytes,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--window-days", type=float, default=7.0)
    parser.add_argument(
        "--grace-days", type=float, default=DEFAULT_GRACE_DAYS, help="kept past the window"
    )
    parser.add_argument(
        "--max-reports", type=int, default=DEFAULT_MAX_REPORTS, help="cap per block"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--settle-day", type=int, default=0, help="day from which to summarise (0: window+grace)"
    )
    args = parser.parse_args(argv)
    window = dt.timedelta(days=args.window_days)
    grace = dt.timedelta(days=args.grace_days)
    state = MemoryState()
    opened = 0
    started = time.perf_counter()
    print(
        f"{args.reports} reports over {args.days} simulated days, dedup window "
        f"{args.window_days:g} days, grace {args.grace_days:g} days, at most "
        f"{args.max_reports:,} reports a block"
    )
    header = (
        f"{'day':>4} {'folded':>8} {'opened':>7} {'incidents':>9} {'reports':>8} "
        f"{'buckets':>8} {'index':>7} {'bytes':>11} {'s':>6}"
    )
    print(header)
    sizes: list[Size] = []
    folded = 0
    current = 0

    def line(day: int) -> None:
        size = measure(state)
        sizes.append(size)
        print(
            f"{day + 1:>4} {folded:>8} {opened:>7} {size.incidents:>9} {size.reports:>8} "
            f"{size.bucket_entries:>8} {size.event_index:>7} {size.bytes:>11,} "
            f"{time.perf_counter() - started:>6.1f}"
        )

    for day, event in simulate(args.reports, args.days, args.seed):
        if day != current:
            line(current)
            current = day
        result = fold_event(state, event, window, grace, args.max_reports)
        opened += result.previous is None
        folded += 1
    line(current)
    settled = int(args.window_days + args.grace_days) + 1
    if args.settle_day:
        settled = args.settle_day
    full = sizes[settled:]
    if full:
        low, high = min(s.bytes for s in full), max(s.bytes for s in full)
        print(
            f"once the window is full (day {settled + 1} on): state between "
            f"{low:,} and {high:,} bytes (max/min {high / low:.2f}), "
            f"{min(s.incidents for s in full)}-{max(s.incidents for s in full)} incidents; "
            f"{folded / (time.perf_counter() - started):,.0f} reports folded per second"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
