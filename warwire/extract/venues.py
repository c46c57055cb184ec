"""Landmarks where talks are held, normalised to their city (`data/venues.json`).

"Talks at the Kremlin" are talks in Moscow, "a meeting in the Oval Office" one in Washington;
a forum held in one city places the contacts on its sidelines there.
The table only maps a landmark's name to a city; whether a clause places the talks there is
the rule's business (a preposition of place before the name: "the Kremlin said" is no venue).
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

_PLACE_BEFORE = re.compile(
    r"(?<!according\s)\b(?:in|at|inside|to|"
    r"(?:sidelines|margins|fringes?)\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""A preposition of place, or a forum's sidelines: "met on the sidelines of the X"; "according
to the X" names a source."""


@cache
def _landmarks() -> tuple[re.Pattern[str], dict[str, str]]:
    with resources.files(__package__).joinpath("data", "venues.json").open(encoding="utf-8") as fh:
        rows = json.load(fh)["landmarks"]
    cities = {name: row["city"] for row in rows for name in row["names"]}
    names = sorted(cities, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    return pattern, cities


_SPOKEN_FROM = re.compile(
    r"\b(?:speaking|spoke|said|told|addressing|addressed|briefing|briefed)\b[^,;]{0,40}$",
    re.IGNORECASE,
)
"""Where a statement was made ("Speaking to reporters in the Oval Office, X said..."): no
place of the contact the statement tells of."""


def landmark_city(clause: str) -> str | None:
    """The city of the first landmark the clause places something at ("at the Kremlin")."""
    pattern, cities = _landmarks()
    for match in pattern.finditer(clause):
        if _PLACE_BEFORE.search(clause, max(0, match.start() - 24), match.start()):
            if _SPOKEN_FROM.search(clause, 0, match.start()):
                continue
            return cities[match.group(0)]
    return None
