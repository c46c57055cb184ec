"""Strike figures read from the dependency parse: which count belongs to which weapon or toll.

The regular expressions of `figures` find counts by what stands next to them. Here a count
attaches to what the parse says it counts:

- a numeric modifier counts its noun ("120 drones"; "73 attack and decoy drones", where the
  count hangs on the first of two coordinated modifiers of the noun; "13 Kh-101", a missile
  named by its type);
- a bare count that is the argument of a verb counts the noun of its partitive ("100 of the
  120 drones", "100 out of 120 drones", "Of the 120 drones..., 100 were shot down", "...drones,
  of which 38 were downed"); the partitive's own count is the whole;
- the sense of a weapon count (launched, shot down, hit, lost) is the class of the verb that
  governs it, climbing coordination ("296 drones and seven missiles were shot down") and
  open complements ("managed to shoot down 30 drones"); a participle or relative clause on
  the noun ("drones Russia launched") only describes it when a verb above governs it;
- a toll is a count of people (or a bare count) that is the subject or object of a verb of
  killing or injuring, the object of "left ... dead", a count of "deaths"/"injuries", or
  the figure a death toll rose to;
- a clause that is negated ("could not intercept") or modal ("could launch", "plans to
  fire") gives no figure; counts of soldiers are not tolls; ages ("a 55-year-old man", "a
  woman, 71,") count nothing.

Every rule reads grammar, never a name or a phrase of a particular article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from warwire.extract import nlp
from warwire.extract.counts import parse_number
from warwire.extract.dates import MONTH_WORDS, WEEKDAY_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

DRONE_WORDS = frozenset(
    {
        "drone", "drones", "uav", "uavs", "shahed", "shaheds", "geran", "gerans", "gerbera",
        "gerberas", "decoy", "decoys", "quadcopter", "quadcopters",
    }
)  # fmt: skip
MISSILE_WORDS = frozenset(
    {
        "missile", "missiles", "rocket", "rockets", "kinzhal", "kinzhals", "iskander",
        "iskanders", "kalibr", "kalibrs", "zircon", "zircons", "tomahawk", "tomahawks", "atacms",
        "neptune", "neptunes", "oniks", "onyx", "tsirkon",
    }
)  # fmt: skip
_MISSILE_TYPE = re.compile(r"^(?:kh-[\w/]+|s-[345]00s?|kn-23s?|iskander-[mk]s?|tochka(?:-u)?)$")
"""Type designations that name a missile on their own ("13 Kh-101")."""

_VICTIMS = frozenset(
    {
        "people", "person", "persons", "civilian", "civilians", "resident", "residents", "other",
        "others", "adult", "adults", "man", "men", "woman", "women", "child", "children", "kid",
        "kids", "victim", "victims", "staff", "worker", "workers", "employee", "employees",
        "medic", "medics", "rescuer", "rescuers", "firefighter", "firefighters", "passenger",
        "passengers", "teenager", "teenagers", "pensioner", "pensioners", "minor", "minors",
        "journalist", "journalists", "volunteer", "volunteers", "individual", "individuals",
        "baby", "babies", "girl", "girls", "boy", "boys", "infant", "infants", "member",
        "members", "officer", "officers", "policeman", "policemen", "inhabitant", "inhabitants",
        "driver", "drivers", "student", "students", "patient", "patients", "teacher",
        "teachers", "doctor", "doctors", "nurse", "nurses", "grandchild", "grandchildren",
    }
)  # fmt: skip
_TAKE_LIVES = frozenset(
    {"claimed", "claim", "claiming", "claims", "took", "take", "taking", "takes", "cost"}
)
_SEEK_CARE = frozenset(
    {"sought", "seek", "needed", "need", "received", "required", "requested", "got"}
)
_RELATIVES = frozenset(
    {
        "son", "daughter", "wife", "husband", "mother", "father", "brother", "sister",
        "grandson", "granddaughter", "grandmother", "grandfather", "neighbour", "neighbor",
        "friend", "colleague",
    }
)  # fmt: skip
_COMBATANTS = frozenset(
    {
        "soldier", "soldiers", "troops", "serviceman", "servicemen", "fighter", "fighters",
        "militant", "militants", "occupier", "occupiers", "mercenary", "mercenaries",
        "personnel", "combatant", "combatants", "invader", "invaders", "paratrooper",
        "paratroopers", "marine", "marines", "sailor", "sailors", "crew", "pilots", "pilot",
        "prisoner", "prisoners", "pow", "pows",
    }
)  # fmt: skip
_DEATH_NOUNS = frozenset({"death", "deaths", "fatality", "fatalities", "dead", "bodies"})
_HURT_NOUNS = frozenset({"injury", "injuries", "wounded", "injured", "casualties"})
_TOLL_NOUNS = frozenset({"toll", "number", "count", "tally", "figure"})
_BODIES = frozenset({"bodies", "remains"})

_KILL_VERBS = frozenset(
    {
        "kill", "kills", "killed", "killing", "die", "dies", "died", "dying", "dead", "perish",
        "perished", "perishing",
    }
)  # fmt: skip
_HURT_VERBS = frozenset(
    {
        "injure", "injures", "injured", "injuring", "wound", "wounds", "wounded", "wounding",
        "hurt", "hurting", "hospitalised", "hospitalized",
    }
)  # fmt: skip
_RISE_VERBS = frozenset(
    {
        "rise", "rises", "rose", "risen", "rising", "climb", "climbs", "climbed", "climbing",
        "reach", "reaches", "reached", "reaching", "stand", "stands", "stood", "standing",
        "increase", "increases", "increased", "grow", "grew", "grown", "jump", "jumped", "hit",
        "top", "topped", "pass", "passed", "exceed", "exceeded", "be", "is", "was", "are", "were",
        "put", "puts", "putting", "estimate", "estimated", "go", "went", "bring", "brings",
        "brought", "bringing", "raise", "raised", "raising", "take", "took", "taking",
    }
)  # fmt: skip

_DOWN = frozenset(
    {
        "down", "downs", "downed", "downing", "destroy", "destroys", "destroyed", "destroying",
        "intercept", "intercepts", "intercepted", "intercepting", "neutralise", "neutralises",
        "neutralised", "neutralising", "neutralize", "neutralizes", "neutralized", "neutralizing",
        "repel", "repels", "repelled", "repelling", "eliminate", "eliminates", "eliminated",
        "eliminating", "defeat", "defeated", "suppress", "suppressed", "stop", "stopped",
        "thwart", "thwarted", "foil", "foiled", "disable", "disabled", "engage", "engaged",
    }
)  # fmt: skip
_DOWN_WITH_PARTICLE = frozenset(
    {
        "shoot", "shoots", "shot", "shooting", "bring", "brings", "brought", "bringing", "knock",
        "knocks", "knocked", "knocking", "take", "takes", "took", "taken", "taking",
    }
)  # fmt: skip
_LAUNCH = frozenset(
    {
        "launch", "launches", "launched", "launching", "fire", "fires", "fired", "firing", "send",
        "sends", "sent", "sending", "use", "uses", "used", "using", "deploy", "deploys",
        "deployed", "deploying", "hurl", "hurled", "hurling", "unleash", "unleashed",
        "unleashing", "employ", "employed", "employing", "involve", "involved", "involving",
        "include", "included", "including", "comprise", "comprised", "comprising", "count",
        "counted", "record", "recorded", "detect", "detected", "track", "tracked", "spot",
        "spotted", "register", "registered", "direct", "directed", "aim", "aimed", "throw",
        "threw", "thrown", "lob", "lobbed", "rain", "rained", "total", "totalled", "totaled",
        "fly", "flew", "flown", "flying", "head", "headed", "heading", "approach", "approached",
        "combined", "combining", "combines", "featured", "featuring",
    }
)  # fmt: skip
_WITH_VERBS = frozenset(
    {
        "attack", "attacks", "attacked", "attacking", "strike", "strikes", "struck", "striking",
        "hit", "hits", "hitting", "target", "targets", "targeted", "targeting", "pound",
        "pounded", "pounding", "bombard", "bombarded", "shell", "shelled", "hammer", "hammered",
    }
)  # fmt: skip
_HIT = frozenset(
    {
        "hit", "hits", "struck", "strike", "strikes", "reach", "reached", "penetrate",
        "penetrated", "evade", "evaded", "slip", "slipped", "land", "landed", "crash",
        "crashed", "impact", "impacted", "explode", "exploded",
    }
)  # fmt: skip
_LOST = frozenset(
    {
        "lose", "lost", "vanish", "vanished", "disappear", "disappeared", "jam", "jammed",
        "fail", "failed", "redirect", "redirected", "divert", "diverted", "suppress",
    }
)  # fmt: skip
_MODALS = frozenset(
    {"could", "might", "may", "would", "will", "should", "must", "can", "shall", "'ll", "wo"}
)
_INTENT = frozenset(
    {
        "plan", "plans", "planned", "planning", "threaten", "threatens", "threatened",
        "threatening", "intend", "intends", "intended", "prepare", "prepares", "prepared",
        "preparing", "expect", "expects", "expected", "want", "wants", "wanted", "vow", "vows",
        "vowed", "promise", "promised", "pledge", "pledged", "able", "capable", "try", "tries",
        "tried", "attempt", "attempted", "seek", "seeks", "sought", "aim", "aims", "hope",
        "hopes", "warn", "warns", "warned", "ready",
    }
)  # fmt: skip
_SCALE_WORDS = frozenset({"dozen", "hundred", "thousand"})
_ATTACK_NOUNS = frozenset({"attack", "attacks", "strike", "strikes", "raid", "raids", "assault"})
_CONTAINERS = frozenset(
    {"total", "group", "groups", "wave", "swarm", "salvo", "barrage", "batch", "volley"}
)
_WEAPON_MODIFIERS = frozenset({"attack", "strike", "combat", "kamikaze", "decoy", "cruise"})
_ALL_WORDS = frozenset({"all", "both", "each"})

FIELDS = ("drones", "missiles", "drones_downed", "missiles_downed", "killed", "injured")


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure the parse attaches: `field` is a `StrikeEvent` figure or "<kind>_hit"."""

    field: str
    value: int
    start: int
    """Character offset of the count in the sentence."""


