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
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from warwire.extract import gazetteer, keywords, nlp, places, quantities
from warwire.extract.counts import NUMBER, QUALIFIER, find_numbers
from warwire.extract.dates import (
    NO_CUE,
    Cues,
    DateCue,
    When,
    anaphoric_night,
    find_date,
    spans_several_days,
)
from warwire.extract.figures import Memory, sentence_figures
from warwire.extract.keywords import Gated, WordList, has_any, lower_same_length
from warwire.extract.patterns import Folded
from warwire.extract.text import Sentence
from warwire.plausibility import IMPLAUSIBLE, plausible

if TYPE_CHECKING:
    from collections.abc import Mapping

    from spacy.tokens import Doc

_F = re.IGNORECASE

_QUALIFIED_ATTACK = (
    r"(?:drone|missile|air|aerial|rocket|artillery|massive|massed|combined|overnight|nighttime|"
    r"night|Russian|Ukrainian|deadly|fatal|large-scale|heavy|renewed|ballistic|Shahed|UAV|"
    r"record|Christmas|New\s+Year's|Easter)\s+(?:\w+\s+)?attacks?|"
    r"attack(?:s|ed|ing)?\s+(?:on|against)\s+(?:the\s+)?(?:(?-i:[A-Z])\w+|city|capital|energy|"
    r"infrastructure|residential|civilian|power|port|village|town|hospital|apartment|region)|"
    r"(?:fired|opened\s+fire)\s+(?:at|on|upon)\s+(?:the\s+)?(?!Ukrainian|Russian|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)(?-i:[A-Z])\w+|"
    r"came\s+under\s+(?:fire|attack)|under\s+(?:massive\s+)?(?:missile\s+)?(?:fire|attack)|"
    # fire as a noun of the forces that opened it ("fire by pro-Russian forces", "shelling
    # from Russian troops"), or aimed at a building or a settlement ("the firing on a school")
    r"(?:fire|firing|shelling)\s+(?:by|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:forces|troops|"
    r"army|military|separatists|militants|artillery)|"
    r"firing\s+(?:of|on|at)\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:kindergarten|school|hospital|"
    r"village|town|city|houses?|homes?|building|settlement|district)|"
    # a warring state or its forces attacking a named place ("as Russia attacked the city")
    r"(?:Russia|(?:Russian|Ukrainian|enemy)\s+(?:forces|troops|army|military))\s+"
    r"(?:again\s+|also\s+)?attacked\s+(?:the\s+)?(?!Ukraine\b|Russia\b)(?:(?-i:[A-Z])\w+|city|"
    r"capital|town|village|port|(?:western|eastern|southern|northern|central|north-\w+|"
    r"south-\w+)\s+(?:Ukraine|Russia|regions?|cities))"
)
_WEAPON_LOW = WordList(
    "drone",
    "drones",
    "uav",
    "uavs",
    "unmanned aerial vehicle*",
    "shahed",
    "shaheds",
    "geran",
    "gerans",
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "artillery",
    "shells",
    "shelling",
    "shelled",
    "bomb",
    "bombs",
    "bombing",
    "bombed",
    "bombard*",
    "airstrike",
    "airstrikes",
    "air strike",
    "air strikes",
    "air raid",
    "air raids",
    "himars",
    "atacms",
    "iskander",
    "iskanders",
    "kinzhal",
    "kinzhals",
    "kalibr",
    "kalibrs",
    "barrage",
    "barrages",
    "salvo",
    "salvos",
    "grad",
    "grads",
    "uragan",
    "uragans",
    "smerch",
    "mlrs",
    "mortar",
    "mortars",
    "munitions",
    "rocket fire",
    "strike",
    "strikes",
    "struck",
)
_QUALIFIED = Folded(re.compile(rf"\b(?:{_QUALIFIED_ATTACK})\b", _F))


# "attacks by Russian forces" may be ground assaults (repelled at the front, not a strike);
# told as what hurt people ("four injuries from 51 attacks by Russian forces on Tuesday") they
# are shelling of a place.
_FORCES_ATTACK = Folded(
    re.compile(
        r"\battacks?\s+(?:by|from|of)\s+(?:the\s+)?(?:Russian|Ukrainian|enemy)\s+"
        r"(?:forces|troops|army|military)\b",
        _F,
    )
)
_GROUND_FIGHTING = Folded(
    re.compile(
        r"\b(?:repel\w*|repuls\w*|fought\s+off|beat\s+back|beaten\s+back|assaults?|storm\w*|"
        r"advanc\w*|offensive|front(?:\s+line)?|soldiers|servicem[ae]n)\b",
        _F,
    )
)


_TALLY = Folded(
    re.compile(
        r"\b\d[\d,]*\s+explosions\s+(?:were|have\s+been|had\s+been)\s+(?:recorded|registered|"
        r"counted)\b",
        _F,
    )
)
"""A regional administration's count of a day's shelling: "76 explosions were recorded in
the X region" (a count, and a verb of recording, not of explosions heard or of unknown
cause)."""


@lru_cache(maxsize=4096)
def _attack_words(text: str) -> bool:
    """An attack sentence: a weapon or strike word, or an attack qualified as military."""
    lowered = lower_same_length(text)
    if _WEAPON_LOW.search(lowered):
        return True
    if "explosions" in lowered and _TALLY.search(text, lowered):
        return any(m.item.country in ("UA", "RU") for m in gazetteer.places().find(text))
    if " hit " in lowered and _MILITARY_HIT.search(text, lowered) is not None:
        return True
    if "attack" not in lowered and "under" not in lowered and "fire" not in lowered:
        return False
    qualified = _QUALIFIED.search(text)
    if qualified is not None:
        # units that "came under fire" while repelling assaults on the front are ground fighting
        return "fire" not in qualified.group(0).lower() or _GROUND_FIGHTING.search(text) is None
    return (
        _FORCES_ATTACK.search(text, lowered) is not None
        and _CASUALTY.search(text, lowered) is not None
        and _GROUND_FIGHTING.search(text, lowered) is None
    )


_MILITARY_HIT = Folded(
    re.compile(
        r"\b(?:Ukraine's|Russia's|Ukrainian|Russian|the)\s+(?:military|army|armed\s+forces|forces|"
        r"general\s+staff|defen[cs]e\s+ministry|navy|SBU|security\s+service)\s+(?:said\s+(?:on\s+\w+\s+)?)?(?:that\s+)?"
        r"(?:(?:it|its\s+(?:forces|units|troops|drones))\s+)?(?:had\s+|has\s+|have\s+)?hit\s+"
        r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:depot|refinery|airfield|air\s+base|airbase|"
        r"terminal|substation|power\s+(?:plant|station)|arsenal|warehouse|headquarters|command\s+"
        r"post|oil\s+facility|pipeline|pumping\s+station|radar|launchers?)\b",
        _F,
    ),
    needs=("hit",),
)
"""A warring side's military that says it hit a military or energy site ("Ukraine's General
Staff said its forces had hit an ammunition depot in X") tells an attack with no weapon word."""
_NOT_ATTACK = Folded(
    re.compile(
        r"\b(?:counter-?attacks?|counter-?offensives?|cyber\s*-?attacks?|terror(?:ist)?\s+attacks?|"
        r"nuclear\s+(?:strikes?|attacks?|weapons?)|(?:strike|strikes|struck|striking)\s+(?:a|an)\s+"
        r"(?:\w+\s+)?(?:deal|tone|agreement|balance|chord|note|blow|pose|bargain)|hunger\s+strikes?|"
        r"strike\s+(?:force|capabilit\w+|weapons|systems)|pre-?emptive\s+strikes?|"
        r"(?:missile|air)\s+defen[cs]e\s+systems?|anti-(?:aircraft|tank)\s+missiles?|"
        r"(?:air[\s-]+raid|missile|drone)\s+(?:alerts?|alarms?|sirens?|warnings?|shelters?))\b",
        _F,
    )
)
_NOT_ATTACK_STEMS = (
    "alert",
    "alarm",
    "siren",
    "warning",
    "shelter",
    "counter",
    "cyber",
    "terror",
    "nuclear",
    "deal",
    "tone",
    "agreement",
    "balance",
    "chord",
    "note",
    "blow",
    "pose",
    "bargain",
    "hunger",
    "force",
    "capabilit",
    "weapons",
    "systems",
    "emptive",
    "defen",
    "anti-",
)
_CASUALTY = Folded(
    re.compile(
        r"\b(?:killed|killing|dead|died|injured|injuries|wounded|hurt|toll|fatalities|deaths|"
        r"perished)\b",
        _F,
    ),
    needs=("kill", "dead", "died", "injur", "wounded", "hurt", "toll", "fatal", "death", "perish"),
)
_MEDICAL = Folded(
    re.compile(
        r"\b(?:hospitali[sz]ed|medical\s+(?:help|attention|care|treatment|assistance))\b", _F
    ),
    needs=("hospitali", "medical"),
)
"""People treated after an attack: a toll when told in the attack's own paragraph."""
_FOLLOW_UP = keywords.CASUALTY + keywords.DAMAGE
_DAMAGE = Folded(
    re.compile(
        r"\b(?:damag\w*|destroyed|lost\s+power|without\s+(?:power|electricity|heat\w*|water)|outages?|"
        r"blackouts?|evacuated|caught\s+fire|fires?|blaze|rubble|collapsed|debris|wreckage|"
        r"explosions?|blasts?|hits?|struck|attacked|targeted|targets?|aimed\s+(?:\w+\s+)?at|"
        r"shelled|impacts?|under\s+fire|"
        r"reported\s+over|downed\s+over|destroyed\s+over|shot\s+down\s+over|over\s+the\s+"
        r"(?-i:[A-Z])\w+|casualties|victims|bodies|rescue\w*|rescuers|search)\b",
        _F,
    ),
    needs=(
        "damag",
        "destroyed",
        "power",
        "electricity",
        "heat",
        "water",
        "outage",
        "blackout",
        "evacuated",
        "fire",
        "blaze",
        "rubble",
        "collapsed",
        "debris",
        "wreckage",
        "explosion",
        "blast",
        "hit",
        "struck",
        "attacked",
        "target",
        "aimed",
        "shelled",
        "impact",
        "over",
        "casualties",
        "victims",
        "bodies",
        "rescue",
        "search",
    ),
)
_DOWN_VERB = (
    r"(?:shot\s+down|downed|intercepted|neutrali[sz]ed|destroyed|brought\s+down|took\s+down|"
    r"taken\s+down|knocked\s+down)"
)
_DOWNED_OF_THEM = Folded(
    re.compile(
        rf"\b{_DOWN_VERB}\s+(?:\w+\s+){{1,3}}?(?:out\s+)?of\s+(?:them|those|(?:the\s+)?{NUMBER})\b|"
        rf"\bof\s+(?:them|those|(?:the\s+)?{NUMBER})\s+(?:were|was|had\s+been|have\s+been)\s+"
        rf"(?:\w+\s+)?{_DOWN_VERB}|^\s*of\s+(?:them|those|(?:the\s+)?{NUMBER}),[^.;]{{0,50}}?\b{_DOWN_VERB}",
        _F,
    ),
    needs=("of them", "of those", "of the", *(f"of {d}" for d in range(1, 10))),
)
"""Air defences downing "N of them", "N of the M": the weapons of the attack told just
before."""
_DOWNED_BARE = Folded(
    re.compile(
        rf"^\s*(?:{QUALIFIER})?{NUMBER}\s+(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+)?"
        rf"{_DOWN_VERB}",
        _F,
    ),
    needs=("down", "intercept", "destroy", "neutrali"),
)
"""A sentence that opens on a bare count downed ("Thirty were intercepted."): right after an
attack, the weapons it counted."""
_HIT = Folded(
    re.compile(
        r"\b(?:struck|strikes?|hit|hits|attack(?:s|ed|ing)?|targeted|targeting|targets|shelled|shelling|"
        r"pounded|pounds|explosions?|blasts?|killed|killing|kills|injured|injuring|wounded|died|dead|"
        r"damaged|destroyed|shot\s+down|shoots?\s+down|downed|downs|intercepted|fire|fired|fires|"
        r"launched|launches|debris|wreckage|impact|aimed|under\s+attack|brought\s+down|casualties|"
        r"bore\s+the\s+brunt|bombed|raids?|barrage|came\s+under|hurt|fell|crashed|exploded|repelled|"
        r"repelling|landed|slammed|tore|ripped|rained|sent|used)\b",
        _F,
    )
)
_PAST_WORDS = WordList(
    "launched",
    "launches",
    "fired",
    "fires",
    "struck",
    "hit",
    "hits",
    "attacked",
    "targeted",
    "targets",
    "shelled",
    "pounded",
    "aimed",
    "tracked",
    "recorded",
    "spotted",
    "detected",
    "pounds",
    "killed",
    "killing",
    "kills",
    "injured",
    "injuring",
    "wounded",
    "died",
    "dead",
    "destroyed",
    "shot down",
    "shoot down",
    "shoots down",
    "downed",
    "downs",
    "intercepted",
    "damaged",
    "exploded",
    "sent",
    "used",
    "brought down",
    "repelled",
    "fell",
    "crashed",
    "came under",
    "is repelling",
    "hurt",
    "bombed",
    "slammed",
    "tore",
    "ripped",
    "rained",
    "landed",
    "flew",
    "swarmed",
    "rocked",
    "shook",
)
_CONFIRMED = re.compile(r"\bconfirmed\s+(?:\w+\s+)?(?:attacks?|strikes?)\b")


@lru_cache(maxsize=4096)
def _past(text: str) -> bool:
    """Whether a sentence reports an attack as done ("launched", "shot down", "killed")."""
    lowered = lower_same_length(text)
    return bool(
        _PAST_WORDS.search(lowered) or ("confirmed" in lowered and _CONFIRMED.search(lowered))
    )


