from __future__ import annotations

import datetime as dt
from pathlib import Path

import orjson
import pytest
from pydantic import ValidationError

from schemas import Article, EventEnvelope, NegotiationEvent, StrikeEvent
from schemas.generate import rendered_schemas, stale_files
from warwire import codec

PUBLISHED = dt.datetime(2025, 5, 16, 9, 30, tzinfo=dt.UTC)


def test_checked_in_json_schemas_match_the_models() -> None:
    assert stale_files() == [], "run: python -m schemas.generate"


def test_drift_is_detected(tmp_path: Path) -> None:
    for name, text in rendered_schemas().items():
        (tmp_path / name).write_text(text)
    assert stale_files(tmp_path) == []
    (tmp_path / "alert.schema.json").write_text("{}\n")
    (tmp_path / "retired.schema.json").write_text("{}\n")
    assert stale_files(tmp_path) == ["alert.schema.json", "retired.schema.json"]


def test_article_requires_body_and_an_aware_timestamp() -> None:
    with pytest.raises(ValidationError):
        Article.model_validate({"id": "a1", "body": "", "published_at": PUBLISHED.isoformat()})
    with pytest.raises(ValidationError):
        Article.model_validate({"id": "a1", "body": "text", "published_at": "2025-05-16T09:30:00"})
    article = Article.model_validate(
        {"id": "a1", "body": "text", "published_at": "2025-05-16T09:30:00+03:00", "extra": 1}
    )
    assert article.language == "en"


def test_event_union_is_discriminated_by_type() -> None:
    strike = StrikeEvent(event_id="e1", article_id="a1", published_at=PUBLISHED, drones=120)
    talks = NegotiationEvent(
        event_id="e2",
        article_id="a1",
        published_at=PUBLISHED,
        venue="Istanbul",
        parties=["RU", "UA"],
        status="held",
    )
    for event in (strike, talks):
        decoded = codec.loads(EventEnvelope, codec.dumps(EventEnvelope(event=event)))
        assert decoded.event == event
        assert type(decoded.event) is type(event)


def test_events_reject_unknown_fields_and_negative_counts() -> None:
    with pytest.raises(ValidationError):
        StrikeEvent(event_id="e1", article_id="a1", published_at=PUBLISHED, drones=-1)
    raw = orjson.dumps(
        {
            "event": {
                "type": "strike",
                "event_id": "e1",
                "article_id": "a1",
                "published_at": PUBLISHED.isoformat(),
                "tanks": 3,
            }
        }
    )
    with pytest.raises(ValidationError):
        codec.loads(EventEnvelope, raw)


def test_party_codes_are_upper_case_country_codes() -> None:
    with pytest.raises(ValidationError):
        NegotiationEvent(event_id="e", article_id="a", published_at=PUBLISHED, parties=["ukraine"])
