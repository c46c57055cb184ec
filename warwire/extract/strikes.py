"""Strike events: sentences about attacks, grouped by attacker and day into discrete strikes.

Every sentence that talks about an attack is read once into a `StrikeFacts`: who fired, on
which day, which places were hit, what figures it gives. Facts of one attacker and one day form
one wave when any of them describes a wave (counts of drones or missiles, "overnight",
"massive attack", "across the country"); otherwise each place named as hit is its own strike,
as when an article lists separate shellings of two towns on the same day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from warwire.extract import gazetteer
from warwire.extract.dates import DateCue, When
from warwire.extract.figures import Memory, sentence_figures
from warwire.extract.text import Sentence

_F = re.IGNORECASE

_WEAPON_WORDS = (
    r"drones?|UAVs?|Shaheds?|Gerans?|missiles?|rockets?|artillery|shells|shell(?:ing|ed)|"
    r"bombs?|bomb(?:ing|ed)|bombard\w*|airstrikes?|air\s+strikes?|air\s+raids?|HIMARS|ATACMS|"
    r"Iskanders?|Kinzhals?|Kalibrs?|barrages?|salvos?|Grads?|Uragans?|Smerch|MLRS|mortars?|"
    r"munitions|rocket\s+fire|strikes?|struck"
)
_QUALIFIED_ATTACK = (
    r"(?:drone|missile|air|aerial|rocket|artillery|massive|massed|combined|overnight|nighttime|"
    r"night|Russian|Ukrainian|deadly|fatal|large-scale|heavy|renewed|ballistic|Shahed|UAV|"
    r"record|Christmas|New\s+Year's|Easter)\s+(?:\w+\s+)?attacks?|"
    r"attack(?:s|ed|ing)?\s+(?:on|against)\s+(?:the\s+)?(?:(?-i:[A-Z])\w+|city|capital|energy|"
    r"infrastructure|residential|civilian|power|port|village|town|hospital|apartment|region)|"
    r"came\s+under\s+(?:fire|attack)|under\s+(?:massive\s+)?(?:missile\s+)?(?:fire|attack)"
)
_ATTACK = re.compile(rf"\b(?:{_WEAPON_WORDS}|{_QUALIFIED_ATTACK})\b", _F)
_NOT_ATTACK = re.compile(
    r"\b(?:counter-?attacks?|counter-?offensives?|cyber\s*-?attacks?|terror(?:ist)?\s+attacks?|"
    r"nuclear\s+(?:strikes?|attacks?|weapons?)|(?:strike|strikes|struck|striking)\s+(?:a|an)\s+"
    r"(?:\w+\s+)?(?:deal|tone|agreement|balance|chord|note|blow|pose|bargain)|hunger\s+strikes?|"
    r"strike\s+(?:force|capabilit\w+|weapons|systems)|pre-?emptive\s+strikes?|"
    r"(?:missile|air)\s+defen[cs]e\s+systems?|anti-(?:aircraft|tank|ship)\s+missiles?)\b",
    _F,
)
_CASUALTY = re.compile(r"\b(?:killed|killing|dead|died|injured|wounded|hurt|toll|fatalities)\b", _F)
_HIT = re.compile(
    r"\b(?:struck|strikes?|hit|hits|attack(?:s|ed|ing)?|targeted|targeting|targets|shelled|shelling|"
    r"pounded|pounds|explosions?|blasts?|killed|killing|kills|injured|injuring|wounded|died|dead|"
    r"damaged|destroyed|shot\s+down|shoots?\s+down|downed|downs|intercepted|fire|fired|fires|"
    r"launched|launches|debris|wreckage|impact|aimed|under\s+attack|brought\s+down|casualties|"
    r"bore\s+the\s+brunt|bombed|raids?|barrage|came\s+under|hurt|fell|crashed|exploded|repelled|"
    r"repelling|landed|slammed|tore|ripped|rained|sent|used)\b",
    _F,
)
_PAST = re.compile(
    r"\b(?:launched|launches|fired|fires|struck|hit|hits|attacked|targeted|targets|shelled|pounded|"
    r"pounds|killed|killing|kills|injured|injuring|wounded|died|dead|destroyed|shot\s+down|"
    r"shoots?\s+down|downed|downs|intercepted|damaged|exploded|sent|used|brought\s+down|repelled|"
    r"fell|crashed|came\s+under|is\s+repelling|hurt|bombed|slammed|tore|ripped|rained|landed)\b",
    _F,
)
_HEDGE = re.compile(
    r"\b(?:could|might|may|would|will|warn(?:s|ed|ing)?|threat(?:s|en|ened|ening)?|if|unless|"
    r"plans?|planning|intends?|expects?|expected|prepar\w+|possible|potential(?:ly)?|likely|"
    r"capable|ready\s+to|vow\w*|pledg\w*|promis\w*|should|must)\b",
    _F,
)
_AID = re.compile(
    r"\b(?:supply|supplies|supplied|supplying|deliver(?:y|ies|ed|ing)?|provid(?:e|ed|ing)|aid|"
    r"packages?|pledg\w*|donat\w*|transfer\w*|purchas\w*|buy(?:ing)?|bought|stockpil\w*|"
    r"produc(?:e|es|ed|ing|tion)|manufactur\w*|arsenal|inventory|orders?|ordered|stocks|"
    r"shipments?|systems?\s+to\s+Ukraine|sell(?:s|ing)?|sold|budget|funding|contracts?)\b",
    _F,
)
_AGGREGATE = re.compile(
    r"\b(?:since\s+(?:the\s+)?(?:start|beginning|outbreak|invasion|war|full-scale|agreeing|then|"
    r"February|March|April|May|June|July|August|September|October|November|December|January|"
    r"\d{4}|the\s+ceasefire|last\s+\w+|early|mid|late)|in\s+the\s+(?:past|last)\s+(?:\w+\s+)?"
    r"(?:days|weeks|months|years|nights)|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:days|weeks|"
    r"months|years|nights)|so\s+far\s+this|so\s+far\s+in|this\s+(?:year|month|summer|winter|"
    r"autumn|spring|week)|per\s+(?:day|night|week|month)|a\s+(?:day|night|week|month)\b|"
    r"every\s+(?:day|night|week)|each\s+(?:day|night|week|month)|most\s+nights|almost\s+every|"
    r"nearly\s+every|in\s+total\s+since|daily|nightly|weekly|monthly|in\s+(?:19|20)\d\d\b|"
    r"months?\s+of|years?\s+of|during\s+the\s+war|throughout\s+the\s+war|of\s+the\s+war\s+so\s+far|"
    r"in\s+recent\s+(?:days|weeks|months)|over\s+(?:the\s+)?(?:weekend|\d+\s+days|\w+\s+days)|"
    r"in\s+(?:\d+|two|three|four|five|six|seven|ten)\s+(?:days|weeks|months)|"
    r"the\s+last\s+days\s+of|throughout\s+\w+|all\s+(?:year|month)|repeatedly|regularly|"
    r"frequent(?:ly)?|routinely|often|has\s+(?:been\s+)?(?:sending|launching|attacking|firing|"
    r"shelling|hitting)|have\s+(?:been\s+)?(?:sending|launching|attacking|firing|shelling))",
    _F,
)
_EVENTFUL = re.compile(
    r"\b(?:record|largest|biggest|heaviest|overnight|early\s+on|on\s+the\s+night|deadliest|"
    r"\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|thirteenth)\b",
    _F,
)
_MIXED = re.compile(
    r"\b(?:exchanged|exchange\s+of|traded|trading|both\s+sides|either\s+side|each\s+other|"
    r"on\s+both\s+sides|both\s+countries|mutual)\b",
    _F,
)
_WAVE = re.compile(
    r"\b(?:overnight|massive|massed|combined|large-scale|mass\s+(?:\w+\s+)?(?:attacks?|strikes?|"
    r"barrage|raids?)|wave|waves|salvo|barrage|"
    r"across\s+(?:the\s+country|Ukraine|Russia|\w+\s+regions)|nationwide|regions|oblasts|"
    r"air\s+attack|aerial\s+attack|during\s+the\s+night|on\s+the\s+night|cities|several|"
    r"record|largest|biggest|dozens\s+of|hundreds\s+of|night\s+of)\b",
    _F,
)

_RU_ATTACKER = re.compile(
    r"\bRussian\s+(?:\w+\s+)?(?:drones?|missiles?|strikes?|attacks?|shelling|bombardment|rockets?|"
    r"barrage|air\s*strikes?|airstrikes?|bombs?|bombers?|aircraft|artillery|UAVs?|Shaheds?|"
    r"ballistic|cruise|rocket|missile|drone|fire|assault|air\s+raid|raid|salvo)\b|"
    r"\b(?:Russia|Moscow|Russians|the\s+Russians|Russian\s+(?:forces|troops|army|military|"
    r"invaders))\s+(?:also\s+|again\s+|had\s+|has\s+|have\s+|then\s+)?(?:launched|fired|struck|"
    r"hit|attacked|targeted|pounded|shelled|sent|used|bombarded|unleashed|hurled|carried\s+out|"
    r"mounted|fires|launches|hits|pounds|strikes|attacks|targets|fire|launch|hammered|"
    r"bombed)\b(?!\s+by\b)|"
    r"\b(?:Russia|Moscow)'s\s+(?:\w+\s+){0,3}?(?:attacks?|strikes?|barrage|bombardment|assault|"
    r"offensive|shelling|drones?|missiles?)\b|"
    r"\b(?:Shaheds?|Gerans?|Iskander(?:-[MK])?s?|Kinzhals?|Kalibrs?|Kh-\d+\w*|S-300s?|Zircons?|"
    r"Oniks|glide\s+bombs?|guided\s+(?:aerial\s+)?bombs?|KABs?|Tu-95\w*|Tu-22\w*|Tu-160s?|"
    r"Su-34s?|MiG-31\w*|Lancets?)\b|"
    r"\b(?:Ukraine's|Ukrainian)\s+(?:air\s+force|air\s+defen[cs]es?|air\s+defense\s+forces)\b|"
    r"\bthe\s+(?:Ukrainian\s+)?air\s+force\s+(?:said|says|reported|counted)\b|"
    r"\b(?:at|on|against|across|into)\s+Ukraine\b|\bUkrainian\s+(?:cities|regions|energy|"
    r"territory|towns|villages|civilians|capital|power|infrastructure)\b|"
    r"\b(?:the\s+)?occupiers\b|\bby\s+(?:Russia|Russian\s+forces|the\s+Russians)\b|"
    r"\b(?:Russian|Russia's)\s+(?:attack|strike)\s+on\b",
    _F,
)
_UA_ATTACKER = re.compile(
    r"\bUkrainian\s+(?:\w+\s+)?(?:drones?|missiles?|strikes?|attacks?|shelling|UAVs?|rockets?|"
    r"saboteurs|sea\s+drones|naval\s+drones|drone|missile|raid|incursion|artillery\s+fire|"
    r"fire)\b|"
    r"\b(?:Ukraine|Kyiv|the\s+Ukrainians|Ukrainian\s+(?:forces|troops|military|army|units)|"
    r"Ukraine's\s+(?:military|army|forces|armed\s+forces|SBU|navy))\s+(?:also\s+|had\s+|has\s+|"
    r"have\s+|again\s+)?(?:launched|fired|struck|hit|attacked|targeted|shelled|sent|used|"
    r"carried\s+out|launches|hits|strikes|attacks|targets|bombarded|bombed|hammered)\b"
    r"(?!\s+by\b)|"
    r"\baccus\w+\s+(?:Kyiv|Ukraine|Ukrainian\s+forces)\s+of\b|"
    r"\b(?:Russian|Russia's)\s+(?:air\s+defen[cs]es?|air\s+defense\s+systems?)\b|"
    r"\b(?:Russian|Russia's)\s+(?:defen[cs]e\s+ministry|Defen[cs]e\s+Ministry|MoD|military)"
    r"[^.;]{0,80}?\b(?:intercepted|destroyed|shot\s+down|downed|repelled|repelling)\b|"
    r"\b(?:HIMARS|ATACMS|Storm\s+Shadows?|SCALP|Neptunes?|Flamingos?|Liutyi|Lyutyi|"
    r"Spider'?s\s+Web|SBU)\b|"
    r"\b(?:over|into|on|inside|across|deep\s+into|against)\s+(?:Russia|Russian\s+(?:territory|"
    r"regions|soil|cities|oil|refiner\w*|airfields?|air\s+bases?))\b|"
    r"\bRussian\s+(?:territory|regions|soil|oil\s+refiner\w*|refiner\w*|airfields?|air\s+bases?|"
    r"border\s+regions?)\b|"
    r"\b(?:Russian|Moscow|Kremlin)-(?:installed|imposed|appointed|backed)\s+(?:authorities|"
    r"officials|governor|head|administration|mayor|leader)\b|"
    r"\bacross\s+the\s+border\s+in\s+Russia\b|\bin\s+Russia\b",
    _F,
)
_OCCUPIED_TARGET = re.compile(
    r"\b(?:Russian-occupied|Russian-held|Russian-controlled|occupied\s+(?:parts|areas|territor\w+|"
    r"regions?|cities|city|towns?|villages?|Crimea|peninsula|south|east)|temporarily\s+occupied)\b",
    _F,
)
_TOTAL_SCOPE = re.compile(
    r"\b(?:across|nationwide|in\s+all|in\s+total|overall|altogether|combined|country-?wide|"
    r"(?:and|in)\s+(?:several|other|many|\w+\s+other)\s+(?:\w+\s+)?(?:cities|regions|towns|oblasts))\b",
    _F,
)
_KYIV_METONYM = frozenset({"Kyiv", "Moscow"})
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|on|at|over|towards?|into|near|across|around|hit|hits|struck|strikes|targeted|"
    r"targeting|attacked|attacking|pounded|shelled|of|besides|including|outside|above|against|"
    r"and|city|capital|to)\s+(?:the\s+)?(?:city\s+of\s+|capital,?\s+|region\s+of\s+|"
    r"town\s+of\s+|village\s+of\s+)?)$",
    _F,
)
_PLACE_AFTER = re.compile(
    r"\s*(?:region|oblast|province|city|district|regions|oblasts|was|were|is|came|suffered|"
    r"hit|bore|residents|'s\s+\w+\s+district|'s\s+(?:centre|center|outskirts|suburbs))\b",
    _F,
)
_TITLE_BEFORE = re.compile(
    r"\b(?:head|governor|mayor|chief|leader|administration|authorities|officials)\s+of\s+"
    r"(?:the\s+)?$",
    _F,
)
_TITLE_AFTER = re.compile(
    r"(?:'s)?\s+(?:regional\s+|city\s+|oblast\s+|military\s+|region's\s+)*(?:mayor|governor|"
    r"administration|authorities|officials|head|council|police|military\s+administration|said|"
    r"says|claimed|reported)\b",
    _F,
)
_FROM_SCOPE = re.compile(
    r"\b(?:from|off|out\s+of)\b(?P<tail>(?:(?!\b(?:over|at|towards?|into|on|against|hit|struck|"
    r"targeted|and\s+(?:were|was|hit|struck|targeted|destroyed)|were|was|toward)\b)[^.;])*)$",
    _F,
)
_SPEECH_PLACE = re.compile(r"\b(?:speaking|spoke|visit\w*|conference|summit|talks|meeting)\s+(?:\w+\s+){0,3}(?:in|at)\s+$", _F)


@dataclass(slots=True)
class StrikeFacts:
    """What one sentence says about an attack."""

    index: int
    paragraph: int
    text: str
    attacker: str | None
    cue: DateCue
    figures: dict[str, int]
    places: list[gazetteer.Place]
    strong: bool
    wave: bool
    hedged: bool
    explicit_attacker: bool
    scope: str | None = None
    """The one place the sentence's tolls belong to; None when they are a total."""
    occupied_target: bool = False


