"""Strike figures in one sentence: weapons launched and downed, people killed and injured.

Weapons are read as noun phrases ("18 of the 23 Shahed drones", "all 14 drones", "a cruise
missile", "13 Kh-101 and 14 Kalibr cruise missiles") whose sense - launched, downed, or lost to
jamming - comes from the verb that governs them: the verb right after the phrase if there is
one ("...drones were shot down", "...missiles Russia launched"), else the nearest one before it
in the same clause. Casualties are read from the usual shapes of a toll ("killing at least
nine", "33 people were confirmed dead", "the death toll rose to 23", "left 23 injured").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice
from typing import NamedTuple

from warwire.extract import quantities
from warwire.extract.counts import NUMBER, QUALIFIER, count_starts, parse_number
from warwire.extract.keywords import MAX_ANCHORS, Gated, has_any, windowed
from warwire.extract.patterns import Folded, matches_at

_F = re.IGNORECASE

_DRONE_NOUN = (
    r"drones?|UAVs?|unmanned\s+aerial\s+vehicles?|unmanned\s+aircraft|Shaheds?|Gerans?|"
    r"Gerberas?|decoys?|kamikaze\s+drones?"
)
_MISSILE_NOUN = r"missiles?|Kinzhals?|Iskanders?|Kalibrs?|Zircons?|Tomahawks?"
_MISSILE_TYPE = (
    r"(?:ballistic|cruise|guided|hypersonic|aeroballistic|anti-ship|anti-aircraft|air-launched|"
    r"sea-launched|Kh-[\w/]+|Kalibrs?|Iskander(?:-[MK])?s?|Kinzhals?|S-[345]00s?|Zircons?|"
    r"Oniks|Onyx|Tochka(?:-U)?|KN-23s?|Tsirkon)"
)
_MOD_WORD = (
    r"(?:(?-i:[A-Z])[\w'\-/]*|[\w]+-[\w\-/]+|\d[\w\-/]*|attack|strike|combat|kamikaze|enemy|"
    r"ballistic|cruise|guided|hypersonic|aeroballistic|unmanned|aerial|fixed-wing|decoy|"
    r"long-range|jet-powered|jet|more|other|additional|incoming|hostile|various|new|"
    r"explosive|type|types|air-launched|sea-launched|land-based)"
)
_MODS = rf"(?P<mods>(?:{_MOD_WORD}\s+){{0,4}})"
_NOUN = rf"(?P<noun>{_DRONE_NOUN}|{_MISSILE_NOUN})\b"
_NOT_HEAD = (
    r"(?!\s+(?:and|or|&)\s+(?:(?:attack|cruise|ballistic|guided|strike|combat|other|Shahed|"
    r"Russian|Ukrainian|enemy)\s+)?(?:drones?|missiles?|UAVs?)\b)"
    r"(?![\-\s]+(?:strikes?|attacks?|debris|fragments?|threats?|alerts?|defen[cs]es?|production|"
    r"launch(?:ers?|es)?|systems?|sites?|units?|operators?|warfare|components?|plants?|factory|"
    r"factories|parts|programs?|programmes?|shield|makers?|manufactur\w*|wreckage|pieces|"
    r"hits?|impacts?|salvos?|barrages?|waves?|raids?|carriers?|stocks?|stockpiles?)\b)"
)
_PRE = r"(?P<pre>\b(?:all|both|each|every\s+one)\s+(?:of\s+)?(?:the\s+|its\s+|their\s+|those\s+)?)?"
_WEAPON = Folded(
    re.compile(
        rf"{_PRE}(?:{QUALIFIER})?(?P<n>{NUMBER})"
        rf"(?:\s+of\s+(?:the\s+|its\s+|all\s+|those\s+|their\s+)?(?:{QUALIFIER})?(?P<n2>{NUMBER}))?"
        rf"\s+{_MODS}{_NOUN}{_NOT_HEAD}",
        _F,
    )
)
_PRE_START = Folded(re.compile(r"\b(?:all|both|each|every\s+one)(?=\s)", _F))
"""Where the `_PRE` words of `_WEAPON` can begin ("all 14 drones", "both of the two")."""
_TYPED = Folded(
    re.compile(
        rf"(?:{QUALIFIER})?(?P<n>{NUMBER})\s+(?:(?-i:[A-Z])[\w\-/]*\s+)?{_MISSILE_TYPE}"
        r"(?=\s*(?:,|and\b|or\b|plus\b|\.|;|$|\)|-\s))",
        _F,
    )
)
_TYPED_STEMS = (
    "ballistic", "cruise", "guided", "hypersonic", "aeroballistic", "anti-ship", "anti-aircraft",
    "air-launched", "sea-launched", "kh-", "kalibr", "iskander", "kinzhal", "s-300", "s-400",
    "s-500", "zircon", "oniks", "onyx", "tochka", "kn-23", "tsirkon",
)  # fmt: skip
"""Words of which `_TYPED` needs one."""
_BOTH = Gated(
    re.compile(r"\bboth\s+(?:of\s+)?(?:the\s+|its\s+)?(?P<noun>missiles|drones)\b", _F),
    ("both",),
)
_SINGLE = Folded(
    re.compile(
        rf"\b(?P<art>an?|one|the|that)\s+{_MODS}(?P<noun>missile|drone|UAV|Shahed)\b{_NOT_HEAD}",
        _F,
    ),
    needs=("missile", "drone", "uav", "shahed"),
)
_WHOLE_ENDS = (
    r"(?=\s*(?:[,.;]|$|(?:and|or|but|while|over|in|on|during|overnight|launched|fired|sent|"
    r"were|was|had|have|are|is)\b))"
)
"""What may follow a whole told as a bare count ("44 of the 52, ...", "44 of 52 were..."):
not a noun of its own."""
_NARROWED = re.compile(
    r"\b(?:aimed|directed|targeted|fired|sent|launched|headed|heading|flying)\s+(?:at|towards?|"
    r"against|on)\s+(?!ukraine|russia|the\s+country)(?:the\s+)?[a-z]"
)


def _narrowed(lowered_sentence: str) -> bool:
    """Whether the sentence narrows the weapons to those sent at one place, with no count of
    their own: a part of the whole of unknown size."""
    if not _NARROWED.search(lowered_sentence):
        return False
    return not any(c.isdigit() for c in _MEASURE.sub(" ", lowered_sentence))


_MEASURE = re.compile(
    r"\d[\d,.]*\s*(?:days?|hours?|minutes?|weeks?|months?|years?|km|kilomet\w+|miles?|"
    r"metres?|meters?|per\s*cent|percent|%)"
)
"""A count of time or distance ("for the first time in 51 days"): no count of the weapons."""


_OF_THEM = Folded(
    re.compile(
        rf"(?:{QUALIFIER})?\b(?P<n>{NUMBER}|all|every\s+one|each)\s+(?:out\s+)?of\s+(?:them|which|(?:those|these|"
        rf"the)(?:\s+(?P<noun>drones|missiles|UAVs|Shaheds)|\s+(?P<whole>{NUMBER}){_WHOLE_ENDS})?|"
        rf"(?P<bare>\d[\d,]*\d|\d){_WHOLE_ENDS})\b",
        _F,
    )
)
_OF_THEM_ANCHOR = re.compile(r"\bof\s+(?:them|which|those|these|the\b|\d)")
_COUNT_PHRASE = Gated(
    re.compile(
        rf"\b(?:(?P<noun>drone|missile)\s+(?:count|tally|number|total)|(?:number|count|tally|total)\s+"
        rf"of\s+(?:\w+\s+){{0,3}}?(?P<noun2>drones|missiles|UAVs))\b(?P<mid>[^.;]{{0,80}}?)\b(?:to|at)\s+"
        rf"(?:{QUALIFIER})?(?P<n>{NUMBER})",
        _F,
    ),
    ("count", "tally", "number", "total"),
)
_TOTAL_AT = Gated(
    re.compile(
        rf"\b(?:put|puts|putting|gave|gives|estimated)\s+the\s+(?:total|number|figure)\b[^.;]{{0,50}}?"
        rf"\bat\s+(?:{QUALIFIER})?(?P<n>{NUMBER})\s+{_MODS}{_NOUN}",
        _F,
    ),
    (" at ",),
)

_DOWN_WORDS = (
    r"shot\s+down|shoot(?:s|ing)?\s+down|downed|downing|destroy(?:ed|s|ing)?|intercept(?:ed|s|ing)?|"
    r"brought\s+down|bring(?:s|ing)?\s+down|neutrali[sz](?:ed|ing)|repel(?:led|s|ling)?|"
    r"taken\s+out|took\s+out|took\s+down|taken\s+down|tak(?:es|ing)\s+down|knocked\s+down|eliminat(?:ed|ing)|suppressed\s+by\s+air\s+defen[cs]e|"
    r"knocked\s+out\s+of\s+the\s+sky|interceptions?|defeated|stopped"
)
_LOST_WORDS = (
    r"vanish(?:ed|ing)?|disappear(?:ed|ing)?|lost|unaccounted|jamm(?:ed|ing)|"
    r"(?:failed|fail)\s+to\s+reach|did\s+not\s+reach|off\s+radar|from\s+radar|"
    r"electronic\s+warfare|redirected|locationally|dropped\s+off|went\s+off"
)
_LAUNCH_WORDS = (
    r"launch(?:ed|es|ing)?|fir(?:ed|es|ing)|fire|sent|send(?:s|ing)?|used|us(?:es|ing)|"
    r"deploy(?:ed|s|ing)|hurled|unleash(?:ed|es|ing)|counted|recorded|detected|tracked|"
    r"attack(?:ed|s|ing)?\s+(?:\w+\s+){0,4}?with|target(?:ed|s|ing)\s+(?:\w+\s+){0,4}?with|"
    r"struck\s+(?:\w+\s+){0,4}?with|hit\s+(?:\w+\s+){0,4}?with|utili[sz]ing|involv(?:ed|ing)|"
    r"consisted\s+of|comprised|including|employ(?:ed|ing)|a\s+total\s+of|in\s+total"
)
_MODE_WORD = Folded(
    re.compile(
        rf"\b(?:(?P<down>{_DOWN_WORDS})|(?P<lost>{_LOST_WORDS})|(?P<launch>{_LAUNCH_WORDS}))\b",
        _F,
    )
)
_RIGHT_VERB = Folded(
    re.compile(
        r"(?:\s*,[^,;]{1,50},)?\s*(?P<rel>(?:that|which)\s+)?(?P<subj>(?:Russia|Moscow|Ukraine|Kyiv|"
        r"the\s+enemy|it|they|Russian\s+forces|the\s+Russians)\s+(?:had\s+)?)?(?P<aux>(?:were|was|"
        r"had\s+been|have\s+been|has\s+been|are|is|had|have|got|being)\s+)?(?:all\s+|also\s+|"
        r"reportedly\s+|successfully\s+|then\s+)?(?P<neg>not\s+(?:been\s+)?)?"
        rf"(?:(?P<down>{_DOWN_WORDS})|(?P<lost>{_LOST_WORDS})|(?P<hit>got\s+through|reached|penetrated|"
        r"evaded|slipped\s+through|hit|struck|impacted|landed|crashed)|(?P<launch>launched|fired|sent|"
        r"used|deployed|aimed|heading|flying|directed))\b",
        _F,
    )
)
_LATER_DOWN = Folded(
    re.compile(
        rf"\b(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:all\s+|reportedly\s+)?"
        rf"(?:{_DOWN_WORDS})\b",
        _F,
    )
)
_CLAUSE_SPLIT = Folded(
    re.compile(
        # Clause boundaries, grouped by the character they start with, which the pattern
        # takes first: the regex engine then stops only at punctuation, spaces and "w".
        r"[;:\s(),w.](?:"
        r"(?<=[;()])|"
        r"(?<=[:.])\s|"
        r"(?<=\s)(?:-\s|\s*and\s+(?=(?:that|it|its|the\s+(?:air\s+force|military|ministry))\b))|"
        r"(?<=,)\s+(?=(?:(?:and\s+|but\s+)?(?:while|whereas|although|though)|but)\b)|"
        r"(?<=w)(?<!\ww)(?:hile|hereas)\b)",
        _F,
    )
)
_LIST_GLUE = re.compile(
    r"^\s*(?:,\s*(?:and\s+|plus\s+)?|and\s+|plus\s+|as\s+well\s+as\s+|&\s+)$", _F
)

_VICTIM = (
    r"(?:people|person|persons|civilians?|residents?|others|more|adults?|men|women|children|"
    r"kids|victims|staff(?:\s+members)?|workers|employees|medics|rescuers|firefighters|"
    r"passengers|of\s+them|in\s+all|in\s+total|additional|teenagers|pensioners|"
    r"minors|journalists|volunteers|police\s+officers|officers)"
)
_AUX = (
    r"(?:(?:were|was|have\s+been|had\s+been|has\s+been|are|is|being|now|reportedly|later|also|"
    r"all|confirmed|reported|known\s+to\s+have(?:\s+been)?|believed\s+to\s+have(?:\s+been)?|"
    r"said\s+to\s+have(?:\s+been)?|feared|were\s+left|left|remain|remained)\s+){0,3}"
)
_ASIDE = r"(?:\s*,[^,.;]{1,50},)?"
_N = rf"(?:{QUALIFIER})?(?P<n>{NUMBER})"


class _Toll(NamedTuple):
    pattern: Folded
    counted: bool
    """The pattern opens with a count (`_N`): it can match only at `count_starts`."""


def _toll(source: str, needs: tuple[str, ...]) -> _Toll:
    return _Toll(Folded(re.compile(source, _F), needs), source.startswith(_N))


_KILL_WORD = (
    r"(?:killed|dead|died|deaths?|fatalities|perished|lost\s+their\s+lives|bodies\s+recovered)"
)
_HURT_WORD = r"(?:injured|wounded|hurt|injury|injuries|hospitali[sz]ed|hospitalized)"
_KILLED = [
    _toll(
        rf"{_N}(?:\s+{_VICTIM}){{0,2}}{_ASIDE}\s+{_AUX}{_KILL_WORD}\b",
        ("killed", "dead", "died", "death", "fatalities", "perished", "lost", "bodies"),
    ),
    _toll(
        rf"\b(?:killing|killed|kills|kill|claimed\s+the\s+lives\s+of|claiming\s+the\s+lives\s+of)"
        rf"\s+(?!\w+\s+(?:injured|wounded|hurt))"
        rf"{_N}(?:\s+(?:people|civilians|persons|residents))?(?!\s+(?:injured|wounded|hurt))",
        ("kill", "claim"),
    ),
    _toll(
        rf"\b(?:death\s+toll|toll|number\s+of\s+(?:people\s+)?(?:killed|dead|deaths|victims|"
        rf"fatalities))\b[^.;]{{0,60}}?\b(?:to|at|of|reached|passed|hit|is|was|stood\s+at|"
        rf"stands\s+at|topped|exceeded){_ASIDE}\s+{_N}(?!\s+(?:injured|wounded|hurt))",
        ("toll", "number"),
    ),
    _toll(
        rf"{_N}\s+of\s+the\s+(?:dead|victims|fatalities|people\s+killed)\b",
        ("dead", "victims", "fatalities", "killed"),
    ),
]
_INJURED = [
    _toll(
        rf"{_N}(?:\s+{_VICTIM}){{0,2}}{_ASIDE}\s+{_AUX}{_HURT_WORD}\b",
        ("injur", "wounded", "hurt", "hospitali"),
    ),
    _toll(
        rf"{_N}(?:\s+{_VICTIM})?\s+(?:are|were|is|was)\s+(?:now\s+)?(?:on\s+the\s+list\s+of|"
        rf"among\s+the)\s+{_HURT_WORD}",
        ("list", "among"),
    ),
    _toll(
        rf"\b(?:injuring|wounding|wounded|hurting|injured)\s+{_N}"
        rf"(?:\s+(?:people|civilians|persons|others|more))?(?:\s+(?:injured|wounded|hurt))?"
        rf"(?!\s+(?:dead|killed))",
        ("injur", "wound", "hurt"),
    ),
    _toll(
        rf"\bnumber\s+of\s+(?:people\s+)?(?:injured|wounded|hurt|injuries)\b[^.;]{{0,60}}?"
        rf"\b(?:to|at|reached|passed|is|was|stands\s+at|stood\s+at){_ASIDE}\s+{_N}",
        ("number",),
    ),
    _toll(rf"{_N}\s+of\s+the\s+(?:injured|wounded)\b", ("injured", "wounded")),
]
_LEFT_INJURED = Gated(
    re.compile(rf"\bleft\s+{_N}\s+(?:people\s+|others\s+)?(?:injured|wounded|hurt)\b", _F),
    ("left ",),
)
_LEFT_DEAD = Gated(
    re.compile(rf"\bleft\s+{_N}\s+(?:people\s+|others\s+)?dead\b", _F),
    ("left ",),
)
_SINGLE_VICTIM = (
    r"(?:man|woman|person|civilian|child|girl|boy|resident|employee|worker|teenager|pensioner|"
    r"driver|doctor|nurse|medic|rescuer|firefighter|guard|farmer|volunteer|journalist|"
    r"police\s+officer|passer-by|local|elderly\s+\w+)"
)
_ONE_KILLED = Folded(
    re.compile(
        rf"\b(?:an?|one)\s+(?:[\w\-]+\s+){{0,4}}?{_SINGLE_VICTIM}\s+(?:was\s+|has\s+been\s+|had\s+been\s+)?"
        r"(?:killed|died|dead)\b|\bkill(?:ed|ing)\s+(?:an?|one)\s+(?:[\w\-]+\s+){0,2}?"
        rf"{_SINGLE_VICTIM}\b",
        _F,
    ),
    needs=("kill", "died", "dead"),
)
_ONE_INJURED = Folded(
    re.compile(
        rf"\b(?:an?|one)\s+(?:[\w\-]+\s+){{0,4}}?{_SINGLE_VICTIM}\s+(?:was\s+|has\s+been\s+|had\s+been\s+)"
        r"(?:injured|wounded|hurt)\b|\b(?:injur|wound)(?:ed|ing)\s+(?:an?|one)\s+(?:[\w\-]+\s+){0,2}?"
        rf"{_SINGLE_VICTIM}\b",
        _F,
    ),
    needs=("injur", "wound", "hurt"),
)
_IN_ALL = Gated(
    re.compile(rf"{_N}\s+(?:in\s+all|in\s+total|altogether|overall)\b", _F),
    ("in all", "in total", "altogether", "overall"),
)
_RISES_TO = Gated(
    re.compile(
        rf"\b(?:figure|number|count|tally)\s+(?:has\s+)?(?:rises|rose|risen|climbed|climbs|"
        rf"increased|grew|went\s+up)\s+to\s+{_N}",
        _F,
    ),
    ("rise", "rose", "risen", "climb", "increas", "grew", "went up"),
)
_CASUALTY_WORD = Folded(
    re.compile(rf"\b(?P<k>{_KILL_WORD}|killing|toll)\b|\b(?P<i>{_HURT_WORD}|injuring)\b", _F)
)
_SOLDIERS = re.compile(
    r"^\s*(?:\w+\s+)?(?:soldiers|troops|servicemen|service\s+members|fighters|militants|"
    r"occupiers|mercenaries|military\s+personnel|personnel|combatants|Russians|Ukrainians|"
    r"invaders|paratroopers|marines|officers)\b",
    _F,
)
_SOLDIER_SUBJECT = re.compile(
    r"\b(?:soldiers|troops|servicemen|service\s+members|fighters|militants|occupiers|"
    r"mercenaries|military\s+personnel|combatants|invaders)\b",
    _F,
)
_WEAPON_STEMS = (
    "drone",
    "missile",
    "uav",
    "shahed",
    "geran",
    "gerber",
    "decoy",
    "unmanned",
    "kinzhal",
    "iskander",
    "kalibr",
    "zircon",
    "tomahawk",
    "kh-",
    "s-300",
    "s-400",
    "s-500",
    "tochka",
    "kn-23",
    "ballistic",
    "cruise",
)
_KILL_STEMS = (
    "kill",
    "dead",
    "died",
    "death",
    "toll",
    "fatal",
    "perish",
    "lives",
    "bodies",
    "figure",
    "number",
)
_HURT_STEMS = ("injur", "wound", "hurt", "hospital", "figure", "number")
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|both|all|every|each)\b"
)
_NOUN_ONLY = Folded(re.compile(rf"\b(?:{_DRONE_NOUN}|{_MISSILE_NOUN})\b", _F))


@dataclass(slots=True)
class Figures:
    """The largest figure of each kind a sentence gives; `totals` names the figures the
    sentence presents as a total ("put the total at 145 drones", "counted 78 missiles")."""

    values: dict[str, int] = field(default_factory=dict)
    totals: set[str] = field(default_factory=set)
    updates: set[str] = field(default_factory=set)
    """Figures given as an update of an earlier one ("revised to 43"): the latest wins."""
    additions: dict[str, int] = field(default_factory=dict)
    """Figures of another type added to an earlier count ("It also fired six ballistic
    missiles" after "15 cruise missiles"), with the count they add to."""

    def offer(self, name: str, value: int | None) -> None:
        if value is None:
            return
        if value > self.values.get(name, -1):
            self.values[name] = value


@dataclass(slots=True)
class Memory:
    """What earlier sentences said, for "41 of them", "all of them" or "the figure rose to 3"."""

    weapon_kind: str | None = None
    casualty_kind: str | None = None
    totals: dict[str, int] = field(default_factory=dict)
    """The latest count of weapons launched, by kind."""
    missile_type: str | None = None
    """The type ("cruise", "ballistic") of the missiles the paragraph last counted."""

    def new_paragraph(self) -> None:
        self.weapon_kind = None
        self.casualty_kind = None
        self.missile_type = None


def _kind(noun: str) -> str:
    lowered = noun.lower()
    if lowered.startswith(
        ("drone", "uav", "unmanned", "shahed", "geran", "gerber", "decoy", "kamikaze")
    ):
        return "drones"
    return "missiles"


def _count(token: str) -> int | None:
    """A count, unless it is really a year ("in 2022 drones...")."""
    value = parse_number(token)
    if value is not None and 1900 <= value <= 2100 and token.strip().isdigit():
        return None
    return value


def _governing(after: str | None, before: str | None) -> str:
    if after == "described":
        return before or "launch"
    return after or before or "launch"


def _mode_before(clause: str, position: int, lowered: str | None = None) -> str | None:
    found: str | None = None
    for match in _MODE_WORD.finditer(clause, lowered, 0, position):
        found = match.lastgroup
    return found


def _mode_after(clause: str, position: int, lowered: str | None = None) -> tuple[str | None, bool]:
    """The sense the verb right after a weapon phrase gives it, and whether it is negated.

    A bare participle or a relative clause ("drones launched overnight", "missiles Russia
    fired") only describes the phrase; the verb before it still governs ("shot down 14 drones
    launched overnight"), so those come back as "described"."""
    match = _RIGHT_VERB.match(clause, lowered, position, position + 90)
    if match is None:
        return None, False
    mode = match.lastgroup
    if mode == "launch" and (match.group("subj") or match.group("rel") or not match.group("aux")):
        if _LATER_DOWN.search(clause, lowered, match.end(), match.end() + 90):
            return "down", False
        return "described", bool(match.group("neg"))
    return mode, bool(match.group("neg"))


@dataclass(slots=True)
class _Phrase:
    kind: str
    value: int
    start: int
    end: int
    mode: str


@dataclass(slots=True)
class _Found:
    kind: str
    value: int | None
    total: int | None
    start: int
    end: int
    after: str | None
    negated: bool
    before: str | None
    every: bool


def _weapons_in_clause(clause: str, figures: Figures, memory: Memory, sentence: str) -> None:
    """`sentence` is the whole sentence lower-cased, for what only it can tell."""
    found: list[_Found] = []
    covered: list[tuple[int, int]] = []
    lowered = clause.lower()
    numbered = _DIGIT.search(clause) is not None or _NUMBER_WORD.search(lowered) is not None
    nouns = list(islice(_NOUN_ONLY.finditer(lowered, lowered), MAX_ANCHORS)) if numbered else []
    typed_words = has_any(lowered, _TYPED_STEMS)
    starts = count_starts(clause, lowered) if nouns or typed_words else []
    weapons = (
        windowed(
            _WEAPON,
            nouns,
            clause,
            110,
            60,
            lowered,
            sorted({*starts, *(m.start() for m in _PRE_START.finditer(clause, lowered))}),
        )
        if nouns
        else ()
    )
    for m in weapons:
        after, negated = _mode_after(clause, m.end(), lowered)
        total = _count(m.group("n2")) if m.group("n2") else None
        found.append(
            _Found(
                _kind(m.group("noun")),
                _count(m.group("n")),
                total,
                m.start(),
                m.end(),
                after,
                negated,
                _mode_before(clause, m.start(), lowered),
                bool(m.group("pre")),
            )
        )
        covered.append(m.span())
    typed = matches_at(_TYPED, clause, lowered, starts) if typed_words else []
    for m in typed:
        if any(a <= m.start() < b for a, b in covered):
            continue
        after, negated = _mode_after(clause, m.end(), lowered)
        found.append(
            _Found(
                "missiles",
                _count(m.group("n")),
                None,
                m.start(),
                m.end(),
                after,
                negated,
                _mode_before(clause, m.start(), lowered),
                False,
            )
        )
    found.sort(key=lambda f: f.start)
    _share_verbs(clause, found)
    total_clause = bool(_TOTAL_WORDS.search(clause, lowered))
    phrases: list[_Phrase] = []
    for item in found:
        memory.weapon_kind = item.kind
        kind, value = item.kind, item.value
        if item.total is not None:
            # "18 of the 23 drones launched": the second count is the whole wave.
            _offer_launched(figures, memory, kind, item.total, total_clause)
            shot = item.after if item.after == "down" and not item.negated else item.before
            if shot == "down":
                figures.offer(f"{kind}_downed", value)
            continue
        if item.negated or value is None:
            continue
        mode = _governing(item.after, item.before)
        if mode == "lost":
            continue
        if mode == "hit":
            figures.offer(f"{kind}_hit", value)
            continue
        if mode == "down":
            figures.offer(f"{kind}_downed", value)
            if item.every:
                _offer_launched(figures, memory, kind, value, total_clause)
        phrases.append(_Phrase(kind, value, item.start, item.end, mode))
    for phrase in phrases:
        if phrase.mode != "down":
            _offer_launched(figures, memory, phrase.kind, phrase.value, total_clause)
    _sum_lists(clause, phrases, figures)
    _references(clause, lowered, figures, memory, covered, sentence)


_TOTAL_WORDS = Folded(
    re.compile(
        r"\b(?:in\s+total|in\s+all|a\s+total\s+of|the\s+total|total\s+(?:of|launched)|"
        r"tall(?:ied|y)|counted|altogether|overall)\b",
        _F,
    ),
    needs=("total", "all", "tall", "counted", "altogether", "overall"),
)


def _offer_launched(
    figures: Figures, memory: Memory, kind: str, value: int | None, total: bool
) -> None:
    if value is None:
        return
    figures.offer(kind, value)
    if total:
        figures.totals.add(kind)
    memory.totals[kind] = max(value, memory.totals.get(kind, 0))


def _share_verbs(clause: str, found: list[_Found]) -> None:
    """ "296 drones and seven missiles were shot down": the verb after the last of a list of
    weapon phrases governs all of them."""
    for i in range(len(found) - 2, -1, -1):
        here, nxt = found[i], found[i + 1]
        if here.after is not None or nxt.after in (None, "described"):
            continue
        if _LIST_GLUE.match(clause[here.end : nxt.start]):
            here.after, here.negated = nxt.after, nxt.negated


def _sum_lists(clause: str, phrases: list[_Phrase], figures: Figures) -> None:
    """ "13 Kh-101 and 14 Kalibr cruise missiles, four Iskander-M ballistic missiles" totals 31."""
    run: list[_Phrase] = []
    for phrase in phrases:
        if run and (
            phrase.kind != run[-1].kind
            or phrase.mode != run[-1].mode
            or not _LIST_GLUE.match(clause[run[-1].end : phrase.start])
        ):
            _offer_run(run, figures)
            run = []
        run.append(phrase)
    _offer_run(run, figures)


def _offer_run(run: list[_Phrase], figures: Figures) -> None:
    if len(run) < 2:
        return
    total = sum(p.value for p in run)
    name = f"{run[0].kind}_downed" if run[0].mode == "down" else run[0].kind
    figures.offer(name, total)


def _references(
    clause: str,
    lowered: str,
    figures: Figures,
    memory: Memory,
    covered: list[tuple[int, int]],
    sentence: str,
) -> None:
    for m in _BOTH.finditer(clause, lowered):
        kind = _kind(m.group("noun"))
        mode = _governing(
            _mode_after(clause, m.end(), lowered)[0], _mode_before(clause, m.start(), lowered)
        )
        figures.offer(kind, 2)
        if mode == "down":
            figures.offer(f"{kind}_downed", 2)
    anchored = (
        windowed(_OF_THEM, _OF_THEM_ANCHOR.finditer(lowered), clause, 60, 40, lowered)
        if " of " in lowered
        else []
    )
    for m in anchored:
        if any(a <= m.start() < b for a, b in covered):
            continue
        anchored_kind = _kind(m.group("noun")) if m.group("noun") else memory.weapon_kind
        if m.group("bare") and m.group("n").lower() in ("all", "every one", "each"):
            continue
        if (m.group("whole") or m.group("bare")) and not m.group("noun"):
            # "destroyed 70 of the 90": the kind whose launched count was that whole
            whole = parse_number(m.group("whole") or m.group("bare"))
            same = [
                k
                for k in ("drones", "missiles")
                if figures.values.get(k, memory.totals.get(k)) == whole
            ]
            if len(same) == 1:
                anchored_kind = same[0]
            elif m.group("bare"):
                continue  # "3 of 5": a bare whole that counts no weapon told
        if anchored_kind is None:
            continue
        after, negated = _mode_after(clause, m.end(), lowered)
        mode = _governing(after, _mode_before(clause, m.start(), lowered))
        if mode != "down" or negated:
            continue
        token = m.group("n").lower()
        if token in ("all", "every one", "each") and lowered[: m.start("n")].endswith(
            ("not ", "almost ", "nearly ", "virtually ", "practically ", "just about ")
        ):
            continue  # "not all of them", "almost all of the drones were shot down": no count
        if token in ("all", "every one", "each"):
            own = figures.values.get(anchored_kind)
            if own is None and _narrowed(sentence):
                continue  # "Missiles were aimed at Kyiv; all of those were stopped": a part
            figures.offer(f"{anchored_kind}_downed", own or memory.totals.get(anchored_kind))
        else:
            figures.offer(f"{anchored_kind}_downed", parse_number(token))
    if memory.weapon_kind is not None:
        for m in _BARE_DOWN.finditer(clause, lowered):
            if any(a <= m.start() < b for a, b in covered):
                continue
            figures.offer(f"{memory.weapon_kind}_downed", _count(m.group("n") or m.group("n2")))
    for m in _SINGLE.finditer(clause, lowered):
        if any(a <= m.start() < b for a, b in covered):
            continue
        kind = _kind(m.group("noun"))
        after, negated = _mode_after(clause, m.end(), lowered)
        before = _mode_before(clause, m.start(), lowered)
        definite = m.group("art").lower() in ("the", "that")
        if negated and after == "down":
            figures.offer(kind, 1)
            figures.offer(f"{kind}_downed", 0)
            continue
        single_mode = _governing(after, before) if (after or before) else None
        if single_mode == "down" and _WEAPON_DESTROYS.match(clause, m.end()):
            continue  # "the missile destroyed part of the building": what it hit, not downed
        if single_mode == "down":
            figures.offer(f"{kind}_downed", 1)
            if not definite:
                figures.offer(kind, 1)
        elif (
            single_mode == "launch"
            and not definite
            and (after in ("launch", "described") or _explicit_launch(clause, m.start(), lowered))
        ):
            figures.offer(kind, 1)


_WEAPON_DESTROYS = re.compile(
    r"\s+(?:\w+ly\s+)?(?:destroyed|destroys|wrecked|demolished|levelled|leveled)\s+(?!by\b)"
    r"(?:part|parts|much|most|all|half|a|an|the|two|three|several|\w+'s|homes?|houses?|buildings?)\b",
    re.IGNORECASE,
)
"""A weapon that destroyed something: the weapon acted, it was not itself shot down."""
_AIR_DOWN = r"(?:shot\s+down|intercepted|downed|brought\s+down|neutrali[sz]ed)"
_BARE_DOWN = Gated(
    re.compile(
        rf"(?<![\w.,$€£])(?<!\bof\s)(?<!\bof\sthe\s)(?:{QUALIFIER})?(?P<n>{NUMBER})\s+(?:were|was|had\s+"
        rf"been|have\s+been)\s+"
        rf"(?:all\s+|reportedly\s+|successfully\s+)?{_AIR_DOWN}\b|"
        rf"\b{_AIR_DOWN}\s+(?:{QUALIFIER})?(?P<n2>{NUMBER})(?=\s*(?:[,.;]|$|\s+(?:and|while|of\s+them|"
        r"in\s+total|overnight)\b))",
        _F,
    ),
    ("shot down", "intercepted", "downed", "brought down", "neutralised", "neutralized"),
)
"""A count whose weapon goes without saying: "Of the 400 drones, 310 were shot down", "Air
defences shot down 310, while 75 were lost"."""

_EXPLICIT_LAUNCH = Folded(
    re.compile(r"\b(?:launch(?:ed|es)?|fired|fires)\b", _F), needs=("launch", "fired", "fires")
)


def _explicit_launch(clause: str, position: int, lowered: str) -> bool:
    return bool(_EXPLICIT_LAUNCH.search(clause, lowered, 0, position))


def _casualties(sentence: str, lowered: str, figures: Figures, memory: Memory) -> None:
    kill_gate = has_any(lowered, _KILL_STEMS)
    hurt_gate = has_any(lowered, _HURT_STEMS)
    starts = count_starts(sentence, lowered) if kill_gate or hurt_gate else []
    if kill_gate:
        _match_tolls(sentence, lowered, starts, _KILLED, "killed", figures)
        for m in _LEFT_DEAD.finditer(sentence, lowered):
            figures.offer("killed", _count(m.group("n")))
        if _ONE_KILLED.search(sentence, lowered):
            figures.offer("killed", 1)
    if hurt_gate:
        _match_tolls(sentence, lowered, starts, _INJURED, "injured", figures)
        for m in _LEFT_INJURED.finditer(sentence, lowered):
            figures.offer("injured", _count(m.group("n")))
        if _ONE_INJURED.search(sentence, lowered):
            figures.offer("injured", 1)
    if kill_gate or hurt_gate:
        last = None
        for m in _CASUALTY_WORD.finditer(sentence, lowered):
            last = "killed" if m.group("k") else "injured"
        for pattern in (_IN_ALL, _RISES_TO):
            for m in pattern.finditer(sentence, lowered):
                kind = _casualty_kind_before(sentence, lowered, m.start()) or memory.casualty_kind
                if kind is not None:
                    figures.offer(kind, _count(m.group("n")))
        if last is not None:
            memory.casualty_kind = last


def _casualty_kind_before(sentence: str, lowered: str, position: int) -> str | None:
    kind = None
    for m in _CASUALTY_WORD.finditer(sentence, lowered, 0, position):
        kind = "killed" if m.group("k") else "injured"
    return kind


_AGES_BEFORE = re.compile(
    r"\b(?:aged|ages)\s+(?:between\s+|from\s+)?(?:[\w-]+(?:,\s*|\s+(?:and|or|to)\s+))*$", _F
)


def _match_tolls(
    sentence: str,
    lowered: str,
    starts: list[int],
    tolls: list[_Toll],
    name: str,
    figures: Figures,
) -> None:
    for toll in tolls:
        if toll.counted:
            found = matches_at(toll.pattern, sentence, lowered, starts)
        else:
            found = list(toll.pattern.finditer(sentence, lowered))
        for m in found:
            if _SOLDIER_SUBJECT.search(m.group(0)) or _SOLDIERS.match(
                sentence[m.end() : m.end() + 40]
            ):
                continue
            if _SOLDIERS.match(sentence[m.end("n") : m.end("n") + 40]):
                continue
            if _AGES_BEFORE.search(sentence, max(0, m.start("n") - 60), m.start("n")):
                continue  # "three siblings aged eight, 12 and 17 were killed": an age
            figures.offer(name, _count(m.group("n")))


def sentence_figures(sentence: str, memory: Memory | None = None) -> Figures:
    """Every strike figure `sentence` states."""
    if " in ten" in sentence or " in 10" in sentence or " every " in sentence:
        # "more than nine in ten were stopped": a proportion, not a count
        sentence = _PROPORTION.sub("most", sentence)
    memory = memory if memory is not None else Memory()
    figures = Figures()
    lowered = sentence.lower()
    prior_type, prior_count = memory.missile_type, memory.totals.get("missiles")
    if has_any(lowered, _WEAPON_STEMS):
        for clause in _CLAUSE_SPLIT.split(sentence, lowered):
            if clause and not clause.isspace():
                _weapons_in_clause(clause, figures, memory, lowered)
        for m in _COUNT_PHRASE.finditer(sentence, lowered):
            kind = _kind(m.group("noun") or m.group("noun2"))
            mid = m.group("mid")
            mode = _mode_before(mid, len(mid)) or _mode_before(sentence, m.start(), lowered)
            if mode == "down":
                figures.offer(f"{kind}_downed", _count(m.group("n")))
            elif mode == "launch":
                _offer_launched(figures, memory, kind, _count(m.group("n")), True)
        for m in _TOTAL_AT.finditer(sentence, lowered):
            _offer_launched(figures, memory, _kind(m.group("noun")), _count(m.group("n")), True)
    else:
        for clause in _CLAUSE_SPLIT.split(sentence, lowered):
            if clause and not clause.isspace():
                _references(clause, clause.lower(), figures, memory, [], lowered)
    _casualties(sentence, lowered, figures, memory)
    _reconcile(figures, quantities.read_sentence(sentence), memory)
    values = figures.values
    if "missiles" in values:
        typed = _TYPED_MISSILES.search(sentence, lowered) if "missile" in lowered else None
        told_type = typed.group("type").lower() if typed else None
        if (
            told_type
            and prior_type
            and prior_count
            and told_type != prior_type
            and _ALSO.search(sentence, lowered)
        ):
            figures.additions["missiles"] = prior_count
        memory.missile_type = told_type
    if "drones" in values and "missiles" in values and not any(k in values for k in _DOWNED):
        # "55 drones and 43 missiles. Thirty of them were shot down": "them" is both kinds,
        # so a later bare count downed is of neither
        memory.weapon_kind = None
    return figures


_DOWNED = ("drones_downed", "missiles_downed")
_TYPED_MISSILES = Folded(
    re.compile(
        rf"\b{NUMBER}\s+(?:[\w-]+\s+){{0,2}}?(?P<type>ballistic|cruise|guided|anti-ship|"
        r"aeroballistic|hypersonic)\s+missiles?\b",
        _F,
    ),
    needs=("missile",),
)
_ALSO = Folded(
    re.compile(r"\b(?:also|in\s+addition|additionally|as\s+well)\b", _F),
    needs=("also", "addition", "as well"),
)
"""A count of another type of missile told in a later sentence "also" fired adds to the
count before it; a total restated stays the largest figure."""


_PROPORTION = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|[1-9])\s+(?:in|out\s+of)\s+(?:every\s+)?"
    r"(?:ten|10)\b(?!\s*(?:%|per\s*cent|percent))|"
    r"\b[\w-]+\s+(?:in|out\s+of)\s+every\s+(?:ten|10|hundred|100|five|three|four)\b"
)


def _reconcile(figures: Figures, reading: quantities.Reading, memory: Memory) -> None:
    """Where the parse attaches a count to a field, its figure replaces the surface reading;
    a surface figure the parse shows to count something else (an age, another field's count,
    a negated or hypothetical number) is dropped."""
    parsed = reading.values()
    if not parsed and not reading.blocked:
        return
    claimed = {q.value: q.field for q in reading.quantities}
    for name, value in list(figures.values.items()):
        if name in parsed:
            continue
        owner = claimed.get(value)
        if value in reading.blocked or (owner is not None and owner != name):
            del figures.values[name]
            figures.totals.discard(name)
    for name, value in parsed.items():
        if figures.values.get(name) != value:
            figures.totals.discard(name)
        figures.values[name] = value
        if name in reading.finals:
            figures.totals.add(name)
            figures.updates.add(name)
        if name in ("drones", "missiles"):
            memory.totals[name] = value
