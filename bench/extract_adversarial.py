"""Worst-case extraction time on hostile input: no pattern may blow up.

Feeds `extract_events_strict` bodies built to stress regular expressions and the sentence
splitter - long runs of digits and number words, deeply nested punctuation, 1 MB bodies,
one word repeated thousands of times, near-miss phrases ("18 of the 23 of the 23 of..."),
unicode junk and control characters - and prints the time of each and the worst.

    .venv/bin/python bench/extract_adversarial.py
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from schemas.models import Article  # noqa: E402
from warwire.extract.core import extract_events_strict  # noqa: E402

MB = 1_000_000


def cases() -> dict[str, str]:
    rng = random.Random(7)
    junk = "".join(chr(rng.randrange(0x20, 0x2FFF)) for _ in range(200_000))
    weapon_words = " ".join(
        rng.choice(["drones", "missiles", "of", "the", "23", "all"]) for _ in range(100_000)
    )
    return {
        "digits run": "7" * MB,
        "digits with separators": ",".join(["123"] * 250_000),
        "number words": " ".join(["twenty-three hundred and"] * 40_000),
        "nested brackets": "(" * 200_000 + "drones" + ")" * 200_000,
        "nested quotes": "\"'" * 300_000,
        "dots": "." * MB,
        "dashes and spaces": " - " * 300_000,
        "one word repeated": "attack " * 150_000,
        "talks repeated": "talks between Russia and Ukraine " * 30_000,
        "weapon soup": weapon_words,
        "near-miss figure": "Russia launched " + "18 of the 23 of the " * 20_000 + "drones.",
        "near-miss toll": "at least " * 100_000 + "killed",
        "capitals": "Kyiv Moscow Putin Zelensky Geneva " * 30_000,
        "unicode junk": junk,
        "control characters": "\x00\x01\x02\u200b\u202e\ufeff" * 150_000,
        "one long line 1MB": ("The strike killed two people in Kharkiv and injured five " * 20_000)[
            :MB
        ],
        "many paragraphs": "Russian drones hit Odesa overnight.\n" * 30_000,
        "dates": "on Monday, July 8, on the night of Dec. 13-14, last week, " * 20_000,
        "day names and months": "drones struck on the night of last Monday January 5 May " * 20_000,
        "qualified counts": "drones killed at least more than nearly all of the 12 " * 20_000,
        "glued keywords": "calledby headattack shellsalvo overnightalks " * 25_000,
    }


def main() -> int:
    published = dt.datetime(2025, 3, 11, 9, 0, tzinfo=dt.UTC)
    worst = ("", 0.0)
    for name, body in cases().items():
        article = Article(id=f"adversarial-{name}", body=body, published_at=published)
        start = time.perf_counter()
        events = extract_events_strict(article)
        took = time.perf_counter() - start
        print(f"{name:26s} {len(body):>9,} chars  {took * 1000:8.1f} ms  {len(events)} events")
        if took > worst[1]:
            worst = (name, took)
    print(f"worst: {worst[0]} at {worst[1] * 1000:.1f} ms per article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
