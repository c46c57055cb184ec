"""The whole pipeline on the real embedded broker with a real worker process."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from schemas import Alert
from tests.conftest import SHARED
from warwire.config import Settings
from warwire.dedup import alert_holders
from warwire.session import Collected, run_pipeline, settings_env

pytestmark = pytest.mark.integration


def article(article_id: str, outlet: str, published_at: str, title: str, body: str) -> bytes:
    return orjson.dumps(
        {
            "id": article_id,
            "url": f"https://{outlet.lower().replace(' ', '')}.example/{article_id}",
            "outlet": outlet,
            "title": title,
            "body": body,
            "published_at": published_at,
            "language": "en",
        }
    )


BARRAGE_FIRST = article(
    "t-strike-1",
    "Dnipro Ledger",
    "2025-07-10T07:40:00+03:00",
    "Russia hits Kyiv with hundreds of drones",
    "Russia launched 400 drones and 18 missiles at Ukraine overnight, the Ukrainian air force "
    "said on Thursday. Most of the strikes targeted Kyiv, where two people were killed and 23 "
    "were injured, according to the city's military administration.",
)
BARRAGE_SECOND = article(
    "t-strike-2",
    "Carpathian Post",
    "2025-07-10T11:15:00+03:00",
    "Kyiv counts the cost of overnight attack",
    "Emergency crews in Kyiv worked through the morning after Russia fired about 415 drones "
    "and 18 missiles at Ukraine overnight. Two people were killed and 26 were injured in the "
    "capital, officials said.",
)
TALKS = article(
    "t-talks-1",
    "Dnipro Ledger",
    "2025-05-14T18:00:00+03:00",
    "Delegations head to Istanbul",
    "Russian and Ukrainian delegations will meet in Istanbul on Friday for the first direct "
    "talks since 2022, Turkish officials said. Vladimir Medinsky will lead the Russian team "
    "and Rustem Umerov the Ukrainian one.",
)
MALFORMED = b'{"id": "t-broken", "body": '


async def run(settings: Settings, lines: list[bytes]) -> Collected:
    return await run_pipeline(settings, lines, timeout=180)


async def test_articles_in_alerts_out_and_bad_input_dead_lettered(settings: Settings) -> None:
    lines = [BARRAGE_FIRST, MALFORMED, TALKS, BARRAGE_SECOND]
    collected = await run(settings, lines)

    outcomes = sorted(r.outcome for r in collected.receipts.values())
    assert outcomes == ["dead_lettered", "processed", "processed", "processed"]

    [letter] = collected.dead_letters
    assert letter.reason == "invalid_json"
    assert base64.b64decode(letter.original_base64) == MALFORMED
    assert letter.topic == settings.topics.articles

    kinds = sorted(a.kind for a in collected.alerts)
    assert kinds == ["large_strike", "negotiation_round"]
    strike_alert = next(a for a in collected.alerts if a.kind == "large_strike")
    # The two reports sit on different partitions, so either may be folded first; if the
    # later-published one came first, the earlier one regroups the incident under its own id
    # and the incident's ledger records the alert.
    assert strike_alert.article_id in {"t-strike-1", "t-strike-2"}
    strike = collected.incidents[alert_holders(collected.incidents.values())[strike_alert.alert_id]]
    assert {r.article_id for r in strike.reports} == {"t-strike-1", "t-strike-2"}
    assert strike.figures["drones"].low == 400
    assert strike.figures["drones"].high == 415
    assert collected.duplicate_alert_messages == 0


@pytest.mark.skipif(
    not (SHARED / "eval" / "seeds.articles.jsonl").is_file(), reason="../shared/eval is absent"
)
async def test_seed_articles_raise_their_large_strike_and_negotiation_alerts(
    settings: Settings,
) -> None:
    lines = [
        line
        for line in (SHARED / "eval" / "seeds.articles.jsonl").read_bytes().splitlines()
        if line.strip()
    ]
    collected = await run(settings, lines)
    alerted = {(a.kind, a.article_id) for a in collected.alerts}
    for kind, article_id in expected_seed_alerts(SHARED / "eval" / "seeds.gold.jsonl"):
        assert (kind, article_id) in alerted, f"no {kind} alert for {article_id}: {alerted}"
    assert len({a.alert_id for a in collected.alerts}) == len(collected.alerts)


def expected_seed_alerts(gold: Path) -> set[tuple[str, str]]:
    """(kind, first article) of every gold incident the GUIDE's default rules alert on."""
    first_article: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for line in gold.read_bytes().splitlines():
        row = orjson.loads(line)
        for event in row["events"]:
            if event["optional"]:
                continue
            incident = event["incident"]
            if event["type"] == "negotiation":
                kinds[incident] = "negotiation_round"
            elif (
                (event["drones"] or 0) + (event["missiles"] or 0) >= 100
                or (event["missiles"] or 0) >= 10
                or (event["killed"] or 0) >= 5
            ):
                kinds[incident] = "large_strike"
            first_article.setdefault(incident, row["article_id"])
    return {(kind, first_article[incident]) for incident, kind in kinds.items()}


def cli(settings: Settings, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "warwire", *args],
        input=stdin,
        env={**os.environ, **settings_env(settings)},
        capture_output=True,
        timeout=120,
        check=False,
    )


async def test_produce_reports_bad_lines_and_alerts_prints_what_the_worker_published(
    settings: Settings, tmp_path: Path
) -> None:
    collected = await run(settings, [BARRAGE_FIRST, TALKS])
    assert len(collected.alerts) == 2

    printed = cli(settings, "alerts", "--json")
    assert printed.returncode == 0, printed.stderr.decode()
    alerts = [Alert.model_validate_json(line) for line in printed.stdout.splitlines()]
    assert {a.alert_id for a in alerts} == {a.alert_id for a in collected.alerts}

    readable = cli(settings, "alerts")
    assert b"large_strike" in readable.stdout and b"Kyiv" in readable.stdout

    source = tmp_path / "articles.jsonl"
    source.write_bytes(b"\n".join([BARRAGE_SECOND, b"not json", b'{"id": "x"}', b""]))
    produced = cli(settings, "produce", str(source))
    assert produced.returncode == 1, produced.stderr.decode()  # some lines were skipped
    assert b"sent 1, skipped 2, failed 0" in produced.stdout
    assert b"line 2" in produced.stderr and b"line 3" in produced.stderr