@dataclass(frozen=True, slots=True)
class Reading:
    quantities: tuple[Quantity, ...]
    blocked: frozenset[int]
    """Values of counts the parse shows count something else (an age, a year, homes, a
    negated or hypothetical figure): a surface pattern must not read them as figures."""
    finals: frozenset[str] = frozenset()
    """Fields whose figure the sentence gives as an update of an earlier one ("the toll
    rose to 19", "the air force revised the figure to 43"): it supersedes what came before."""

    def values(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for q in self.quantities:
            if q.value > out.get(q.field, -1):
                out[q.field] = q.value
        return out


_EMPTY = Reading((), frozenset())


def _low(token: Token) -> str:
    return token.lower_


def weapon_kind(token: Token) -> str | None:
    """ "drones", "missiles" or None, for a noun that names a weapon."""
    low = _low(token)
    if low in DRONE_WORDS:
        return "drones"
    if low in MISSILE_WORDS or _MISSILE_TYPE.match(low):
        return "missiles"
    if low in ("vehicles", "vehicle", "aircraft") and any(
        _low(c) in ("unmanned", "aerial") for c in token.children
    ):
        return "drones"
    return None


def _is_number(token: Token) -> bool:
    low = _low(token)
    if low in _SCALE_WORDS:
        return True
    return bool(token.like_num) and not token.text.endswith("%")


def _value(tokens: list[Token]) -> int | None:
    """The count a run of number tokens stands for ("1,200", "three dozen", "twenty-three")."""
    words = [_low(t) for t in tokens if _low(t) not in ("-", "and")]
    if not words:
        return None
    if words[-1] == "dozen":
        head = words[:-1]
        if not head or head == ["a"]:
            return 12
        first = parse_number(" ".join(head))
        return first * 12 if first is not None else None
    if (
        len(words) == 1
        and words[0].isascii()
        and words[0].isdigit()
        and 1900 <= int(words[0]) <= 2100
    ):
        return None  # a year
    return parse_number(" ".join(words))


def _number_groups(doc: Doc) -> list[tuple[Token, int, int]]:
    """(head token, value, start offset) of every count in the sentence."""
    groups: list[tuple[Token, int, int]] = []
    i = 0
    n = len(doc)
    while i < n:
        token = doc[i]
        if not _is_number(token) or (_low(token) in _SCALE_WORDS and i == 0):
            i += 1
            continue
        j = i + 1
        while j < n and (
            _is_number(doc[j])
            or (_low(doc[j]) in ("-", "and") and j + 1 < n and _is_number(doc[j + 1]))
        ):
            j += 1
        start = i
        if i > 0 and _low(doc[i - 1]) == "a" and _low(token) in _SCALE_WORDS:
            start = i - 1
        run = [doc[k] for k in range(start, j)]
        value = _value(run)
        # "no one", "every one of them": not counts
        negated = start > 0 and _low(doc[start - 1]) in ("no", "every", "each", "any", "not")
        if (
            value is not None
            and not negated
            and not _in_compound_adjective(doc, i, j)
            and not _in_notation(doc, start, j)
        ):
            inside = {t.i for t in run}
            head = next((t for t in run[::-1] if t.head.i not in inside), run[-1])
            groups.append((head, value, doc[start].idx))
        i = j
    return groups


_NOTATION_SIGNS = frozenset({"^", "**", "*", "×", "x10", "e+"})


def _in_notation(doc: Doc, start: int, end: int) -> bool:
    """ "10^400", "3 × 10^5": a number that is a base or exponent of a power or product
    is notation, not a count of anything."""
    before = doc[start - 1].text if start > 0 else ""
    after = doc[end].text if end < len(doc) else ""
    return before in _NOTATION_SIGNS or after in _NOTATION_SIGNS


def _in_compound_adjective(doc: Doc, start: int, end: int) -> bool:
    """ "55-year-old", "3-storey", "24-hour": a count inside a hyphenated modifier."""
    return end < len(doc) and doc[end].text == "-" and doc[end].whitespace_ == ""


def _over_a_span(verb: Token) -> bool:
    """A count over a span of time, not one attack: "killed since the invasion", "in the
    past week", "over the last three months", "so far this year"."""
    clause = [verb, *verb.conjuncts]
    clause += [c for v in list(clause) for c in v.children if c.dep_ in ("acl", "conj")]
    clause += [c for v in list(clause) for c in v.children if c.dep_ == "advcl"]
    for child in (c for v in clause if v.pos_ in ("VERB", "NUM", "AUX") for c in v.children):
        if child.dep_ in ("prep", "mark") and _low(child) == "since":
            return True
        if child.dep_ == "prep" and _low(child) in ("in", "over", "during", "throughout"):
            for obj in child.children:
                if (
                    obj.dep_ == "pobj"
                    and _low(obj) in _SPANS
                    and any(
                        _low(c) in ("past", "last", "previous", "whole", "entire")
                        or c.dep_ == "nummod"
                        for c in obj.children
                    )
                ):
                    return True
                if obj.dep_ == "pobj" and _low(obj) in ("war", "invasion", "conflict"):
                    return True
    return False


_SPANS = frozenset({"days", "weeks", "months", "years", "nights", "week", "month", "year"})
"""Spans longer than the one night or day an attack takes ("the past day" is not one)."""


def _clause_blocked(verb: Token) -> bool:
    """Negated, hypothetical or over a span of time: a "not"/"never", a modal, a verb of
    intent above, or "since the invasion"."""
    if _over_a_span(verb):
        return True
    token: Token | None = verb
    steps = 0
    while token is not None and steps < 4:
        for child in token.children:
            if child.dep_ == "neg" or _low(child) in ("never", "no"):
                return True
            if child.dep_ == "aux" and _low(child) in _MODALS:
                return True
        if token.dep_ in ("xcomp", "acomp") and _low(token.head) in _INTENT:
            return True
        if token.dep_ not in ("xcomp", "conj"):
            break
        token = token.head
        steps += 1
    return False


def _has_particle(verb: Token, words: Iterable[str]) -> bool:
    wanted = set(words)
    return any(c.dep_ == "prt" and _low(c) in wanted for c in verb.children) or (
        verb.i + 1 < len(verb.doc) and _low(verb.doc[verb.i + 1]) in wanted
    )


_STRIKE_SUBJECTS = frozenset(
    {
        "strike", "strikes", "attack", "attacks", "airstrike", "airstrikes", "raid", "raids",
        "missile", "missiles", "bomb", "bombs", "shelling", "barrage",
    }
)  # fmt: skip


def _struck_on_the_ground(verb: Token, via: Token | None) -> bool:
    """ "its strikes destroyed 30 Ukrainian drones": weapons destroyed by an attack are its
    targets, not weapons of another attack shot down."""
    return (
        via is None
        and _low(verb) in _DOWN
        and any(c.dep_ == "nsubj" and _low(c) in _STRIKE_SUBJECTS for c in verb.children)
    )


def verb_sense(verb: Token, via: Token | None = None) -> str | None:
    """ "down", "launch", "hit", "lost" or None: what a verb does to the weapons it governs.
    `via` is the preposition the weapons hang on ("attacked ... with 40 drones")."""
    low = _low(verb)
    if via is not None:
        if _low(via) == "with" and (low in _WITH_VERBS or low in _LAUNCH):
            return "launch"
        if _low(via) in ("of", "out") and low in ("consist", "consisted", "consisting"):
            return "launch"
        return None
    if low in _DOWN_WITH_PARTICLE and _has_particle(verb, ("down", "out")):
        return "down"
    if low in _DOWN:
        return "down"
    if low in _LOST:
        return "lost"
    if low in _LAUNCH:
        return "launch"
    if low in _HIT:
        return "hit"
    return None


def _governor(token: Token) -> tuple[Token | None, Token | None]:
    """The verb that governs a noun phrase and the preposition between them, if any; climbs
    coordination and appositions to the first conjunct."""
    node = token
    while node.dep_ in ("conj", "appos") and node.head.i != node.i:
        if node.head.pos_ == "VERB" and node.pos_ != "VERB":
            return node.head, None  # "destroyed 121 of 143 drones and 7 out of 9 missiles"
        node = node.head
    via: Token | None = None
    if (
        node.dep_ == "pobj"
        and _low(node.head) == "of"
        and _low(node.head.head) in _CONTAINERS
        and node.head.head.dep_ != "pobj"
    ):
        node = node.head.head  # "a total of 48 drones were shot down": the total is the drones
    if node.dep_ == "pobj":
        via = node.head
        if via.dep_ == "prep" and via.head.dep_ == "prep":  # "out of"
            via = via.head
        node = via
    head = node.head
    if head.dep_ in ("advmod", "prt") and _low(head) in ("down", "out"):  # "shot down 28 of 31"
        head = head.head
    governed = node.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "prep", "npadvmod")
    if governed and (head.pos_ in ("VERB", "AUX") or head.tag_.startswith("VB")):
        return head, via if node.dep_ == "prep" else None
    return None, None


def _described_sense(noun: Token, skip: Token | None = None) -> str | None:
    """The sense a participle or relative clause on the noun gives it ("drones launched
    overnight", "the missiles Russia fired", "drones shot down over Bryansk")."""
    for child in noun.children:
        if (
            (skip is None or child.i != skip.i)
            and child.dep_ in ("acl", "relcl")
            and not _clause_blocked(child)
            and not _of_which(child)
        ):
            sense = verb_sense(child)
            if sense is not None:
                return sense
    return None


def _of_which(clause: Token) -> bool:
    """ "109 drones, of which 99 were destroyed": a relative clause about a part of the noun
    (its own count), which says nothing of the whole."""
    return any(
        prep.dep_ == "prep"
        and _low(prep) in ("of", "out")
        and any(_low(o) in ("which", "whom") for o in prep.children if o.dep_ == "pobj")
        for part in (clause, *clause.children)
        for prep in part.children
    )


_SAYING = frozenset({"said", "says", "reported", "reports", "stated", "wrote", "added", "counted"})


