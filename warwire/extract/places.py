"""What role a place named in an attack sentence plays, read from the dependency parse.

The gazetteer says that a span names a place and normalises it (aliases, spellings, the
region a town lies in). Whether the place was hit is grammar:

- the object of a locative preposition ("in", "on", "over", "near", "across", "at",
  "towards", "into") in an attack sentence is where the attack was, also when the place is a
  capital whose name often stands for its government ("explosions in Kyiv");
- both ends of a range ("from X in the east to Y in the west") were hit;
- the subject of a passive verb of attack ("X was shelled", "X came under fire") or of
  mourning its dead, and the complement of "the main target was" were hit;
- officials of a place who report a hit, a blast or damage report it there ("officials in
  X reported a hit on an infrastructure site");
- a capital as the subject of a verb of saying, wanting or accusing is its government, and a
  place where talks, a visit or a speech happen is not a target.

`role` returns None where the grammar gives no answer; the surface rules then decide.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from warwire.extract.quantities import weapon_kind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

HIT = "hit"
OTHER = "other"

_LOCATIVE = frozenset(
    {
        "in", "on", "over", "near", "across", "at", "towards", "toward", "into", "around",
        "outside", "above", "against", "throughout",
    }
)  # fmt: skip
_PLACE_NOUNS = frozenset(
    {
        "city", "town", "village", "region", "oblast", "province", "district", "capital",
        "suburb", "suburbs", "outskirts", "area", "port", "centre", "center", "settlement",
        "community", "republic", "krai", "territory", "cities", "towns", "villages", "regions",
        "oblasts", "provinces", "districts", "areas", "ports", "settlements", "communities",
        "territories",
    }
)  # fmt: skip
_OFFICIALS = frozenset(
    {
        "officials", "official", "authorities", "governor", "mayor", "administration",
        "police", "head", "chief", "council", "residents", "emergency", "services", "witnesses",
    }
)  # fmt: skip
_REPORTING = frozenset(
    {
        "reported", "report", "reports", "reporting", "said", "say", "says", "confirmed",
        "confirm", "confirms", "announced", "wrote", "posted", "told", "tells", "tell",
    }
)  # fmt: skip
_ATTACK_WORDS = frozenset(
    {
        "hit", "hits", "strike", "strikes", "struck", "explosion", "explosions", "blast",
        "blasts", "attack", "attacks", "damage", "damaged", "destroyed", "fire", "fires",
        "shelling", "impact", "impacts", "debris", "casualties", "dead", "killed", "injured",
        "wounded", "drone", "drones", "missile", "missiles",
    }
)  # fmt: skip
_PASSIVE_ATTACK = frozenset(
    {
        "attacked", "hit", "struck", "targeted", "shelled", "bombed", "pounded", "hammered",
        "rocked", "shaken", "damaged", "battered", "mourns", "mourned", "mourning", "buried",
    }
)  # fmt: skip
_UNIT_NOUNS = frozenset(
    {
        "command", "brigade", "brigades", "battalion", "battalions", "regiment", "regiments",
        "corps", "division", "fleet", "grouping", "squadron", "legion",
    }
)  # fmt: skip
"""Military units and commands named after a place: the name is not a target."""
_TROOP_NOUNS = frozenset(
    {"troops", "forces", "soldiers", "servicemen", "units", "group", "grouping", "army", "fighters"}
)
_POWER_NOUNS = frozenset({"regime", "government", "junta"})
"""A state's power named by its capital ("the Kiev regime's strike"): an actor, not a target."""
_NOT_TARGET_HEADS = frozenset(
    {
        "talks", "summit", "meeting", "meetings", "conference", "visit", "visited", "visiting",
        "speech", "spoke", "speaking", "met", "meet", "meets", "negotiations", "embassy",
        "signed", "held", "hosted", "hosts", "host", "arrived", "flew", "travelled", "traveled",
        "press", "forum", "ceremony", "court", "born", "based", "lives", "lived", "studied",
    }
)  # fmt: skip
_GOVERNMENT_VERBS = frozenset(
    {
        "said", "says", "say", "wants", "want", "wanted", "insists", "insisted", "claims",
        "claimed", "denies", "denied", "accused", "accuses", "believes", "believed", "agreed",
        "agrees", "refused", "refuses", "rejected", "rejects", "demanded", "demands", "warned",
        "warns", "hopes", "expects", "announced", "responded", "condemned", "called", "urged",
        "asked", "offered", "proposed", "sent", "launched", "fired", "hits", "struck", "hit",
        "attacked", "targeted", "shelled", "bombed", "strikes", "attacks", "targets",
    }
)  # fmt: skip
_PHYSICAL = frozenset(
    {
        "building", "buildings", "house", "houses", "home", "homes", "apartment", "apartments",
        "block", "blocks", "infrastructure", "facility", "facilities", "plant", "plants",
        "station", "stations", "substation", "refinery", "depot", "airfield", "base", "port",
        "airbase", "airbases", "airport", "airports", "terminal", "factory", "factories",
        "arsenal", "refineries", "depots",
        "hospital", "school", "market", "warehouse", "bridge", "railway", "power", "grid",
        "outages", "outage", "blackouts", "fires", "alert", "sirens", "air", "defence",
        "defences", "defense", "defenses", "wave", "barrage", "raid", "raids", "shelling",
        "bombardment", "assault", "salvo",
    }
)  # fmt: skip
_BEARINGS = frozenset(
    {
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
        "north-east", "north-west", "south-east", "south-west", "km", "kilometres",
        "kilometers", "miles", "kilometre", "kilometer", "mile",
    }
)  # fmt: skip
_DIRECT_HIT = frozenset(
    {
        "hit", "hits", "struck", "strikes", "targeted", "targets", "attacked", "attacks",
        "shelled", "shells", "pounded", "rocked", "bombed", "hammered",
    }
)  # fmt: skip
_TARGET_NOUNS = frozenset({"target", "targets", "direction", "focus", "brunt"})


