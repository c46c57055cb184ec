"""Negotiation events: talks, calls and summits between the sides or with a mediator.

Each clause that reports a meeting, a round of talks or a call as fact or as plan (not as a
wish, a refusal or a possibility) becomes a `TalkMention`: its format, venue, day, status,
the named people taking part and the sides present. Mentions are folded into events: a mention
joins the latest event it is compatible with (same kind of contact, no clash of venue, day or
people) or, when it carries enough of its own (a venue, a day, named participants, a round),
opens a new one. Sentences that only name a delegation ("Ukraine's team is led by...") add
their people to the latest meeting. An event is kept only when its sides make it a negotiation
about the war: Russia with anyone outside its own bloc, Ukraine with Russia or Belarus, or
Ukraine with the US or a mediator over peace, a truce or prisoners.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from warwire.extract import clauses, countries, gazetteer, keywords, venues
from warwire.extract.dates import Cues, DateCue, When, find_date, month_number, weekday_date
from warwire.extract.keywords import Gated, WordList, has_any, lower_same_length
from warwire.extract.patterns import Folded
from warwire.extract.people import Roster, misspelling_of, spelling_key
from warwire.extract.text import Sentence

_F = re.IGNORECASE

_TRIGGER_PHRASES: dict[str, str] = {}
for _kind, _phrases in (
    (
        "call",
        "phone call|phone calls|telephone call|telephone calls|telephone conversation|"
        "telephone conversations|telephone talk|telephone talks|phone conversation|"
        "phone conversations|phone talk|phone talks|phoned|by phone|by telephone|phone with|"
        "phone to|telephone with|telephone to|call with|calls with|call between|calls between|"
        "conversation with|conversations with|conversation between|conversations between",
    ),
    (
        "video",
        "video link|video conference|video call|video format|video summit|video meeting|"
        "videolink|videoconference|videocall|virtual summit|virtual meeting|virtual talks|"
        "virtual call|virtually summit|virtually meeting|virtually talks|virtually call|"
        "online meeting|online talks|online summit|by video|over video|via video|"
        "by videoconference|remote talks|talks held remotely",
    ),
    (
        "meet",
        "talks|negotiation|negotiations|negotiating session|negotiating round|negotiating table|"
        "negotiate|negotiates|negotiated|summit|meeting|meetings|met|meet|meets|round of talks|"
        "round of negotiations|sat down|sit down|face-to-face|consultations|peace conference|"
        "hosted talks|mediat*|session|sessions|discussion with|discussions with|reconvene|"
        "reconvened|reconvenes|reconvening|"
        "discussion between|discussions between",
    ),
    (
        "role",
        "delegation|delegations|negotiator|negotiators|negotiating team|working groups|"
        "chief negotiator|lead negotiator|top negotiator|head negotiator|expert groups|"
        "technical teams",
    ),
):
    for _phrase in _phrases.split("|"):
        _TRIGGER_PHRASES.setdefault(_phrase, _kind)
_TRIGGER_WORDS = WordList(*_TRIGGER_PHRASES)
_CALL_NOUN = re.compile(
    r"\b(?:the|a|one|their|his|her|latest|first|second|next|new|planned|upcoming|hour-long|"
    r"lengthy|two-hour|(?:mon|tues|wednes|thurs|fri|satur|sun)day's)\s+(?:(?:\w+-)?(?:hour|minute)"
    r"(?:-long)?\s+)?(?:phone\s+)?call\b"
)
_SPEAK_TO = Folded(
    re.compile(
        r"\b(?:spoke|speak|speaking|speaks|talked|talk|talking)\s+(?:by\s+(?:tele)?phone\s+)?(?:with|to)"
        r"\s+(?!(?:the\s+)?(?:reporters|journalists|press|media|crowds?|audiences?|students|"
        r"supporters|lawmakers|troops|soldiers|nation|public)\b)"
        r"(?=(?:his\s+|her\s+|the\s+)?(?:\w+\s+){0,3}[A-Z])",
        _F,
    )
)
_TOLD_COUNTERPART = re.compile(
    r"\b(?:told|assured|informed)\s+(?:his|her)\s+(?:\w+\s+)?counterpart\b"
)
_NTH_ROUND_CASED = re.compile(
    r"\b(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Nn]ext|[Nn]ew|[Ll]atest|[Aa]nother|"
    r"[Pp]revious)\s+(?:[A-Z][\w-]+\s+)?[Rr]ound\b"
    + r"(?!\s+of\s+(?!(?:\w+\s+)?(?:talks|negotiations|consultations|discussions)\b))"
)
"""A round, unless of something other than talks ("a new round of sanctions")."""


class Trigger(NamedTuple):
    """A meeting, call or delegation word found in a text."""

    start: int
    end: int
    kind: str
    """"call", "video", "meet" or "role"."""


_IN_PERSON = Folded(
    re.compile(
        r"\b(?:met|meet|meets|meeting|delegations?|summit|sat\s+down|sit\s+down|round|face-to-face|"
        r"reconven\w+|"
        r"in\s+person|travel\w*|arriv\w*|venue|hosted|host|table|talks\s+(?:in|at)|"
        r"negotiations\s+in|negotiators|teams?|sessions?|working\s+groups)\b",
        _F,
    )
)
_EXCLUDE = Gated(
    re.compile(
        r"\bcoalition\s+of\s+the\s+willing\b|\b(?:EU|E\.U\.|European\s+Union|NATO|Nato|G7|G-7|G20|"
        r"G-20|BRICS|SCO|European\s+Council|EU-Ukraine|Arab\s+League|ASEAN|Quad|Weimar)\s+(?:summit|"
        r"leaders|meetings?|foreign\s+ministers|defen[cs]e\s+ministers|countries)\b|"
        r"\b(?:Recovery|Reconstruction)\s+Conference\b|\breconstruction\b|\bRamstein\b|"
        r"\bContact\s+Group\b|\bSecurity\s+Council\b|\bEconomic\s+Forum\b|\bCrimea\s+Platform\b|"
        r"\bGeneral\s+Assembly\b|\bDavos\b|\bOlympic\w*\b|\bshareholders\b|\bboard\s+of\s+governors\b|"
        r"\bfinance\s+ministers\b|\bdonors?\b|\bparliament\w*\b|\bcongress\b|\bStavka\b|"
        r"\breassurance\s+force\b|\bpledg\w+\s+conference\b|"
        r"\baid\s+(?:conference|package)\b|\bsanctions\s+package\b|\bEuropean\s+leaders\b|"
        r"\b(?:G7|G-7|G20|G-20|NATO|Nato|EU|European\s+Union)\b[^.;]{0,60}\b(?:summit|ministerial)\b|"
        r"\b(?:summit|meeting)\s+of\s+(?:the\s+)?(?:\d+\s+)?(?:G7|G-7|G20|NATO|Nato|EU|European|foreign\s+"
        r"ministers|defen[cs]e\s+ministers|leaders\s+of)\b|"
        r"\bcoalition\b|\ballies\b|\bQuad\b",
        _F,
    ),
    (
        "coalition",
        "eu ",
        "eu-",
        "e.u",
        "european",
        "nato",
        "g7",
        "g-7",
        "g20",
        "g-20",
        "brics",
        "sco ",
        "arab league",
        "asean",
        "quad",
        "weimar",
        "recovery",
        "reconstruction",
        "ramstein",
        "contact group",
        "security council",
        "economic forum",
        "crimea platform",
        "general assembly",
        "davos",
        "olympic",
        "shareholder",
        "board of governors",
        "finance ministers",
        "donor",
        "parliament",
        "congress",
        "stavka",
        "reassurance force",
        "pledg",
        "aid ",
        "sanctions package",
        "allies",
        "summit of",
        "meeting of",
        "ministerial",
    ),
)
"""Gatherings that are not negotiations about the war: a clause naming one reports no talks."""
_NOT_TALKS = Gated(
    re.compile(
        r"\b(?:news|press)\s+conferences?\b|\bcabinet\s+meetings?\b|\bsecurity\s+(?:meeting|conference)\b|"
        r"\bStaff\s+meeting\b|\bconference\s+call\b|\bbriefing\b|\bSituation\s+Room\b|"
        r"\bmeeting\s+of\s+the\s+(?:Staff|National|government|cabinet)\b|"
        r"\b(?:swaps?|exchanges?|releases?|handovers?|repatriations?)\s+(?:\w+\s+){0,2}?mediated\b|"
        r"\bmediated\s+(?:\w+\s+){0,2}?(?:swaps?|exchanges?|releases?|handovers?)\b|"
        # "returning to their capitals for consultations": at home, with their own side
        r"\b(?:return\w*|went\s+back|go(?:ing)?\s+back|head\w*\s+home|fl(?:y|ew|ying)\s+home)\b"
        r"[^.;]{0,40}?\bfor\s+consultations\b",
        _F,
    ),
    (
        "consultations",
        "mediated",
        "conference",
        "cabinet",
        "security",
        "staff meeting",
        "briefing",
        "situation room",
        "meeting of the",
    ),
)
"""Meeting words that are not talks; only the words inside these phrases are ignored (a
prisoner swap that a state mediated is an exchange, not talks)."""
_IRREALIS_WORDS = WordList(
    "no",
    "not",
    "never",
    "neither",
    "nor",
    "refus*",
    "reject*",
    "ruled out",
    "rules out",
    "ruling out",
    "impossible",
    "pointless",
    "call for",
    "calls for",
    "called for",
    "calling for",
    "urg*",
    "demand*",
    "want",
    "wants",
    "wanted",
    "would like",
    "hope",
    "hoped",
    "hopes",
    "hoping",
    "ready to",
    "willing",
    "willingness",
    "open to",
    "could",
    "might",
    "possible",
    "possibility",
    "any",
    "if",
    "unless",
    "offer to",
    "offered to",
    "offers to",
    "offering to",
    "suggest*",
    "insist*",
    "condition*",
    "cancel*",
    "postpon*",
    "called off",
    "collapsed",
    "stall*",
    "doubt",
    "doubts",
    "sceptic*",
    "skeptic*",
    "whenever",
    "eventual",
    "range of",
    "potential",
    "pressing",
    "pressed",
    "presses",
    "encourag*",
    "push for",
    "pushed for",
    "pushes for",
    "pushing for",
    "seek*",
    "sought",
    "prospect*",
    "idea of",
    "possibly",
    "perhaps",
    "maybe",
    "would be willing",
    "instead of",
    "rather than",
    "without",
    "prevent*",
    "avoid*",
    "as long as",
    "whether",
)
"""Words that make a meeting a wish, a refusal or a mere possibility (lower-case text)."""
_MAY = re.compile(r"\bmay\b")
"""The modal "may", not the month: matched on the text as written."""
_SCHEDULED_WORDS = WordList(
    "will",
    "shall",
    "is to",
    "are to",
    "was to",
    "were to",
    "due to",
    "due",
    "expected",
    "planned",
    "scheduled",
    "set to",
    "set for",
    "to be held",
    "next week",
    "next month",
    "next round",
    "next meeting",
    "next talks",
    "next session",
    "next day",
    "next monday",
    "next tuesday",
    "next wednesday",
    "next thursday",
    "next friday",
    "next saturday",
    "next sunday",
    "upcoming",
    "preparing",
    "prepares",
    "being prepared",
    "plan to",
    "plans to",
    "planning",
    "ahead of",
    "invit*",
    "intend",
    "intends",
    "coming days",
    "later on",
    "later this",
    "later today",
    "later in",
    "to speak",
    "to meet",
    "to hold",
    "to discuss",
    "would meet",
    "would hold",
    "would speak",
    "would take place",
    "would start",
    "would begin",
    "would be held",
    "would lead",
    "would take",
    "tomorrow",
    "agreed to meet",
    "agreed to hold",
    "propose",
    "proposes",
    "proposed",
    "announced plans",
    "readies",
    "readying",
    "waiting",
    "await*",
    "to start",
    "to begin",
    "to resume",
    "to take place",
    "soon",
    "shortly",
    "in the coming days",
    "in the coming weeks",
)
_SCHEDULED_EXTRA = re.compile(
    r"\bconfirmed\s+(?:that\s+)?(?:\w+\s+){0,4}will\b|\bwithin\s+(?:a\s+few|\w+)\s+(?:days|weeks)\b"
)
_SETS_UP = re.compile(
    r"\b(?:sets?(?:\s+up)?|arranges?|arranged)\s+(?:a\s+|an\s+|up\s+)?(?:\w+(?:'s)?\s+){0,2}"
    r"(?:call|talks|meeting|summit|conversation)\b"
)
"""A contact set up ("Trump sets Monday call with Putin"): arranged, so still to come."""
_HELD_WORDS = WordList(
    "met",
    "held",
    "ended",
    "took place",
    "spoke",
    "talked",
    "discussed",
    "began",
    "opened",
    "sat down",
    "concluded",
    "lasted",
    "produced",
    "yielded",
    "broke up",
    "wrapped up",
    "under way",
    "underway",
    "resumed",
    "hosted",
    "chaired",
    "agreed",
    "started",
    *(
        f"after {a} {b}"
        for a in ("a", "the", "his", "their")
        for b in ("call", "meeting", "talks", "conversation")
    ),
    "during a",
    "during the",
    "during their",
    "during his",
    "following a",
    "following the",
    "following their",
    "went ahead",
    "ran",
    "phoned",
    "were held",
    "was held",
    "have been held",
    "had been held",
    "accepted",
    "signed",
    "emerged",
    "finished",
    "closed",
    "continued",
    "day one",
    "day two",
    "day three",
    "first day",
    "second day",
    "told",
    "followed",
    "worked",
    "are meeting",
    "is meeting",
    "were meeting",
    "ends",
    "end",
)
_HELD_EXTRA = re.compile(
    r"\b(?:\w+'s|his|her|their)\s+(?:[\w-]+\s+)?(?:conversation|call|talks|meeting|summit)\b"
)


def _irrealis_at(clause: str, lowered: str) -> list[int]:
    found = [start for start, _ in _IRREALIS_WORDS.spans(lowered)]
    if "may" in clause:
        found += [m.start() for m in _MAY.finditer(clause)]
    return found


def _tense_markers(lowered: str) -> list[tuple[int, str]]:
    """Where the text marks a meeting as planned or as held, with which of the two."""
    found = [(start, "scheduled") for start, _ in _SCHEDULED_WORDS.spans(lowered)]
    if "confirmed" in lowered or "within" in lowered:
        found += [(m.start(), "scheduled") for m in _SCHEDULED_EXTRA.finditer(lowered)]
    if "set" in lowered or "arrang" in lowered:
        found += [(m.start(), "scheduled") for m in _SETS_UP.finditer(lowered)]
    found += [(start, "held") for start, _ in _HELD_WORDS.spans(lowered)]
    found += [(m.start(), "held") for m in _HELD_EXTRA.finditer(lowered)]
    return found


_NEXT_ROUND = Folded(
    re.compile(
        r"\b(?:next|another|new|further|follow-up|second|third|fourth)\s+(?:round|meeting|session|"
        r"talks)\b|\b(?:meet|talk|speak)\s+again\b|\bagain\s+(?:within|in|next|on)\b",
        _F,
    ),
    needs=("round", "meeting", "session", "talks", "again"),
)
_ORDINAL_ROUND = Folded(
    re.compile(r"\b(?:second|third|fourth)\s+(?:round|meeting|session|talks)\b", _F),
    needs=("second", "third", "fourth"),
)
_PEACE = Gated(
    re.compile(
        r"\b(?:peace|ceasefire|cease-fire|truce|end(?:ing)?\s+(?:to\s+)?(?:the|this)\s+"
        r"(?:war|fighting|hostilities|bloodshed)|settlement|dialogue\s+and\s+diplomacy|"
        r"prisoners?|swaps?|security\s+guarantees|\d+-point|framework|memorandum|de-?escalat\w*|"
        r"grain\s+(?:deal|exports?|corridor|shipments?|initiative|agreement|arrangement)|"
        r"export\s+of\s+grain|Black\s+Sea|mediat\w+|captiv\w+|POWs?)\b",
        _F,
    ),
    (
        "peace",
        "ceasefire",
        "cease-fire",
        "truce",
        "end",
        "settlement",
        "prisoner",
        "swap",
        "security guarantee",
        "-point",
        "framework",
        "memorandum",
        "escalat",
        "grain",
        "black sea",
        "mediat",
        "captiv",
        "pow",
    ),
)
_DELEGATION = Folded(
    re.compile(
        r"\b(?:delegations?|team|teams|side\s+is\s+(?:headed|led)|headed\s+by|led\s+by|heads?\s+the|"
        r"head\s+of\s+the\s+(?:\w+\s+)?(?:delegation|team)|lead\s+the|leads\s+the|led\s+the|leads\s+a|"
        r"members?|represented\s+by|represent\w*|includes?|included|including|comprises?|"
        r"(?:its|the\s+delegation's|the\s+team's)\s+(?:leader|head|chief)|"
        r"consists?\s+of|negotiators?|envoys?|accompanied|joined\s+by|along\s+with|chief\s+negotiator)\b",
        _F,
    )
)
_SPEAKER_AFTER = Folded(
    re.compile(
        r"(?:,[^,]{0,80},)?\s+(?:[a-z]+ly\s+)?(?:said|says|told|added|wrote|described|urged|accused|"
        r"called|insisted|"
        r"warned|noted|stressed|argued|claimed|posted|tweeted|announced|confirmed|suggested|"
        r"welcomed|dismissed|condemned|praised|thanked|criticised|criticized|complained|offered|"
        r"turned|rejected|denied|ruled|declined|reminded|recalled|emphasi[sz]ed|"
        r"has\s+said|had\s+said|has\s+accused|has\s+called)\b",
        _F,
    )
)
_SPEAKER_BEFORE = Folded(
    re.compile(
        r"\b(?:said|according\s+to|says|told|quoted|quoting|citing)\s+$|"
        r"\baccording\s+to\s+(?:[\w'-]+\s+){1,4}$",
        _F,
    )
)
_ACTOR = Folded(
    re.compile(
        r"\b(?:met|meet|meets|meeting\s+(?:with|between)|spoke|speak|speaks|talked|talks\s+(?:with|between)|"
        r"call\s+(?:with|between)|conversation\s+(?:with|between)|phoned|held\s+(?:talks|a\s+call)|"
        r"sat\s+down|hosted|received|told\s+(?:his|her)|will\s+(?:speak|meet|talk)|engage|invit\w+|"
        r"headed|led|lead|leads|heads|represent\w*|attend\w*|chair\w*|open\s+and\s+chair)\b",
        _F,
    )
)
_VENUE_BEFORE = Folded(
    re.compile(
        r"\b(?:in|at|to|into|near|outside|hosted\s+by|host|venue|for)\s+(?:the\s+|a\s+|an\s+)?(?:(?:[\w\-']+\s+){1,2}city\s+of\s+|"
        r"(?:\w+\s+)?(?:region|capital|resort|port|town)\s+of\s+|(?-i:[A-Z])[\w\-]*(?:'s)?\s+)?"
        r"(?:Saudi\s+|Turkish\s+|Swiss\s+|Belarusian\s+|Emirati\s+|Qatari\s+|Alaskan\s+|Malaysian\s+|"
        r"Belarus's\s+|nearby\s+)?$",
        _F,
    )
)
_VENUE_AFTER = Folded(
    re.compile(
        r"^(?:'s)?\s+(?:talks|summit|meeting|round|negotiations|format|process|peace\s+talks|"
        r"round\s+of\s+talks|region|rounds|agenda|sessions?|venue)\b",
        _F,
    )
)
_PARTY_NOUN = (
    r"(?:delegations?|team|teams|officials|negotiators|side|representatives|envoys?|"
    r"counterparts?|president|leader|foreign\s+minister|minister|secretary|chancellor|"
    r"prime\s+minister|national\s+security|special\s+envoy|government|presidents|leaders|"
    r"experts?|expert\s+groups|technical|military\s+(?:officials|delegation|intelligence)|"
    r"defen[cs]e\s+minister|intelligence|aide|adviser|advisor|diplomats?|mediators?|hosts?|"
    r"negotiating\s+team|ministers|envoy|spy\s+chief|chief\s+negotiator|head\s+of\s+state)"
)
_PARTY_AFTER = Folded(
    re.compile(
        rf"^(?:'s)?\s+(?:and\s+(?:the\s+)?(?-i:[A-Z])[\w.]*\s+)?(?:(?:defen[cs]e|foreign|prime|special|chief|lead|"
        rf"top|national|security|military|technical|senior|deputy|first|presidential|negotiating|peace|"
        rf"and|interior|intelligence)\s+){{0,3}}{_PARTY_NOUN}\b|"
        r"^\s+(?:is|are|was|were|will|has|have)?\s*(?:hosting|hosts|hosted|host)\b|"
        r"^-(?:mediated|brokered|hosted|led)\s+(?:\w+\s+){0,2}(?:talks|negotiations|meetings?|"
        r"round|summit|sessions?|consultations)\b|"
        r"^-(?-i:[A-Z])[\w.]*(?:-(?-i:[A-Z])[\w.]*)?\s+(?:\w+\s+)?(?:talks|meeting|summit|call|negotiations|"
        r"contacts|dialogue|round|session)\b|"
        r"^(?:,\s+(?:the\s+)?(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*)*)*,?\s+(?:and\s+(?:the\s+)?"
        r"(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*)*\s+(?:to\s+)?)?(?:have\s+|had\s+|will\s+|would\s+|has\s+|"
        r"(?:are|is|were|was)\s+(?:(?:due|set|expected|scheduled|slated|poised|planning|going)\s+)?to\s+)?"
        r"(?:met|meet|held|hold|agreed|sat\s+down|sent|send|sends|propos\w+|invit\w+|accept\w+|"
        r"confirm\w+|negotiat\w+|talked|spoke|beg[iau]n|open(?:ed)?|resumed?|signed|exchanged|swapped)\b",
        _F,
    )
)
_PARTY_BEFORE = Folded(
    re.compile(
        r"(?:\b(?:talks|negotiations?|meetings?|call|conversation|summit|contacts?|dialogue|round|"
        r"met|meet|meets|meeting|spoke|speak|talked|agreement|deal|exchange|swap|negotiat\w+|"
        r"discussions?|consultations)\s+with\s+(?:the\s+)?|"
        r"\b(?:talks|negotiations|meetings?|call|conversations?|contacts|dialogue|summit|rounds?|"
        r"sessions?|exchanges?|trilateral|bilateral)\s+(?:\w+\s+){0,3}?between\s+(?:the\s+)?"
        r"(?:(?:[\w.'-]+\s+){1,3}and\s+(?:the\s+)?|(?:[\w.'-]+(?:\s+[\w.'-]+)?,\s+){1,3}(?:and\s+)?(?:the\s+)?)?|"
        r"\b(?:hosted|brokered|mediated)\s+by\s+(?:the\s+)?|-brokered\s+|"
        r"\b(?:representatives|officials|delegations?|teams?|envoys|negotiators|diplomats)\s+(?:from|of)\s+(?:both\s+)?"
        r"(?:(?:the\s+)?[\w.'-]+(?:\s+[\w.'-]+)?(?:,\s+(?:and\s+)?|\s+and\s+)){0,4}(?:the\s+)?)$",
        _F,
    )
)
_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman"})
_CLAUSE_SPLIT = Folded(
    re.compile(
        # Clause boundaries, grouped by the character they start with, which the pattern
        # takes first: the regex engine then stops only at ";", ":", "," and spaces.
        r"[;:,\s](?:"
        r"(?<=[;:])\s+|"
        r"(?<=,)(?:\s+but\s+|\s+while\s+|\s+whereas\s+|\s+since\s+(?=(?:the|a|his|their|last)\b)|"
        r"\s+(?=the\s+(?:first|highest|latest|last)[\w-]*\s)|"
        r"\s+and\s+(?=(?:both|the|they|he|she|it|Putin|Trump|Zelensk\w+)\b)|"
        r"\s+and\s+(?=(?:an?\s+)?(?:[\w.'-]+\s+){0,3}(?:said|says|told|tells|added)\b))|"
        r"(?<=\s)\s*(?:but\s+(?=\w+\s+(?:said|says))|while\s+|"
        r"(?:only\s+)?(?:after|following)\s+(?=(?:\w+\s+){1,6}?(?:spoke|met|held|talked|phoned|called)\b)|"
        r"(?:only\s+)?(?:after|following)\s+(?=(?:a|an|the|his|her|their)\s+(?:\w+\s+){0,3}?"
        r"(?:call|conversation|meeting|talks)\s+(?:between|with)\b)|"
        r"since\s+(?=(?:the|a|his|their|last)\b)|"
        r"as\s+(?=(?:\w+\s+){0,5}(?:prepares|prepared|met|meets|spoke|speaks))))",
        _F,
    )
)
_AFTER_CONTACT = re.compile(r"\b(?:after|following)\s+(?:[\w'-]+\s+){0,6}\S*$", _F)
_LATER_TODAY = re.compile(
    r"\b(?:later\s+(?:in\s+the\s+day|today|tonight|this\s+(?:morning|afternoon|evening))"
    r"|(?:this|that)\s+(?:afternoon|evening))\b",
    _F,
)
_EVE_OF = re.compile(r"\b(?:comes?|came|is|was)\s+on\s+the\s+eve\s+of\s+(?:[\w'-]+\s+){0,4}$", _F)
_SAME_DAY = re.compile(
    r"\b(?:came|comes|happened|began|started)\s+(?:on\s+the\s+(?:same\s+)?day|"
    r"(?:just\s+|only\s+)?hours\s+(?:before|after|ahead\s+of))\b",
    _F,
)
"""News tied to the article's own event by day ("the attack came on the day ...")."""
_VAGUE_TIME = Folded(
    re.compile(r"\b(?:this|last|past)\s+week\b|\bearlier\s+this\s+week\b|\brecently\b", _F),
    needs=("week", "recently"),
)


