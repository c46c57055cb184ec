"""Realistic article streams for the benches, built at run time from the real corpus.

The texts are read from ../shared/corpus (and the repository's samples/articles.jsonl when
present) every time; nothing of them is stored in the repository.

How the stream is made:

* Bodies are shaped to 2-6 KB: articles already in that range are kept, longer ones are cut
  at the last paragraph (or sentence) end before 6 KB, and short ones published within a few
  days of each other are joined into one digest page, the way live blogs and round-ups carry
  several items. Short items with no close neighbour are dropped.
* The shaped set is replayed as many times as the stream needs. Each copy gets ids and urls of
  its own and is moved in time by a whole number of weeks (weekday words such as "on Friday"
  keep resolving to the same calendar day), into a slot of its own: slots are further apart
  than the corpus span plus the dedup window, so a copy's events fold with each other exactly
  as the original's do, never into an earlier copy's incidents. Slots run from 2014 (the
  earliest date the worker accepts) to the present; when they are used up the next copy starts
  again at the first slot, long after the dedup window has expired what was there.
* One leak remains: state is expired by stream time, which goes back at every wrap. What the
  copy in the latest slot leaves unexpired (its last week of article records, the latest
  incidents of each blocking key) is still there when a copy lands in that slot again, and
  that copy can repeat it or fold into it. With 3 slots, copies 5, 8, 11, ... are affected:
  over 15 copies (3,630 articles), 4 articles were taken as repeats of another copy's and 19
  of 463 incidents held reports of two copies (`--copies 15` prints the incident count).

Run it to see the shape of the stream: `.venv/bin/python bench/corpus.py`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import math
import statistics
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import orjson

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = (
    REPO.parent / "shared" / "corpus",
    REPO / "samples" / "articles.jsonl",
)
MIN_BODY_BYTES = 2_000
MAX_BODY_BYTES = 6_000
DIGEST_SPAN = dt.timedelta(days=3)
"""Short items are joined only with items published at most this long after the first."""
EARLIEST = dt.datetime(2014, 1, 2, tzinfo=dt.UTC)
"""A day after the earliest publication time the worker accepts (it refuses anything older)."""
DEDUP_WINDOW = dt.timedelta(days=7)
SLOT_MARGIN = dt.timedelta(days=2)
"""Beyond the window: events up to a day apart may still be matched by their dates."""


@dataclass(frozen=True)
class BaseArticle:
    """One shaped article of the source set; `parts` > 1 for a digest of short items."""

    source_id: str
    published_at: dt.datetime
    body: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    language: str = "en"
    parts: int = 1


@dataclass(frozen=True)
class StreamArticle:
    article_id: str
    key: bytes
    value: bytes
    published_at: dt.datetime


@dataclass
class ShapeReport:
    sources: list[str] = field(default_factory=list)
    read: int = 0
    kept: int = 0
    cut: int = 0
    digests: int = 0
    digest_items: int = 0
    dropped: int = 0


def read_source_articles(
    sources: Sequence[Path] = DEFAULT_SOURCES,
) -> tuple[list[dict[str, object]], list[str]]:
    """The raw article objects of every JSONL file in `sources` (files, or directories whose
    *.jsonl files are read); paths that do not exist are skipped."""
    found: list[dict[str, object]] = []
    used: list[str] = []
    for source in sources:
        files = sorted(source.glob("*.jsonl")) if source.is_dir() else [source]
        for path in files:
            if not path.is_file():
                continue
            used.append(str(path))
            for line in path.read_bytes().splitlines():
                if not line.strip():
                    continue
                data = orjson.loads(line)
                if isinstance(data, dict) and isinstance(data.get("body"), str):
                    found.append(data)
    return found, used


def shape(raw: Sequence[dict[str, object]]) -> tuple[list[BaseArticle], ShapeReport]:
    """Bodies of 2-6 KB, in time order (see the module docstring)."""
    report = ShapeReport(read=len(raw))
    articles = sorted((_base(item) for item in raw), key=lambda a: (a.published_at, a.source_id))
    shaped: list[BaseArticle] = []
    short: list[BaseArticle] = []
    for article in articles:
        size = _size(article.body)
        if size < MIN_BODY_BYTES:
            short.append(article)
        elif size <= MAX_BODY_BYTES:
            shaped.append(article)
            report.kept += 1
        else:
            body = _cut(article.body, MAX_BODY_BYTES)
            if _size(body) >= MIN_BODY_BYTES:
                shaped.append(_replace_body(article, body))
                report.cut += 1
            else:
                report.dropped += 1
    for digest in _digests(short, report):
        shaped.append(digest)
    shaped.sort(key=lambda a: (a.published_at, a.source_id))
    return shaped, report


def _base(item: dict[str, object]) -> BaseArticle:
    published = dt.datetime.fromisoformat(str(item["published_at"]).replace("Z", "+00:00"))
    return BaseArticle(
        source_id=str(item.get("id") or ""),
        published_at=published.astimezone(dt.UTC),
        body=str(item["body"]),
        url=_optional(item.get("url")),
        outlet=_optional(item.get("outlet")),
        title=_optional(item.get("title")),
        language=str(item.get("language") or "en"),
    )


def _optional(value: object) -> str | None:
    return str(value) if value else None


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _cut(body: str, limit: int) -> str:
    """The longest run of whole paragraphs under `limit` bytes, or of whole sentences when
    even the first paragraph is too long."""
    kept: list[str] = []
    for paragraph in body.split("\n\n"):
        if _size("\n\n".join([*kept, paragraph])) > limit:
            break
        kept.append(paragraph)
    if kept:
        return "\n\n".join(kept)
    head = body.encode("utf-8")[:limit].decode("utf-8", "ignore")
    end = head.rfind(". ")
    return head[: end + 1] if end > 0 else head


def _replace_body(article: BaseArticle, body: str, parts: int = 1) -> BaseArticle:
    return BaseArticle(
        source_id=article.source_id,
        published_at=article.published_at,
        body=body,
        url=article.url,
        outlet=article.outlet,
        title=article.title,
        language=article.language,
        parts=parts,
    )


def _digests(short: list[BaseArticle], report: ShapeReport) -> Iterator[BaseArticle]:
    group: list[BaseArticle] = []
    for article in [*short, None]:
        if group and (
            article is None or article.published_at - group[0].published_at > DIGEST_SPAN
        ):
            report.dropped += len(group)
            group = []
        if article is None:
            break
        group.append(article)
        body = "\n\n".join(item.body for item in group)
        if _size(body) >= MIN_BODY_BYTES:
            latest = group[-1]
            # A digest is published with its newest item, and carries its time.
            yield _replace_body(latest, _cut(body, MAX_BODY_BYTES), parts=len(group))
            report.digests += 1
            report.digest_items += len(group)
            group = []


def slot_shifts(
    articles: Sequence[BaseArticle], now: dt.datetime | None = None
) -> list[dt.timedelta]:
    """Week-aligned time shifts, earliest first, each placing the whole set inside
    [2014, now - 1 day] and apart from the others by more than the span plus the window."""
    now = now or dt.datetime.now(dt.UTC)
    first = min(a.published_at for a in articles)
    last = max(a.published_at for a in articles)
    weeks = math.ceil((last - first + DEDUP_WINDOW + SLOT_MARGIN) / dt.timedelta(weeks=1))
    step = dt.timedelta(weeks=weeks)
    latest_end = now - dt.timedelta(days=1)
    shifts: list[dt.timedelta] = []
    back = 0
    while first - step * (back + 1) >= EARLIEST:
        back += 1
    for index in itertools.count(-back):
        shift = step * index
        if last + shift > latest_end:
            break
        shifts.append(shift)
    if not shifts:
        raise ValueError("the source articles do not fit between 2014 and now")
    return shifts


def stream(
    articles: Sequence[BaseArticle], now: dt.datetime | None = None
) -> Iterator[StreamArticle]:
    """The endless article stream: copy after copy of `articles`, each in its own slot."""
    shifts = slot_shifts(articles, now)
    for copy in itertools.count():
        shift = shifts[copy % len(shifts)]
        for article in articles:
            yield _copy(article, copy, shift)


def _copy(article: BaseArticle, copy: int, shift: dt.timedelta) -> StreamArticle:
    article_id = f"bench-c{copy}-{article.source_id}"[:256]
    published = article.published_at + shift
    data = {
        "id": article_id,
        "url": f"https://bench.warwire.example/c{copy}/{article.source_id}",
        "outlet": article.outlet,
        "title": article.title,
        "body": article.body,
        "published_at": published.isoformat().replace("+00:00", "Z"),
        "language": article.language,
    }
    return StreamArticle(article_id, article_id.encode(), orjson.dumps(data), published)


def copy_number(article_id: str) -> int:
    """The copy a stream article id belongs to."""
    return int(article_id.split("-", 2)[1].removeprefix("c"))


def take(articles: Sequence[BaseArticle], count: int) -> list[StreamArticle]:
    return list(itertools.islice(stream(articles), count))


def load(sources: Sequence[Path] = DEFAULT_SOURCES) -> tuple[list[BaseArticle], ShapeReport]:
    raw, used = read_source_articles(sources)
    if not raw:
        raise SystemExit(f"no source articles found in {', '.join(str(s) for s in sources)}")
    shaped, report = shape(raw)
    report.sources = used
    return shaped, report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3, help="copies to run offline (default 3)")
    args = parser.parse_args(argv)

    from schemas import Article
    from warwire.pipeline import run_offline

    shaped, report = load()
    sizes = [_size(a.body) for a in shaped]
    shifts = slot_shifts(shaped)
    print(f"sources: {', '.join(report.sources)}")
    print(
        f"read {report.read} articles: kept {report.kept}, cut {report.cut}, "
        f"{report.digest_items} short items joined into {report.digests} digests, "
        f"dropped {report.dropped}"
    )
    print(
        f"stream base: {len(shaped)} articles, body bytes min {min(sizes)} "
        f"median {statistics.median(sizes):.0f} max {max(sizes)}; {len(shifts)} time slots "
        f"{(shifts[1] - shifts[0]).days if len(shifts) > 1 else 0} days apart"
    )
    items = take(shaped, len(shaped) * args.copies)
    run = run_offline(Article.model_validate_json(item.value) for item in items)
    events: Counter[int] = Counter()
    incidents: dict[int, set[str]] = {}
    copies_of_incident: dict[str, set[int]] = {}
    for event, incident_id in run.events:
        copy = copy_number(event.article_id)
        events[copy] += 1
        incidents.setdefault(copy, set()).add(incident_id)
        copies_of_incident.setdefault(incident_id, set()).add(copy)
    alerts = Counter(copy_number(alert.article_id) for alert in run.alerts)
    print("copy  events  incidents  folded  alerts")
    for copy in sorted(events):
        opened = len(incidents[copy])
        print(
            f"{copy:>4}  {events[copy]:>6}  {opened:>9}  {1 - opened / events[copy]:>6.0%}  "
            f"{alerts[copy]:>6}"
        )
    spanning = sum(1 for copies in copies_of_incident.values() if len(copies) > 1)
    print(f"incidents holding reports of more than one copy: {spanning}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