def _low(token: Token) -> str:
    return token.lower_


def _head_token(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _phrase(token: Token) -> Token:
    """The phrase a name stands in: "the Kharkiv region", "the city of Kyiv", "the Kyiv,
    Poltava and Sumy regions", "the Ryazan refinery", "Odesa, a port city"."""
    for _ in range(6):
        head = token.head
        low = _low(head)
        named_part = token.dep_ in ("compound", "nmod") and (
            low in _PLACE_NOUNS or low in _PHYSICAL
        )
        if token.dep_ == "conj" or named_part:
            token = head
        elif token.dep_ == "pobj" and low == "of" and _low(head.head) in _PLACE_NOUNS:
            token = head.head
        elif token.dep_ == "appos" and low in _PLACE_NOUNS:
            token = head
        else:
            break
    return token


def role(doc: Doc, start: int, end: int) -> str | None:
    """ "hit", "other" or None (no opinion) for the place named at [start, end)."""
    token = _head_token(doc, start, end)
    if token is None:
        return None
    if _launch_area(token):
        return OTHER
    token = _phrase(token)
    dep = token.dep_
    head = token.head
    if dep in ("compound", "nmod", "amod") and _low(head) in _UNIT_NOUNS | _POWER_NOUNS:
        return OTHER  # "the Dnipro Operational Command", "a Kharkiv brigade": a unit's name
    if dep == "amod" and head.pos_ == "VERB" and head.i > token.i:
        dep = "nsubj"  # a name the tagger took for an adjective: "Kyiv mourns..."
    if dep == "pobj":
        return _prepositional(token, head)
    if dep in ("nsubj", "nsubjpass"):
        return _subject(token, head)
    if dep == "attr" and any(c.dep_ == "nsubj" and _low(c) in _TARGET_NOUNS for c in head.children):
        return HIT  # "the main target was X"
    if dep == "dobj" and _low(head) in _DIRECT_HIT:
        return HIT
    return None


def _launch_area(token: Token) -> bool:
    """A place in brackets after a weapon or a list of origins ("41 Kh-101 cruise missiles
    (Saratov region)", "launched from the directions of Kursk and Hvardiiske (occupied
    Crimea)"): where the weapons were fired from, as air force tallies give it."""
    doc = token.doc
    for i in range(token.i - 1, max(-1, token.i - 8), -1):
        if doc[i].text == ")":
            return False
        if doc[i].text != "(":
            continue
        if i == 0:
            return False
        before = doc[i - 1]
        if weapon_kind(before) is not None or _low(before) in ("bomb", "bombs"):
            return True
        return before.text not in (";", ".") and any(
            _low(t) == "from" for t in doc[max(0, i - 40) : i]
        )
    return False


def _prepositional(token: Token, prep: Token) -> str | None:
    word = _low(prep)
    governor = prep.head
    if word == "from" and _range_end(prep) is not None:
        return HIT  # "from X in the east to Y in the west"
    if word == "to" and governor.dep_ != "prep" and _range_start(prep):
        return HIT
    if word == "to" and _low(governor) == "from" and _names_place(governor) and _spans(governor):
        return HIT  # the parser hung the range's "to" on its "from"
    if word == "of" and _low(governor) in _BEARINGS:
        return OTHER  # "south-east of X", "30 km of X": a place that locates another
    if word not in _LOCATIVE:
        return None
    if _inside_origin(prep):
        # the air the launchers flew in ("dropped from jets flying over X") is no target
        return OTHER if prep.head.dep_ == "acl" and prep.head.pos_ == "VERB" else None
    located = governor
    if governor.pos_ in ("VERB", "AUX"):  # "hit the Kirishi refinery near X"
        located = next((c for c in governor.children if c.dep_ == "dobj"), governor)
    if word in ("near", "outside") and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in located.children
    ):
        return OTHER  # "the Kirishi refinery near X": X locates a named site
    if _low(governor) in _NOT_TARGET_HEADS:
        return OTHER
    if _taken_to(governor):
        return OTHER  # "the injured were taken to hospitals in X": where the wounded went
    if _low(governor) in _TROOP_NOUNS and not _attacked(governor):
        return OTHER  # "shipped to the troops in X": where an army stands, not a target
    if _low(governor) in _OFFICIALS:
        return HIT if _officials_report_attack(governor) else None
    if governor.pos_ in ("NOUN", "PROPN"):
        # "explosions in X", "strike on X", "buildings in X" - not "the mood in X"
        low = _low(governor)
        return HIT if low in _ATTACK_WORDS or low in _PLACE_NOUNS or low in _PHYSICAL else None
    if _low(governor) in _REPORTING and any(
        c.dep_ == "nsubj"
        and _low(c) not in _ATTACK_WORDS
        and not any(_low(t) in _OFFICIALS for t in c.subtree)
        for c in governor.children
    ):
        # "In Kyiv, Zelensky said...": where someone spoke, not a place hit (a local
        # official's place, "In Kharkiv, the mayor said...", is still the town's news)
        return OTHER
    if _low(governor) in _REPORTING or _low(governor) in _GOVERNMENT_VERBS - _DIRECT_HIT:
        return None
    return HIT