@dataclass(slots=True)
class TalkMention:
    index: int
    paragraph: int
    text: str
    fmt: str | None
    venue: str | None
    venue_country: str | None
    cue: DateCue
    status: str | None
    participants: list[gazetteer.Official]
    parties: set[str]
    next_round: bool
    concrete: bool
    peace: bool
    support: bool = False
    """Only names delegation members; never opens an event of its own."""
    visited: str | None = None
    """The country a visit the clause reports goes to, when no city is named for it."""
    callers: frozenset[str] = frozenset()
    """For one of the calls coordinated subjects each make ("X and Y will phone Z"), its
    caller: calls of one sentence with different callers are different calls."""
    definite: bool = False
    """The contact is a definite noun phrase naming no one ("The talks on Tuesday lasted
    five hours"): it refers back to a contact already told."""
    kind: str | None = None
    """The kind of the clause's first contact word (call, video, meet)."""
    apart: bool = False
    """Its sentence opens at another time of the day just told ("Earlier on Friday, X hosted
    a meeting with Y"): not the contact just told."""
    prepares: bool = False
    """The clause makes the contact the preparation of another ("will meet next week to
    prepare the summit"): not the contact it prepares."""
    go_between_visit: bool = False
    """The clause tells of nothing but a visit of one side to a country between the sides
    ("X is arriving in Y on the latest stop of his tour"): a contact about the war only when
    peace is its subject."""


@dataclass(slots=True)
class NegotiationDraft:
    mentions: list[TalkMention] = field(default_factory=list)
    date: dt.date | None = None
    vague: bool = False
    status: str = "held"
    fmt: str | None = None
    venue: str | None = None
    parties: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    background: bool = False
    evidence: dict[str, str] = field(default_factory=dict)
    pending: bool = False
    """Opened by a bare mention of planned or held talks; waits for a delegation line to name
    the sides, and takes in nothing more specific."""

    @property
    def first(self) -> int:
        return self.mentions[0].index

    def officials(self) -> list[gazetteer.Official]:
        seen: dict[str, gazetteer.Official] = {}
        for mention in self.mentions:
            for official in mention.participants:
                seen.setdefault(official.name, official)
        # One person whose name the article misspells once is one person: the listed
        # official, else the spelling met first.
        kept: list[gazetteer.Official] = []
        for official in seen.values():
            twin = next((k for k in kept if misspelling_of(official.name, k.name)), None)
            if twin is None:
                kept.append(official)
            elif official.role and not twin.role:
                kept[kept.index(twin)] = official
        return kept


@lru_cache(maxsize=1024)
def _triggers(text: str) -> tuple[Trigger, ...]:
    """Every meeting, call or delegation word of a text, left to right and not overlapping
    (the same clause is asked about by several rules, so the scan is remembered)."""
    lowered = lower_same_length(text)
    found: list[Trigger] = []
    for start, end in _TRIGGER_WORDS.spans(lowered):
        phrase = " ".join(lowered[start:end].split())
        kind = _TRIGGER_PHRASES.get(phrase, "meet")
        found.append(Trigger(start, end, kind))
    if "call" in lowered:
        found += [Trigger(m.start(), m.end(), "call") for m in _CALL_NOUN.finditer(lowered)]
    if "spoke" in lowered or "speak" in lowered or "talk" in lowered:
        found += [Trigger(m.start(), m.end(), "call") for m in _SPEAK_TO.finditer(text)]
    if "counterpart" in lowered:
        found += [Trigger(m.start(), m.end(), "call") for m in _TOLD_COUNTERPART.finditer(lowered)]
    if "round" in lowered:
        found += [Trigger(m.start(), m.end(), "meet") for m in _NTH_ROUND_CASED.finditer(text)]
    return _leftmost_longest(found)


_KIND_ORDER = {"call": 0, "video": 1, "meet": 2, "role": 3}


def _leftmost_longest(found: list[Trigger]) -> tuple[Trigger, ...]:
    """Overlapping finds resolved as one alternation would: leftmost first, then by kind
    order (a call phrase before a meeting word), then longest."""
    found.sort(key=lambda t: (t.start, _KIND_ORDER[t.kind], -(t.end - t.start)))
    out: list[Trigger] = []
    for trigger in found:
        if out and trigger.start < out[-1].end:
            continue
        out.append(trigger)
    return tuple(out)


@lru_cache(maxsize=1024)
def _realis_triggers(clause: str) -> list[Trigger]:
    """The meeting or call words the clause states as fact or plan, not as a wish, a refusal
    or a mere possibility ("ready to talk", "no talks are planned", "a meeting could help")."""
    if _YES_NO_QUESTION.match(clause.lstrip(" \"'")) and clause.rstrip(" \"'").endswith("?"):
        return []
    found = []
    lowered = clause.lower()
    not_talks = [m.span() for m in _NOT_TALKS.finditer(clause, lowered)]
    irrealis = _irrealis_at(clause, lowered)
    modal = has_any(lowered, ("can", "could", "might", "may"))
    for match in _triggers(clause):
        if any(a <= match.start < b for a, b in not_talks):
            continue
        if any(
            match.start - 60 <= at < match.start
            and not _TIME_ADVERBIAL.search(clause, at, match.start)
            for at in irrealis
        ):
            continue
        if modal and _MODAL_AFTER.search(clause[match.end : match.end + 50]):
            continue
        found.append(match)
    return found


_TIME_ADVERBIAL = re.compile(r"\b(?:after|following|during)\s", _F)
"""A contact in a time phrase ("ready to accept X after talks with Y") took place, whatever
wish or offer the clause states."""
_YES_NO_QUESTION = Folded(
    re.compile(r"(?:is|are|was|were|will|would|could|can|should|do|does|did|has|have)\b", _F)
)
_MODAL_AFTER = Folded(re.compile(r"^(?:[^,.;]{0,40}?)\b(?:can|could|might|may)\b", _F))


def _format(text: str) -> str | None:
    triggers = _triggers(text)
    found = {m.kind for m in triggers}
    if "video" in found:
        return "video"
    if "call" in found and not _conversation_face_to_face(text, triggers):
        return "call"
    if _IN_PERSON.search(text):
        return "in_person"
    return None


def _conversation_face_to_face(text: str, triggers: tuple[Trigger, ...]) -> bool:
    """ "The conversation with the American delegation in Riyadh", "X and Y were talking with
    a Ukrainian team": a conversation, or speaking with someone, is a call only when nothing
    says the sides sat together (a delegation or a team, face to face)."""
    calls = [t for t in triggers if t.kind == "call"]
    lowered = text.lower()
    return all(_UNSPECIFIED_TALK.match(lowered, t.start, t.end) for t in calls) and bool(
        _DELEGATION_TOGETHER.search(text)
    )


_UNSPECIFIED_TALK = re.compile(r"conversation|(?:spoke|speak|talk)\w*\s+(?:with|to)\b")
"""Contact words that say nothing of a telephone."""
_DELEGATION_TOGETHER = re.compile(
    r"\b(?:delegations?|face-to-face|in\s+person)\b|\b(?:talk|spok|speak)\w*\s+(?:with|to)\s+"
    r"(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}(?:team|delegation)\b",
    _F,
)


def _venue(text: str) -> tuple[str | None, str | None]:
    """The city a clause puts its contact in: one introduced as a place ("in X", "hosted by
    X"), else one that names the contact ("the X talks"), never a city attacked or posted
    from ("drones over the X region, as A and B meet in Y": Y)."""
    named_by: tuple[str, str] | None = None
    for mention in gazetteer.places().find(text):
        if mention.item.kind != "city":
            continue
        before = text[max(0, mention.start - 45) : mention.start]
        after = text[mention.end : mention.end + 25]
        if mention.item.country in ("UA", "RU") and mention.item.name not in (
            "Moscow",
            "Kyiv",
            "Sochi",
            "Saint Petersburg",
        ):
            continue
        if _POSTED_IN.search(before) or _ATTACKED_IN.search(before):
            continue
        if _VENUE_BEFORE.search(before):
            return mention.item.name, mention.item.country
        if named_by is None and _VENUE_AFTER.match(after):
            named_by = (mention.item.name, mention.item.country)
    return named_by or (None, None)


_COMMEMORATED = re.compile(
    r"\b(?:funeral|death|burial|memory|memorial|grave|killing|murder|assassination)\s+of\s+"
    r"(?:the\s+late\s+)?$|\bthe\s+late\s+$",
    re.IGNORECASE,
)


def _members(
    text: str, mentions: list[gazetteer.Mention[gazetteer.Official]] | None = None
) -> list[gazetteer.Official]:
    """Officials a sentence names as members or heads of a delegation ("led by X", "X, who
    heads Ukraine's delegation", "X will lead the Russian team", "includes X and Y");
    `mentions` are the officials named in `text`, when the caller has found them."""
    found: list[gazetteer.Official] = []
    cues: list[int] | None = None  # looked for once a name needs them
    heads: list[int] = []
    named = list(gazetteer.officials().find(text) if mentions is None else mentions)
    for mention in named:
        official = mention.item
        if official.name in {o.name for o in found} or official.role in _SPOKES:
            continue
        if text.startswith("'s", mention.end):
            continue  # "Trump's son-in-law": the one named is someone else
        if _AIDE_TO.search(text, max(0, mention.start - 50), mention.start):
            continue  # "led by Y, an aide to President X": X is Y's principal
        if cues is None:
            lowered = text.lower()
            cues = [m.end() for m in _MEMBERS_AFTER.finditer(text, lowered)]
            heads = [m.start() for m in _HEAD_AFTER.finditer(text, lowered)]
        after_cue = any(0 <= mention.start - c <= 260 for c in cues)
        before_head = any(
            0 <= h - mention.end <= 70
            # "X said Y, who headed the team, ...": the head is the name nearest before it
            and not any(mention.end <= other.start and other.end <= h for other in named)
            for h in heads
        ) or bool(_TAKES_PART.match(text, None, mention.end))
        if not (after_cue or before_head) and _GAPPED_HEAD.match(text, mention.end):
            # "A headed the Ukrainian side, B the Russian one": the verb is not repeated
            before_head = bool(_GAP_OPENED.search(text, 0, mention.start))
        if not (after_cue or before_head):
            continue
        # "Ukraine's negotiator X described the talks as...": named as a member, whatever
        # X goes on to say.
        titled = any(0 <= mention.start - c <= 2 for c in cues)
        if (
            _SPEAKER_AFTER.match(text[mention.end : mention.end + 100])
            and not before_head
            and not titled
        ):
            continue
        found.append(official)
    return found


_MEMBERS_AFTER = Folded(
    re.compile(
        r"\b(?:(?:led|headed|represented|chaired)\s+by|includes?|including|included|consists?\s+of|"
        r"consisted\s+of|(?:made\s+up|composed)\s+of|comprised(?:\s+of)?|"
        r"comprises?|comprising|members?\s+(?:are|were|include)|joined\s+by|accompanied\s+by|"
        r"along\s+with|alongside|together\s+with|with\s+(?=(?:\w+\s+){0,4}(?-i:[A-Z])\w+\s+(?-i:[A-Z])\w+\s+and\b)|"
        r"(?:(?:chief|lead|top|head)\s+)?negotiator,?|delegation\s+(?:is|was|will\s+be)\s+(?:again\s+)?(?:led|headed)\s+by|"
        r"(?:its|the\s+delegation's|the\s+team's)\s+(?:leader|head|chief),?)\s*",
        _F,
    ),
    needs=(
        "led",
        "headed",
        "represented",
        "chaired",
        "includ",
        "consist",
        "compris",
        "made up",
        "composed",
        "member",
        "joined",
        "accompanied",
        "along",
        "with",
        "negotiator",
        "delegation",
        "leader",
        "head",
        "chief",
    ),
)
_HEAD_AFTER = Folded(
    re.compile(
        r"(?:,\s+(?:who|which)\s+(?:\w+\s+)?(?:heads|headed|leads|led|will\s+lead|chairs|heading|"
        r"leading|mediated|negotiated|met|attended|took\s+part|represented)\b|\s+(?:(?:will|would)\s+)?(?:again\s+)?(?:lead|leads|head|heads|headed|led)\s+"
        r"(?:the|a|its|\w+'s)\s+(?:\w+\s+)?(?:delegation|team|side)\b)",
        _F,
    ),
    needs=("who", "which", "delegation", "team", "side"),
)
_GAPPED_HEAD = re.compile(r"\s+the\s+(?:\w+\s+)?(?:one|side|team|delegation)\b", _F)
_GAP_OPENED = re.compile(
    r"\b(?:headed|led|heads|leads|represented)\s+the\s+[^.;]{0,60}?(?:,|\band)\s+$", _F
)
_TAKES_PART = Folded(
    re.compile(
        r"(?:\s+and\s+(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*){0,2})?(?:,[^,]{1,60},)?\s+(?:"
        r"(?:\w+ly\s+)?(?:opened|chaired|moderated|hosted|presided\s+over)\s+(?:it|them|the\s+"
        r"(?:\w+\s+)?(?:meeting|talks|session|round|negotiations))\b|"
        r"(?:are|is|were|was|will)\s+(?:be\s+)?(?:expected\s+to\s+|due\s+to\s+|set\s+to\s+)?"
        r"represent\b)",
        _F,
    )
)
"""Right after a name (or a pair of names): "X opened the session", "X and Y, his aide, are
expected to represent Washington"."""


_ASIDE = re.compile(r"\s-\s[^-]{1,160}?\s-\s|\s\([^()]{1,120}\)")
_ATTACKED_IN = re.compile(
    r"\b(?:attacks?|strikes?|struck|hit|shell\w*|bomb\w*|drones?|missiles?|raids?)\b"
    r"[^,.;]{0,20}?\b(?:on|at|in|over|against)\s+(?:the\s+)?$|"
    r"\b(?:attack(?:s|ed)?|strikes|struck|hits?|shell(?:s|ed)|bomb(?:s|ed)|targets|targeted|"
    r"pound(?:s|ed))\s+(?:the\s+)?$",
    _F,
)
"""A place an attack is aimed at ("a drone attack on the Moscow region", "Ukraine hits Moscow
region") is no venue."""
_POSTED_IN = Folded(
    re.compile(
        r"\b(?:ambassador|envoy|embassy|consul\w*|correspondent|bureau|reporters?|journalists?|"
        r"resident|based)\s+(?:\w+\s+)?(?:in|at|to)\s+(?:the\s+)?$|"
        r"\baccording\s+to\s+(?:the\s+)?$",
        _F,
    )
)
"""A place named as where someone works or speaks from ("the ambassador in X", "according to
the White House"), not where a contact is held."""


@lru_cache(maxsize=1024)
def _actors(text: str) -> tuple[int, ...]:
    return tuple(m.start() for m in _ACTOR.finditer(text))


def _participants(
    text: str,
    anchors: list[int] | None = None,
    principals: list[gazetteer.Official] | None = None,
) -> list[gazetteer.Official]:
    """Named officials taking part: members of a delegation, or the people next to a meeting
    or call word; not those who only comment on it. Those who sent an envoy to it ("X's
    envoy met Y") go to `principals`: their side is present, they are not."""
    if " - " in text or "(" in text:
        text = _ASIDE.sub(" ", text)
        anchors = None
    mentions = gazetteer.officials().find(text)
    if not mentions:
        return []
    found: list[gazetteer.Official] = list(_members(text, mentions))
    delegation = bool(found)
    actor_at = _actors(text)
    if anchors is None:
        anchors = [m.start for m in _triggers(text) if m.kind != "role"]
    anchors = anchors + list(actor_at)
    for mention in mentions:
        if not any(abs(mention.start - a) <= 110 for a in anchors):
            continue
        official = mention.item
        if official.name in {o.name for o in found}:
            continue
        if official.role in _SPOKES and not delegation:
            continue
        after = text[mention.end : mention.end + 100]
        speaker = _SPEAKER_AFTER.match(after)
        if (
            speaker is not None
            and not _SELF_MEETING.match(after, None, speaker.end())
            and not _starts_with_trigger(after.lstrip())
        ):
            continue
        if _SPEAKER_BEFORE.search(text[max(0, mention.start - 45) : mention.start]):
            continue
        if _INFORMED_AFTER.match(after) or _REPORTED_TO.search(
            text, max(0, mention.start - 50), mention.start
        ):
            # "X was being kept informed of the talks", "proposals would be reported to
            # President X": told of them, not at them
            continue
        if _COMMEMORATED.search(text[max(0, mention.start - 40) : mention.start]):
            continue  # "before the funeral of X": someone the day remembers, not a party
        if _SENT_BY.search(text[max(0, mention.start - 60) : mention.start]) or _AIDE_TO.search(
            text[max(0, mention.start - 50) : mention.start]
        ):
            if principals is not None:
                principals.append(official)
            continue  # "X, sent by Y on a peace mission, met Z": Y sent X, and stayed away
        if text[mention.end : mention.end + 2] == "'s" and (
            not _POSSESSIVE_PARTY.match(after[2:]) or _POSSESSIVE_AGENT.match(after[2:])
        ):
            if principals is not None and _POSSESSIVE_AGENT.match(after[2:]):
                principals.append(official)
            continue  # "Trump's envoy met X": the one who sent the envoy was not there
        if _POSSESSIVE_AGENT.match(after):
            if principals is not None:
                principals.append(official)
            continue  # "a Trump envoy", "the Putin aide": the same, without the "'s"
        found.append(official)
    return found


def _starts_with_trigger(text: str) -> bool:
    """ "Putin told his French counterpart...": the speech verb is the contact itself."""
    found = _triggers(text)
    return bool(found) and found[0].start == 0


