"""List the dead-letter topic, or export the original messages to files for reprocessing.

    export WARWIRE_BROKER=kafka://localhost:29092      # the compose stack's host listener
    .venv/bin/python deploy/dead_letters.py list [--reason R]
    .venv/bin/python deploy/dead_letters.py export DIR [--reason R]
    # fix the files in DIR, then post them again:
    .venv/bin/warwire produce DIR

The topic is `settings.topics.dead_letters` (WARWIRE_TOPIC_DEAD_LETTERS); every letter keeps
the message it refused, base64-encoded, with where it came from and why it was refused.
Reading does not join a consumer group and commits nothing: the letters stay where they are.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import sys
from pathlib import Path

from schemas import DeadLetter
from warwire import codec
from warwire.config import Settings
from warwire.kafka_io import read_topics


async def read_dead_letters(settings: Settings, reason: str | None = None) -> list[DeadLetter]:
    """Every letter on the dead-letter topic now, oldest first within each partition."""
    letters = []
    async for record in read_topics(settings, [settings.topics.dead_letters], follow=False):
        letter = codec.loads(DeadLetter, record.value or b"")
        if reason is None or letter.reason == reason:
            letters.append(letter)
    return letters


def export(letters: list[DeadLetter], directory: Path) -> list[Path]:
    """Write each letter's original message, byte for byte, to DIR/<partition>-<offset>.json
    (`warwire produce DIR` posts every .json file of a folder)."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for letter in letters:
        path = directory / f"{letter.partition}-{letter.offset}.json"
        path.write_bytes(base64.b64decode(letter.original_base64))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    sub = parser.add_subparsers(dest="command", required=True)
    listing = sub.add_parser("list", help="one line per letter: where, reason, article, detail")
    listing.add_argument("--reason")
    exporting = sub.add_parser("export", help="write the original messages to DIR")
    exporting.add_argument("directory", type=Path)
    exporting.add_argument("--reason")
    args = parser.parse_args(argv)
    settings = Settings()
    if not settings.broker:
        print("set WARWIRE_BROKER to the broker the workers use", file=sys.stderr)
        return 2
    letters = asyncio.run(read_dead_letters(settings, args.reason))
    if args.command == "list":
        for letter in letters:
            where = f"{letter.topic}/{letter.partition}@{letter.offset}"
            detail = letter.detail.replace("\n", " ")[:160]
            print(f"{where}\t{letter.reason}\t{letter.article_id or '-'}\t{detail}")
    else:
        written = export(letters, args.directory)
        print(f"wrote {len(written)} messages to {args.directory}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
