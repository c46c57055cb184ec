from __future__ import annotations

import pytest

from warwire.broker import bootstrap_servers
from warwire.config import Settings
from warwire.session import isolated, settings_env


def test_every_setting_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARWIRE_BROKER", "kafka://kafka-1:9092;kafka://kafka-2:9092")
    monkeypatch.setenv("WARWIRE_TOPIC_PARTITIONS", "12")
    monkeypatch.setenv("WARWIRE_TOPIC_ALERTS", "prod.alerts")
    monkeypatch.setenv("WARWIRE_ALERT_KILLED", "3")
    monkeypatch.setenv("WARWIRE_SECURITY_PROTOCOL", "SASL_SSL")
    settings = Settings()
    assert bootstrap_servers(settings.broker) == "kafka-1:9092,kafka-2:9092"
    assert settings.topics.partitions == 12
    assert settings.topics.alerts == "prod.alerts"
    assert settings.thresholds.killed == 3
    assert settings.security_protocol == "SASL_SSL"


def test_invalid_values_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARWIRE_TOPIC_PARTITIONS", "0")
    with pytest.raises(ValueError):
        Settings()


def test_a_child_process_environment_round_trips_the_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = isolated(Settings(broker="kafka://127.0.0.1:1234", metrics_port=0), "run-x")
    for name, value in settings_env(original).items():
        monkeypatch.setenv(name, value)
    assert Settings() == original


def test_isolated_runs_share_no_topic_or_group() -> None:
    base = Settings()
    first, second = isolated(base, "run-a"), isolated(base, "run-b")
    assert first.app_id != second.app_id
    names = ("articles", "events", "incidents", "alerts", "dead_letters", "receipts")
    assert not {getattr(first.topics, n) for n in names} & {
        getattr(second.topics, n) for n in names
    }


def test_the_webhook_secret_is_read_only_from_warwire_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SECRET", "from-some-other-program")
    assert Settings().forward.secret.get_secret_value() == ""
    monkeypatch.setenv("WARWIRE_WEBHOOK_SECRET", "shared")
    assert Settings().forward.secret.get_secret_value() == "shared"