_SELF_MEETING = Folded(
    re.compile(
        r"\s+(?:that\s+)?(?:he|she|they)\s+(?:would|will|had|has|was|is)?\s*(?:be\s+)?(?:again\s+)?"
        r"(?:speak|speaking|talk|talking|meet|meeting|met|spoke|talked|call|calling|phoned)\b",
        _F,
    )
)
_INFORMED_AFTER = re.compile(
    r"\s+(?:(?:was|were|is|are|has\s+been|had\s+been|would\s+be|will\s+be)\s+)?(?:being\s+)?"
    r"(?:kept\s+)?(?:informed|briefed|updated|told)\s+(?:of|on|about)\b",
    _F,
)
_REPORTED_TO = re.compile(
    r"\b(?:reported|presented|submitted|passed|sent|delivered|conveyed|relayed)\s+(?:back\s+)?"
    r"to\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.-]*\s+){0,2}$",
    _F,
)
_AIDE_TO = re.compile(
    r"\b(?:aide|advis[eo]r|envoy|emissary|representative|spokes\w+)\s+(?:to|of|for)\s+"
    r"(?:the\s+)?(?:(?-i:[A-Z])[\w.-]*\s+){0,3}$",
    _F,
)
"""Whom an aide or envoy serves ("Y, an aide to President X"): X's side is there, X is not."""
_POSSESSIVE_AGENT = Folded(
    re.compile(
        r"\s+(?:(?:special|chief|top|lead|senior|personal|peace|foreign|investment|\w+-\w+)\s+)*"
        r"(?:envoys?|negotiators?|representatives?|emissary|delegation|team|officials|aides?|"
        r"advis[eo]rs?|spokes\w+)\b",
        _F,
    )
)
"""A possessor of someone sent or speaking for them ("X's special envoy"): not present."""
_SENT_BY = re.compile(
    r"\b(?:sent|dispatched|appointed|named|instructed|tasked|commissioned|mandated|"
    r"on\s+(?:the\s+)?(?:instructions?|orders?|behalf)\s+of)\s+(?:by\s+)?(?:[\w.'-]+\s+){0,3}$",
    _F,
)
"""What comes right before the one who sent the envoy or gave the order."""
_POSSESSIVE_PARTY = Folded(
    re.compile(
        r"\s+(?:\w+\s+)?(?:call|conversation|talks|meeting|delegation|team|envoy|visit|trip|summit|"
        r"negotiators?|representatives?|officials)\b",
        _F,
    )
)


def _parties(
    text: str,
    participants: list[gazetteer.Official],
    sentence: str = "",
    anchors: list[int] | None = None,
    subject: str = "",
) -> set[str]:
    """Sides present: countries named as the ones meeting ("talks between Russia and
    Ukraine", "the Ukrainian delegation", "U.S.-Russian talks"), near a meeting word, plus
    the participants'. "Its negotiators" belong to the country the sentence opens with."""
    codes: set[str] = set()
    if _ITS_ROLE.search(text):
        opening = gazetteer.countries().find((sentence or text)[:40]) or gazetteer.countries().find(
            subject[:60]
        )
        if opening:
            codes.add(opening[0].item.code)
    forums = (
        [m.span() for m in _SIDELINES.finditer(text)] if "side" in text or "marg" in text else []
    )
    for mention in gazetteer.countries().find(text):
        before = text[max(0, mention.start - 60) : mention.start]
        after = text[mention.end : mention.end + 80]
        if anchors is not None and not any(abs(mention.start - a) <= 120 for a in anchors):
            continue
        if any(a <= mention.start < b for a, b in forums):
            continue  # "on the sidelines of the NATO summit": the forum is no side
        if _TOPIC_TALKS.search(before):
            continue  # "spoke with X about direct talks with Y": Y is the subject, not a side
        if _NONE_OF.search(before):
            continue  # "would have no Russian representatives": the side absent
        if _PARTY_BEFORE.search(before) or _PARTY_AFTER.match(after) or _hyphen_pair(text, mention):
            codes.add(mention.item.code)
            second = _HYPHEN_SECOND.match(after)
            if second:
                # "Russian-Ukrainian session": the recogniser finds no name after a hyphen
                found = gazetteer.countries().find(second.group(1))
                if found and found[0].start == 0:
                    codes.add(found[0].item.code)
    codes |= {o.country for o in participants if o.country}
    return codes


_TOPIC_TALKS = re.compile(
    r"\b(?:about|over|regarding|concerning|on\s+(?:the\s+)?(?:prospects?|possibility)\s+of|"
    r"discuss(?:ed|es|ing)?|venue\s+for)\s+(?:\w+\s+){0,3}?(?:talks|negotiations|dialogue|"
    r"exchanges?|swaps?)\s+"
    r"with\s+(?:the\s+)?$",
    _F,
)
_NONE_OF = re.compile(r"\b(?:no|without|not\s+(?:a|any))\s+$", _F)
_HYPHEN_SECOND = re.compile(
    r"-((?-i:[A-Z])[\w.]*)\s+(?:\w+\s+)?(?:talks|meeting|summit|call|negotiations|contacts|"
    r"dialogue|round|session|delegations?)\b",
    _F,
)


def _hyphen_pair(text: str, mention: gazetteer.Mention[gazetteer.Country]) -> bool:
    if mention.start > 0 and text[mention.start - 1] == "-":
        tail = text[mention.end : mention.end + 40]
        return bool(
            re.match(
                r"^\s+(?:\w+\s+)?(?:talks|meeting|summit|call|negotiations|contacts|"
                r"dialogue|round|session|delegations?)\b",
                tail,
                _F,
            )
        )
    return False


def _status(text: str) -> str | None:
    """Held or scheduled, by the tense marker nearest to the meeting word."""
    triggers = [m.start for m in _triggers(text) if m.kind != "role"] or [0]
    best: tuple[int, int, str] | None = None
    for order, (at, status) in enumerate(_tense_markers(lower_same_length(text))):
        distance = min(abs(at - t) for t in triggers)
        if best is None or (distance, order) < best[:2]:
            best = (distance, order, status)
    return best[2] if best else None


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE_SPLIT.split(text) if c and len(c) > 3]


def _mentions_in(
    sentence: Sentence,
    today: dt.date,
    year: int | None = None,
    supporting: bool = True,
    subject: str = "",
    named: ArticlePeople | None = None,
) -> list[TalkMention]:
    """The talk mentions of a sentence; `supporting` says a delegation line could still join
    an event (one was reported within the last two paragraphs), `subject` is the opening
    sentence of its paragraph (who "its negotiators" are)."""
    text = sentence.text
    if (
        not sentence.occurs & keywords.TALKS_BIT
        or not _triggers(text)
        or not sentence.has(keywords.TALKS_BIT)
    ):
        if (
            supporting
            and sentence.occurs & keywords.MEMBERS_BIT
            and gazetteer.officials().find(text)  # else `_support` finds no one
            and sentence.has(keywords.MEMBERS_BIT)
        ):
            found_support = _support(sentence, today, named=named)
            if not _untriggered_screen(text) or _excluded(text):
                return found_support
            if found_support:
                # "X, travelling with Y, sat across the table from Z": the contact the parse
                # reads names the sides; the delegation line alone only X's team
                return _parsed_clauses(sentence, today, year, subject, named) or found_support
        if (
            supporting
            and sentence.occurs & keywords.MEMBERS_BIT
            and sentence.has(keywords.MEMBERS_BIT)
            and has_any(text.lower(), _MEMBER_SCREEN)
            and _TWO_NAMES.search(text)
        ):
            found_support = _support(sentence, today, named=named)
            if found_support:
                return found_support
        if _untriggered_screen(text) and not _excluded(text):
            return _parsed_clauses(sentence, today, year, subject, named)
        return []
    out: list[TalkMention] = []
    clauses = _clauses(text)
    for clause in clauses:
        if _excluded(clause):
            continue
        triggers = _realis_triggers(clause)
        if not triggers:
            parsed = _parsed_pieces(
                sentence, clause, today, len(clauses) == 1, year, subject, named
            )
            if parsed:
                out.extend(parsed)
            elif supporting and _members(clause) and sentence.has(keywords.MEMBERS_BIT):
                out.extend(_support(sentence, today, clause, named))
            continue
        events = [t for t in triggers if t.kind != "role"]
        if events and _all_recalled(text, clause, events):
            events = []  # a delegation line that recalls an earlier round names no contact
        if not events and (
            _venue(clause)[0] is None
            or _recalled_venue(clause)
            or _in_irrealis(text, clause, _venue(clause)[0] or "")
        ):
            out.extend(_support(sentence, today, clause, named))
            continue
        events = events or triggers
        before: TalkMention | None = None
        for piece in _sequenced(text, clause):
            for segment in _segments(piece, events, today) if piece == clause else [piece]:
                found = _mention(
                    sentence,
                    segment,
                    today,
                    len(clauses) == 1 and piece == clause,
                    year,
                    subject,
                    named,
                )
                if found is None:
                    continue
                if before is not None and (span := _SPAN_LINK.match(segment)):
                    found = _at_a_distance(found, before, span.group(0), segment)
                elif before is not None and piece != clause:
                    found = _sequel_of(found, before, text)
                elif (
                    before is not None
                    and _AFTER_LINK.match(segment)
                    and len(found.parties) < 2
                    and found.parties <= before.parties
                ):
                    # "would meet X in Y, after a phone call": the call that came first was
                    # with the one he is to meet
                    known = {o.name for o in before.participants}
                    found = replace(
                        found,
                        parties=set(before.parties),
                        participants=before.participants
                        + [o for o in found.participants if o.name not in known],
                    )
                if before is not None and found.venue is None and _THAT_CITY.search(segment):
                    # "met X in Jeddah, a day before talks with Y in the city": the city named
                    found = replace(found, venue=before.venue, venue_country=before.venue_country)
                elif (
                    before is not None
                    and not found.parties
                    and not found.participants
                    and _SHARED_SUBJECT.match(segment)
                ):
                    # "X and Y wrapped up talks on Saturday and agreed to reconvene on
                    # Monday": the second verb shares the first one's subject
                    found = replace(
                        found, parties=set(before.parties), participants=before.participants
                    )
                before = found
                out.extend(_distribute(sentence.text, segment, found, named))
    return out


_SPAN_DAYS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_THEIR_TEAM = re.compile(
    r"\b(?:his|her)\s+(?:\w+\s+)?(?:officials|team|delegation|negotiators|envoys|aides)\b", _F
)


def _at_a_distance(
    mention: TalkMention, before: TalkMention, span: str, segment: str
) -> TalkMention:
    """The second of two contacts a span of days apart ("X met Y on Monday, a day before his
    officials sit down with Z"): dated from the first when it names no day of its own, and
    with the first's subject's side when its team is "his/her" team."""
    lowered = span.lower()
    own = find_date(segment[len(span) :], before.cue.date or dt.date.today())
    if own.when is When.NONE and before.cue.when is When.DATE and before.cue.date:
        words = lowered.replace(",", " ").split()
        n = next((_SPAN_DAYS.get(w) or int(w) for w in words if w in _SPAN_DAYS or w.isdigit()), 1)
        days = "day" in lowered or "eve" in lowered
        if days and ("before" in lowered or "ahead" in lowered or "eve" in lowered):
            mention = replace(mention, cue=DateCue(When.DATE, before.cue.date + dt.timedelta(n)))
        elif days and "after" in lowered:
            mention = replace(mention, cue=DateCue(When.DATE, before.cue.date - dt.timedelta(n)))
    if _THEIR_TEAM.search(segment) and before.participants and before.participants[0].country:
        mention = replace(mention, parties=mention.parties | {before.participants[0].country})
    return mention


_THAT_CITY = re.compile(r"\bin\s+the\s+(?:same\s+)?(?:city|capital|town)\b(?!\s+of\b)", _F)
_SHARED_SUBJECT = re.compile(r"\s*(?:and|but)\s+(?:then\s+)?[a-z]+(?:ed|ll)?\b")


def _in_irrealis(text: str, clause: str, venue: str) -> bool:
    """Whether the clause names `venue` only inside the phrase of a contact the parse reads
    as wished for, denied or counted ("after two meetings in X")."""
    offset = text.find(clause)
    at = clause.find(venue)
    if offset < 0 or at < 0:
        return False
    if _COUNTED_CONTACTS.search(clause, 0, at):
        return True
    where = offset + at
    if any(a <= where < b for a, b in clauses.irrealis_spans(text)):
        return True
    # "X will head the team, X, who led it at the A talks": the city of a round recalled
    return bool(clauses.members(text)[0]) and any(
        a <= where < b for a, b in clauses.recalled_spans(text)
    )


_COUNTED_CONTACTS = re.compile(
    r"\b(?:two|three|four|five|six|several|many|\d+)\s+(?:[\w-]+\s+)?(?:meetings|rounds|"
    r"sessions|summits|calls)\b(?:\s+of\s+\w+)?\s+(?:in|at)\s+(?:the\s+)?[^,;]{0,30}$",
    _F,
)


def _all_recalled(text: str, clause: str, triggers: list[Trigger]) -> bool:
    """Whether every contact word of a delegation line lies in what it recalls of an
    earlier round ("X will head the team, X, who led it at the A talks")."""
    offset = text.find(clause)
    if offset < 0 or not has_any(clause.lower(), _MEMBER_SCREEN):
        return False
    spans = clauses.recalled_spans(text)
    return (
        bool(spans)
        and bool(clauses.members(text)[0])
        and all(any(a <= offset + t.start < b for a, b in spans) for t in triggers)
    )


def _recalled_venue(clause: str) -> bool:
    """ "X heads the team, after Y led the delegation in Abu Dhabi": the city is that of an
    earlier round a time clause recalls, not of a contact this delegation line reports."""
    venue = _venue(clause)[0]
    at = clause.find(venue) if venue else -1
    # a sentence that opens on the link ("After nine hours of talks in X, the delegations
    # left") tells the contact just ended, not an earlier round
    link = _RECALL_LINK.search(clause, 0, at) if at > 0 else None
    return link is not None and bool(clause[: link.start()].strip())


_RECALL_LINK = re.compile(r"\b(?:after|since|before|when)\b", _F)


def _sequel_of(mention: TalkMention, first: TalkMention, text: str) -> TalkMention:
    """The second of two contacts told in sequence in one sentence: on the first's day when
    it names none ("would call X on Monday and would then talk to Y"), and made by the
    first's subject when it names no one of the first's ("is to meet X on Thursday before
    flying to W to meet Z")."""
    if mention.cue.when is When.NONE:
        mention = replace(mention, cue=first.cue)
    if mention.fmt is None and first.fmt is not None:
        mention = replace(mention, fmt=first.fmt)  # "spoke by phone with X and then with Y"
    people = {o.name for o in mention.participants}
    if first.participants and not people & {o.name for o in first.participants}:
        shared = [o for o in first.participants if o.country and o.country in mention.parties]
        subject = min(
            shared or first.participants,
            key=lambda o: text.find(o.name.split()[-1]) % (len(text) + 1),
        )  # the one whose side both contacts name, else the first named
        parties = mention.parties | ({subject.country} if subject.country else set())
        mention = replace(mention, participants=[subject, *mention.participants], parties=parties)
    return mention


def _parsed_clauses(
    sentence: Sentence,
    today: dt.date,
    year: int | None,
    subject: str,
    named: ArticlePeople | None,
) -> list[TalkMention]:
    """The contacts only the parse reads in a sentence, each clause on its own ("X and Y
    speak for first time; Z to call W")."""
    parts = _clauses(sentence.text) or [sentence.text]
    return [
        m
        for part in parts
        for m in _parsed_pieces(sentence, part, today, len(parts) == 1, year, subject, named)
    ]


def _parsed_pieces(
    sentence: Sentence,
    clause: str,
    today: dt.date,
    whole: bool,
    year: int | None,
    subject: str,
    named: ArticlePeople | None,
) -> list[TalkMention]:
    """The contacts only the parse reads in a clause, one per coordinated contact verb with
    partners of its own (see `_sequenced`)."""
    out: list[TalkMention] = []
    before: TalkMention | None = None
    for piece in _sequenced(sentence.text, clause):
        found = _parsed_mention(
            sentence, piece, today, whole and piece == clause, year, subject, named
        )
        if found is None:
            continue
        if before is not None:
            found = _sequel_of(found, before, sentence.text)
        before = found
        out.extend(_distribute(sentence.text, piece, found, named))
    return out


_AGAIN_ON = re.compile(
    r"\b(?:and|then)\s+again\s+(?:on\s+|late\s+on\s+)?(?P<day>(?:Mon|Tues|Wednes|Thurs|Fri|"
    r"Satur|Sun)day|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})\b"
)


def _met_again(text: str, mention: TalkMention, today: dt.date) -> TalkMention | None:
    """ "The team met the Americans on Sunday and again on Tuesday": the same sides met twice,
    on two days, which are two contacts; the second, apart from the first, on its own day."""
    if mention.cue.when is not When.DATE or mention.cue.date is None:
        return None
    match = _AGAIN_ON.search(text)
    if match is None:
        return None
    cue = find_date(match.group("day"), today, future=mention.status == "scheduled")
    if cue.when is not When.DATE or cue.date == mention.cue.date:
        return None
    return replace(mention, cue=cue, apart=True)


def _sequenced(text: str, clause: str) -> list[str]:
    """The clause cut before each of its coordinated contact verbs that has partners of its
    own (see `clauses.sequenced`), or the clause whole."""
    offset = text.find(clause)
    if offset < 0 or not _parse_screen(clause):
        return [clause]
    cuts = [at - offset for at in clauses.sequenced(text) if offset < at < offset + len(clause)]
    if not cuts:
        return [clause]
    bounds = [0, *cuts, len(clause)]
    return [clause[a:b] for a, b in pairwise(bounds) if clause[a:b].strip()]


def _distribute(
    text: str, clause: str, mention: TalkMention, named: ArticlePeople | None
) -> list[TalkMention]:
    """One mention per caller when coordinated subjects each call the same partner ("X and Y
    prepared to sound out Z": X's call with Z and Y's call with Z); see
    `clauses.distributed`."""
    offset = text.find(clause)
    if offset < 0:
        return [mention]
    roster = named.roster if named is not None else Roster([text])
    for start, groups in clauses.distributed(text):
        if not offset <= start < offset + len(clause):
            continue
        names = [
            {r.name for p in group if (r := roster.resolve(p.name, p.side)) is not None}
            for group in groups
        ]
        callers = set().union(*names)
        if not all(any(o.name in own for o in mention.participants) for own in names):
            return [mention]  # the parse and the names the mention kept disagree
        out = []
        for own in names:
            people = [o for o in mention.participants if o.name in own or o.name not in callers]
            others = {
                o.country for o in mention.participants if o.name in callers - own and o.country
            }
            mine = {o.country for o in people if o.country}
            parties = mine | (mention.parties - others)
            out.append(
                replace(mention, participants=people, parties=parties, callers=frozenset(own))
            )
        return out
    return [mention]


_SIDELINES = re.compile(
    r"\b(?:on|at)\s+the\s+(?:sidelines|margins?|fringes?)\s+of\s+[^,;]*", re.IGNORECASE
)
"""A forum that only hosts a contact: "met X on the sidelines of the General Assembly"."""


def _excluded(text: str) -> bool:
    """Whether a clause names a gathering that is not talks, other than as the setting of a
    bilateral contact on its sidelines."""
    if "sideline" in text or "margin" in text or "fringe" in text:
        text = _SIDELINES.sub(" ", text)
    if "ouncil" in text or "arliament" in text or "ongress" in text:
        text = _BODY_IN_TITLE.sub(" ", text)
    if "leaders" in text and _ALLIED_LEADERS.search(text) and _REMOTE.search(text):
        sides = {m.item.country for m in gazetteer.officials().find(text)}
        if {"UA", "US"} <= sides:
            # "X told European leaders and Y in a video call": allied leaders on a call of
            # Ukraine with the US, which `valid_parties` judges like any other
            text = _ALLIED_LEADERS.sub(" ", text)
    return bool(_EXCLUDE.search(text))


_REMOTE = re.compile(r"\b(?:video|call|phone|conference)\b", _F)
_ALLIED_LEADERS = re.compile(r"\bEuropean\s+leaders\b")


_BODY_IN_TITLE = re.compile(
    r"\b(?:security|defen[cs]e)\s+(?:and\s+defen[cs]e\s+)?council\s+(?:secretary|chief|head|"
    r"deputy|member)\b|\b(?:secretary|head|chief)\s+of\s+(?:the\s+)?(?:(?:[A-Z][\w.]*'s|its|their)\s+)?"
    r"(?:national\s+)?security\s+"
    r"(?:and\s+defen[cs]e\s+)?council\b|"
    r"\b(?:head|chief|leader|chair(?:man|woman)?|member|speaker|deputy)\s+of\s+(?:the\s+)?"
    r"(?:[\w'-]+\s+){0,3}?(?:parliament\w*|congress\w*)(?:\s+(?:group|faction|committee))?\b|"
    # "who leads the X faction in parliament"
    r"\b(?:leads|heads|chairs|led|headed|chaired)\s+(?:[\w'-]+\s+){0,7}?(?:faction|group|party|"
    r"committee)\s+in\s+(?:the\s+)?(?:parliament|congress)\b",
    re.IGNORECASE,
)
"""A body named in a person's title ("security council secretary X"): not a gathering."""


_UNTRIGGERED_SCREEN = (
    "sound out",
    "sounds out",
    "sounded out",
    "sounding out",
    "receiv",
    "host",
    "discuss",
    "sit ",
    "sits ",
    "sat ",
    "faced ",
    "faces ",
    "facing ",
    "together",
    "called",
    "call ",
    "rang ",
    "calls ",
    "to speak",
    "will speak",
    "to talk",
    "will talk",
    "talked",
    "spoke ",
    "conferred",
    "phone ",
    "visit",
    "trip",
    "arriv",
    "travel",
    "flew",
    "fly",
)
"""Contact words the trigger list lacks: a sentence with none of these and no trigger is not
parsed for contacts."""


_PARSE_SCREEN = (
    *_UNTRIGGERED_SCREEN,
    "sitting",
    "calls ",
    "meet",
    "met ",
    "talk",
    "spoke",
    "speak",
    "phone",
    "summit",
    "negotiat",
    "conversation",
)
"""Words without which a sentence the regular triggers pass over is not parsed."""


_MEMBER_SCREEN = (
    "accompanied by",
    "joined by",
    "led by",
    "headed by",
    " will lead",
    " will head",
    "lead the",
    "head the",
    "leads the",
    "heads the",
    "led the",
    "headed the",
    "travelling with",
    "traveling with",
    "travel with",
    "travels with",
    "travelled with",
    "traveled with",
    "includ",
    "compris",
    "made up of",
    "composed of",
    "consist",
    "delegation",
    "heading",
    "took part",
    "take part",
    "taking part",
    "sat in on",
    "sit in on",
    "sits in on",
    "at the table",
    " sent ",
    "participat",
    "attended",
    "represent",
)
"""Membership phrases without which a sentence is not parsed for delegation members."""


