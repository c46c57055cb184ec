"""What a clause says about a contact (a meeting, talks, a call), read from the dependency parse.

A *contact word* is a verb of meeting or talking ("met", "received", "hosted", "spoke",
"phoned", "negotiated") or a noun naming a contact ("talks", "meeting", "summit", "call",
"conversation", "negotiations", "phone" in "on the phone with"). For each one the parse gives:

- its **mood**: `held` (past or present fact), `scheduled` (future, plan, announcement),
  `hypothetical` (a wish, an offer, a proposal, a condition, a possibility) or `negated`
  (denied, refused, ruled out), from the auxiliaries, negation, the verb that governs it
  ("wants to meet", "refused to talk", "plans to meet"), a conditional conjunction and tense.
  "Would" after a past reporting verb is a future in reported speech ("said he would phone
  X on Monday": scheduled); on its own it is a condition.
- its **sides**: the people (PERSON entities) and countries (GPE/NORP/ORG entities the
  country table knows) in the grammatical slots of the contact: subject and object of a
  contact verb, the object of "with", "between" or "by", the possessor or compound modifier
  of a contact noun ("Putin's talks", "the Xi-Zelensky call"), the subject of the verb that
  holds a contact noun ("X held talks"), and, through a title noun, its appositions and
  modifiers ("Israel's prime minister, Naftali Bennett", "the leaders of France and
  Germany"). The subject of a reporting verb ("..., X said") is in none of these slots, so an
  announcer is never a side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from warwire.extract import countries, gazetteer, nlp
from warwire.extract.people import TITLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

CONTACT_VERBS = frozenset(
    {
        "meet",
        "talk",
        "speak",
        "negotiate",
        "phone",
        "telephone",
        "receive",
        "host",
        "confer",
        "reconvene",
    }
)
"""Verbs that are a contact when their slots hold sides."""
CALL_VERB = "call"
"""A contact verb only with a person or country as object ("Putin called Erdogan")."""
CONTACT_NOUNS = frozenset(
    {
        "talk",
        "talks",
        "meeting",
        "summit",
        "call",
        "conversation",
        "negotiation",
        "negotiations",
        "consultation",
        "consultations",
        "phone",
        "videoconference",
        "teleconference",
    }
)
HOLDING_VERBS = frozenset(
    {
        "hold",
        "have",
        "conduct",
        "begin",
        "start",
        "open",
        "end",
        "conclude",
        "spend",
        "attend",
        "join",
        "host",
        "lead",
        "resume",
        "continue",
        "finish",
        "wrap",
        "enter",
        "chair",
        "convene",
        "arrange",
        "schedule",
        "plan",
    }
)
"""Verbs whose subject takes part in the contact noun they govern ("X held talks")."""
MOTION_VERBS = frozenset(
    {"gather", "assemble", "arrive", "fly", "travel", "come", "go", "head", "return", "sit"}
)
"""Verbs whose subject goes somewhere "for talks" and so takes part in them."""
WISH_VERBS = frozenset(
    {
        "want",
        "wish",
        "hope",
        "seek",
        "offer",
        "propose",
        "suggest",
        "urge",
        "demand",
        "insist",
        "ask",
        "request",
        "try",
        "push",
        "press",
        "encourage",
        "consider",
        "need",
        "like",
        "would",
        "mull",
        "float",
        "favour",
        "favor",
        "await",
        "challenge",
        "dare",
    }
)
"""Verbs that make the contact they govern a wish, an offer, a request or a challenge
("challenged Putin to meet him in person")."""
REFUSAL_VERBS = frozenset(
    {"refuse", "reject", "rule", "decline", "ban", "forbid", "prohibit", "cancel", "postpone"}
)
PLAN_VERBS = frozenset(
    {
        "plan",
        "expect",
        "schedule",
        "set",
        "agree",
        "intend",
        "prepare",
        "arrange",
        "announce",
        "invite",
    }
)
HYPOTHETICAL_ADJECTIVES = frozenset(
    {
        "ready",
        "willing",
        "open",
        "eager",
        "keen",
        "possible",
        "potential",
        "eventual",
        "future",
        "hypothetical",
        "prospective",
        "proposed",
        "direct",
    }
)
"""Modifiers of a contact noun, or predicates over its subject, that make it a mere
possibility ("ready to talk", "a possible meeting"). "Direct" talks are only hypothetical
when nothing else states them: see `mood`."""
PRINCIPAL_NOUNS = frozenset(
    {
        "envoy",
        "envoys",
        "aide",
        "aides",
        "adviser",
        "advisers",
        "advisor",
        "advisors",
        "emissary",
        "emissaries",
        "spokesman",
        "spokeswoman",
        "spokesperson",
    }
)
"""People sent or speaking for someone: a name that modifies one is the principal."""
TOPIC_VERBS = frozenset({"discuss", "debate", "raise", "review"})
"""Contact verbs whose object is the subject matter, not a side."""
CANCEL_VERBS = frozenset(
    {"cancel", "shelve", "scrap", "scuttle", "abandon", "axe", "ax", "suspend", "freeze"}
)
"""Verbs that call off the contact they take as subject (passive) or object: no event."""
FAILING_VERBS = frozenset(
    f"{stem}{end}"
    for stem in ("stall", "fade", "collapse", "falter", "founder", "fizzle", "unravel", "evaporate")
    for end in ("", "s", "d", "ed", "ing", "led", "ling")
)
"""Verbs (every form) whose subject, a plan for a contact, comes to nothing ("summit plans
stall")."""
RAISING_VERBS = frozenset({"appear", "appears", "appeared", "seem", "seems", "seemed"})
PLAN_NOUNS = frozenset({"plan", "plans", "preparations", "arrangements", "idea"})
RESULT_NOUNS = frozenset(
    {"outcome", "outcomes", "result", "results", "aftermath", "readout", "fallout", "transcript"}
)
"""Nouns whose "of" names an event that has taken place ("the outcome of the talks")."""
SCHEDULED_MODIFIERS = frozenset(
    {"next", "upcoming", "planned", "forthcoming", "scheduled", "expected", "coming"}
)
IRREALIS_PREDICATES = frozenset(
    {
        "impossible",
        "pointless",
        "unlikely",
        "possible",
        "premature",
        "unrealistic",
        "futile",
        "meaningless",
        "necessary",
        "needed",
        "inevitable",
        "likely",
        "unthinkable",
        "out",
    }
)
"""Predicates that make a contact noun they describe a possibility or a denial ("talks with
X are impossible", "a meeting is unlikely")."""
TEAM_NOUNS = frozenset({"team", "teams", "delegation", "delegations", "negotiators"})
"""Nouns of a negotiating team: its possessor leads it ("X's team")."""
SIDE_NOUNS = frozenset(
    {
        "president",
        "presidents",
        "chancellors",
        "premiers",
        "secretary-general",
        "leader",
        "leaders",
        "minister",
        "ministers",
        "counterpart",
        "counterparts",
        "delegation",
        "delegations",
        "team",
        "envoy",
        "envoys",
        "official",
        "officials",
        "representative",
        "representatives",
        "chancellor",
        "secretary",
        "chief",
        "premier",
        "king",
        "prince",
        "pope",
        "negotiator",
        "negotiators",
        "diplomat",
        "diplomats",
        "head",
        "side",
        "ambassador",
        "aide",
        "adviser",
        "advisor",
        "emissary",
        "mediator",
        "mediators",
        "host",
        "him",
        "her",
        "them",
        "each",
        "other",
        "sheikh",
        "emir",
        "monarch",
        "partners",
        "government",
        "governments",
        "authorities",
        "leadership",
        "administration",
        "presidency",
        "ministry",
        "sides",
        "teams",
        "nations",
        "countries",
        "states",
    }
)
"""Common nouns that can stand for a side in a contact verb's slot ("met his counterpart")."""
HEDGE_NOUNS = frozenset(
    {
        "report",
        "reports",
        "rumour",
        "rumours",
        "rumor",
        "rumors",
        "speculation",
        "prospect",
        "prospects",
        "possibility",
        "idea",
        "hope",
        "hopes",
        "calls",
        "proposal",
        "proposals",
        "offer",
        "offers",
        "chance",
        "chances",
        "demand",
        "demands",
        "request",
        "readiness",
        "willingness",
        "question",
        "push",
        "appeal",
        "bid",
        "talk",  # "talk of a meeting between X and Y has gone nowhere"
        "thought",
        "suggestion",
    }
)
"""Nouns whose "of"/"for" complement is not a contact that happened ("reports of secret
talks", "the prospect of a summit", "calls for talks")."""
SPEECH_VERBS = frozenset({"speak", "comment", "brief", "address", "tell", "say", "write"})
REPORTING_VERBS = frozenset(
    {
        "say",
        "tell",
        "announce",
        "add",
        "confirm",
        "report",
        "write",
        "state",
        "note",
        "claim",
        "declare",
        "reveal",
        "explain",
        "insist",
        "post",
        "tweet",
        "remind",
        "recall",
        "emphasise",
        "emphasize",
    }
)
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
WOULD_AUX = frozenset({"would", "'d"})
MODAL_AUX = frozenset({"could", "might", "may", "can", "should", "must", "ought"})
CONDITIONS = frozenset({"if", "unless", "whether", "once", "provided", "until"})
TITLE_PARTS = frozenset({"compound", "amod", "poss", "appos", "nmod"})
SIDE_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "attr", "dative"})


_KNOWN_VERBS = (
    CONTACT_VERBS
    | HOLDING_VERBS
    | WISH_VERBS
    | REFUSAL_VERBS
    | CANCEL_VERBS
    | PLAN_VERBS
    | REPORTING_VERBS
    | {CALL_VERB, "accompany", "travel", "visit", "describe", "discuss", "sit", "face"}
    | {"gather", "assemble", "arrive", "fly", "come", "return", "host", "ring", "play"}
    | {"include", "comprise", "represent", "head", "bring", "participate", "take"}
)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    """The name as the entity spans it."""
    start: int
    end: int
    side: str | None
    """The country code the sentence ties the person to ("Israeli Prime Minister X"), if any."""


@dataclass(frozen=True, slots=True)
class Contact:
    start: int
    end: int
    """Character span of the contact word in the sentence."""
    lemma: str
    call: bool
    """A phone call ("phoned", "call", "on the phone")."""
    mood: str | None
    people: tuple[Person, ...]
    parties: frozenset[str]
    framing: bool = False
    """A contact noun in a time adverbial ("after his call with X") of another contact verb."""
    places: tuple[str, ...] = ()
    """Places the contact is put in ("talks in X", "met in X", "will meet Y in X")."""
    open_subject: bool = False
    """Its subject is "he" or "she" with no antecedent in the sentence: an earlier one's."""
    open_group: bool = False
    """Its subject is "they": the people of the contact told before it."""
    days: tuple[str, ...] = ()
    """Time phrases the grammar attaches to the contact itself ("talks due to start on
    Monday", "met on Friday"), not to another verb of the sentence ("arrived on Sunday")."""
    commented: bool = False
    """A contact noun that is the object of a verb that is neither a contact nor holds one
    ("X welcomed the call", "Y criticised the talks")."""
    host: str | None = None
    """For a visit, the country visited ("a trip to Moscow": RU)."""


_IRREGULAR = {
    "met": "meet",
    "sent": "send",
    "spoke": "speak",
    "spoken": "speak",
    "held": "hold",
    "had": "have",
    "has": "have",
    "began": "begin",
    "begun": "begin",
    "led": "lead",
    "said": "say",
    "says": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "sought": "seek",
    "spent": "spend",
    "set": "set",
    "is": "be",
    "are": "be",
    "was": "be",
    "were": "be",
    "been": "be",
    "'s": "be",
    "'re": "be",
    "going": "go",
    "went": "go",
    "gone": "go",
    "took": "take",
    "taken": "take",
    "forbade": "forbid",
    "forbidden": "forbid",
    "ran": "run",
    "rang": "ring",
    "sat": "sit",
    "brought": "bring",
    "flew": "fly",
    "flown": "fly",
    "came": "come",
    "joined": "join",
}


def lemma(token: Token) -> str:
    """The base form of a verb (the pipeline runs without its lemmatizer: the rules only need
    the verbs they name, whose regular endings are stripped here)."""
    word = token.lower_
    found = _IRREGULAR.get(word)
    if found is not None:
        return found
    if token.pos_ not in ("VERB", "AUX"):
        return word
    return _regular_lemma(word)


@lru_cache(maxsize=4096)
def _regular_lemma(word: str) -> str:
    known = _KNOWN_VERBS
    if word in known:
        return word
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix):
            stem = word[: -len(suffix)] + repl
            if stem in known:
                return stem
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in known:
                return stem[:-1]  # "planned", "stopped"
    return word