_CARE_VERBS = frozenset(
    {
        "taken", "brought", "admitted", "evacuated", "transported", "rushed", "airlifted",
        "hospitalised", "hospitalized", "treated",
    }
)  # fmt: skip
_CARE_NOUNS = frozenset({"hospital", "hospitals", "clinic", "clinics", "injured", "wounded"})


def _taken_to(noun: Token) -> bool:
    """Whether a noun is where the wounded were taken or treated ("taken to hospitals in X",
    "treated at a clinic in X", "hospitalised in X")."""
    if noun.pos_ in ("VERB", "AUX"):
        # "brought down over X" is downing, not care: the verb needs the wounded or a ward
        return (
            _low(noun) in _CARE_VERBS
            and not any(c.dep_ == "prt" for c in noun.children)
            and any(_low(t) in _CARE_NOUNS for t in noun.doc)
        )
    head = noun.head
    return (
        noun.dep_ == "pobj" and _low(head) in ("to", "at", "in") and _low(head.head) in _CARE_VERBS
    )


def _attacked(noun: Token) -> bool:
    """Whether the noun phrase (through "of" chains: "a gathering of soldiers") is what an
    attack word acts on ("hit a gathering of soldiers", "strikes on troops")."""
    node = noun
    for _ in range(5):
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ == "pobj" and _low(head) in ("of", "on", "against", "at"):
            node = head.head
            if _low(head) != "of" and _low(node) in _ATTACK_WORDS | _DIRECT_HIT:
                return True
            continue
        return node.dep_ in ("dobj", "nsubjpass") and _low(head) in _ACTS_ON
    return False


_ACTS_ON = _ATTACK_WORDS | _DIRECT_HIT | _PASSIVE_ATTACK


_LAUNCHERS = frozenset(
    {
        "bombers", "bomber", "aircraft", "jets", "jet", "planes", "plane", "warplanes",
        "ships", "ship", "warships", "submarine", "submarines", "fighters", "launchers",
    }
)  # fmt: skip


def _inside_origin(prep: Token) -> bool:
    """ "took off from the X area in the Y region", "dropped from aircraft flying over X": a
    place inside a "from" phrase is where the weapons came from, not where they struck."""
    node = prep.head
    for _ in range(6):
        if node.head.i == node.i:
            return False
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "acl":
            return False  # a participle on a noun ("aircraft flying over X") climbs on
        if node.dep_ == "pobj" and _low(node.head) in ("from", "off"):
            return _range_end(node.head) is None
        if node.dep_ == "pobj" and _low(node.head) == "by" and _low(node) in _LAUNCHERS:
            return True  # "fired by bombers flying over X": the launchers' airspace
        node = node.head
    return False


