"""The wire format of the topic models: compact UTF-8 JSON with every field, stable across the
codec's implementation."""

from __future__ import annotations

import datetime as dt

import orjson
import pytest
from pydantic import ValidationError

from schemas import Alert, Article, Figure, Receipt
from warwire import codec

PUBLISHED = dt.datetime(2025, 3, 11, 6, 5, tzinfo=dt.timezone(dt.timedelta(hours=2)))


def sample_models() -> list[Article | Alert | Receipt]:
    article = Article(
        id="ledger-0311-odesa",
        url="https://ledger.example/odesa",
        outlet="Black Sea Ledger",
        title="Drones hit Odesa port — officials",
        body="Port cranes in Odesa were damaged overnight, the regional governor said.",
        published_at=PUBLISHED,
    )
    alert = Alert(
        alert_id="al-1",
        incident_id="inc-1",
        kind="large_strike",
        severity="critical",
        headline="RU strike on Odesa: 120 drones",
        figures={"drones": Figure(estimate=120, low=110, high=120, reports=2)},
        occurred_on=dt.date(2025, 3, 11),
        incident_version=2,
        article_id=article.id,
        published_at=PUBLISHED,
    )
    receipt = Receipt(
        topic="articles", partition=3, offset=41, article_id=None, outcome="processed"
    )
    return [article, alert, receipt]


@pytest.mark.parametrize("model", sample_models(), ids=lambda m: type(m).__name__)
def test_bytes_are_the_plain_json_dump_of_every_field(model: Article | Alert | Receipt) -> None:
    raw = codec.dumps(model)
    assert raw == orjson.dumps(model.model_dump(mode="json"))
    assert codec.loads(type(model), raw) == model


def test_non_ascii_text_is_written_as_utf8_not_escaped() -> None:
    article = sample_models()[0]
    assert "—".encode() in codec.dumps(article)


def test_none_fields_are_written_out() -> None:
    assert b'"article_id":null' in codec.dumps(sample_models()[2])


@pytest.mark.parametrize("raw", [b"", b"{not json", b"[]", b'{"id": "x"}'])
def test_anything_but_a_valid_model_is_a_validation_error(raw: bytes) -> None:
    with pytest.raises(ValidationError):
        codec.loads(Article, raw)