@dataclass(slots=True)
class StrikeDraft:
    attacker: str
    date: dt.date | None
    background: bool
    figures: dict[str, int] = field(default_factory=dict)
    places: list[str] = field(default_factory=list)
    place_countries: list[str] = field(default_factory=list)
    evidence: dict[str, str] = field(default_factory=dict)
    first: int = 0
    locus: str | None = None
    strong: bool = False
    explicit: bool = False
    anchored: bool = False
    hit_statement: bool = False
    """A sentence says in so many words that a named place was struck."""
    occupied_target: bool = False

    @property
    def target(self) -> str:
        if self.occupied_target and self.attacker == "UA":
            return "UA"
        if self.place_countries:
            return max(set(self.place_countries), key=self.place_countries.count)
        return "RU" if self.attacker == "UA" else "UA"


def _attacker_scores(text: str) -> tuple[int, int]:
    return len(_RU_ATTACKER.findall(text)), len(_UA_ATTACKER.findall(text))


def _place_role(text: str, mention: gazetteer.Mention[gazetteer.Place]) -> str:
    """ "hit", "origin" (launched from there), "title" (a governor of it) or "other"."""
    before = text[max(0, mention.start - 80) : mention.start]
    after = text[mention.end : mention.end + 40]
    if _FROM_SCOPE.search(before):
        return "origin"
    if _TITLE_BEFORE.search(before[-40:]):
        return "title"
    if _SPEECH_PLACE.search(before[-60:]):
        return "other"
    if mention.item.name in _KYIV_METONYM and mention.item.kind == "city":
        if _PLACE_AFTER.match(after) and not _TITLE_AFTER.match(after):
            return "hit"
        if _PLACE_BEFORE.search(before[-40:]):
            return "hit"
        return "other"
    if _TITLE_AFTER.match(after):
        return "title"
    return "hit"


