"""Places, countries and officials, loaded once from the JSON data files beside this module."""

from __future__ import annotations

import json
import re
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


class Matcher(Generic[T]):
    """Finds any of a set of surface forms, longest first, as whole words."""

    def __init__(self, forms: dict[str, T], ignore_case: bool = False) -> None:
        self._forms = {(k.lower() if ignore_case else k): v for k, v in forms.items()}
        self._ignore_case = ignore_case
        alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        flags = re.IGNORECASE if ignore_case else 0
        self._pattern = re.compile(rf"(?<![\w\-])(?:{alternation})(?![\w\-])", flags)

    def find(self, text: str) -> list[Mention[T]]:
        found: list[Mention[T]] = []
        for match in self._pattern.finditer(text):
            surface = match.group(0)
            key = surface.lower() if self._ignore_case else surface
            item = self._forms.get(key)
            if item is not None:
                found.append(Mention(item, match.start(), match.end(), surface))
        return found


def _load(name: str) -> Any:
    with resources.files(__package__).joinpath("data", name).open(encoding="utf-8") as fh:
        return json.load(fh)


@cache
def places() -> Matcher[Place]:
    forms: dict[str, Place] = {}
    for row in _load("places.json")["places"]:
        place = Place(row["name"], row["country"], row["kind"])
        for form in (row["name"], *row["variants"]):
            forms.setdefault(form, place)
    return Matcher(forms)


@cache
def officials() -> Matcher[Official]:
    forms: dict[str, Official] = {}
    for row in _load("officials.json")["officials"]:
        official = Official(row["name"], row["country"], row["role"])
        for form in (row["name"], *row["variants"]):
            forms.setdefault(form, official)
    return Matcher(forms)


@cache
def countries() -> Matcher[Country]:
    forms: dict[str, Country] = {}
    for row in _load("countries.json")["countries"]:
        country = Country(row["code"], row["side"])
        for form in (*row["names"], *row["adjectives"]):
            forms.setdefault(form, country)
    return Matcher(forms)


@cache
def country_sides() -> dict[str, str]:
    return {row["code"]: row["side"] for row in _load("countries.json")["countries"]}