def _entity(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _country_of_token(token: Token) -> str | None:
    ent = _entity(token)
    if ent is not None and ent.label_ in ("GPE", "NORP", "ORG", "LOC"):
        return countries.code_of(ent.text)
    if token.pos_ in ("PROPN", "ADJ", "NOUN") and token.text[:1].isupper():
        return countries.code_of(token.text)
    return None


def person_side(ent: Span) -> str | None:
    """The country a person is tied to by the words around the name: a demonym or a
    possessive country in the name's own phrase ("Israeli Prime Minister X", "Turkey's
    President X", "X, Israel's prime minister"), or in the title the name stands in
    apposition to."""
    root = ent.root
    candidates: list[Token] = []
    for child in root.children:
        if child.dep_ in TITLE_PARTS and not (ent.start <= child.i < ent.end):
            candidates.extend(child.subtree)
    if root.dep_ in ("appos", "compound") and root.head.pos_ in ("NOUN", "PROPN"):
        head = root.head
        for child in head.children:
            if child.dep_ in ("compound", "amod", "poss", "nmod", "prep") and child.i != root.i:
                candidates.extend(child.subtree)
        if head.dep_ == "compound":
            candidates.extend(t for t in head.subtree if t.i < ent.start)
    if _private_role(candidates):
        return None  # "Ukrainian politician X", "a Russian businessman": no side's envoy
    for token in candidates:
        if token.ent_type_ == "PERSON":
            continue
        code = _country_of_token(token)
        if code is not None:
            return code
    return None


def _private_role(tokens: list[Token]) -> bool:
    """Whether a person's title words name a role that speaks for no side (politician,
    businessman, journalist...) and no office (president, minister, envoy, delegation...)."""
    office = any(t.lower_ in SIDE_NOUNS or t.lower_ in TITLES for t in tokens)
    return not office and any(_nationality_of_role(t) for t in tokens)


def _nationality_of_role(token: Token) -> bool:
    """A common noun that is no office, qualified by a country ("Ukrainian politician")."""
    return (
        token.pos_ == "NOUN"
        and token.lower_ not in SIDE_NOUNS
        and token.lower_ not in TITLES
        and any(
            c.dep_ in ("amod", "compound", "poss") and _country_of_token(c) is not None
            for c in token.children
        )
    )


@lru_cache(maxsize=2048)
def private_countries(sentence: str) -> frozenset[str]:
    """Countries the sentence names only as the nationality of someone in a contact's slot
    who holds no office ("met with Ukrainian politician X"): not a side present."""
    doc = _parse(sentence)
    out: set[str] = set()
    for token in doc:
        # "met with Ukrainian politician and statesman X": the role noun in a side slot
        slot = token.dep_ == "pobj" and token.head.lower_ in ("with", "between")
        slot = slot or (token.dep_ == "dobj" and _is_contact(token.head)[0])
        if slot and _nationality_of_role(token):
            out |= {
                c
                for t in token.children
                if t.dep_ in ("amod", "compound", "poss")
                and (c := _country_of_token(t)) is not None
            }
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        window = [t for c in ent.root.children if c.dep_ in TITLE_PARTS for t in c.subtree]
        window = [t for t in window if not ent.start <= t.i < ent.end]
        if _private_role(window):
            out |= {c for t in window if (c := _country_of_token(t)) is not None}
    return frozenset(out)


def _expand(
    token: Token,
    people: dict[int, Person],
    parties: set[str],
    depth: int = 0,
    person: bool = False,
    conjuncts: bool = True,
) -> None:
    """Collect the sides a slot filler stands for: the person or country it names, or, for a
    title noun, the person in apposition and the country that qualifies it."""
    if depth > 4:
        return
    ent = _entity(token)
    if city_like(token) and (ent is None or ent.label_ == "PERSON"):
        # "Kyiv agreed after talks with X": a capital that acts is its state
        acting = token.dep_ == "nsubj" and token.head.pos_ in ("VERB", "AUX")
        metonym = countries.code_of(token.text) if acting else None
        if metonym is not None and lemma(token.head) != "host":
            parties.add(metonym)
        return  # "Doha, the emirate's capital, hosted...": a place, whatever the label
    if (
        (person and token.pos_ == "PROPN") or (ent is not None and _listed_person(token))
    ) and _country_of_token(token) is None:
        # The antecedent of "he": a person, even if the recogniser called the name an ORG.
        span = ent if ent is not None and ent.label_ != "PERSON" else None
        if span is not None:
            people[span.start] = Person(span.text, span.start_char, span.end_char, None)
            return
    if ent is not None and ent.label_ != "PERSON" and _titled_person(token, ent):
        # "Cardinal X, the Pope's envoy": a name with a person's title is a person's
        people[ent.start] = Person(ent.text, ent.start_char, ent.end_char, person_side(ent))
    elif ent is not None and ent.label_ != "PERSON" and _person_in_coordination(token, ent):
        people[ent.start] = Person(ent.text, ent.start_char, ent.end_char, None)
    elif ent is not None and ent.label_ == "PERSON" and _indefinite(ent):
        pass  # "an observant Jew, X, flew to ...": a name takes no indefinite article
    elif ent is not None and ent.label_ == "PERSON":
        while len(ent) > 1 and ent[0].is_lower:
            ent = ent[1:]  # "rang X Y": the recogniser ran the name on over the verb
        if ent.start not in people:
            side = person_side(ent)
            for offset, name in _hyphen_parts(ent.text):
                start = ent.start_char + offset
                people[ent.start * 100 + offset] = Person(name, start, start + len(name), side)
            if side:
                parties.add(side)
    elif ent is None and _bare_name(token):
        # A surname the entity recogniser left untagged ("received by Long"): a proper noun
        # in a side's slot that no country table knows; "the Hartono-Long call" names two.
        people[token.i * 100] = Person(token.text, token.idx, token.idx + len(token.text), None)
        for child in token.children:
            if (
                child.dep_ == "compound"
                and child.i + 2 == token.i
                and token.doc[child.i + 1].text == "-"
                and _bare_name(child, hyphened=True)
            ):
                people[child.i * 100] = Person(
                    child.text, child.idx, child.idx + len(child.text), None
                )
    else:
        code = _country_of_token(token)
        if code is not None:
            parties.add(code)
        elif token.pos_ == "PROPN" or token.lower_ in SIDE_NOUNS:
            # A title or a body ("Russia's president", "the Peruvian delegation"), not any
            # noun a country qualifies ("Polish media", "Russian forces").
            for child in token.children:
                if (
                    child.dep_ == "compound"
                    and child.ent_type_ == "PERSON"
                    and token.lower_ in PRINCIPAL_NOUNS
                ):
                    continue  # "a Trump envoy", "the Putin aide": the one sent is not the sender
                if child.dep_ in ("appos", "compound") and child.ent_type_ == "PERSON":
                    _expand(child, people, parties, depth + 1)
                elif (
                    child.dep_ == "poss"
                    and token.lower_ in TEAM_NOUNS
                    and child.pos_ == "PROPN"
                    and _country_of_token(child) is None
                ):
                    # "X's team", "Y's delegation": a team is its leader's, who is at the
                    # table with it, whatever label the recogniser gave the name
                    _expand(child, people, parties, depth + 1, person=True)
                elif child.dep_ in ("poss", "amod", "compound", "nmod"):
                    for part in (child, *(c for c in child.children if c.dep_ == "conj")):
                        # "the German Federal Chancellor" may be one ORG entity: its demonym
                        code = _country_of_token(part) or (
                            countries.code_of(part.text) if part.text[:1].isupper() else None
                        )
                        if code is not None:
                            parties.add(code)
                elif child.dep_ == "prep" and child.lower_ in ("of", "from"):
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            _expand(obj, people, parties, depth + 1)
    closed = False
    for child in token.children:
        if child.dep_ == "cc":
            closed = True
            continue
        if child.dep_ == "conj":
            if not conjuncts:
                break
            _expand(child, people, parties, depth + 1)
            if closed:
                # "A and B, C said": C is not in the coordination; but "A and Foreign
                # Minister B" may hang B on A, right after the title
                for named in token.children:
                    if named.dep_ == "appos" and named.left_edge.i == child.right_edge.i + 1:
                        _expand(named, people, parties, depth + 1)
                break
        elif child.dep_ == "appos":
            _expand(child, people, parties, depth + 1)
        elif child.dep_ == "prep" and (
            child.lower_ == "alongside"
            or (
                child.lower_ == "with"
                and any(c.lower_ in ("together", "along") for c in child.children)
            )
        ):
            # "X, together with Y, spoke with Z": Y is on X's side of the contact
            for obj in child.children:
                if obj.dep_ == "pobj":
                    _expand(obj, people, parties, depth + 1)


def _indefinite(ent: Span) -> bool:
    """A one-word "name" under an indefinite article ("an observant Jew", "a Swede"): a
    common noun the recogniser took for a name; a person's name takes no "a"."""
    return len(ent) == 1 and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "another", "every") for c in ent.root.children
    )


def _titled_person(token: Token, ent: Span) -> bool:
    """A proper name the recogniser labelled otherwise, which a person's title opens or an
    apposition names ("Cardinal X", "X, the Pope's envoy")."""
    if token.i != ent.root.i or countries.code_of(ent.text) is not None:
        return False
    if not all(t.pos_ == "PROPN" for t in ent):
        return False
    titled = ent[0].lower_ in TITLES and len(ent) > 1
    apposed = any(c.dep_ == "appos" and c.lower_ in SIDE_NOUNS for c in token.children)
    return titled or apposed


def _person_in_coordination(token: Token, ent: Span) -> bool:
    """ "Aleksandar Vucic and Gustavo Petro": a name coordinated with a person's name is a
    person's, whatever label the recogniser gave it, unless it names a country or body."""
    coordinated = (token.dep_ == "conj" and token.head.ent_type_ == "PERSON") or any(
        c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in token.children
    )
    return (
        coordinated
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent)
        and countries.code_of(ent.text) is None
    )


_SPACED_HYPHEN = re.compile(r"(?<=\s)-(?=\s)")


def _parse(sentence: str) -> Doc:
    """The parse of `sentence` with a spaced hyphen read as the dash it stands for ("met
    Y - the agency said"): the recogniser otherwise runs a name on across it. Same length, so
    character offsets hold."""
    return nlp.parse(_SPACED_HYPHEN.sub("\u2014", sentence))


_SPACED_DASH = re.compile(r"\s+[-\u2013\u2014]\s*|\s*[\u2013\u2014]\s+")


def _hyphen_parts(name: str) -> list[tuple[int, str]]:
    """ "Xi-Zelensky" (a pair written as one compound) as its two names, but not a
    double-barrelled surname after a first name ("Maria Lvova-Belova"); a name the
    recogniser ran on across a spaced dash ("Vladimir Putin - Reuters said") ends at it."""
    name = _SPACED_DASH.split(name, maxsplit=1)[0]
    parts = name.split("-")
    if (
        len(parts) == 2
        and " " not in parts[0]
        and parts[0].lower() not in _SURNAME_PARTICLES  # "Al-Aiban" is one surname
        and all(p[:1].isupper() and len(p) > 1 for p in parts)
    ):
        return [(0, parts[0]), (len(parts[0]) + 1, parts[1])]
    return [(0, name)]


_SURNAME_PARTICLES = frozenset({"al", "el", "abu", "ben", "bin", "ibn", "abd", "abdel", "ould"})
"""Words a hyphenated surname opens with ("Al-Aiban"): the name is one person's."""


_NOT_NAMES = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "office",
        "house",
        "palace",
        "room",
        "hall",
        "ministry",
        "council",
        "summit",
        "forum",
        "conference",
        "cabinet",
        "department",
        "centre",
        "center",
        "street",
        "square",
        "building",
        "oval",
        "white",
        "republic",
        "federation",
        "kingdom",
        "union",
        "emirates",
        "states",
        "confederation",
    }
)
"""Capitalised words that head or open a place or body, never a person's name ("the
President of the Republic" is a title)."""


def _bare_name(token: Token, hyphened: bool = False) -> bool:
    doc = token.doc
    in_pair = (token.i > 0 and doc[token.i - 1].text == "-") or (
        token.i + 1 < len(doc) and doc[token.i + 1].text == "-"
    )
    in_slot = (
        token.dep_ in SIDE_SLOTS
        or hyphened
        or (token.dep_ == "compound" and in_pair and _is_contact(token.head)[0])
    )
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.text[1:2].islower()
        and in_slot
        and not any(c.dep_ == "compound" and c.ent_type_ for c in token.children)
        and token.lower_ not in _NOT_NAMES
        and not any(c.dep_ == "compound" and c.lower_ in _NOT_NAMES for c in token.children)
        and token.lower_ not in TITLES
        and countries.code_of(token.text) is None
        # "Member of the Political Bureau", "the Archbishop of Bologna", "Talks have begun":
        # an office, a see or a contact word, not a surname
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
        and not (token.dep_ == "pobj" and token.head.lower_ == "of")
        and not _is_contact(token)[0]
    )


_MEDIA = frozenset({"phone", "telephone", "video", "videolink", "link", "line"})