def _parsed_members(
    text: str,
    clause: str,
    named: ArticlePeople | None,
    known: list[gazetteer.Official],
) -> tuple[list[gazetteer.Official], set[str]]:
    """Delegation members the parse finds in the clause (see `clauses.members`), normalised,
    less those already found."""
    if not has_any(clause.lower(), _MEMBER_SCREEN):
        return [], set()
    offset = text.find(clause)
    if offset < 0:
        return [], set()
    people, parties = clauses.members(text)
    roster = named.roster if named is not None else Roster([text])
    seen = {o.name for o in known}
    out: list[gazetteer.Official] = []
    for person in people:
        if not offset <= person.start < offset + len(clause):
            continue
        resolved = roster.resolve(person.name, person.side)
        if resolved is None or resolved.name in seen:
            continue
        official = resolved.as_official()
        if official.role in _SPOKES:
            continue
        seen.add(official.name)
        out.append(official)
    return out, set(parties)


_TWO_NAMES = re.compile(r"[A-Z][\w'-]+[^A-Z]+[A-Z][\w'-]+[^A-Z]+[A-Z]")
"""Three capitalised words: the least a sentence naming two sides has (with its first)."""


def _parse_screen(text: str) -> bool:
    return has_any(text.lower(), _PARSE_SCREEN)


def _untriggered_screen(text: str) -> bool:
    return has_any(text.lower(), _UNTRIGGERED_SCREEN) and bool(_TWO_NAMES.search(text))


def _parsed_mention(
    sentence: Sentence,
    clause: str,
    today: dt.date,
    whole: bool,
    year: int | None,
    subject: str,
    named: ArticlePeople | None,
) -> TalkMention | None:
    """A contact the parse reads as held or planned in a clause the trigger words pass over
    ("Putin received Bennett", "X and Y discussed...", or a hedge word near a call that the
    grammar does not govern): kept when the parse puts a side in its slots."""
    if not _parse_screen(clause):
        return None
    reading = _parse_reading(sentence.text, clause, named)
    sides = {o.name for o in reading.people} | (
        reading.parties - {o.country for o in reading.people}
    )
    if len(sides) == 1 and named is not None and _ROLE_REFERENCE_STEMS.search(clause):
        # "Afterwards the chancellor called X": the office holder the article names
        sides |= {o.name for o in _role_references(clause, list(reading.starts), named, [])}
    if reading.mood not in _REALIS or len(sides) < 2:
        return None  # one side alone ("X chaired a meeting") is no negotiation
    return _mention(sentence, clause, today, whole, year, subject, named)


def _segments(clause: str, triggers: list[Trigger], today: dt.date) -> list[str]:
    """One clause, or its parts around each meeting word when they report different meetings:
    different days, different venues or different people ("the first U.S.-Russian meeting in
    Riyadh on Feb. 18, and U.S.-Ukrainian talks in Jeddah on March 11")."""
    if len(triggers) < 2:
        return [clause]
    cuts = [0]
    for a, b in pairwise(triggers):
        edges = [
            (_edge_rank(m.group(0)), m.start())
            for m in _SEGMENT_EDGE.finditer(clause, None, a.end, b.start)
        ]
        spans = [at for _, at in edges if _SPAN_LINK.match(clause, at)]
        if not spans:
            # "The call came a day before X is due to meet Y": a span with no comma before it
            spans = [m.start() for m in _SPAN_INSIDE.finditer(clause, a.end, b.start)]
        if spans:
            cuts.append(spans[-1])  # ", a day before Y sits down with Z": another occasion
            continue
        if edges:
            cuts.append(min(edges)[1])
            continue
        soft = [m.start() for m in _SOFT_EDGE.finditer(clause, None, a.end, b.start)]
        if soft:
            # No punctuation between the two: "would speak to X on Wednesday to hear the
            # details of the president's call with Y on Tuesday" - the second meeting's noun
            # phrase starts after the last preposition before it.
            cuts.append(soft[-1])
    cuts.append(len(clause))
    parts = [clause[cuts[i] : cuts[i + 1]] for i in range(len(cuts) - 1)]
    out = [parts[0]]
    for part in parts[1:]:
        if _different_meetings(out[-1], part, today):
            out.append(part)
        else:
            out[-1] += part
    return out


_AFTER_LINK = re.compile(r"[\s,]*(?:only\s+|just\s+)?(?:after|following)\s", _F)
_THAT_CLAUSE = re.compile(r"\s*(?:,\s*)?(?:and|but)\s+that\s", _F)
_SOFT_EDGE = Folded(
    re.compile(
        r"\s(?:of|about|on|after|before|following)\s+(?=(?:the|a|an|his|her|their)\s)|"
        r"\s(?=(?:and|but)\s+that\s)|"
        r"\s(?:and|but)\s+(?=(?:then\s+)?(?:agreed|decided|promised|pledged|vowed|said|will)\s)|"
        r"\s(?=on\s+(?:the\s+)?eve\s+of\s)|"
        r"\s(?=since\s)",
        _F,
    )
)
_SEGMENT_EDGE = Folded(
    re.compile(r"[,;]\s+(?:and\s+(?:then\s+)?|but\s+|then\s+|while\s+)?|\s-\s", _F)
)


def _edge_rank(edge: str) -> int:
    """Which boundary best separates two reports in one clause: a semicolon or a dash, then
    ", and"/", but", then a bare comma."""
    if edge.startswith(";") or edge.strip() == "-":
        return 0
    if edge.strip(", ").strip():
        return 1
    return 2


def _without_since(text: str) -> str:
    """The text less its "since ..." phrases, whose days are never the meeting's."""
    return _SINCE_PHRASE.sub_spaces(text) if "since" in text.lower() else text


_SINCE_OPENING = re.compile(r"\s*since\s", _F)
_SINCE_PHRASE = Folded(re.compile(r"\bsince\b[^,;]*", _F), needs=("since",))


_SPAN_LINK = re.compile(
    r"[\s,;:-]*(?:(?:and|but)\s+)?(?:(?:just|only|barely|some|about)\s+)?"
    r"(?:(?:a|an|one|two|three|four|five|six|\d+|several|a\s+few|few)\s+"
    r"(?:days?|hours?|weeks?|months?)\s+(?:before|after|ahead\s+of|earlier\s+than)|"
    r"on\s+(?:the\s+)?eve\s+of|the\s+(?:day|night)\s+(?:before|after))\b",
    _F,
)
"""A part that opens at a distance in time from the first ("X met Y on Monday, a day before
Z sits down with W"): another occasion, so another meeting."""


_SPAN_INSIDE = re.compile(
    r"\s(?=(?:a|an|one|two|three|four|five|six|\d+|several|a\s+few)\s+(?:days?|hours?|weeks?)\s+"
    r"(?:before|after|ahead\s+of)\s)",
    _F,
)


def _different_meetings(first: str, second: str, today: dt.date) -> bool:
    if _SPAN_LINK.match(second) or _SINCE_OPENING.match(second):
        return True  # "the first contact since X met Y": what "since" looks back to is another
    kinds = {_family(_format(first)), _family(_format(second))}
    if kinds == {"call", "meet"} and _THAT_CLAUSE.match(second):
        return True  # "said the meeting had been nice and that he would talk to X": two
    if kinds == {"call", "meet"} and _AFTER_LINK.match(second):
        return True  # "said he would meet X in Y, after a phone call": the call came first
    day1, day2 = find_date(_without_since(first), today), find_date(_without_since(second), today)
    if day1.date and day2.date and day1.date != day2.date:
        return True
    venue1, venue2 = _venue(first)[0], _venue(second)[0]
    if venue1 and venue2 and venue1 != venue2:
        return True
    people1 = {o.name for o in _participants(first)}
    people2 = {o.name for o in _participants(second)}
    return bool(people1 and people2 and not people1 & people2)


def _support(
    sentence: Sentence,
    today: dt.date,
    clause: str | None = None,
    named: ArticlePeople | None = None,
) -> list[TalkMention]:
    """A sentence naming a delegation ("the Russian team is led by...") without reporting a
    meeting: it adds people and sides to the latest meeting, never opens one."""
    text = clause or sentence.text
    if _excluded(text):
        return []
    parts = [p for p in re.split(r";|, while |, but ", text) if p.strip()]
    out_parts = [p for p in parts if _STAYS_OUT.search(p)]
    if out_parts and len(out_parts) == len(parts):
        return []  # "the Swiss government said it would not take part in the talks"
    participants = _members(text)
    extra, extra_parties = _parsed_members(sentence.text, text, named, participants)
    participants += extra
    if out_parts:
        # "X leads the team and includes Y; Z and W are not taking part": Z and W are out
        kept = "".join(p for p in parts if p not in out_parts)
        participants = [
            o for o in participants if o.name.split()[-1] in kept or o.name.split()[-1] not in text
        ]
    if clause is None and not participants:
        return []
    parties = _parties(text, participants, sentence.text) | extra_parties
    if not participants and not parties:
        return []
    venue, venue_country = (
        _venue(text) if _ROLE_VENUE.search(text) and not _recalled_venue(text) else (None, None)
    )
    if venue is not None and _in_irrealis(sentence.text, text, venue):
        venue, venue_country = None, None  # "X, who led the team at the A talks"
    return [
        TalkMention(
            index=sentence.index,
            paragraph=sentence.paragraph,
            text=sentence.text,
            fmt=None,
            venue=venue,
            venue_country=venue_country,
            cue=DateCue(When.NONE),
            status="scheduled" if _FUTURE.search(text) else "held" if _told_as_past(text) else None,
            participants=participants,
            parties=parties,
            next_round=False,
            concrete=False,
            peace=bool(_PEACE.search(sentence.text)),
            support=True,
        )
    ]


_STAYS_OUT = re.compile(
    r"\b(?:not|never|no\s+longer)\s+(?:\w+\s+)?(?:tak(?:e|ing)\s+part|participat(?:e|ing)|"
    r"attend(?:ing)?|join(?:ing)?|sit(?:ting)?\s+in)\b",
    _F,
)
_FUTURE = Folded(
    re.compile(
        r"\b(?:will|shall|would(?!\s+have\b)|(?:is|are)\s+(?:expected|due|set|scheduled)\s+to|"
        r"(?:is|are)\s+to)\b",
        _F,
    )
)
"""A delegation line about a coming meeting ("will again be led by", "are expected to...")."""


def _told_as_past(text: str) -> bool:
    return bool(_PAST_ROLE.search(text)) or clauses.members_past(text)


_PAST_ROLE = Folded(
    re.compile(
        r"\b(?:who|which)\s+(?:\w+\s+)?(?:headed|led|attended|represented|joined|accompanied)\b|"
        r"\b(?:was|were)\s+(?:\w+\s+)?(?:headed|led|represented|accompanied|joined)\s+by\b|"
        r"\b(?:took|had\s+taken)\s+part\b|\b(?:participated|attended)\b",
        _F,
    )
)
"""A delegation line about a contact that took place ("X, who headed the team, said...")."""
_ROLE_VENUE = Folded(
    re.compile(
        r"\b(?:waiting|arrived|arrive|gathered|are|is)\s+(?:\w+\s+)?(?:in|at)\b|"
        r"\b(?:led|leads|headed|heads)\s+(?:the|its|a)\s+(?:[\w.]+\s+)?(?:side|team|delegation)\s+"
        r"(?:in|at)\b",
        _F,
    )
)


_SPAN_AWAY = re.compile(
    r",?\s+(?:(?:a|one|two|three|four|five|several|a\s+few|\d+)\s+)?(?:days?|weeks?|months?)\s+"
    r"(?:after|before)\s+[^,;.]*",
    _F,
)
"""What a contact is measured from ("at the Kremlin on Friday, days after a visit to Kyiv"):
another event, whose city is not this contact's (unless it names the people of a contact:
"came three days after X hosted Y in Anchorage" is the hosting's)."""


def _mention(
    sentence: Sentence,
    clause: str,
    today: dt.date,
    whole: bool,
    year: int | None = None,
    subject: str = "",
    named: ArticlePeople | None = None,
) -> TalkMention | None:
    """The mention a clause makes, or None when the parse reads its contact as a wish, an
    offer, a condition or a denial."""
    # the contact's own city before that of what it is measured from
    near = _SPAN_AWAY.sub(
        lambda span: span.group(0) if gazetteer.officials().find(span.group(0)) else " ", clause
    )
    venue, venue_country = _venue(near)
    landmark = venues.landmark_city(near)
    if venue is None and landmark is None:
        venue, venue_country = _venue(clause)
    parsed_venue = _parsed_venue(sentence.text, clause)
    stated = venue is not None and any(venue in name for name in clauses.stated_at(sentence.text))
    if stated:
        venue, venue_country = None, None
    if parsed_venue is not None and venue is None:
        # The city the grammar puts the contact in; never one a statement was made in ("will
        # meet X in Lviv, his spokesperson announced in New York").
        venue = parsed_venue
        place = gazetteer.places_by_name().get(venue)
        venue_country = place.country if place else None
    if venue is None:
        venue = landmark or venues.landmark_city(clause)
        place = gazetteer.places_by_name().get(venue) if venue else None
        venue_country = place.country if place else None
    if venue is not None and _in_irrealis(sentence.text, clause, venue):
        venue, venue_country = None, None  # "the third round, after two meetings in X"
    unreal = _irrealis_contacts(sentence.text, clause)
    realis = [m.start for m in _realis_triggers(clause) if m.start not in unreal]
    anchors = [m.start for m in _realis_triggers(clause) if m.kind != "role"]
    if (len(anchors) > 1 or unreal) and any(a not in unreal for a in anchors):
        # the words of a wished-for contact ("urged X ... to hold negotiations with Y's
        # president, during a call"; "discussing preparations for a possible X-Y summit")
        # name no one on the contact the clause states
        anchors = [a for a in anchors if a not in unreal]
        named_in = _without_irrealis(sentence.text, clause)
    else:
        named_in = clause
    principals: list[gazetteer.Official] = []
    participants = _participants(named_in, anchors, principals)
    reading = _parse_reading(sentence.text, clause, named)
    if named is not None and _ROLE_REFERENCE_STEMS.search(named_in):
        # a contact only the parse finds ("X brought together A and B") anchors by its words
        participants += _role_references(
            named_in, anchors or list(reading.starts), named, participants
        )
    if reading.mood in ("hypothetical", "negated"):
        return None
    if len(reading.people) >= 2:
        # The parse has the contact's people: a name the trigger words put next to it that
        # fills no side slot of any contact but is the subject of another verb ("X and Y
        # spoke by phone as Z prepared to sound out W", "Z reminded that...") is not one.
        slotted = {o.name for o in reading.people} | reading.others
        participants = [
            o for o in participants if o.name in slotted or o.name not in reading.acting
        ]
    else:
        # "X and Y spoke by phone as Z prepared to sound out W": Z acts in another clause
        # and is a side of the contact there, not of this one; a delegation member named as
        # such ("Ukraine's lead negotiator, X, described the talks") stays.
        ours = {o.name for o in reading.people} | {o.name for o in _members(named_in)}
        participants = [
            o
            for o in participants
            if o.name in ours
            or (
                not (o.name in reading.outside and o.name in reading.acting)
                and not (reading.commented and o.name in reading.acting)
            )
        ]
    known = {o.name for o in participants}
    participants += [o for o in reading.people if o.name not in known]
    modifiers = clauses.name_modifiers(clause)
    if modifiers:
        participants = [o for o in participants if o.name.split()[-1] not in modifiers]
    if reading.within_one_side and (
        len({o.country for o in participants if o.name not in reading.topic_people}) == 1
    ):
        return None  # no one of another country is on the meeting: only its subject matter
    if reading.mood in _REALIS or reading.mood is None:
        # "X, a member of the delegation, said the talks...": who the parse makes a member
        # of a team took part, though he speaks of the contact
        participants += _parsed_members(sentence.text, clause, named, participants)[0]
    if not participants and named is not None and _THE_TWO.search(clause):
        participants = named.the_two(sentence.index)
    if named is not None and reading.hosts:
        participants += _hosts_of_visit(participants, reading.hosts, named)
    if venue_country and "host" in clause.lower():
        # a host receives at home: whoever hosts a contact in a city, with no side of his
        # own known, is of that city's country ("Emir X hosted Y and Z in Doha")
        roster = named.roster if named is not None else Roster([sentence.text])
        hosts = {
            r.name
            for p in clauses.hosting(sentence.text)
            if (r := roster.resolve(p.name, p.side)) is not None
        }
        participants = [
            replace(o, country=venue_country) if o.name in hosts and not o.country else o
            for o in participants
        ]
    parse_only = not realis
    if not realis:
        realis = list(reading.starts)  # a contact only the parse found: its words anchor
    status = _status(clause)
    if reading.mood in _REALIS:
        status = reading.mood  # the grammar's tense and modality, not the nearest word
    first = realis[0] if realis else 0
    since = next(
        (
            m
            for m in _SINCE_PHRASE.finditer(clause)
            if m.start() <= first < m.end() or (venue and venue.lower() in m.group(0).lower())
        ),
        None,
    )
    dated = clause[since.start() : since.end()] if since else _without_since(clause)
    if not since:
        dated = _without_statement_times(sentence.text, clause, dated)
        dated = _without_recalled(sentence.text, clause, dated)
        dated = _without_others_asides(dated, realis)
    if not since and _after_since(sentence.text, clause):
        # The clause split took "since" off the front: its opening phrase, up to the first
        # comma, is the since-phrase ("since the start of the invasion on 24 February, before
        # talks with X"), whose day is not the talks'.
        comma = dated.find(",")
        if first < comma or (comma < 0 and realis):
            pass  # "since the March 3 meeting between X and Y": the day is the meeting's own
        else:
            dated = " " * (comma + 1) + dated[comma + 1 :] if comma >= 0 else ""
    cue = find_date(dated, today, future=status == "scheduled", year_hint=year)
    if since is not None and cue.when is When.NONE and status != "scheduled":
        # "the first contact since X's meeting with Y ended in a row": what a "since" looks
        # back to is history, with or without a day
        cue = DateCue(When.VAGUE)
    tail = _linked_before(sentence.text, clause)[-30:]
    spaced = bool(_DAYS_AFTER.search(tail) or _WEEKS_AFTER.search(tail))
    # "X spoke to Y on Thursday, a day after his call with Z": the call is a span apart from
    # the day the sentence names, whatever the parser hangs that day on
    if reading.days and not spaced:
        # The day the grammar gives the contact itself, over a day of another verb of the
        # clause ("arrived on Sunday for talks due to start on Monday").
        own = find_date(" ".join(reading.days), today, future=status == "scheduled", year_hint=year)
        if own.when is When.DATE or (own.when is When.PREVIOUS and status != "scheduled"):
            cue = own  # "what X and Y discussed in Moscow the previous day", said on Sunday
    if cue.when is When.NONE and not whole and not spaced:
        cue = find_date(
            _lead_in(sentence.text), today, future=status == "scheduled", year_hint=year
        )
    if cue.when is When.NONE and not whole and not spaced:
        # "X agreed on Tuesday to ... after a call with Y", "security was tightened on Monday
        # as the palace prepared to host the talks": a clause linked by a conjunction of time
        # shares the day of the clause it is linked to.
        before = _linked_before(sentence.text, clause)
        if before:
            before = _without_statement_times(sentence.text, before, before)
            cue = find_date(
                _without_since(before), today, future=status == "scheduled", year_hint=year
            )
    if cue.when is When.NONE and not whole and _NEXT_DAY_LEAD.match(clause):
        # "X is to visit A on Monday, and the next day he will go to B": the day after the
        # one the sentence names before
        offset = sentence.text.find(clause)
        named_day = find_date(sentence.text[: max(offset, 0)], today, future=status == "scheduled")
        if named_day.when is When.DATE and named_day.date is not None:
            cue = DateCue(When.DATE, named_day.date + dt.timedelta(days=1))
    spanned = next(
        (
            c
            # the contact words the parse reads too ("The meeting took place a day
            # after X and Y conferred in the same city": the conferring)
            for at in [*realis, *reading.starts]
            if (c := _days_after(sentence.text, clause, at, today))
        ),
        None,
    )
    if spanned is not None and (
        cue.when is When.NONE or find_date(clause[first:], today).when is When.NONE
    ):
        # "Today's attack comes two days after X held talks with Y": the day named before
        # the span is the attack's; the contact, with no day of its own, is that many days
        # before it
        cue = spanned
    if (
        cue.when is When.NONE
        and status == "held"
        and any(_weeks_after(sentence.text, clause, at) for at in realis)
    ):
        # "The attack came less than three weeks after X hosted Y": a contact a span of weeks
        # or months before the news it is measured from is history with no day of its own.
        cue = DateCue(When.VAGUE)
    if (
        cue.when is When.NONE
        and status == "held"
        and _STATEMENT_DAY.search(sentence.text)
        and _AFTER_CONTACT.search(clause[: first + 1])
    ):
        # "X and Y said on Sunday they had made progress after talks at Z": what a statement
        # follows took place by the statement's day
        cue = DateCue(When.DATE, _statement_day(sentence.text, today))
    if cue.when is When.NONE and status == "scheduled" and _LATER_TODAY.search(clause):
        # "told reporters on Thursday that he would speak with X later in the day": the day
        # of the statement (or of the report)
        cue = DateCue(When.DATE, _statement_day(sentence.text, today))
    if cue.when is When.NONE and _EVE_OF.search(clause[:first]):
        # "The visit comes on the eve of a meeting in X": the contact is the day after the
        # news it is measured from
        cue = DateCue(When.DATE, _statement_day(sentence.text, today) + dt.timedelta(days=1))
        status = "scheduled" if cue.date is not None and cue.date > today else status
    if cue.when is When.NONE and _SAME_DAY.search(clause[:first]):
        # "The attack came on the day / hours before a delegation was due to meet...": the
        # contact falls on the day of the news the sentence ties it to, the article's day.
        cue = DateCue(When.DATE, today)
    follows = _COMES_DAYS_AFTER.search(clause, first)
    if follows is not None and not any(
        at >= follows.end()
        for at in [*realis, *reading.starts, *(t.start for t in _triggers(clause))]
    ):
        # "The meeting comes a day after the drone attack on Sunday": the day named is the
        # other event's, no contact; the contact is that many days later
        measured = find_date(clause[follows.end() :], today)
        if measured.when is When.DATE and measured.date is not None:
            n = _SMALL.get(follows.group("n").lower()) or int(follows.group("n"))
            cue = DateCue(When.DATE, measured.date + dt.timedelta(days=n))
    if cue.when is When.DATE and cue.date is not None and _DAY_AFTER.search(clause[: first + 1]):
        # "is to visit X on Monday, the next day he will go to Y": the day after the one named
        cue = DateCue(When.DATE, cue.date + dt.timedelta(days=1))
    if cue.when is When.PREVIOUS and status != "scheduled":
        # "the day before", "the previous day": the day before the one the sentence speaks
        # from, its statement's day ("said on Saturday that ... the day before") or today.
        cue = DateCue(When.DATE, _statement_day(sentence.text, today) - dt.timedelta(days=1))
    if cue.when is When.NONE and status == "held":
        after = _linked_after(sentence.text, clause, first)
        if after:
            linked = find_date(_without_statement_times(sentence.text, after, after), today)
            if linked.when is When.DATE and linked.date is not None and linked.date <= today:
                # "X and Y spoke by phone as Z prepared to call W later on Saturday": what
                # happens as something else does shares its day
                cue = linked
    if cue.when is When.VAGUE and status == "scheduled" and _coming_month(clause, today):
        cue = DateCue(When.NONE)  # "is expected to visit X in August": a plan, not history
    present = _without_recalled(sentence.text, clause, clause)
    if cue.when is When.NONE and _VAGUE_TIME.search(present):
        cue = DateCue(When.VAGUE) if status != "scheduled" else cue
    if cue.when is When.NONE and status != "scheduled" and _earlier_year(present, today):
        cue = DateCue(When.VAGUE)  # "in March 2022, negotiators met...": history, no day
    if cue.when is When.DATE and cue.date is not None and status is None:
        status = "scheduled" if cue.date > today else None
    if status is None and _NEXT_ROUND.search(clause) and not _ORDINAL_ROUND.search(clause):
        status = "scheduled"  # "the next round", not "the third round": an ordinal has no tense
    fmt = _format(clause)
    if fmt is None and reading.call:
        fmt = "call"
    if fmt is None and (venue or reading.in_person):
        fmt = "in_person"
    if parse_only and reading.hosts:
        # a visit only the parse reads: its sides are its slots, not any country named
        # near it ("the Japanese leader's visit to Y follows X's state visit to Russia")
        parties = {o.country for o in participants if o.country}
    else:
        parties = _parties(clause, participants, sentence.text, realis, subject)
    parties -= _irrealis_parties(sentence.text, clause, reading.mood) - {
        o.country for o in participants
    }
    parties |= reading.parties
    parties |= {o.country for o in principals if o.country}
    unplaced = [o for o in participants if not o.country]
    if (
        fmt == "in_person"
        and venue_country
        and venue == countries.capital(venue_country)
        and len(parties) == 1
        and venue_country not in parties
        and len(unplaced) == 1
    ):
        # "X held talks in Beijing with Foreign Minister Y": the one of no known side met in
        # a capital is its government's, the host
        participants = [
            replace(o, country=venue_country) if o in unplaced else o for o in participants
        ]
        parties.add(venue_country)
    sent_between = _sender_and_destination(clause) if len(parties) < 2 else set()
    if sent_between:
        parties |= sent_between
        fmt = fmt or "in_person"  # an envoy sent to meet them
    if reading.people or reading.parties:
        # A nationality given to someone who holds no office is not a side present.
        parties -= (
            clauses.private_countries(sentence.text)
            - reading.parties
            - {o.country for o in participants}
        )
    if (
        (
            venue_country
            and venue_country in parties
            and venue_country not in {o.country for o in participants}
        )
        and gazetteer.country_sides().get(venue_country)
        not in (
            "RU",
            "UA",
            "US",
        )
        and not (_HOSTED.search(clause) and not _city_hosts(sentence.text, clause))
        and not _side_in_own_words(clause, venue_country, venue, reading.parties)
    ):
        parties.discard(venue_country)
    source = _HEADLINE_SOURCE.search(sentence.text) if sentence.paragraph == 0 else None
    if source is not None:
        # "Next round of talks set for Wednesday - Zelensky": who a headline quotes after its
        # dash announces the news
        said = spelling_key(source.group(1).split()[-1])
        participants = [o for o in participants if spelling_key(o.name.split()[-1]) != said]
    if named is not None and len(participants) >= 2 and not reading.open_group:
        named.last_group = list(participants)  # who a later "they" are
    concrete = bool(
        venue
        or (cue.when is When.DATE)
        or participants
        or (fmt == "call" and len(parties) >= 2)
        or (len(parties) >= 2 and status is not None)
        or re.search(
            r"\b(?:round|delegations?|negotiators|summit|talks\s+between|sat\s+down|"
            r"sit\s+down|two\s+teams)\b",
            clause,
            _F,
        )
    )
    return TalkMention(
        index=sentence.index,
        paragraph=sentence.paragraph,
        text=sentence.text,
        fmt=fmt,
        venue=venue,
        venue_country=venue_country,
        cue=cue,
        status=status,
        participants=participants,
        parties=parties,
        next_round=bool(_NEXT_ROUND.search(clause)),
        concrete=concrete,
        peace=bool(_PEACE.search(sentence.text)),
        visited=next(iter(reading.hosts)) if len(reading.hosts) == 1 and not venue else None,
        definite=(
            (not participants and bool(_DEFINITE_BEFORE.search(clause[: first + 1])))
            or bool(_HOSTED_THE.search(clause))
        ),
        kind=next((t.kind for t in _realis_triggers(clause) if t.start == first), None),
        apart=bool(_APART.match(sentence.text))
        and not _DEFINITE_BEFORE.search(clause[: first + 1]),
        prepares=bool(_PREPARES.search(clause)),
        go_between_visit=parse_only
        and any(countries.side_of(host) == "MEDIATOR" for host in reading.hosts),
    )