def _sentence_places(text: str) -> list[gazetteer.Place]:
    hits: list[gazetteer.Place] = []
    titles: list[gazetteer.Place] = []
    for mention in gazetteer.places().find(text):
        if mention.item.country not in ("UA", "RU"):
            continue
        role = _place_role(text, mention)
        if role == "hit":
            hits.append(mention.item)
        elif role == "title":
            titles.append(mention.item)
    return hits or titles


def _is_aggregate(text: str) -> bool:
    return bool(_AGGREGATE.search(text)) and not _EVENTFUL.search(text)


def _is_hedged(text: str) -> bool:
    return bool(_HEDGE.search(text)) and not _PAST.search(text)


def read_sentence(
    sentence: Sentence, cue: DateCue, memory: Memory, continuing: bool, after_strong: bool = False
) -> StrikeFacts | None:
    """The strike facts a sentence states, or None when it says nothing about an attack.

    `continuing` is true when an attack was being described just before: then a sentence
    with a toll but no weapon ("Sixteen people were injured at the hospital") still counts."""
    text = sentence.text
    attack = _ATTACK.search(_NOT_ATTACK.sub(" ", text))
    if attack is None and not (continuing and (_CASUALTY.search(text) or _HIT.search(text))):
        return None
    if _is_aggregate(text):
        return None
    if _AID.search(text) and not _HIT.search(text):
        return None
    hedged = _is_hedged(text)
    mixed = bool(_MIXED.search(text))
    figures = {} if mixed else sentence_figures(text, memory).values
    places = _sentence_places(text)
    ru, ua = _attacker_scores(text)
    ru, ua = ru * 2, ua * 2
    for place in places:
        if place.occupied:
            continue
        if place.country == "RU":
            ua += 1
        else:
            ru += 1
    attacker = None
    if ru != ua and not mixed:
        attacker = "RU" if ru > ua else "UA"
    strong = attack is not None and bool(_PAST.search(text) or figures)
    if attack is None and after_strong and ("killed" in figures or "injured" in figures):
        strong = True
    scope = None
    if len({p.name for p in places}) == 1 and not _TOTAL_SCOPE.search(text):
        scope = places[0].name
    return StrikeFacts(
        index=sentence.index,
        paragraph=sentence.paragraph,
        text=text,
        attacker=attacker,
        cue=cue,
        figures=figures,
        places=places,
        strong=strong and not hedged,
        wave=bool(_WAVE.search(text)) or any(k in figures for k in ("drones", "missiles", "drones_downed", "missiles_downed")),
        hedged=hedged,
        explicit_attacker=attacker is not None and max(ru, ua) >= 2,
        scope=scope,
        occupied_target=bool(_OCCUPIED_TARGET.search(text)),
    )