def _prep_objects(token: Token, words: tuple[str, ...]) -> list[Token]:
    out: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in words:
            out.extend(obj for obj in child.children if obj.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ in ("by", "over", "via"):
            # "speak by telephone with X": the parser hangs the partner on the medium
            for medium in child.children:
                if medium.dep_ == "pobj" and medium.lower_ in _MEDIA:
                    out += _prep_objects(medium, words)
    return out


def _clause_verb(token: Token) -> Token:
    """The verb of the clause a contact noun sits in (through prepositions and objects)."""
    current = token
    for _ in range(5):
        if current.pos_ in ("VERB", "AUX") and current.i != token.i:
            return current
        if current.head.i == current.i:
            return current
        current = current.head
    return current


def _add_speaker(verb: Token, fillers: list[Token], found: set[int]) -> None:
    """The person a "he" or "she" subject of `verb` stands for, added to the slot fillers."""
    speaker = _speaker_for_pronoun(verb)
    if speaker is not None:
        fillers.append(speaker)
        found.add(speaker.i)


def _speaker_for_pronoun(verb: Token) -> Token | None:
    """Who "he" or "she" is: the subject of the clause the pronoun's clause hangs on ("X
    said he had met Y", "X will go to Z, where he plans to meet Y"). Whoever reports after
    the pronoun is not it ("... where he plans to meet Y - X said"), though a later subject
    of another verb can be ("In his call with Y, X warned...")."""
    head = verb
    chain = {verb.i}
    for _ in range(6):
        if head.head.i == head.i:
            return None
        head = head.head
        chain.add(head.i)
        for child in head.children:
            if child.dep_ != "nsubj" or child.i in chain:
                continue
            if child.i > verb.i and lemma(head) in REPORTING_VERBS | SPEECH_VERBS:
                continue
            owner = [c for c in child.children if c.dep_ == "poss" and c.ent_type_ == "PERSON"]
            if owner:
                return owner[0]  # "X's office said he would..."
            if (
                child.ent_type_ == "PERSON"
                or child.lower_ in SIDE_NOUNS
                or (child.pos_ == "PROPN" and _country_of_token(child) is None)
                or _listed_person(child)
            ):
                return child  # a person or a title, not "Ukraine" or "the talks"
    return None


def _state_for_it(verb: Token) -> Token | None:
    """The state an "it" subject of `verb` stands for: the subject of the reporting verb its
    clause hangs on, when that is a country ("Ukraine said it was ready to ...")."""
    head = verb
    for _ in range(6):
        if head.head.i == head.i:
            return None
        head = head.head
        if lemma(head) in REPORTING_VERBS | SPEECH_VERBS:
            subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if subject is not None and _country_of_token(subject) is not None:
                return subject
            return None
    return None


def _by_phone(verb: Token) -> bool:
    """Whether a verb is done "by phone", "by telephone" or "over the phone"."""
    return any(
        p.lower_ in ("by", "over") and any(o.lower_ in ("phone", "telephone") for o in p.children)
        for p in verb.children
        if p.dep_ == "prep"
    )


def _named_object(verb: Token, child: Token) -> bool:
    """A person's name the parser took for the predicate of a verb of naming with no object
    ("the chancellor called X" read as "called [it] X"): the object it is."""
    return (
        child.dep_ == "oprd"
        and child.ent_type_ == "PERSON"
        and not any(c.dep_ == "dobj" for c in verb.children)
    )


def _sits_across(token: Token) -> bool:
    """ "sat across the table from X", "sat across from X": X is on the other side."""
    return any(c.lower_ == "across" and c.dep_ in ("prep", "prt", "advmod") for c in token.children)


def _listed_person(token: Token) -> bool:
    """A capitalised name the recogniser labelled otherwise ("Trump" as ORG) that is, as a
    whole, a listed official's name: the list normalises what the parser found."""
    ent = _entity(token)
    name = ent.text if ent is not None else token.text
    if not name[:1].isupper():
        return False
    return any(m.start == 0 and m.end == len(name) for m in gazetteer.officials().find(name))


def _slot_fillers(token: Token, antecedents: set[int] | None = None) -> list[Token]:
    """The tokens in the contact's side slots; `antecedents` collects the indices of those
    that stand for a "he"/"she"/"him"/"her" (a person, whatever the recogniser said)."""
    fillers: list[Token] = []
    found = antecedents if antecedents is not None else set()
    destination = visit_destination(token)
    if destination is not None:
        fillers.append(destination)  # the host: "a trip to Moscow" is a visit to Russia
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "dobj":
            # "X makes / paid / is expected to use a trip to Moscow": X is the visitor
            visitors = _subjects(token.head)
            fillers += visitors
            found.update(v.i for v in visitors)  # a person, whatever the recogniser said
    if token.pos_ in ("VERB", "AUX"):
        inherited = (
            []
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
            else (_subjects(token))
        )
        for subject in inherited:
            if subject.lower_ == "who" and subject.head.dep_ == "relcl":
                # "X, who flew to Moscow to meet Y, said...": the relative pronoun is X
                fillers.append(subject.head.head)
                found.add(subject.head.head.i)
                continue
            if subject.lower_ in ("he", "she"):
                speaker = _speaker_for_pronoun(subject.head)
                if speaker is not None:
                    fillers.append(speaker)
                    found.add(speaker.i)
            else:
                fillers.append(subject)
        for child in token.children:
            if child.dep_ == "dobj" and lemma(token) in TOPIC_VERBS:
                continue  # "X and Y discussed Ukraine": what is discussed is no side
            if child.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") or _named_object(
                token, child
            ):
                if child.lower_ in ("him", "her") and child.dep_ == "dobj":
                    speaker = _speaker_for_pronoun(token)  # "X said Y called him"
                    if speaker is not None:
                        fillers.append(speaker)
                        found.add(speaker.i)
                    continue
                if child.lower_ == "who" and child.dep_ == "nsubj" and token.dep_ == "relcl":
                    fillers.append(token.head)  # "X, who met Y on Monday, said"
                    found.add(token.head.i)
                    continue
                if child.lower_ in ("he", "she") and child.dep_ == "nsubj":
                    _add_speaker(token, fillers, found)
                    continue
                fillers.append(child)
        fillers += _prep_objects(token, ("with", "between", "by", "to", "opposite", "among"))
        if lemma(token) == "sit" and _sits_across(token):
            fillers += _prep_objects(token, ("from",))  # "sat across the table from X"
        return fillers
    for child in token.children:
        if child.dep_ == "poss" and child.lower_ in ("his", "her"):
            owner = _speaker_for_pronoun(child)  # "X called his meeting with Y useful"
            if owner is not None:
                fillers.append(owner)
                found.add(owner.i)
        elif child.dep_ in ("poss", "compound", "nmod", "amod"):
            fillers.append(child)
    fillers += _prep_objects(token, ("with", "between", "among", "by"))
    for owner in _prep_objects(token, ("of",)):
        # "the meeting of X with Y": the "with" often hangs on X
        fillers += [owner, *_prep_objects(owner, ("with",))]
    verb = _clause_verb(token)
    if _in_adverbial(token, verb) and (
        lemma(verb) not in REPORTING_VERBS | SPEECH_VERBS
        or (_told_a_side(verb) and _in_adverbial(token, verb, ("in", "during")))
    ):
        # "After nine hours of talks in X, the two delegations agreed...": whoever the
        # clause is about was at the talks it is framed by.
        # The object too ("X urged Y during a call"), unless the clause reports a contact of
        # its own ("after his call with X, Y phoned Z": Z was not on the first call).
        slots = ("nsubj", "nsubjpass") if _is_contact(verb)[0] else ("nsubj", "nsubjpass", "dobj")
        chain = _verb_chain(verb)
        subjects = [c for link in chain for c in link.children if c.dep_ in slots]
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in subjects):
            subjects += _subjects(verb)  # "it was ready to accept X after talks with Y"
        for child in subjects:
            link = child.head
            if child.lower_ == "it" and child.dep_ == "nsubj":
                state = _state_for_it(link)
                if state is not None:
                    fillers.append(state)  # "Ukraine said it ...": it is Ukraine
                continue
            if child.lower_ in ("he", "she") and child.dep_ == "nsubj":
                # "X said he was ready to ..., after a call with Y": he is X
                _add_speaker(link, fillers, found)
                continue
            fillers.append(child)
    elif _in_adverbial(token, verb) and _prep_objects(token, ("with",)):
        # "After negotiations with X, Y told journalists...": the one who speaks after talks
        # with someone else was at them, unless a spokesperson speaks for another
        for subject in _subjects(verb):  # "Speaking after talks with X, Y said"
            if (
                subject.dep_ == "nsubj"
                and (subject.ent_type_ == "PERSON" or _bare_name(subject))
                and not any(t.lower_.startswith("spokes") for t in subject.subtree)
            ):
                fillers.append(subject)
                found.add(subject.i)  # a person, whatever label the recogniser gave
    elif (
        token.dep_ == "pobj"
        and token.head.lower_ in ("for", "into")
        and token.head.head.i == verb.i
        and lemma(verb) in MOTION_VERBS
    ):
        # "X flew to Moscow for talks", "diplomats from A, B and C gathered for talks", "X
        # went into the meeting with Y seeking ...": who goes to or into talks is at them
        fillers += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    elif verb.i != token.i and lemma(verb) in HOLDING_VERBS | CONTACT_VERBS:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.lower_ == "who" and verb.dep_ == "relcl" and verb.head.i != verb.i:
                    # "X, who hosted the talks, said...": the relative pronoun is X
                    fillers.append(verb.head)
                    found.add(verb.head.i)
                    continue
                if child.lower_ in ("he", "she"):
                    speaker = _speaker_for_pronoun(verb)
                    if speaker is not None:
                        fillers.append(speaker)
                        found.add(speaker.i)
                    continue
                fillers.append(child)
            elif child.dep_ == "dobj" and child.i != token.i and lemma(verb) in ("host",):
                fillers.append(child)
        fillers += _prep_objects(verb, ("with", "between", "opposite"))
    return fillers


TOPIC_PREPOSITIONS = frozenset({"about", "regarding", "concerning"})
"""A contact noun these govern is what is spoken of, not a contact the clause tells."""

ADVERBIAL_PREPOSITIONS = frozenset({"after", "during", "following", "in"})
"""Prepositions whose contact noun frames the clause ("X urged Y in a phone call"): whoever
the clause is about was at the contact."""


def _in_adverbial(
    token: Token, verb: Token, prepositions: frozenset[str] | tuple[str, ...] = ()
) -> bool:
    """Whether the contact noun sits in a time adverbial of `verb` ("after the talks",
    "during an 80-minute call", "after nine hours of talks")."""
    current = token
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            return False
        on_verb = head.head.i == verb.i or (
            # the parser often hangs the adverbial on the verb's object ("discussed an
            # exchange with X in a phone call")
            head.lower_ == "in" and head.head.dep_ == "dobj" and head.head.head.i == verb.i
        )
        if (
            head.dep_ == "prep"
            and head.lower_ in (prepositions or ADVERBIAL_PREPOSITIONS)
            and on_verb
        ):
            # "in a call", "in their meeting" frame the clause; "engage in negotiations",
            # "took part in the talks" are its complement
            return head.lower_ != "in" or any(
                c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("a", "an", "that", "this"))
                for c in current.children
            )
        if head.i == verb.i:
            return False
        current = head
    return False


def _verb_chain(verb: Token) -> list[Token]:
    """The verb and the verbs it is the complement or coordinate of, up to the governing one
    ("hold" in "urged X to agree ... and to hold ...": hold, agree, urged)."""
    chain = [verb]
    current = verb
    for _ in range(4):
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            break
        current = current.head
        if current.pos_ not in ("VERB", "AUX"):
            break
        chain.append(current)
    return chain


def _subjects(verb: Token) -> list[Token]:
    """The subjects of a verb, or of the verb a subjectless participle hangs on."""
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not own and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        # "(Speaking) after meeting X, Y said": the gerund's subject is its clause's
        holder = verb.head.head
        if holder.i != verb.i and holder.pos_ in ("VERB", "AUX"):
            return _subjects(holder)
        return own
    if own or verb.dep_ not in ("xcomp", "advcl", "conj") or verb.head.i == verb.i:
        return own
    head = verb.head
    found = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not found and head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.i != head.i:
        # "X and Y are due to speak", "X is likely to visit": the infinitive hangs on a
        # predicate adjective; its subject is the subject of the copula
        found = [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return found


def _plural(token: Token) -> bool:
    """A subject naming more than one side: "X and Y", "the two leaders", "both sides"."""
    return token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children)


CAPTIVE_NOUNS = frozenset(
    {"prisoner", "prisoners", "captive", "captives", "pow", "pows", "detainee", "detainees"}
    | {"hostage", "hostages", "body", "bodies"}
)


def _with_conjuncts(token: Token) -> set[str]:
    """The lower-case words of a phrase's head and of the heads joined to it by "and"."""
    words = {token.lower_}
    for child in token.children:
        if child.dep_ == "conj":
            words |= _with_conjuncts(child)
    return words


def _names_several(token: Token) -> bool:
    """A phrase naming two people or more, however the parser linked them ("X, Y and their
    host Z")."""
    names = [t for t in token.subtree if t.ent_type_ == "PERSON" and t.ent_iob_ == "B"]
    return len(names) >= 2


def _can_be_side(token: Token) -> bool:
    if token.ent_type_ in ("PERSON", "GPE", "NORP", "ORG"):
        return True
    if token.lower_ in SIDE_NOUNS or (token.pos_ == "PROPN" and token.text[:1].isupper()):
        return True
    return any(c.dep_ == "conj" and _can_be_side(c) for c in token.children)


def _outlet(token: Token) -> bool:
    """A body that is neither a person nor a side ("spoke to CNN", "talking to Reuters"):
    speaking to it is an interview, not a contact."""
    ent = _entity(token)
    if ent is None or ent.label_ != "ORG" or countries.code_of(ent.text) is not None:
        return False
    # The recogniser often calls a person's name an organisation: only an acronym ("CNN")
    # or a name with a word of the press ("Fox News", "the Financial Times") is an outlet.
    words = [t.text for t in ent if t.lower_ != "the"]
    acronym = len(words) == 1 and len(words[0]) >= 2 and words[0].isupper()
    return acronym or any(w.lower() in _PRESS_WORDS for w in words)