_HEDGE = Gated(
    re.compile(
        r"\b(?:could|might|may|would|will|warn(?:s|ed|ing)?|(?<!missile\s)(?<!drone\s)(?<!air\s)"
        r"threat(?:s|en|ened|ening)?|if|unless|"
        r"plans?|planning|intends?|expects?|expected|prepar\w+|possible|potential(?:ly)?|likely|"
        r"capable|ready\s+to|vow\w*|pledg\w*|promis\w*|should|must)\b",
        _F,
    ),
    (
        "could",
        "might",
        "may",
        "would",
        "will",
        "warn",
        "threat",
        "if",
        "unless",
        "plan",
        "intend",
        "expect",
        "prepar",
        "possibl",
        "potential",
        "likely",
        "capable",
        "ready to",
        "vow",
        "pledg",
        "promis",
        "should",
        "must",
    ),
)
_AID = Gated(
    re.compile(
        r"\b(?:supply|supplies|supplied|supplying|deliver(?:y|ies|ed|ing)?|provid(?:e|ed|ing)|aid|"
        r"packages?|pledg\w*|donat\w*|transfer\w*|purchas\w*|buy(?:ing)?|bought|stockpil\w*|"
        r"produc(?:e|es|ed|ing|tion)|manufactur\w*|arsenal|inventory|orders?|ordered|stocks|"
        r"shipments?|systems?\s+to\s+Ukraine|sell(?:s|ing)?|sold|budget|funding|contracts?)\b",
        _F,
    ),
    (
        "suppl",
        "deliver",
        "provid",
        "aid",
        "package",
        "pledg",
        "donat",
        "transfer",
        "purchas",
        "buy",
        "bought",
        "stockpil",
        "produc",
        "manufactur",
        "arsenal",
        "inventor",
        "order",
        "stocks",
        "shipment",
        "to ukraine",
        "sell",
        "sold",
        "budget",
        "funding",
        "contract",
    ),
)
_AGGREGATE = Gated(
    re.compile(
        r"\b(?:since\s+(?:the\s+)?(?:start|beginning|outbreak|invasion|war|full-scale|agreeing|then|"
        r"February|March|April|May|June|July|August|September|October|November|December|January|"
        r"\d{4}|the\s+ceasefire|last\s+\w+|early|mid|late)|in\s+the\s+(?:past|last)\s+(?:\w+\s+)?"
        r"(?:days|weeks?|months?|years?|nights)|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:days|"
        r"weeks?|months?|years?|nights)|so\s+far\s+this|so\s+far\s+in|this\s+(?:year|month|summer|winter|"
        r"autumn|spring|week)|per\s+(?:day|night|week|month)|a\s+(?:day|night|week|month)\b(?!\s+(?:of|earlier|later|after|before|ago)\b)|"
        r"every\s+(?:day|night|week)|each\s+(?:day|night|week|month)|most\s+nights|almost\s+every|"
        r"nearly\s+every|in\s+total\s+since|daily|nightly|weekly|monthly|in\s+(?:19|20)\d\d\b|"
        r"months?\s+of|years?\s+of|during\s+the\s+war|throughout\s+the\s+war|of\s+the\s+war\s+so\s+far|"
        r"in\s+recent\s+(?:days|weeks|months)|over\s+(?:the\s+)?(?:\d+\s+days|\w+\s+days)|"
        r"(?:over|during|throughout|in|across)\s+the\s+(?:same|whole|entire)\s+(?:week|month)|"
        r"across\s+the\s+(?:week|month)\b|"
        r"\b(?:week|month|year|January|February|March|April|May|June|July|August|September|"
        r"October|November|December)\s+in\s+(?:numbers|figures|review)\b|"
        r"in\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
        r"December)\s+alone|(?:during|throughout)\s+(?:January|February|March|April|May|June|July|"
        r"August|September|October|November|December)\b(?!\s+\d)|"
        r"(?:over|during|throughout)\s+the\s+(?:week|month)\b|"
        r"in\s+(?:\d+|two|three|four|five|six|seven|ten)\s+(?:days|weeks|months)|"
        r"the\s+last\s+days\s+of|throughout\s+\w+|all\s+(?:year|month)|repeatedly|regularly|"
        r"frequent(?:ly)?|routinely|often|has\s+(?:been\s+)?(?:sending|launching|attacking|firing|"
        r"shelling|hitting)|have\s+(?:been\s+)?(?:sending|launching|attacking|firing|shelling))",
        _F,
    ),
    (
        "since",
        "past",
        "last",
        "so far",
        "this ",
        "per ",
        "a day",
        "a night",
        "a week",
        "a month",
        "every",
        "each",
        "most nights",
        "daily",
        "nightly",
        "week",
        "weekly",
        "monthly",
        "in 19",
        "in 20",
        "month",
        "year",
        "during",
        "throughout",
        "recent",
        "days",
        "weeks",
        "all year",
        "all month",
        "repeatedly",
        "regularly",
        "alone",
        "across",
        "in numbers",
        "in figures",
        "in review",
        "frequent",
        "routinely",
        "often",
        "sending",
        "launching",
        "attacking",
        "firing",
        "shelling",
        "hitting",
    ),
)
_EVENTFUL = Folded(
    re.compile(
        r"\b(?:record|largest|biggest|heaviest|overnight|early\s+on|on\s+the\s+night|deadliest|"
        r"\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
        r"eleventh|twelfth|thirteenth)\b",
        _F,
    )
)
_PERIODS_RECORD = Folded(
    re.compile(
        r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
        r"December|month|year|week|summer|winter|spring|autumn)'s\s+(?:previous\s+|earlier\s+)?"
        r"(?:record|largest|biggest|heaviest|deadliest)\b",
        _F,
    ),
    needs=("'s",),
)
"""A period's record ("a slight drop from July's record of over 6,000"): a figure of another
period the sentence compares with, which makes no attack of the sentence an event."""
_PERIOD_SUPERLATIVE = re.compile(
    r"\b(?:largest|biggest|heaviest|deadliest|record)\b(?=[^.;,]{0,40}\b(?:this|last)\s+"
    r"(?:summer|winter|spring|autumn|year|month)\b)",
    _F,
)
_ANSWERED_ATTACKS = re.compile(
    r"\bin\s+(?:response|retaliation|reply)\s+(?:to|for)\s+[^.;]{0,160}?\b(?:attacks|strikes|"
    r"raids)\b",
    _F,
)
_ANY_DAY = dt.date(2000, 1, 1)
"""A reference day for asking only whether a text names a day at all."""
_MIXED = Gated(
    re.compile(
        r"\b(?:exchanged|exchange\s+of|traded|trading|both\s+sides|either\s+side|each\s+other|"
        r"on\s+both\s+sides|both\s+countries|mutual)\b",
        _F,
    ),
    (
        "exchang",
        "traded",
        "trading",
        "both sides",
        "either side",
        "each other",
        "both countries",
        "mutual",
    ),
)
_WAVE = Gated(
    re.compile(
        r"\b(?:overnight|massive|massed|combined|large-scale|mass\s+(?:\w+\s+)?(?:attacks?|strikes?|"
        r"barrage|raids?)|wave|waves|salvo|barrage|"
        r"across\s+(?:the\s+country|Ukraine|Russia|\w+\s+regions)|nationwide|regions|oblasts|"
        r"air\s+attack|aerial\s+attack|during\s+the\s+night|on\s+the\s+night|cities|"
        r"record|largest|biggest|dozens\s+of|hundreds\s+of|night\s+of)\b",
        _F,
    ),
    (
        "overnight",
        "mass",
        "combined",
        "large-scale",
        "wave",
        "salvo",
        "barrage",
        "across",
        "nationwide",
        "region",
        "oblast",
        "air attack",
        "aerial attack",
        "night",
        "cities",
        "record",
        "largest",
        "biggest",
        "dozens of",
        "hundreds of",
    ),
)

_RU_ATTACKER = Folded(
    re.compile(
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
        r"\b(?:Ukraine|Kyiv)\s+(?:says|said|claims|claimed)\s+(?:it|its\s+(?:forces|air\s+defen[cs]es?))"
        r"\s+(?:had\s+|has\s+)?(?:downed|shot\s+down|intercepted|destroyed|neutrali[sz]ed)\b|"
        r"\b(?:at|on|against|across|into)\s+Ukraine\b|\bUkrainian\s+(?:cities|regions|energy|"
        r"territory|towns|villages|civilians|capital|power|infrastructure)\b|"
        r"\b(?:the\s+)?occupiers\b|\bby\s+(?:Russia|(?:the\s+)?(?:pro\s*-\s*)?Russian\s+(?:forces|"
        r"troops|separatists)|"
        r"the\s+Russians)\b|"
        r"\b(?:Russian|Russia's)\s+(?:attack|strike)\s+on\b",
        _F,
    )
)
_UA_ATTACKER = Folded(
    re.compile(
        r"\bUkrainian\s+(?:\w+\s+)?(?:drones?|missiles?|strikes?|attacks?|shelling|UAVs?|rockets?|"
        r"unmanned\s+aerial\s+vehicles?|"
        r"saboteurs|sea\s+drones|naval\s+drones|drone|missile|raid|incursion|artillery\s+fire|"
        r"fire)\b|"
        r"\b(?:Ukraine|Kyiv|the\s+Ukrainians|Ukrainian\s+(?:forces|troops|military|army|units)|"
        r"Ukraine's\s+(?:military|army|forces|armed\s+forces|SBU|navy))\s+(?:also\s+|had\s+|has\s+|"
        r"have\s+|again\s+)?(?:launched|fired|struck|hit|attacked|targeted|shelled|sent|used|"
        r"carried\s+out|launches|hits|strikes|attacks|targets|bombarded|bombed|hammered)\b"
        r"(?!\s+by\b)|"
        r"\baccus\w+\s+(?:Kyiv|Ukraine|Ukrainian\s+forces)\s+of\b|"
        r"\b(?:Russian|Russia's)\s+(?:air\s+defen[cs]es?|air\s+defense\s+systems?)\b|"
        r"\b(?:Russia|Moscow)\s+(?:says|said|claims|claimed)\s+(?:it|its\s+(?:forces|air\s+defen[cs]es?))"
        r"\s+(?:had\s+|has\s+)?(?:downed|shot\s+down|intercepted|destroyed|neutrali[sz]ed)\b|"
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
)
_OCCUPIED_TARGET = Gated(
    re.compile(
        r"\b(?:Russian-occupied|Russian-held|Russian-controlled|occupied\s+(?:parts|areas|territor\w+|"
        r"regions?|cities|city|towns?|villages?|Crimea|peninsula|south|east)|temporarily\s+occupied)\b",
        _F,
    ),
    ("occupied", "russian-held", "russian-controlled"),
)
_TOTAL_SCOPE = Gated(
    re.compile(
        r"\b(?:across|nationwide|in\s+all|in\s+total|overall|altogether|combined|country-?wide|"
        r"(?:and|in)\s+(?:several|other|many|\w+\s+other)\s+(?:\w+\s+)?(?:cities|regions|towns|oblasts))\b",
        _F,
    ),
    (
        "across",
        "nationwide",
        "in all",
        "in total",
        "overall",
        "altogether",
        "combined",
        "country",
        "several",
        "other",
        "many",
    ),
)
_KYIV_METONYM = frozenset({"Kyiv", "Moscow"})
_PRESSURE_ON = Folded(
    re.compile(
        r"\b(?:pressure|sanctions|demands?|influence|leverage|costs?|penalties|tariffs|"
        r"restrictions)\s+on\s+$",
        _F,
    )
)
_METONYM_IN = Folded(re.compile(r"^(?:in|of|and|to)\b", _F))
_METONYM_VERB = Folded(
    re.compile(
        r"^\s+(?:has|have|had|is|was|will|would|says|said|wants|insists|claims|denies|accused|"
        r"believes|remains|continues)\b",
        _F,
    )
)
_PLACE_BEFORE = Folded(
    re.compile(
        r"(?:\b(?:in|on|at|over|towards?|into|near|across|around|hit|hits|struck|strikes|targeted|"
        r"targeting|attacked|attacking|pounded|shelled|of|besides|including|outside|above|against|"
        r"and|city|capital|to)\s+(?:the\s+)?(?:city\s+of\s+|capital,?\s+|region\s+of\s+|"
        r"town\s+of\s+|village\s+of\s+)?)$",
        _F,
    )
)
_PLACE_AFTER = Folded(
    re.compile(
        r"\s*(?:region|oblast|province|city|district|regions|oblasts|was|were|is|came|suffered|"
        r"hit|bore|residents|'s\s+\w+\s+district|'s\s+(?:centre|center|outskirts|suburbs)|"
        r"apartment|residential|high-rise|tower|building|hospital|school|suburbs?|neighbou?rhood|"
        r"power|thermal|metro|railway|train|mall|market|airport|port)\b",
        _F,
    )
)
_TITLE_BEFORE = Folded(
    re.compile(
        r"\b(?:head|governor|mayor|chief|leader|administration|authorities|officials)\s+of\s+"
        r"(?:the\s+)?$",
        _F,
    )
)
_TITLE_AFTER = Folded(
    re.compile(
        r"(?:'s)?\s+(?:regional\s+|city\s+|oblast\s+|military\s+|region's\s+)*(?:mayor|governor|"
        r"administration|authorities|officials|head|council|police|military\s+administration)\b",
        _F,
    )
)
_SPEAKS_AFTER = Folded(
    re.compile(
        r"^(?:'s)?\s+(?:said|says|claimed|claims|reported|reports|denied|denies|accused|insists|"
        r"confirmed|announced|has\s+said|has\s+not|has\s+confirmed)\b",
        _F,
    )
)
_FROM_SCOPE = Folded(
    re.compile(
        r"\b(?:from|off|out\s+of)\b(?!\s+(?:the\s+)?(?:rubble|ruins|debris|wreckage)\b)(?P<tail>(?:(?!\b(?:over|at|towards?|into|on|against|hit|struck|"
        r"targeted|and\s+(?:were|was|hit|struck|targeted|destroyed)|were|was|toward)\b)[^.;])*)$",
        _F,
    )
)
_LAUNCHERS_OVER = Folded(
    re.compile(
        r"\b(?:bombers?|aircraft|jets?|planes?|fighters?|warplanes?|ships?|vessels?|submarines?)"
        r"\s+(?:\w+\s+)?(?:over|above|in|from)\s+(?:the\s+)?(?:[\w'-]+,?\s+(?:and\s+)?){0,3}$",
        _F,
    ),
    needs=("bomber", "aircraft", "jet", "plane", "fighter", "ship", "vessel", "submarine"),
)
"""Where the launchers were ("missiles fired from Tu-95 bombers over the Saratov region"): the
launch site, not a place hit."""
_SPEECH_PLACE = Folded(
    re.compile(
        r"\b(?:speaking|spoke|visit\w*|conference|summit|talks|meeting)\s+(?:\w+\s+){0,3}(?:in|at)\s+$",
        _F,
    )
)


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
    reference: bool = False
    """Refers back to the attack ("the strikes", "a night of intense attacks")."""
    updates: set[str] = field(default_factory=set)
    """Figures given as an update of an earlier one ("the toll rose to 19"): latest wins."""
    superseded: bool = False
    """Its figures are given as earlier ones ("earlier reports had put the toll at 12"):
    they count only for a figure no other sentence gives."""
    all_downed: frozenset[str] = frozenset()
    """Kinds of weapon told as every one downed, with no count ("every one of them was shot
    down"): the downed figure is the launched one."""
    titles: frozenset[str] = frozenset()
    """Places named only in an official's title ("the Donetsk regional governor said")."""
    additions: dict[str, int] = field(default_factory=dict)
    """Figures of another type that add to the count told before ("It also fired six
    ballistic missiles")."""
    headline: bool = False
    """The article's headline: its weapon counts are rounded ("nearly 100 missiles")."""
    recalled: bool = False
    """Told only as an earlier attack the story's one came some days after ("a day after a
    strike on X killed six")."""


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
    lead_hit: bool = False
    """A place told as hit, plainly (no hedge word), in the first two paragraphs."""
    occupied_target: bool = False
    live_entry: bool = False
    """Told in an entry of a live page ("16:30 - ..."): the page's day is its day."""
    simultaneous: bool = False
    """Told as happening while the story's event went on ("As the negotiators talked,
    rockets pounded X"): the story's day is its day."""
    recalled: bool = False
    """Every sentence of it recalls it as an attack the story's one came days after."""
    updated: bool = False
    """A sentence gives one of its figures as an update ("the toll has risen to 39")."""

    @property
    def target(self) -> str:
        if self.occupied_target and self.attacker == "UA":
            return "UA"
        other = "RU" if self.attacker == "UA" else "UA"
        if self.place_countries:
            # places of both sides in equal number: the attacker's own is not the target
            return max([other, *sorted(set(self.place_countries))], key=self.place_countries.count)
        return other


def _attacker_scores(text: str, lowered: str | None = None) -> tuple[int, int]:
    return _RU_ATTACKER.count(text, lowered), _UA_ATTACKER.count(text, lowered)


_THE_TOWN_IN = Folded(
    re.compile(r"\b(?:the|this|that)\s+(?:same\s+)?(?:town|city|village)\s+in\s+(?:the\s+)?$", _F),
    needs=("town", "city", "village"),
)
_LOCATOR_BEFORE = Folded(re.compile(r"\b(?:in|of)\s+(?:the\s+)?(?:(?-i:[A-Z])\w+'s\s+)?$", _F))
_REGION_SUFFIX = re.compile(r"\s(?:region|oblast|province|krai)$", _F)
_REGION_WORD = Folded(
    re.compile(r"^\s*(?:border\s+)?(?:region|oblast|province|republic|krai)\b", _F)
)


def _place_role(
    text: str,
    mention: gazetteer.Mention[gazetteer.Place],
    previous_end: int,
    previous: gazetteer.Place | None = None,
) -> str:
    """ "hit", "origin" (launched from there), "title" (a governor of it), "state" (a capital
    standing for its state: "pressure on Moscow"), "locator" (the
    region a town just named lies in) or "other". A region that is not the one the listed
    town just named lies in ("four died in X and four more in the Y region") is no locator."""
    before = text[max(0, mention.start - 80) : mention.start]
    after = text[mention.end : mention.end + 40]
    if _FROM_SCOPE.search(before) or _LAUNCHERS_OVER.search(before):
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
        and (
            previous is None
            or previous.region is None
            or previous.region in (mention.item.name, mention.item.region)
            or mention.item.name not in _oblasts()
        )
    ):
        return "locator"
    if (
        previous is not None
        and previous_end >= 0
        and text[previous_end : mention.start] == ", "
        and (_REGION_WORD.match(after) or _REGION_SUFFIX.search(mention.surface))
        and previous.region == mention.item.name
    ):
        return "locator"  # "Kremenchuk, Poltava Oblast": the region of the town just named
    if _THE_TOWN_IN.search(before[-40:]) and (
        mention.item.kind == "region" or _REGION_WORD.match(after)
    ):
        return "locator"  # "struck the town in the X region": the region of a town told
    if _SPEAKS_AFTER.match(after):
        return "other"
    if mention.item.kind == "city" and _THE_BEFORE.search(before) and _NAME_ENDS.match(after):
        return "other"  # "along the Dnipro": a city takes no article; the river does
    if _TITLE_AFTER.match(after):
        return "title"
    if mention.item.name in _KYIV_METONYM and mention.item.kind == "city":
        if _PLACE_AFTER.match(after):
            return "hit"
        if _PRESSURE_ON.search(before[-40:]):
            return "state"  # "increase pressure on Moscow": the state, whatever the parse says
        preposition = _PLACE_BEFORE.search(before[-40:])
        if preposition and not _METONYM_IN.search(preposition.group(0)):
            return "hit"
        if (
            preposition
            and (_DAMAGE.search(text) or _CASUALTY.search(text))
            and not _METONYM_VERB.match(after)
        ):
            return "hit"
        return "other"
    return "hit"