def _restated_sense(noun: Token) -> str | None:
    """ "Russia launched more than 400 drones, the air force said: 412 drones and 11
    missiles": counted weapons after a colon or dash, as the object of a verb of saying,
    restate what the clause that verb reports did with them."""
    verb = noun.head
    if noun.dep_ != "dobj" or _low(verb) not in _SAYING or verb.i > noun.i:
        return None
    if not any(t.text in (":", "-", "—", "–") for t in noun.doc[verb.i + 1 : noun.i]):
        return None
    reported = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if reported is None:
        return None
    return "blocked" if _clause_blocked(reported) else verb_sense(reported)


def _sense(noun: Token) -> str | None:
    restated = _restated_sense(noun)
    if restated is not None:
        return restated
    if noun.dep_ == "pobj" and _low(noun.head) == "by" and _low(noun.head.head) in _ATTACK_NOUNS:
        return "launch"  # "an attack by 75 drones"
    if noun.dep_ == "nsubj" and _low(noun.head) in _WITH_VERBS and _low(noun.head) not in _HIT:
        return "blocked" if _clause_blocked(noun.head) else "launch"  # "60 drones targeted X"
    if (
        noun.dep_ == "pobj"
        and _low(noun.head) in ("with", "plus", "alongside")
        and weapon_kind(noun.head.head) is not None
    ):
        return _sense(noun.head.head)  # "64 drones with three cruise missiles": same sense
    verb, via = _governor(noun)
    if verb is not None:
        if _clause_blocked(verb) or _struck_on_the_ground(verb, via):
            return "blocked"
        if (
            via is None
            and _low(verb) in _WITH_VERBS
            and any(c.dep_ == "prep" and _low(c) == "with" for c in verb.children)
        ):
            return "launch"  # "attacked with 90 means, namely: 9 missiles, ..."
        if via is not None and _low(via) in ("of", "out"):
            # the whole of a partitive on the verb: "downed 19 out of 24 missiles launched"
            return _described_sense(noun) or "launch"
        sense = _coordinated_down(verb, verb_sense(verb, via))
        if sense is not None:
            return sense
        for prep in verb.children:
            # "listed 12 missiles among the weapons fired overnight": the set they are
            # counted among says what was done with them
            if prep.dep_ == "prep" and _low(prep) == "among" and via is None:
                pool = _pobj(prep)
                if pool is not None and _low(pool) in _POOLS:
                    return _described_sense(pool)
    return _described_sense(noun)


_POOLS = frozenset({"weapons", "arms", "munitions", "means", "arsenal", "projectiles"})


def _coordinated_down(verb: Token, sense: str | None) -> str | None:
    """ "intercepted or jammed", "shot down or suppressed": a count that air defences
    downed or jammed is reported as downed (the air force's own figure)."""
    if sense not in ("lost", None) or verb.dep_ != "conj":
        return sense
    first = verb.head
    alternative = any(c.dep_ == "cc" and _low(c) == "or" for c in first.children)
    if alternative and verb_sense(first) == "down":
        return "down"  # the first verb decides: "dropped off radar or were neutralised" is lost
    return sense


def _counted_noun(number: Token) -> Token | None:
    """The noun a count modifies: its head, climbing compound/nmod/amod links and the
    coordination of modifiers ("73 attack and decoy drones")."""
    if (
        number.dep_ == "appos"
        and weapon_kind(number.head) is not None
        and any(_low(t) in ("total", "all") for t in number.subtree if t.i > number.i)
    ):
        return number.head  # "the missiles, 12 in total, were all intercepted"
    if number.dep_ not in ("nummod", "quantmod", "compound", "nmod", "amod"):
        return None
    node = number.head
    for _ in range(4):
        if weapon_kind(node) is not None and not (
            node.dep_ in ("compound", "nmod", "nummod") and weapon_kind(node.head) is not None
        ):
            return node
        if _low(node) in _VICTIMS | _COMBATANTS:
            return node
        if node.dep_ == "conj" and node.head.dep_ in ("compound", "nmod", "amod"):
            node = node.head
        if node.dep_ in ("compound", "nmod", "amod", "nummod") and node.head.i != node.i:
            node = node.head
            continue
        break
    if _low(node) in _WEAPON_MODIFIERS:
        # "143 attack and decoy drones" misparsed: the modifier's weapon follows it
        for later in node.doc[node.i + 1 : node.i + 4]:
            if weapon_kind(later) is not None:
                return later
    return node


def _partitive(number: Token) -> Token | None:
    """The noun a bare count is part of: "61 of the 73 drones", "100 out of 120 drones",
    "Of the 120 drones ..., 100 were shot down", "..., of which 38 were downed"."""
    for prep in number.children:
        if prep.dep_ == "prep" and _low(prep) in ("of", "out"):
            noun = _pobj(prep)
            if noun is not None:
                return noun
    head = number.head
    if number.dep_ in ("nsubj", "nsubjpass", "dobj"):
        for prep in head.children:
            if prep.dep_ == "prep" and _low(prep) in ("of", "out", "among") and prep.i != number.i:
                noun = _pobj(prep)
                if noun is not None:
                    return noun
        if head.dep_ == "conj" and number.dep_ != "dobj":
            # "..., of which 139 were shot down and 127 were lost": the second clause shares
            # the first one's "of which"
            for prep in head.head.children:
                if (
                    prep.dep_ == "prep"
                    and _low(prep) in ("of", "out")
                    and any(
                        c.dep_ == "pobj" and _low(c) in ("which", "them") for c in prep.children
                    )
                ):
                    noun = _pobj(prep)
                    if noun is not None:
                        return noun
        for other in head.children:  # "Of 60 drones launched, 38 were shot down"
            if other.i != number.i and _opened_by_of(other) and weapon_kind(other) is not None:
                return other
    if number.dep_ in ("nsubj", "nsubjpass"):
        # a fronted "Of the 143 drones ...," the parser hung elsewhere
        fronted = [
            t for t in number.doc[: number.i] if weapon_kind(t) is not None and _opened_by_of(t)
        ]
        if fronted:
            return fronted[0]
    return None


def _only(number: Token) -> bool:
    doc = number.doc
    return any(_low(c) == "only" for c in number.children) or (
        number.i > 0 and _low(doc[number.i - 1]) == "only"
    )


def _opened_by_of(noun: Token) -> bool:
    """A noun phrase that opens with "of": the whole of a fronted partitive, which the
    parser may attach as the subject ("Of 60 drones launched, 38 were shot down")."""
    if noun.dep_ == "pobj" and _low(noun.head) == "of" and noun.head.i == 0:
        return True  # "Of the 143 drones Russia sent, ..."
    edge = noun.left_edge
    return (
        noun.i > edge.i
        and _low(edge) == "of"
        # not "of which 40 drones"
        and not any(c.dep_ == "pobj" and c.i != noun.i for c in edge.children)
    )


def _pronoun_antecedent(pronoun: Token) -> Token | None:
    """ "shot down 40 of them": the last counted weapon before the pronoun in the sentence."""
    earlier = [t for t in pronoun.doc[: pronoun.i] if weapon_kind(t) is not None]
    return earlier[-1] if earlier else None


def _counted_antecedent(number: Token) -> Token | None:
    """The weapon noun before `number` in its sentence that carries the same count ("sent 52
    drones ... neutralised 44 of the 52")."""
    run = [number, *[c for c in number.children if _is_number(c) and c.dep_ != "conj"]]
    value = _value(sorted(run, key=lambda t: t.i))
    for token in reversed(number.doc[: number.i]):
        if weapon_kind(token) is None:
            continue
        own = _own_count(token)
        if own is not None and value is not None and own[0] == value:
            return token
    return None