@dataclass(slots=True)
class _Context:
    date_key: object
    attacker: str | None
    paragraph: int
    last_index: int
    last_strong: int = -100


def _date_key(cue: DateCue, ctx: _Context, lead: dt.date, index: int) -> object:
    if cue.when is When.DATE and cue.date is not None:
        return cue.date
    if cue.when is When.PREVIOUS:
        base = ctx.date_key if isinstance(ctx.date_key, dt.date) else lead
        return base - dt.timedelta(days=1)
    if cue.when is When.VAGUE:
        return f"vague-{index}"
    return ctx.date_key


def lead_date(sentences: list[Sentence], cues: list[DateCue], today: dt.date) -> dt.date:
    """The day of the first attack the article reports, else its publication day."""
    for sentence, cue in zip(sentences, cues, strict=True):
        text = sentence.text
        if not (_ATTACK.search(_NOT_ATTACK.sub(" ", text)) and _PAST.search(text)):
            continue
        if _is_aggregate(text) or _is_hedged(text):
            continue
        if cue.when is When.DATE and cue.date is not None and cue.date <= today:
            return cue.date
        if cue.when is When.NONE:
            later = _later_date(sentences, cues, sentence.index, today)
            if later is None:
                later = _possessive_date(sentences, cues, today)
            return later or today
        return today
    return today