_PRESS_WORDS = frozenset(
    {
        "news",
        "times",
        "post",
        "journal",
        "tv",
        "television",
        "radio",
        "press",
        "agency",
        "telegraph",
        "guardian",
        "herald",
        "tribune",
        "gazette",
        "channel",
        "broadcasting",
    }
)


def _places(token: Token) -> tuple[str, ...]:
    """Place names in "in"/"at" phrases on the contact word, on the verb that holds a contact
    noun, or on the contact's partners ("talks with X in Lviv")."""
    anchors = [token, *_holding_participles(token)]
    verb = _clause_verb(token)
    if token.pos_ in ("NOUN", "PROPN") and verb.i != token.i:
        anchors.append(verb)
    partners = _prep_objects(token, ("with",))
    partners += [c for c in token.children if c.dep_ == "dobj"]
    for partner in partners:
        anchors += [t for t in partner.subtree if t.pos_ in ("NOUN", "PROPN")]
    out: list[str] = []
    for anchor in anchors:
        for obj in _prep_objects(anchor, ("in", "at")):
            out += _place_names(obj)
    destination = visit_destination(token)
    if destination is not None:
        out += _place_names(destination)
    trip = _trip_for(token)
    if trip is not None:
        # "will travel to the city of X on Thursday to meet Y", "flew to X for talks": the
        # contact is the purpose of the journey, so it takes place where the journey ends
        for obj in _prep_objects(trip, ("to", "in", "at")):
            out += _place_names(obj)
    return tuple(out)


TRIP_VERBS = frozenset({"travel", "fly", "go", "come", "head", "arrive", "return", "land"})


def _trip_for(token: Token) -> Token | None:
    """The verb of a journey whose purpose the contact is ("went to X to meet Y", "flew to X
    for talks"), if it is one."""
    if token.pos_ in ("VERB", "AUX"):
        purpose = token.dep_ in ("advcl", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children
        )
        head = token.head
    else:
        purpose = token.dep_ == "pobj" and token.head.lower_ == "for"
        head = token.head.head
    if purpose and head.i != token.i and lemma(head) in TRIP_VERBS:
        return head
    return None


PLACE_HEADS = frozenset(
    {
        "city",
        "town",
        "capital",
        "resort",
        "village",
        "port",
        "estate",
        "residence",
        "palace",
        "region",
    }
)


def _place_names(obj: Token, depth: int = 0) -> list[str]:
    """The place an in/at/to object names: the entity it is, or, for a common noun of place,
    the one it is "of" or the name that qualifies it ("the western city of X", "at his X
    estate"); then the place that holds it ("at the X hotel in the Saudi capital")."""
    own = _own_place_names(obj)
    if depth < 2:
        for inner in _prep_objects(obj, ("in",)):
            own += _place_names(inner, depth + 1)
    return own


def _own_place_names(obj: Token) -> list[str]:
    ent = _entity(obj)
    if ent is not None and ent.label_ in ("GPE", "LOC", "FAC"):
        return [ent.text]
    if ent is not None or obj.lower_ not in PLACE_HEADS:
        return []
    out: list[str] = []
    for inner in _prep_objects(obj, ("of",)):
        # "the city of X": a proper noun, whatever label the recogniser gave it
        found = _entity(inner)
        if found is not None and found.label_ != "PERSON":
            out.append(found.text)
        elif found is None and inner.pos_ == "PROPN":
            out.append(inner.text)
    for inner in obj.children:
        found = _entity(inner) if inner.dep_ == "compound" else None
        if (
            found is not None
            and found.label_ in ("GPE", "LOC", "FAC")
            and countries.code_of(found.text) is None  # "the Moldovan city": a demonym
        ):
            out.append(found.text)
    if not out and obj.lower_ == "capital":
        # "in the Emirati capital", "in the Turkish capital": the capital of that state
        for inner in obj.children:
            code = countries.code_of(inner.text) if inner.dep_ in ("amod", "compound") else None
            city = countries.capital(code) if code else None
            if city is not None:
                out.append(city)
    return out


CITY_NOUNS = frozenset({"city", "town", "capital", "port", "village", "resort"})
"""Nouns that make the name they stand in apposition to a place ("X, the Gulf port")."""


def city_like(token: Token) -> bool:
    """Whether a name is a place and not a person or a state: a name the recogniser calls a
    place (GPE, LOC) or the places data knows as a city, or one in apposition to a noun of
    settlement ("Doha, the emirate's capital"); a state's name or metonym is a side."""
    ent = _entity(token)
    name = ent.text if ent is not None else token.text
    if token.pos_ != "PROPN":
        return False
    found = gazetteer.places().find(name)
    if any(m.item.kind == "city" and m.start == 0 and m.end == len(name) for m in found):
        return True  # a capital is a city, though it may stand for its state elsewhere
    if countries.code_of(name) is not None:
        return False
    if any(c.dep_ == "appos" and lemma(c) in CITY_NOUNS for c in token.children):
        return True
    return ent is not None and ent.label_ in ("GPE", "LOC")


def _seat(token: Token) -> Token | None:
    """The city that hosts a contact noun: the subject of "host" with the contact as object
    ("X hosted the talks"), the agent of its passive ("talks hosted by X"), the subject of
    "be the venue for" ("X was the venue for the talks") or of "play host to"."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    head = token.head
    candidates: list[Token] = []
    if token.lower_ == "host" and token.dep_ == "dobj" and lemma(head) == "play":
        candidates = [c for c in head.children if c.dep_ == "nsubj"]  # "X played host to"
    elif token.dep_ == "dobj" and lemma(head) == "host":
        candidates = [c for c in head.children if c.dep_ == "nsubj"]
    elif token.dep_ == "nsubjpass" and lemma(head) == "host":
        candidates = [o for p in head.children if p.dep_ == "agent" for o in p.children]
    elif token.dep_ == "pobj" and head.lower_ == "for" and head.head.lower_ == "venue":
        venue = head.head
        if venue.dep_ == "attr":
            candidates = [c for c in venue.head.children if c.dep_ == "nsubj"]
        elif venue.dep_ == "nsubj":
            candidates = [c for c in venue.head.children if c.dep_ == "attr"]
    for candidate in candidates:
        if city_like(candidate):
            return candidate
    return None


@lru_cache(maxsize=1024)
def seats(sentence: str) -> tuple[tuple[int, str], ...]:
    """(offset, city) for every noun a city hosts in `sentence` (see `_seat`), whether or not
    the parse reads the noun as a contact ("Doha hosted Wednesday's session")."""
    out = []
    for token in _parse(sentence):
        seat = _seat(token)
        if seat is not None:
            ent = _entity(seat)
            out.append((token.idx, ent.text if ent is not None else seat.text))
    return tuple(out)


def _time_phrases(token: Token) -> list[str]:
    out: list[str] = []
    for child in token.children:
        if child.dep_ in ("npadvmod", "tmod") and child.ent_type_ == "DATE":
            out.append(" ".join(t.text for t in child.subtree))
        elif child.dep_ == "prep" and child.lower_ in ("on", "in", "at"):
            before = token.doc[child.i - 1] if child.i > 0 else child
            if lemma(before) in REPORTING_VERBS | SPEECH_VERBS:
                continue  # "said on Friday he would meet...": the day of the statement
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in ("DATE", "TIME"):
                    out.append(" ".join(t.text for t in child.subtree))
    return out


def _holding_participles(token: Token) -> list[Token]:
    """ "the first meeting since the invasion, held on Monday in X": a participle of holding
    inside a contact noun's phrase is the contact's, wherever the parser hangs it (an
    invasion is not "held")."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return []
    return [
        t
        for t in token.subtree
        if t.i > token.i and t.dep_ == "acl" and t.tag_ == "VBN" and lemma(t) in HOLDING_VERBS
    ]


def _days(token: Token) -> tuple[str, ...]:
    """Time phrases on the contact word, on the clause of a contact noun it is held in, or on
    a verb that says when the contact begins or takes place ("due to start on Monday")."""
    found = _time_phrases(token)
    for participle in _holding_participles(token):
        found += _time_phrases(participle)
    if token.pos_ in ("NOUN", "PROPN"):
        found += [
            " ".join(t.text for t in c.subtree if t.dep_ != "case")
            for c in token.children
            if c.dep_ == "poss" and c.ent_type_ == "DATE"
        ]  # "Saturday's meeting", "Tuesday's call"
        verb = _clause_verb(token)
        if (
            verb.i != token.i
            and lemma(verb) in HOLDING_VERBS | CONTACT_VERBS
            and not _in_adverbial(token, verb)  # "speaking on Sunday after the talks"
        ):
            found += _time_phrases(verb)
        for child in token.children:
            if child.dep_ == "relcl" and lemma(child) not in HOLDING_VERBS | _TAKING_PLACE:
                continue  # "the talks, which X proposed on Sunday": the day of the proposal
            if child.dep_ in ("acl", "relcl") or child.lower_ in _PLANNED:
                for inner in child.subtree:
                    if inner.pos_ in ("VERB", "AUX", "ADJ"):
                        found += _time_phrases(inner)
    return tuple(found)


_TAKING_PLACE = frozenset({"take", "last", "run", "happen", "be", "go", "continue", "resume"})
"""Verbs of an aside on a contact noun that tell when it happens ("which took place on X")."""


def _open_pronoun(token: Token) -> bool:
    verb = token if token.pos_ in ("VERB", "AUX") else _clause_verb(token)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] or _subjects(verb)
    return any(s.lower_ in ("he", "she") for s in subjects) and (_speaker_for_pronoun(verb) is None)


def _open_group(token: Token) -> bool:
    """ "Together they spoke by phone with X": a "they" that opens its clause refers back to
    the group told before (a "they" after a named subject in its sentence is that subject)."""
    verb = token if token.pos_ in ("VERB", "AUX") else _clause_verb(token)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(s.lower_ == "they" for s in subjects) and not any(
        t.ent_type_ in ("PERSON", "NORP", "GPE") for t in token.doc[: verb.i]
    )


def _host(token: Token) -> str | None:
    place = visit_destination(token)
    if place is None:
        return None
    code = _country_of_token(place)
    if code is None:
        names = _place_names(place)
        code = countries.code_of(names[0]) if names else None
    return code


def _commented(token: Token) -> bool:
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ != "dobj" or token.lower_ in VISIT_NOUNS:
        return False
    verb = token.head
    base = lemma(verb)
    return (
        verb.pos_ == "VERB"
        and base not in HOLDING_VERBS | CONTACT_VERBS | PLAN_VERBS | WISH_VERBS | REFUSAL_VERBS
        and not _is_contact(verb)[0]
        and not _participates(verb)
    )


def _told_a_side(verb: Token) -> bool:
    """ "X told Y in a video call", "X briefed Y during a call": a verb of telling whose
    hearer is a side (not reporters or an outlet) has both ends on the contact framing it."""
    return lemma(verb) in ("tell", "brief") and any(
        c.dep_ == "dobj" and _can_be_side(c) and not _outlet(c) and c.lower_ not in _AUDIENCES
        for c in verb.children
    )


_AUDIENCES = frozenset({"reporters", "journalists", "media", "press", "audience", "parliament"})


def _frames_contact(token: Token) -> bool:
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = _clause_verb(token)
    if not _in_adverbial(token, verb):
        return False
    # "In that call, X and Y agreed to hold a summit": what the clause agrees is a contact
    # of its own, the call its setting
    return _is_contact(verb)[0] or any(
        c.dep_ == "xcomp"
        and (
            _is_contact(c)[0]
            or any(o.dep_ == "dobj" and o.lower_ in CONTACT_NOUNS for o in c.children)
        )
        for c in verb.children
    )


VISIT_NOUNS = frozenset({"visit", "trip"})
VISIT_VERBS = frozenset({"visit", "travel", "fly", "go", "come", "head", "arrive"})


def visit_destination(token: Token) -> Token | None:
    """Where a visit goes, when it goes to Russia or a state of its bloc: a leader's trip
    there is a contact with the host ("X makes a three-day trip to Moscow", "X will travel
    to Moscow on Tuesday", "X arrived in Moscow", "X visits Russia"); or when someone of a
    warring side goes to a country that stands between the sides ("the Russian leader is
    expected to visit Turkey"). A visit elsewhere is not read as talks (allies visit one
    another, and a visit to Kyiv is mostly support)."""
    base = lemma(token)
    if token.pos_ in ("NOUN", "PROPN") and token.lower_ in VISIT_NOUNS:
        places = _prep_objects(token, ("to", "in"))
    elif token.pos_ == "VERB" and base in VISIT_VERBS:
        if any(c.dep_ == "neg" for c in token.children):
            return None
        places = _prep_objects(token, ("to", "in") if base == "arrive" else ("to",))
        if base == "visit":
            places += [c for c in token.children if c.dep_ == "dobj"]
    else:
        return None
    for place in places:
        code = _country_of_token(place)
        if code is None:
            names = _place_names(place)
            code = countries.code_of(names[0]) if names else None
        if code is not None and countries.side_of(code) == "RU":
            return place
        if code is not None and countries.side_of(code) == "MEDIATOR":
            sides = {countries.side_of(c) for c in _visitor_countries(token)}
            if sides and sides <= {"RU", "UA"}:
                return place
    return None