def _pobj(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ == "pobj":
            if _low(child) == "which":
                relcl = prep.head if prep.head.dep_ == "relcl" else prep.head.head
                antecedent = relcl.head if relcl.dep_ == "relcl" else child
                if weapon_kind(antecedent) is None:
                    # the parse may hang the clause on a nearer noun: the counted weapon
                    # before "of which" is what it refers to
                    earlier = [
                        t
                        for t in child.doc[: child.i]
                        if weapon_kind(t) is not None and _own_count(t) is not None
                    ]
                    if earlier:
                        return earlier[-1]
                return antecedent
            if _low(child) in ("them", "those", "these"):
                return _pronoun_antecedent(child)
            if _is_number(child) and weapon_kind(child) is None:
                # "took down 60 of the 75": a definite count with no noun of its own
                # names the weapons counted so earlier in the sentence
                return _counted_antecedent(child) or child
            return child
        if child.dep_ == "prep" and _low(child) == "of":  # "out of"
            return _pobj(child)
    return None


def _own_count(noun: Token) -> tuple[int, int] | None:
    """The count on a noun, also where it hangs on a modifier ("the 73 attack and decoy
    drones")."""
    for child in noun.children:
        if child.dep_ in ("compound", "nmod", "amod") and child.i < noun.i:
            found = _own_count(child)
            if found is not None:
                return found
        if child.dep_ in ("nummod",) and _is_number(child):
            run = sorted([child, *[c for c in child.children if _is_number(c)]], key=lambda t: t.i)
            value = _value(run)
            if value is not None:
                return value, run[0].idx
    return None


def _toll_field(token: Token) -> str | None:
    """ "killed" / "injured" when a count of people (or a bare count) at `token` is the
    victim of a verb or adjective of killing or injuring."""
    node = token
    if node.dep_ == "appos" and _is_number(node.head):
        return _toll_field(node.head)
    if (
        node.dep_ == "pobj"
        and _low(node.head) == "of"
        and _low(node.head.head) in ("lives", "life")
    ):
        lives = node.head.head  # "claimed the lives of 14 civilians"
        if lives.dep_ == "dobj" and _low(lives.head) in _TAKE_LIVES:
            return "blocked" if _clause_blocked(lives.head) else "killed"
    if node.dep_ == "pobj" and _low(node.head) == "of" and _low(node.head.head) in _BODIES:
        bodies = node.head.head  # "recovered the bodies of 14 people"
        verb = bodies.head if bodies.dep_ in ("dobj", "nsubjpass", "nsubj") else None
        return "blocked" if verb is not None and _clause_blocked(verb) else "killed"
    if node.dep_ == "conj" and _is_number(node) and _low(node.head) in _KILL_VERBS | _HURT_VERBS:
        # "17 were killed in one town and 11 in another"
        return "killed" if _low(node.head) in _KILL_VERBS else "injured"
    predicate = _postposed_toll(token)
    if predicate is not None:
        return predicate
    while node.dep_ == "conj" and node.head.dep_ in ("nsubj", "nsubjpass", "dobj"):
        node = node.head
    head = node.head
    low = _low(head)
    if node.dep_ in ("nsubj", "nsubjpass", "dobj") and head.i != node.i:
        if _clause_blocked(head):
            return "blocked"
        if low in _KILL_VERBS:
            return "killed"
        if low in _HURT_VERBS:
            return "injured"
        objects = {_low(c) for c in head.children if c.dep_ == "dobj"}
        if node.dep_ == "nsubj" and objects & {"injuries", "wounds", "injury", "burns"}:
            return "injured"  # "more than 100 received injuries"
        care = objects & {"help", "treatment", "care", "assistance"}
        if node.dep_ == "nsubj" and care and _low(head) in _SEEK_CARE:
            return "injured"  # "61 people sought medical help"
        if node.dep_ == "nsubj" and objects & {"lives", "life"} and low in ("lost", "lose"):
            return "killed"
        if node.dep_ == "nsubjpass" and low in _TO_HOSPITAL and _to_hospital(head):
            return "injured"  # "17 people were taken to hospital"
        own = _own_toll_word(token)
        if own is not None:
            return own
        for child in head.children:  # "left 14 people dead", "12 were confirmed dead"
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                continue  # a clause of its own: "... and four wounded"
            if child.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and child.i > node.i:
                if _low(child) in _KILL_VERBS:
                    return "killed"
                if _low(child) in _HURT_VERBS:
                    return "injured"
    return _own_toll_word(token)


_TO_HOSPITAL = frozenset({"taken", "rushed", "admitted", "brought", "carried", "evacuated"})
_HOSPITALS = frozenset({"hospital", "hospitals"})


def _to_hospital(verb: Token) -> bool:
    """Whether a verb of moving people has "to/in (a) hospital" among its dependants."""
    return any(
        (
            c.dep_ == "prep"
            and _low(c) in ("to", "in", "into")
            and any(g.dep_ == "pobj" and _low(g) in _HOSPITALS for g in c.children)
        )
        or (c.dep_ == "xcomp" and _low(c) in _HOSPITALS)  # "to hospital" misread as a verb
        for c in verb.children
    )


def _own_toll_word(token: Token) -> str | None:
    """ "12 people injured", "three civilians killed": a participle on the counted noun."""
    for child in token.children:
        if child.dep_ in ("acl", "amod") and child.i > token.i:
            if _low(child) in _KILL_VERBS:
                return "killed"
            if _low(child) in _HURT_VERBS:
                return "injured"
    return None


def _postposed_toll(noun: Token) -> str | None:
    """ "leaving at least 14 people dead and 30 wounded": an adjective right after its noun
    and closing its phrase (before "and", a comma or the end) is the predicate of a small
    clause, not an attribute, so it is that count's toll whatever verb the parse hangs the
    list on ("people wounded in the strike died" is a participle going on, and no toll)."""
    doc = noun.doc
    if noun.i + 1 >= len(doc):
        return None
    word = doc[noun.i + 1]
    if word.head.i != noun.i or word.dep_ != "amod" or word.pos_ != "ADJ":
        return None
    if word.i + 1 < len(doc) and doc[word.i + 1].text not in ("and", ",", ".", ";"):
        return None
    if _low(word) in _KILL_VERBS:
        return "killed"
    if _low(word) in _HURT_VERBS:
        return "injured"
    return None


def _elliptic_toll(number: Token) -> str | None:
    """ "20 dead and about 50 wounded": a count followed by the word of its toll."""
    doc = number.doc
    if number.i + 1 >= len(doc):
        return None
    following = doc[number.i + 1]
    if following.dep_ in ("nsubj", "nsubjpass") or following.tag_ in ("VBD", "VBZ", "VBP"):
        return None
    low = _low(following)
    if low not in ("dead", "killed", "injured", "wounded", "hurt"):
        return None
    if following.pos_ == "VERB" and _clause_blocked(following):
        return "blocked"
    return "killed" if low in ("dead", "killed") else "injured"


def _figure_verb(number: Token) -> tuple[Token, Token]:
    """The node a figure hangs on ("to" of "rose to 19", or the number) and the verb that
    sets the figure noun to it."""
    node = number
    if node.dep_ == "pobj" and _low(node.head) in ("to", "at", "of"):
        node = node.head
    verb = node.head
    if node.dep_ == "prep" and _low(node) == "to":
        # "bringing the toll from Monday's strike to 14": the parse may hang "to 14" on the
        # last noun of the object; the verb above that noun is the one raising the toll
        for _ in range(3):
            if verb.pos_ in ("VERB", "AUX") or verb.dep_ not in ("pobj", "prep"):
                break
            verb = verb.head
    return node, verb


def _toll_from_total(number: Token) -> str | None:
    """ "the death toll rose to 19", "the number of injured reached 40"."""
    node, verb = _figure_verb(number)
    if node.dep_ not in ("prep", "attr", "dobj", "npadvmod") or _low(verb) not in (
        _RISE_VERBS | _UPDATE_VERBS
    ):
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and _low(child) in _TOLL_NOUNS:
            words = {_low(t) for t in child.subtree}
            if words & (_HURT_VERBS | _HURT_NOUNS) - {"casualties"}:
                return "injured"
            if words & (_KILL_VERBS | _DEATH_NOUNS) or _low(child) == "toll":
                return "killed"
    return None


def _weapons_from_total(number: Token) -> tuple[str, str] | None:
    """ "the air force corrected the number of drones to 58", "the count of missiles shot
    down was revised to 31": (kind, sense) of a weapon figure that a figure noun with its own
    "of <weapons>" was set to."""
    node = number
    if node.dep_ == "pobj" and _low(node.head) in ("to", "at"):
        node = node.head
    verb = node.head
    if node.dep_ not in ("prep", "attr", "dobj") or _low(verb) not in _RISE_VERBS | _UPDATE_VERBS:
        return None
    if _clause_blocked(verb):
        return None
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass", "dobj") or _low(child) not in _FIGURE_NOUNS:
            continue
        for prep in child.children:
            weapon = _pobj(prep) if prep.dep_ == "prep" and _low(prep) == "of" else None
            kind = weapon_kind(weapon) if weapon is not None else None
            if weapon is not None and kind is not None:
                sense = _described_sense(weapon) or "launch"
                return (kind, sense) if sense in ("launch", "down") else None
    return None


def _age(number: Token) -> bool:
    """ "a woman, 71," / "aged 55": a count in apposition to one person, or after "aged"."""
    head = number.head
    if number.dep_ == "appos" and (
        (head.tag_ == "NN" and _low(head) in _VICTIMS) or head.ent_type_ == "PERSON"
    ):
        return True
    doc = number.doc
    i = number.i - 1
    # "aged eight, 12 and 17", "aged between 6 and 17": every number of the list of ages
    while i > 0 and (
        _low(doc[i]) in (",", "and", "or", "between", "from", "to") or doc[i].like_num
    ):
        i -= 1
    return i >= 0 and _low(doc[i]) in ("aged", "age", "ages")


def read(doc: Doc) -> Reading:
    """Every figure the parse of one sentence attaches."""
    found: list[Quantity] = []
    blocked: set[int] = set()
    groups = _number_groups(doc)
    wholes = {p.head.i for p, _, _ in groups if _is_part(p)}
    for number, value, start in groups:
        if _age(number):
            blocked.add(value)
            continue
        if _is_part(number):
            _read_part(number, value, start, found, blocked)
            continue
        if number.i in wholes:
            noun = _counted_noun(number)
            if noun is not None and weapon_kind(noun) is not None:
                sense = _whole_sense(noun, _governor(noun)[0])
                _offer(found, weapon_kind(noun) or "", sense, value, start)
            continue
        noun = _counted_noun(number)
        if noun is not None:
            _read_counted(noun, value, start, found, blocked)
            continue
        _read_bare(number, value, start, found, blocked)
    _elliptic_weapons(doc, groups, found, blocked)
    _downed_less_lost(groups, found)
    _revised_figure(groups, found)
    _pairs(doc, found, blocked)
    for token in doc:
        if _one_victim(token) and token.dep_ != "conj":
            field = _toll_field(token)
            if field in ("killed", "injured"):
                # "a man and his son were killed": one for each person coordinated
                people = 1 + sum(_coordinated_people(c) for c in token.conjuncts)
                people += _victims_after_an_age(token)
                found.append(Quantity(field, people, token.idx))
    _single_weapons(doc, found)
    _both_weapons(doc, found)
    _part_of_a_mixed_whole(doc, groups, found)
    _subjectless_toll(doc, groups, found)
    _part_beside_a_part(groups, found)
    _reduced_relative(doc, found)
    _no_victims(doc, found)
    _none_downed(doc, found)
    _sum_lists(doc, found)
    _list_after_colon(doc, found)
    _sum_tolls_by_place(doc, found)
    _other_attacks_toll(doc, found)
    return Reading(tuple(found), frozenset(blocked - {q.value for q in found}), _finals(doc, found))


_SOURCE_ATTACKS = _ATTACK_NOUNS | {"barrage", "bombardment", "shelling", "bombing", "wave"}
_EARLIER_WORDS = frozenset({"earlier", "last", "previous", "preceding", "prior", "yesterday"})


def _other_attacks_toll(doc: Doc, found: list[Quantity]) -> None:
    """ "killing two people, as the toll from an attack earlier in the week rose to seven":
    a toll said to come from an attack with a day of its own belongs to that attack, not to
    the one the sentence tells with a toll of the same kind."""
    by_offset = {t.idx: t for t in doc}
    tolls = [q for q in found if q.field in ("killed", "injured") and q.start in by_offset]
    dated = {q.start: _toll_of_a_dated_attack(by_offset[q.start]) for q in tolls}
    for quantity in tolls:
        if dated[quantity.start] and any(
            q.field == quantity.field and not dated[q.start] for q in tolls
        ):
            found.remove(quantity)


def _toll_of_a_dated_attack(number: Token) -> bool:
    _, verb = _figure_verb(number)
    for noun in verb.children:
        if noun.dep_ not in ("nsubj", "nsubjpass", "dobj") or _low(noun) not in _TOLL_NOUNS:
            continue
        sources = [
            _pobj(prep)
            for prep in noun.children
            if prep.dep_ == "prep" and _low(prep) in ("from", "of", "in")
        ]
        if not any(a is not None and _low(a) in _SOURCE_ATTACKS for a in sources):
            continue
        # the attack's own day, on the attack or on the toll ("the toll from the attack
        # earlier in the week", "the toll from Wednesday's strike")
        words = {_low(t).removesuffix("'s") for t in noun.subtree}
        if words & (_EARLIER_WORDS | WEEKDAY_WORDS) or any(
            t.ent_type_ == "DATE" for t in noun.subtree
        ):
            return True
    return False


_UPDATE_VERBS = frozenset(
    {
        "revised", "revise", "revises", "updated", "update", "updates", "corrected", "correct",
        "lowered", "raised", "adjusted", "rose", "risen", "rises", "climbed", "climbs",
        "increased", "reached", "reaches", "grew", "jumped", "bringing", "brought", "brings",
        "taking", "took", "takes",
    }
)  # fmt: skip


_FIGURE_NOUNS = frozenset({"figure", "number", "toll", "count", "tally", "estimate"})


def _revised_figure(groups: Iterable[tuple[Token, int, int]], found: list[Quantity]) -> None:
    """ "five people were injured ...; the figure was later revised to three": a count that a
    bare figure noun (no "of ..." of its own) was revised, updated or raised to restates the
    toll given before it in the sentence, and supersedes it."""
    taken = {q.start for q in found}
    for number, value, start in groups:
        if start in taken:
            continue
        node = number.head if number.dep_ == "nummod" else number
        verb = node.head.head
        if not (node.dep_ == "pobj" and _low(node.head) == "to" and _low(verb) in _UPDATE_VERBS):
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not any(
            _low(c) in _FIGURE_NOUNS and not any(g.dep_ == "prep" for g in c.children)
            for c in subjects
        ):
            continue
        earlier = [q for q in found if q.start < start and q.field in ("killed", "injured")]
        if earlier:
            found.remove(earlier[-1])
            found.append(Quantity(earlier[-1].field, value, start))


def _finals(doc: Doc, found: list[Quantity]) -> frozenset[str]:
    """Fields whose count is the object of "rose to", "revised to", "updated to"."""
    by_offset = {t.idx: t for t in doc}
    out: set[str] = set()
    for quantity in found:
        token = by_offset.get(quantity.start)
        if token is None:
            continue
        node = token.head if token.dep_ == "nummod" else token
        if (
            node.dep_ == "pobj"
            and _low(node.head) == "to"
            and _low(node.head.head) in _UPDATE_VERBS
        ):
            out.add(quantity.field)
    return frozenset(out)


_LOCATIVE = frozenset({"over", "in", "near", "above", "across", "towards", "toward", "around"})


def _day_of_month(number: Token) -> bool:
    """The number is the day of a date written beside its month ("on May 16", "16 May")."""
    doc = number.doc
    before = doc[number.i - 1] if number.i > 0 else None
    after = doc[number.i + 1] if number.i + 1 < len(doc) else None
    return any(
        t is not None and _low(t).rstrip(".") in MONTH_WORDS and t.text[:1].isupper()
        for t in (before, after)
    )


_WEAPON_FIELDS = frozenset({"drones", "missiles", "drones_downed", "missiles_downed"})


def _elliptic_weapons(
    doc: Doc, groups: list[tuple[Token, int, int]], found: list[Quantity], blocked: set[int]
) -> None:
    """Counts whose weapon noun is left out after a counted weapon in the same sentence:
    "counted 76 missiles launched and 60 destroyed" (a participle gives the sense), "downed
    44 drones over one region, 31 over another and 10 over a third" (a place list: each
    count shares the first one's sense, and the list adds up)."""
    taken = {q.start for q in found}
    by_offset = {t.idx: t for t in doc}
    located: dict[int, list[int]] = {}
    elliptic: set[int] = set()
    for number, value, start in groups:
        if start in taken or value in blocked or _day_of_month(number):
            continue
        anchors = [
            q
            for q in found
            if q.field in _WEAPON_FIELDS and q.start < start and q.start not in elliptic
        ]
        if not anchors:
            continue
        following = doc[number.i + 1] if number.i + 1 < len(doc) else None
        if following is not None and _low(following) == "more" and following.i + 1 < len(doc):
            following = doc[following.i + 1]  # "and 50 more over other regions"
        noun = _counted_noun(number)
        if noun is not None and not (
            # "another 50 over six other regions", parsed as a count of the regions
            weapon_kind(noun) is None
            and _low(noun) not in _VICTIMS | _COMBATANTS
            and following is not None
            and _low(following) in _LOCATIVE
        ):
            continue
        anchor = anchors[-1]
        kind = "drones" if anchor.field.startswith("drones") else "missiles"
        nearest = [t for t in doc[: number.i] if weapon_kind(t) is not None]
        if following is None or not nearest or weapon_kind(nearest[-1]) != kind:
            continue  # the weapon named last is not the one counted last: no guess
        if noun is None and number.dep_ in ("nsubj", "nsubjpass"):
            sense = _bare_sense(number)  # "...drones were launched; 31 were shot down"
            if sense in ("down", "hit", "lost"):
                _offer(found, kind, sense, value, start)
                continue
        if following.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in following.children):
            sense = verb_sense(following)
            if sense is not None and not _clause_blocked(following):
                _offer(found, kind, sense, value, start)
            continue
        anchor_token = by_offset.get(anchor.start)
        anchor_noun = _counted_noun(anchor_token) if anchor_token is not None else None
        anchor_start_i = anchor_token.i if anchor_token is not None else len(doc)
        holders = [anchor_noun, anchor_noun.head] if anchor_noun is not None else []
        if _low(following) in _LOCATIVE and any(
            _low(c) in _LOCATIVE and c.dep_ == "prep" and c.i > anchor_start_i
            for holder in holders
            for c in holder.children
        ):
            found.append(Quantity(anchor.field, value, start))
            elliptic.add(start)
            located.setdefault(anchor.start, []).append(value)
    for anchor_start, values in located.items():
        if _breakdown(doc, anchor_start) or _spread(doc, by_offset.get(anchor_start)):
            continue
        anchor = next(q for q in found if q.start == anchor_start)
        first = min(start for start in elliptic if start > anchor_start)
        if _opens_breakdown(doc.text[anchor_start:first]) or (
            len(values) >= 3 and sum(values) == anchor.value
        ):
            continue  # "144 drones over nine regions: 72 over X, 20 over Y, ...": a breakdown
        found.append(Quantity(anchor.field, anchor.value + sum(values), anchor_start))


