"""Country and institution names normalised to codes, from `data/countries.json`.

The table lists every country of the world (names, demonyms, a few capitals used as
metonyms) and the institutions that take part in talks (EU, NATO, UN, OSCE, ICRC...), each
with the side it stands on in the war: `RU` (Russia and its bloc), `UA`, `US`, `ALLY`
(Ukraine's European and allied supporters) or `MEDIATOR` (every other state or body, which
can broker or take part in talks). It only normalises a name the parser already found: it
never decides whether a word is a name.
"""

from __future__ import annotations

from functools import cache

from warwire.extract import gazetteer

_LEADING = ("the ", "The ")
_POSSESSIVE = ("'s", "'")


@cache
def _forms() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in gazetteer.country_rows():
        for form in (*row["names"], *row["adjectives"], *gazetteer.demonyms(row["adjectives"])):
            out.setdefault(form, row["code"])
            out.setdefault(form.lower(), row["code"])
    return out


def code_of(name: str) -> str | None:
    """The code of a country or institution named `name` ("Israel", "Israeli", "the
    Israelis", "the Kremlin", "Hungary's", "U.N."), or None when the table does not know the
    name."""
    text = " ".join(name.split())
    for lead in _LEADING:
        if text.startswith(lead):
            text = text[len(lead) :]
    for tail in _POSSESSIVE:
        if text.endswith(tail) and len(text) > len(tail) + 1:
            stem = text[: -len(tail)]
            found = _forms().get(stem) or _forms().get(stem.lower())
            if found:
                return found
    return _forms().get(text) or _forms().get(text.lower())


def side_of(code: str) -> str:
    """The side a country or institution stands on; unknown codes are allies' bodies."""
    return gazetteer.country_sides().get(code, "ALLY")


@cache
def institutions() -> frozenset[str]:
    """Codes of bodies rather than states (EU, NATO, UN, OSCE, ICRC...)."""
    return frozenset(row["code"] for row in gazetteer.country_rows() if row.get("institution"))


@cache
def capital(code: str) -> str | None:
    """The capital of a country, when the table names it (among the country's names, as a
    metonym, or as its `capital`) and the places list knows it as a city of that country."""
    places = gazetteer.places_by_name()
    for row in gazetteer.country_rows():
        if row["code"] != code:
            continue
        for name in [*row["names"], *([row["capital"]] if row.get("capital") else [])]:
            place = places.get(name)
            if place is not None and place.kind == "city" and place.country == code:
                return str(name)
    return None
