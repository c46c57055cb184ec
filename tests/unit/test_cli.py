from __future__ import annotations

import argparse
import datetime as dt
import os
import time
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from schemas import Alert, Figure
from warwire.alert_text import format_alert
from warwire.broker import free_port
from warwire.cli import collect_articles, main
from warwire.config import Settings, get_settings

GOOD = orjson.dumps({"id": "g1", "body": "Text.", "published_at": "2025-06-01T08:00:00+03:00"})


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


def one_line_error(argv: list[str], capsys: pytest.CaptureFixture[str], status: int = 2) -> str:
    """Run the command; it must exit with `status` and say why on exactly one line."""
    assert main(argv) == status
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    return err


@pytest.fixture(autouse=True)
def fresh_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test reads the environment it sets."""
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_a_missing_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.jsonl"
    err = one_line_error(["replay", str(missing), "--out", str(tmp_path / "o")], capsys)
    assert err == f"warwire replay: cannot read {missing}: No such file or directory"
    err = one_line_error(["replay", "--offline", str(missing), "--out", "o"], capsys)
    assert "cannot read" in err


def test_produce_without_a_reachable_broker_names_it_and_the_variable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    port = free_port()
    monkeypatch.setenv("WARWIRE_BROKER", f"kafka://127.0.0.1:{port}")
    source = tmp_path / "in.jsonl"
    source.write_bytes(GOOD)
    started = time.monotonic()
    err = one_line_error(["produce", str(source)], capsys)
    assert f"127.0.0.1:{port}" in err and "WARWIRE_BROKER" in err
    assert time.monotonic() - started < 60  # said at once, not after the client's retries


def test_alerts_without_a_reachable_broker_names_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WARWIRE_BROKER", f"kafka://127.0.0.1:{free_port()}")
    assert "WARWIRE_BROKER" in one_line_error(["alerts"], capsys)


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("WARWIRE_METRICS_PORT", "abc", "WARWIRE_METRICS_PORT='abc'"),
        ("WARWIRE_LOG_LEVEL", "loud", "WARWIRE_LOG_LEVEL='loud'"),
        ("WARWIRE_TOPIC_PARTITIONS", "0", "WARWIRE_TOPIC_PARTITIONS='0'"),
    ],
)
def test_a_bad_setting_names_its_variable_and_what_it_takes(
    variable: str,
    value: str,
    expected: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(variable, value)
    err = one_line_error(["alerts"], capsys)
    assert expected in err
    if variable == "WARWIRE_LOG_LEVEL":
        assert "'debug', 'info', 'warning' or 'error'" in err


def test_log_levels_are_read_in_any_case(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARWIRE_LOG_LEVEL", "INFO")
    assert get_settings().log_level == "info"


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        main(["--debug", "replay", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path)])


def test_produce_names_the_field_of_each_skipped_line_and_refuses_garbage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"id": "a2", "body": "x", "published_at": 17}\n\x89PNG\x00\xff\n')
    err = capsys.readouterr().err
    assert main(["produce", str(source)]) == 2
    err = capsys.readouterr().err
    assert "line 1: published_at: " in err
    assert "line 2: not JSON (binary data)" in err
    assert "no article to send" in err.splitlines()[-1]


def test_produce_counts_jsonl_files_in_a_folder_and_refuses_an_empty_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "batch.jsonl").write_bytes(GOOD + b"\n" + GOOD)
    valid, problems = collect_articles(str(tmp_path))
    assert (len(valid), problems) == (2, [])
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    assert "no article to send" in one_line_error(["produce", str(empty)], capsys)


def test_a_closed_pipe_ends_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    def reader_gone(args: argparse.Namespace, settings: Settings) -> int:
        raise BrokenPipeError

    monkeypatch.setattr("warwire.cli.cmd_alerts", reader_gone)
    read_end, write_end = os.pipe()
    saved = os.dup(1)
    os.dup2(write_end, 1)
    try:
        assert main(["alerts"]) == 0
    finally:
        os.dup2(saved, 1)
        for fd in (read_end, write_end, saved):
            os.close(fd)


def test_topics_lists_what_a_cluster_s_acls_must_allow_without_a_broker(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WARWIRE_APP_ID", "newsdesk")
    monkeypatch.setenv("WARWIRE_TOPIC_ALERTS", "desk.alerts")
    assert main(["topics"]) == 0
    lines = capsys.readouterr().out.splitlines()
    topics = {line.split()[1]: line for line in lines if line.startswith("topic ")}
    changelogs = [line.split()[1] for line in lines if line.startswith("changelog ")]
    assert "desk.alerts" in topics and "alerts" not in topics
    assert topics["incidents"].endswith("cleanup.policy=compact")
    assert len(changelogs) == 5
    assert all(name.startswith("newsdesk-") and name.endswith("-changelog") for name in changelogs)
    assert "group newsdesk (workers)" in lines
    assert any(line.startswith("group newsdesk-forwarder") for line in lines)


def test_topics_create_without_a_reachable_broker_names_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WARWIRE_BROKER", f"kafka://127.0.0.1:{free_port()}")
    assert "WARWIRE_BROKER" in one_line_error(["topics", "--create"], capsys)