_THE_BEFORE = re.compile(r"\bthe\s+$", _F)
_NAME_ENDS = re.compile(
    r"^(?:\s*(?:[.;:!?)]|$)|\s*,\s+(?-i:(?![A-Z]))|\s+(?:river|in|at|near|to|from|on|with|as)\b)",
    _F,
)
"""The end of a name's noun phrase ("the Dnipro, the governor said"), not a list of them ("the
Mykolaiv, Kherson and Poltava regions")."""


@lru_cache(maxsize=1)
def _oblasts() -> frozenset[str]:
    """The regions the gazetteer places towns in (not wider areas such as a basin)."""
    return frozenset(p.region for p in gazetteer.places_by_name().values() if p.region)


def sentence_places(text: str) -> list[gazetteer.Place]:
    """The Ukrainian and Russian places a sentence says were hit or targeted."""
    return [m.item for m in _place_mentions(text)]


def _parsed_role(surface: str, parsed: str | None) -> str:
    """The parse decides where it has an answer, except that a region named as the locator
    of a town just named stays a locator, and a capital standing for its state a state."""
    if parsed is None or surface in ("locator", "state"):
        return surface
    if parsed == places.HIT:
        return "hit"
    return "other" if surface == "hit" else surface


_UNLOCATED = places.UNKNOWN_COUNTRY


def _on_target_side(found: list[gazetteer.Place], attacker: str | None) -> list[gazetteer.Place]:
    """A town the sentence calls a settlement and says was hit, without saying where it is
    ("a drone hit a depot in the town of X"), lies on the side the attacker fired at; with no
    attacker known, nothing says which side that is and the town is left out."""
    if not any(p.country == _UNLOCATED for p in found):
        return found
    side = {"UA": "RU", "RU": "UA"}.get(attacker or "")
    return [
        replace(p, country=side or p.country) if p.country == _UNLOCATED else p
        for p in found
        if side is not None or p.country != _UNLOCATED
    ]


def _unlisted(
    text: str,
    doc: Doc,
    found: list[gazetteer.Mention[gazetteer.Place]],
    hits: list[gazetteer.Mention[gazetteer.Place]],
) -> tuple[list[gazetteer.Mention[gazetteer.Place]], set[int]]:
    """Towns the gazetteer lacks that the parse shows were hit and the sentence locates in
    a listed region or lists with listed places (`places.unlisted_towns`), and where the
    regions that locate them are named."""
    known = [(m.start, m.end, m.item.name, m.item.country, m.item.kind) for m in found]
    known += [
        (m.start, m.end, m.surface, m.item.code, "country")
        for m in gazetteer.countries().find(text)
    ]
    hit_names = {m.surface for m in hits}
    out: list[gazetteer.Mention[gazetteer.Place]] = []
    located_at: set[int] = set()
    for town in places.unlisted_towns(doc, known):
        if town.listed_with and not hit_names.intersection(town.listed_with):
            continue
        if town.locator_start >= 0:
            located_at.add(town.locator_start)
        place = gazetteer.Place(town.name, town.country, "city", region=town.region)
        out.append(gazetteer.Mention(place, town.start, town.end, town.name))
    return out, located_at


_SETTLEMENT_WORD = Folded(
    re.compile(
        r"\b(?:Russian|Ukrainian|Russia|Ukraine)\b[^.;]{0,40}\b(?:town|village|city|settlement)\b|\b(?:town|village|city|settlement)\b[^.;]{0,40}\b(?:Russian|Ukrainian|Russia|Ukraine)\b",
        _F,
    ),
    needs=("town", "village", "city", "settlement"),
)
"""A settlement a country's name may locate ("the Russian town of X"): worth a parse even
when the sentence names no listed place."""
_SETTLEMENT_NAMED = Folded(
    re.compile(
        r"\b(?:town|village|city|settlement|port)\s+of\s+(?-i:[A-Z])|"
        r",\s+an?\s+(?:[\w,-]+\s+){0,4}?(?:town|village|city|settlement|port)\b",
        _F,
    ),
    needs=("town", "village", "city", "settlement", "port"),
)
"""A name a settlement noun calls a town ("the town of X", "X, a city of 90,000 people"):
worth a parse, the side the attack was aimed at may place it."""


def _place_mentions(text: str) -> list[gazetteer.Mention[gazetteer.Place]]:
    hits, titles = _place_roles(text)
    return hits + titles


def _place_roles(
    text: str,
) -> tuple[list[gazetteer.Mention[gazetteer.Place]], list[gazetteer.Mention[gazetteer.Place]]]:
    """The places a sentence says were hit, and those named only in an official's title
    ("the Donetsk governor said...")."""
    hits: list[gazetteer.Mention[gazetteer.Place]] = []
    titles: list[gazetteer.Mention[gazetteer.Place]] = []
    previous_end = -1
    previous: gazetteer.Place | None = None
    found = [m for m in gazetteer.places().find(text) if m.item.country in ("UA", "RU")]
    other = _other_spellings(text, found)
    if other:
        # a longer name wins over a listed form inside it ("Stanica Lugansk", not "Lugansk")
        found = [m for m in found if not any(o.start <= m.start and m.end <= o.end for o in other)]
        found = sorted([*found, *other], key=lambda m: m.start)
    doc = (
        nlp.parse(text)
        if found or _SETTLEMENT_WORD.search(text) or _SETTLEMENT_NAMED.search(text)
        else None
    )
    for mention in found:
        role = _place_role(text, mention, previous_end, previous)
        if doc is not None:
            role = _parsed_role(role, places.role(doc, mention.start, mention.end))
        if mention.item.kind == "city" and not mention.item.satellite:
            previous_end = mention.end
            previous = mention.item
        if role == "hit":
            hits.append(mention)
        elif role == "title":
            titles.append(mention)
    if doc is not None:
        towns, located_at = _unlisted(text, doc, found, hits)
        # the region that locates a town just named is its locator, not another target
        locators = {(t.item.region, t.end) for t in towns if t.item.region}
        hits = [
            m
            for m in hits
            if not any(m.item.name == region and m.start > end for region, end in locators)
            and m.start not in located_at
        ]
        hits += towns
    regions_of_hits = {p.item.region for p in hits if p.item.region}
    titles = [t for t in titles if t.item.name not in regions_of_hits]
    return hits, titles


_NAME_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*")
_SPELLING_LETTERS = 4
"""Letters a spelling key needs to stand for a place: shorter keys ("kv", "lv", "ds") are
shared by too many other words."""


def _other_spellings(
    text: str, found: list[gazetteer.Mention[gazetteer.Place]]
) -> list[gazetteer.Mention[gazetteer.Place]]:
    """Places named in another romanisation than the gazetteer's ("Charków", "Chersoniu",
    "Stanica Ługańska" in a feed translated from Polish): a proper noun (one or two
    capitalised words, not a person's name) whose `gazetteer.spelling_key` names one place."""
    words = [m for m in _NAME_WORD.finditer(text) if m.group(0)[0].isupper()]
    if not words:
        return []
    taken = [(m.start, m.end) for m in found]
    keys = gazetteer.places_by_spelling()
    out: list[gazetteer.Mention[gazetteer.Place]] = []
    i = 0
    while i < len(words):
        for width in (2, 1):
            span = words[i : i + width]
            if len(span) < width or (width == 2 and text[span[0].end() : span[1].start()] != " "):
                continue
            start, end = span[0].start(), span[-1].end()
            if any(
                start < e and s < end and (width == 1 or (s, e) == (start, end)) for s, e in taken
            ):
                continue
            surface = text[start:end]
            if surface.isascii() and _DISTRICT_AFTER.match(text, end):
                continue  # "the Podilskyi district": a district of the city, not a town
            key = gazetteer.spelling_key(surface)
            place = keys.get(key)
            if place is None and width == 1:
                place, key = _adjectival_region(text, surface, end, keys)
            if place is None or place.country not in ("UA", "RU"):
                continue
            letters = len(key.replace(" ", ""))
            if letters < _SPELLING_LETTERS and (surface.isascii() and "w" not in surface.lower()):
                continue
            if letters < _SPELLING_LETTERS - 1 and surface.isascii():
                continue  # a two-letter key only for a name in a Polish spelling ("Kijów")
            if letters < 2 or not _proper_noun(text, start, end):
                continue
            out.append(gazetteer.Mention(place, start, end, surface))
            i += width - 1
            break
        i += 1
    return out


_DISTRICT_AFTER = re.compile(r"\s+districts?\b", _F)
_ADJECTIVE_ENDINGS = ("ckiego", "skiego", "cki", "ski", "cka", "ska", "ckij", "skij")
_REGION_AFTER = Folded(
    re.compile(r"\s+(?:circuit|region|oblast|district|province|voivodeship)\b", _F),
    needs=("circuit", "region", "oblast", "district", "province", "voivodeship"),
)


def _adjectival_region(
    text: str, surface: str, end: int, keys: dict[str, gazetteer.Place]
) -> tuple[gazetteer.Place | None, str]:
    """A region named by its adjective, as Polish and Russian do ("the Winnicki region", the
    oblast of Winnica): the adjective ending dropped, before a word for a region."""
    if _REGION_AFTER.match(text, None, end) is None:
        return None, ""
    low = surface.lower()
    for ending in _ADJECTIVE_ENDINGS:
        if low.endswith(ending):
            stem = surface[: len(surface) - len(ending) + (1 if ending[0] == "c" else 0)]
            key = gazetteer.spelling_key(stem)
            return keys.get(key), key
    return None, ""


def _proper_noun(text: str, start: int, end: int) -> bool:
    """Whether the parse reads [start, end) as a name that is not a nationality's. The small
    model often takes a foreign place name for a person's or an organisation's: such a name
    counts only in a place's position (after a preposition, the object of a verb, listed with
    one, or before a word for a region)."""
    tokens = [t for t in nlp.parse(text) if start <= t.idx < end]
    if not tokens or tokens[0].i == 0:
        return False
    if any(t.pos_ not in ("PROPN", "NOUN") or t.ent_type_ == "NORP" for t in tokens):
        return False
    if any(t.ent_type_ in ("PERSON", "ORG") for t in tokens):
        last = tokens[-1]
        return last.dep_ in ("pobj", "dobj", "conj") or (
            last.dep_ == "compound" and _REGION_AFTER.match(text, None, end) is not None
        )
    return True


_CLAUSE_EDGE = Folded(
    re.compile(r"[,;:()]|\s-\s|\b(?:where|which|who|while|as|after|since\s+(?=the|then))\b", _F)
)


