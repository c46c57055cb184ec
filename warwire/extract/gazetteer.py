"""Places, countries and officials, loaded once from the JSON data files beside this module.

Each list is matched with one regular expression built as a character trie, so a lookup costs
about the same whether a list holds fifty names or five thousand.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str
    kind: str
    occupied: bool = False
    """Held by Russia for much of the war: a strike there says nothing about who fired."""
    region: str | None = None
    """The region (oblast) a city lies in, by its canonical name."""
    satellite: bool = False
    """A suburb, airport town or village reported as part of its region's strike."""


@dataclass(frozen=True, slots=True)
class Official:
    name: str
    country: str
    role: str


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    side: str


@dataclass(frozen=True, slots=True)
class Mention(Generic[T]):
    item: T
    start: int
    end: int
    surface: str


def _trie(forms: list[str]) -> dict[str, Any]:
    """The forms as nested dicts, one level per character; "" marks where a form ends."""
    root: dict[str, Any] = {}
    for form in forms:
        node = root
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def trie_regex(forms: list[str]) -> str:
    """A regex alternation matching exactly `forms`, factored by common prefixes."""
    return _node_regex(_trie(forms))


def _node_regex(node: dict[str, Any]) -> str:
    terminal = "" in node
    branches = [
        re.escape(char) + _node_regex(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if terminal:
        return f"(?:{body})?"
    return body


def _word_start_trie(forms: list[str]) -> str:
    r"""`(?<!\w)(?<!\w-)` and then `trie_regex(forms)`, written with the look-behinds after
    each first character (the same test, one character later): a pattern that opens with a
    character lets the regex engine skip at C speed every place where no form begins, instead
    of trying the look-behinds at every character of the text."""
    root = _trie(forms)
    branches = [
        re.escape(char) + r"(?<!\w.)(?<!\w-.)" + _node_regex(child)
        for char, child in sorted(root.items())
        if char
    ]
    return "(?:" + "|".join(branches) + ")"


class Matcher(Generic[T]):
    """Finds any of a set of surface forms as whole words, longest first.

    `not_after` lists, for a form, words that must not stand right before it ("the Dnieper"
    is the river, "Dnieper" alone the city). A form followed by a hyphen and a lower-case word
    ("Kyiv-based") is not a mention, except before the words in `hyphen_ok` ("U.S.-mediated")."""

    def __init__(
        self,
        forms: dict[str, T],
        not_after: dict[str, list[str]] | None = None,
        hyphen_ok: tuple[str, ...] = (),
    ) -> None:
        self._forms = dict(forms)
        self._not_after = {
            form: tuple(f"{w.lower()} " for w in words) for form, words in (not_after or {}).items()
        }
        allowed = rf"(?!(?:{'|'.join(hyphen_ok)})\b)" if hyphen_ok else ""
        self._pattern = re.compile(rf"{_word_start_trie(list(forms))}(?!\w|-{allowed}[a-z])")

    def find(self, text: str) -> list[Mention[T]]:
        found: list[Mention[T]] = []
        for match in self._pattern.finditer(text):
            surface = match.group(0)
            item = self._forms.get(surface)
            if item is None:
                continue
            guards = self._not_after.get(surface)
            if guards and text[max(0, match.start() - 12) : match.start()].lower().endswith(guards):
                continue
            found.append(Mention(item, match.start(), match.end(), surface))
        return found


def _load(name: str) -> Any:
    with resources.files(__package__).joinpath("data", name).open(encoding="utf-8") as fh:
        return json.load(fh)


@cache
def place_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = _load("places.json")["places"]
    return rows


def _place(row: dict[str, Any]) -> Place:
    return Place(
        row["name"],
        row["country"],
        row["kind"],
        bool(row.get("occupied", False)),
        row.get("region"),
        bool(row.get("satellite", False)),
    )


@cache
def places_by_name() -> dict[str, Place]:
    return {row["name"]: _place(row) for row in place_rows()}


@cache
def places() -> Matcher[Place]:
    forms: dict[str, Place] = {}
    not_after: dict[str, list[str]] = {}
    by_name = places_by_name()
    for row in place_rows():
        place = by_name[row["name"]]
        names = [row["name"]] if row.get("match_name", True) else []
        for form in (*names, *row.get("variants", [])):
            forms.setdefault(form, place)
        not_after.update(row.get("not_after", {}))
    return Matcher(forms, not_after)


_SPELLING_FOLDS = (
    ("shch", "s"), ("szcz", "s"), ("kh", "h"), ("ch", "h"), ("cz", "h"), ("sh", "s"),
    ("sz", "s"), ("zh", "z"), ("rz", "z"), ("ts", "c"), ("tz", "c"), ("g", "h"), ("w", "v"),
    ("x", "ks"),
)  # fmt: skip
_VOWELS = re.compile(r"[aeiouyj'’`-]")
_DOUBLED = re.compile(r"(.)\1+")


def spelling_key(name: str) -> str:
    """A key that one place name shares with its other romanisations: "Charków", "Chersoń",
    "Stanica Ługańska" (Polish) and "Kharkov", "Lugansk" (Russian-style) key like "Kharkiv",
    "Kherson", "Stanytsia Luhanska". Accents dropped, the digraphs of Ukrainian, Russian and
    Polish romanisation folded (kh/ch/cz, sh/sz, zh/ż/rz, ts/c, g/h, w/v), vowels (which also
    carry the case endings of a translation: "Chersonia", "Charkowie") and doubled letters
    dropped."""
    words = []
    for word in name.split():
        word = unicodedata.normalize("NFKD", word.replace("ł", "l").replace("Ł", "L"))
        word = "".join(c for c in word if not unicodedata.combining(c)).lower()
        for digraph, folded in _SPELLING_FOLDS:
            word = word.replace(digraph, folded)
        words.append(_DOUBLED.sub(r"\1", _VOWELS.sub("", word)))
    return " ".join(words)


@cache
def places_by_spelling() -> dict[str, Place]:
    """Places by `spelling_key` of every form, where the key names one place only."""
    found: dict[str, set[str]] = {}
    for row in place_rows():
        for form in (row["name"], *row.get("variants", [])):
            found.setdefault(spelling_key(form), set()).add(row["name"])
    by_name = places_by_name()
    return {key: by_name[next(iter(names))] for key, names in found.items() if len(names) == 1}


@cache
def official_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = _load("officials.json")["officials"]
    return rows


@cache
def known_names() -> frozenset[str]:
    """Every listed official's name and variant, as written in the list."""
    return frozenset(
        form for row in official_rows() for form in (row["name"], *row.get("variants", []))
    )


@cache
def officials() -> Matcher[Official]:
    forms: dict[str, Official] = {}
    for row in official_rows():
        official = Official(row["name"], row["country"], row["role"])
        for form in (row["name"], *row.get("variants", [])):
            forms.setdefault(form, official)
    return _PeopleMatcher(forms)


_GIVEN_NAME_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]+)\s+$")
_NOT_GIVEN_NAMES = frozenset(
    {"President", "Prime", "Minister", "Sheikh", "Emir", "Crown", "Prince", "King", "Chancellor",
     "Secretary", "Envoy", "Mr", "Mrs", "Ms", "Dr", "General", "Premier", "Pope", "Cardinal",
     "Ambassador", "Aide", "Adviser", "Advisor", "Spokesman", "Spokeswoman", "Leader", "The",
     "Foreign", "Defence", "Defense", "Deputy", "Chief", "Senator", "Governor", "Mayor"}
)  # fmt: skip


