from __future__ import annotations

import datetime as dt
from pathlib import Path

import orjson

from schemas import Alert, Figure
from warwire.cli import collect_articles, format_alert, main


def test_produce_input_keeps_valid_articles_and_names_the_bad_lines(tmp_path: Path) -> None:
    good = orjson.dumps({"id": "a1", "body": "Text.", "published_at": "2025-06-01T08:00:00+03:00"})
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join([good, b"{oops", b"", b'{"id": "a2", "body": "x"}', good]))
    valid, problems = collect_articles(str(source))
    assert valid == [good, good]
    assert [p.split(":")[0] for p in problems] == ["line 2", "line 4"]


def test_produce_input_from_a_folder_of_json_files(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_bytes(
        orjson.dumps({"id": "a1", "body": "T.", "published_at": "2025-06-01T08:00:00Z"})
    )
    (tmp_path / "two.json").write_bytes(b"[]")
    valid, problems = collect_articles(str(tmp_path))
    assert len(valid) == 1
    assert problems and problems[0].startswith("two.json")


def test_an_alert_reads_as_a_short_report() -> None:
    alert = Alert(
        alert_id="al-1",
        incident_id="inc-1",
        kind="large_strike",
        severity="critical",
        headline="Russia launches 728 drones and 13 missiles at Ukraine",
        details=["drones 728 (reports range 700-728, 4 reports)"],
        figures={"drones": Figure(estimate=728, low=700, high=728, reports=4)},
        links=["https://example.org/a"],
        incident_version=3,
        article_id="a1",
        published_at=dt.datetime(2025, 7, 9, 7, 0, tzinfo=dt.UTC),
    )
    text = format_alert(alert)
    assert text.splitlines()[0].startswith("[CRITICAL] large_strike v3: Russia launches 728")
    assert "https://example.org/a" in text


def test_no_command_prints_help() -> None:
    assert main([]) == 2
