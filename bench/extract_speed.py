"""Extraction throughput: every available article through `extract_events_strict`, one core.

Reads /work/shared/eval/*.articles.jsonl, samples/articles.jsonl (if present) and
/work/shared/corpus/*.jsonl (or the paths given as arguments), pins the process to one CPU,
runs the extractor over all articles a few times and prints articles per second, both by wall
clock and by the process's own CPU time (the figure least disturbed by other load on the
machine), with the load average before and after (other processes share the cores). Nothing
else of the pipeline runs: no broker, no dedup, no serialisation.

    .venv/bin/python bench/extract_speed.py [--repeat N] [FILE ...]
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from schemas.models import Article  # noqa: E402
from warwire.extract.core import extract_events_strict  # noqa: E402

SHARED = ROOT.parent / "shared"


def default_files() -> list[Path]:
    files = sorted(Path(p) for p in glob.glob(str(SHARED / "eval" / "*.articles.jsonl")))
    sample = ROOT / "samples" / "articles.jsonl"
    if sample.exists():
        files.append(sample)
    files += sorted(Path(p) for p in glob.glob(str(SHARED / "corpus" / "*.jsonl")))
    return files


def load(files: list[Path]) -> list[Article]:
    articles: list[Article] = []
    for path in files:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                try:
                    articles.append(Article.model_validate_json(line))
                except ValueError:
                    continue
    return articles


def pin_to_one_core() -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to cpu {cpu}"


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = args.files or default_files()
    articles = load(files)
    if not articles:
        print("no articles found", file=sys.stderr)
        return 1
    chars = sum(len(a.body) for a in articles)
    print(
        f"{len(articles)} articles from {len(files)} files, {chars / len(articles):.0f} chars each"
    )
    print(pin_to_one_core())
    print(f"load average before: {load_average()}")
    for article in articles[:20]:  # load data files and compile patterns before timing
        extract_events_strict(article)
    best_wall = best_cpu = float("inf")
    events = 0
    for _ in range(max(1, args.repeat)):
        wall, cpu = time.perf_counter(), time.process_time()
        events = sum(len(extract_events_strict(a)) for a in articles)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    print(f"events: {events}")
    print(f"load average after: {load_average()}")
    for label, seconds in (("wall", best_wall), ("cpu ", best_cpu)):
        rate = len(articles) / seconds
        print(f"{label}: {rate:,.0f} articles/s ({seconds * 1000 / len(articles):.2f} ms each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