def _range_end(prep: Token) -> Token | None:
    """The "to" of "from X (in the west) to Y (in the east)", wherever the parser hung it;
    not the destination of a motion ("drones launched from X flew to Y")."""
    if not _spans(prep):
        return None
    for token in prep.doc[prep.i + 1 : prep.i + 10]:
        if token.dep_ == "prep" and _low(token) == "to" and _names_place(token):
            return token
    return None


def _spans(from_prep: Token) -> bool:
    """Whether a "from" phrase can open a span of places: on a noun, on a verb of reach or of
    effect, or fronted at the head of the sentence ("From X in the west to Y in the east,
    explosions echoed ...", where an origin would follow its verb)."""
    head = from_prep.head
    return head.pos_ in ("NOUN", "PROPN") or _low(head) in _SPAN_VERBS or from_prep.i == 0


_SPAN_VERBS = frozenset(
    {
        "reported", "recorded", "stretched", "stretching", "spanned", "spanning", "hit", "struck",
        "felt", "heard", "attacked", "targeted", "echoed", "rang", "sounded", "thundered",
    }
)  # fmt: skip


def _range_start(prep: Token) -> bool:
    return any(
        t.dep_ == "prep" and _low(t) == "from" and _names_place(t) and _spans(t)
        for t in prep.doc[max(0, prep.i - 10) : prep.i]
    )


def _names_place(prep: Token) -> bool:
    return any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in prep.children)


def _officials_report_attack(officials: Token) -> bool:
    """ "officials in X reported a hit on an infrastructure site"."""
    verb = officials.head
    if officials.dep_ not in ("nsubj", "nsubjpass") or _low(verb) not in _REPORTING:
        return False
    return any(
        _low(t) in _ATTACK_WORDS for t in verb.subtree if t.i > officials.i and t.i != verb.i
    )


def _subject(token: Token, verb: Token) -> str | None:
    low = _low(verb)
    if any(c.dep_ == "neg" for c in verb.children):
        return OTHER  # "X was not attacked", "X did not come under fire"
    if token.dep_ == "nsubjpass" and low in _PASSIVE_ATTACK:
        return HIT
    if low in ("came", "come", "comes") and any(
        c.dep_ == "prep" and _low(c) == "under" for c in verb.children
    ):
        return HIT
    if low in ("mourns", "mourned", "mourning", "buried", "buries"):
        return HIT
    among = [c for c in verb.children if c.dep_ == "prep" and _low(c) == "among"]
    if among and any(  # "X and Y were among the cities hit"
        _low(t) in _PASSIVE_ATTACK and t.i > among[0].i and t.pos_ == "VERB" for t in verb.subtree
    ):
        return HIT
    if low in _GOVERNMENT_VERBS and token.dep_ == "nsubj":
        return OTHER
    return None


_SAYING = _REPORTING | frozenset(
    {"warned", "warns", "feared", "fears", "claimed", "claims", "added", "stated", "noted"}
)
_EVENT_NOUNS = frozenset(
    {
        "attack", "attacks", "strike", "strikes", "shelling", "bombardment", "barrage", "raid",
        "raids", "assault", "explosions", "explosion", "blasts", "blast", "airstrike",
        "airstrikes", "salvo",
    }
)  # fmt: skip
_MODAL_WORDS = frozenset({"could", "might", "may", "would", "will", "should", "must", "can"})