_ENVOY_SENT = re.compile(
    r"\b(?:send|sends|sending|sent|dispatch|dispatches|dispatched|dispatching)\s+"
    r"(?:[\w'.,-]+\s+){0,8}?(?:envoys?|representatives?|emissar(?:y|ies)|delegations?|"
    r"negotiators|team|advis[eo]rs?|aides?|ministers?)\b[^.;]{0,60}?\bto\s+(?P<place>(?-i:[A-Z])[\w'-]+(?:\s(?-i:[A-Z])[\w'-]+)?)",
    _F,
)


def _country_named(text: str) -> str | None:
    """The country a name stands for: the country itself or a city of it ("Kyiv": UA)."""
    found = gazetteer.countries().find(text)
    if found:
        return found[0].item.code
    for word in (text, text.split()[0] if text.split() else text):
        place = gazetteer.places_by_name().get(word)
        if place is not None and place.country:
            return place.country
    return None


def _sender_and_destination(clause: str) -> set[str]:
    """ "Beijing would send its special representative to Ukraine to hold talks": the state
    that sends the envoy (named before the verb) and the one he is sent to are the sides."""
    sent = _ENVOY_SENT.search(clause)
    if sent is None:
        return set()
    destination = _country_named(sent.group("place"))
    senders = gazetteer.countries().find(clause[: sent.start()])
    sender = senders[0].item.code if senders else None
    if sender is None:
        sender = next(
            (
                place.country
                for word in re.findall(r"(?-i:[A-Z])[\w'-]+", clause[: sent.start()])
                if (place := gazetteer.places_by_name().get(word)) is not None and place.country
            ),
            None,
        )
    if sender is None or destination is None or sender == destination:
        return set()
    return {sender, destination}


_PREPARES = re.compile(
    r"\b(?:prepar(?:e|es|ed|ing)|in\s+preparation\s+for|pav(?:e|es|ed|ing)\s+the\s+way\s+for|lay"
    r"(?:s|ing)?\s+the\s+groundwork\s+for)\s+(?:the|a|an|their|that|this)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:summit|meeting)\b|\bpreparatory\b",
    _F,
)


_HEADLINE_SOURCE = re.compile(r"\s[-–—]\s*((?:[A-Z][\w'.]+\s){0,2}[A-Z][\w'.]+)\s*$")
_APART = re.compile(
    # a live blog's time stamp ("18:10") opens an entry, not a new contact
    r"\s*(?:\d{1,2}[:.]\d{2}\s+)?(?:(?:earlier|later)\s+(?:on\s+(?:mon|tues|wednes|thurs|fri|"
    r"satur|sun)day|that\s+day|in\s+the\s+day|the\s+same\s+day)\b|separately\b|"
    r"in\s+a\s+separate\s+(?:meeting|call|conversation|development|contact)\b)",
    _F,
)
_DEFINITE_BEFORE = re.compile(
    r"(?:^|[.;:]\s*|\b(?:after|during|following)\s+)(?:the|these|those|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun|to|yester)day's)"
    r"\s+(?:[\w-]+\s+){0,2}\w?$",
    _F,
)
"""A definite article opening the clause's contact phrase ("The Kremlin talks ...", "told
reporters after the talks"): the contact already told."""
_HOSTED_THE = re.compile(
    r"\bhost(?:ed|s|ing)?\s+the\s+(?:[\w-]+\s+){0,2}?(?:talks|meeting|summit|call|conference)", _F
)
"""Who "hosted the talks" was at the talks just told."""


def _city_hosts(text: str, clause: str) -> bool:
    """Whether a city, not its state, is what hosts the clause's contact ("X, the Saudi
    capital, hosted the meeting"): the state is then no side for hosting."""
    offset = text.find(clause)
    return offset >= 0 and any(offset <= at < offset + len(clause) for at, _ in clauses.seats(text))


def _side_in_own_words(clause: str, code: str, venue: str | None, slotted: set[str]) -> bool:
    """Whether the parse puts the venue's country in a side slot of the contact under a name
    other than the venue's ("The French president brought together X and Y at the Elysee"):
    then it is a side, not only the place."""
    if code not in slotted:
        return False
    return any(
        m.item.code == code and (venue is None or m.surface.lower() != venue.lower())
        for m in gazetteer.countries().find(clause)
    )


class Reading(NamedTuple):
    """What the parse of a sentence says about the contacts inside one clause."""

    mood: str | None
    people: list[gazetteer.Official]
    parties: set[str]
    call: bool = False
    in_person: bool = False
    starts: tuple[int, ...] = ()
    """Where the contact words stated as fact or plan start, in the clause."""
    others: frozenset[str] = frozenset()
    """People in the slots of the clause's other contacts and delegation lines (normalised)."""
    days: tuple[str, ...] = ()
    """Time phrases the parse attaches to the contacts stated as fact or plan."""
    acting: frozenset[str] = frozenset()
    """People the sentence makes the subject of a verb that is no contact (normalised)."""
    outside: frozenset[str] = frozenset()
    """People in the slots of a contact of the sentence that starts outside the clause."""
    commented: bool = False
    """A contact noun of the clause is the object of a verb that is no contact ("X welcomed
    the call"): the subject of that verb comments on the contact."""
    hosts: frozenset[str] = frozenset()
    """Countries the clause's visits go to."""
    open_group: bool = False
    """A contact of the clause has "they" for subject: the group told before."""
    within_one_side: bool = False
    """A meeting the clause states has only people of one country in its slots ("X received
    his envoy Y to hear a report"): a meeting within one side, no negotiation."""
    topic_people: frozenset[str] = frozenset()
    """People only in the slots of the clause's other contacts, which that meeting is about
    ("to discuss his talks with Z"): Z (normalised)."""


_IN_PERSON_VERBS = frozenset(
    {"meet", "receive", "host", "visit", "trip", "travel", "fly", "go", "come", "head", "arrive"}
)
_REALIS = ("held", "scheduled")


def _parse_reading(text: str, clause: str, named: ArticlePeople | None) -> Reading:
    """The contacts of the clause, read from the sentence's parse: the mood of the first one
    stated as fact or plan (or, when none is, the wish or denial they all are), and the
    people and countries in their slots, normalised."""
    offset = text.find(clause)
    if offset < 0:
        return Reading(None, [], set())
    end = offset + len(clause)
    internal = [m.span() for m in _NOT_TALKS.finditer(text)]
    found = [
        c
        for c in clauses.contacts(text)
        if offset <= c.start < end and not any(a <= c.start < b for a, b in internal)
    ]
    if any(not c.framing and c.mood in _REALIS for c in found):
        # "After his call with X, Y phoned Z": the call that frames the clause is an
        # earlier contact of its own, not a side of the one the clause reports.
        found = [c for c in found if not c.framing]
    if not found:
        return Reading(None, [], set())
    if "side" in text or "marg" in text or "fringe" in text:
        # the forum a contact is held on the sidelines of is no contact of its own
        forums = [m.span() for m in _SIDELINES.finditer(text)]
        found = [c for c in found if not any(a < c.start < b for a, b in forums)] or found
    sided = [c for c in found if c.people or c.parties]
    if sided:
        # "Speaking to reporters, X said he wanted to meet Y": the contact with sides in its
        # slots is the one the clause is about; a contact noun stated as fact stays ("urged
        # X to hold talks with Y, during a call": the parse may miss the call's sides).
        found = [
            c
            for c in found
            if c in sided or (c.mood in _REALIS and c.lemma in clauses.CONTACT_NOUNS)
        ]
    moods = [c.mood for c in found if c.mood is not None]
    # "said the conversation had gone well and that he would travel to X to meet Y": the
    # mood is the one of the contact with sides, not of a bare noun told beside it
    realis = [c.mood for c in sided if c.mood in _REALIS] or [m for m in moods if m in _REALIS]
    mood = realis[0] if realis else (moods[0] if moods else None)
    roster = named.roster if named is not None else Roster([text])
    headline = _title_case(text)
    people: dict[str, gazetteer.Official] = {}
    parties: set[str] = set()
    within_one_side = False
    topic_people: set[str] = set()
    for contact in found:
        if contact.mood in _REALIS and _within_one_side(contact, roster):
            within_one_side = True
        elif contact.mood not in _REALIS or contact.commented:
            topic_people |= {
                r.name for p in contact.people if (r := roster.resolve(p.name, p.side))
            }
        if contact.mood not in _REALIS and contact.mood is not None:
            continue
        if (
            contact.mood in _REALIS
            and mood in _REALIS
            and contact.mood != mood
            and not contact.people
        ):
            # "X said his call with Y went well and that A and B would start negotiations":
            # the sides of the coming talks are not on the call
            continue
        parties |= contact.parties
        for person in contact.people:
            resolved = roster.resolve(person.name, person.side)
            if resolved is None:
                continue
            if headline and resolved.official is None and not roster.elsewhere(resolved.name, text):
                continue  # a headline's capitals make any phrase look like a name
            official = resolved.as_official()
            if official.role in _SPOKES:
                continue
            people.setdefault(official.name, official)
            if official.country:
                parties.add(official.country)
    stated = [c for c in found if c.mood in _REALIS]
    stated_sided = [c for c in stated if c in sided]
    if named is not None:
        last = named.last_person
        open_subject = any(c.open_subject for c in stated)
        later = clauses.main_subject(text) if open_subject else None
        resolved_later = roster.resolve(later.name, later.side) if later is not None else None
        if resolved_later is not None:
            last = resolved_later.as_official()  # "In X, where he met Y, Z said": he is Z
        if last is not None and open_subject:
            # "X spoke with Y on Monday. On Tuesday he spoke with Z": he is X, and stays the
            # one a later "he" is (the clause is read more than once)
            if last.name not in people:
                people[last.name] = last
                if last.country:
                    parties.add(last.country)
        elif people:
            # who a later "he" is: the person named first, the subject as a rule
            named.last_person = min(
                people.values(),
                key=lambda o: text.find(o.name.split()[-1]) % (len(text) + 1),
            )
        if any(c.open_group for c in stated):
            # "A, B and C met Y. Together they phoned Z": they are the group told before
            for official in named.last_group:
                people.setdefault(official.name, official)
                if official.country:
                    parties.add(official.country)
    return Reading(
        mood,
        list(people.values()),
        parties,
        call=any(c.call for c in stated),
        in_person=any(c.lemma in _IN_PERSON_VERBS for c in stated),
        starts=tuple(c.start - offset for c in stated),
        days=tuple(d for c in (stated_sided or stated) for d in c.days),
        others=frozenset(_all_slotted(text, roster)),
        outside=frozenset(
            r.name
            for c in clauses.contacts(text)
            if not offset <= c.start < end
            for p in c.people
            if (r := roster.resolve(p.name, p.side)) is not None
        ),
        acting=frozenset(
            r.name
            for p in clauses.acting(text)
            if (r := roster.resolve(p.name, p.side)) is not None
        ),
        commented=any(c.commented for c in found),
        hosts=frozenset(c.host for c in stated if c.host),
        open_group=any(c.open_group for c in stated),
        within_one_side=within_one_side,
        topic_people=frozenset(topic_people),
    )


_MEETING_LEMMAS = frozenset({"meet", "meeting", "receive", "host"})


def _within_one_side(contact: clauses.Contact, roster: Roster) -> bool:
    """A meeting whose slots hold two or more people, all of one known country, and no other
    side: a leader receiving his own envoy or minister."""
    if contact.lemma not in _MEETING_LEMMAS or len(contact.people) < 2:
        return False
    countries = set(contact.parties)
    for person in contact.people:
        resolved = roster.resolve(person.name, person.side)
        country = resolved.official.country if resolved and resolved.official else None
        if not country:
            return False
        countries.add(country)
    return len(countries) == 1


def _irrealis_contacts(text: str, clause: str) -> set[int]:
    """Where, in the clause, the parse reads a contact word as a wish or a denial ("urged X
    ... to hold direct negotiations with Y, during a call": the negotiations); the people
    next to it are not on the clause's other contact."""
    offset = text.find(clause)
    if offset < 0:
        return set()
    return {
        c.start - offset
        for c in clauses.contacts(text)
        if offset <= c.start < offset + len(clause) and c.mood in ("hypothetical", "negated")
    }


_HEADS = frozenset({"president", "prime minister", "chancellor"})


def _hosts_of_visit(
    visitors: list[gazetteer.Official], hosts: frozenset[str], named: ArticlePeople
) -> list[gazetteer.Official]:
    """A head of state or government who visits a country is received by its president:
    the one the article names ("Xi's trip to Moscow": Putin)."""
    if not any(o.role in _HEADS and o.country not in hosts for o in visitors):
        return []
    known = {o.name for o in visitors}
    out = []
    for code in sorted(hosts):
        host = named.holder(code, "president")
        if host is not None and host.name not in known:
            out.append(host)
    return out


def _without_irrealis(text: str, clause: str) -> str:
    """The clause (same length) less the phrases of its wished-for or denied contacts."""
    offset = text.find(clause)
    if offset < 0:
        return clause
    for start, end in clauses.irrealis_spans(text):
        a, b = max(start - offset, 0), min(end - offset, len(clause))
        if a < b:
            clause = clause[:a] + " " * (b - a) + clause[b:]
    return clause


def _irrealis_parties(text: str, clause: str, mood: str | None = None) -> set[str]:
    """Countries the parse puts only in the slots of the clause's wished-for or denied
    contacts ("urged X to hold negotiations with Ukraine's president, during a call": not
    Ukraine), not in those of a contact it states."""
    offset = text.find(clause)
    if offset < 0:
        return set()
    unreal: set[str] = set()
    real: set[str] = set()
    for contact in clauses.contacts(text):
        if not offset <= contact.start < offset + len(clause):
            continue
        if contact.mood in ("hypothetical", "negated") or (
            mood in _REALIS and contact.mood in _REALIS and contact.mood != mood
        ):
            unreal |= contact.parties  # or those of a contact in another tense
        else:
            real |= contact.parties
    return unreal - real


def _parsed_venue(text: str, clause: str) -> str | None:
    """A city the parse puts a held or planned contact of the clause in ("talks with X in
    Lviv"): any city the gazetteer knows, on either side of the front too."""
    offset = text.find(clause)
    if offset < 0:
        return None
    end = offset + len(clause)
    for start, seat in clauses.seats(text):
        if offset <= start < end:
            # the city that hosts the contact ("X, the emirate's capital, hosted the talks"),
            # named by the recogniser: the places list only normalises it
            found = [m for m in gazetteer.places().find(seat) if m.item.kind == "city"]
            return found[0].item.name if found else seat
    for contact in clauses.contacts(text):
        if not offset <= contact.start < end or contact.mood not in _REALIS:
            continue
        for name in contact.places:
            for mention in gazetteer.places().find(name):
                if mention.item.kind == "city":
                    return mention.item.name
    for contact in clauses.contacts(text):
        if not offset <= contact.start < end or contact.mood not in _REALIS:
            continue
        for name in contact.places:
            if name in clauses.towns(text) and not gazetteer.places().find(name):
                # a town the places list lacks: the recogniser's name for it
                return name
    return None


_DAY_AFTER = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d{1,2})\b[^.;]{0,120}?"
    r"\b(?:the\s+(?:next|following)\s+day|a\s+day\s+later)\b",
    re.IGNORECASE,
)
"""A day named, then "the next day" before the contact word: the contact is a day later."""
_NEXT_DAY_LEAD = re.compile(
    r"\s*(?:and\s+)?(?:then\s+)?(?:the\s+(?:next|following)\s+day|a\s+day\s+later)\b", re.IGNORECASE
)
_STATEMENT_DAY = re.compile(
    r"\b(?:said|says|told|announced|wrote|confirmed|added|stated)\b(?:\s+\w+){0,3}?\s+on\s+"
    r"(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_WEEKDAY_INDEX = {
    name: i
    for i, name in enumerate(
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    )
}


def _statement_day(text: str, today: dt.date) -> dt.date:
    """The day a sentence's statement was made ("X said on Saturday"), else `today`."""
    found = _STATEMENT_DAY.search(text)
    if found is None:
        return today
    return weekday_date(_WEEKDAY_INDEX[found.group("day")], today, future=False)


