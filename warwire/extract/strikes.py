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
from warwire.extract.dates import NO_CUE, DateCue, When, find_date
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
_DAMAGE = re.compile(
    r"\b(?:damag\w*|destroyed|lost\s+power|without\s+(?:power|electricity|heat\w*|water)|outages?|"
    r"blackouts?|evacuated|caught\s+fire|fires?|blaze|rubble|collapsed|debris|wreckage|"
    r"explosions?|blasts?|hit|struck|attacked|targeted|shelled|impacts?|under\s+fire|"
    r"reported\s+over|downed\s+over|destroyed\s+over|shot\s+down\s+over|over\s+the\s+"
    r"(?-i:[A-Z])\w+|casualties|victims)\b",
    _F,
)
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
    r"aimed|confirmed\s+(?:\w+\s+)?(?:attacks?|strikes?)|"
    r"pounds|killed|killing|kills|injured|injuring|wounded|died|dead|destroyed|shot\s+down|"
    r"shoots?\s+down|downed|downs|intercepted|damaged|exploded|sent|used|brought\s+down|repelled|"
    r"fell|crashed|came\s+under|is\s+repelling|hurt|bombed|slammed|tore|ripped|rained|landed)\b",
    _F,
)
_HEDGE = re.compile(
    r"\b(?:could|might|may|would|will|warn(?:s|ed|ing)?|(?<!missile\s)(?<!drone\s)(?<!air\s)"
    r"threat(?:s|en|ened|ening)?|if|unless|"
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
    """What one sentence (or one clause of it) says about an attack."""

    index: int
    paragraph: int
    text: str
    attacker: str | None
    cue: DateCue
    figures: dict[str, int]
    totals: set[str]
    places: list[gazetteer.Place]
    strong: bool
    wave: bool
    hedged: bool
    explicit_attacker: bool
    continuation: bool = False
    """Read only because it follows an attack sentence (a toll, damage, places)."""
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
    first_paragraph: int = 0
    locus: str | None = None
    strong: bool = False
    explicit: bool = False
    anchored: bool = False
    """Some sentence of the strike names its day."""
    hit_statement: bool = False
    """A sentence says in so many words that a named place was struck."""
    occupied_target: bool = False

    @property
    def target(self) -> str:
        if self.occupied_target and self.attacker == "UA":
            return "UA"
        if self.place_countries:
            return max(sorted(set(self.place_countries)), key=self.place_countries.count)
        return "RU" if self.attacker == "UA" else "UA"


def _attacker_scores(text: str) -> tuple[int, int]:
    return len(_RU_ATTACKER.findall(text)), len(_UA_ATTACKER.findall(text))


_LOCATOR_BEFORE = re.compile(r"\b(?:in|of)\s+(?:the\s+)?(?:(?-i:[A-Z])\w+'s\s+)?$", _F)
_REGION_WORD = re.compile(r"^\s*(?:border\s+)?(?:region|oblast|province|republic|krai)\b", _F)


def _place_role(text: str, mention: gazetteer.Mention[gazetteer.Place], previous_end: int) -> str:
    """ "hit", "origin" (launched from there), "title" (a governor of it), "locator" (the
    region a town just named lies in) or "other"."""
    before = text[max(0, mention.start - 80) : mention.start]
    after = text[mention.end : mention.end + 40]
    if _FROM_SCOPE.search(before):
        return "origin"
    if _TITLE_BEFORE.search(before[-40:]):
        return "title"
    if _SPEECH_PLACE.search(before[-60:]):
        return "other"
    if (
        previous_end >= 0
        and mention.start - previous_end <= 45
        and _LOCATOR_BEFORE.search(before[-25:])
        and (mention.item.kind == "region" or _REGION_WORD.match(after))
    ):
        return "locator"
    if mention.item.name in _KYIV_METONYM and mention.item.kind == "city":
        if _PLACE_AFTER.match(after) and not _TITLE_AFTER.match(after):
            return "hit"
        if _PLACE_BEFORE.search(before[-40:]):
            return "hit"
        return "other"
    if _TITLE_AFTER.match(after):
        return "title"
    return "hit"


def sentence_places(text: str) -> list[gazetteer.Place]:
    """The Ukrainian and Russian places a sentence says were hit or targeted."""
    hits: list[gazetteer.Place] = []
    titles: list[gazetteer.Place] = []
    previous_end = -1
    for mention in gazetteer.places().find(text):
        if mention.item.country not in ("UA", "RU"):
            continue
        role = _place_role(text, mention, previous_end)
        if mention.item.kind == "city":
            previous_end = mention.end
        if role == "hit":
            hits.append(mention.item)
        elif role == "title":
            titles.append(mention.item)
    regions_of_hits = {p.region for p in hits if p.region}
    titles = [t for t in titles if t.name not in regions_of_hits]
    return hits + titles


def _is_aggregate(text: str) -> bool:
    return bool(_AGGREGATE.search(text)) and not _EVENTFUL.search(text)


def _is_hedged(text: str) -> bool:
    return bool(_HEDGE.search(text)) and not _PAST.search(text)


def _attack_in(text: str) -> bool:
    if _ATTACK.search(text) is None:
        return False
    return _ATTACK.search(_NOT_ATTACK.sub(" ", text)) is not None


def read_facts(
    index: int, paragraph: int, text: str, cue: DateCue, memory: Memory, continuation: bool,
    after_strong: bool = False,
) -> StrikeFacts | None:
    """The strike facts a sentence states, or None when it says nothing about an attack.

    A `continuation` sentence follows an attack sentence: a toll or damage report there
    ("Sixteen people were injured at the hospital") belongs to that attack."""
    if _is_aggregate(text):
        return None
    attack = not continuation
    if _AID.search(text) and not _HIT.search(text):
        return None
    hedged = _is_hedged(text)
    mixed = bool(_MIXED.search(text))
    read = sentence_figures(text, memory)
    figures = {} if mixed else read.values
    places = sentence_places(text)
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
    strong = attack and bool(_PAST.search(text) or figures or _ATTACK_ON.search(text))
    if not attack and after_strong and ("killed" in figures or "injured" in figures):
        strong = True
    scope = None
    if len({p.name for p in places}) == 1 and not _TOTAL_SCOPE.search(text):
        scope = places[0].name
    wave_figures = any(k in figures for k in ("drones", "missiles", "drones_downed", "missiles_downed"))
    return StrikeFacts(
        index=index,
        paragraph=paragraph,
        text=text,
        attacker=attacker,
        cue=cue,
        figures=figures,
        totals=set() if mixed else read.totals,
        places=places,
        strong=strong and not hedged,
        wave=attack and (bool(_WAVE.search(text)) or wave_figures),
        hedged=hedged,
        explicit_attacker=attacker is not None and max(ru, ua) >= 2,
        continuation=continuation,
        scope=scope,
        occupied_target=bool(_OCCUPIED_TARGET.search(text)),
    )


_ATTACK_ON = re.compile(rf"\b(?:{_QUALIFIED_ATTACK})\b", _F)
_STRIKE_POSSESSIVE = re.compile(
    r"\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)'s\s+(?:\w+\s+){0,3}?"
    r"(?:strikes?|attacks?|barrage|bombardment|shelling|raids?|assault)\b",
    _F,
)
_DATE_CLAUSES = re.compile(r"[,;]\s+(?:and|but|while|whereas)\s+|;\s+", _F)


def strike_cue(text: str, cue: DateCue, today: dt.date) -> DateCue:
    """The day an attack sentence puts its attack on: "Monday's missile strikes" wins over
    the day of the mourning or the statement the sentence also mentions."""
    match = _STRIKE_POSSESSIVE.search(text)
    if match is None:
        return cue
    return find_date(match.group("day"), today)


@dataclass(slots=True)
class _Context:
    date_key: object
    attacker: str | None
    paragraph: int
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


def lead_date(sentences: list[Sentence], cues: list[DateCue], today: dt.date) -> tuple[dt.date, bool]:
    """The day of the first attack the article reports, and whether the article says so (else
    it is the publication day by default)."""
    for sentence, cue in zip(sentences, cues, strict=True):
        text = sentence.text
        if not (_attack_in(text) and _PAST.search(text)):
            continue
        if _is_aggregate(text) or _is_hedged(text):
            continue
        cue = strike_cue(text, cue, today)
        if cue.when is When.DATE and cue.date is not None and cue.date <= today:
            return cue.date, True
        if cue.when is When.NONE:
            later = _later_date(sentences, cues, sentence.index, today)
            return (later, True) if later else (today, False)
        return today, False
    return today, False


def _later_date(
    sentences: list[Sentence], cues: list[DateCue], start: int, today: dt.date
) -> dt.date | None:
    """A day given a little further on ("Thursday's strikes came hours after...")."""
    first = sentences[start]
    window = zip(sentences[start + 1 : start + 12], cues[start + 1 : start + 12], strict=True)
    for sentence, cue in window:
        if sentence.paragraph > first.paragraph + 2:
            break
        if cue.when is When.DATE and cue.date is not None and cue.date <= today:
            if _attack_in(sentence.text) and not _is_aggregate(sentence.text):
                return cue.date
    for sentence in sentences:
        match = _STRIKE_POSSESSIVE.search(sentence.text)
        if match is not None:
            found = find_date(match.group("day"), today)
            if found.date is not None and found.date <= today:
                return found.date
    return None


def extract_strikes(
    sentences: list[Sentence], cues: list[DateCue], today: dt.date, local_hour: int = 12
) -> list[StrikeDraft]:
    """Strike drafts in order of first mention; `local_hour` is the Kyiv hour of publication."""
    lead, lead_given = lead_date(sentences, cues, today)
    facts = _read_all(sentences, cues, lead, today)
    drafts = _assemble(facts)
    return _finish(drafts, lead, lead_given, today, local_hour)


def _near_attacks(sentences: list[Sentence]) -> tuple[list[bool], list[bool]]:
    attack = [_attack_in(s.text) for s in sentences]
    near = [False] * len(sentences)
    for i, is_attack in enumerate(attack):
        if is_attack:
            for j in range(max(0, i - 2), min(len(sentences), i + 5)):
                near[j] = True
    return attack, near


def _read_all(
    sentences: list[Sentence], cues: list[DateCue], lead: dt.date, today: dt.date
) -> list[tuple[StrikeFacts, object]]:
    out: list[tuple[StrikeFacts, object]] = []
    memory = Memory()
    ctx = _Context(date_key=lead, attacker=None, paragraph=-1)
    article_attacker: str | None = None
    attack, near = _near_attacks(sentences)
    for sentence, cue in zip(sentences, cues, strict=True):
        i = sentence.index
        if sentence.paragraph != ctx.paragraph:
            ctx.paragraph = sentence.paragraph
            ctx.attacker = None
            if cue.when is not When.NONE or i - ctx.last_strong > 3:
                ctx.date_key = lead
            memory.new_paragraph()
        if attack[i]:
            pieces = _clauses_by_date(sentence.text, cue, today)
        elif near[i] and (_CASUALTY.search(sentence.text) or _DAMAGE.search(sentence.text)):
            pieces = [(sentence.text, cue)]
        else:
            continue
        for text, piece_cue in pieces:
            if attack[i]:
                piece_cue = strike_cue(text, piece_cue, today)
            elif not piece_cue.calendar:
                piece_cue = NO_CUE
            found = read_facts(
                i, sentence.paragraph, text, piece_cue, memory, not attack[i],
                i - ctx.last_strong <= 3,
            )
            if found is None:
                continue
            key = _date_key(piece_cue, ctx, lead, i)
            ctx.date_key = key
            if found.attacker is None:
                found.attacker = ctx.attacker or article_attacker
            elif found.explicit_attacker:
                article_attacker = article_attacker or found.attacker
            ctx.attacker = found.attacker
            if found.strong:
                ctx.last_strong = i
            out.append((found, key))
    return out


def _clauses_by_date(text: str, cue: DateCue, today: dt.date) -> list[tuple[str, DateCue]]:
    """The sentence whole, or its clauses when they put attacks on different days ("hours
    before the talks on Tuesday Russia launched..., and overnight into Wednesday it sent...")."""
    if cue.when is not When.DATE:
        return [(text, cue)]
    parts = _DATE_CLAUSES.split(text)
    if len(parts) < 2:
        return [(text, cue)]
    cues = [find_date(part, today) for part in parts]
    days = {c.date for c in cues if c.when is When.DATE}
    if len(days) < 2:
        return [(text, cue)]
    out: list[tuple[str, DateCue]] = []
    for part, part_cue in zip(parts, cues, strict=True):
        if part_cue.when is When.NONE and out:
            out[-1] = (f"{out[-1][0]}, {part}", out[-1][1])
        else:
            out.append((part, part_cue))
    return out


def _assemble(facts: list[tuple[StrikeFacts, object]]) -> list[StrikeDraft]:
    by_day: dict[tuple[str, object], list[StrikeFacts]] = {}
    for fact, key in facts:
        attacker = fact.attacker or "RU"
        by_day.setdefault((attacker, key), []).append(fact)
    drafts: list[StrikeDraft] = []
    for (attacker, key), group in by_day.items():
        date = key if isinstance(key, dt.date) else None
        wave = any(f.wave and f.strong for f in group)
        towns = {p.name for f in group if f.strong for p in f.places if p.kind == "city"}
        if wave or len(towns) <= 1:
            drafts.append(_draft(attacker, date, group))
            continue
        drafts.extend(_split_by_place(attacker, date, group))
    drafts.sort(key=lambda d: d.first)
    return drafts


def _split_by_place(
    attacker: str, date: dt.date | None, group: list[StrikeFacts]
) -> list[StrikeDraft]:
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
                loci.setdefault(current or "?", []).append(clause)
            continue
        if towns:
            current = towns[0].name
        loci.setdefault(current or "?", []).append(fact)
    anchored = any(f.cue.when is When.DATE for f in group)
    drafts = [_draft(attacker, date, facts, locus) for locus, facts in loci.items()]
    for draft in drafts:
        draft.anchored = draft.anchored or anchored
        draft.explicit = draft.explicit or any(f.explicit_attacker for f in group)
    return drafts


_CLAUSE_BREAK = re.compile(
    r",?\s+and\s+(?=(?:also\s+)?(?:hit|struck|shelled|fired|attacked|targeted|pounded)\b)|;\s+", _F
)


def _split_clauses(fact: StrikeFacts) -> list[StrikeFacts]:
    parts = _CLAUSE_BREAK.split(fact.text)
    if len(parts) < 2:
        return [fact]
    return [
        StrikeFacts(
            index=fact.index, paragraph=fact.paragraph, text=fact.text, attacker=fact.attacker,
            cue=fact.cue, figures=sentence_figures(part).values, totals=set(),
            places=sentence_places(part), strong=fact.strong, wave=False, hedged=fact.hedged,
            explicit_attacker=fact.explicit_attacker, continuation=fact.continuation,
        )
        for part in parts
    ]


def _draft(
    attacker: str, date: dt.date | None, group: list[StrikeFacts], locus: str | None = None
) -> StrikeDraft:
    draft = StrikeDraft(
        attacker, date, background=False, first=group[0].index,
        first_paragraph=group[0].paragraph, locus=locus,
    )
    tolls: dict[str, dict[str | None, int]] = {"killed": {}, "injured": {}}
    stated_totals: set[str] = set()
    last_strong = -100
    for fact in group:
        draft.strong = draft.strong or fact.strong
        draft.explicit = draft.explicit or fact.explicit_attacker
        draft.occupied_target = draft.occupied_target or fact.occupied_target
        if fact.strong:
            last_strong = fact.index
        if fact.strong and fact.places and _PAST.search(fact.text):
            draft.hit_statement = True
        if fact.cue.when is When.DATE:
            draft.anchored = True
            draft.evidence.setdefault("occurred_on", fact.text)
        _merge_figures(draft, fact, tolls, stated_totals)
        if fact.hedged:
            continue
        if not fact.strong and not (fact.continuation and fact.index - last_strong <= 4):
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
    for kind in ("drones", "missiles"):
        hit = draft.figures.pop(f"{kind}_hit", None)
        if hit is not None and kind not in draft.figures:
            draft.figures[kind] = hit
    _prune_places(draft)
    draft.evidence.setdefault("attacker", group[0].text)
    return draft


def _merge_figures(
    draft: StrikeDraft, fact: StrikeFacts, tolls: dict[str, dict[str | None, int]],
    stated_totals: set[str],
) -> None:
    """Largest figure wins, except that a figure given as the total outranks loose ones."""
    for name, value in fact.figures.items():
        if name in tolls:
            scoped = tolls[name]
            if value > scoped.get(fact.scope, -1):
                scoped[fact.scope] = value
        is_total = name in fact.totals
        if name in stated_totals and not is_total:
            continue
        if is_total and name not in stated_totals:
            stated_totals.add(name)
            draft.figures[name] = value
            draft.evidence[name] = fact.text
            continue
        if value > draft.figures.get(name, -1):
            draft.figures[name] = value
            draft.evidence[name] = fact.text


def _prune_places(draft: StrikeDraft) -> None:
    """Drop a suburb when the city or region it belongs to is already listed."""
    listed = set(draft.places)
    by_name = gazetteer.places_by_name()
    keep = [
        i for i, name in enumerate(draft.places)
        if not (by_name.get(name) and by_name[name].satellite and by_name[name].region in listed)
    ]
    draft.places = [draft.places[i] for i in keep]
    draft.place_countries = [draft.place_countries[i] for i in keep]


def _finish(
    drafts: list[StrikeDraft], lead: dt.date, lead_given: bool, today: dt.date, local_hour: int
) -> list[StrikeDraft]:
    recent = {today}
    if (today - lead).days <= 5:
        recent.add(lead)
    out: list[StrikeDraft] = []
    for draft in drafts:
        undated = not draft.anchored and not lead_given and draft.date == lead
        if undated and draft.first_paragraph > 3:
            # Mentioned deep in a piece about something else, with no day given: the article
            # does not say when this was.
            draft.date = None
        elif undated and local_hour >= 21:
            # Reported late in the evening as under way: an overnight attack, dated to the
            # morning it ends.
            draft.date = today + dt.timedelta(days=1)
            recent.add(draft.date)
        draft.background = draft.date not in recent
        if draft.attacker == "RU" and draft.place_countries and draft.target == "RU":
            draft.attacker = "UA"
        if _worth_reporting(draft):
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
    return draft.hit_statement and draft.anchored and draft.explicit
