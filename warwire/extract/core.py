"""The extractor's entry point: one article in, its strike and negotiation events out."""

from __future__ import annotations

import datetime as dt
import logging
import re

from schemas.models import Article, NegotiationEvent, StrikeEvent
from warwire.extract.dates import KYIV, Cues, find_date, kyiv_day, year_context
from warwire.extract.gazetteer import known_names
from warwire.extract.negotiations import NegotiationDraft, extract_negotiations
from warwire.extract.strikes import StrikeDraft, extract_strikes
from warwire.extract.text import Sentence, split_sentences
from warwire.ids import event_id

Event = StrikeEvent | NegotiationEvent

log = logging.getLogger(__name__)


def article_text(article: Article) -> str:
    """The title (as its own paragraph, unless the body repeats it) followed by the body."""
    title = (article.title or "").strip()
    body = article.body
    if title and not body.lstrip().startswith(title[:60]):
        return _recased_names(f"{title}\n{body}")
    return _recased_names(body)


_CAPS_NAME = re.compile(r"\b([A-Z][a-z]+\s+)?([A-Z]{2,})(\s+[A-Z][a-z]+)?\b")


def _recased_names(text: str) -> str:
    """A listed official's name some outlets print with its surname (or first name) in
    capitals ("XI Jinping", "Vladimir PUTIN") in the usual case, so that it is found like
    any other; acronyms ("US President", "NATO chief") make no listed name and stay."""
    if not _CAPS_NAME.search(text):
        return text
    names = known_names()

    def fix(match: re.Match[str]) -> str:
        before, caps, after = match.group(1) or "", match.group(2), match.group(3) or ""
        word = caps.title()
        if (before and f"{before.strip()} {word}" in names) or (
            after and f"{word} {after.strip()}" in names
        ):
            return f"{before}{word}{after}"
        return match.group(0)

    return _CAPS_NAME.sub(fix, text)


def _has_title(article: Article) -> bool:
    title = (article.title or "").strip()
    return bool(title) and not article.body.lstrip().startswith(title[:60])


MAX_EVIDENCE_CHARS = 1000
"""Each evidence sentence is cut to this: an article with no full stops is one sentence, and
events must stay far below Kafka's message size."""


def bounded_evidence(evidence: dict[str, str]) -> dict[str, str]:
    return {name: sentence[:MAX_EVIDENCE_CHARS] for name, sentence in evidence.items()}


def _strike_event(article: Article, draft: StrikeDraft, ordinal: int) -> StrikeEvent:
    figures = dict(draft.figures)
    for kind in ("drones", "missiles"):
        downed = figures.get(f"{kind}_downed")
        if downed is not None and figures.get(kind, downed) < downed:
            # fewer launched than downed: the smaller count is not the wave's ("a drone was
            # downed near the plant" beside "158 drones destroyed overnight")
            del figures[kind]
    return StrikeEvent(
        event_id=event_id(article.id, "strike", ordinal),
        article_id=article.id,
        occurred_on=draft.date,
        background=draft.background,
        published_at=article.published_at,
        outlet=article.outlet,
        url=article.url,
        evidence=bounded_evidence(draft.evidence),
        attacker="UA" if draft.attacker == "UA" else "RU",
        target_country="RU" if draft.target == "RU" else "UA",
        drones=figures.get("drones"),
        missiles=figures.get("missiles"),
        drones_downed=figures.get("drones_downed"),
        missiles_downed=figures.get("missiles_downed"),
        killed=figures.get("killed"),
        injured=figures.get("injured"),
        places=draft.places,
    )


def _negotiation_event(article: Article, draft: NegotiationDraft, ordinal: int) -> NegotiationEvent:
    return NegotiationEvent(
        event_id=event_id(article.id, "negotiation", ordinal),
        article_id=article.id,
        occurred_on=draft.date,
        background=draft.background,
        published_at=article.published_at,
        outlet=article.outlet,
        url=article.url,
        evidence=bounded_evidence(draft.evidence),
        status="scheduled" if draft.status == "scheduled" else "held",
        format=draft.fmt if draft.fmt in ("in_person", "call", "video") else None,
        venue=draft.venue,
        parties=draft.parties,
        participants=draft.participants,
    )


_SPEECH_LEAD = re.compile(
    r"\b(?:address|speech|remarks|video\s+message|evening\s+message|statement|transcript)\b", re.I
)


def reference_day(first: str, published: dt.date) -> dt.date:
    """The day an article's "today" means: its publication day, unless the article opens by
    presenting a speech given on an earlier day it names ("In his address on Thursday, July
    21, ..."), when the words that follow are the speaker's and "today" is that day."""
    if not _SPEECH_LEAD.search(first):
        return published
    cue = find_date(first, published)
    if cue.calendar and cue.date is not None and 0 < (published - cue.date).days <= 3:
        return cue.date
    return published


SMALL_HOURS_END = 5
"""Kyiv hour before which a piece may have been written on the day before (in a later time
zone, or filed before midnight)."""
_STATED_ON = re.compile(
    r"\b(?:said|says|told\s+\w+|announced|reported|wrote|added|confirmed)\s+(?:late\s+|early\s+)?"
    r"on\s+(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _written_the_day_before(sentences: list[Sentence], today: dt.date) -> bool:
    """A piece stamped in Kyiv's small hours that gives its statements the day before
    ("officials said on Sunday", stamped 00:30 on Monday) and never names the new day was
    written on that day: its "overnight" and "today" are that day's."""
    yesterday = _DAY_NAMES[(today.weekday() - 1) % 7]
    if any(_DAY_NAMES[today.weekday()] in s.text for s in sentences):
        return False
    return any(
        match.group("day") == yesterday for s in sentences for match in _STATED_ON.finditer(s.text)
    )


def extract_events_strict(article: Article) -> list[Event]:
    """Every strike and negotiation event `article` reports or recalls; errors propagate."""
    today = kyiv_day(article.published_at)
    sentences = split_sentences(article_text(article))
    local_hour = article.published_at.astimezone(KYIV).hour
    if sentences:
        spoken = reference_day(sentences[0].text, today)
        if spoken != today:
            today, local_hour = spoken, 12
        elif local_hour < SMALL_HOURS_END and _written_the_day_before(sentences, today):
            today, local_hour = today - dt.timedelta(days=1), 20
    texts = [s.text for s in sentences]
    years = year_context(texts)
    cues = Cues(texts, today, years)
    events: list[Event] = [
        _strike_event(article, draft, i)
        for i, draft in enumerate(
            extract_strikes(sentences, cues, today, local_hour, titled=_has_title(article))
        )
    ]
    events += [
        _negotiation_event(article, draft, i)
        for i, draft in enumerate(
            extract_negotiations(
                sentences, cues, today, years, local_hour, titled=_has_title(article)
            )
        )
    ]
    return events


def extract_events(article: Article) -> list[Event]:
    """Every strike and negotiation event `article` reports or recalls.

    A stream processor must survive any input, so a failure here is logged and yields no
    events; tests and benchmarks call `extract_events_strict` to see failures."""
    try:
        return extract_events_strict(article)
    except Exception:  # a malformed article must never stop the stream
        log.exception("extraction failed for article %s", article.id)
        return []