_AT_PLACE = frozenset({"in", "on", "at", "near", "across"})


def _toll_place(token: Token) -> str | None:
    """The place a toll clause names ("four died in X", "and four more in Y")."""
    holders = [token]
    if token.dep_ == "nummod":
        holders.append(token.head)
        token = token.head
    if token.dep_ in ("nsubj", "nsubjpass", "dobj"):
        holders.append(token.head)
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and _low(prep) in _AT_PLACE:
                names = [t.text for t in prep.subtree if t.pos_ == "PROPN"]
                if names:
                    return " ".join(names)
    return None


def _sum_tolls_by_place(doc: Doc, found: list[Quantity]) -> None:
    """ "Three were killed in X, four died in Y and four more in Z": tolls of one kind,
    each in its own place, add up to the toll of the attack - unless they break a total
    down ("of them", "including")."""
    if _breakdown(doc, -1):
        return
    by_offset = {t.idx: t for t in doc}
    for name in ("killed", "injured"):
        tolls = [q for q in found if q.field == name and q.value > 0]
        if len(tolls) < 2:
            continue
        placed: dict[str, int] = {}
        for q in tolls:
            token = by_offset.get(q.start)
            where = _toll_place(token) if token is not None else None
            if where is None or where in placed:
                placed = {}
                break
            placed[where] = q.value
        if len(placed) >= 2:
            found.append(Quantity(name, sum(placed.values()), tolls[0].start))


def _spread(doc: Doc, anchor: Token | None) -> bool:
    """ "downed 300 drones over ten regions, 90 around the capital": a count already spread
    over several places is a total that the counts after it break down."""
    if anchor is None:
        return False
    noun = _counted_noun(anchor)
    holders = [noun, noun.head] if noun is not None else []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and _low(prep) in _LOCATIVE:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.tag_ == "NNS" and _low(obj) in _AREAS:
                        return True
    return False


_AREAS = frozenset({"regions", "oblasts", "provinces", "areas", "cities", "districts", "towns"})


def _breakdown(doc: Doc, anchor_start: int) -> bool:
    """ "shot down 300 drones, 90 of them over one region and 120 over another": counts
    that break a total down by place ("of them", "including") do not add to it."""
    return any(
        t.idx > anchor_start
        and (
            (_low(t) in ("them", "which", "those", "these") and _low(t.head) == "of")
            or _low(t) in ("including", "includes", "among")
        )
        for t in doc
    )


_GENERIC_MODIFIERS = frozenset(
    {"russian", "ukrainian", "enemy", "more", "other", "hostile", "incoming", "various"}
)


def _typed(noun: Token) -> bool:
    """A weapon noun with a modifier that names its type ("ballistic", "Kh-22 cruise"), which
    a count before it cannot share with a bare noun coordinated after it."""
    return any(
        c.dep_ in ("amod", "compound", "nmod")
        and c.i < noun.i
        and c.ent_type_ != "NORP"
        and _low(c) not in _GENERIC_MODIFIERS
        for c in noun.children
    )


def _bare_whole(noun: Token) -> tuple[int, int] | None:
    """ "74 drones out of 75": the whole given as a bare count after the counted noun."""
    for prep in noun.children:
        if prep.dep_ == "prep" and _low(prep) in ("of", "out"):
            for obj in prep.subtree:
                if obj.dep_ == "pobj" and _is_number(obj):
                    value = _value([obj])
                    return (value, obj.idx) if value is not None else None
    return None