def _visitor_countries(token: Token) -> set[str]:
    """The countries of who makes the visit: the subject of the visit verb, or of the verb
    that takes the visit noun as object, or the noun's possessor ("Putin's visit")."""
    if token.pos_ in ("NOUN", "PROPN"):
        visitors = [c for c in token.children if c.dep_ == "poss"]
        if not visitors and token.dep_ == "dobj":
            visitors = _subjects(token.head)
    else:
        visitors = _subjects(token)
    found: set[str] = set()
    for visitor in visitors:
        code = _side_country(visitor)
        if code is None:
            return set()  # a visitor of no known country: no side to tell
        found.add(code)
    return found


def _side_country(token: Token) -> str | None:
    """The country a person or side token stands for: a listed official's, a country or
    demonym, or the demonym or country before a title ("the Russian leader")."""
    ent = _entity(token)
    if ent is not None and ent.label_ == "PERSON":
        match = next(iter(gazetteer.officials().find(ent.text)), None)
        if match is not None:
            return match.item.country
        return person_side(ent)
    code = _country_of_token(token)
    if code is not None:
        return code
    if token.pos_ == "PROPN" and _listed_person(token):
        match = next(iter(gazetteer.officials().find(token.text)), None)
        return match.item.country if match is not None else None
    for child in token.children:
        if child.dep_ in ("amod", "compound", "poss") and (found := _country_of_token(child)):
            return found
    return None


def _is_contact(token: Token) -> tuple[bool, bool]:
    """(contact word, phone call)."""
    base = lemma(token)
    if visit_destination(token) is not None:
        return True, False
    if token.pos_ == "VERB":
        if (
            base not in ("speak", "talk")
            and _by_phone(token)
            and any(
                c.dep_ == "dobj" and c.i > token.i and _can_be_side(c) and not _outlet(c)
                for c in token.children
            )
        ):
            return True, True  # "briefed X by phone", "congratulated Y over the phone"
        if base in ("speak", "talk"):
            # "spoke with X", "X and Y talked": not "speaks Russian", "speaking to the media"
            if any(c.dep_ == "dobj" for c in token.children):
                return False, False
            partners = _prep_objects(token, ("with", "to"))
            if partners:
                return any(_can_be_side(p) and not _outlet(p) for p in partners), False
            return any(_plural(c) for c in _subjects(token)), False
        if base in CONTACT_VERBS:
            objects = [c for c in token.children if c.dep_ == "dobj"]
            if objects and not any(_can_be_side(o) for o in objects):
                return False, False  # "meet demand", "received drones", "hosted a summit"
            if any(_with_conjuncts(o) & CAPTIVE_NOUNS for o in objects):
                # "Russia received 55 prisoners and X": people handed over in an exchange
                return False, False
            return True, base in ("phone", "telephone")
        if base == "sound" and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
            # "X prepared to sound out Y": to talk to Y to learn Y's position
            objects = [c for c in token.children if c.dep_ == "dobj"]
            return any(_can_be_side(o) for o in objects), False
        if base == "bring" and any(
            c.dep_ in ("prt", "advmod") and c.lower_ == "together" for c in token.children
        ):
            return True, False  # "X brought together Y and Z"
        if base == "face":
            # "X faced Y's delegation": across the table from a negotiating team, not any
            # adversary ("faced Russian assaults")
            # "X's side faced Y": a team across the table from a person or a team
            objects = [c for c in token.children if c.dep_ == "dobj"]
            team_faces = any(s.lower_ in TEAM_NOUNS | {"side"} for s in _subjects(token))
            return any(
                o.lower_ in TEAM_NOUNS or (team_faces and o.ent_type_ == "PERSON") for o in objects
            ), False
        if base == "sit":
            # "X sat opposite Y", "X sat down with Y"
            preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
            down = any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children)
            across = _sits_across(token) and "from" in preps  # "sat across from X"
            # "X, Y and Z sat at a three-sided table", "X sat at the table with Y"
            at_table = any(o.lower_ == "table" for o in _prep_objects(token, ("at", "around")))
            together = "with" in preps or any(
                _plural(s) or _names_several(s) for s in _subjects(token)
            )
            return bool(
                preps & {"opposite", "across"}
                or (down and "with" in preps)
                or across
                or (at_table and together)
            ), False
        if base == "discuss":
            # "X and Y discussed...", "X discussed the plan with Y", "X and Y spent three
            # hours discussing...": two sides talking
            subjects = _subjects(token)
            paired = any(any(g.dep_ == "conj" for g in c.children) for c in subjects)
            if paired or _prep_objects(token, ("with",)):
                return True, False
            return False, False
        if base in (CALL_VERB, "ring"):
            if any(c.dep_ in ("ccomp", "attr") for c in token.children) or any(
                c.dep_ == "oprd" and not _named_object(token, c) for c in token.children
            ):
                return False, False  # "called X a war criminal"
            if any(c.dep_ == "xcomp" for c in token.children) and not any(
                c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in token.children
            ):
                return False, False  # "called on X to talk", not "called X to brief him"
            if any(c.dep_ == "prt" and c.lower_ in ("out", "off", "in") for c in token.children):
                return False, False  # "called out Russia": criticised; "called off"
            objects = [c for c in token.children if c.dep_ == "dobj" or _named_object(token, c)]
            if any(
                o.ent_type_ in ("PERSON", "GPE", "NORP") or o.lower_ in ("him", "her")
                for o in objects
            ):
                return True, True
        return False, False
    if token.pos_ in ("NOUN", "PROPN") and token.lower_ in ("conference", "link", "chat"):
        # "a video conference", "by video link", "a phone chat": the medium makes the noun a
        # contact (a bare "conference" is a gathering)
        medium = {c.lower_ for c in token.children if c.dep_ in ("compound", "amod")}
        if medium & {"video", "phone", "telephone", "virtual"}:
            return True, bool(medium & {"phone", "telephone"})
    if token.pos_ in ("NOUN", "PROPN") and token.lower_ in CONTACT_NOUNS:
        if token.lower_ == "talk" and any(
            c.dep_ == "prep" and c.lower_ in ("of", "about") for c in token.children
        ):
            return False, False  # "talk of a summit": speculation, not a conversation
        if token.lower_ == "phone":
            verb = _clause_verb(token)
            if not _prep_objects(verb, ("with",)) and not _prep_objects(token, ("with",)):
                return False, False
        if token.lower_ == "call":
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "for":
                    return False, False  # "a call for talks"
                if prep.dep_ == "prep" and prep.lower_ == "to":
                    objects = [c for c in prep.children if c.dep_ == "pobj"]
                    if objects and not any(_can_be_side(o) for o in objects):
                        return False, False  # "a call to arms"
        return True, token.lower_ in ("call", "phone")
    return False, False


def mood(token: Token) -> str | None:
    """`held`, `scheduled`, `hypothetical` or `negated` for a contact word, or None when the
    clause does not say (a bare noun phrase, a headline without a verb)."""
    if token.pos_ in ("NOUN", "PROPN") and _called_off(token):
        return "negated"
    if _denied_report(token):
        return "negated"
    if token.pos_ in ("NOUN", "PROPN") and _aggregate(token):
        return "hypothetical"  # "after two meetings in X": several contacts, none told
    if token.pos_ in ("NOUN", "PROPN") and _listed_as_possible(token):
        return "hypothetical"
    if _generic(token):
        return "hypothetical"  # "dialogue and negotiation are the only way out": no contact
    if token.pos_ == "NOUN" and _framing_past(token):
        return "held"  # "In a call on Sunday, X pressed Y to ...": the frame took place
    if (
        token.pos_ == "VERB"
        and token.dep_ == "pcomp"
        and token.head.lower_ in ("after", "following")
        and not any(c.dep_ == "neg" for c in token.children)
    ):
        return "held"  # "Speaking after meeting X, Y said": what came before the speech
    if (
        token.dep_ == "pobj"
        and token.head.lower_ in ("for", "of")
        and token.head.head.lower_ in PLAN_NOUNS
        and any(c.dep_ == "det" and c.lower_ == "no" for c in token.head.head.children)
    ):
        return "negated"  # "there are no plans for a meeting between X and Y"
    if (
        token.pos_ in ("VERB", "AUX")
        and token.dep_ == "acl"
        and token.head.lower_ in PLAN_NOUNS
        and any(c.dep_ == "det" and c.lower_ == "no" for c in token.head.children)
    ):
        return "negated"  # "no plans for X to meet Y"
    if token.pos_ in ("NOUN", "PROPN"):
        prep = token.head
        if (
            token.dep_ == "pobj"
            and prep.lower_ in ("of", "for", "on")
            and prep.head.lower_ in HEDGE_NOUNS
        ):
            return "hypothetical"
        if _readiness_for(token):
            return "hypothetical"
        if token.dep_ == "pobj" and prep.lower_ in TOPIC_PREPOSITIONS:
            return "hypothetical"  # "spoke with X about direct talks with Y": a subject
        if token.dep_ == "pobj" and prep.lower_ == "since":
            return "held"  # "the first contact since the May meeting": it took place
        if token.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in RESULT_NOUNS:
            # "will study the outcome of the meeting": a result presupposes the event, whatever
            # the tense of the verb that governs the result
            return "held"
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in ("no", "any")):
                return "negated" if child.lower_ != "any" else "hypothetical"
            if child.dep_ == "amod" and child.lower_ in HYPOTHETICAL_ADJECTIVES - {"direct"}:
                return "hypothetical"
            if child.dep_ in ("amod", "compound") and child.lower_ in SCHEDULED_MODIFIERS:
                # "the next meeting would likely take place...": a hedge on the verb wins
                holder = _clause_verb(token)
                if holder.i != token.i and holder.pos_ in ("VERB", "AUX"):
                    outer = _verb_mood(holder, 0)
                    if outer in ("hypothetical", "negated"):
                        return outer
                return "scheduled"
            if child.lower_ in _PLANNED and child.dep_ in ("amod", "prep", "acl", "advmod"):
                return "scheduled"  # "talks due to start on Monday"
    if token.doc.text.rstrip(" \"'").endswith("?"):
        return "hypothetical"  # a question asserts nothing
    verb = token if token.pos_ in ("VERB", "AUX") else _clause_verb(token)
    if verb.i == token.i and token.pos_ not in ("VERB", "AUX"):
        return None
    if _in_adverbial(token, verb, ("before", "ahead")):
        return None  # "before talks with X": the clause does not say whether they happened
    if _in_adverbial(token, verb, ("during",)) and verb.i != token.i:
        # "X urged Y ... during a call": the call is the setting of what the clause
        # reports, held unless the clause is set in the future
        chain = _verb_chain(verb)
        future = any(
            c.dep_ == "aux" and c.lower_ in FUTURE_AUX for link in chain for c in link.children
        )
        return "scheduled" if future else "held"
    if (
        verb.dep_ in ("xcomp", "advcl")
        and lemma(verb.head) == "agree"
        and verb.head.i != verb.i
        and _in_adverbial(token, verb, ("in", "at"))
    ):
        # "agreed to swap prisoners in an hour-long meeting": the meeting is where the
        # agreement was made, so it takes the tense of "agree", not of what was agreed
        return _verb_mood(verb.head, 1)
    if _in_adverbial(token, verb, ("after", "following")):
        # "agreed to X after a call with Y": what a clause follows has happened, unless the
        # clause itself is set in the future ("will sign after the talks").
        own = _verb_mood(verb, 0)
        future = any(c.lower_ in FUTURE_AUX for c in verb.children if c.dep_ == "aux")
        return "scheduled" if own == "scheduled" and future else "held"
    subject = token
    if (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.lower_ in ("round", "rounds", "series", "session", "sessions")
        and token.head.head.head.i == verb.i
    ):
        subject = token.head.head  # "the third round of talks is set for Wednesday"
    if subject.dep_ in ("nsubj", "nsubjpass"):
        predicates = [c for c in verb.children if c.dep_ in ("acomp", "attr", "prep", "oprd")]
        if any(c.lower_ in IRREALIS_PREDICATES for c in predicates):
            return "hypothetical"
        if verb.lower_ in ("make", "makes") and any(
            c.dep_ == "dobj" and c.lower_ == "sense" for c in verb.children
        ):
            return "hypothetical"  # "a summit would only make sense once a deal is ready"
        if lemma(verb) in PLAN_VERBS or any(c.lower_ in _PLANNED for c in predicates):
            # "talks are set to begin", "the summit is due on Friday", "talks are planned"
            return _negated_or(verb, "scheduled")
        if any(_on_agenda(c) for c in predicates):
            return _negated_or(verb, "scheduled")
        if lemma(verb) == "be" and verb.tag_ in ("VBZ", "VBP"):
            return None  # "the talks are important": says nothing of when
    # "called for a ceasefire and for direct negotiations", "wants a truce and talks": a
    # coordinated object or prepositional phrase fills the slot of the first one
    slot = token
    for _ in range(3):
        if slot.dep_ == "conj" and slot.head.i != slot.i:
            slot = slot.head
    prep = slot.head
    if slot.dep_ == "pobj" and prep.dep_ == "conj" and prep.head.pos_ == "ADP":
        prep = prep.head
    direct = (slot.dep_ == "dobj" and slot.head.i == verb.i) or (
        slot.dep_ == "pobj" and prep.head.i == verb.i
    )
    if direct and lemma(verb) in WISH_VERBS:
        return "hypothetical"  # "wants talks", "proposed a meeting"
    asked_for = slot.dep_ == "pobj" and prep.lower_ == "for" and prep.head.i == verb.i
    if asked_for and lemma(verb) in ("call", "push", "press", "appeal", "ask", "lobby"):
        return "hypothetical"  # "called for talks", "pressed for a summit"
    if direct and lemma(verb) in REFUSAL_VERBS:
        return "negated"  # "rejected talks", "ruled out a meeting"
    planned_for = slot.dep_ == "dobj" or (slot.dep_ == "pobj" and prep.lower_ == "for")
    if direct and planned_for and lemma(verb) in PLAN_VERBS - {"announce"}:
        # "prepares for the conversation", "arranged a meeting": what is prepared or
        # arranged is still to come
        return _negated_or(verb, "scheduled")
    if lemma(verb) == "be" and any(
        c.dep_ == "acomp" and c.lower_ in _PLANNED - {"likely"} for c in verb.children
    ):
        # "X is due in Y on Friday for talks with Z": the talks its subject is due at
        return _negated_or(verb, "scheduled")
    return _verb_mood(verb, 0)