_N_DAYS_AFTER = r"(?P<n>a|one|two|three|four|five|\d)\s+days?\s+after\b"
_DAYS_AFTER = re.compile(rf"\b{_N_DAYS_AFTER}", re.IGNORECASE)
_COMES_DAYS_AFTER = re.compile(
    rf"\b(?:comes?|came|is|was|takes\s+place|took\s+place)\s+{_N_DAYS_AFTER}", re.IGNORECASE
)
_PAUSE = re.compile(r"[,;:]")
_SMALL = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def _days_after(text: str, clause: str, first: int, today: dt.date) -> DateCue | None:
    """ "X said on Saturday ..., a day after Y met Z": the contact that a span of days after
    something else opens is that many days before the day of what it is measured from (the
    statement's day, a day the sentence names before, else the reference day)."""
    offset = text.find(clause)
    if offset < 0:
        return None
    trigger = offset + first
    found = [
        m
        for m in _DAYS_AFTER.finditer(text, 0, trigger)
        if m.end() <= trigger
        and text[: m.start()].strip()
        and not _PAUSE.search(text, m.end(), trigger)
    ]  # "A day after the strike, X met Y": the span opens another clause
    if not found or find_date(text[found[-1].end() : trigger + 1], today).when is not When.NONE:
        return None
    match = found[-1]
    n = _SMALL.get(match.group("n").lower()) or int(match.group("n"))
    before = text[: match.start()]
    if _STATEMENT_DAY.search(before):
        anchor = _statement_day(before, today)
    else:
        named = find_date(before, today)
        anchor = named.date if named.when is When.DATE and named.date else today
    return DateCue(When.DATE, anchor - dt.timedelta(days=n))


_WEEKS_AFTER = re.compile(
    r"\b(?:weeks|months|years|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|a\s+few|few|several|\d+)\s+(?:weeks?|months?|years?))\s+(?:after|before)\b",
    re.IGNORECASE,
)


_IN_MONTH = re.compile(
    r"\b(?:in|during|(?:in\s+)?(?:early|late|mid-?))\s+(?P<month>January|February|March|April|May|"
    r"June|July|August|September|October|November|December)\b(?!\s+\d)"
)


def _coming_month(clause: str, today: dt.date) -> bool:
    """Whether every month the clause places something in ("in August", "in early
    September") is this month or one of the next six: the time of a plan, not a past one."""
    months = [month_number(m.group("month")) for m in _IN_MONTH.finditer(clause)]
    return bool(months) and all((month - today.month) % 12 <= 6 for month in months)


def _weeks_after(text: str, clause: str, first: int) -> bool:
    """Whether the contact at `first` opens a span of weeks or more measured from another
    event of the sentence ("the attack came three weeks after X met Y"; "two months before
    the summit, X had called Y")."""
    offset = text.find(clause)
    if offset < 0:
        return False
    trigger = offset + first
    return any(
        m.end() <= trigger
        and text[: m.start()].strip()  # "Three weeks after X, Y met Z": the span opens a clause
        and not _NEW_CLAUSE.search(text, m.end(), trigger)  # an apposition still refers back
        for m in _WEEKS_AFTER.finditer(text, 0, trigger)
    )


_NEW_CLAUSE = re.compile(r"[;:]|,\s*(?:and|but|while|as|and\s+then)\b|\s[-–—]\s", re.IGNORECASE)


_TIME_LINK = re.compile(r"\b(?:after|following|as|while|when)\s*$", re.IGNORECASE)


def _linked_before(text: str, clause: str) -> str:
    """The text before `clause` when a conjunction of time links the two, else ""."""
    offset = text.find(clause)
    if offset <= 0 or not _TIME_LINK.search(text, max(0, offset - 12), offset):
        return ""
    return text[:offset]


_AS_LINK = re.compile(r"\s(?:as|while|just\s+as)\s", re.IGNORECASE)


def _linked_after(text: str, clause: str, first: int) -> str:
    """The rest of the sentence after the clause's contact when a conjunction of time links
    what follows to it ("X and Y spoke as Z prepared to ..."), up to the next full clause
    break, else ""."""
    offset = text.find(clause)
    if offset < 0:
        return ""
    link = _AS_LINK.search(text, offset + first)
    if link is None:
        return ""
    rest = text[link.end() :]
    stop = re.search(r"[;:]|\s[-–—]\s", rest)
    return rest[: stop.start()] if stop else rest


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _earlier_year(clause: str, today: dt.date) -> bool:
    """Whether the clause is set in a year before the publication's ("in March 2022")."""
    years = [int(y) for y in _YEAR.findall(clause)]
    return bool(years) and max(years) < today.year and "since" not in clause.lower()


def _without_statement_times(text: str, clause: str, dated: str) -> str:
    """`dated` (the clause, same length) less the days its statements were made on (see
    `clauses.statement_times`)."""
    offset = text.find(clause)
    if offset < 0 or not has_any(clause.lower(), _DAY_WORDS):
        return dated
    for start, end in clauses.statement_times(text):
        a, b = max(start - offset, 0), min(end - offset, len(dated))
        if a < b:
            dated = dated[:a] + " " * (b - a) + dated[b:]
    return dated


_DAY_WORDS = ("day", "today", "tonight", "week")


def _without_recalled(text: str, clause: str, dated: str) -> str:
    """`dated` (the clause, same length) less what a delegation line recalls of an earlier
    round ("X, who led the team at the A talks in April"; see `clauses.recalled_spans`)."""
    offset = text.find(clause)
    if offset < 0 or not has_any(clause.lower(), _MEMBER_SCREEN):
        return dated
    spans = clauses.recalled_spans(text)
    if not spans or not clauses.members(text)[0]:
        return dated
    for start, end in spans:
        a, b = max(start - offset, 0), min(end - offset, len(dated))
        if a < b:
            dated = dated[:a] + " " * (b - a) + dated[b:]
    return dated


_RELATIVE_ASIDE = re.compile(r",\s+(?:(?:which|who)\s[^,;]*,|(?P<where>where)\s[^,;]*(?:,|$))", _F)
_OWN_ASIDE_REACH = 25
_HAPPENING = re.compile(
    r"\b(?:took|take|taking|takes)\s+place\b|\b(?:held|lasted|lasts|ran|runs|began|begins|"
    r"started|starts|ended|ends|opened|opens|closed|happened|is|are|was|were|will|due)\b",
    _F,
)
"""Verbs that tell when a contact itself happens, in an aside right after it."""


def _without_others_asides(dated: str, contacts: list[int]) -> str:
    """`dated` less the days of asides that describe another noun than the contact's ("said
    the conversation, which took place on Saturday, went well and that he would travel to X
    on Monday to meet Y": Saturday is the conversation's, not the meeting's)."""
    for aside in _RELATIVE_ASIDE.finditer(dated):
        a, b = aside.span()
        if any(a - _OWN_ASIDE_REACH <= at < b for at in contacts) and _HAPPENING.search(
            aside.group(0)
        ):
            continue  # "the meeting, which took place on Monday, ...": the contact's own day
        if aside.group("where") and _triggers(aside.group(0)):
            continue  # "flew to Geneva, where he met X on Monday": a contact in that place
        # "flew to Turkey from Odesa, where on Wednesday a strike hit": the place's own news
        # "the talks, which X proposed on Sunday, ...": the day of another act
        dated = dated[:a] + " " * (b - a) + dated[b:]
    return dated


def _after_since(text: str, clause: str) -> bool:
    offset = text.find(clause)
    return offset > 0 and text[:offset].rstrip().lower().endswith("since")


def _all_slotted(text: str, roster: Roster) -> set[str]:
    """Normalised names of everyone in a side slot of any contact or delegation line of the
    sentence, whatever its mood."""
    found = [p for c in clauses.contacts(text) for p in c.people]
    found += list(clauses.members(text)[0])
    out: set[str] = set()
    for person in found:
        resolved = roster.resolve(person.name, person.side)
        if resolved is not None:
            out.add(resolved.name)
    return out


def _title_case(text: str) -> bool:
    """Whether a sentence is set in headline capitals ("Talks Resume in Geneva")."""
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 4]
    return len(words) >= 3 and sum(w[0].islower() for w in words) <= 1


class ArticlePeople:
    """The officials an article names anywhere, worked out once and only when a clause refers
    to someone by office ("the U.S. president") rather than by name."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self._sentences = sentences
        self._by_office: dict[tuple[str, str], gazetteer.Official | None] | None = None
        self.roster = Roster([s.text for s in sentences])
        self.last_person: gazetteer.Official | None = None
        """The person the latest parsed contact was first about: who a later "he" is."""
        self.last_group: list[gazetteer.Official] = []
        """The people of the latest parsed contact with several: who a later "they" are."""

    def the_two(self, index: int) -> list[gazetteer.Official]:
        """The two people "the two" refers to: those named before it in its own sentence
        ("X said Y had backed the plan when the two met"), else in the sentence before, if
        exactly two."""
        if 0 <= index < len(self._sentences):
            text = self._sentences[index].text
            found = _THE_TWO.search(text)
            own = self._two_in(text, found.start()) if found else []
            if own:
                return own
        if index <= 0 or index > len(self._sentences):
            return []
        text = self._sentences[index - 1].text
        return self._two_in(text, len(text))

    def _two_in(self, text: str, end: int) -> list[gazetteer.Official]:
        found: dict[str, gazetteer.Official] = {}
        for person in clauses.people(text):
            if person.start >= end:
                continue
            resolved = self.roster.resolve(person.name, person.side)
            if resolved is None:
                continue
            found.setdefault(
                resolved.name,
                resolved.as_official(),
            )
        return list(found.values()) if len(found) == 2 else []

    def sole_holder(self, role: str) -> gazetteer.Official | None:
        """The one official in `role` the article names, of any country, if exactly one."""
        self.holder("", role)
        assert self._by_office is not None
        found = [o for (_, r), o in self._by_office.items() if r == role]
        return found[0] if len(found) == 1 else None

    def holder(self, country: str, role: str) -> gazetteer.Official | None:
        """The one official of `country` in `role` the article names, if exactly one."""
        if self._by_office is None:
            found: dict[tuple[str, str], gazetteer.Official | None] = {}
            matcher = gazetteer.officials()
            for sentence in self._sentences:
                for mention in matcher.find(sentence.text):
                    key = (mention.item.country, mention.item.role)
                    if found.get(key, mention.item) is not mention.item:
                        found[key] = None  # two holders named (a predecessor): ambiguous
                    else:
                        found[key] = mention.item
            self._by_office = found
        return self._by_office.get((country, role))


_THE_TWO = re.compile(
    r"\b(?:the\s+two|both)(?:\s+(?:men|women|leaders|presidents|ministers|officials|envoys))?"
    r"\s+(?:met|spoke|talked|held|had)\b",
    _F,
)
"""Two people the sentence before names, taken up again ("The two met in Moscow")."""


_ROLE_REFERENCE_STEMS = Folded(
    re.compile(
        r"\b(?:president|leader|chancellor|prime\s+minister|premier|foreign\s+minister|"
        r"crown\s+prince)\b",
        _F,
    )
)
_ROLE_REFERENCE = re.compile(
    r"\b(?:the\s+)?(?P<country>(?-i:[A-Z])[\w.]+?)(?:'s)?\s+(?:(?:then|current|new)\s+)?"
    r"(?P<office>president|leader|chancellor|prime\s+minister|premier|foreign\s+minister)\b"
    r"(?!\s+(?-i:[A-Z]))",
    _F,
)
_BARE_ROLE = re.compile(
    r"\bthe\s+(?P<office>chancellor|prime\s+minister|premier|foreign\s+minister|crown\s+prince)\b"
    r"(?!\s+(?-i:[A-Z]))",
    _F,
)
"""An office named with no country ("the chancellor"): its one holder in the article."""
_OFFICE_ROLES = {
    "president": ("president",),
    "leader": ("president", "prime minister", "chancellor"),
    "chancellor": ("chancellor",),
    "prime minister": ("prime minister",),
    "premier": ("prime minister",),
    "foreign minister": ("foreign minister",),
    "crown prince": ("crown prince",),
}
"""The roles of `officials.json` an office noun names; a country's "leader" is its head of
state or, lacking one the article names, of government."""


_SPEAKER_SOON = Folded(
    re.compile(
        r"(?:\s+(?:had|has|have|also|earlier|again|then|later|repeatedly|\w+ly)){1,3}\s+"
        r"(?:said|says|told|insisted|warned|argued|claimed|stressed|noted|added|declared)\b",
        _F,
    )
)


def _role_references(
    clause: str,
    anchors: list[int],
    named: ArticlePeople,
    found: list[gazetteer.Official],
) -> list[gazetteer.Official]:
    """Heads of state the clause names by office ("the U.S. president's call with Putin"),
    resolved to the holder the article names; not those who only comment."""
    out: list[gazetteer.Official] = []
    seen = {o.name for o in found}
    bare = [m for m in _BARE_ROLE.finditer(clause)]
    for match in [*_ROLE_REFERENCE.finditer(clause), *bare]:
        if not any(abs(match.start() - a) <= 110 for a in anchors):
            continue
        office = " ".join(match.group("office").lower().split())
        if match in bare:
            # "the chancellor" with no country: the one holder of the office the article names
            official = named.sole_holder(_OFFICE_ROLES[office][0])
        else:
            countries = gazetteer.countries().find(match.group("country"))
            if not countries or countries[0].start != 0:
                continue
            official = next(
                (
                    holder
                    for role in _OFFICE_ROLES[office]
                    if (holder := named.holder(countries[0].item.code, role)) is not None
                ),
                None,
            )
        if official is None or official.name in seen:
            continue
        after = clause[match.end() : match.end() + 100]
        speaker = _SPEAKER_AFTER.match(after) or _SPEAKER_SOON.match(after)
        if (
            speaker is not None
            and not _SELF_MEETING.match(after, None, speaker.end())
            and not any(match.end() <= a < match.end() + speaker.end() for a in anchors)
            and not _FRAMED_BY_CONTACT.match(clause)
        ):  # the verb after the office is not the contact itself ("X's leader called him"),
            # unless the clause is set in the contact ("During the meeting, the chancellor
            # insisted ...": he said it there)
            continue
        seen.add(official.name)
        out.append(official)
    return out


_FRAMED_BY_CONTACT = re.compile(
    r"\s*(?:during|at|in)\s+(?:the|their|his|her|that|this)\s+(?:[\w-]+\s+){0,2}"
    r"(?:meeting|talks|call|conversation|summit|negotiations)\b",
    _F,
)


def _lead_in(text: str) -> str:
    """A sentence's opening adverbial ("On Saturday, ..."), which dates all its clauses."""
    comma = text.find(",")
    return text[:comma] if 0 < comma <= 40 else ""


_ITS_ROLE = Folded(
    re.compile(r"\b(?:its|their)\s+(?:own\s+)?(?:negotiators|delegation|team|envoys?)\b", _F),
    needs=("negotiators", "delegation", "team", "envoy"),
)
_HOSTED = Folded(
    re.compile(r"\b(?:host\w*|mediat\w*|brokered|chair\w*)\b", _F),
    needs=("host", "mediat", "brokered", "chair"),
)


def _sides(parties: set[str]) -> set[str]:
    sides = gazetteer.country_sides()
    return {sides.get(code, "ALLY") for code in parties}


def valid_parties(
    parties: set[str],
    peace: bool,
    today: dt.date | None = None,
    war: bool = False,
) -> bool:
    """Whether a contact between `parties` can be a negotiation about the war.

    Russia (or its bloc) with any other side, and Ukraine with a state that is on neither
    side, need the war itself to be the subject (`war`: the war in Ukraine, evacuations, an
    end to the conflict...) or peace; the UN, the OSCE or the Red Cross with a warring side
    are mediators by what they are. Ukraine with the US needs the topic to be peace, a truce
    or prisoners, except once the US is brokering the talks itself (from the date the
    countries data gives); so does a state on neither side meeting Ukraine's allies (a
    mediator sounding out one side's backers). Allies among themselves never negotiate."""
    sides = gazetteer.country_sides()
    if today is not None and "US" in parties and "UA" in parties:
        since = gazetteer.mediator_since().get("US")
        if since is not None and today >= since:
            peace = True
    russia_bloc = {c for c in parties if sides.get(c) == "RU"}
    others = parties - russia_bloc
    if "UA" in parties and russia_bloc:
        return True
    rest = _sides(parties - {"UA"})
    bodies = countries.institutions()
    institution = any(c in bodies and sides.get(c) == "MEDIATOR" for c in others)
    if institution and ("RU" in parties or "UA" in parties):
        return True  # the UN, the OSCE, the Red Cross meet a warring side over the war
    if "RU" in parties and others:
        other_sides = _sides(others)
        return peace or war or bool(other_sides & {"UA", "US", "ALLY"})
    if "UA" in parties and "MEDIATOR" in rest:
        return peace or war
    if "UA" in parties and "US" in rest:
        return peace
    if "UA" not in parties and "MEDIATOR" in rest and rest & {"US", "ALLY"}:
        return peace and any(c not in bodies and sides.get(c) == "MEDIATOR" for c in parties)
    return False


def _date_of(mention: TalkMention) -> dt.date | None:
    return mention.cue.date if mention.cue.when is When.DATE else None


def _video(mentions: list[TalkMention]) -> bool:
    return any(m.fmt == "video" for m in mentions)


def _other_format_to_come(draft: NegotiationDraft, mention: TalkMention) -> bool:
    """Whether the mention plans a round by video after the draft's round was held in person,
    or the reverse ("met in Minsk on Thursday ... will resume their work by video link"): the
    round that took place cannot still be to come by other means, so the plan is another."""
    rounds = ("in_person", "video")
    held_formats = {m.fmt for m in draft.mentions if m.status == "held" and m.fmt in rounds}
    return (
        mention.status == "scheduled"
        and mention.fmt in rounds
        and bool(held_formats)
        and mention.fmt not in held_formats
    )


def _family(fmt: str | None) -> str | None:
    if fmt == "call":
        return "call"
    if fmt in ("in_person", "video"):
        return "meet"
    return None


_THEN = re.compile(
    r"\b(?:will|would|is\s+to|are\s+to)\s+then\b|\bthen\s+(?:go|travel|fly|head|hold)", _F
)
"""A contact told as the next step after another ("will then hold talks with ...")."""
_BACK_REFERENCE = re.compile(
    r"^\s*(?:(?:During|In|Over|Throughout)\s+)?the\s+(?:[\w-]+\s+){0,2}?(?:call|conversation|"
    r"phone\s+call|telephone\s+conversation|video\s+call)\b",
    _F,
)
"""A sentence that opens with a call told before ("The call, which ...", "During the
hour-long conversation, ...")."""