def _pairs(doc: Doc, found: list[Quantity], blocked: set[int]) -> None:
    """ "a pair of ballistic missiles", "a couple of drones": two."""
    for token in doc:
        if _low(token) not in ("pair", "couple") or not any(
            c.dep_ == "det" and _low(c) == "a" for c in token.children
        ):
            continue
        for prep in token.children:
            if prep.dep_ != "prep" or _low(prep) != "of":
                continue
            weapon = next((c for c in prep.children if c.dep_ == "pobj"), None)
            kind = weapon_kind(weapon) if weapon is not None else None
            if weapon is None or kind is None:
                continue
            sense = _sense(token) or _described_sense(weapon)
            if sense == "blocked":
                blocked.add(2)
            elif sense is not None:
                _offer(found, kind, sense, 2, token.idx)


def _mixed(noun: Token, kind: str) -> bool:
    """ "170 missiles and drones": one count over two kinds of weapon counts neither."""
    for child in noun.children:
        if child.dep_ == "conj":
            other = weapon_kind(child)
            if (
                other is not None
                and other != kind
                and _own_count(child) is None
                and not any(c.dep_ in ("det", "nummod") for c in child.children)
                and not _typed(noun)
            ):
                return True
    return False


def _every(noun: Token) -> bool:
    """ "all 14 drones", "both missiles": every weapon launched."""
    words = [c for c in noun.children if c.dep_ in ("predet", "det", "nummod")]
    words += [g for c in words if c.dep_ == "nummod" for g in c.children]
    return any(_low(c) in _ALL_WORDS for c in words)


_NONE_FIELDS = {
    "casualties": ("killed", "injured"),
    "victims": ("killed", "injured"),
    "deaths": ("killed",),
    "fatalities": ("killed",),
    "dead": ("killed",),
    "injuries": ("injured",),
    "injured": ("injured",),
    "wounded": ("injured",),
}


_PROVISIONAL = frozenset(
    {"immediately", "preliminary", "initial", "initially", "yet", "far", "unclear", "clarified"}
)


_REPORTED = frozenset({"reported", "recorded", "registered"})


def _no_victims(doc: Doc, found: list[Quantity]) -> None:
    """A toll of zero: "there were no casualties", "no one was killed", "nobody was hurt",
    "without casualties" - unless the sentence gives it as provisional ("no casualties were
    reported immediately", "according to preliminary information"): that is no toll yet."""
    if any(_low(t) in _PROVISIONAL for t in doc):
        return
    for token in doc:
        low = _low(token)
        fields: tuple[str, ...] = ()
        if low in _NONE_FIELDS and (
            any(c.dep_ == "det" and _low(c) == "no" for c in token.children)
            or (token.dep_ == "pobj" and _low(token.head) == "without")
        ):
            fields = _NONE_FIELDS[low]
            if token.dep_ in ("nsubjpass", "nsubj") and _low(token.head) in _REPORTED:
                # "no casualties were reported": nothing is known yet, which is no toll
                fields = ()
        elif (
            low == "nobody"
            or (low == "one" and any(_low(c) == "no" for c in token.children))
            or (low == "one" and token.i > 0 and _low(doc[token.i - 1]) == "no")
        ):
            field = _toll_field(token)
            if field in ("killed", "injured"):
                fields = (field,)
        for name in fields:
            found.append(Quantity(name, 0, token.idx))


def _all_downed(doc: Doc, found: list[Quantity]) -> None:
    """ "18 missiles were fired, all of which were intercepted": every one downed."""
    for token in doc:
        if _low(token) != "all" or token.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if following is not None and _low(following) in ("but", "except"):
            continue  # "all but three": `_all_but`
        whole = _partitive(token)
        kind = weapon_kind(whole) if whole is not None else None
        count = _own_count(whole) if whole is not None else None
        if kind is None or count is None:
            continue
        if _bare_sense(token) == "down":
            found.append(Quantity(f"{kind}_downed", count[0], token.idx))


def _none_downed(doc: Doc, found: list[Quantity]) -> None:
    """ "None of the three missiles was intercepted": none downed, all launched."""
    _all_downed(doc, found)
    for token in doc:
        if _low(token) != "none":
            continue
        whole = _partitive(token)
        kind = weapon_kind(whole) if whole is not None else None
        if whole is None or kind is None:
            continue
        sense = _bare_sense(token) or _elided_sense(token)
        if sense == "down":
            found.append(Quantity(f"{kind}_downed", 0, token.idx))
            count = _own_count(whole)
            if count is not None:
                found.append(Quantity(kind, count[0], count[1]))


def _elided_sense(subject: Token) -> str | None:
    """ "while most of the drones were brought down, none of the missiles were": a subject
    whose verb is only an auxiliary, the main verb left out, takes the sense of the last
    verb before it in the sentence."""
    verb = subject.head
    if _low(verb) not in ("were", "was", "did", "had", "have") or any(
        c.dep_ in ("acomp", "attr", "xcomp", "oprd", "prep") for c in verb.children
    ):
        return None
    for token in reversed(subject.doc[: subject.i]):
        if token.pos_ == "VERB":
            sense = verb_sense(token)
            if sense is not None:
                return "blocked" if _clause_blocked(token) else sense
    return None


def _victims_after_an_age(victim: Token) -> int:
    """ "killed a woman, 64, and her 40-year-old son": after an age in apposition the parse
    hangs the second person on the verb, not on the first; a person noun coordinated with the
    verb of a victim that has an age in apposition, and that has no subject or object of its
    own, is another victim of that verb."""
    verb = victim.head
    if victim.dep_ not in ("dobj", "nsubjpass") or not any(
        c.dep_ == "appos" and c.tag_ == "CD" for c in victim.children
    ):
        return 0
    return sum(
        1
        for c in verb.children
        if c.dep_ == "conj"
        and c.tag_ == "NN"
        and _low(c) in _VICTIMS | _RELATIVES
        and not any(g.dep_ in ("nsubj", "nsubjpass", "dobj") for g in c.children)
    )


def _one_victim(token: Token) -> bool:
    """ "a man", "one civilian", "a 55-year-old woman", "a father", "his wife", "the driver":
    one person, counted by the article."""
    low = _low(token)
    if token.tag_ != "NN" or low not in _VICTIMS | _RELATIVES:
        return False
    return any(
        (c.dep_ in ("det", "nummod") and _low(c) in ("a", "an", "one"))
        or (c.dep_ == "det" and _low(c) == "the" and low in _CIVILIAN_ROLES | _RELATIVES)
        or (c.dep_ == "poss" and _low(c) in ("his", "her", "their"))
        for c in token.children
    )


_CIVILIAN_ROLES = frozenset(
    {
        "man", "woman", "child", "boy", "girl", "baby", "infant", "teenager", "pensioner",
        "resident", "civilian", "person", "driver", "passenger", "doctor", "nurse", "teacher",
        "student", "patient", "volunteer", "rescuer", "firefighter", "medic", "journalist",
        "worker", "employee",
    }
)  # fmt: skip
"""People a definite noun counts as one victim ("killing the driver"); not ranks or roles
that may be a soldier's ("the officer", "the member")."""


def _reduced_relative(doc: Doc, found: list[Quantity]) -> None:
    """ "all 10 Iskander missiles fired at the capital were shot down": the parser makes the
    participle of a reduced relative clause ("fired at ...") the weapons' verb and leaves the
    real one ("were shot down") without a subject. A counted weapon that is the subject of a
    bare participle (no auxiliary) is also the subject of a later passive verb of that clause
    which has no subject of its own."""
    for noun in doc:
        kind = weapon_kind(noun)
        own = _own_count(noun) if kind is not None else None
        if own is None or noun.dep_ != "nsubj":
            continue
        participle = noun.head
        if participle.tag_ not in ("VBN", "VBD") or any(
            c.dep_ in ("aux", "auxpass") for c in participle.children
        ):
            continue
        for verb in participle.head.children if participle.dep_ != "ROOT" else ():
            if (
                verb.i > participle.i
                and verb.dep_ in ("ccomp", "conj")
                and any(c.dep_ == "auxpass" for c in verb.children)
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
                and verb_sense(verb) == "down"
                and not _clause_blocked(verb)
            ):
                _offer(found, kind or "", "down", own[0], own[1])
                break


def _part_of(number: Token) -> str | None:
    """The weapon kind of "N of the drones" at `number` (the parse's own reading)."""
    for prep in number.children:
        if prep.dep_ == "prep" and _low(prep) == "of":
            for noun in prep.children:
                if noun.dep_ == "pobj":
                    return weapon_kind(noun)
    return None


def _part_beside_a_part(groups: Iterable[tuple[Token, int, int]], found: list[Quantity]) -> None:
    """ "said 428 of the drones and 28 of the missiles were shot down": a part the parser
    made the object of the verb of saying shares the verb of the part coordinated after
    it."""
    told = {q.start: q.field for q in found}
    parts = [(n, v, s) for n, v, s in groups if _part_of(n) is not None]
    for (number, value, start), (_, _, next_start) in pairwise(parts):
        if start in told or next_start not in told:
            continue
        if number.dep_ != "dobj" or _low(number.head) not in _SAYING:
            continue
        if not any(_low(c) == "and" and c.dep_ == "cc" for c in number.children):
            continue
        field = told[next_start]
        kind = _part_of(number)
        if field.endswith("_downed"):
            found.append(Quantity(f"{kind}_downed", value, start))
        elif field in ("drones", "missiles"):
            found.append(Quantity(f"{kind}", value, start))


_SAYING = frozenset({"said", "says", "reported", "reports", "added", "announced", "stated"})
_AUXES = frozenset({"aux", "auxpass"})