@lru_cache(maxsize=512)
def _is_aggregate(text: str) -> bool:
    """A count over many days ("since the start of the war", "every night this summer"): the
    marker must sit in the clause that talks about attacks, not in an aside ("...Lgov, where
    Ukrainian troops have been fighting since August")."""
    if "first time" in text:
        # "for the first time in 51 days" dates the attack against the last one: no span
        text = _FIRST_IN.sub(" ", text)
    lowered = text.lower()
    if _is_front_tally(text, lowered) or _counts_losses(text, lowered):
        return True
    if (
        spans_several_days(text, lowered) or _SECTOR.search(text, lowered)
    ) and not _EVENTFUL.search(text, lowered):
        return True
    answered = _ANSWERED_ATTACKS.search(text)
    if (
        answered is not None
        and not _EVENTFUL.search(text, lowered)
        and find_date(text[: answered.start()], _ANY_DAY).when is When.NONE
    ):
        # "The strike was delivered in response to the terrorist attacks on X": the attacks
        # answered are earlier ones, none told, and the answer names no day of its own
        return True
    found = _AGGREGATE.finditer(text, lowered)
    if "'s" in lowered and _PERIODS_RECORD.search(text, lowered):
        text = _PERIODS_RECORD.sub_spaces(text, lowered)
        lowered = text.lower()
    if _PERIOD_SUPERLATIVE.search(text) and find_date(text, _ANY_DAY).when is When.NONE:
        # "The largest single-night wave this summer exceeded 700 drones": the record of a
        # period, told with no day of its own, is no attack of the news
        text = _PERIOD_SUPERLATIVE.sub(lambda m: " " * len(m.group(0)), text)
        lowered = text.lower()
    if not found or _EVENTFUL.search(text, lowered):
        return False
    for match in found:
        start = max(
            (m.end() for m in _CLAUSE_EDGE.finditer(text, lowered, 0, match.start())), default=0
        )
        edge = _CLAUSE_EDGE.search(text, lowered, match.end())
        if edge is not None and start == 0 and text[edge.start()] == ":":
            edge = None  # a label before a colon ("Weekly update: ...") covers what follows
        elif edge is not None and start == 0 and _OPENING.fullmatch(text[: match.start()]):
            # a period that opens the sentence ("Over the same week, ...") spans its clause,
            # past a speech tag ("Over the past seven days, he wrote, Russia launched ...")
            after = edge.end()
            edge = _CLAUSE_EDGE.search(text, lowered, after)
            while edge is not None and _SPEECH_TAG.fullmatch(text[after : edge.start()]):
                after = edge.end()
                edge = _CLAUSE_EDGE.search(text, lowered, after)
        end = edge.start() if edge else len(text)
        clause = text[start:end]
        if _attack_words(clause) or _CASUALTY.search(clause) or _COUNTISH.search(clause):
            return True
    return False


_SPEECH_TAG = re.compile(
    r"\s*(?:(?:he|she|they|it|we|officials|(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)\s+(?:said|says|wrote|"
    r"writes|added|adds|noted|notes|stated|reported|told\s+\w+)|by\s+(?:our|their|its|his|her|the"
    r"|one)\s+(?:[\w'-]+\s+){0,6}?(?:count|tally|estimate|reckoning)(?:\s+[\w'-]+){0,6}|"
    r"according\s+to(?:\s+[\w'-]+){1,6})\s*",
    _F,
)
"""A clause that only says who speaks or counts ("he wrote", "the ministry said", "by our
count of daily summaries", "according to the Air Force")."""
_OPENING = re.compile(r"\s*(?:(?:during|over|in|throughout|for|across)\s+)?", _F)
"""What may come before a period that opens the sentence ("During this week, ...")."""
_COUNTISH = Folded(re.compile(r"\d|\b(?:attacks?|assaults?|times|waves?)\b", _F))
_FRONT_TALLY = Gated(
    re.compile(
        r"\b(?:\d[\d,]*|\w+)\s+(air\s*strikes|airstrikes|combat\s+(?:clashes|engagements)|"
        r"(?:guided\s+)?(?:aerial|glide)\s+bombs|assaults|(?:missile|artillery)\s+strikes)\b",
        _F,
    ),
    ("strikes", "combat", "bombs", "assaults"),
)


_EQUIPMENT = Gated(
    re.compile(
        r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
        r"(?:(?:main\s+battle\s+)?(tanks)|armou?red\s+(?:combat\s+)?"
        r"(vehicles)|(?:artillery|air\s+defen[cs]e|multiple\s+rocket\s+launch(?:er)?)\s+"
        r"(systems)|(personnel)|(vehicles))\b",
        _F,
    ),
    ("tanks", "vehicles", "systems", "personnel"),
)
_LOSSES = Folded(re.compile(r"\blo(?:ss|sses|st)\b", _F), needs=("loss", "lost"))


def _counts_losses(text: str, lowered: str) -> bool:
    """A count of one side's battlefield losses ("losses over the day amounted to 950
    personnel, three tanks, 21 artillery systems, 291 drones and 88 vehicles"): the drones
    in it were lost over the front, not sent in one attack. Two kinds of equipment counted,
    or one beside the word "losses", make such a count."""
    kinds = {next(g for g in m.groups() if g) for m in _EQUIPMENT.finditer(text, lowered)}
    return len(kinds) >= 2 or (len(kinds) == 1 and _LOSSES.search(text, lowered) is not None)


_SECTOR = Gated(
    re.compile(r"\b(?:in|on|along|near)\s+the\s+[\w-]+\s+(?:direction|sector|axis)\b", _F),
    ("direction", "sector", "axis"),
)
"""A front sector ("in the Pokrovsk direction"): the counts of a sentence that names one are
the fighting along the front, not a strike."""
_FIRST_IN = re.compile(r"\bfor\s+the\s+first\s+time\s+in\s+(?:\w+\s+){0,2}?\w+\b", _F)


def _is_front_tally(text: str, lowered: str) -> bool:
    if not _PAST_DAY.search(text, lowered) or _EVENTFUL.search(text, lowered):
        return False
    kinds = {match.group(1).split()[-1] for match in _FRONT_TALLY.finditer(text, lowered)}
    return len(kinds) >= 2


_PAST_DAY = Gated(
    re.compile(r"\b(?:(?:over|in|during)\s+the\s+(?:(?:past|last)\s+)?(?:day|24\s+hours))\b", _F),
    ("day", "hours"),
)
"""Two kinds of these over the past day make a front-line tally: the day's counts of air
strikes, bombs dropped or clashes along the front, as a general staff's morning summary gives
them. The drones and missiles counted with
them were used across the front over the day, not sent in one wave."""


@lru_cache(maxsize=1024)
def _is_hedged(text: str) -> bool:
    """A hedge ("could", "warned", "must") with no attack told as done; an attack presupposed
    in a participial adjunct ("Referring to the attacks on X, he said Y must ...") is not
    hedged by the main clause (parsed only when the surface finds a hedge)."""
    lowered = text.lower()
    if has_any(lowered, _DENIAL_STEMS) and _denied(nlp.parse(text)):
        return True
    if _past(text) or not _HEDGE.search(text):
        return False
    if "attack" not in lowered and "strike" not in lowered:
        return True
    return not places.presupposed_attack(nlp.parse(text))


_DENIAL_STEMS = ("denied", "denies", "deny", "rejected", "rejects", "refuted", "dismissed")
_DENIAL_VERBS = frozenset(
    {"deny", "denies", "denied", "denying", "reject", "rejects", "rejected", "refute",
     "refutes", "refuted", "dismiss", "dismisses", "dismissed"}
)  # fmt: skip
_SAYING_VERBS = frozenset(
    {"said", "says", "told", "tells", "claimed", "claims", "insisted", "insists", "added",
     "stated"}
)  # fmt: skip


def _denied(doc: Doc) -> bool:
    """Whether the sentence only reports a denial: its main verb (or the verb a "said" reports)
    is one of denying whose complement tells the attack ("The Kremlin denied that its forces
    had struck the hospital"), with no clause of its own beside it that tells one ("denied
    targeting civilians, but its missiles killed 20" still reports the strike)."""
    for root in (t for t in doc if t.dep_ == "ROOT"):
        verb = root
        if root.lower_ in _SAYING_VERBS:
            verb = next((c for c in root.children if c.dep_ == "ccomp"), root)
        if verb.lower_ not in _DENIAL_VERBS:
            continue
        told = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj", "pcomp")]
        beside = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
        if told and not beside:
            return True
    return False


@lru_cache(maxsize=4096)
def _attack_on_place(text: str) -> bool:
    """An attack the surface words miss, read from the parse: an attack noun aimed at a
    listed Ukrainian or Russian place ("the night and morning attacks of Russian forces on
    X"). Parsed only when the sentence names such a place and an attack word."""
    if "attack" not in text.lower() and "strike" not in text.lower():
        return False
    found = [m for m in gazetteer.places().find(text) if m.item.country in ("UA", "RU")]
    if not found:
        return False
    return places.attack_on(nlp.parse(text), [(m.start, m.end) for m in found])


def _attack_in(text: str, lowered: str | None = None) -> bool:
    lowered = lowered if lowered is not None else text.lower()
    if not has_any(lowered, keywords.STRIKE):
        return False
    if _NO_ATTACK.search(text, lowered):
        # "...but no new strikes on the capital were reported": a denied attack is none
        text = _NO_ATTACK.sub_spaces(text, lowered)
        lowered = text.lower()
    if not _attack_words(text):
        return _attack_on_place(text)
    if not has_any(lowered, _NOT_ATTACK_STEMS):
        return True
    return _attack_words(_NOT_ATTACK.sub_spaces(text, lowered))


def read_facts(
    index: int,
    paragraph: int,
    text: str,
    cue: DateCue,
    memory: Memory,
    continuation: bool,
    after_strong: bool = False,
) -> StrikeFacts | None:
    """The strike facts a sentence states, or None when it says nothing about an attack.

    A `continuation` sentence follows an attack sentence: a toll or damage report there
    ("Sixteen people were injured at the hospital") belongs to that attack."""
    if _is_aggregate(text):
        return None
    attack = not continuation
    lowered = text.lower()
    if _AID.search(text, lowered) and not _HIT.search(text, lowered):
        return None
    hedged = _is_hedged(text)
    mixed = bool(_MIXED.search(text, lowered))
    read = sentence_figures(text, memory)
    figures = {} if mixed else read.values
    hit_mentions, titles = _place_roles(text)
    mentions = hit_mentions + titles
    places = [m.item for m in mentions]
    ru, ua = _attacker_scores(text, lowered)
    ru, ua = ru * 2, ua * 2
    for place in places:
        if place.occupied or place.country == _UNLOCATED:
            continue
        if place.country == "RU":
            ua += 1
        else:
            ru += 1
    attacker = None
    if ru != ua and not mixed:
        attacker = "RU" if ru > ua else "UA"
    if not places and "capital" in lowered:
        capital = _the_capital(text, lowered, attacker)
        if capital is not None:
            places = [capital]
    strong = attack and bool(_past(text) or figures or _ATTACK_ON.search(text, lowered))
    if attack and not strong and not hedged and "air defen" in lowered:
        # "explosions were heard in X as air defences worked to repel an attack": under way
        strong = _AIR_DEFENCE_AT_WORK.search(text, lowered) is not None
    if attack and not strong and not hedged:
        # an attack noun aimed at a place ("the night attacks of Russian forces on X") or
        # dated by a possessive ("Thursday's shelling of a school in X") is told as done
        strong = _STRIKE_POSSESSIVE.search(text) is not None or _attack_on_place(text)
    if not attack and after_strong and ("killed" in figures or "injured" in figures):
        strong = True
    scope = None
    if not _TOTAL_SCOPE.search(text, lowered) and ("killed" in figures or "injured" in figures):
        if len({p.name for p in places}) == 1:
            scope = places[0].name
        elif places:
            scope = _toll_place(text, mentions)
            if scope is None:
                # a toll told for several places at once ("three died in X, four in Y"):
                # its scope is all of them, so a toll for another place adds to it
                scope = _SCOPE_JOIN.join(sorted({p.name for p in places}))
    wave_figures = any(
        k in figures for k in ("drones", "missiles", "drones_downed", "missiles_downed")
    )
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
        wave=attack and (bool(_WAVE.search(text, lowered)) or wave_figures),
        hedged=hedged,
        explicit_attacker=attacker is not None and max(ru, ua) >= 2,
        continuation=continuation,
        scope=scope,
        occupied_target=bool(_OCCUPIED_TARGET.search(text, lowered)),
        reference=bool(_ATTACK_REF.search(text, lowered)),
        updates=set() if mixed else read.updates,
        additions={} if mixed else read.additions,
        superseded=bool(_EARLIER_FIGURE.search(text, lowered)),
        all_downed=frozenset() if mixed or hedged else _all_downed(text, lowered),
        titles=frozenset(t.item.name for t in titles) - {m.item.name for m in hit_mentions},
    )


_ALL_WORDS = ("all ", "every one", "each of")
_DOWN_WORDS = ("down", "intercept", "destroy", "neutrali")


def _all_downed(text: str, lowered: str) -> frozenset[str]:
    if not (has_any(lowered, _ALL_WORDS) and has_any(lowered, _DOWN_WORDS)):
        return frozenset()
    return quantities.all_downed(nlp.parse(text))


_THE_CAPITAL = Folded(
    re.compile(
        r"\b(?:in|on|at|over|across|near|around|hit|struck|targeted|attacked|pounded|shelled)\s+"
        r"the\s+(?:(?P<side>Ukrainian|Russian)\s+)?capital\b(?!\s+of\b)",
        _F,
    ),
    needs=("capital",),
)


def _capital_by_attacker(found: StrikeFacts) -> None:
    """ "99 people were injured in the capital", in a sentence that names no side: the
    capital of the side the story's attacker fired at, and the toll is that city's."""
    lowered = found.text.lower()
    capital = _the_capital(found.text, lowered, found.attacker)
    if capital is None:
        return
    found.places = [capital]
    tolls = "killed" in found.figures or "injured" in found.figures
    if found.scope is None and tolls and not _TOTAL_SCOPE.search(found.text, lowered):
        found.scope = capital.name


def _the_capital(text: str, lowered: str, attacker: str | None) -> gazetteer.Place | None:
    """ "Russian missiles killed nine people in the capital": the capital of the side attacked
    (named by its adjective, else the other side's from the attacker), when the sentence names
    no place of its own."""
    match = _THE_CAPITAL.search(text, lowered)
    if match is None or not _capital_was_hit(text, match.end()):
        return None
    side = (match.group("side") or "").lower()
    if side:
        name = "Kyiv" if side == "ukrainian" else "Moscow"
    elif attacker is not None:
        name = "Kyiv" if attacker == "RU" else "Moscow"
    else:
        return None
    return gazetteer.places_by_name().get(name)