def reports_done(doc: Doc) -> bool:
    """Whether the sentence tells of an attack as something that happened: its main clause
    is in a past tense and neither negated nor modal ("X was left without power after
    strikes on the city", "X came under attack"), or it dates an attack as over ("after the
    strikes")."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    for said in list(roots):  # "..., the governor warned": judge what was said
        reported = [c for c in said.children if c.dep_ == "ccomp"]
        if reported and _low(said) in _SAYING:
            roots = [r for r in roots if r.i != said.i] + reported
    for root in roots:
        if any(
            c.dep_ == "neg" or (c.dep_ == "aux" and _low(c) in _MODAL_WORDS) for c in root.children
        ):
            continue
        past = root.tag_ in ("VBD", "VBN") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ") and c.tag_ != "MD"
            for c in root.children
            if root.tag_ == "VBN"
        )
        if past and any(_low(t) in _EVENT_NOUNS or t.pos_ == "VERB" for t in root.subtree):
            return True
    return any(
        _low(t) in _EVENT_NOUNS and t.dep_ == "pobj" and _low(t.head) in ("after", "in")
        for t in doc
    )


_DIRECTION_NAMES = frozenset(
    {"northern", "southern", "eastern", "western", "central", "centre", "center", "front"}
)
_SETTLEMENT_NOUNS = frozenset({"town", "village", "city", "settlement", "port", "suburb"})
_TOWN_NOUNS = frozenset({"town", "city", "port"})
_SUBDIVISION_NOUNS = frozenset(
    {"district", "districts", "neighbourhood", "neighborhood", "microdistrict", "quarter"}
)


@dataclass(frozen=True, slots=True)
class Town:
    """A place the gazetteer does not list, named in a hit role and located by the sentence
    itself in a listed region or next to listed places of one country."""

    name: str
    country: str
    region: str | None
    start: int
    end: int
    listed_with: tuple[str, ...] = ()
    """Located only by being listed with these names: hit if they are."""
    locator_start: int = -1
    """Where the listed region that locates it is named (-1: none)."""


def unlisted_towns(doc: Doc, known: Sequence[tuple[int, int, str, str, str]]) -> list[Town]:
    """Names the parser takes for places (GPE/LOC entities, or a proper noun after "the town
    of") that were hit, which the gazetteer lacks, kept only where the sentence shows where
    they are: "in the Lviv region", "the village of X near Kharkiv", or listed with known places
    of one country. `known` holds (start, end, name, country, kind) of the gazetteer's
    mentions. Names of countries never reach here: they are in the gazetteer's lists."""
    out: list[Town] = []
    for start, end, root in _candidates(doc, known):
        if any(a < end and start < b for a, b, _, _, _ in known):
            continue
        if root.lower_ in _BEARINGS or root.lower_ in _DIRECTION_NAMES:
            continue  # "the South", "the East": a direction, not a town
        following = doc[root.i + 1] if root.i + 1 < len(doc) else None
        if following is not None and _low(following) in _SUBDIVISION_NOUNS:
            continue  # a district of a city is reported under its city
        found_role = role(doc, start, end)
        if found_role is None:
            found_role = _settlement_hit(root)
        if found_role == OTHER:
            continue
        located = _located_by(doc, root, known)
        if located is None and found_role == HIT and _called_settlement(doc, root, known):
            located = (UNKNOWN_COUNTRY, None, -1)
        if located is None:
            continue
        country, region, locator_start = located
        if found_role is None and (region is not None or locator_start == _BY_COUNTRY):
            continue  # located, but not said to be hit
        name = doc.text[start:end]
        listed_with = tuple(c.text for c in root.conjuncts) if region is None else ()
        out.append(Town(name, country, region, start, end, listed_with, locator_start))
    return out


UNKNOWN_COUNTRY = ""
"""The country of a town the sentence calls a settlement and says was hit but does not
locate: the side the attack was aimed at, which the caller knows."""


def _called_settlement(
    doc: Doc, root: Token, known: Sequence[tuple[int, int, str, str, str]]
) -> bool:
    """ "the town of X", "X, a city of 90,000 people": a town noun names it, and no country's
    word is attached to that noun ("the Polish town of X" is in no warring side). A village
    or a suburb is reported under its region, which such a sentence does not give."""
    nouns = [c for c in root.children if c.dep_ == "appos" and _low(c) in _TOWN_NOUNS]
    if root.dep_ == "pobj" and _low(root.head) == "of" and _low(root.head.head) in _TOWN_NOUNS:
        nouns.append(root.head.head)
    for noun in nouns:
        span = [t for t in noun.subtree if t.i != root.i and root not in t.ancestors]
        if not any(
            start == t.idx for t in span for start, _, _, _, kind in known if kind == "country"
        ):
            return True
    return False


def _candidates(
    doc: Doc, known: Sequence[tuple[int, int, str, str, str]]
) -> list[tuple[int, int, Token]]:
    found: dict[int, tuple[int, int, Token]] = {}
    listed = {t.i for t in doc for start, _, _, _, _ in known if t.idx == start}
    for token in doc:
        # a proper noun listed with known places: "Lutsk, Kovel and X"
        if (
            token.pos_ == "PROPN"
            and token.text[:1].isupper()
            and any(c.i in listed for c in token.conjuncts)
            and not any(c.dep_ == "compound" for c in token.children)
        ):
            found[token.i] = (token.idx, token.idx + len(token.text), token)
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC") and ent.root.pos_ == "PROPN":
            span = ent
            if _low(span[0]) == "the":
                span = span[1:]
            if len(span) and span.text[:1].isupper():
                found[span.root.i] = (span.start_char, span.end_char, span.root)
    for token in doc:
        # a proper noun in a locative phrase, whatever entity type the tagger guessed
        if (
            token.pos_ == "PROPN"
            and token.dep_ == "pobj"
            and _low(token.head) in _LOCATIVE
            and token.ent_type_ not in ("PERSON", "NORP", "DATE", "TIME", "ORG")
            and token.text[:1].isupper()
            and token.i not in found
            and not any(c.dep_ in ("compound", "poss") for c in token.children)
        ):
            found[token.i] = (token.idx, token.idx + len(token.text), token)
    for token in doc:
        # a name an apposition calls a settlement ("X, a town in the Y region") or that is
        # the object of a verb of hitting ("drones struck X in the Y region"), whatever
        # entity type the tagger guessed (it takes many towns for people); another name in
        # the position of what was hit if not tagged a person, group or organisation. The
        # role and the locator `_located_by` asks for decide
        settlement = any(c.dep_ == "appos" and _low(c) in _SETTLEMENT_NOUNS for c in token.children)
        struck = token.dep_ == "dobj" and _low(token.head) in _DIRECT_HIT
        if (
            token.i not in found
            and token.text[:1].isupper()
            and token.text.isalpha()
            and token.ent_type_ not in ("DATE", "TIME", "NORP", "ORG")
            and (
                settlement
                or (token.pos_ == "PROPN" and struck)
                or (
                    token.pos_ == "PROPN"
                    and token.dep_ in ("nsubj", "nsubjpass")
                    and token.ent_type_ != "PERSON"
                )
            )
            and not any(c.dep_ in ("compound", "poss") for c in token.children)
        ):
            found[token.i] = (token.idx, token.idx + len(token.text), token)
    for token in doc:
        # "the town of X", "the village of X": the noun says it is a settlement
        if (
            token.pos_ == "PROPN"
            and token.dep_ == "pobj"
            and _low(token.head) == "of"
            and _low(token.head.head) in _SETTLEMENT_NOUNS
            and token.i not in found
        ):
            found[token.i] = (_name_start(token), token.idx + len(token.text), token)
    return list(found.values())


def _name_start(token: Token) -> int:
    """Where a place name that ends at `token` begins: its capitalised proper-noun compounds
    right before it are part of it ("Velyka Pysarivka", "Nova Odesa")."""
    start = token
    doc = token.doc
    while (  # "Kamensk-Shakhtinsky": a hyphen with no space joins the parts of one name
        start.i >= 2
        and doc[start.i - 1].text == "-"
        and not doc[start.i - 1].whitespace_
        and not doc[start.i - 2].whitespace_
        and doc[start.i - 2].text[:1].isupper()
    ):
        start = doc[start.i - 2]
    for child in sorted(start.lefts, key=lambda t: -t.i):
        if (
            child.i == start.i - 1
            and child.dep_ == "compound"
            and child.pos_ == "PROPN"
            and child.text[:1].isupper()
        ):
            start = child
    return start.idx


def _region_named_in(
    area: Token, known: Sequence[tuple[int, int, str, str, str]]
) -> tuple[str, str, int] | None:
    """(country, name, start) of the listed place that names a region noun ("the Lipetsk
    region", "Russia's Oryol region")."""
    if _low(area) not in _REGION_NOUNS:
        return None
    first = min((t.idx for t in area.subtree), default=area.idx)
    for start, _, name, country, kind in known:
        if kind != "country" and first <= start < area.idx:
            return country, name, start
    return None


def _located_by(
    doc: Doc, root: Token, known: Sequence[tuple[int, int, str, str, str]]
) -> tuple[str, str | None, int] | None:
    """(country, region, where the region is named) when the sentence places the name: "in
    the <listed> region" on it, on its phrase or on the verb it hangs on ("X, in the Lviv
    region"; "the village of X in the Sumy region"), a region in apposition to it ("X, Lviv
    region"; "X, a town in the Lviv region"), a region before its settlement noun ("the
    Lviv region town of X"), or listed places of one country coordinated with it ("Lutsk, X
    and Rivne")."""
    phrase = _phrase(root)
    holders = {root.i, phrase.i, phrase.head.i}
    if phrase.dep_ == "pobj":
        holders.add(phrase.head.head.i)
    for prep in doc[root.i + 1 :]:
        if prep.dep_ != "prep" or _low(prep) not in ("in", "of") or prep.head.i not in holders:
            continue
        for area in prep.children:
            if area.dep_ != "pobj" or _low(area) not in _REGION_NOUNS:
                continue
            for start, _, name, country, kind in known:
                if kind != "country" and prep.idx < start < area.idx:
                    return country, name, start
    for appos in root.children:
        if appos.dep_ != "appos" or appos.i < root.i:
            continue
        named = _region_named_in(appos, known)  # "X, Lviv region"
        if named is not None:
            return named
        if _low(appos) in _SETTLEMENT_NOUNS:  # "X, a town (of N people) in the Lviv region"
            for prep in appos.subtree:
                if prep.dep_ == "prep" and _low(prep) == "in":
                    for area in prep.children:
                        named = _region_named_in(area, known) if area.dep_ == "pobj" else None
                        if named is not None:
                            return named
            bearing = _bearing_from(appos, known)  # "X, a city (of N people) south of Moscow"
            if bearing is not None:
                return bearing
    settlement = root.head.head if root.dep_ == "pobj" and _low(root.head) == "of" else None
    near = _near_listed(root, settlement, known)
    if near is not None:
        return near
    settlements = [t for t in (settlement, *root.children) if t is not None]
    for noun in settlements:
        if noun is not settlement and noun.dep_ != "appos":
            continue
        if _low(noun) not in _SETTLEMENT_NOUNS:
            continue
        # "the Russian town of X", "X, a Ukrainian village": the country's adjective on the
        # settlement noun; "the town of X in Russia"
        places_in = [
            g
            for c in noun.children
            if c.dep_ == "prep" and _low(c) == "in"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        for word in [*(c for c in noun.children if c.dep_ in ("amod", "compound")), *places_in]:
            for start, _, _, country, kind in known:
                if kind == "country" and country in _SIDES and start == word.idx:
                    return country, None, _BY_COUNTRY
    if settlement is not None and _low(settlement) in _SETTLEMENT_NOUNS:
        for child in settlement.children:  # "the Lviv region town of X"
            if child.i < settlement.i and _low(child) in _REGION_NOUNS:
                first = min(t.idx for t in settlement.subtree)
                for start, _, name, country, kind in known:
                    if kind != "country" and first <= start < child.idx:
                        return country, name, start
    siblings = [t for t in root.conjuncts]
    countries = {
        country
        for start, _, _, country, kind in known
        if kind != "country"
        for t in siblings
        if t.idx <= start < t.idx + len(t.text)
    }
    if siblings and len(countries) == 1:
        return countries.pop(), None, -1
    # "near the town of X, according to the Sumy regional military administration": the
    # region whose authority reports the town is the town's (one such region only)
    authorities = {
        (country, name, start)
        for match in _REGIONAL_AUTHORITY.finditer(doc.text)
        for start, _, name, country, kind in known
        if kind != "country" and start == match.start()
    }
    if len({name for _, name, _ in authorities}) == 1:
        return min(authorities, key=lambda a: a[2])
    return None


_REGIONAL_AUTHORITY = re.compile(
    r"\b[A-Z][\w'-]+(?=\s+(?:regional|oblast)\s+(?:military\s+|state\s+)?(?:administration|"
    r"governor|authorities|police|council)\b)"
)


def _near_listed(
    root: Token, settlement: Token | None, known: Sequence[tuple[int, int, str, str, str]]
) -> tuple[str, str | None, int] | None:
    """(country, place, start) of the listed place a village or town is told to lie near
    ("the village of X near Y", "X, a village outside Y"): Y locates it and is its region
    for the report, not a second place hit."""
    nouns = [c for c in root.children if c.dep_ == "appos" and _low(c) in _SETTLEMENT_NOUNS]
    if settlement is not None and _low(settlement) in _SETTLEMENT_NOUNS:
        nouns.append(settlement)
    if not nouns:
        return None
    doc = root.doc
    # the parser may hang "near Y" on any noun before it: read it where it stands, right
    # after the name (or its comma)
    after = [t for t in doc[root.i + 1 : root.i + 3] if t.text != ","][:1]
    preps = [c for holder in (root, *nouns) for c in holder.children if c.dep_ == "prep"]
    for prep in [*preps, *after]:
        if _low(prep) not in ("near", "outside"):
            continue
        for place in prep.children:
            if place.dep_ != "pobj":
                continue
            for start, _, name, country, kind in known:
                if kind != "country" and country in _SIDES and start == place.idx:
                    return country, name, start
    return None


def _settlement_hit(root: Token) -> str | None:
    """The role of the settlement noun that names a town ("shelled the village of X",
    "a depot in the village of X"): what happens to the village happens to X."""
    if root.dep_ != "pobj" or _low(root.head) != "of":
        return None
    noun = root.head.head
    if _low(noun) not in _SETTLEMENT_NOUNS:
        return None
    if noun.dep_ == "pobj":
        found = _prepositional(noun, noun.head)
        if found is None and _low(noun.head) in _LOCATIVE and noun.head.head.pos_ == "NOUN":
            return HIT  # "hit a shop in the village of X": a site in the village
        return found
    if noun.dep_ == "dobj" and _low(noun.head) in _DIRECT_HIT:
        return HIT
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return _subject(noun, noun.head)
    return None


def _bearing_from(
    noun: Token, known: Sequence[tuple[int, int, str, str, str]]
) -> tuple[str, str | None, int] | None:
    """(country, None, -1) of the listed place a settlement noun is told to lie off ("a city
    of 120,000 people south of Moscow", "a town 40 km from Belgorod")."""
    for token in noun.subtree:
        if _low(token) not in _BEARINGS:
            continue
        for prep in token.children:
            if prep.dep_ != "prep" or _low(prep) not in ("of", "from"):
                continue
            for place in prep.children:
                for start, _, _, country, _kind in known:
                    if place.dep_ == "pobj" and start == place.idx and country in _SIDES:
                        return country, None, -1
    return None


_REGION_NOUNS = frozenset({"region", "oblast", "province", "area", "district", "krai"})
_SIDES = frozenset({"UA", "RU"})
"""The countries whose towns a strike can hit."""
_BY_COUNTRY = -2
"""The locator of a town a country's name or adjective locates: kept only where hit."""


_ATTACK_NOUNS = frozenset({"attack", "attacks", "strike", "strikes", "airstrike", "airstrikes"})


def attack_on(doc: Doc, spans: Sequence[tuple[int, int]]) -> bool:
    """An attack noun whose target is one of the places at `spans`: "attacks ... on X",
    "strikes against X" (the target phrase may follow an agent: "attacks of Russian forces
    on X"). Not an attack that is only threatened or feared: the noun must not be the object
    of a hedge ("the threat of an attack on X", "warned of strikes on X")."""
    for noun in doc:
        if _low(noun) not in _ATTACK_NOUNS or noun.pos_ != "NOUN":
            continue
        if _low(noun.head) == "of" and _low(noun.head.head) in _THREAT_NOUNS:
            continue
        if noun.dep_ == "pobj" and _low(noun.head.head) in _THREAT_NOUNS:
            continue
        for prep in noun.subtree:
            if prep.dep_ != "prep" or _low(prep) not in ("on", "against"):
                continue
            for obj in prep.subtree:
                if obj.pos_ == "PROPN" and any(a <= obj.idx < b for a, b in spans):
                    return True
    return False


_THREAT_NOUNS = frozenset(
    {
        "threat", "threats", "risk", "danger", "fear", "fears", "warned", "warning", "warnings",
        "possibility", "prospect", "plans", "plan", "threatened", "threatens",
    }
)  # fmt: skip


_HEDGE_LOW = frozenset(
    {
        "could", "might", "may", "would", "will", "should", "must", "can", "if", "unless",
        "plan", "plans", "planning", "intend", "intends", "expect", "expects", "expected",
        "possible", "potential", "likely", "warn", "warns", "warned", "threat", "threats",
        "threaten", "threatens", "threatened", "vow", "vows", "vowed", "promise", "promised",
    }
)  # fmt: skip


def presupposed_attack(doc: Doc) -> bool:
    """An attack referred to as known in a participial adjunct ("Referring to the night
    attacks on X, ...", "Commenting on the overnight strikes on Y, ..."): a definite attack
    noun under an -ing adverbial clause is presupposed to have happened, whatever modality the
    main clause then takes. Not when the adjunct itself is hedged or negated, nor when the noun
    is governed by a noun of threat ("Referring to the threat of strikes on Y")."""
    for noun in doc:
        if _low(noun) not in _ATTACK_NOUNS or noun.pos_ != "NOUN":
            continue
        if not any(_low(t) == "the" for t in noun.doc[noun.left_edge.i : noun.i]):
            continue
        clause = noun.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            if _low(clause) in _THREAT_NOUNS:
                break
            clause = clause.head
        if _low(clause) in _THREAT_NOUNS or clause.tag_ != "VBG" or clause.dep_ != "advcl":
            continue
        if any(_low(t) in _HEDGE_LOW or t.dep_ == "neg" for t in clause.subtree):
            continue
        return True
    return False