def _subjectless_toll(
    doc: Doc, groups: Iterable[tuple[Token, int, int]], found: list[Quantity]
) -> None:
    """ "..., and 84 people, among them 10 children, had been taken to hospital": a verb of
    harm with no subject of its own in the parse takes the counted people right before it,
    where the parser hung them on an earlier list."""
    told = {q.start for q in found}
    for number, value, start in groups:
        if start in told:
            continue
        noun = _counted_noun(number) or number
        if noun is not number and _low(noun) not in _VICTIMS:
            continue
        if noun.dep_ == "pobj":
            continue  # "including two children", "among them 10 children": a part told
        verb = next(
            (t for t in doc[noun.i + 1 :] if t.pos_ in ("VERB", "AUX") and t.dep_ not in _AUXES),
            None,
        )
        if verb is None or verb.dep_ not in ("conj", "ROOT", "ccomp"):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            continue
        if any(t.pos_ in ("VERB", "AUX") for t in doc[noun.i + 1 : verb.i] if t.dep_ not in _AUXES):
            continue
        if any(t.text in (";", ":") for t in doc[noun.i + 1 : verb.i]):
            continue
        low = _low(verb)
        field = None
        if low in _KILL_VERBS:
            field = "killed"
        elif low in _HURT_VERBS or (low in _TO_HOSPITAL and _to_hospital(verb)):
            field = "injured"
        if field is not None and not _clause_blocked(verb):
            found.append(Quantity(field, value, start))


_PART_PRONOUNS = frozenset({"them", "which", "these", "those"})
_COPULAS = frozenset({"were", "was", "are", "is", "being"})


def _part_of_a_mixed_whole(
    doc: Doc, groups: Iterable[tuple[Token, int, int]], found: list[Quantity]
) -> None:
    """ "counted 549 aerial weapons in total, 496 of them drones": a part of a whole of
    several kinds ("weapons", "targets") named by its kind is that kind's count, with the
    sense of the whole's verb. Read by position: the parser often takes the kind for a verb."""
    n = len(doc)
    for number, value, start in groups:
        i = number.i
        if i + 3 >= n or _low(doc[i + 1]) != "of" or _low(doc[i + 2]) not in _PART_PRONOUNS:
            continue
        j = i + 3
        while j < n and _low(doc[j]) in _COPULAS:
            j += 1
        kinds = [(k, weapon_kind(doc[k])) for k in range(j, min(j + 3, n))]
        named = next(((k, kind) for k, kind in kinds if kind is not None), None)
        if named is None:
            continue
        k, kind = named
        while k + 1 < n and weapon_kind(doc[k + 1]) == kind:
            k += 1  # "Shahed drones"
        if k + 1 < n and not (doc[k + 1].is_punct or _low(doc[k + 1]) in ("and", "while")):
            continue  # "496 of them drones launched from ...": not a bare naming
        wholes = [
            t
            for t in doc[:i]
            if t.pos_ in ("NOUN", "PROPN")
            and weapon_kind(t) is None
            and any(c.dep_ == "nummod" for c in t.children)
        ]
        if not wholes:
            continue
        sense = _sense(wholes[-1])
        if sense in ("launch", "down"):
            _offer(found, kind, sense, value, start)


def _both_weapons(doc: Doc, found: list[Quantity]) -> None:
    """ "neutralised 21 missiles and both drones": "both" counts two of the weapon, with the
    sense of its verb."""
    for token in doc:
        kind = weapon_kind(token)
        if kind is None or not any(
            c.dep_ in ("det", "predet") and _low(c) == "both" for c in token.children
        ):
            continue
        sense = _sense(token)
        if sense is not None:
            _offer(found, kind, sense, 2, token.idx)


def _single_weapons(doc: Doc, found: list[Quantity]) -> None:
    """ "126 drones and a ballistic missile", "downing 79 of the drones and the missile": a
    weapon noun in the singular with an article, listed with counted weapons, is one more
    item of the list, with the list's sense. Alone ("a missile struck the district") it tells
    one impact of an attack, not how many weapons the attack used."""
    for token in doc:
        if token.tag_ != "NN" or token.dep_ != "conj" or weapon_kind(token) is None:
            continue
        if any(c.dep_ == "nummod" for c in token.children):
            continue
        head = token.head
        article: tuple[str, ...]
        if _is_number(head):
            article = ("a", "an", "the")  # "79 of the drones and the missile": the one named
            sense = _sense(head)
        elif weapon_kind(head) is not None and _own_count(head) is not None:
            article = ("a", "an")
            sense = _sense(head)
        else:
            continue
        if not any(c.dep_ == "det" and _low(c) in article for c in token.children):
            continue
        if sense in ("launch", "down"):
            _offer(found, weapon_kind(token) or "", sense, 1, token.idx)


_ALL_OF = frozenset({"all", "each"})
_NOT_WHOLE = frozenset({"not", "almost", "nearly", "virtually", "practically"})


def all_downed(doc: Doc) -> frozenset[str]:
    """The kinds of weapon a sentence says were every one downed, with no count ("claimed that
    every one of them was shot down", "all of the missiles were intercepted"): the downed
    figure is then the launched one. "them" is the weapon named last before it in the
    sentence; a negated or hypothetical clause ("not all of them were") says nothing."""
    kinds: set[str] = set()
    for token in doc:
        low = _low(token)
        whole = low in _ALL_OF or (
            low == "one" and any(_low(c) == "every" for c in token.children if c.dep_ == "det")
        )
        if not whole or token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if any(_low(c) in _NOT_WHOLE for c in token.children) or (
            token.i > 0 and _low(doc[token.i - 1]) in _NOT_WHOLE
        ):
            continue  # "not all of them", "almost all of the drones": no count
        of = next((c for c in token.children if c.dep_ == "prep" and _low(c) == "of"), None)
        noun = _pobj(of) if of is not None else None
        if noun is None:
            continue
        if _low(noun) == "them":
            earlier = [t for t in doc[: token.i] if weapon_kind(t) is not None]
            noun = earlier[-1] if earlier else noun
        # "18 missiles and six drones, all of which were destroyed": every weapon coordinated
        # with the one the phrase refers to
        found = {k for t in (noun, *noun.conjuncts) if (k := weapon_kind(t)) is not None}
        verb = token.head
        if found and verb_sense(verb) == "down" and not _clause_blocked(verb):
            kinds |= found
    return frozenset(kinds)


def _coordinated_people(conjunct: Token) -> int:
    """How many people a noun coordinated with one victim adds: one for a person noun ("a
    man and his son"), its own count for a counted plural ("a woman and her two children")."""
    low = _low(conjunct)
    if conjunct.tag_ == "NN" and low in _VICTIMS | _RELATIVES:
        return 1
    if conjunct.tag_ == "NNS" and (low in _VICTIMS or low.removesuffix("s") in _RELATIVES):
        own = _own_count(conjunct)
        if own is not None:
            return own[0]
    return 0


def _is_part(number: Token) -> bool:
    """ "28 of 31 drones" parsed as a quantifier of the second count: 28 is the part."""
    head = number.head
    return (
        number.dep_ == "quantmod"
        and _is_number(head)
        and head.i > number.i
        and any(_low(t) in ("of", "out") for t in number.doc[number.i + 1 : head.i])
    )


def _read_part(
    number: Token, value: int, start: int, found: list[Quantity], blocked: set[int]
) -> None:
    noun = _counted_noun(number.head)
    kind = weapon_kind(noun) if noun is not None else None
    if noun is None or kind is None:
        return
    sense = _sense(noun)
    if sense == "blocked":
        blocked.add(value)
    elif sense is not None and sense != "launch":
        _offer(found, kind, sense, value, start)


def _read_counted(
    noun: Token, value: int, start: int, found: list[Quantity], blocked: set[int]
) -> None:
    kind = weapon_kind(noun)
    if kind is not None:
        if _mixed(noun, kind):
            blocked.add(value)
            return
        sense = _described_sense(noun) or "launch" if _opened_by_of(noun) else _sense(noun)
        if sense == "blocked":
            blocked.add(value)
        elif sense is not None:
            _offer(found, kind, sense, value, start)
            if sense == "down" and _every(noun):
                _offer(found, kind, "launch", value, start)
            whole = _bare_whole(noun)
            if whole is not None and sense != "launch":
                _offer(found, kind, "launch", whole[0], whole[1])
        return
    low = _low(noun)
    if low in _COMBATANTS:
        blocked.add(value)
        return
    if low in _VICTIMS or low in _DEATH_NOUNS or low in _HURT_NOUNS:
        if low in _DEATH_NOUNS:
            field: str | None = "killed"
        elif low in _HURT_NOUNS - {"casualties"}:
            field = "injured"
        else:
            field = _toll_field(noun)
        if field == "blocked":
            blocked.add(value)
        elif field is not None:
            found.append(Quantity(field, value, start))
        return


def _read_bare(
    number: Token, value: int, start: int, found: list[Quantity], blocked: set[int]
) -> None:
    doc = number.doc
    if (
        number.i >= 2
        and _low(doc[number.i - 1]) in ("but", "except")
        and _low(doc[number.i - 2]) == "all"
    ):
        _all_but(doc[number.i - 2], number, value, found, blocked)
        return
    whole = _partitive(number)
    if whole is not None:
        kind = weapon_kind(whole)
        if kind is not None:
            part_sense = _part_sense(number)
            if part_sense == "blocked":
                blocked.add(value)
                return
            whole_count = _own_count(whole)
            if whole_count is not None:
                # a part that is an argument of a verb has its own verb; a part tacked on as
                # a breakdown ("downed 221 drones, 28 of them over X") shares the whole's
                part_verb = number.head if number.dep_ not in ("npadvmod", "appos") else None
                whole_sense = _whole_sense(whole, part_verb)
                _offer(found, kind, whole_sense, whole_count[0], whole_count[1])
                if part_sense == "hit" and _only(number) and whole_count[0] >= value:
                    # "of the 75 drones, only one got through": the rest were stopped
                    _offer(found, kind, "down", whole_count[0] - value, start)
            if part_sense is not None:
                _offer(found, kind, part_sense, value, start)
            return
        if _low(whole) in _COMBATANTS:
            blocked.add(value)
            return
    weapons = _weapons_from_total(number)
    if weapons is not None:
        kind, sense = weapons
        _offer(found, kind, sense, value, start)
        return
    field = _elliptic_toll(number) or _toll_field(number) or _toll_from_total(number)
    if field == "blocked":
        blocked.add(value)
    elif field is not None:
        found.append(Quantity(field, value, start))


