"""`warwire dlq`: list the dead-letter topic, export the refused messages, post them again.

Reading joins no consumer group and commits nothing: the letters stay where they are.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from schemas import DeadLetter
from warwire import codec
from warwire.articles import Rejected, decode_article
from warwire.config import Settings
from warwire.kafka_io import DeliveryReport, produce_raw, read_topics


async def read_dead_letters(settings: Settings, reason: str | None = None) -> list[DeadLetter]:
    """Every letter on the dead-letter topic now (with `reason`, if given), oldest first
    within each partition."""
    letters = []
    async for record in read_topics(settings, [settings.topics.dead_letters], follow=False):
        letter = codec.loads(DeadLetter, record.value or b"")
        if reason is None or letter.reason == reason:
            letters.append(letter)
    return letters


def listing_line(letter: DeadLetter) -> str:
    """`topic/partition@offset`, reason, article id (`-` if unknown), start of the detail."""
    where = f"{letter.topic}/{letter.partition}@{letter.offset}"
    detail = letter.detail.replace("\n", " ")[:160]
    return f"{where}\t{letter.reason}\t{letter.article_id or '-'}\t{detail}"


def original(letter: DeadLetter) -> bytes:
    return base64.b64decode(letter.original_base64)


LETTER_SUFFIX = ".letter"
"""The file `export` writes beside each original: the rest of the letter (reason, key,
headers, timestamp), JSON. Not `.json`, so `warwire produce DIR` does not post it."""


def export(letters: list[DeadLetter], directory: Path) -> list[Path]:
    """Each letter's original message, byte for byte, in DIR/<partition>-<offset>.json
    (`warwire produce DIR` posts every `.json` and `.jsonl` file of a folder), and beside it
    <partition>-<offset>.letter: the letter without the original (reason, detail, the key,
    headers and timestamp the producer sent)."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for letter in letters:
        path = directory / f"{letter.partition}-{letter.offset}.json"
        path.write_bytes(original(letter))
        path.with_suffix(LETTER_SUFFIX).write_bytes(
            orjson.dumps(
                letter.model_dump(mode="json", exclude={"original_base64"}),
                option=orjson.OPT_INDENT_2,
            )
            + b"\n"
        )
        written.append(path)
    return written


TRUNCATED_MARK = "original_base64 holds the first"
"""What `articles.dead_letter` writes in the detail of a letter that kept only a head."""


@dataclass
class ReplayPlan:
    """Which letters go back to the articles topic, and why the others do not."""

    messages: list[tuple[bytes | None, bytes]] = field(default_factory=list)
    held_back: list[tuple[DeadLetter, str]] = field(default_factory=list)


def plan_replay(letters: list[DeadLetter], articles_topic: str, force: bool = False) -> ReplayPlan:
    """The originals of `letters` that pass validation now (all of them with `force`), with
    their keys. Letters of other topics, or without their whole original, never go back."""
    plan = ReplayPlan()
    for letter in letters:
        raw = original(letter)
        if letter.topic != articles_topic:
            plan.held_back.append((letter, f"it came from {letter.topic}, not the articles"))
            continue
        if not raw or TRUNCATED_MARK in letter.detail:
            plan.held_back.append((letter, "the letter does not hold the whole original"))
            continue
        if not force:
            try:
                decode_article(raw)
            except Rejected as rejected:
                plan.held_back.append((letter, f"still refused: {rejected.reason}"))
                continue
        key = base64.b64decode(letter.key_base64) if letter.key_base64 else None
        if letter.key_base64 is None and letter.key:  # a letter written before key_base64
            key = letter.key.encode()
        plan.messages.append((key, raw))
    return plan


async def replay(
    settings: Settings, plan: ReplayPlan, on_sent: Callable[[int], None] | None = None
) -> DeliveryReport:
    return await produce_raw(settings, plan.messages, on_sent=on_sent)