_REPORT_NOUNS = frozenset(
    {"report", "reports", "claim", "claims", "rumour", "rumours", "rumor", "rumors"}
    | {"allegation", "allegations", "suggestion", "suggestions", "story", "stories"}
)
_DENIAL_VERBS = frozenset(
    f"{stem}{end}"
    for stem, ends in (
        ("den", ("y", "ies", "ied", "ying")),
        ("dismiss", ("", "es", "ed", "ing")),
        ("reject", ("", "s", "ed", "ing")),
        ("refut", ("e", "es", "ed", "ing")),
        ("debunk", ("", "s", "ed", "ing")),
    )
    for end in ends
)
"""Verbs (every form) that deny what their object reports."""
_FALSE_WORDS = frozenset(
    {"untrue", "false", "fake", "baseless", "groundless", "wrong", "inaccurate", "fabricated"}
)


def _framing_past(token: Token) -> bool:
    """Whether a contact noun frames a clause told in the past ("In a call on Sunday, X
    pressed Y to ...", "During the meeting, X urged Y ..."): whatever the verb asks for, the
    contact it is framed by took place."""
    verb = _clause_verb(token)
    return (
        verb.i != token.i
        and verb.tag_ == "VBD"
        and _in_adverbial(token, verb, ("in", "during"))
        and not any(c.dep_ == "neg" for c in verb.children)
    )


def _denied_report(token: Token) -> bool:
    """ "Peskov denied reports that X had met Y", "dismissed as false a report that...",
    "reports that X and Y held talks were untrue": a contact told only inside a report that
    the sentence denies did not take place."""
    verb = token if token.pos_ in ("VERB", "AUX") else _clause_verb(token)
    report = verb.head
    if verb.dep_ not in ("acl", "ccomp") or report.lower_ not in _REPORT_NOUNS:
        return False
    governor = report.head
    if report.dep_ == "pobj" and governor.pos_ == "ADP":
        governor = governor.head  # "dismissed as false a report that..."
    if report.dep_ in ("dobj", "pobj") and governor.lower_ in _DENIAL_VERBS:
        return True
    return report.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ in ("acomp", "attr") and c.lower_ in _FALSE_WORDS for c in governor.children
    )


def _readiness_for(token: Token) -> bool:
    """ "Kyiv is ready for a new round of talks", "open to a meeting", "eager for talks": a
    contact that a predicate of readiness takes as its object is only a possibility."""
    noun = token
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "ready for a round of talks": the round is the object
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("for", "to") or prep.head.pos_ != "ADJ":
        return False
    return prep.head.lower_ in HYPOTHETICAL_ADJECTIVES | {"prepared"}


_MASS_CONTACT_NOUNS = frozenset({"negotiation", "dialogue", "diplomacy", "mediation"})


def _generic(token: Token) -> bool:
    """A contact noun used as a mass noun, with no article, possessive or number ("dialogue
    and negotiation", "through negotiation"): the practice in general, not one contact."""
    return (
        token.tag_ == "NN"
        and token.lower_ in _MASS_CONTACT_NOUNS
        and not any(c.dep_ in ("det", "poss", "nummod") for c in token.children)
        and not (
            token.dep_ == "conj" and any(c.dep_ in ("det", "poss") for c in token.head.children)
        )
    )


def _listed_as_possible(token: Token) -> bool:
    """ "The possible meetings include a meeting between X and Y, a meeting between Z and W":
    a contact listed as one of a set of possible ones is itself only possible."""
    verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or lemma(verb) not in ("include", "involve"):
        return False
    if any(c.dep_ == "nsubj" and token in c.subtree for c in verb.children):
        return False  # the contact is in the subject, not among the listed ones
    return any(
        t.dep_ == "amod" and t.lower_ in HYPOTHETICAL_ADJECTIVES - {"direct", "future"}
        for s in verb.children
        if s.dep_ == "nsubj"
        for t in s.subtree
    )


def _aggregate(token: Token) -> bool:
    """ "two meetings", "three rounds of talks", "several calls": a count of contacts."""
    head = token
    if (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.lower_
        in (
            "rounds",
            "sessions",
        )
    ):
        head = token.head.head  # "three rounds of talks"
    if not head.tag_.endswith("S") and head.lower_ not in ("talks", "negotiations"):
        return False
    return any(
        (c.dep_ == "nummod" and c.lower_ not in ("one", "1"))
        or (c.dep_ == "amod" and c.lower_ in ("several", "many", "numerous", "multiple"))
        for c in head.children
    )


def _called_off(token: Token) -> bool:
    """ "The summit was shelved", "plans for a meeting have been put on hold", "called off
    the talks", "X summit scrapped" (a headline): a contact, or the plan for one, that a verb
    of cancelling takes as its patient will not happen."""
    patient = token
    if (
        token.dep_ == "pobj"
        and token.head.lower_ in ("for", "of")
        and token.head.head.lower_ in PLAN_NOUNS
    ):
        patient = token.head.head  # "plans for a summit"
    elif token.dep_ == "compound" and token.head.lower_ in PLAN_NOUNS:
        patient = token.head  # "summit plans"
    if patient.i != token.i and _plan_fails(patient):
        return True
    verb = patient.head
    children = list(verb.children)
    if (
        patient.dep_ == "nsubj"
        and lemma(verb) == "be"
        and any(_on_hold(c) for c in children if c.dep_ == "prep")
    ):
        return True  # "the summit is on hold", "plans for a meeting were on ice"
    if patient.dep_ == "nsubj":
        # the subject of an active verb is its agent, unless the verb is a bare participle
        # ("Budapest summit shelved", "the talks, postponed twice, were ...")
        if verb.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("dobj", "aux") for c in children):
            return False
    elif patient.dep_ not in ("nsubjpass", "dobj"):
        return False
    return _cancels(verb)


def _plan_fails(plan: Token) -> bool:
    """Whether the first verb of the clause after a plan noun says it came to nothing:
    "summit plans stall", "plans for a summit ..., appeared to have been put on hold", "the
    summit idea fades" (read along the words: the parser often misreads such headlines;
    talks that collapsed took place, so only a plan fails)."""
    for word in plan.doc[plan.i + 1 :]:
        if word.is_punct and word.text in (";", ":", "?", "!"):
            return False
        if word.pos_ not in ("VERB", "AUX") or word.dep_ in ("aux", "auxpass", "acl", "relcl"):
            continue
        verb = word
        if verb.lower_ in RAISING_VERBS:
            verb = next((c for c in verb.children if c.dep_ == "xcomp"), verb)
        return verb.lower_ in FAILING_VERBS or _cancels(verb)
    return False


def _cancels(verb: Token) -> bool:
    """ "shelved", "called off", "put on hold / on ice"."""
    children = list(verb.children)
    base = lemma(verb)
    if base in CANCEL_VERBS:
        return True
    if base == "call":
        return any(c.dep_ == "prt" and c.lower_ == "off" for c in children)
    return base == "put" and any(c.dep_ == "prep" and _on_hold(c) for c in children)


def _on_hold(preposition: Token) -> bool:
    return preposition.lower_ == "on" and any(
        o.lower_ in ("hold", "ice") for o in preposition.children
    )


_PLANNED = frozenset({"due", "set", "scheduled", "planned", "expected", "slated", "likely"})


def _on_agenda(token: Token) -> bool:
    return token.lower_ == "on" and any(
        c.lower_ in ("agenda", "cards", "table") for c in token.children if c.dep_ == "pobj"
    )


def _negated_or(verb: Token, mood: str) -> str:
    return "negated" if any(c.dep_ == "neg" for c in verb.children) else mood


def _habitual(children: list[Token]) -> bool:
    """ "spoke several times", "met repeatedly", "talk regularly": many contacts, none told."""

    def many(noun: Token) -> bool:
        return noun.lower_ in ("times", "occasions") and any(
            c.lower_ in ("several", "many", "numerous", "multiple") for c in noun.children
        )

    for child in children:
        if child.dep_ == "advmod" and child.lower_ in HABITUAL_ADVERBS:
            return True
        if child.dep_ in ("npadvmod", "advmod", "dobj") and many(child):
            return True
        if child.dep_ == "prep" and child.lower_ == "on" and any(many(o) for o in child.children):
            return True
    return False


HEDGE_ADVERBS = frozenset({"likely", "probably", "possibly", "perhaps", "maybe"})
HABITUAL_ADVERBS = frozenset(
    {"repeatedly", "regularly", "often", "frequently", "routinely", "constantly"}
)


def _verb_mood(verb: Token, depth: int) -> str | None:
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children):
        return "negated"
    if _habitual(children):
        return "hypothetical"  # no one contact is told
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in children):
        return "hypothetical"
    if any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("if", "unless", "provided") for m in c.children)
        for c in children
    ):
        return "hypothetical"  # "would meet X only if a ceasefire were in place"
    auxes = [c.lower_ for c in children if c.dep_ in ("aux", "auxpass")]
    temporal = any(
        c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "once", "until") for c in children
    )
    if temporal and verb.tag_ in ("VBZ", "VBP") and not auxes:
        # "When X sits down with Y this week, he will...": the present of a time clause
        # is the future of the clause it hangs on.
        main = verb.head
        main_auxes = [c.lower_ for c in main.children if c.dep_ == "aux"]
        future = any(a in FUTURE_AUX for a in main_auxes) or (
            # "said he would raise it when X visits Y": the future of reported speech
            any(a in WOULD_AUX for a in main_auxes)
            and any(
                lemma(a) in REPORTING_VERBS and a.tag_ in ("VBD", "VBN", "VBZ")
                for a in main.ancestors
            )
        )
        return "scheduled" if future else None
    if any(a in MODAL_AUX for a in auxes):
        return "hypothetical"
    if any(c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS for c in children):
        return "hypothetical"  # "would likely take place", "will probably meet"
    if any(a in FUTURE_AUX for a in auxes):
        return "scheduled"
    if any(a in WOULD_AUX for a in auxes):
        return "scheduled" if _reported(verb) else "hypothetical"
    head = verb.head
    controlled = (
        verb.dep_ == "advcl"
        and "to" in auxes
        and lemma(head) in WISH_VERBS | REFUSAL_VERBS | PLAN_VERBS
    )  # "urged X to agree": the parser often hangs the infinitive as an adverbial
    if (verb.dep_ in ("xcomp", "ccomp", "acomp") or controlled) and head.i != verb.i and depth < 3:
        base = lemma(head)
        if verb.dep_ == "xcomp" or "to" in auxes:
            if base in REFUSAL_VERBS:
                return "negated"
            if base in WISH_VERBS:
                return "hypothetical"
            if head.lower_ == "prepared" and any(
                lemma(c) == "be" for c in head.children if c.dep_ in ("aux", "auxpass")
            ):
                return "hypothetical"  # "was prepared to meet": willing
            if base in PLAN_VERBS or base in ("due", "set", "go"):
                outer = _verb_mood(head, depth + 1)
                return "negated" if outer == "negated" else "scheduled"
            if base in HYPOTHETICAL_ADJECTIVES:
                return "hypothetical"
            if base == "be":  # "is to meet", "is ready to meet"
                for child in head.children:
                    if child.dep_ == "acomp" and child.lower_ in HYPOTHETICAL_ADJECTIVES:
                        return "hypothetical"
                    if child.dep_ == "acomp" and child.lower_ in ("due", "set", "scheduled"):
                        return "scheduled"
                return "scheduled"
            outer = _verb_mood(head, depth + 1)
            if outer in ("negated", "hypothetical", "scheduled"):
                return outer
    if (
        verb.dep_ == "acomp" or (verb.dep_ == "xcomp" and head.pos_ == "ADJ")
    ) and head.lower_ in HYPOTHETICAL_ADJECTIVES:
        return "hypothetical"
    if "to" in auxes and verb.dep_ in ("xcomp", "advcl", "relcl", "acl"):
        if head.pos_ in ("ADJ",) and head.lower_ in HYPOTHETICAL_ADJECTIVES:
            return "hypothetical"
        if verb.dep_ in ("xcomp", "advcl") and lemma(head) in TRIP_VERBS and depth < 3:
            # "will travel to X to meet Y": the purpose of a journey shares its mood
            return _verb_mood(head, depth + 1)
        return None
    tag = verb.tag_
    if verb.dep_ == "conj" and set(auxes) <= {"to"} and depth < 3 and verb.head.i != verb.i:
        return _verb_mood(verb.head, depth + 1)  # "urged X to agree ... and to hold talks"
    if tag == "VBG" and not auxes and verb.dep_ in ("advcl", "xcomp") and depth < 3:
        return _verb_mood(head, depth + 1)  # "spent two hours discussing": as "spent"
    if (
        tag in ("VB", "VBP")
        and not auxes
        and verb.dep_ == "ccomp"
        and head.i != verb.i
        and lemma(head) in WISH_VERBS
    ):
        return "hypothetical"  # "proposed that X and Y meet": the subjunctive of a wish
    if tag == "VB" and not auxes and verb.dep_ == "ccomp" and head.i != verb.i and depth < 3:
        # "agreed to have their teams start negotiations": a bare infinitive under a verb of
        # causing has the mood of that verb
        return _verb_mood(head, depth + 1)
    if tag == "VBN" and not auxes and verb.dep_ == "acl" and depth < 3:
        # "will send a delegation headed by X to the talks": a participle that qualifies a
        # noun has no tense of its own; the verb that holds the noun gives it
        outer_verb = _clause_verb(verb.head)
        if outer_verb.pos_ in ("VERB", "AUX") and outer_verb.i != verb.i:
            outer = _verb_mood(outer_verb, depth + 1)
            if outer is not None:
                return outer
    if tag in ("VBD", "VBN"):
        return "held"
    if tag in ("VBZ", "VBP"):
        return "held"
    if tag == "VBG" and any(a in ("is", "are", "was", "were") for a in auxes):
        return "held"
    return None


