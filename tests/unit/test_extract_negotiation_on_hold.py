"""A contact said to be on hold or on ice will not happen as planned: no event, as for one
called off or shelved. Every sentence here is invented."""

from __future__ import annotations

import pytest

from tests.unit.extracted import negotiations_in


@pytest.mark.parametrize(
    "body",
    [
        "The strike came a day after officials said a planned meeting between Vladimir Putin"
        " and Donald Trump in Vienna was on hold.",
        "Plans for a summit of Donald Trump and Vladimir Putin in Warsaw are now on ice, aides"
        " said.",
        "The meeting of Sergei Lavrov and Marco Rubio in Ankara has been put on hold, the"
        " ministry said.",
    ],
)
def test_a_contact_on_hold_is_no_event(body: str) -> None:
    assert negotiations_in(body) == []


def test_a_contact_still_planned_is_scheduled() -> None:
    [event] = negotiations_in(
        "Vladimir Putin and Donald Trump will meet in Vienna next week, officials said on Tuesday."
    )
    assert event.status == "scheduled" and event.venue == "Vienna"
