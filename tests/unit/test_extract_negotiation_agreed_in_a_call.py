"""A call and the meeting it agrees on (issue 14). Every article here is invented for the
test."""

from __future__ import annotations

import datetime as dt

from tests.unit.extracted import negotiations_in

WEDNESDAY_AFTERNOON = "2023-08-02T14:00:00+00:00"


def test_the_two_leaders_taken_up_after_a_call_give_it_its_subject() -> None:
    found = negotiations_in(
        "Vladimir Putin had a telephone conversation with Recep Tayyip Erdogan on Wednesday,"
        " the Kremlin said.\n\n"
        "The two leaders discussed reviving the grain deal.",
        WEDNESDAY_AFTERNOON,
    )
    assert [(e.format, e.parties, e.occurred_on) for e in found] == [
        ("call", ["RU", "TR"], dt.date(2023, 8, 2))
    ]


def test_a_meeting_agreed_in_a_call_is_another_contact_between_its_sides() -> None:
    found = negotiations_in(
        "Erdogan and Putin discussed the grain deal by phone on Wednesday.\n\n"
        "They agreed to meet in person soon.",
        WEDNESDAY_AFTERNOON,
    )
    assert sorted((e.status, e.format, e.parties, sorted(e.participants)) for e in found) == [
        ("held", "call", ["RU", "TR"], ["Recep Tayyip Erdoğan", "Vladimir Putin"]),
        ("scheduled", "in_person", ["RU", "TR"], ["Recep Tayyip Erdoğan", "Vladimir Putin"]),
    ]