_HIT_WORDS = frozenset(
    {
        "hit", "struck", "targeted", "attacked", "pounded", "shelled", "killed", "injured",
        "wounded", "hurt", "died", "dead", "downed", "destroyed", "intercepted", "damaged",
        "exploded", "fell", "attack", "attacks", "strike", "strikes", "explosions", "blasts",
        "shot", "crashed", "landed",
    }
)  # fmt: skip


def _capital_was_hit(text: str, end: int) -> bool:
    """Whether "the capital" ending at `end` is where the attack landed: its phrase hangs on a
    word of hitting, harm or attack, or is that word's object ("a quiet weekend in the capital
    after Friday's attacks" is not)."""
    doc = nlp.parse(text)
    token = next((t for t in doc if t.idx < end <= t.idx + len(t.text)), None)
    if token is None:
        return False
    for ancestor in list(token.ancestors)[:5]:
        if ancestor.lower_ in _HIT_WORDS:
            return True
        if ancestor.pos_ in ("VERB", "AUX"):
            return False  # the first verb above says what happened there
    return False


_EARLIER_FIGURE = Folded(
    re.compile(
        r"\b(?:earlier|initial|first|preliminary|previous)\s+(?:reports?|figures?|estimates?|"
        r"counts?|data|information)\s+(?:had\s+)?(?:put|said|gave|given|showed|spoke|suggested|"
        r"indicated)\b|\b(?:had\s+)?(?:initially|earlier|previously|at\s+first)\s+(?:put|"
        r"reported|said|gave|counted|spoke)\b",
        _F,
    ),
    needs=("earlier", "initial", "first", "preliminary", "previous"),
)
"""A figure told as the one given before ("earlier reports had put the toll at 12", "the
governor had initially said 9"), which the article's current figure supersedes."""


def _toll_place(text: str, mentions: list[gazetteer.Mention[gazetteer.Place]]) -> str | None:
    """The place a toll in a sentence naming several places belongs to: the one named just
    before it ("Cherkasy, where one person died, and the Kharkiv region")."""
    toll = _CASUALTY.search(text)
    if toll is None:
        return None
    before = [m for m in mentions if m.end <= toll.start() and toll.start() - m.end <= 60]
    if not before:
        return None
    last = before[-1]
    listed = [last]
    earlier = [m for m in mentions if m.end <= last.start]
    while earlier and _LIST_GAP.fullmatch(text, earlier[-1].end, listed[-1].start):
        listed.append(earlier.pop())
    if len(listed) > 1:
        # "struck X and Y overnight, killing two": the toll is told for the whole list
        return _SCOPE_JOIN.join(sorted({m.item.name for m in listed}))
    return last.item.name


_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+(?:the\s+)?(?:cities\s+of\s+)?")


_ATTACK_REF = Gated(
    re.compile(
        r"\b(?:the|these|those|this|that|last\s+night's|overnight|night\s+of)\s+(?:\w+\s+){0,2}?"
        r"(?:attacks?|strikes?|barrage|bombardment|raids?|assault|shelling)\b",
        _F,
    ),
    ("attack", "strike", "barrage", "bombard", "raid", "assault", "shelling"),
)
_ATTACK_ON = Folded(
    re.compile(
        r"\b(?:attacks?|strikes?|raids?)\s+(?:on|against)\s+(?:the\s+)?(?:(?-i:[A-Z])\w+|city|capital|"
        r"energy|infrastructure|residential|civilian|power|port|village|town|hospital|apartment|"
        r"airfields?|air\s+bases?|refiner\w*|oil|depots?)",
        _F,
    ),
    needs=("attack", "strike", "raid"),
)
_STRIKE_POSSESSIVE = re.compile(
    r"\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)'s\s+(?:\w+\s+){0,3}?"
    r"(?:strikes?|attacks?|barrage|bombardment|shelling|raids?|assault|fire\s+by|firing)\b",
    _F,
)


_CAUSE = re.compile(
    r"\b(?:(?:in\s+)?(?:response|retaliation|revenge|reprisal|reply)\s+(?:to|for)|to\s+avenge)\s+"
    r"[^,;.]*?\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[^,;.]*",
    _F,
)


def _without_cause(text: str) -> str:
    """`text` without the dated cause an attack answers, if it names one (else `text`)."""
    cause = _CAUSE.search(text) if "day" in text else None
    return text if cause is None else text[: cause.start()] + text[cause.end() :]


def strike_cue(text: str, cue: DateCue, today: dt.date) -> DateCue:
    """The day an attack sentence puts its attack on: "Monday's missile strikes" wins over
    the day of the mourning or the statement the sentence also mentions; the day of the
    cause an attack answers ("in response to Saturday's blast") is not the attack's."""
    rest = _without_cause(text)
    if rest is not text:
        return strike_cue(rest, find_date(rest, today), today)
    match = _STRIKE_POSSESSIVE.search(text) if "day's" in text else None
    if match is None:
        if "'s" in text and _TODAYS_STRIKE.search(text):
            # "this morning's missile attack", "last night's strikes": the reference day
            return DateCue(When.DATE, today, False)
        if "day's" in text:
            cue = _occasion_day(text, cue, today)
        cue = _update_day(text, cue, today)
        return _weekday_night(text, _attack_clause_day(text, cue, today), today)
    return find_date(match.group("day"), today)


_OCCASION_POSSESSIVE = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)'s\s+(?:[\w-]+\s+){0,3}?"
    r"(?:session|meeting|briefing|address|speech|statement|talks|summit|hearing|vote|"
    r"conference|interview|debate|remarks)\b",
    _F,
)


_UPDATE_DAY = Folded(
    re.compile(
        r"\b(?:rose|risen|climbed|increased|grew|jumped|stood|reached)\s+(?:to\s+)?(?:at\s+least\s+)?"
        r"[\w,]+(?:\s+[\w-]+){0,3}?\s+(?P<day>(?:on|by)\s+(?:Monday|Tuesday|Wednesday|Thursday|"
        r"Friday|Saturday|Sunday))\b",
        _F,
    ),
    needs=("rose", "risen", "climbed", "increased", "grew", "jumped", "stood", "reached"),
)


def _update_day(text: str, cue: DateCue, today: dt.date) -> DateCue:
    """ "The toll from a strike on X rose to 10 on Sunday": the day a toll reached a figure is
    the day of the count, not of the attack; the attack takes what the rest says (else the
    story's day)."""
    if cue.when is not When.DATE or cue.calendar:
        return cue
    match = _UPDATE_DAY.search(text)
    if match is None:
        return cue
    return find_date(text[: match.start("day")] + text[match.end("day") :], today)


def _occasion_day(text: str, cue: DateCue, today: dt.date) -> DateCue:
    """ "At Tuesday's Security Council session, the envoy said a missile ...": a day owned by
    a meeting, a speech or a briefing is the day of that occasion, as "said on Tuesday" is
    the day of the statement; the attack takes what the rest of the sentence says."""
    if cue.when is not When.DATE or cue.calendar:
        return cue
    match = _OCCASION_POSSESSIVE.search(text)
    if match is None:
        return cue
    return find_date(text[: match.start()] + text[match.end() :], today)


_WEEKDAY_NIGHT = Folded(
    re.compile(
        r"\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?\s+"
        r"(?:late\s+)?night\b(?!\s*(?:'s\s+)?(?:video\s+|televised\s+|nightly\s+)?(?:address|"
        r"speech|statement|message|interview|briefing|call|meeting|talks))",
        _F,
    ),
    needs=("night",),
)
_WEEKDAY_INTO_NIGHT = Folded(
    re.compile(
        r"\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:evening\s+|"
        r"afternoon\s+)?(?:and|into|through)\s+(?:overnight|the\s+night|the\s+early\s+hours)\b",
        _F,
    ),
    needs=("overnight", "night", "early hours"),
)
"""An attack "on Wednesday evening and overnight" ran past midnight, like a night attack."""
_BEFORE_MIDNIGHT = Folded(
    re.compile(
        r"\b(?:before|until|by)\s+midnight\b|\b(?:at|by|around|about|before|until|shortly\s+"
        r"after|just\s+after)\s+(?:[6-9]|1[01])(?:[:.]\d\d)?\s*(?:p\.?m\b\.?|in\s+the\s+evening)|"
        r"\b(?:at|by|around|about|before|until)\s+(?:1[89]|2[0-3])[:.h]\d\d\b",
        _F,
    ),
    needs=("midnight", "pm", "p.m", "evening", ":", "."),
)


def _weekday_night(text: str, cue: DateCue, today: dt.date) -> DateCue:
    """ "a massive attack on Saturday night": a night attack runs past midnight, and the GUIDE
    dates an overnight attack by the morning it ended, so the day after the weekday named,
    unless the sentence says it was over before midnight ("by 11 p.m.", "before midnight")."""
    if cue.when is not When.DATE or cue.calendar or cue.date is None or "night" not in text:
        return cue
    match = _WEEKDAY_NIGHT.search(text) or _WEEKDAY_INTO_NIGHT.search(text)
    if match is None or _BEFORE_MIDNIGHT.search(text) is not None:
        return cue
    if (cue.date.weekday() - _WEEKDAY_INDEX[match.group("day").lower()]) % 7 != 0:
        return cue  # the day found is another day the sentence names
    morning = cue.date + dt.timedelta(days=1)
    if morning > today:
        return cue  # reported that same evening: the night is not over yet
    return DateCue(When.DATE, morning)


_WEEKDAY_INDEX = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip


_AFTER_CLAUSE = re.compile(r"\b(?:after|when)\s", _F)


def _attack_clause_day(text: str, cue: DateCue, today: dt.date) -> DateCue:
    """ "Residents spent Monday clearing debris after a missile struck the city on Saturday":
    of two days in one sentence, the attack takes the one of the clause (after, when) that
    tells the attack, not the day of its aftermath or of the report."""
    if cue.when is not When.DATE or ("after" not in text and "when" not in text):
        return cue
    for match in _AFTER_CLAUSE.finditer(text):
        head, tail = text[: match.start()], text[match.end() :]
        tail_cue = find_date(tail, today)
        if (
            tail_cue.when is When.DATE
            and tail_cue.date is not None
            and tail_cue.date != cue.date
            and tail_cue.date <= today
            and find_date(head, today).when is When.DATE
            and _attack_in(tail)
            and not _attack_in(head)
        ):
            return tail_cue
    return cue


_TODAYS_STRIKE = re.compile(
    r"\b(?:this\s+morning|today|tonight|last\s+night|this\s+afternoon|this\s+evening)'s\s+"
    r"(?:\w+\s+){0,3}?(?:strikes?|attacks?|barrage|bombardment|shelling|raids?|assault)\b",
    _F,
)
_DAY_NUMBERS = r"one|two|three|four|five|six|seven|[1-7]"
"""Counts of days a span after an attack is told in (the keys of `_DAY_WORDS`)."""
_FEW_WORDS = r"(?:[\w'’-]+\s+){0,6}?"
_ATTACK_NOUNS = r"attacks?|strikes?|barrage|bombardment|shelling|raids?"
_WEAPON_NOUNS = r"drones?|missiles?|rockets?|bombs?"
_DAYS_AFTER = Folded(
    re.compile(
        rf"\b(?P<n>a|the|{_DAY_NUMBERS})\s+days?\s+after\s+{_FEW_WORDS}"
        rf"(?:{_ATTACK_NOUNS}|launched|fired|struck|hit|attacked|pounded|shelled|{_WEAPON_NOUNS}|"
        r"Shaheds?)\b",
        _F,
    ),
    needs=("after",),
)
_DAY_WORDS = {
    "a": 1, "the": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    **{str(n): n for n in range(1, 8)},
}  # fmt: skip


def _days_after(text: str, cue: DateCue) -> DateCue:
    """ "...had power again on Saturday, a day after Russia fired 76 missiles": the day named
    is that of the aftermath; the attack was the given number of days before it."""
    if cue.when is not When.DATE or cue.date is None or "after" not in text:
        return cue
    match = _DAYS_AFTER.search(text)
    if match is None:
        return cue
    days = _DAY_WORDS[match.group("n").lower()]
    return DateCue(When.DATE, cue.date - dt.timedelta(days=days), cue.calendar)


def _recalled_days_before(text: str, day: dt.date) -> DateCue:
    """ "The strike came a day after Russia's biggest attack in months, in which 120 missiles
    were launched": with no day of its own, a sentence whose weapon counts are told of an
    attack some days "after" which the story's attack came counts that earlier attack, on
    the story's day less those days."""
    if "after" not in text:
        return NO_CUE
    match = _DAYS_AFTER.search(text)
    if (
        match is not None
        and (
            match.start() == 0  # a clause of its own: "..., a day after Moscow launched ..."
            or _FIGURE_HINT.search(text[match.start() :])
            or _CASUALTY.search(text[match.start() :])
        )
    ):
        days = _DAY_WORDS[match.group("n").lower()]
        return DateCue(When.DATE, day - dt.timedelta(days=days))
    longer = _SPAN_AFTER.search(text)
    if longer is not None and not find_numbers(text[: longer.start()]):
        tail = text[longer.start() :]
        if _FIGURE_HINT.search(tail) or _CASUALTY.search(tail):
            # "The attack came two weeks after a strike on the same district killed 11":
            # that toll is of an earlier strike the article does not date
            return DateCue(When.VAGUE)
    return NO_CUE


_SPAN_AFTER = Folded(
    re.compile(
        r"(?:\b(?:a|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:weeks?|months?|years?)|"
        rf"(?<![\w\s])\s*(?:days|weeks|months))\s+after\s+{_FEW_WORDS}(?:{_ATTACK_NOUNS})\b",
        _F,
    ),
    needs=("after",),
)


@dataclass(slots=True)
class _Context:
    date_key: object
    attacker: str | None
    paragraph: int
    last_strong: int = -100
    last_index: int = -100


def _date_key(cue: DateCue, ctx: _Context, lead: dt.date, index: int) -> object:
    if cue.when is When.DATE and cue.date is not None:
        return cue.date
    if cue.when is When.PREVIOUS:
        base = ctx.date_key if isinstance(ctx.date_key, dt.date) else lead
        return base - dt.timedelta(days=1)
    if cue.when is When.VAGUE:
        return f"vague-{index}"
    return ctx.date_key


