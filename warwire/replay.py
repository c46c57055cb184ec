"""`warwire replay`: the streaming pipeline over a file, outputs in the evaluation format."""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
from pathlib import Path

import orjson

from schemas import Alert, Article, NegotiationEvent, StrikeEvent
from warwire.config import Settings
from warwire.dedup import alert_holders
from warwire.progress import Progress
from warwire.session import Collected, broker_for, isolated, new_run_id, read_lines, run_pipeline

STRIKE_FIELDS = (
    "attacker",
    "target_country",
    "drones",
    "missiles",
    "drones_downed",
    "missiles_downed",
    "killed",
    "injured",
    "places",
)
NEGOTIATION_FIELDS = ("status", "format", "venue", "parties", "participants")

Event = StrikeEvent | NegotiationEvent


def event_row(event: Event, incident_id: str) -> dict[str, object]:
    """One events.jsonl row, as ../shared/eval/GUIDE.md defines it."""
    data = event.model_dump(mode="json")
    fields = STRIKE_FIELDS if event.type == "strike" else NEGOTIATION_FIELDS
    row: dict[str, object] = {
        "article_id": event.article_id,
        "type": event.type,
        "incident_id": incident_id,
        "occurred_on": data["occurred_on"],
        "optional": event.background,
    }
    row.update({name: data[name] for name in fields})
    return row


def alert_row(alert: Alert, ledgers: dict[str, str], holders: dict[str, str]) -> dict[str, object]:
    """One alerts.jsonl row. Its incident is the one whose ledger records it at the end of
    the run (a late report may have regrouped the incident it went out with), else the one
    holding its triggering report, else its own."""
    incident_id = ledgers.get(alert.alert_id) or holders.get(alert.event_id or "")
    incident_id = incident_id or alert.incident_id
    return {
        "alert_id": alert.alert_id,
        "incident_id": incident_id,
        "kind": alert.kind,
        "article_id": alert.article_id,
    }


def evaluation_rows(
    collected: Collected,
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """events.jsonl and alerts.jsonl rows of a streaming run, in article order."""
    folded = collected.event_incidents()
    receipts = sorted(collected.receipts.values(), key=lambda r: (r.partition, r.offset))
    event_rows = [
        event_row(collected.events[event_id].event, folded[event_id])
        for receipt in receipts
        for event_id in receipt.event_ids
    ]
    ledgers = alert_holders(collected.incidents.values())
    return event_rows, [alert_row(a, ledgers, folded) for a in collected.alerts]


def offline_rows(
    articles: Path, settings: Settings | None = None
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """The same rows from the in-process pipeline (`run_offline`): no broker, for fast
    iteration on extraction and matching. Quality figures come from the streaming replay."""
    from warwire.articles import Rejected, decode_article
    from warwire.pipeline import run_offline

    valid: list[Article] = []
    for line in read_lines(articles):
        try:
            valid.append(decode_article(line))
        except Rejected:
            continue
    settings = settings or Settings()
    run = run_offline(
        valid,
        window=dt.timedelta(days=settings.dedup_window_days),
        limits=settings.thresholds,
        grace=dt.timedelta(days=settings.dedup_grace_days),
        max_reports=settings.dedup_max_reports,
        max_articles=settings.dedup_max_articles,
    )
    event_rows = [event_row(event, incident_id) for event, incident_id in run.events]
    holders = {event.event_id: incident_id for event, incident_id in run.events}
    ledgers = alert_holders(run.incidents.values())
    return event_rows, [alert_row(a, ledgers, holders) for a in run.alerts]


def replay_offline(articles: Path, out: Path, settings: Settings | None = None) -> int:
    event_rows, alert_rows = offline_rows(articles, settings)
    out.mkdir(parents=True, exist_ok=True)
    write_jsonl(out / "events.jsonl", event_rows)
    write_jsonl(out / "alerts.jsonl", alert_rows)
    print(
        f"replayed offline: {len(event_rows)} events, {len(alert_rows)} alerts -> {out}",
        file=sys.stderr,
    )
    return 0


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> None:
    with path.open("wb") as out:
        for row in rows:
            out.write(orjson.dumps(row) + b"\n")


def replay(
    settings: Settings,
    articles: Path,
    out: Path,
    timeout: float = 600.0,
    backlog: bool = False,
    partitions: int = 1,
) -> int:
    """The streaming pipeline over the file. By default one partition per topic and articles
    posted while the worker runs: file order all the way through. `backlog` posts the whole
    file before the worker starts; `partitions` spreads every topic over that many."""
    lines = read_lines(articles)
    with broker_for(settings) as live:
        # The worker of a replay serves no metrics: it must not need a free port.
        run_settings = isolated(live.model_copy(update={"metrics_port": 0}), new_run_id())
        run_settings.topics.partitions = partitions
        progress = Progress("warwire replay", len(lines), "articles")

        def on_progress(done: int, total: int, collected: Collected) -> None:
            progress.update(done, f"{len(collected.alerts)} alerts")

        try:
            collected = asyncio.run(
                run_pipeline(
                    run_settings,
                    lines,
                    timeout=timeout,
                    backlog=backlog,
                    on_progress=on_progress,
                )
            )
        finally:
            progress.close()
    out.mkdir(parents=True, exist_ok=True)
    event_rows, alert_rows = evaluation_rows(collected)
    write_jsonl(out / "events.jsonl", event_rows)
    write_jsonl(out / "alerts.jsonl", alert_rows)
    dead = len(collected.dead_letters)
    print(
        f"replayed {len(lines)} articles: {len(event_rows)} events, "
        f"{len(collected.incidents)} incidents, {len(alert_rows)} alerts, {dead} dead letters "
        f"-> {out}/events.jsonl, {out}/alerts.jsonl",
        file=sys.stderr,
    )
    return 0