def _whole_sense(whole: Token, part_verb: Token | None) -> str:
    """The sense of the whole of a partitive: what its own verb or participle says, else
    launched ("shot down 61 of the 73 drones": 73 were launched)."""
    verb, via = _governor(whole)
    if verb is not None and (part_verb is None or verb.i != part_verb.i):
        sense = verb_sense(verb, via)
        if sense is not None:
            return sense
    return _described_sense(whole, part_verb) or "launch"


def _part_sense(number: Token) -> str | None:
    """The sense of the part of a partitive. A part is never "launched" out of a launched
    whole: where the nearest verb says so, the parse has hung the part on the whole's
    relative clause, and the verb above it governs ("74 of the 75 drones Russia sent were
    shot down")."""
    sense = _bare_sense(number)
    if sense != "launch":
        return sense
    verb, _ = _governor(number)
    node = verb
    for _ in range(3):
        if node is None or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ == "VERB":
            above = verb_sense(node)
            if above in ("down", "hit", "lost"):
                return "blocked" if _clause_blocked(node) else above
    return None


def _downed_less_lost(groups: Iterable[tuple[Token, int, int]], found: list[Quantity]) -> None:
    """ "266 drones were neutralised, of which 139 were shot down and 127 were lost": a whole
    that counts the downed and the lost together is not the downed figure; the parts that
    were downed are (or, when only the lost part is given, the whole less it)."""
    lost: dict[tuple[str, int], tuple[int, int]] = {}
    downed: dict[tuple[str, int], int] = {}
    for number, value, _ in groups:
        if _counted_noun(number) is not None:
            continue
        whole = _partitive(number)
        kind = weapon_kind(whole) if whole is not None else None
        count = _own_count(whole) if whole is not None else None
        if whole is None or kind is None or count is None:
            continue
        if _whole_sense(whole, number.head) != "down":
            continue
        sense = _part_sense(number)
        key = (kind, count[1])
        if sense == "lost":
            total, parts = lost.get(key, (count[0], 0))
            lost[key] = (total, parts + value)
        elif sense == "down":
            downed[key] = downed.get(key, 0) + value
    for (kind, start), (total, lost_parts) in lost.items():
        field = f"{kind}_downed"
        found[:] = [q for q in found if not (q.field == field and q.start == start)]
        if (kind, start) not in downed and total >= lost_parts:
            found.append(Quantity(field, total - lost_parts, start))


def _all_but(
    word: Token, number: Token, value: int, found: list[Quantity], blocked: set[int]
) -> None:
    """ "Of the 57 drones ..., all but four were destroyed", "all but four of the 57 drones
    were destroyed": the whole less the exception."""
    whole = _partitive(word) or _partitive(number)
    if whole is None or weapon_kind(whole) is None:
        return
    count = _own_count(whole)
    sense = _part_sense(word)  # a misparse may hang "all" on the whole's relative clause
    if count is None or sense in (None, "blocked", "launch") or count[0] < value:
        return
    kind = weapon_kind(whole) or ""
    _offer(found, kind, "launch", count[0], count[1])
    _offer(found, kind, sense or "", count[0] - value, word.idx)
    blocked.add(value)  # the exception is not a figure of the verb's sense


def _bare_sense(number: Token) -> str | None:
    verb, via = _governor(number)
    if verb is None:
        return None
    if _clause_blocked(verb):
        return "blocked"
    return verb_sense(verb, via)


def _offer(found: list[Quantity], kind: str, sense: str, value: int, start: int) -> None:
    if sense == "launch":
        found.append(Quantity(kind, value, start))
    elif sense == "down":
        found.append(Quantity(f"{kind}_downed", value, start))
    elif sense == "hit":
        found.append(Quantity(f"{kind}_hit", value, start))


def _sum_lists(doc: Doc, found: list[Quantity]) -> None:
    """Counts of one kind and sense coordinated in one list ("13 Kh-101 and 14 Kalibr cruise
    missiles and four Iskander-M ballistic missiles") add up to the figure of the list."""
    by_start: dict[int, Quantity] = {}
    for quantity in found:
        by_start.setdefault(quantity.start, quantity)  # the count itself, not a sum at it
    groups: dict[tuple[int, str], list[Quantity]] = {}
    last_root: dict[str, Token] = {}
    for token in doc:
        if not _is_number(token) or token.idx not in by_start:
            continue
        noun = _counted_noun(token)
        if noun is None and token.dep_ == "conj" and weapon_kind(token.head) is not None:
            # "all three X missiles and 76 of the cruise missiles were shot down": a
            # partitive part coordinated with a counted weapon is one more item of the list
            noun = token
        if noun is None:
            continue
        root = noun
        while root.dep_ in ("conj", "appos") and weapon_kind(root.head) is not None:
            root = root.head
        after_comma = root.left_edge.i > 0 and doc[root.left_edge.i - 1].text == ","
        quantity = by_start[token.idx]
        if root.dep_ in ("dobj", "nsubj", "nsubjpass"):
            root = root.head  # the parser may give a verb two objects for one list
        elif root.dep_ in ("npadvmod", "dep", "appos") and after_comma:
            # or hang the item after a comma on the verb as a modifier, or in apposition to a
            # word before the list ("Russia struck Ukraine with two X missiles, seven Y
            # missiles and 24 drones"): it continues the list of the item before it
            if quantity.field in last_root:
                root = last_root[quantity.field]
            elif root.dep_ != "appos":
                root = root.head
        if quantity.field in _WEAPON_FIELDS:
            groups.setdefault((root.i, quantity.field), []).append(quantity)
            last_root[quantity.field] = root
    for (_, field), members in groups.items():
        if len(members) >= 3 and members[0].value == sum(q.value for q in members[1:]):
            # "eight missiles - two Iskander-M and six Kh-101": a total, then its breakdown
            found.append(Quantity(field, members[0].value, members[0].start))
        elif len(members) >= 2 and _opens_breakdown(doc.text[members[0].start : members[1].start]):
            # "78 missiles - 44 X, 20 Y, ... - and 106 drones": what follows the dash spells
            # out the count before it, however the parser groups the items
            found.append(Quantity(field, members[0].value, members[0].start))
        elif len(members) >= 2:
            found.append(Quantity(field, sum(q.value for q in members), members[0].start))


_BREAKDOWN_MARK = re.compile(r"\s[-–—]\s|[:(]")


def _opens_breakdown(between: str) -> bool:
    """Whether the text between a count and the next one of its kind opens an elaboration
    (a dash, a colon, a bracket): the next counts break the first down."""
    return _BREAKDOWN_MARK.search(between) is not None


def _list_after_colon(doc: Doc, found: list[Quantity]) -> None:
    """A list of counted weapons after a colon ("... a mix of missiles: 77 X cruise missiles,
    23 Y, six Z guided missiles and two W") spells out the weapons of the clause before it:
    items of one kind add up, with the sense of the last verb before the colon. The parser
    hangs such items anywhere, so the list is read from its items, not from their heads:
    every count after the colon must name a weapon before the next count, and no verb after
    the colon may give the items a sense of their own (downed, hit, lost)."""
    colon = next((t.i for t in doc if t.text == ":" and t.i > 0), None)
    if colon is None:
        return
    sense: str | None = None
    for token in doc[:colon]:
        if token.pos_ in ("VERB", "AUX"):
            token_sense = verb_sense(token)
            if token_sense is not None:
                sense = "blocked" if _clause_blocked(token) else token_sense
    if sense not in (None, "launch", "down"):
        return
    counts = [g for g in _number_groups(doc) if g[0].i > colon]
    if len(counts) < 2:
        return
    for token in doc[colon + 1 :]:
        if token.pos_ == "VERB" and verb_sense(token) in ("down", "hit", "lost"):
            return
        if token.text in (";", ":"):
            return
    totals: dict[str, list[int]] = {}
    for k, (number, value, start) in enumerate(counts):
        end = counts[k + 1][0].i if k + 1 < len(counts) else len(doc)
        first = number.i + 1
        while first < end and _is_number(doc[first]):
            first += 1
        kind = next((weapon_kind(t) for t in doc[first:end] if weapon_kind(t)), None)
        if kind is None:
            return
        totals.setdefault(kind, []).extend((value, start))
    for kind, pairs in totals.items():
        values, starts = pairs[0::2], pairs[1::2]
        if len(values) >= 3 and values[0] == sum(values[1:]):
            # "...: 42 drones and 40 missiles, broken down as 12 X, 4 Y, 20 Z and 4 W": a
            # count of a kind, then its breakdown
            _offer(found, kind, sense or "launch", values[0], starts[0])
        elif len(values) >= 2:
            _offer(found, kind, sense or "launch", sum(values), starts[0])


@lru_cache(maxsize=2048)
def read_sentence(sentence: str) -> Reading:
    """The parse-based figures of one sentence (the sentence is parsed once, memoised)."""
    if not _worth_parsing(sentence):
        return _EMPTY
    return read(nlp.parse(sentence))


_SCREEN = re.compile(
    r"drone|uav|shahed|geran|gerber|decoy|missile|rocket|kinzhal|iskander|kalibr|zircon|"
    r"tomahawk|atacms|kh-|unmanned|kill|dead|died|death|injur|wound|hurt|hospital|toll|"
    r"fatal|perish|medical|lives",
    re.IGNORECASE,
)
_COUNT = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|both)\b",
    re.IGNORECASE,
)


_ONE = re.compile(
    r"\b(?:a|an|his|her|their)\s|\bthe\s+(?:driver|man|woman|child|boy|girl|baby|pensioner|"
    r"teenager|passenger|resident|civilian|doctor|nurse|teacher|student|patient|volunteer|"
    r"rescuer|firefighter|medic|journalist|worker|employee|person|infant)\b",
    re.IGNORECASE,
)
_NONE = re.compile(r"\b(?:no|nobody|without|none)\b", re.IGNORECASE)


def _worth_parsing(sentence: str) -> bool:
    """The cheap screen: a weapon or casualty word and a count (or a toll of none)."""
    if not _SCREEN.search(sentence):
        return "casualt" in sentence.lower() and bool(_NONE.search(sentence))
    return any(p.search(sentence) for p in (_COUNT, _NONE, _ONE))