def lead_date(
    sentences: list[Sentence],
    cues: Cues,
    today: dt.date,
    titled: bool = False,
    attack: list[bool] | None = None,
) -> tuple[dt.date, bool]:
    """The day of the attack the article leads with, and whether the article says so (else it
    is the publication day by default). A dated headline about an attack decides; otherwise
    the first sentence reporting an attack, with the day it or the sentences around it give.
    `attack` says which sentences report an attack (`_attacks`), when the caller knows."""
    if attack is None:
        attack = _attacks(sentences)
    if titled and sentences and sentences[0].paragraph == 0:
        title = sentences[0].text
        cue = strike_cue(title, cues[0], today)
        if (
            _attack_in(title, sentences[0].lower)
            and cue.when is When.DATE
            and cue.date is not None
            and cue.date <= today
        ):
            return cue.date, True
    context: DateCue = NO_CUE
    paragraph = -1
    for sentence in sentences:
        text = sentence.text
        if sentence.paragraph > paragraph + 1:
            context = NO_CUE
        if not attack[sentence.index] or _is_aggregate(text) or _is_hedged(text):
            continue
        cue = strike_cue(text, cues[sentence.index], today)
        if (
            context.date is not None
            and 0 < (today - context.date).days <= _NIGHT_BACK_DAYS
            and anaphoric_night(text, cue, today)
        ):
            cue = NO_CUE  # "during the night": the night of the day just named
        paragraph = sentence.paragraph
        if cue.when is When.DATE and cue.date is not None and cue.date <= today:
            context = cue
        if not (_past(text) or _FIGURE_HINT.search(text) or _STRIKE_POSSESSIVE.search(text)):
            continue  # an attack dated by a possessive ("Thursday's shelling") is over
        if cue.when is When.NONE and context.date is not None:
            cue = context
        if cue.when is When.DATE and cue.date is not None and cue.date <= today:
            return cue.date, True
        if cue.when is When.NONE:
            later = _later_date(sentences, cues, sentence.index, today)
            return (later, True) if later else (today, False)
        return today, False
    return today, False


def _pluperfect(text: str) -> bool:
    """Whether the main verb is in the past perfect ("On Sunday, the air force had counted
    298 drones"): an event before the one the story tells, not its day."""
    if "had " not in text:
        return False
    return any(
        t.dep_ == "ROOT" and t.tag_ == "VBN" and any(c.lower_ == "had" for c in t.children)
        for t in nlp.parse(text)
    )


_NIGHT_BACK_DAYS = 2
"""How far back from the report the day of a story can lie for its "during the night" to mean
that day's night rather than the last one."""


def _later_date(
    sentences: list[Sentence], cues: Cues, start: int, today: dt.date
) -> dt.date | None:
    """A day given a little further on ("Thursday's strikes came hours after...")."""
    first = sentences[start]
    for sentence in sentences[start + 1 : start + 12]:
        if sentence.paragraph > first.paragraph + 2:
            break
        toll = (  # "... a father and his son were killed in their home on Sunday"
            sentence.paragraph == first.paragraph
            and _CASUALTY.search(sentence.text, sentence.lower) is not None
        )
        if not (toll or _attack_in(sentence.text, sentence.lower)):
            continue
        cue = strike_cue(sentence.text, cues[sentence.index], today)
        if (
            cue.when is When.DATE
            and cue.date is not None
            and cue.date <= today
            and not _is_aggregate(sentence.text)
            and not _pluperfect(sentence.text)
        ):
            return cue.date
    for sentence in sentences:
        if "day's" not in sentence.text:
            continue
        match = _STRIKE_POSSESSIVE.search(_without_cause(sentence.text))
        if match is not None:
            found = find_date(match.group("day"), today)
            if found.date is not None and found.date <= today:
                return found.date
    return None


_FIGURE_HINT = Folded(
    re.compile(r"\d+\s+(?:\w+\s+){0,3}(?:drones|missiles|Shaheds)\b", _F),
    needs=("drones", "missiles", "shaheds"),
)


def extract_strikes(
    sentences: list[Sentence],
    cues: Cues,
    today: dt.date,
    local_hour: int = 12,
    titled: bool = False,
) -> list[StrikeDraft]:
    """Strike drafts in order of first mention; `local_hour` is the Kyiv hour of publication,
    `titled` says the first paragraph is the headline."""
    attack = _attacks(sentences)
    lead, lead_given = lead_date(sentences, cues, today, titled, attack)
    facts = _read_all(sentences, cues, lead, today, attack)
    if titled:
        for fact, _ in facts:
            fact.headline = fact.paragraph == 0
        facts = _headline_on_body_days(facts)
    drafts = _assemble(facts)
    if local_hour >= 21 and any(_DAYTIME.search(s.text) for s in sentences if attack[s.index]):
        local_hour = MORNING_HOUR  # the attack is told as a daytime one: no overnight to date
    if local_hour < EARLY_HOUR and _names_today(sentences, cues, today):
        local_hour = EARLY_HOUR  # the piece is written in the new day: see `_finish`
    return _finish(drafts, lead, lead_given, today, local_hour)


def _headline_on_body_days(
    facts: list[tuple[StrikeFacts, object]],
) -> list[tuple[StrikeFacts, object]]:
    """A headline's attack that names no day of its own is the one the body tells by the same
    attacker ("Odesa toll rises to 20; Russia says it downed 35 Ukrainian drones": the drones
    are the body's attack of the night after, not the strike on Odesa's day)."""
    out: list[tuple[StrikeFacts, object]] = []
    for fact, key in facts:
        if fact.headline and fact.cue.when is When.NONE and fact.attacker is not None:
            told = [
                body_key
                for body, body_key in facts
                if not body.headline and body.attacker == fact.attacker and body.strong
            ]
            if told and key not in told:
                key = told[0]
        out.append((fact, key))
    return out


def _names_today(sentences: list[Sentence], cues: Cues, today: dt.date) -> bool:
    """Whether a piece names its own publication day by its weekday ("Friday's explosion",
    "on Friday"): written in the small hours, it already tells that day's news."""
    name = _WEEKDAY_NAMES[today.weekday()]
    return any(
        name in s.text and cues[s.index].when is When.DATE and cues[s.index].date == today
        for s in sentences
    )


_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_SIMULTANEOUS = re.compile(
    r"^\s*(?:Even\s+)?(?:As|While)\s+(?:the\s+|a\s+)?[^,;]{2,60}?\b(?:talked|met|negotiated|"
    r"spoke|sat|gathered|convened|(?:were|was)\s+(?:talking|meeting|negotiating|speaking|"
    r"sitting|gathering|holding))\b[^,;]{0,50},"
)
"""An attack sentence that opens on the story's own event going on ("As the negotiators
talked, ...", "While the leaders met in X, ..."): the attack is of the story's day."""
_LIVE_STAMP = re.compile(r"^\s*(?:[01]?\d|2[0-3])[:.][0-5]\d\s*(?:GMT|UTC|CET|EET|EEST)?\s*[-:|]\s")
"""The clock time that opens an entry of a live page ("16:30 - Explosions in X"): each
entry is that day's news, however deep in the page."""

_DAYTIME = Folded(
    re.compile(
        r"\b(?:in\s+the\s+(?:afternoon|morning)|this\s+(?:afternoon|morning)|at\s+(?:noon|midday|"
        r"lunchtime)|during\s+the\s+day|in\s+broad\s+daylight|earlier\s+(?:today|in\s+the\s+day))\b",
        _F,
    ),
    needs=("afternoon", "morning", "noon", "midday", "lunchtime", "day", "daylight"),
)
"""An attack sentence placing the attack in the day's light hours."""


def _attacks(sentences: list[Sentence]) -> list[bool]:
    """Which sentences report an attack: an attack stem found by the keyword scan, and
    `_attack_in`. The scan (`Sentence.keys`) runs last, where the cheaper tests pass."""
    attack = [
        bool(s.occurs & keywords.STRIKE_BIT)
        and _attack_in(s.text, s.lower)
        and s.has(keywords.STRIKE_BIT)
        for s in sentences
    ]
    for i, sentence in enumerate(sentences):
        if not attack[i] and _BLASTS.search(sentence.text, sentence.lower):
            # explosions in a place, with air defences at work beside them, are an attack
            near = sentences[max(0, i - 1) : i + 2]
            if any(_AIR_DEFENCE_AT_WORK.search(n.text, n.lower) for n in near) and any(
                m.item.country in ("UA", "RU") for m in gazetteer.places().find(sentence.text)
            ):
                attack[i] = True
    return attack


_NO_ATTACK = Folded(
    re.compile(
        r"\bno\s+(?:new\s+|further\s+|other\s+|more\s+|fresh\s+)?(?:missile\s+|drone\s+)?"
        r"(?:strikes?|attacks?|explosions?|blasts?|hits?|shelling|impacts?)\b[^,;.]*",
        _F,
    ),
    needs=("no ",),
)
_BLASTS = Folded(re.compile(r"\b(?:explosions?|blasts?)\b", _F), needs=("explosion", "blast"))
_AIR_DEFENCE_AT_WORK = Folded(
    re.compile(
        r"\bair\s+defen[cs]es?\s+(?:units?\s+|systems?\s+|forces?\s+)?(?:(?:were|was|are|is|"
        r"had\s+been|have\s+been)\s+(?:working|active|operating|in\s+action|engaged|repelling)|"
        r"worked\s+to\s+repel|repelled|went\s+into\s+action)\b",
        _F,
    ),
    needs=("air defen",),
)


def _near(attack: list[bool]) -> list[bool]:
    """Sentences from two before to four after an attack sentence."""
    near = [False] * len(attack)
    for i, is_attack in enumerate(attack):
        if is_attack:
            for j in range(max(0, i - 2), min(len(attack), i + 5)):
                near[j] = True
    return near


def _read_all(
    sentences: list[Sentence], cues: Cues, lead: dt.date, today: dt.date, attack: list[bool]
) -> list[tuple[StrikeFacts, object]]:
    out: list[tuple[StrikeFacts, object]] = []
    memory = Memory()
    ctx = _Context(date_key=lead, attacker=None, paragraph=-1)
    article_attacker: str | None = None
    near = _near(attack)
    attack_paragraph = -1
    for sentence in sentences:
        i = sentence.index
        text = sentence.text
        cue = cues[i]
        if (
            isinstance(ctx.date_key, dt.date)
            and i - ctx.last_index <= 2
            and 0 < (today - ctx.date_key).days <= _NIGHT_BACK_DAYS
            and anaphoric_night(text, cue, today)
        ):
            cue = NO_CUE  # "during the night": the night of the attack just told
        if sentence.paragraph != ctx.paragraph:
            ctx.paragraph = sentence.paragraph
            ctx.attacker = None
            if i - ctx.last_strong > 3 or cue.when is not When.NONE:
                ctx.date_key = lead
            memory.new_paragraph()
        if attack[i]:
            pieces = [
                piece
                for whole in _clauses_by_date(text, cue, today)
                for piece in _halves_by_attacker(*whole, today)
            ]
            attack_paragraph = sentence.paragraph
        elif (
            sentence.occurs & keywords.FOLLOW_UP_BITS
            and (near[i] or i - ctx.last_index <= 4 or _ATTACK_REF.search(text, sentence.lower))
            and not _other_story(sentences, i, attack_paragraph)
            and (
                _CASUALTY.search(text, sentence.lower)
                or _DAMAGE.search(text, sentence.lower)
                or _DOWNED_OF_THEM.search(text, sentence.lower)
                or (i - ctx.last_index == 1 and _DOWNED_BARE.search(text, sentence.lower))
                or (
                    sentence.paragraph == attack_paragraph and _MEDICAL.search(text, sentence.lower)
                )
            )
            and sentence.has(keywords.FOLLOW_UP_BITS)
        ):
            pieces = [(text, cue)]
        else:
            revision = (
                _revised_toll(text, out[-1][0]) if out and out[-1][0].index == i - 1 else None
            )
            if revision is not None:
                out.append((revision, out[-1][1]))
                ctx.last_index = i
            continue
        main_key: object = None
        for text, piece_cue in pieces:
            possessive = strike_cue(text, piece_cue, today)
            if attack[i] or (possessive is not piece_cue and _dates_an_attack(text)):
                piece_cue = possessive
            elif not piece_cue.calendar:
                piece_cue = NO_CUE
            piece_cue = _days_after(text, piece_cue)
            recalled = False
            if piece_cue.when is When.NONE and isinstance(ctx.date_key, dt.date):
                piece_cue = _recalled_days_before(text, ctx.date_key)
                recalled = piece_cue.when is not When.NONE
            found = read_facts(
                i,
                sentence.paragraph,
                text,
                piece_cue,
                memory,
                not attack[i],
                i - ctx.last_strong <= 3,
            )
            if found is None:
                continue
            found.recalled = recalled
            if (
                len(pieces) > 1
                and out
                and out[-1][0].index == i
                and not found.places
                and _SAME_PLACE.search(text)
            ):
                # "Bombs hit X on Wednesday, and a missile struck the city overnight": the
                # clause's "the city" is the place the clause before it named
                found.places = list(out[-1][0].places)
            key = _date_key(piece_cue, ctx, lead, i)
            if piece_cue.when is When.NONE and found.places and out:
                key = _clause_told_on(out, found, key)
            if piece_cue.when is When.NONE and found.reference and not found.figures:
                # "called the attack on X 'terrorism'": the attack on X the story has told
                key = _told_on(out, found, key)
            if not recalled:  # an attack recalled in passing does not move the story
                ctx.date_key = key
            if found.attacker is None:
                found.attacker = ctx.attacker or article_attacker
            elif found.explicit_attacker:
                article_attacker = article_attacker or found.attacker
            found.places = _on_target_side(found.places, found.attacker)
            if not found.places and found.attacker and "capital" in sentence.lower:
                _capital_by_attacker(found)
            ctx.attacker = found.attacker
            ctx.last_index = i
            if found.strong:
                ctx.last_strong = i
            out.append((found, key))
            if main_key is None and not recalled:
                main_key = key
        if main_key is not None and len(pieces) > 1:
            # a later clause with a day of its own compares or recalls another attack
            # ("..., surpassing the raid earlier in July"): the story stays on the main one
            ctx.date_key = main_key
    return out


def _dates_an_attack(text: str) -> bool:
    """Whether a sentence that tells no attack of its own still dates one ("Monday's strike
    killed 12"); "Earlier on Friday night, officials had put the toll at 14" dates a
    statement."""
    return ("day's" in text and _STRIKE_POSSESSIVE.search(text) is not None) or (
        "'s" in text and _TODAYS_STRIKE.search(text) is not None
    )


def _halves_by_attacker(text: str, cue: DateCue, today: dt.date) -> list[tuple[str, DateCue]]:
    """ "Russian drones hit Odesa; Moscow says it downed 89 drones": two halves of a sentence
    joined by a semicolon that name opposite attackers, or one an attacker and the other
    none, tell two attacks."""
    if "; " not in text:
        return [(text, cue)]
    halves = text.split("; ")
    sides = [_attacker_scores(half) for half in halves]
    told = {("RU" if ru > ua else "UA") for ru, ua in sides if ru != ua}
    if (len(told) == 2 and not any(ru == ua for ru, ua in sides)) or (
        len(told) == 1
        and all(ru == ua == 0 for ru, ua in sides if ru == ua)
        and all(_attack_in(half) or _CASUALTY.search(half) for half in halves)
    ):
        # "Odesa toll rises to 20; Russia says it downed 35 Ukrainian drones": a half that
        # names its attacker does not lend it to a half that names none, nor a day to one
        # that names none ("Friday's toll rises; Russia says 14 killed in Belgorod")
        if cue.when is When.NONE:
            return [(half, cue) for half in halves]
        return [
            (half, cue if find_date(half, today).when is not When.NONE else NO_CUE)
            for half in halves
        ]
    return [(text, cue)]