def _later_date(
    sentences: list[Sentence], cues: list[DateCue], start: int, today: dt.date
) -> dt.date | None:
    """A date the first strike paragraph gives a little further on ("Thursday's strikes...")."""
    first = sentences[start]
    for sentence, cue in zip(sentences[start + 1 : start + 12], cues[start + 1 : start + 12], strict=True):
        if cue.when is When.DATE and cue.date is not None and cue.date <= today:
            if _ATTACK.search(sentence.text) and not _is_aggregate(sentence.text):
                if sentence.paragraph <= first.paragraph + 2 or _STRIKE_POSSESSIVE.search(sentence.text):
                    return cue.date
        if cue.when is When.DATE and cue.date is not None and _STRIKE_POSSESSIVE.search(sentence.text):
            return cue.date
    return None


def _possessive_date(sentences: list[Sentence], cues: list[DateCue], today: dt.date) -> dt.date | None:
    for sentence, cue in zip(sentences, cues, strict=True):
        if cue.when is When.DATE and cue.date is not None and cue.date <= today:
            if _STRIKE_POSSESSIVE.search(sentence.text):
                return cue.date
    return None


_STRIKE_POSSESSIVE = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)'s\s+(?:\w+\s+){0,2}?"
    r"(?:strikes?|attacks?|barrage|bombardment|shelling)\b",
    _F,
)