class _PeopleMatcher(Matcher[Official]):
    """A listed official's partial form ("bin Zayed", a surname) right after a given name
    with another initial than the official's ("Abdullah bin Zayed" beside "Mohamed bin
    Zayed") names someone else; "Sergei Lavrov" is still "Sergey Lavrov"."""

    def find(self, text: str) -> list[Mention[Official]]:
        out: list[Mention[Official]] = []
        for mention in super().find(text):
            given = mention.item.name.split()[0]
            before = _GIVEN_NAME_BEFORE.search(text, max(0, mention.start - 20), mention.start)
            if (
                before is not None
                and mention.surface != mention.item.name
                and not mention.item.name.endswith(f"{before.group(1)} {mention.surface}")
                and before.group(1) not in _NOT_GIVEN_NAMES
                and before.group(1)[0] != given[0]
                and before.group(1) not in mention.item.name.split()  # "Tayyip Erdogan"
                and not countries().find(before.group(1))
            ):
                continue
            out.append(mention)
        return out


@cache
def country_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = _load("countries.json")["countries"]
    return rows


def demonyms(adjectives: list[str]) -> list[str]:
    """The plural nouns of a country's people made from its adjectives ("Americans",
    "Emiratis", "the Russians"): the adjectives in -n and -i take an -s."""
    return [
        f"{adjective}s"
        for adjective in adjectives
        if adjective[-1:] in ("n", "i") and adjective.replace("-", "").isalpha()
    ]


@cache
def countries() -> Matcher[Country]:
    forms: dict[str, Country] = {}
    for row in country_rows():
        country = Country(row["code"], row["side"])
        for form in (*row["names"], *row["adjectives"], *demonyms(row["adjectives"])):
            forms.setdefault(form, country)
    return Matcher(forms, hyphen_ok=("mediated", "brokered", "hosted", "led"))


@cache
def country_sides() -> dict[str, str]:
    return {row["code"]: row["side"] for row in country_rows()}


@cache
def mediator_since() -> dict[str, dt.date]:
    """Countries that became brokers of the talks at some date, by code."""
    return {
        row["code"]: dt.date.fromisoformat(row["mediator_since"])
        for row in _load("countries.json")["countries"]
        if row.get("mediator_since")
    }