@dataclass(slots=True)
class _Folder:
    today: dt.date
    titled: bool = False
    drafts: list[NegotiationDraft] = field(default_factory=list)
    waiting: list[tuple[TalkMention, NegotiationDraft]] = field(default_factory=list)

    def compatible(self, draft: NegotiationDraft, mention: TalkMention) -> bool:
        if (
            mention.next_round
            and mention.status == "scheduled"
            and draft.status == "held"
            and not _next_day_of(draft, mention)
            and not _same_ordinal(draft, mention)
        ):
            return False
        if (
            mention.support
            and mention.status == "scheduled"
            and draft.date is not None
            and draft.date < self.today
        ):
            return False  # who will lead the coming round says nothing of a past one
        if mention.support and mention.status == "held" and draft.status == "scheduled":
            return False  # who headed the team was at a round that took place
        venue = _draft_venue(draft)
        if venue and mention.venue and venue != mention.venue:
            return False
        if mention.prepares != any(m.prepares for m in draft.mentions) and not mention.support:
            return False  # a meeting to prepare a summit is not the summit
        if _other_format_to_come(draft, mention) or self._past_beside_plan(draft, mention):
            return False
        fam, mine = _draft_family(draft), _family(mention.fmt)
        if mention.definite and mention.fmt == "call" and _video(draft.mentions):
            mine = fam  # "X held a video conference with Y. Z hosted the call": the same contact
        if fam and mine and fam != mine:
            return False
        date, mdate = _draft_date(draft), _date_of(mention)
        if date and mdate and abs((date - mdate).days) > 1:
            return False
        if mdate and any(
            m.index == mention.index and (d := _date_of(m)) is not None and d != mdate
            for m in draft.mentions
        ):
            return False  # one sentence that gives two meetings two days reports two
        vague = any(m.cue.when is When.VAGUE for m in draft.mentions)
        if mention.cue.when is When.VAGUE and date and date >= self.today - dt.timedelta(days=1):
            return False
        if mention.callers and any(
            m.index == mention.index and m.callers and m.callers != mention.callers
            for m in draft.mentions
        ):
            return False
        if mention.definite and mention.kind == "meet" and fam == "call":
            return False  # "The talks would be held there": a meeting, not the call just told
        if mention.definite and mention.paragraph - draft.mentions[-1].paragraph <= 1:
            return True  # "X, who hosted the talks, said...": the talks just told
        if (
            not mention.support
            and len(mention.parties) >= 2
            and mention.parties - set(draft.parties)
            and not valid_parties(mention.parties, True, self.today)
        ):
            # "On Saturday, advisers from A, B and C met Ukrainian officials in Geneva": a
            # meeting of allies is no part of the talks held in the same city
            return False
        if not mention.support and _other_principals(draft, mention, self.titled):
            return False
        if (
            mention.apart
            and draft is self.drafts[-1]
            and not mention.support
            and not (
                mention.status == "scheduled"
                and any(m.status == "scheduled" for m in draft.mentions)
            )
        ):
            # "Earlier on Friday, X hosted a meeting with Y": another contact; "Later on
            # Tuesday, X is due to meet Y" is the same meeting still to come
            return False
        if vague and mdate and not date:
            return False
        theirs = {o.name for o in draft.officials()}
        ours = {o.name for o in mention.participants}
        if (
            ours
            and theirs
            and not ours & theirs
            and mention.parties
            and not mention.parties & set(draft.parties)
            and not (fam != "call" and _only_mediators(mention.parties))
            and not (mention.support and fam == "meet")
        ):
            return False  # a delegation line names the other side's team of the meeting told
        if (
            fam == "call"
            and len(ours) >= 2
            and len(theirs) >= 2
            and not (ours <= theirs or theirs <= ours)
        ):
            return False
        if (
            _THEN.search(mention.text)
            and len(mention.parties) >= 2
            and mention.parties - set(draft.parties)
            and not mention.support
        ):
            # "X will meet the crown prince on Monday. The delegation will then hold talks
            # with the United States": a contact that follows, with another counterpart
            return False
        if _opposite_fronts(set(draft.parties), mention.parties):
            # "X will go to Ukraine for talks with Y, and then to Russia to meet Z": a contact
            # with one warring side and none with the other is not the same as the reverse
            return False
        if _two_sided(mention.participants) and _two_sided(draft.officials()) and not ours & theirs:
            # "Rubio and Lavrov talked last week ... Trump is to speak with Putin": each names
            # both sides of its own contact, and no one is on both
            return False
        if fam == "call" and len(draft.parties) >= 2 and mention.parties - set(draft.parties):
            return False
        return not (
            fam == "call" and ours and theirs and not ours & theirs and len(ours | theirs) > 2
        )

    def _past_beside_plan(self, draft: NegotiationDraft, mention: TalkMention) -> bool:
        """Whether the mention tells of a contact held on a day before today and the draft
        only of one planned with no day ("will resume by video; no date was given. That
        followed a meeting in Antalya on March 10"): what took place is not what is to come."""
        held_on = _date_of(mention)
        told = [m for m in draft.mentions if not m.support]
        return (
            mention.status == "held"
            and not mention.support
            and held_on is not None
            and held_on < self.today
            and bool(told)
            and all(m.status == "scheduled" for m in told)
            and _draft_date(draft) is None
        )

    def related(self, draft: NegotiationDraft, mention: TalkMention) -> bool:
        if mention.venue and mention.venue == _draft_venue(draft):
            return True
        if {o.name for o in mention.participants} & {o.name for o in draft.officials()}:
            return True
        mdate = _date_of(mention)
        ddate = _draft_date(draft)
        if mdate and mdate == ddate:
            return True
        if (
            mdate
            and ddate
            and abs((mdate - ddate).days) <= 1
            and _draft_family(draft) == "meet"
            and mention.paragraph - draft.mentions[-1].paragraph <= 2
        ):
            return True
        near = mention.paragraph - draft.mentions[-1].paragraph <= 2
        if (
            mention.definite
            and mention.parties <= set(draft.parties)
            and mention.paragraph - draft.mentions[-1].paragraph <= 1
        ):
            return True  # "The talks on Tuesday lasted five hours": the talks just told
        if (
            mention.definite
            and not mention.parties
            and not mention.venue
            and _draft_family(draft) == "meet"
            and [d for d in self.drafts if _draft_family(d) == "meet"] == [draft]
        ):
            return True  # "Monday's session came a day after...": the one meeting told
        if (
            self.titled
            and all(m.paragraph <= 1 for m in draft.mentions)
            and ddate is None
            and mention.paragraph <= 3
            and mention.parties & set(draft.parties)
            and not mention.support
        ):
            return True  # the lead tells, with its day, the contact its headline announced
        if draft.pending and mention.concrete:
            return False
        if near and mention.venue and not mdate and not _draft_venue(draft) and ddate:
            return True  # an undated line that only says where a dated round takes place
        if (
            not _draft_venue(draft)
            and not _draft_date(draft)
            and mention.paragraph - draft.mentions[-1].paragraph <= 2
        ):
            return True
        if mention.support and mention.status == "scheduled" and draft.status == "scheduled":
            return _draft_family(draft) != "call"  # who will lead the coming round
        if mention.support:
            return near and _draft_family(draft) != "call"
        return near and not mention.venue and not mdate

    def add(self, mention: TalkMention) -> None:
        told = self._told_again(mention)
        if told is not None:
            told.mentions.append(replace(mention, parties=set(), participants=[]))
            _resolve(told, self.today, self.titled)
            return
        if mention.venue is None and self.drafts and _THAT_CITY.search(mention.text):
            # "in the same city": the city of the contact just told
            city = _draft_venue(self.drafts[-1])
            if city is not None:
                mention = replace(mention, venue=city)
        fits = [d for d in reversed(self.drafts) if self.compatible(d, mention)]
        fits = [d for d in fits if self.related(d, mention)]
        if mention.status == "held" and not mention.support and _date_of(mention) is None:
            # "X said after the meeting that...": a contact told as past is the round that
            # took place, not a later one the article says is planned
            fits = [d for d in fits if d.status == "held"] + fits
        target = next(iter(fits), None)
        if target is not None and mention.support and _foreign_side(target, mention, self.titled):
            # "The Russian delegation arrives. It is headed by X" after a US-Ukraine meeting:
            # X's side is at none of its reports, so X waits for a contact his side is at
            self.waiting.append((mention, target))
        elif target is not None:
            target.mentions.append(mention)
            _resolve(target, self.today, self.titled)
        elif (call := self._call_agreeing(mention)) is not None:
            # "X and Y spoke by phone ... It was agreed to organise a face-to-face meeting":
            # the meeting the call agreed on, between the call's sides and on its subject
            mention.parties |= set(call.parties)
            mention.peace = mention.peace or any(m.peace for m in call.mentions)
            mention.participants = [*mention.participants, *call.officials()]
            draft = NegotiationDraft([mention])
            _resolve(draft, self.today, self.titled)
            self.drafts.append(draft)
        elif not mention.support and (mention.concrete or (mention.status and mention.peace)):
            later_round = mention.next_round or any(
                _other_format_to_come(d, mention) for d in self.drafts
            )
            if later_round and len(mention.parties) < 2:
                earlier = next(
                    (
                        d
                        for d in reversed(self.drafts)
                        if _draft_family(d) == "meet"
                        and valid_parties(set(d.parties), True, self.today)
                    ),
                    None,
                )
                if earlier is not None and mention.parties <= set(earlier.parties):
                    # the next round of the same talks; "further talks with world leaders"
                    # by a side not at them is no round of theirs
                    mention.parties |= set(earlier.parties)
            draft = NegotiationDraft([mention], pending=not mention.concrete)
            _resolve(draft, self.today, self.titled)
            self.drafts.append(draft)

    def _told_again(self, mention: TalkMention) -> NegotiationDraft | None:
        """The contact a sentence opening with it by name refers back to ("The call, which X
        did not coordinate with Kyiv, drew a rebuke from Y", "During the hour-long
        conversation, X urged Y to ..."): the last one of the same kind, within two
        paragraphs. Its people and sides are those already told; the sentence names others
        only as commenters or as the subject of what was said."""
        if (
            not _BACK_REFERENCE.match(mention.text)
            or mention.fmt not in (None, "call")
            or mention.status == "scheduled"
        ):
            return None  # "The call came two days before X is due to meet Y": that meeting
        for draft in reversed(self.drafts):
            if mention.paragraph - draft.mentions[-1].paragraph > 2:
                return None
            if _draft_family(draft) == "call" and any(m.status == "held" for m in draft.mentions):
                return draft
        return None

    def _call_agreeing(self, mention: TalkMention) -> NegotiationDraft | None:
        """The call just told, when the mention is a meeting with no sides of its own that
        is agreed on ("agreed to meet in person"): the call that agreed on it."""
        if (
            mention.support
            or mention.status != "scheduled"
            or _family(mention.fmt) != "meet"
            or len(mention.parties) >= 2
            or not self.drafts
            or not _AGREED.search(mention.text)
        ):
            return None
        last = self.drafts[-1]
        told = [m for m in last.mentions if not m.support]
        if (
            _draft_family(last) == "call"
            and all(m.status == "held" for m in told)
            and len(last.parties) >= 2
            and mention.paragraph - last.mentions[-1].paragraph <= 1
        ):
            return last
        return None

    def settle(self) -> None:
        """Each delegation line that waited joins the first later contact its side is at,
        else the one it fitted."""
        for mention, fallback in self.waiting:
            sides = _principals(mention.parties)
            later = next(
                (
                    d
                    for d in self.drafts
                    if min((m.index for m in d.mentions if not m.support), default=-1)
                    > mention.index
                    and sides <= _body_principals(d, self.titled)
                    and self.compatible(d, mention)
                ),
                fallback,
            )
            later.mentions.append(mention)
            later.mentions.sort(key=lambda m: m.index)
            _resolve(later, self.today, self.titled)
        self.waiting.clear()


def _body_principals(draft: NegotiationDraft, titled: bool) -> frozenset[str]:
    """The sides of the war the draft's own reports (not a headline, not a delegation line)
    name."""
    out: frozenset[str] = frozenset()
    for told in draft.mentions:
        if not told.support and not (titled and told.paragraph == 0):
            out |= _principals(told.parties)
    return out


def _foreign_side(draft: NegotiationDraft, mention: TalkMention, titled: bool) -> bool:
    """Whether a delegation line names only a side of the war that the draft's reports,
    which already name two such sides, leave out."""
    body = _body_principals(draft, titled)
    sides = _principals(mention.parties)
    return len(body) >= 2 and bool(sides) and not sides & body


def _same_ordinal(draft: NegotiationDraft, mention: TalkMention) -> bool:
    """Whether the draft names the round the mention counts ("the second round ... ends",
    "the second round, set to take place at X"): the same round, not the next one."""
    ordinal = _ORDINAL_ROUND.search(mention.text)
    if ordinal is None:
        return False
    number = ordinal.group(0).split()[0].lower()
    return any(
        (found := _ORDINAL_ROUND.search(m.text)) is not None
        and found.group(0).split()[0].lower() == number
        for m in draft.mentions
    )


def _next_day_of(draft: NegotiationDraft, mention: TalkMention) -> bool:
    """ "The delegations parted after six hours and will meet again on Wednesday", the day
    after a round that opened, in its city: the round's second day, not another round."""
    held, coming = _draft_date(draft), _date_of(mention)
    return (
        held is not None
        and coming is not None
        and (coming - held).days == 1
        and mention.venue in (None, _draft_venue(draft))
        and bool(_AGAIN.search(mention.text))
        and _draft_family(draft) == "meet"
    )


_AGAIN = re.compile(r"\b(?:meet|talk|sit\s+down)\s+again\b|\bresume\b|\breconvene\b", _F)


def _principals(parties: set[str]) -> frozenset[str]:
    """The sides of the war among `parties` (Russia's bloc, Ukraine, the US)."""
    sides = gazetteer.country_sides()
    return frozenset(s for c in parties if (s := sides.get(c, c)) in ("RU", "UA", "US"))


_LIVE_ENTRY = re.compile(r"\s*\d{1,2}[:.]\d{2}\s*(?:[-–—:]\s*)?(?-i:[A-Z])")
"""A live page's time-stamped entry ("13:20 - The session begins")."""


def _other_principals(draft: NegotiationDraft, mention: TalkMention, titled: bool) -> bool:
    """Whether the mention, opening an entry of a live page, and a report of the draft each
    name two sides of the war, and neither pair holds the other: a Russia-Ukraine session
    and a US-Ukraine meeting told in two entries of the same day are two contacts. (In plain
    prose such pairs are as often one trilateral told pair by pair: no split.)"""
    mine = _principals(mention.parties)
    if len(mine) < 2 or not _LIVE_ENTRY.match(mention.text):
        return False
    for told in draft.mentions:
        if told.support or (titled and told.paragraph == 0):
            continue  # a headline sums up every contact of the piece
        theirs = _principals(told.parties)
        if len(theirs) >= 2 and not (mine <= theirs or theirs <= mine):
            both = mine | theirs
            # a trilateral told pair by pair ("the Russian and Ukrainian delegations ...",
            # "the US team met the Ukrainians") is one contact where any report names all
            return not any(both <= _principals(t.parties) for t in draft.mentions)
    return False


def _opposite_fronts(first: set[str], second: set[str]) -> bool:
    """Whether one set of sides meets Russia's bloc without Ukraine and the other Ukraine
    without Russia's bloc (each naming someone else too)."""
    sides = gazetteer.country_sides()

    def front(parties: set[str]) -> str | None:
        russian = any(sides.get(c) == "RU" for c in parties)
        if len(parties) < 2 or russian == ("UA" in parties):
            return None
        return "RU" if russian else "UA"

    a, b = front(first), front(second)
    return a is not None and b is not None and a != b


def _two_sided(people: list[gazetteer.Official]) -> bool:
    """Whether `people` hold two sides of a contact: people of two countries on different
    sides of the war (a French and a British leader who join a call are one side of it)."""
    sides = gazetteer.country_sides()
    return len({sides.get(o.country, o.country) for o in people if o.country}) >= 2


def _only_mediators(parties: set[str]) -> bool:
    """A host or broker ("the meeting was opened by the Turkish foreign minister") joins the
    meeting of the sides it mediates between."""
    sides = gazetteer.country_sides()
    return all(sides.get(code) == "MEDIATOR" for code in parties)


def _draft_venue(draft: NegotiationDraft) -> str | None:
    return next((m.venue for m in draft.mentions if m.venue and not m.support), None) or next(
        (m.venue for m in draft.mentions if m.venue), None
    )


def _draft_date(draft: NegotiationDraft, titled: bool = False) -> dt.date | None:
    dated = [m for m in draft.mentions if not m.support and _date_of(m) is not None]
    if titled and dated and dated[0].paragraph == 0:
        # a headline's day is a relative word ("late at night", "today"); the body's own
        # report of the contact names it
        dated = [m for m in dated if m.paragraph > 0] or dated
    return _date_of(dated[0]) if dated else None


def _draft_family(draft: NegotiationDraft) -> str | None:
    return next((f for m in draft.mentions if (f := _family(m.fmt)) is not None), None)


def extract_negotiations(
    sentences: list[Sentence],
    cues: Cues,
    today: dt.date,
    years: list[int | None] | None = None,
    local_hour: int = 12,
    titled: bool = False,
) -> list[NegotiationDraft]:
    """Negotiation drafts in order of first mention; `years` gives, per sentence, the year an
    undated "March 10" most likely belongs to (see `dates.year_context`); `local_hour` is
    the Kyiv hour of publication and `titled` says the first paragraph is the headline."""
    folder = _Folder(today, titled)
    named = ArticlePeople(sentences)
    opening: dict[int, str] = {}
    for sentence in sentences:
        opening.setdefault(sentence.paragraph, sentence.text)
        year = years[sentence.index] if years else None
        recent = bool(folder.drafts) and (
            sentence.paragraph - max(d.mentions[-1].paragraph for d in folder.drafts) <= 2
        )  # a contact was told within the last two paragraphs, whichever draft it joined
        found = _mentions_in(sentence, today, year, recent, opening[sentence.paragraph], named)
        if not found:
            speaker = _opening_speaker(sentence.text, named)
            if speaker is not None:
                named.last_person = speaker  # "X said ... From there he is due to meet Y"
        for mention in found:
            folder.add(mention)
            again = _met_again(sentence.text, mention, today)
            if again is not None:
                folder.add(again)
    peaceful = {
        s.paragraph for s in sentences if _PEACE.search(s.text) or _TALKS_ABOUT_TALKS.search(s.text)
    }
    topical = peaceful | {s.paragraph for s in sentences if _WAR.search(s.text)}
    folder.settle()
    _next_rounds(folder.drafts, today)
    drafts = _without_headline_summaries(folder.drafts) if titled else folder.drafts
    kept = [
        d
        for d in drafts
        if _keep(d, today, topical, peaceful, titled)
        or _keep(d, today, *_exchanged(d, sentences), titled)
    ]
    kept = _without_called_off(kept, sentences)
    kept = _with_go_betweens(folder.drafts, kept, topical)
    lead = 2 if titled else 1
    if any(d.date is None and d.status == "held" for d in kept):
        # the day of a plan is the plan's ("said the call went well and that he would go
        # to X on Monday"), never the day of the news
        planned = {
            m.index
            for d in kept
            for m in d.mentions
            if m.status == "scheduled" and m.cue.when is When.DATE
        }
        named_days = [
            find_date(_without_statement_times(s.text, s.text, s.text), today)
            for s in sentences
            if s.paragraph <= lead and s.index not in planned
        ]
        days = {c.date for c in named_days if c.when is not When.NONE}
        if not days:
            _date_lead_news(kept, today, local_hour, lead, None, _visit_end(sentences, today))
        elif len(days) == 1 and (day := days.pop()) is not None and day <= today:
            # a lead that names one past day only tells that day's news ("X urged Y on
            # Tuesday to ... The two met in Moscow for an hour")
            _date_lead_news(kept, today, local_hour, lead, day, _visit_end(sentences, today))
    _without_outlets(kept, sentences)
    _without_abstainers(kept, sentences)
    _journey_venues(kept, sentences)
    _shared_city(kept)
    _date_meanwhile(kept, cues, today)
    if local_hour < 5:
        _today_written_before_midnight(kept, today)
    news_elsewhere = not any(_triggers(s.text) for s in sentences if s.paragraph < lead)
    _mark_background(kept, today, news_elsewhere)
    return kept


_ABSTAINS = re.compile(
    r"\b(?:(?:not|never|no\s+longer)\s+(?:\w+\s+)?(?:tak(?:e|ing)\s+part|participat(?:e|ing)|"
    r"sit(?:ting)?\s+in)|stays?\s+out\s+of\s+the\s+(?:room|talks)|(?:is|was)\s+(?:only\s+)?"
    r"providing\s+the\s+venue)\b",
    _F,
)


def _without_abstainers(drafts: list[NegotiationDraft], sentences: list[Sentence]) -> None:
    """A host the article says provides only the venue ("Switzerland hosts the talks but
    stays out of the room", "its foreign minister greeted the delegations but did not take
    part") is no side of the talks, and its people are not at them; a side of the war stays
    (its absence is told by other words)."""
    sides = gazetteer.country_sides()
    out: set[str] = set()
    for sentence in sentences:
        found = _ABSTAINS.search(sentence.text)
        if found is None:
            continue
        head = sentence.text[: found.start()]
        out |= {m.item.code for m in gazetteer.countries().find(head)}
        out |= {m.item.country for m in gazetteer.officials().find(head) if m.item.country}
    out = {c for c in out if sides.get(c) not in ("RU", "UA", "US")}
    if not out:
        return
    for draft in drafts:
        if len(set(draft.parties) - out) < 2:
            continue  # then they are the talks' only sides, whatever else the piece says
        draft.parties = [c for c in draft.parties if c not in out]
        country = {o.name: o.country for o in draft.officials()}
        draft.participants = [n for n in draft.participants if country.get(n) not in out]


_NO_PLANS = re.compile(
    r"\bno\s+(?:plans?|intention)\s+for\s+[^.;]{0,80}?\bto\s+(?:meet|hold\s+(?:a\s+|the\s+)?"
    r"(?:summit|talks|meeting))\b[^.;]{0,60}",
    _F,
)


def _without_called_off(
    drafts: list[NegotiationDraft], sentences: list[Sentence]
) -> list[NegotiationDraft]:
    """A planned meeting the article later says there are "no plans" for ("X and Y agreed to
    hold a summit in A. But ... there were no plans for X to meet Y") is off: no event. The
    later line names both of its people."""
    out: list[NegotiationDraft] = []
    for draft in drafts:
        people = set(draft.participants)
        off = (
            draft.status == "scheduled"
            and _draft_family(draft) == "meet"
            and len(people) >= 2
            and any(
                len(named := {m.item.name for m in gazetteer.officials().find(found.group(0))}) >= 2
                and named <= people
                for s in sentences
                if s.index > draft.first and "no " in s.text.lower()
                for found in _NO_PLANS.finditer(s.text)
            )
        )
        if not off:
            out.append(draft)
    return out


def _shared_city(drafts: list[NegotiationDraft]) -> None:
    """A meeting with no city of its own, on the day of another meeting in city X that one
    of its people attended, is in X too: no one sits at two tables in two cities the same
    day (a live blog's second session)."""
    for draft in drafts:
        if draft.venue is not None or draft.fmt != "in_person" or not draft.participants:
            continue
        for other in drafts:
            if (
                other is not draft
                and other.venue is not None
                and other.fmt == "in_person"
                and other.date is not None
                and draft.date in (None, other.date)
                and set(draft.participants) & set(other.participants)
            ):
                draft.venue = other.venue
                draft.date = draft.date or other.date
                break


def _without_headline_summaries(drafts: list[NegotiationDraft]) -> list[NegotiationDraft]:
    """A headline sums up the contacts the body reports ("X tells Y ... after call with Z"):
    an undated contact only the headline tells, whose people the body's contacts of the same
    kind all cover between them, is those contacts run together, not another one."""
    out = []
    for draft in drafts:
        others = [
            d
            for d in drafts
            if d is not draft
            and any(m.paragraph > 0 for m in d.mentions)
            and _draft_family(d) == _draft_family(draft)
        ]
        covered = {name for d in others for name in d.participants}
        if (
            all(m.paragraph == 0 for m in draft.mentions)
            and draft.date is None
            and len(others) >= 2
            and draft.participants
            and set(draft.participants) <= covered
        ):
            continue
        out.append(draft)
    return out


_DATELINE_SOURCE = re.compile(r"^[A-Z][A-Z .'/-]+(?:,[^()\n]{1,40})?\(([^()]{2,40})\)\s*[-–—:]")
"""A wire dateline the text layer keeps ("ANCHORAGE, Alaska (Agency) -"): its source."""


def _without_outlets(drafts: list[NegotiationDraft], sentences: list[Sentence]) -> None:
    """The agency a dateline names is never a participant."""
    sources = {
        found.group(1).strip()
        for s in sentences[:3]
        if (found := _DATELINE_SOURCE.match(s.text)) is not None
    }
    if not sources:
        return
    for draft in drafts:
        draft.participants = [p for p in draft.participants if p not in sources]


def _journey_venues(drafts: list[NegotiationDraft], sentences: list[Sentence]) -> None:
    """A meeting with no city of its own is where one of its people's journey ended, told in
    its sentence or the one before ("The plan that X brought to Kyiv on Thursday ... X met Y
    for several hours"; "Lviv is preparing for the arrival of X, who will hold talks with
    Y")."""
    for draft in drafts:
        if draft.venue is not None or draft.fmt not in (None, "in_person"):
            continue
        surnames = {name.split()[-1] for name in draft.participants}
        if not surnames:
            continue
        first = draft.mentions[0].index
        for sentence in sentences[max(0, first - 1) : first + 1]:
            city = _journey_end(sentence.text, surnames)
            if city is not None:
                draft.venue, draft.fmt = city, "in_person"
                draft.evidence["venue"] = sentence.text
                break