def _reported(verb: Token) -> bool:
    """Whether `verb` sits in the complement of a past reporting verb (reported speech)."""
    head = verb
    for _ in range(3):
        if head.dep_ not in ("ccomp", "conj", "xcomp") or head.head.i == head.i:
            return False
        head = head.head
        if lemma(head) in REPORTING_VERBS | {"agree", "expect", "hope"} and head.tag_ in (
            "VBD",
            "VBN",
            "VBZ",
        ):
            return True
    return False


def _read(doc_text: str) -> tuple[Contact, ...]:
    doc = _parse(doc_text)
    out: list[Contact] = []
    for token in doc:
        found, call = _is_contact(token)
        if not found:
            continue
        people: dict[int, Person] = {}
        parties: set[str] = set()
        antecedents: set[int] = set()
        seat = _seat(token)
        if seat is not None and countries.side_of(_country_of_token(seat) or "") in (
            "RU",
            "UA",
            "US",
        ):
            seat = None  # "Washington hosted the talks": the state of a side, by its capital
        for filler in _slot_fillers(token, antecedents):
            if any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "not") for c in filler.children):
                continue  # "with no Ukrainian in the room"
            if seat is not None and filler.i == seat.i:
                continue  # "Riyadh, the Saudi capital, hosted the talks": a city, no side
            _expand(filler, people, parties, person=filler.i in antecedents)
        out.append(
            Contact(
                start=token.idx,
                end=token.idx + len(token.text),
                lemma=lemma(token),
                call=call,
                mood=mood(token),
                people=tuple(people.values()),
                parties=frozenset(parties),
                framing=_frames_contact(token),
                places=_places(token),
                open_subject=_open_pronoun(token),
                open_group=_open_group(token),
                days=_days(token),
                commented=_commented(token),
                host=_host(token),
            )
        )
        if token.pos_ == "VERB":
            again, later = _gapped(token, call, out[-1])
            if again:
                # the partners after "and then" are not on the first contact
                out[-1] = replace(
                    out[-1], people=tuple(p for p in out[-1].people if p.start not in later)
                )
            out += again
    return tuple(out)


_THEN = frozenset({"then", "later", "afterwards", "next"})


def _gapped(verb: Token, call: bool, first: Contact) -> tuple[list[Contact], set[int]]:
    """The contacts a verb of talking makes again without being repeated ("spoke with X and
    then with Y", "will speak to X on Monday and then to Y"): the subject's contact with each
    partner after the conjunction ("will meet X on Monday and then Y" too); and where those
    partners' names start."""
    out: list[Contact] = []
    later: set[int] = set()
    subjects: dict[int, Person] = {}
    subject_sides: set[str] = set()
    for subject in _subjects(verb):
        if subject.lower_ in ("he", "she"):
            speaker = _speaker_for_pronoun(verb)
            if speaker is not None:
                _expand(speaker, subjects, subject_sides, person=True)
        else:
            _expand(subject, subjects, subject_sides)
    for conj in verb.children:
        then = any(c.dep_ == "advmod" and c.lower_ in _THEN for c in conj.children)
        gapped = conj.dep_ == "conj" and conj.pos_ == "ADP"  # "spoke with X and then with Y"
        if conj.lower_ in ("with", "to") and (gapped or (then and conj.dep_ == "prep")):
            # "would speak to X on Sunday and then to Y"
            partners = [o for o in conj.children if o.dep_ == "pobj" and _can_be_side(o)]
        elif then and conj.dep_ == "conj" and conj.ent_type_ == "PERSON":
            partners = [conj]
        else:
            continue
        if not partners:
            continue
        people = dict(subjects)
        parties = set(subject_sides)
        own: dict[int, Person] = {}
        for partner in partners:
            _expand(partner, own, parties, conjuncts=False)
        people.update(own)
        later |= {p.start for p in own.values()}
        out.append(
            Contact(
                start=conj.idx,
                end=conj.idx + len(conj.text),
                lemma=first.lemma,
                call=call,
                mood=first.mood,
                people=tuple(people.values()),
                parties=frozenset(parties),
                days=tuple(_time_phrases(conj)),
            )
        )
    return out, later


_DISTRIBUTIVE = frozenset({"phone", "telephone", "call", "sound", "speak", "talk"})
"""Contact verbs whose coordinated subjects each hold their own contact with the object: a
phone call joins two people ("X and Y will phone Z" is two calls)."""
_TALKING = frozenset({"speak", "talk"})
"""Of those, the verbs that say nothing of a telephone: "X and Y talked with Z" is one
conversation unless told by phone or separately."""


def _separately(verb: Token) -> bool:
    return any(t.lower_ in ("separately", "respectively", "each") for t in verb.subtree)


@lru_cache(maxsize=2048)
def distributed(sentence: str) -> tuple[tuple[int, tuple[tuple[Person, ...], ...]], ...]:
    """Calls whose coordinated subjects each call the same partner ("X and Y prepared to
    sound out Z", "X and Y will phone Z on Monday"): per contact verb (its start), the people
    of each subject conjunct; not "X and Y spoke" (with each other) nor a joint call
    ("together", "jointly", "a joint call")."""
    doc = _parse(sentence)
    out: list[tuple[int, tuple[tuple[Person, ...], ...]]] = []
    for token in doc:
        if token.pos_ != "VERB" or lemma(token) not in _DISTRIBUTIVE:
            continue
        found, _ = _is_contact(token)
        if not found:
            continue
        partners = [c for c in token.children if c.dep_ == "dobj"]
        partners += _prep_objects(token, ("with", "to"))
        subjects = [c for c in token.children if c.dep_ == "nsubj"] or _subjects(token)
        if not partners or len(subjects) != 1:
            continue
        if any(t.lower_ in ("together", "jointly", "joint", "both") for t in token.subtree):
            continue
        if lemma(token) in _TALKING and not (_by_phone(token) or _separately(token)):
            continue  # "X and Y talked with Z's team": in one room, one contact
        conjuncts = [subjects[0]]
        for _ in range(4):
            nxt = [c for c in conjuncts[-1].children if c.dep_ == "conj"]
            if not nxt:
                break
            conjuncts.append(nxt[0])
        groups: list[tuple[Person, ...]] = []
        for conjunct in conjuncts:
            people: dict[int, Person] = {}
            _expand(conjunct, people, set(), conjuncts=False)
            if people:
                groups.append(tuple(people.values()))
        if len(groups) >= 2:
            out.append((token.idx, tuple(groups)))
    return tuple(out)


@lru_cache(maxsize=2048)
def main_subject(sentence: str) -> Person | None:
    """The person the sentence's main verb has for subject, when a clause before it holds
    the pronoun that stands for them ("In X, where he met Y, Z said..."): None otherwise."""
    doc = _parse(sentence)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    ent = _entity(subject) if subject is not None else None
    if ent is None or ent.label_ != "PERSON":
        return None
    if not any(t.lower_ in ("he", "she") and t.i < ent.start for t in doc):
        return None
    return Person(ent.text, ent.start_char, ent.end_char, person_side(ent))


@lru_cache(maxsize=2048)
def contacts(sentence: str) -> tuple[Contact, ...]:
    """The contact words of a sentence with their mood and sides (the sentence is parsed)."""
    return _read(sentence)


@lru_cache(maxsize=2048)
def people(sentence: str) -> tuple[Person, ...]:
    """Every person the sentence names, with the side its wording ties them to."""
    doc = _parse(sentence)
    return tuple(
        Person(e.text, e.start_char, e.end_char, person_side(e))
        for e in doc.ents
        if e.label_ == "PERSON"
    )


@lru_cache(maxsize=1024)
def sequenced(sentence: str) -> tuple[int, ...]:
    """Where the second of two contact verbs in sequence begins its phrase (the offset of the
    conjunction, or of "before"/"after"), when each has partners of its own and they differ
    ("X would call Y on Monday and would then talk to Z", "X is to meet Y on Thursday before
    flying to W to meet Z"): two contacts, not one with Y and Z."""
    doc = _parse(sentence)
    found = {c.start: c for c in _read(sentence)}
    out: list[int] = []
    for token in doc:
        first = found.get(token.idx)
        if first is None or token.pos_ != "VERB":
            continue
        own = {p.name for p in first.people} | first.parties
        for conj in token.children:
            second = found.get(conj.idx)
            if conj.dep_ != "conj" or second is None or conj.pos_ != "VERB":
                continue
            other = {p.name for p in second.people} | second.parties
            if own - other and other - own:
                cc = [c for c in token.children if c.dep_ == "cc" and token.i < c.i < conj.i]
                out.append(cc[-1].idx if cc else next(iter(conj.subtree)).idx)
        for conj in token.children:
            second = found.get(conj.idx)
            if second is None or second.start == first.start or conj.pos_ == "VERB":
                continue
            other = {p.name for p in second.people} | second.parties
            if own - other and other - own:
                # "spoke with X and then with Y": the verb made again for Y
                start = min(t.i for t in conj.subtree)
                if start > 0 and doc[start - 1].lower_ in ("and", "but"):
                    start -= 1
                out.append(doc[start].idx)
        for link in token.children:
            # "is due to meet X on Thursday before flying to Y to meet Z": what comes after
            # the first contact is a second one
            if link.dep_ != "prep" or link.lower_ not in ("before", "after") or link.i < token.i:
                continue
            for inner in link.subtree:
                second = found.get(inner.idx)
                if second is None or inner.pos_ != "VERB" or inner.i == token.i:
                    continue
                other = {p.name for p in second.people} | second.parties
                if own - other and other - own:
                    out.append(link.idx)
                    break
    return tuple(sorted(set(out)))


@lru_cache(maxsize=1024)
def towns(sentence: str) -> frozenset[str]:
    """Names the recogniser calls a geopolitical entity and no country table knows as a
    state: towns and cities, whether or not the places list has them."""
    return frozenset(
        e.text
        for e in _parse(sentence).ents
        if e.label_ == "GPE" and countries.code_of(e.text) is None
    )


@lru_cache(maxsize=1024)
def hosting(sentence: str) -> tuple[Person, ...]:
    """The people who host in `sentence`: the subjects of an active "host" ("Emir X hosted
    Y's and Z's officials in Doha")."""
    doc = _parse(sentence)
    people: dict[int, Person] = {}
    for token in doc:
        if token.pos_ == "VERB" and lemma(token) == "host":
            for subject in token.children:
                if subject.dep_ == "nsubj":
                    _expand(subject, people, set())
    return tuple(people.values())


MEMBER_VERBS = frozenset({"accompany", "join", "lead", "head", "represent", "travel"})
LIST_VERBS = frozenset({"include", "comprise"})
PARTICIPATION_VERBS = frozenset({"participate", "attend"})
"""Verbs whose subject was at the contact the article reports ("X also took part")."""
GROUP_NOUNS = frozenset({"group", "delegation", "delegations", "team", "side", "mission"})


def _lists_of(verb: Token) -> bool:
    """ "made up of", "composed of", "consisted of": a verb that lists a group's members."""
    word = verb.lower_
    if word in ("make", "makes", "made", "making"):
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    return word in ("composed", "consist", "consists", "consisted", "consisting")


