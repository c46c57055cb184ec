"""The bundled sample corpus that `warwire demo` streams: well-formed, ordered, and eventful."""

from __future__ import annotations

import pytest

from schemas import Article
from tests.conftest import REPO
from warwire.articles import decode_article
from warwire.pipeline import OfflineRun, run_offline

SAMPLES = REPO / "samples" / "articles.jsonl"


def sample_lines() -> list[bytes]:
    return [line for line in SAMPLES.read_bytes().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return [Article.model_validate_json(line) for line in sample_lines()]


@pytest.fixture(scope="module")
def offline(articles: list[Article]) -> OfflineRun:
    return run_offline(articles)


def test_every_line_is_an_article_the_worker_accepts() -> None:
    lines = sample_lines()
    assert len(lines) == 30
    for line in lines:
        article = decode_article(line)
        assert article.language == "en"
        assert article.outlet and article.title and article.url
        assert article.url.startswith("https://") and ".example/" in article.url
        assert 600 <= len(article.body) <= 3000, article.id


def test_ids_are_unique(articles: list[Article]) -> None:
    ids = [article.id for article in articles]
    assert len(set(ids)) == len(ids)


def test_lines_are_in_publication_order(articles: list[Article]) -> None:
    published = [article.published_at for article in articles]
    assert published == sorted(published)


def test_several_outlets_contribute(articles: list[Article]) -> None:
    assert len({article.outlet for article in articles}) >= 5


def test_offline_run_raises_a_large_strike_alert(offline: OfflineRun) -> None:
    assert "large_strike" in alert_kinds(offline)


def test_offline_run_raises_a_negotiation_round_alert(offline: OfflineRun) -> None:
    assert "negotiation_round" in alert_kinds(offline)


def test_some_incident_is_reported_by_two_outlets(offline: OfflineRun) -> None:
    reported_by = [
        {report.outlet for report in incident.reports if report.outlet}
        for incident in offline.incidents.values()
    ]
    assert any(len(outlets) >= 2 for outlets in reported_by)


def alert_kinds(run: OfflineRun) -> set[str]:
    return {alert.kind for alert in run.alerts}