def extract_strikes(
    sentences: list[Sentence], cues: list[DateCue], today: dt.date
) -> list[StrikeDraft]:
    """Strike drafts in order of first mention."""
    lead = lead_date(sentences, cues, today)
    facts = _read_all(sentences, cues, lead)
    drafts = _assemble(facts, lead)
    return _finish(drafts, lead, today)


def _read_all(
    sentences: list[Sentence], cues: list[DateCue], lead: dt.date
) -> list[tuple[StrikeFacts, object]]:
    out: list[tuple[StrikeFacts, object]] = []
    memory = Memory()
    ctx = _Context(date_key=lead, attacker=None, paragraph=-1, last_index=-100)
    article_attacker: str | None = None
    for sentence, cue in zip(sentences, cues, strict=True):
        if sentence.paragraph != ctx.paragraph:
            ctx.paragraph = sentence.paragraph
            ctx.attacker = None
            if not (isinstance(ctx.date_key, dt.date) and cue.when is When.NONE and sentence.index - ctx.last_index <= 3):
                ctx.date_key = lead
            memory = Memory()
        continuing = sentence.index - ctx.last_index <= 4
        after_strong = sentence.index - ctx.last_strong <= 2
        found = read_sentence(sentence, cue, memory, continuing, after_strong)
        if found is None:
            continue
        key = _date_key(cue, ctx, lead, sentence.index)
        ctx.date_key = key
        if found.attacker is None:
            found.attacker = ctx.attacker or article_attacker
        else:
            article_attacker = article_attacker or found.attacker
        ctx.attacker = found.attacker
        ctx.last_index = sentence.index
        if found.strong:
            ctx.last_strong = sentence.index
        out.append((found, key))
    return out


def _assemble(facts: list[tuple[StrikeFacts, object]], lead: dt.date) -> list[StrikeDraft]:
    by_day: dict[tuple[str, object], list[StrikeFacts]] = {}
    for fact, key in facts:
        attacker = fact.attacker or "RU"
        by_day.setdefault((attacker, key), []).append(fact)
    drafts: list[StrikeDraft] = []
    for (attacker, key), group in by_day.items():
        date = key if isinstance(key, dt.date) else None
        wave = any(f.wave for f in group)
        if wave or len({p.name for f in group for p in f.places if p.kind == "city"}) <= 1:
            drafts.append(_draft(attacker, date, group))
            continue
        drafts.extend(_split_by_place(attacker, date, group))
    drafts.sort(key=lambda d: d.first)
    return drafts