def _clause_told_on(
    out: list[tuple[StrikeFacts, object]], found: StrikeFacts, key: object
) -> object:
    """An undated sentence right after one that told two attacks on two days (the toll of
    one, "as" a new one hit another place) is about the attack whose place it names."""
    last = out[-1][0].index
    prior = [(fact, fact_key) for fact, fact_key in out if fact.index == last]
    if len({fact_key for _, fact_key in prior}) < 2:
        return key
    names = {p.name for p in found.places}
    told = {fact_key for fact, fact_key in prior if names & {p.name for p in fact.places}}
    return told.pop() if len(told) == 1 else key


def _told_on(out: list[tuple[StrikeFacts, object]], found: StrikeFacts, key: object) -> object:
    """The day of the latest attack told on one of the places a bare reference names (no day,
    no figure of its own), or `key` when no attack on them was told."""
    names = {p.name for p in found.places}
    for fact, fact_key in reversed(out):
        if names & {p.name for p in fact.places} and fact.strong and not fact.reference:
            return fact_key
    return key


_REVISED_TO = Folded(
    re.compile(
        r"\b(?:raised|revised|updated|corrected|increased|lowered|put|brought)\s+(?:(?:up|down)\s+)?"
        r"(?:the|this|that|its|his|her)\s+(?:figure|number|toll|tally|count|estimate)\s+"
        r"(?:(?:up|down)\s+)?(?:to|at)\s+(?P<rest>[^,;:()]+)|"
        r"\b(?:the|this|that)\s+(?:figure|number|toll|tally|count|estimate)\s+(?:was|has\s+been|"
        r"had\s+been)\s+(?:later\s+|since\s+|then\s+)?(?:raised|revised|updated|corrected|"
        r"increased|lowered)\s+(?:(?:up|down)\s+)?to\s+(?P<rest2>[^,;:()]+)",
        _F,
    ),
    needs=("figure", "number", "toll", "tally", "count", "estimate"),
)


def _revised_toll(text: str, before: StrikeFacts) -> StrikeFacts | None:
    """ "Officials first said 12 were injured. The governor later raised the figure to 17.":
    a bare figure noun (no "of ..." of its own) set to a new count in the sentence right
    after a toll restates that toll, and the new count supersedes it. Only when the sentence
    before gave exactly one kind of toll, so that "the figure" can only mean it."""
    match = _REVISED_TO.search(text)
    if match is None:
        return None
    tolls = [name for name in ("killed", "injured") if name in before.figures]
    if len(tolls) != 1:
        return None
    numbers = find_numbers(match.group("rest") or match.group("rest2") or "")
    if not numbers or numbers[0][1] > _REVISED_NUMBER_START:
        return None
    name = tolls[0]
    return replace(
        before,
        index=before.index + 1,
        text=text,
        figures={name: numbers[0][0]},
        totals=set(),
        places=[],
        strong=False,
        wave=False,
        continuation=True,
        reference=False,
        updates={name},
        superseded=False,
    )


_REVISED_NUMBER_START = 16
"""How far into "to ..." the count may begin: past qualifiers ("at least", "more than")."""


_SAME_PLACE = Folded(
    re.compile(
        r"\b(?:the|that|this)\s+(?:city|town|village|capital|port|region|settlement)(?:'s)?\b|"
        r"\bthere\b",
        _F,
    ),
    needs=("city", "town", "village", "capital", "port", "region", "settlement", "there"),
)
"""A definite noun of a settlement (or "there") that points back to the place just named."""


def _other_story(sentences: list[Sentence], i: int, attack_paragraph: int) -> bool:
    """A follow-up ("As a result, one person died") that comes, in a later paragraph than the
    attack, right after a tally of other events ("76 explosions were recorded in the X region
    during the day") reports the result of that tally, not of the earlier attack."""
    sentence = sentences[i]
    if sentence.paragraph == attack_paragraph or _ATTACK_REF.search(sentence.text, sentence.lower):
        return False
    before = sentences[i - 1] if i > 0 else None
    return (
        before is not None
        and before.paragraph == sentence.paragraph
        and _OTHER_EVENT.search(before.text, before.lower) is not None
    )


_OTHER_EVENT = Folded(
    re.compile(
        r"\b(?:\d[\d,]*|dozens\s+of|several|a\s+series\s+of|a\s+dozen)\s+(?:\w+\s+)?"
        r"(?:explosions|blasts|attacks|assaults|shellings)\b",
        _F,
    ),
    needs=("explosions", "blasts", "attacks", "assaults", "shellings"),
)
"""A tally of events of another kind ("76 explosions were recorded in the X region")."""


_DATE_CLAUSES = Folded(
    re.compile(
        r"[,;]\s+(?:and|but|while|whereas)\s+|;\s+|,\s+(?=(?:when|where|which|after|before|"
        r"a\s+(?:total|figure|number|record)|the\s+(?:previous|last|most|biggest|largest)|"
        r"compared|up\s+from|down\s+from|surpassing|exceeding|beating|breaking|topping|"
        r"eclipsing|more\s+than\s+(?:on|in))\b)",
        _F,
    )
)
_INHERITS = re.compile(r"^\s*(?:when|where|which)\b", _F)


_NEW_ATTACK = Folded(
    re.compile(
        r"(?:[,;]\s+|\s+)as\s+(?=(?:(?:a|an)\s+)?(?:new|fresh|renewed|another|further)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:blasts?|explosions?|strikes?|attacks?|drones?|missiles?|"
        r"shelling|barrage)\b|(?:[\w']+\s+){1,3}?followed\s+(?:it\s+)?up\s+with\b)|"
        r";\s+(?=(?:(?:a|an)\s+)?(?:new|fresh|renewed|another|further)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:blasts?|explosions?|strikes?|attacks?)\b)",
        _F,
    ),
    needs=("as ", ";"),
)
"""A clause that tells a new attack beside the one the sentence reports ("the toll from
Monday's barrage rose to 19, as new blasts hit X"; "X mourns; fresh blasts in Y"; "..., as
Russia followed up with a pre-dawn attack on Y"): another attack, on the report's day
unless the clause names its own."""


_TOLL_AS_ATTACK = Folded(
    re.compile(
        r"\b(?:toll|dead|deaths|casualties|number\s+of\s+(?:people\s+)?(?:killed|dead))\b"
        r"[^,;]{0,60}?\b(?:climbs|rises|rose|climbed|jumps|jumped|reaches|reached|grows|grew|"
        r"mounts|mounted)\b[^;]{0,80}?(?P<as>,?\s+as\s+)(?=(?:"
        r"[\w'-]+\s+){0,3}?(?:strikes?|attacks?|blasts?|explosions?|drones?|missiles?|shelling)"
        r"\s+(?:on|in|hits?|hit|strikes?|struck|kills?|killed|rocks?|rocked|target\w*)\b)",
        _F,
    ),
    needs=("toll", "dead", "deaths", "casualties", "number of"),
)
"""A toll that rises "as" an attack hits another place ("X toll climbs as Russian strike on
Y kills family"): the second clause tells another attack when it names a place of its own."""


def _new_attack_clauses(
    text: str, cue: DateCue, today: dt.date
) -> list[tuple[str, DateCue]] | None:
    match = _NEW_ATTACK.search(text)
    toll_first = False
    if match is not None:
        head, tail = text[: match.start()], text[match.end() :]
    else:
        toll_first = True
        toll = _TOLL_AS_ATTACK.search(text)
        if toll is None:
            return None
        head, tail = text[: toll.start("as")], text[toll.end("as") :]
        told = {p.name for p in sentence_places(head)}
        if not {p.name for p in sentence_places(tail)} - told:
            return None
    if not head.strip() or not tail.strip():
        return None
    tail_cue = find_date(tail, today)
    if tail_cue.when is When.NONE:
        tail_cue = DateCue(When.DATE, today)
    head_cue = find_date(head, today) if cue.when is not When.NONE else cue
    if head_cue.when is When.NONE and toll_first:
        # a toll still rising as the next attack comes is the toll of an earlier one
        head_cue = DateCue(When.PREVIOUS)
    return [(head, head_cue), (tail, tail_cue)]


_RANKED_SINCE_WHEN = re.compile(r"\bsince\s+(?P<day>[^,;.]{3,40}),\s+when\b", _F)


def _clauses_by_date(text: str, cue: DateCue, today: dt.date) -> list[tuple[str, DateCue]]:
    """The sentence whole, or its clauses when they put attacks on different days ("Russia
    launched 598 drones, a total exceeded only on July 9, when it sent 728"): a day named in
    a clause holds for that clause (and a "when..." clause after it), not for the rest."""
    if " as " in text or ";" in text:
        new = _new_attack_clauses(text, cue, today)
        if new is not None:
            return new
    if "after" in text:
        earlier = _earlier_attack_clause(text, cue, today)
        if earlier is not None:
            return earlier
    ranked = _RANKED_SINCE_WHEN.search(text) if "since" in text else None
    if ranked is not None:
        # "the deadliest attack since 31 July, when a strike killed 31": the "when" clause
        # tells the attack the ranking looks back to, on the day after "since"
        tail = text[ranked.start("day") :]
        tail_cue = find_date(tail, today)
        if tail_cue.when is When.DATE:
            return [(text[: ranked.start()], cue), (tail, tail_cue)]
    if cue.when is When.NONE:
        return [(text, cue)]
    parts = [part for part in _DATE_CLAUSES.split(text) if part.strip()]
    if len(parts) < 2:
        return [(text, cue)]
    cues = [find_date(part, today) for part in parts]
    if (
        len({(c.when, c.date) for c in cues if c.when is not When.NONE}) < 2
        and cues[0].when is not When.NONE
    ):
        return [(text, cue)]
    if not _all_clauses(text, parts):
        # "killed a woman, 64, and her son in X on Monday": a noun phrase after ", and" is
        # another object of the same verb, not a clause with a day of its own
        return [(text, cue)]
    out: list[tuple[str, DateCue]] = []
    for part, part_cue in zip(parts, cues, strict=True):
        if part_cue.when is When.NONE and out and _INHERITS.match(part):
            out[-1] = (f"{out[-1][0]}, {part}", out[-1][1])
        else:
            out.append((part, part_cue))
    return out


_DAYS_AFTER_CLAUSE = Folded(
    re.compile(
        rf"(?:,\s+|\s+(?=(?:a|{_DAY_NUMBERS})\s+days?\s+after\s))"
        rf"(?:just\s+|only\s+|barely\s+)?(?:(?:a|the|{_DAY_NUMBERS})"
        r"\s+days?|days|weeks|"
        r"months|(?:a|one|two|three|four|several|a\s+few|\d+)\s+(?:weeks?|months?))\s+after\s",
        _F,
    ),
    needs=("after",),
)


_EARLIER_ATTACK = Folded(
    re.compile(
        rf"\bafter\s+{_FEW_WORDS}(?:{_ATTACK_NOUNS}|{_WEAPON_NOUNS})\b",
        _F,
    ),
    needs=("after",),
)


def _earlier_attack_clause(
    text: str, cue: DateCue, today: dt.date
) -> list[tuple[str, DateCue]] | None:
    """ "Drones hit X overnight, a day after a missile attack on Y killed six": an attack
    told in the head and another "days after" which it came are two attacks; the tail's
    figures, toll and places are the earlier attack's. The tail keeps no day of the head's
    (its own day, if it names one, or none: the reader dates it back from the head's)."""
    match = _DAYS_AFTER_CLAUSE.search(text)
    if match is None:
        return None
    head, tail = text[: match.start()], text[match.start() + 1 :].lstrip()
    if not (_attack_in(head) and (_EARLIER_ATTACK.search(tail) or _attack_in(tail))):
        return None
    tail_cue = find_date(tail, today)
    if tail_cue.when is When.DATE:
        return [(head, find_date(head, today) if cue == tail_cue else cue), (tail, tail_cue)]
    return [(head, cue), (tail, NO_CUE if tail_cue.when is When.NONE else tail_cue)]


def _all_clauses(text: str, parts: list[str]) -> bool:
    """Whether every part after the first has a verb of its own (read from the parse)."""
    doc = nlp.parse(text)
    start = 0
    for n, part in enumerate(parts):
        begin = text.find(part, start)
        if begin < 0:
            return True
        end = begin + len(part)
        start = end
        if n and not any(t.pos_ in ("VERB", "AUX") and begin <= t.idx < end for t in doc):
            return False
    return True


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
        if wave:
            group, apart = _ground_fire_apart(group)
            if apart:
                drafts.extend(_split_by_place(attacker, date, apart))
        if wave or len(towns) <= 1:
            drafts.append(_draft(attacker, date, group))
            continue
        drafts.extend(_split_by_place(attacker, date, group))
    drafts.sort(key=lambda d: d.first)
    return drafts


_GROUND_FIRE = Folded(
    re.compile(
        r"\b(?:shelling|shelled|shells|artillery|mortars?|glide\s+bombs?|guided\s+(?:aerial\s+)?"
        r"bombs?|aerial\s+bombs?|rocket\s+launchers?|tank\s+fire)\b",
        _F,
    ),
    needs=("shell", "artillery", "mortar", "bomb", "rocket launcher", "tank fire"),
)
_AIR_WEAPON = Folded(
    re.compile(r"\b(?:drones?|missiles?|Shaheds?|UAVs?)\b", _F),
    needs=("drone", "missile", "shahed", "uav"),
)


def _ground_fire_apart(
    group: list[StrikeFacts],
) -> tuple[list[StrikeFacts], list[StrikeFacts]]:
    """A wave is one air attack of drones and missiles; shelling, artillery or glide bombs on
    a named place, told after the wave in a paragraph of its own, is a strike of its own the
    same day ("In the Kherson region, Russian shelling killed a woman on Monday afternoon"),
    with the sentences that follow it in its paragraph."""
    wave_paragraphs = {f.paragraph for f in group if f.wave and f.strong}
    first_wave = min(f.index for f in group if f.wave and f.strong)
    apart: list[StrikeFacts] = []
    kept: list[StrikeFacts] = []
    current = -1
    for fact in group:
        own = (
            fact.index > first_wave  # the story leads with the air attack
            and fact.strong
            and not fact.continuation
            and fact.places
            and fact.paragraph not in wave_paragraphs
            and _GROUND_FIRE.search(fact.text) is not None
            and _AIR_WEAPON.search(fact.text) is None
        )
        if own:
            current = fact.paragraph
        elif not (fact.continuation and fact.paragraph == current):
            current = -1
        (apart if current >= 0 else kept).append(fact)
    if not kept:
        return group, []
    return kept, apart