@lru_cache(maxsize=2048)
def members(sentence: str) -> tuple[tuple[Person, ...], frozenset[str]]:
    """The people a sentence names as members of a delegation or party to a contact, and the
    sides those delegations belong to: "accompanied by X", "joined by X", "the team is led by
    X", "X will head the delegation", "travelling with X", "the delegation included X and Y",
    "the Kenyan delegation - X, Y and Z -"."""
    doc = _parse(sentence)
    people: dict[int, Person] = {}
    parties: set[str] = set()
    fillers: list[Token] = []
    for token in doc:
        base = lemma(token)
        if token.pos_ in ("VERB", "AUX") and base in MEMBER_VERBS:
            fillers += _prep_objects(token, ("by", "with"))
            # "headed by X, the head of ..., and his deputy Y": the parser hangs Y on the verb
            # (or hangs "deputy" there, Y in apposition)
            fillers += [
                c
                for c in token.children
                if c.dep_ == "conj" and (_named_person(c) or c.lower_ in ("deputy", "deputies"))
            ]
            if base in ("join", "accompany"):
                # "X was joined by Y": the one joined is there too
                fillers += [c for c in token.children if c.dep_ == "nsubjpass" and _named_person(c)]
            if base == "travel" and _prep_objects(token, ("with",)):
                # "X and Y will travel with him": whoever travels with a delegate is one
                fillers += [c for c in token.children if c.dep_ == "nsubj"]
            objects = [c for c in token.children if c.dep_ == "dobj"]
            teams = {t.i for t in doc if t.lower_ in SIDE_NOUNS | GROUP_NOUNS}
            if base in ("lead", "head", "represent") and any(
                o.lower_ in SIDE_NOUNS | GROUP_NOUNS
                or (o.lower_ == "one" and any(t < o.i for t in teams))
                or (base == "represent" and _country_of_token(o) is not None)
                for o in objects
            ):  # "X led the Ukrainian team, while Y headed the Russian one", "X represented
                # the United States"
                fillers += [c for c in token.children if c.dep_ == "nsubj"]
                fillers += objects
                if token.dep_ == "acl":
                    # "X, the aide heading the Russian group": the participle describes X
                    described = token.head
                    fillers.append(described.head if described.dep_ == "appos" else described)
        elif token.pos_ in ("VERB", "AUX") and base == "send" and _sends_people(token):
            # "Russia sent Foreign Minister X and aide Y": the delegates a side sent
            fillers += [c for c in token.children if c.dep_ == "dobj"]
        elif token.pos_ in ("VERB", "AUX") and _participates(token):
            fillers += [c for c in token.children if c.dep_ == "nsubj"]
            if base in ("lead", "head", "accompany", "join"):
                fillers += [c for c in token.children if c.dep_ == "nsubjpass"]
        elif token.pos_ in ("VERB", "AUX") and base in LIST_VERBS:
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            objects = [c for c in token.children if c.dep_ == "dobj"]
            if any(s.lower_ in SIDE_NOUNS for s in subjects):
                fillers += subjects
                fillers += objects
            elif (
                any(s.lower_ in ("it", "they") for s in subjects)
                and objects
                and all(_named_person(o) for o in objects)
            ):
                # "Ukraine's team was led by X. It also included Y and Z": a pronoun for the
                # team just told, whose members are named people
                fillers += objects
        elif token.pos_ in ("VERB", "AUX") and _lists_of(token):
            # "the Ukrainian team was made up of X, Y and Z", "consisted of X and Y"
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if any(s.lower_ in SIDE_NOUNS | GROUP_NOUNS for s in subjects):
                fillers += subjects
                fillers += _prep_objects(token, ("of",))
        elif token.lower_ in SIDE_NOUNS and token.pos_ == "NOUN":
            listed = [c for c in token.children if c.dep_ == "appos"]
            if listed:
                fillers += [token, *listed]
        elif token.lower_ in ("member", "members") and any(
            o.lower_ in GROUP_NOUNS | TEAM_NOUNS for o in _prep_objects(token, ("of",))
        ):
            # "X, chairman of ... and a member of the delegation": the apposition's head
            node = token
            while node.dep_ == "conj" and node.head.i != node.i:
                node = node.head
            if node.dep_ == "appos":
                fillers.append(node.head)
    for filler in fillers:
        if filler.lower_ in ("who", "that") and filler.head.dep_ == "relcl":
            filler = filler.head.head  # "X, who headed the team, said": X
        _expand(filler, people, parties)
    return tuple(people.values()), frozenset(parties)


@lru_cache(maxsize=2048)
def members_past(sentence: str) -> bool:
    """Whether the sentence names delegation members in the past tense: "X, who headed the
    team, said...", "Moscow sent a team led by X" (a participle takes the tense of the verb
    holding its noun), "X also took part"."""
    doc = _parse(sentence)
    for token in doc:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        if not (lemma(token) in MEMBER_VERBS | LIST_VERBS or _participates(token)):
            continue
        verb = token
        if token.tag_ == "VBN" and token.dep_ == "acl":
            verb = _clause_verb(token.head)
        if _past_up(verb):
            return True
    return False


def _past_up(verb: Token) -> bool:
    """Whether `verb`, or the nearest finite verb above an infinitive or bare form ("brought
    X face to face with a team headed by Y"), is in a past tense."""
    for _ in range(4):
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if verb.tag_ == "VBD" or auxes & {"was", "were", "had"}:
            return True
        finite = verb.tag_ in ("VBZ", "VBP") and verb.dep_ not in ("dobj", "pobj", "xcomp")
        if auxes & FUTURE_AUX or finite or verb.tag_ in ("VBN", "VBG") or verb.head.i == verb.i:
            return False  # "X, heading the group, told...": the telling's tense is not his
        verb = verb.head
    return False


def _sends_people(verb: Token) -> bool:
    """ "Russia sent X and Y" (to the talks): a side for subject, named people for object."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return (
        any(_country_of_token(s) is not None for s in subjects)
        and bool(objects)
        and all(o.ent_type_ == "PERSON" or _titled_person_head(o) for o in objects)
    )


def _named_person(token: Token) -> bool:
    """A token the recogniser puts in a person's name."""
    return token.ent_type_ == "PERSON" or _titled_person_head(token)


def _titled_person_head(token: Token) -> bool:
    ent = _entity(token)
    return ent is not None and ent.label_ == "PERSON"


def _participates(token: Token) -> bool:
    """ "X also took part", "X participated", "X attended the talks": taking part in a contact
    (not "took part in the fighting": an object, if any, is a contact noun)."""
    base = lemma(token)
    if base == "sit":
        # "X, who sat in on the meeting", "X sat at the table with both delegations": present
        if any(o.lower_ == "table" for o in _prep_objects(token, ("at",))):
            return True
        return any(c.dep_ == "prt" and c.lower_ == "in" for c in token.children) and any(
            o.lower_ in CONTACT_NOUNS or o.lower_ in ("round", "session")
            for o in _prep_objects(token, ("on",))
        )
    if base == "take":
        if not any(c.dep_ == "dobj" and c.lower_ == "part" for c in token.children):
            return False
    elif base not in PARTICIPATION_VERBS:
        return False
    if any(c.dep_ == "neg" for c in token.children):
        return False
    objects = [c for c in token.children if c.dep_ == "dobj" and c.lower_ != "part"]
    objects += _prep_objects(token, ("in",))
    return all(o.lower_ in CONTACT_NOUNS or o.lower_ in ("round", "session") for o in objects)


@lru_cache(maxsize=2048)
def recalled_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """Character spans of what a delegation line recalls of an earlier round: a past-tense
    relative clause on a member ("X will lead the team, X, who led it at the A talks") and
    an "after/since" phrase on a contact noun ("his return after the A rounds of last year")
    when the main verb is not itself past."""
    doc = _parse(sentence)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    out: list[tuple[int, int]] = []
    for token in doc:
        if token.dep_ == "relcl" and token.tag_ == "VBD":
            # "X, who led the Russian side at the A talks": the relative pronoun is its subject
            if not any(c.dep_ == "nsubj" and c.lower_ in ("who", "which") for c in token.children):
                continue
            span = list(token.subtree)
        elif (
            token.lower_ in ("after", "since")
            and root is not None
            and root.tag_ != "VBD"
            and token.head.i != root.i
            and (
                (token.dep_ == "prep" and any(_round_noun(o) for o in token.children))
                # the parser takes "rounds" in "after the A rounds of last year" for a verb
                or (token.dep_ == "mark" and _round_noun(token.head))
            )
        ):
            span = [token, *(t for t in token.head.subtree if t.i > token.i)]
            if token.dep_ == "prep":
                span = list(token.subtree)
        else:
            continue
        out.append((span[0].idx, span[-1].idx + len(span[-1].text)))
    # only a line that names members of its own round recalls another ("X, who led the
    # side in A, says..." tells the round in A)
    own = any(
        t.pos_ in ("VERB", "AUX")
        and (lemma(t) in MEMBER_VERBS | LIST_VERBS or _participates(t))
        and not any(a <= t.idx < b for a, b in out)
        for t in doc
    )
    return tuple(out) if own else ()


def _round_noun(token: Token) -> bool:
    return token.dep_ in ("pobj", "advcl") and (
        token.lower_ in CONTACT_NOUNS or token.lower_ in ("round", "rounds", "session", "sessions")
    )


@lru_cache(maxsize=2048)
def name_modifiers(sentence: str) -> frozenset[str]:
    """Names that only qualify a common noun ("ahead of the Trump deadline", "the Putin
    regime", "Trump administration officials"): no one is named as a person there. A contact
    noun ("the Putin-Trump summit"), a team or a title ("Trump envoy") keeps its names: other
    rules read those."""
    doc = _parse(sentence)
    # "Trump administration officials": the officials are there, not the one they serve
    kept = CONTACT_NOUNS | TEAM_NOUNS | VISIT_NOUNS | (SIDE_NOUNS - {"official", "officials"})
    found: set[str] = set()
    named: set[str] = set()
    for token in doc:
        if not token.text[:1].isupper() or token.pos_ not in ("PROPN", "ADJ", "NOUN"):
            continue
        head = token.head
        if (
            token.dep_ in ("compound", "amod")
            and head.i > token.i
            and head.pos_ == "NOUN"
            and head.is_lower
            and head.lower_ not in kept
            and not any(c.dep_ == "compound" for c in token.children)
            # a phrase of its own ("ahead of Trump deadline", "the Putin regime"), not a
            # headline's run of words ("Trump, Zelensky agree framework")
            and (
                head.dep_ in ("pobj", "compound")
                or any(c.dep_ in ("det", "poss") for c in head.children)
            )
        ):
            found.add(token.text)
        else:
            named.add(token.text)
    return frozenset(found - named)


def stated_at(sentence: str) -> frozenset[str]:
    """Places the sentence puts a statement in ("announced in New York", "told reporters in
    Kyiv"): where words were said, not where talks are."""
    doc = _parse(sentence)
    out: set[str] = set()
    for token in doc:
        if token.pos_ in ("VERB", "AUX") and lemma(token) in REPORTING_VERBS | SPEECH_VERBS:
            for obj in _prep_objects(token, ("in", "at")):
                ent = _entity(obj)
                if ent is not None:
                    out.add(ent.text)
    return frozenset(out)


@lru_cache(maxsize=2048)
def irrealis_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the phrases of contacts read as a wish or a denial ("to hold
    direct negotiations with Y's president"), less any contact stated inside them."""
    doc = _parse(sentence)
    found = {c.start: c for c in contacts(sentence)}
    out: list[tuple[int, int]] = []
    for token in doc:
        contact = found.get(token.idx)
        if contact is None or contact.mood not in ("hypothetical", "negated"):
            continue
        words = list(token.subtree)
        if any(
            (inner := found.get(t.idx)) is not None and inner.mood in ("held", "scheduled")
            for t in words
        ):
            continue
        out.append((words[0].idx, words[-1].idx + len(words[-1].text)))
    return tuple(out)


@lru_cache(maxsize=2048)
def statement_times(sentence: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the time phrases the parse puts on a verb of speaking that is no
    contact ("Speaking to reporters on Sunday after the talks, X said...", "X told CNN on
    Friday"): the day of a statement, never the day of the contact it mentions."""
    doc = _parse(sentence)
    out: list[tuple[int, int]] = []
    for token in doc:
        if token.pos_ not in ("VERB", "AUX") or lemma(token) not in REPORTING_VERBS | SPEECH_VERBS:
            continue
        if _is_contact(token)[0] or any(
            c.dep_ in ("dobj", "dative") and (c.ent_type_ == "PERSON" or c.lower_ in SIDE_NOUNS)
            for c in token.children
        ):
            continue  # "told his counterpart on Saturday that...": the telling is a contact
        clauses_at = [
            c.left_edge.i for c in token.children if c.dep_ in ("ccomp", "xcomp", "advcl")
        ]
        for child in token.children:
            if any(start < child.i for start in clauses_at if start > token.i):
                continue  # after the reported clause began: a misparse of its own time
            dated = child.dep_ in ("npadvmod", "tmod") and child.ent_type_ == "DATE"
            dated = dated or (
                child.dep_ == "prep"
                and child.lower_ == "on"
                and any(o.dep_ == "pobj" and o.ent_type_ == "DATE" for o in child.children)
            )
            words = list(child.subtree)
            if dated and 0 < child.i - token.i <= 5 and len(words) <= 6:
                # right after the verb ("told reporters on Friday"), and short: a long
                # phrase is the parser hanging a later clause on the verb
                out.append((words[0].idx, words[-1].idx + len(words[-1].text)))
    return tuple(out)


@lru_cache(maxsize=2048)
def acting(sentence: str) -> tuple[Person, ...]:
    """People who are the subject (or a coordinated subject) of a verb that is no contact
    word: "Z prepared to...", "Z reminded that...", "Z said"."""
    doc = _parse(sentence)
    out: dict[int, Person] = {}
    for token in doc:
        if token.pos_ not in ("VERB", "AUX") or _is_contact(token)[0]:
            continue
        if lemma(token) in HOLDING_VERBS | MEMBER_VERBS or _participates(token):
            continue  # "X held talks", "X led the team", "X took part"
        for subject in token.children:
            if subject.dep_ not in ("nsubj", "nsubjpass"):
                continue
            parties: set[str] = set()
            _expand(subject, out, parties, person=True)
    return tuple(out.values())
