"""The extractor's entry point: one article in, its strike and negotiation events out."""

from __future__ import annotations

import datetime as dt

from schemas.models import Article, NegotiationEvent, StrikeEvent
from warwire.extract.dates import DateCue, find_date, kyiv_day
from warwire.extract.negotiations import NegotiationDraft, extract_negotiations
from warwire.extract.strikes import StrikeDraft, extract_strikes
from warwire.extract.text import Sentence, split_sentences
from warwire.ids import event_id

Event = StrikeEvent | NegotiationEvent


def _article_text(article: Article) -> str:
    title = (article.title or "").strip()
    body = article.body
    if title and not body.lstrip().startswith(title[:60]):
        return f"{title}\n{body}"
    return body


def _strike_event(article: Article, draft: StrikeDraft, ordinal: int) -> StrikeEvent:
    return StrikeEvent(
        event_id=event_id(article.id, "strike", ordinal),
        article_id=article.id,
        occurred_on=draft.date,
        background=draft.background,
        published_at=article.published_at,
        outlet=article.outlet,
        url=article.url,
        evidence=draft.evidence,
        attacker=draft.attacker,  # type: ignore[arg-type]
        target_country=draft.target,  # type: ignore[arg-type]
        places=draft.places,
        **draft.figures,
    )


def _negotiation_event(
    article: Article, draft: NegotiationDraft, ordinal: int, today: dt.date
) -> NegotiationEvent:
    first = draft.mentions[0].text
    date = draft.date
    return NegotiationEvent(
        event_id=event_id(article.id, "negotiation", ordinal),
        article_id=article.id,
        occurred_on=date,
        background=draft.vague or (date is not None and (today - date).days > 2),
        published_at=article.published_at,
        outlet=article.outlet,
        url=article.url,
        evidence={"status": first, "parties": first},
        status=draft.status(today),  # type: ignore[arg-type]
        format=draft.fmt,  # type: ignore[arg-type]
        venue=draft.venue,
        parties=draft.parties(),
        participants=[o.name for o in draft.participants()],
    )


def extract_events(article: Article) -> list[Event]:
    """Every strike and negotiation event `article` reports or recalls."""
    try:
        return _extract(article)
    except Exception:  # noqa: BLE001 - a malformed article must never stop the stream
        return []


def _extract(article: Article) -> list[Event]:
    today = kyiv_day(article.published_at)
    sentences: list[Sentence] = split_sentences(_article_text(article))
    cues: list[DateCue] = [find_date(s.text, today) for s in sentences]
    events: list[Event] = [
        _strike_event(article, d, i)
        for i, d in enumerate(extract_strikes(sentences, cues, today))
    ]
    events += [
        _negotiation_event(article, d, i, today)
        for i, d in enumerate(extract_negotiations(sentences, today))
    ]
    return events
