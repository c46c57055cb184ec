"""`make eval`: replay every labelled file through the streaming pipeline, score it with
../shared/eval/score.py, and fail when a figure falls below the floor kept in eval/floors.json.

    python -m warwire.evaluation            # score and check the floors
    python -m warwire.evaluation --raise    # also raise the floors to the figures reached
    python -m warwire.evaluation --offline  # in-process pipeline (fast, for development)
    python -m warwire.evaluation --no-backlog  # file order only (`make eval-ci`, .ci/run)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

from warwire.config import Settings
from warwire.replay import evaluation_rows, offline_rows, write_jsonl
from warwire.session import broker_for, isolated, new_run_id, read_lines, run_pipeline

REPO = Path(__file__).resolve().parent.parent
FLOORS = REPO / "eval" / "floors.json"
EVAL_DIR = Path(os.environ.get("WARWIRE_EVAL_DIR", REPO.parent / "shared" / "eval"))
CEILINGS = ("alerts.duplicates",)
"""Figures where lower is better: the ratchet keeps them from rising instead."""
BACKLOG = "@backlog"
BACKLOG_PARTITIONS = 6


def flatten(scores: dict[str, object]) -> dict[str, float]:
    """The figures the ratchet guards, from score.py's JSON, by dotted name."""
    figures: dict[str, float] = {}
    events = scores["events"]
    fields = scores["fields"]
    assert isinstance(events, dict) and isinstance(fields, dict)
    for kind, result in events.items():
        figures[f"{kind}.f1"] = result["f1"]
        for name, field in fields[kind].items():
            if field["accuracy"] is not None:
                figures[f"{kind}.{name}"] = field["accuracy"]
    dedup = scores["dedup_bcubed"]
    alerts = scores["alerts"]
    assert isinstance(dedup, dict) and isinstance(alerts, dict)
    figures["dedup.f1"] = dedup["f1"]
    for name in ("precision", "recall", "duplicates"):
        if alerts[name] is not None:
            figures[f"alerts.{name}"] = alerts[name]
    return figures


def score(gold: Path, out: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, str(EVAL_DIR / "score.py"), str(gold), str(out), "--json"],
        capture_output=True,
        check=True,
        text=True,
    )
    return flatten(json.loads(result.stdout))


def replay_all(
    golds: list[Path], out_root: Path, offline: bool, backlog: bool = True
) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    with broker_for(Settings()) as live:
        for gold in golds:
            name = gold.name.removesuffix(".gold.jsonl")
            articles = gold.with_name(f"{name}.articles.jsonl")
            runs = [(name, False)]
            if backlog and not offline:
                runs.append((name + BACKLOG, True))
            for run_name, backlog in runs:
                out = out_root / run_name
                out.mkdir(parents=True, exist_ok=True)
                if offline:
                    event_rows, alert_rows = offline_rows(articles)
                else:
                    event_rows, alert_rows = streaming_rows(live, articles, out, backlog)
                write_jsonl(out / "events.jsonl", event_rows)
                write_jsonl(out / "alerts.jsonl", alert_rows)
                results[run_name] = score(gold, out)
    return results


def streaming_rows(
    live: Settings, articles: Path, out: Path, backlog: bool
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    run_settings = isolated(live.model_copy(update={"metrics_port": 0}), new_run_id())
    if backlog:
        run_settings.topics.partitions = BACKLOG_PARTITIONS
    else:
        run_settings.topics.partitions = 1  # file order, as the GUIDE replays it
    collected = asyncio.run(
        run_pipeline(
            run_settings,
            read_lines(articles),
            timeout=900,
            worker_log=out / "worker.log",
            backlog=backlog,
        )
    )
    return evaluation_rows(collected)


def below_floor(name: str, value: float, floor: float) -> bool:
    if name.endswith(CEILINGS):
        return value > floor + 1e-9
    return value < floor - 1e-9


def raised(name: str, value: float, floor: float | None) -> float:
    if floor is None:
        return value
    return min(value, floor) if name.endswith(CEILINGS) else max(value, floor)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--raise", dest="raise_floors", action="store_true")
    parser.add_argument("--offline", action="store_true")
    parser.add_argument(
        "--no-backlog",
        dest="backlog",
        action="store_false",
        help="skip the 6-partition backlog replay (CI: tests/integration/test_backlog_order.py"
        " already holds every labelled file's backlog to its offline outcome)",
    )
    parser.add_argument("--out", type=Path, default=REPO / "out" / "eval")
    args = parser.parse_args(argv)
    golds = sorted(EVAL_DIR.glob("*.gold.jsonl"))
    if not golds:
        print(f"no labelled data in {EVAL_DIR}: nothing to evaluate (set WARWIRE_EVAL_DIR)")
        return 0
    results = replay_all(golds, args.out, args.offline, args.backlog)
    floors: dict[str, dict[str, float]] = json.loads(FLOORS.read_text()) if FLOORS.is_file() else {}
    failures = []
    print(f"{'file':<20} {'figure':<28} {'value':>7} {'floor':>7}")
    for name, figures in results.items():
        for figure, value in sorted(figures.items()):
            floor = floors.get(name.removesuffix(BACKLOG), {}).get(figure)
            mark = ""
            if floor is not None and below_floor(figure, value, floor):
                failures.append(f"{name} {figure}: {value} (floor {floor})")
                mark = "  << below floor"
            shown = "-" if floor is None else f"{floor:.4f}"
            print(f"{name:<20} {figure:<28} {value:>7.4f} {shown:>7}{mark}")
    if args.raise_floors:
        for name, figures in results.items():
            if name.endswith(BACKLOG):
                continue  # held to the floors of the file-order replay
            kept = floors.setdefault(name, {})
            for figure, value in figures.items():
                kept[figure] = raised(figure, value, kept.get(figure))
        FLOORS.parent.mkdir(exist_ok=True)
        FLOORS.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n")
        print(f"floors written to {FLOORS.relative_to(REPO)}")
    if failures:
        print("\nbelow the floor:\n  " + "\n  ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