def _located_in(place: gazetteer.Place, locus: str) -> bool:
    """A town the gazetteer lacks that its sentence places by the strike's town ("the
    village of X near Y") belongs to Y's strike."""
    return place.region == locus and place.name not in gazetteer.places_by_name()


def _region_of(town: str | None, name: str) -> bool:
    """Whether `name` is the region `town` lies in: a sentence naming only the region (its
    governor's toll) continues the strike on the town, it is not another strike."""
    if town is None:
        return False
    place = gazetteer.places_by_name().get(town)
    return place is not None and place.region == name and town != name


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
        if (
            towns
            and not _region_of(current, towns[0].name)
            and not _located_in(towns[0], current or "")
        ):
            current = towns[0].name
        loci.setdefault(current or "?", []).append(fact)
    if "?" in loci and len(loci) > 1:
        # what a piece tells before it names any town ("Hroza: 48 killed as strike hits a
        # cafe") is the first strike it then places, not a strike of no place
        leading = loci.pop("?")
        first = next(iter(loci))
        loci[first] = sorted(leading + loci[first], key=lambda f: f.index)
    anchored = any(f.cue.when is When.DATE for f in group)
    drafts = [_draft(attacker, date, facts, locus) for locus, facts in loci.items()]
    for draft in drafts:
        draft.anchored = draft.anchored or anchored
        draft.explicit = draft.explicit or any(f.explicit_attacker for f in group)
    return drafts


_CLAUSE_BREAK = Folded(
    re.compile(
        r",?\s+and\s+(?=(?:also\s+)?(?:hit|struck|shelled|fired|attacked|targeted|pounded)\b)|;\s+",
        _F,
    ),
    needs=("hit", "struck", "shelled", "fired", "attacked", "targeted", "pounded", ";"),
)


def _split_clauses(fact: StrikeFacts) -> list[StrikeFacts]:
    parts = _CLAUSE_BREAK.split(fact.text)
    if len(parts) < 2:
        return [fact]
    return [
        StrikeFacts(
            index=fact.index,
            paragraph=fact.paragraph,
            text=fact.text,
            attacker=fact.attacker,
            cue=fact.cue,
            figures=sentence_figures(part).values,
            totals=set(),
            places=_on_target_side(sentence_places(part), fact.attacker),
            strong=fact.strong,
            wave=False,
            hedged=fact.hedged,
            explicit_attacker=fact.explicit_attacker,
            continuation=fact.continuation,
        )
        for part in parts
    ]


_HABITUAL = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+)?(?:started|begun|been|continued|kept|used|increased|"
    r"stepped\s+up|intensified)\b|\b(?:started|began|begun|continues|continued|keeps|kept)\s+"
    r"\w+ing\b|\b(?:day\s+and\s+night|tactics?|increasingly|pattern|repeatedly|routinely|"
    r"again\s+and\s+again|more\s+and\s+more)\b",
    _F,
)
"""Iterative or habitual aspect ("has started incorporating repeat strikes day and night"): a
pattern of attacks, not one attack on the day of the report."""


def _draft(
    attacker: str, date: dt.date | None, group: list[StrikeFacts], locus: str | None = None
) -> StrikeDraft:
    draft = StrikeDraft(
        attacker,
        date,
        background=False,
        first=group[0].index,
        first_paragraph=group[0].paragraph,
        locus=locus,
        recalled=all(f.recalled for f in group),
        updated=any(f.updates for f in group),
    )
    tolls: dict[str, dict[str | None, int]] = {"killed": {}, "injured": {}}
    stated_totals: set[str] = set()
    strong_at = [f.index for f in group if f.strong]
    earlier: list[StrikeFacts] = []
    done_attack, done_paragraph = -100, -1
    told_in_body = {name for f in group if not f.headline for name in f.figures}
    for fact in group:
        if fact.headline and told_in_body.intersection(fact.figures):
            # a weapon count the body gives too: the headline's is the rounded one ("nearly
            # 100 missiles" over "93 missiles")
            fact = replace(
                fact,
                figures={
                    k: v
                    for k, v in fact.figures.items()
                    if k not in told_in_body or k not in _WEAPON_FIGURES
                },
            )
        draft.strong = draft.strong or fact.strong
        draft.explicit = draft.explicit or fact.explicit_attacker
        draft.occupied_target = draft.occupied_target or fact.occupied_target
        told_done = fact.strong or fact.places
        if told_done and (_past(fact.text) or _told_done(nlp.parse(fact.text))):
            # an attack told as done, and places told as hit (damaged, struck) in the past:
            # in one sentence, or the attack in one and the damage in the next (or, in the
            # same paragraph, the one after)
            if fact.strong:
                done_attack, done_paragraph = fact.index, fact.paragraph
            after = fact.index - done_attack
            if fact.places and (
                after in (0, 1) or (after <= _DAMAGE_AFTER and fact.paragraph == done_paragraph)
            ):
                draft.hit_statement = True
                if (
                    (fact.paragraph <= 2 or _LIVE_STAMP.match(fact.text))
                    and not _HEDGE.search(fact.text)
                    and not _HABITUAL.search(fact.text)
                ):
                    draft.lead_hit = True
        if _LIVE_STAMP.match(fact.text):
            draft.live_entry = True
        if fact.strong and _SIMULTANEOUS.match(fact.text):
            draft.simultaneous = True
        if fact.cue.when is When.DATE:
            draft.anchored = True
            draft.evidence.setdefault("occurred_on", fact.text)
        if fact.superseded:
            earlier.append(fact)
        else:
            _merge_figures(draft, fact, tolls, stated_totals)
        if fact.hedged:
            continue
        if not (fact.strong or fact.reference or any(abs(fact.index - i) <= 6 for i in strong_at)):
            continue
        for place in fact.places:
            if (
                locus is not None
                and locus != "?"
                and place.kind == "city"
                and place.name != locus
                and not _located_in(place, locus)
            ):
                continue
            if place.name not in draft.places:
                draft.places.append(place.name)
                draft.place_countries.append(place.country)
                draft.evidence.setdefault("places", fact.text)
    for kind in {k for f in group if not f.hedged for k in f.all_downed}:
        if f"{kind}_downed" not in draft.figures and kind in draft.figures:
            draft.figures[f"{kind}_downed"] = draft.figures[kind]  # "every one was shot down"
    for fact in earlier:
        for name, value in fact.figures.items():
            if name not in draft.figures and plausible(name, value):
                draft.figures[name] = value
                draft.evidence[name] = fact.text
    located = {p.name: p.region for f in group for p in f.places if p.region}
    for name, scoped in tolls.items():
        if name in stated_totals:
            # a toll told as the total ("bringing the number of wounded to 25") already
            # counts the places told one by one: it is not one more place to add
            continue
        merged = _merge_nested_scopes(scoped, located)
        if merged and None not in merged and len(scoped) >= 2:
            total = sum(merged.values())
            if plausible(name, total):
                draft.figures[name] = total
    for kind in ("drones", "missiles"):
        hit = draft.figures.pop(f"{kind}_hit", None)
        if hit is not None and kind not in draft.figures:
            draft.figures[kind] = hit
    _drop_title_regions(draft, group)
    _prune_places(draft)
    draft.evidence.setdefault("attacker", group[0].text)
    return draft


_DAMAGE_AFTER = 2
"""Sentences after an attack told as done in which its paragraph may still name the places it
hit (the attack, then a word from an official, then "explosions were heard in X and Y")."""


def _told_done(doc: Doc) -> bool:
    return places.reports_done(doc) or places.presupposed_attack(doc)


_SCOPE_JOIN = " + "


def _merge_nested_scopes(
    scoped: dict[str | None, int], located: Mapping[str, str | None] | None = None
) -> dict[str | None, int]:
    """A toll given for a town and one given for the region it lies in are one toll told
    twice ("23 dead in X" and "23 killed in X, Y region"), not two to add up; so are a toll
    for several places and one for a place among them (or a town in one of them). `located`
    gives the region of towns the gazetteer lacks, as their sentences place them."""
    by_name = gazetteer.places_by_name()
    extra = {
        town: gazetteer.Place(town, "", "city", region=region)
        for town, region in (located or {}).items()
        if town not in by_name
    }
    if extra:
        by_name = {**by_name, **extra}
    groups = [s for s in scoped if s is not None and _SCOPE_JOIN in s]
    out: dict[str | None, int] = {}
    parts: dict[str, dict[str, int]] = {}
    for scope, value in scoped.items():
        place = by_name.get(scope) if scope is not None else None
        key: str | None = scope
        if place is not None and place.region is not None and place.region in scoped:
            key = place.region
        if scope is not None and _SCOPE_JOIN not in scope:
            names = {scope, place.region if place is not None else None}
            group = next((g for g in groups if names & set(g.split(_SCOPE_JOIN))), None)
            if group is not None:
                member = scope if scope in group.split(_SCOPE_JOIN) else str(place and place.region)
                told = parts.setdefault(group, {})
                told[member] = max(value, told.get(member, -1))
                key = group
        out[key] = max(value, out.get(key, -1))
    for group, members in parts.items():
        # "15 in X" and "9 in Y" after "more than 20 in X and Y": the places told one by one
        # add up to more than the round figure for the list
        out[group] = max(out[group], sum(members.values()))
    return out


def _merge_figures(
    draft: StrikeDraft,
    fact: StrikeFacts,
    tolls: dict[str, dict[str | None, int]],
    stated_totals: set[str],
) -> None:
    """Largest figure wins, except that a figure given as the total outranks loose ones. A
    figure beyond the plausibility ceiling is dropped and noted in the evidence."""
    for name, value in fact.figures.items():
        if not plausible(name, value):
            note = f"{name} {value} dropped (above the ceiling): {fact.text}"
            draft.evidence.setdefault(IMPLAUSIBLE, note)
            continue
        if name in tolls:
            scoped = tolls[name]
            if value > scoped.get(fact.scope, -1):
                scoped[fact.scope] = value
        if name in fact.updates:
            # "the toll rose to 19", "revised the figure to 43": supersedes what came before
            stated_totals.add(name)
            draft.figures[name] = value
            draft.evidence[name] = fact.text
            continue
        if draft.figures.get(name, -1) == fact.additions.get(name) and name not in stated_totals:
            # the count before is the other type's alone: this one adds to it
            if plausible(name, draft.figures[name] + value):
                draft.figures[name] += value
                draft.evidence[name] = fact.text
            continue
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


_WEAPON_FIGURES = frozenset({"drones", "missiles", "drones_downed", "missiles_downed"})


def _drop_title_regions(draft: StrikeDraft, group: list[StrikeFacts]) -> None:
    """A region named only in the title of an official who reports the attack ("Donetsk
    regional governor X said") is where the town hit lies, not a place hit of its own."""
    by_name = gazetteer.places_by_name()
    regions = {
        place.region
        for name in draft.places
        if (place := by_name.get(name)) is not None and place.region and place.region != name
    }
    dropped = {
        name
        for name in draft.places
        if name in regions
        and all(name in f.titles for f in group if any(p.name == name for p in f.places))
    }
    if dropped:
        kept = [(n, c) for n, c in zip(draft.places, draft.place_countries, strict=True)]
        kept = [(n, c) for n, c in kept if n not in dropped]
        draft.places = [n for n, _ in kept]
        draft.place_countries = [c for _, c in kept]


def _prune_places(draft: StrikeDraft) -> None:
    """Report a suburb, airport town or village under the region it belongs to."""
    by_name = gazetteer.places_by_name()
    names: list[str] = []
    countries: list[str] = []
    for name, country in zip(draft.places, draft.place_countries, strict=True):
        place = by_name.get(name)
        if place is not None and place.satellite and place.region:
            name = place.region
        if name not in names:
            names.append(name)
            countries.append(country)
    draft.places, draft.place_countries = names, countries


MORNING_HOUR = 12
"""Kyiv hour before which an attack of the day before is still the news, not background."""
EARLY_HOUR = 5
"""Kyiv hour before which an article with no time words reports the previous day."""


def _finish(
    drafts: list[StrikeDraft], lead: dt.date, lead_given: bool, today: dt.date, local_hour: int
) -> list[StrikeDraft]:
    recent = {today}
    if (today - lead).days <= 5:
        recent.add(lead)
    if local_hour < MORNING_HOUR:
        # a morning report's news includes the evening before ("late on Friday")
        recent.add(today - dt.timedelta(days=1))
    out: list[StrikeDraft] = []
    for draft in drafts:
        if lead_given and draft.date == lead:
            draft.anchored = True
        undated = (
            not draft.anchored
            and not lead_given
            and draft.date == lead
            and not draft.live_entry
            and not draft.simultaneous
        )
        if undated and draft.first_paragraph > 3:
            # Mentioned deep in a piece about something else, with no day given: the article
            # does not say when this was.
            draft.date = None
        elif undated and local_hour >= 21:
            # Reported late in the evening as under way: an overnight attack, dated to the
            # morning it ends.
            draft.date = today + dt.timedelta(days=1)
            recent.add(draft.date)
        elif undated and local_hour < EARLY_HOUR:
            # Published in the small hours with no word of the night: the day's news that
            # came in before midnight, not an attack of the new day.
            draft.date = today - dt.timedelta(days=1)
            recent.add(draft.date)
        draft.background = (
            draft.date not in recent
            and not (draft.updated and draft.date is not None and (today - draft.date).days <= 1)
        ) or draft.recalled
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
    if figures or IMPLAUSIBLE in draft.evidence:
        return True  # a counted attack, even one whose only count was dropped as implausible
    # a lead that tells an attack as done with no day is the day's news (a dateline story)
    dated = draft.anchored or (draft.lead_hit and draft.date is not None)
    return draft.hit_statement and dated and (draft.explicit or _attacker_by_place(draft))


def _attacker_by_place(draft: StrikeDraft) -> bool:
    """A named place of one side, not held by the other, that came under attack tells who
    fired ("Kremenchuk came under attack overnight" is a Russian strike)."""
    by_name = gazetteer.places_by_name()
    known = [
        by_name.get(name)
        # a town the list lacks, located in Russia: held by no other side
        or (gazetteer.Place(name, "RU", "city") if country == "RU" else None)
        for name, country in zip(draft.places, draft.place_countries, strict=True)
    ]
    if not known or any(p is None or p.occupied for p in known):
        return False
    countries = {p.country for p in known if p is not None}
    return (countries == {"UA"} and draft.attacker == "RU") or (
        countries == {"RU"} and draft.attacker == "UA"
    )
