"""Plausibility bounds on strike figures: a figure no single attack of this war comes near is
a misreading, a typo or hostile input, never news. Pure; used by the extractor (which drops
such a figure and notes it in the event's evidence) and by the alert rules (which never let
one raise or escalate an alert).

The ceilings are several times the largest figure reported for one attack so far (the
reasoning is in docs/extraction.md, "Plausibility bounds"):

- drones: the largest one-night waves were about 800 launched at Ukraine (September 2025)
  and about 500 claimed downed over Russia: ceiling 5,000;
- missiles: the largest waves were about 120-130 missiles: ceiling 1,000;
- killed: the deadliest single strikes were reported at about 60 dead, the highest estimate
  for one strike (a bombed theatre) at about 600: ceiling 2,000;
- injured: single strikes have left up to a few hundred wounded: ceiling 5,000.

A downed count is bounded like the launched count of its kind.
"""

from __future__ import annotations

CEILINGS: dict[str, int] = {
    "drones": 5_000,
    "drones_downed": 5_000,
    "missiles": 1_000,
    "missiles_downed": 1_000,
    "killed": 2_000,
    "injured": 5_000,
}

IMPLAUSIBLE = "implausible"
"""The evidence key under which an event notes the figures dropped as implausible."""


def plausible(name: str, value: int) -> bool:
    """Whether `value` can be the figure `name` of one attack (figures without a ceiling are)."""
    ceiling = CEILINGS.get(name)
    return value >= 0 and (ceiling is None or value <= ceiling)


def largest_plausible(name: str, values: list[int]) -> int:
    """The largest of `values` within the ceiling of `name` (0 when none is)."""
    return max((v for v in values if plausible(name, v)), default=0)