def _split_by_place(attacker: str, date: dt.date | None, group: list[StrikeFacts]) -> list[StrikeDraft]:
    """Separate strikes on separate towns the same day, each with the sentences after it."""
    loci: dict[str, list[StrikeFacts]] = {}
    current: str | None = None
    for fact in group:
        towns = [p for p in fact.places if p.kind == "city"]
        if len(towns) >= 2:
            for clause in _split_clauses(fact):
                clause_towns = [p for p in clause.places if p.kind == "city"]
                if clause_towns:
                    current = clause_towns[0].name
                if current is not None:
                    loci.setdefault(current, []).append(clause)
            continue
        if towns:
            current = towns[0].name
        if current is None:
            current = "?"
        loci.setdefault(current, []).append(fact)
    drafts = [_draft(attacker, date, facts, locus) for locus, facts in loci.items()]
    anchored = any(f.cue.when is When.DATE for f in group)
    for draft in drafts:
        draft.anchored = draft.anchored or anchored
    return drafts


_CLAUSE_BREAK = re.compile(
    r",?\s+and\s+(?=(?:also\s+)?(?:hit|struck|shelled|fired|attacked|targeted|pounded)\b)|;\s+", _F
)


def _split_clauses(fact: StrikeFacts) -> list[StrikeFacts]:
    parts = _CLAUSE_BREAK.split(fact.text)
    if len(parts) < 2:
        return [fact]
    out = []
    for part in parts:
        out.append(
            StrikeFacts(
                index=fact.index, paragraph=fact.paragraph, text=fact.text, attacker=fact.attacker,
                cue=fact.cue, figures=sentence_figures(part).values, places=_sentence_places(part),
                strong=fact.strong, wave=False, hedged=fact.hedged,
                explicit_attacker=fact.explicit_attacker,
            )
        )
    return out


def _draft(
    attacker: str, date: dt.date | None, group: list[StrikeFacts], locus: str | None = None
) -> StrikeDraft:
    draft = StrikeDraft(attacker, date, background=False, first=group[0].index, locus=locus)
    hit_context = {f.paragraph for f in group if f.strong}
    tolls: dict[str, dict[str | None, int]] = {"killed": {}, "injured": {}}
    for fact in group:
        draft.strong = draft.strong or fact.strong
        draft.explicit = draft.explicit or fact.explicit_attacker
        draft.occupied_target = draft.occupied_target or fact.occupied_target
        if fact.strong and fact.places and fact.explicit_attacker and _PAST.search(fact.text):
            draft.hit_statement = True
        if fact.cue.when is When.DATE:
            draft.anchored = True
            draft.evidence.setdefault("occurred_on", fact.text)
        for name, value in fact.figures.items():
            if name in tolls:
                scoped = tolls[name]
                if value > scoped.get(fact.scope, -1):
                    scoped[fact.scope] = value
            if value > draft.figures.get(name, -1):
                draft.figures[name] = value
                draft.evidence[name] = fact.text
        if fact.hedged or (not fact.strong and fact.paragraph not in hit_context):
            continue
        for place in fact.places:
            if locus is not None and locus != "?" and place.kind == "city" and place.name != locus:
                continue
            if place.name not in draft.places:
                draft.places.append(place.name)
                draft.place_countries.append(place.country)
                draft.evidence.setdefault("places", fact.text)
    for name, scoped in tolls.items():
        if scoped and None not in scoped and len(scoped) >= 2:
            draft.figures[name] = sum(scoped.values())
    draft.evidence.setdefault("attacker", group[0].text)
    return draft


def _finish(drafts: list[StrikeDraft], lead: dt.date, today: dt.date) -> list[StrikeDraft]:
    recent = {today}
    if (today - lead).days <= 5:
        recent.add(lead)
    out: list[StrikeDraft] = []
    for draft in drafts:
        draft.background = draft.date not in recent
        if draft.attacker == "RU" and draft.place_countries and draft.target == "RU":
            draft.attacker = "UA"
        if not _worth_reporting(draft):
            continue
        out.append(draft)
    return out


def _worth_reporting(draft: StrikeDraft) -> bool:
    if not draft.strong or not (draft.explicit or draft.places):
        return False
    figures = draft.figures
    if draft.background:
        return bool(figures) and (draft.anchored or bool(draft.places))
    if figures:
        return True
    return draft.hit_statement and draft.anchored
