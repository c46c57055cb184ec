"""Strike events: sentences about attacks, grouped by attacker and date into discrete waves."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from warwire.extract import gazetteer
from warwire.extract.dates import DateCue, When
from warwire.extract.figures import sentence_figures
from warwire.extract.text import Sentence

_F = re.IGNORECASE
_ATTACK = re.compile(
    r"\b(?:drones?|UAVs?|Shaheds?|missiles?|rockets?|shell(?:ing|ed|s)|bombard\w*|strikes?|struck|"
    r"attack(?:s|ed)?|barrage|raids?|explosions?|blasts?|hit|pounded|glide\s+bombs?|artillery|"
    r"HIMARS|Iskanders?|Kinzhals?|Kalibrs?)\b",
    _F,
)
_HIT = re.compile(
    r"\b(?:struck|strikes?|hit|attack(?:s|ed)?|targeted|shelled|shelling|pounded|explosions?|blasts?|"
    r"killed|killing|injured|wounded|died|dead|damaged|destroyed|shot\s+down|downed|intercepted|"
    r"fire|debris|wreckage|impact|aimed|under\s+attack|brought\s+down|casualties|bore\s+the\s+brunt)\b",
    _F,
)
_UA_ATTACKER = re.compile(
    r"\bUkrainian\s+(?:long-range\s+)?(?:drones?|missiles?|strikes?|attacks?|forces|shelling|"
    r"military|army|troops|UAVs?|drone\s+attacks?|drone\s+strikes?)\b|"
    r"\b(?:Ukraine|Kyiv)(?:'s)?\s+(?:also\s+)?(?:launched|struck|hit|attacked|fired|hurled|sent|"
    r"carried\s+out|shelled|targeted|attacks?|strikes?|drones?|biggest\s+drone)\b|"
    r"\bRussian\s+air\s+defen[cs]es?\b|\b(?:its|Russia's)\s+air\s+defen[cs]es\b|"
    r"\bdefen[cs]e\s+ministry\s+(?:said|says|claimed)\s+(?:that\s+)?(?:its\s+air\s+defen|"
    r"it\s+(?:had\s+)?(?:shot|destroyed|intercepted|downed))|"
    r"\bHIMARS\b|\bATACMS\b|\bStorm\s+Shadows?\b|\b(?:over|into|on|inside)\s+Russia\b|"
    r"\bRussian\s+territory\b|\b(?:Russian|Moscow)-(?:installed|imposed)\b|"
    r"\baccused\s+(?:Kyiv|Ukraine)\s+of\b|\bSpider's\s+Web\b|\bthe\s+SBU\b",
    _F,
)
_RU_ATTACKER = re.compile(
    r"\bRussian\s+(?:drones?|missiles?|strikes?|attacks?|forces|shelling|bombardment|rockets?|"
    r"barrage|troops|army|military|aircraft|bombers|Shaheds?|rocket|missile|drone|air\s+attack|"
    r"overnight|ballistic|cruise|Kh-\d+)\b|"
    r"\b(?:Russia|Moscow)(?:'s)?\s+(?:also\s+)?(?:launched|struck|hit|attacked|fired|sent|used|targeted|"
    r"pounded|shelled|carried\s+out|mounted|aimed|attacks?|strikes?|bombardment|barrage|"
    r"record|largest|biggest|overnight)\b|"
    r"\b(?:Shaheds?|Iskander|Kinzhal|Kalibr|Kh-\d+|Gerans?|glide\s+bombs?)\b|"
    r"\b(?:at|on|against|across)\s+Ukraine\b|\bUkrainian\s+(?:air\s+defen[cs]es?|cities)\b|"
    r"\b(?:Ukraine's\s+)?air\s+force\b|\bthe\s+occupiers\b|\bby\s+Russia\b",
    _F,
)
_ORIGIN = re.compile(
    r"\b(?:from|launched\s+from|fired\s+from)\s+(?:the\s+)?(?:[\w\-']+\s+){0,4}?$", _F
)
_PLACE_CONTEXT = re.compile(
    r"(?:\b(?:in|on|at|over|towards?|into|near|across|around|hit|struck|targeted|attacked|pounded|"
    r"shelled|of|besides|including)\s+(?:the\s+)?(?:city\s+of\s+|capital,?\s+)?)$",
    _F,
)
_REGION_AFTER = re.compile(r"^\s+(?:region|oblast|province|city|district|regions|oblasts)\b", _F)
_HEDGED = re.compile(r"\b(?:could|might|may|warn\w*|threat\w*|would|if)\b", _F)
_AGGREGATE = re.compile(
    r"\b(?:since\s+(?:the\s+)?(?:start|beginning|agreeing|then|February|the\s+ceasefire)|"
    r"in\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:days|weeks|months|years)|so\s+far\s+this|"
    r"this\s+(?:year|month|summer|winter)|per\s+(?:day|night)|a\s+(?:day|night|week|month)\b|"
    r"every\s+(?:day|night)|each\s+(?:day|night)|most\s+nights|almost\s+every|in\s+total\s+since|"
    r"each\s+month|daily|nightly|weekly|monthly|in\s+\d{4}|months?\s+of)",
    _F,
)
_EVENTFUL = re.compile(r"\b(?:record|largest|biggest|overnight|early\s+on|on\s+the\s+night)\b", _F)
_CAPITALS = frozenset({"Kyiv", "Moscow"})


@dataclass(slots=True)
class StrikeDraft:
    attacker: str
    date_key: object
    date: dt.date | None
    background: bool
    figures: dict[str, int] = field(default_factory=dict)
    places: list[str] = field(default_factory=list)
    evidence: dict[str, str] = field(default_factory=dict)
    first: int = 0

    @property
    def target(self) -> str:
        return "RU" if self.attacker == "UA" else "UA"


def _attacker(text: str, place_countries: list[str]) -> str | None:
    ua = len(_UA_ATTACKER.findall(text)) * 2 + place_countries.count("RU")
    ru = len(_RU_ATTACKER.findall(text)) * 2 + place_countries.count("UA")
    if ua == ru:
        return None
    return "UA" if ua > ru else "RU"


def _sentence_places(text: str) -> list[gazetteer.Place]:
    found: list[gazetteer.Place] = []
    for mention in gazetteer.places().find(text):
        before = text[max(0, mention.start - 60) : mention.start]
        if _ORIGIN.search(before):
            continue
        if mention.item.name in _CAPITALS or mention.surface in ("Kiev",):
            after = text[mention.end : mention.end + 12]
            if not (_PLACE_CONTEXT.search(before) or _REGION_AFTER.match(after)):
                continue
        if mention.item.country in ("UA", "RU"):
            found.append(mention.item)
    return found


def _is_aggregate(text: str) -> bool:
    return bool(_AGGREGATE.search(text)) and not _EVENTFUL.search(text)


@dataclass(slots=True)
class _Context:
    main: dt.date
    date_key: object = "main"
    attacker: str | None = None


def _resolve_key(cue: DateCue, ctx: _Context, index: int) -> object:
    if cue.when is When.DATE and cue.date is not None:
        return "main" if cue.date == ctx.main else cue.date
    if cue.when is When.PREVIOUS:
        return ctx.main - dt.timedelta(days=1)
    if cue.when is When.VAGUE:
        return f"vague-{index}"
    return ctx.date_key


def main_date(sentences: list[Sentence], cues: list[DateCue], today: dt.date) -> dt.date:
    """The day of the first attack the article reports, else its publication day."""
    for sentence, cue in zip(sentences, cues, strict=True):
        if _ATTACK.search(sentence.text) and _HIT.search(sentence.text):
            if cue.when is When.DATE and cue.date is not None and cue.date <= today:
                return cue.date
            return today
    return today


def _draft_for(
    drafts: dict[tuple[str, object], StrikeDraft], attacker: str, key: object, ctx: _Context,
    index: int,
) -> StrikeDraft:
    draft = drafts.get((attacker, key))
    if draft is None:
        date = ctx.main if key == "main" else key if isinstance(key, dt.date) else None
        draft = StrikeDraft(attacker, key, date, background=key != "main", first=index)
        drafts[(attacker, key)] = draft
    return draft


def _absorb(draft: StrikeDraft, text: str, figures: dict[str, int],
            places: list[gazetteer.Place], hedged: bool) -> None:
    for name, value in figures.items():
        if value > draft.figures.get(name, -1):
            draft.figures[name] = value
            draft.evidence[name] = text
    if hedged or not _HIT.search(text):
        return
    for place in places:
        if place.country == draft.target and place.name not in draft.places:
            draft.places.append(place.name)
            draft.evidence.setdefault("places", text)


def extract_strikes(
    sentences: list[Sentence], cues: list[DateCue], today: dt.date
) -> list[StrikeDraft]:
    """Strike drafts in order of first mention, figures merged per attacker and day."""
    ctx = _Context(main=main_date(sentences, cues, today))
    drafts: dict[tuple[str, object], StrikeDraft] = {}
    paragraph = -1
    for sentence, cue in zip(sentences, cues, strict=True):
        if sentence.paragraph != paragraph:
            paragraph = sentence.paragraph
            ctx.date_key, ctx.attacker = "main", None
        ctx.date_key = _resolve_key(cue, ctx, sentence.index)
        text = sentence.text
        if not _ATTACK.search(text) or _is_aggregate(text):
            continue
        places = _sentence_places(text)
        figures = sentence_figures(text).values
        attacker = _attacker(text, [p.country for p in places]) or ctx.attacker or "RU"
        ctx.attacker = attacker
        hedged = bool(_HEDGED.search(text))
        if not figures and (not places or hedged or not _HIT.search(text)):
            continue
        draft = _draft_for(drafts, attacker, ctx.date_key, ctx, sentence.index)
        _absorb(draft, text, figures, places, hedged)
        draft.evidence.setdefault("attacker", text)
        if draft.date is not None:
            draft.evidence.setdefault("occurred_on", text)
    return [d for d in sorted(drafts.values(), key=lambda d: d.first) if _worth_reporting(d)]


def _worth_reporting(draft: StrikeDraft) -> bool:
    if draft.figures or draft.places:
        return True
    return False