_JOURNEY_TO = re.compile(
    r"\b(?:arriv\w*\s+in|arrival\s+in|(?:came|comes|travell?ed|flew|went|brought(?:\s+\w+)?)"
    r"\s+to|visit(?:ed|ing|s)?)\s+(?:the\s+(?:\w+\s+)?(?:city|capital)\s+of\s+)?$",
    _F,
)
_AWAITS_ARRIVAL = re.compile(
    r"\s+(?:is|was)\s+(?:preparing|getting\s+ready)\s+for\s+the\s+(?:arrival|visit)\b", _F
)


def _journey_end(text: str, surnames: set[str]) -> str | None:
    """The city a journey of one of `surnames` ends in, if the sentence names both."""
    keys = {spelling_key(name) for name in surnames}
    if not any(spelling_key(word) in keys for word in re.findall(r"\w+", text)):
        return None
    for mention in gazetteer.places().find(text):
        if mention.item.kind != "city":
            continue
        before = text[max(0, mention.start - 40) : mention.start]
        if _JOURNEY_TO.search(before) or (
            mention.start == 0 and _AWAITS_ARRIVAL.match(text, mention.end)
        ):
            return mention.item.name
    return None


def _next_rounds(drafts: list[NegotiationDraft], today: dt.date) -> None:
    """ "Next round set for Feb. 1" in a headline, "the parties agreed to meet again": a
    coming round that names no sides is the next round of the talks the article reports,
    even when those are told after it."""
    for draft in drafts:
        if len(draft.parties) >= 2 or not any(m.next_round for m in draft.mentions):
            continue
        if draft.status != "scheduled":
            continue
        rounds = [
            d
            for d in drafts
            if d is not draft
            and _draft_family(d) == "meet"
            and valid_parties(set(d.parties), True, today)
            and set(draft.parties) <= set(d.parties)
        ]
        if len(rounds) == 1:
            draft.parties = list(rounds[0].parties)


def _with_go_betweens(
    drafts: list[NegotiationDraft], kept: list[NegotiationDraft], topical: set[int]
) -> list[NegotiationDraft]:
    """`kept`, plus the contacts in which a state that is neither warring side nor the US
    carries one side's word to the other: its contact with Ukraine about the war within a day
    of its kept contact with Russia, or the reverse ("X spoke with Putin on Friday. Later
    that day the chancellor rang Zelensky to brief him")."""
    sides = gazetteer.country_sides()
    out = list(kept)
    for draft in drafts:
        if draft in kept or not any(m.paragraph in topical for m in draft.mentions):
            continue
        parties = set(draft.parties)
        go = {c for c in parties if sides.get(c) in ("ALLY", "MEDIATOR")}
        if len(go) != 1 or len(parties) != 2:
            continue
        (broker,) = go
        (other,) = parties - go
        far = "RU" if sides.get(other) == "UA" else "UA" if sides.get(other) == "RU" else None
        if far is None:
            continue
        if any(
            broker in k.parties
            and any(sides.get(c) == far for c in k.parties)
            and (k.date is None or draft.date is None or abs((k.date - draft.date).days) <= 1)
            for k in kept
        ):
            out.append(draft)
    return sorted(out, key=lambda d: d.first)


def _date_lead_news(
    drafts: list[NegotiationDraft],
    today: dt.date,
    local_hour: int,
    lead: int,
    day: dt.date | None = None,
    visit_end: dt.date | None = None,
) -> None:
    """A held contact that the headline or the first two paragraphs report with no day, in
    a lead that names no day at all, is the day's news: the publication day, or the day
    before for a piece out before 05:00 Kyiv time ("X and Y spoke by phone", "after he met
    Y on the sidelines of ..."); `lead` is the last paragraph of the lead, `day` the one day
    a lead names, if it names one."""
    for draft in drafts:
        first = next((m for m in draft.mentions if not m.support), None)
        if (
            first is None
            or draft.date is not None
            or draft.vague
            or draft.status != "held"
            or first.paragraph > lead
            or any(m.cue.when is not When.NONE for m in draft.mentions)
        ):
            continue
        draft.date = (
            visit_end  # "on the last day of a three-day visit" outweighs the arrival's day
            or day
            or _report_day(first.text, today)
            or (today if local_hour >= 5 else today - dt.timedelta(days=1))
        )
        draft.evidence["occurred_on"] = first.text


_VISIT_DAYS = re.compile(
    r"\blast\s+day\s+of\s+(?:a|an|his|her|the)\s+(?P<n>two|three|four|five|[2-5])\s*-?\s*day\s+"
    r"(?:visit|trip|tour)\b",
    _F,
)
_ARRIVED_ON = re.compile(
    r"\b(?:came|arrived|landed|flew)\s+(?:to|in|into)\s+[^.;]{0,40}?\bon\s+"
    r"(?P<day>mon|tues|wednes|thurs|fri|satur|sun)day\b",
    _F,
)
_WEEKDAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")
_SMALL_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}


def _visit_end(sentences: list[Sentence], today: dt.date) -> dt.date | None:
    """The day a visit that the article dates by its arrival ("X came to China on Sunday")
    ends, when it reports the news "on the last day of a three-day visit": arrival plus the
    visit's days less one, if that is not after today."""
    text = " ".join(s.text for s in sentences)
    span = _VISIT_DAYS.search(text)
    arrival = _ARRIVED_ON.search(text) if span else None
    if span is None or arrival is None:
        return None
    n = _SMALL_NUMBERS.get(span.group("n").lower()) or int(span.group("n"))
    came = weekday_date(_WEEKDAYS.index(arrival.group("day").lower()), today, False)
    end = came + dt.timedelta(days=n - 1)
    return end if end <= today else None


_MEANWHILE = Folded(
    re.compile(
        r"\b(?:meanwhile|in\s+the\s+meantime|at\s+the\s+same\s+time|(?:that|the)\s+same\s+day)\b",
        _F,
    ),
    needs=("meanwhile", "meantime", "same"),
)
_SEQUEL = Folded(
    re.compile(
        r"\b(?:(?:later|earlier)\s+(?:that|the\s+same)\s+day|later\s+in\s+the\s+day|"
        r"(?:shortly\s+)?afterwards?|after\s+that|then)\b",
        _F,
    ),
    needs=("that day", "the same day", "the day", "after", "then"),
)
"""What follows the contact just told: it falls on the day of the sentence before."""


def _date_meanwhile(drafts: list[NegotiationDraft], cues: Cues, today: dt.date) -> None:
    """A held contact told with no day of its own but as simultaneous with what came before,
    or as what came right after it ("In X, meanwhile, talks between A and B ended with...",
    "Later that day he rang Z", "He then phoned Z"), falls on the day of the nearest earlier
    sentence that names one, else on the reference day."""
    for draft in drafts:
        first = next((m for m in draft.mentions if not m.support), None)
        if first is None or draft.date is not None or draft.vague or draft.status != "held":
            continue
        if not _MEANWHILE.search(first.text):
            previous = cues[first.index - 1] if first.index > 0 else None
            if (
                _SEQUEL.search(first.text)
                and previous is not None
                and previous.when is When.DATE
                and previous.date is not None
                and previous.date <= today
            ):
                # "X met Y on Friday. He then phoned Z": the sequel of the day just told
                draft.date = previous.date
                draft.evidence["occurred_on"] = first.text
            continue
        day = next(
            (
                cue.date
                for i in range(first.index - 1, -1, -1)
                if (cue := cues[i]).when is When.DATE and cue.date is not None
            ),
            today,
        )
        if day <= today:
            draft.date = day
            draft.evidence["occurred_on"] = first.text


_TODAY_WORD = Folded(
    re.compile(r"\b(?:today|tonight|this\s+(?:afternoon|evening))\b", _F),
    needs=("today", "tonight", "this"),
)


def _today_written_before_midnight(drafts: list[NegotiationDraft], today: dt.date) -> None:
    """A piece stamped in the small hours of Kyiv was written the evening before, wherever
    its writer was: the "today" of a contact it reports is the day before (the day a
    landing before 05:00 belongs to, as for undated news), and so is the day a span of days
    ("a day after X met Y") is counted back from."""
    for draft in drafts:
        evidence = draft.evidence.get("occurred_on", "")
        if (
            draft.date == today
            and _TODAY_WORD.search(evidence)
            and find_date(evidence, today).date == today
        ):
            draft.date = today - dt.timedelta(days=1)
            continue
        span = _DAYS_AFTER.search(evidence)
        if span is None or draft.date is None:
            continue
        n = _SMALL.get(span.group("n").lower()) or int(span.group("n"))
        before = evidence[: span.start()]
        if (
            draft.date == today - dt.timedelta(days=n)
            and not _STATEMENT_DAY.search(before)
            and find_date(before, today).when is When.NONE
        ):
            # "X has made a trip to Y - a day after Z met W": a day after the news of the
            # writer's day, the evening before
            draft.date -= dt.timedelta(days=1)


def _report_day(text: str, today: dt.date) -> dt.date | None:
    """The day the sentence's own report of a contact was made ("the call lasted 50 minutes,
    the aide said on 14 June"): news of a contact with no day is that day's news."""
    for start, end in clauses.statement_times(text):
        cue = find_date(text[start:end], today)
        if cue.when is When.DATE and cue.date is not None and cue.date <= today:
            return cue.date
    return None


def _without_partial_names(names: list[str]) -> list[str]:
    """The names less those that are the start of another one ("Mohamed bin Zayed" beside
    "Mohamed bin Zayed Al Nahyan"): one person named twice."""
    return [
        name
        for name in names
        if not any(other != name and other.startswith(name + " ") for other in names)
    ]


def _resolve(draft: NegotiationDraft, today: dt.date, titled: bool = False) -> None:
    mentions = draft.mentions
    draft.date = _draft_date(draft, titled)
    draft.vague = any(m.cue.when is When.VAGUE for m in mentions) and draft.date is None
    draft.venue = _draft_venue(draft)
    formats = [m.fmt for m in mentions if m.fmt]
    if "video" in formats and all(m.definite for m in mentions if m.fmt == "call"):
        formats = [f for f in formats if f != "call"]  # "the call" names the video conference
    if "call" in formats:
        draft.fmt = "call"
        draft.venue = None
    elif "video" in formats:
        draft.fmt = "video"
        draft.venue = None  # the sides are each in their own city
    else:
        visited = {m.visited for m in mentions if m.visited}
        if draft.venue is None and len(visited) == 1 and countries.side_of(min(visited)) == "RU":
            # a visit to a country whose leaders receive the visitor in its capital, no city
            # named: that capital (a go-between receives in many cities)
            draft.venue = countries.capital(visited.pop())
        draft.fmt = "in_person" if formats or draft.venue else None
    codes: set[str] = set()
    body = _body_principals(draft, titled)
    for mention in mentions:
        if (
            titled
            and mention.paragraph == 0
            and len(body) >= 2
            and not _principals(mention.parties) <= body
        ):
            continue  # the headline sums up another contact of the piece too
        codes |= mention.parties
    draft.parties = sorted(codes)
    draft.participants = _without_partial_names([o.name for o in draft.officials()])
    if draft.date is not None and draft.date > today:
        draft.status = "scheduled"
    elif draft.date is not None and draft.date < today:
        draft.status = "held"
    else:
        told = [m for m in mentions if m.status and not m.support]
        vague_headline = (
            bool(told) and told[0].fmt is None and any(m.paragraph > 0 and m.fmt for m in told)
        )  # "X and Y agreed to start negotiations" over the call the body reports
        dated_body = [m for m in told if m.paragraph > 0 and _date_of(m) is not None]
        if titled and told and told[0].paragraph == 0 and dated_body:
            # a headline packs contacts into a few words ("X and Y end A round, agree to
            # meet again in B"): the body's dated report of the contact says whether it
            # took place
            told = dated_body
        elif (
            titled
            and told
            and told[0].paragraph == 0
            and (_SETTING.search(told[0].text) or vague_headline)
        ):
            # a headline's contact that is only the setting of its verb ("X and Y agree to
            # swap prisoners in Istanbul meeting") has no tense of its own: the body's first
            # report of it says whether it took place
            told = [m for m in told if m.paragraph > 0] or told
        draft.status = told[0].status if told and told[0].status else "held"
        if (
            draft.status == "scheduled"
            and draft.date in (None, today)
            and any(
                m.status != "scheduled"
                and not m.support
                and m.paragraph > told[0].paragraph
                and _UNDER_WAY.search(m.text)
                for m in mentions
            )
        ):
            # "08:30 The delegations are expected to meet today ... 16:45 The session has
            # ended": a plan for the day, then its happening, told later the same day
            draft.status = "held"
    first = mentions[0].text
    draft.evidence = {"status": first, "parties": first}
    if draft.venue:
        draft.evidence["venue"] = next(
            (m.text for m in mentions if m.venue == draft.venue),
            next((m.text for m in mentions if m.visited), first),
        )
    if draft.fmt:
        draft.evidence["format"] = next((m.text for m in mentions if m.fmt == draft.fmt), first)
    if draft.date is not None:
        draft.evidence["occurred_on"] = next(m.text for m in mentions if _date_of(m) == draft.date)
    if draft.participants:
        draft.evidence["participants"] = next(m.text for m in mentions if m.participants)


_SETTING = re.compile(
    r"\b(?:in|at|during)\s+(?:[\w'-]+\s+){0,3}(?:meeting|talks|session|call|summit|negotiations)\b",
    _F,
)
_ROUND = Folded(
    re.compile(
        r"\b(?:rounds?\s+of\s+(?:direct\s+)?(?:peace\s+)?(?:talks|negotiations)|"
        r"negotiating\s+team|peace\s+talks|(?:first|second|third|next|new)\s+round|"
        r"(?:both|the\s+two)\s+(?:sides|delegations|teams)|the\s+delegations)\b",
        _F,
    )
)
"""A round between the warring sides: with one side named, the other goes without saying."""


_WAR = Gated(
    re.compile(
        r"\b(?:(?:war|conflict|crisis|situation|fighting|hostilities)\s+in\s+Ukraine|"
        r"Ukrain\w*\s+(?:war|conflict|crisis|settlement)|evacuat\w*|humanitarian\s+corridors?|"
        r"discuss\w*\s+(?:the\s+)?(?:war\s+in\s+)?Ukraine|"
        r"invasion\s+of\s+Ukraine|(?:the|full-scale|Russia's|Russian)\s+invasion|"
        r"(?:end\w*|resol\w+|settl\w+|way\s+out|halt\w*|stop\w*)\s+(?:to\s+|of\s+)?(?:the|this)\s+"
        r"(?:war|conflict|crisis|fighting|hostilities|bloodshed))\b",
        _F,
    ),
    ("ukrain", "evacuat", "humanitarian", "war", "conflict", "crisis", "invasion"),
)
"""Words that make the war the subject of a contact."""


_WARRING = r"(?:Russia\w*|Moscow|Ukrain\w*|Kyiv|Kiev)\b"
_TALKS_ABOUT_TALKS = re.compile(
    r"\b(?:new|next|another|further|fresh|third|fourth|fifth)\s+round\b"
    r"(?!\s+of\s+(?!(?:\w+\s+)?(?:talks|negotiations|consultations|discussions)\b))|"
    r"\bround\s+of\s+(?:\w+\s+)?(?:talks|negotiations)\b|"
    r"\b(?:venue|host)\s+(?:for|of)\s+(?:\w+\s+){0,2}(?:talks|negotiations)\b|"
    rf"\b(?:talks|negotiations|dialogue)\s+(?:\w+\s+)?between\s+(?:the\s+)?{_WARRING}\s+"
    rf"(?:\w+\s+)?and\s+(?:the\s+)?{_WARRING}|\bdirect\s+(?:\w+\s+)?(?:talks|negotiations)\s+"
    rf"with\s+(?:the\s+)?{_WARRING}",
    _F,
)
"""A contact about a round of talks, about where talks are held ("will offer Istanbul as
a venue for talks") or about talks between the warring sides ("ready to host talks between
Russia and Ukraine") is about the negotiations themselves."""


_STEM = 6
_AGREED = re.compile(r"\bagree[sd]?\b|\bagreeing\b", _F)
_THE_TWO_OPENING = re.compile(
    r"\s*(?:The\s+two|Both)\s+(?:men|women|leaders|presidents|ministers|sides)\b"
)
"""A sentence opening on the two people of the contact just told ("The two leaders
discussed...")."""


_UNDER_WAY = re.compile(
    r"\b(?:(?:has|have)\s+(?:now\s+|just\s+)?(?:started|begun|ended|finished|concluded|opened|"
    r"wrapped\s+up|got(?:ten)?\s+under\s*way)|(?:is|are)\s+(?:now\s+)?(?:over|under\s*way)|began|"
    r"started|ended|opened|concluded|finished|wrapped\s+up|got\s+under\s*way|met|lasted)\b",
    _F,
)
"""A contact told as begun or over: what was planned for the day has happened."""


def _exchanged(draft: NegotiationDraft, sentences: list[Sentence]) -> tuple[set[int], set[int]]:
    """The paragraphs (topical, peaceful) of sentences that tell what the contact's people
    said to each other ("Xi told Zelenskiy that negotiation was the only way out of the
    conflict"): two of its participants named in one sentence, or taken up as "the two
    leaders" in the paragraph of the contact or the next, which then gives the contact its
    subject."""
    # any part of a name, by its first letters ("Xi" of Xi Jinping; "Zelenskiy" and
    # "Zelenskyy" are one name)
    people = [
        re.compile(r"\b(?:" + "|".join(re.escape(part[:_STEM]) for part in name.split()) + ")")
        for name in draft.participants
        if " " in name
    ]
    if len(people) < 2:
        return set(), set()
    topical: set[int] = set()
    peaceful: set[int] = set()
    told_in = {m.paragraph for m in draft.mentions if not m.support}
    for sentence in sentences:
        taken_up = bool(_THE_TWO_OPENING.match(sentence.text)) and bool(
            told_in & {sentence.paragraph, sentence.paragraph - 1}
        )
        if sum(bool(person.search(sentence.text)) for person in people) < 2 and not taken_up:
            continue
        if _PEACE.search(sentence.text) or _TALKS_ABOUT_TALKS.search(sentence.text):
            peaceful.add(sentence.paragraph)
        if _WAR.search(sentence.text) or sentence.paragraph in peaceful:
            topical.add(sentence.paragraph)
    paragraphs = {m.paragraph for m in draft.mentions}
    return topical | paragraphs if topical else set(), peaceful | paragraphs if peaceful else set()


_OPENING_SPEAKER = re.compile(
    r"(?:[A-Z][\w'.-]+\s+){0,2}[A-Z][\w'-]+(?=\s+(?:said|says|told|tells|wrote|added|insisted|"
    r"stressed|warned|noted|declared|announced|has|had|is|was|will|would)\b)"
)


def _opening_speaker(text: str, named: ArticlePeople) -> gazetteer.Official | None:
    """The person a sentence with no contact opens on as its subject ("Zelensky said..."):
    who a later "he" is."""
    match = _OPENING_SPEAKER.match(text)
    resolved = named.roster.resolve(match.group(0), None) if match else None
    if resolved is None:
        return None
    return resolved.as_official()


def _keep(
    draft: NegotiationDraft,
    today: dt.date,
    topical: set[int] | None = None,
    peaceful: set[int] | None = None,
    titled: bool = False,
) -> bool:
    """Whether a draft is a negotiation; `topical` are the paragraphs that name peace or the
    war: a contact reported in one of them has it as its subject ("X had a long call with
    Y today. 'There can be no peace at the expense of territory,' X wrote afterwards.").
    A side's visit to a country between the sides, told with no talks, needs peace for its
    subject (in its paragraph or the headline): the war alone makes it a tour for support."""
    peace = any(m.peace or _TALKS_ABOUT_TALKS.search(m.text) for m in draft.mentions) or any(
        m.paragraph in (peaceful or set()) and not m.support for m in draft.mentions
    )
    war = any(_WAR.search(m.text) for m in draft.mentions) or any(
        m.paragraph in (topical or set()) and not m.support for m in draft.mentions
    )
    if all(m.go_between_visit for m in draft.mentions if not m.support):
        war = False
        peace = peace or (titled and 0 in (peaceful or set()))
    if any(_MANY_STATES.search(m.text) for m in draft.mentions):
        return False  # "delegations from more than 90 countries gathered": a forum
    parties = set(draft.parties)
    if parties in ({"UA"}, {"RU"}) and any(_ROUND.search(m.text) for m in draft.mentions):
        # "Ukraine's negotiating team... ahead of a new round of talks": the other side of a
        # round of talks about the war goes without saying.
        parties |= {"RU", "UA"}
        draft.parties = sorted(parties)
    return valid_parties(parties, peace, today, war)


_MANY_STATES = re.compile(
    r"\b(?:more\s+than\s+|over\s+|some\s+|about\s+|around\s+|nearly\s+|almost\s+)?"
    r"(?:[1-9]\d{1,2}|dozens\s+of|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-\w+)?)\s+(?:\w+\s+)?(?:countries|nations|states|governments)\b",
    _F,
)
"""A gathering of dozens of states is a forum (a peace-formula summit, a donors' conference),
not talks between sides."""


def _mark_background(
    drafts: list[NegotiationDraft], today: dt.date, news_elsewhere: bool = False
) -> None:
    """Contacts of days before the news are background. When the article's lead tells no
    contact at all (`news_elsewhere`: "Russian drones struck Odesa overnight..."), a contact
    two or more days old is recalled, not the news, even the first one told."""
    lead = drafts[0].date if drafts and not news_elsewhere else None
    for draft in drafts:
        date = draft.date
        if draft.vague:
            draft.background = True
        elif date is None or date >= today - dt.timedelta(days=1):
            draft.background = False
        else:
            lead_news = lead is not None and (today - lead).days <= 5
            # The article's lead contact is news within five days; so is another contact it
            # reports within a day of the lead ("X called Y on Monday; on Tuesday he called Z").
            draft.background = not (
                lead_news
                and lead is not None
                and (draft is drafts[0] or abs((date - lead).days) <= 1)
            )
