"""People who sit at one table are at one meeting (issue 14). Every article here is invented
for the test."""

from __future__ import annotations

from tests.unit.extracted import negotiations_in

THURSDAY_AFTERNOON = "2022-03-10T13:00:00+00:00"


def test_the_host_sitting_at_the_table_with_both_ministers_is_at_the_meeting() -> None:
    found = negotiations_in(
        "The Russian and Ukrainian foreign ministers met in Antalya on Thursday.\n\n"
        "Sergey Lavrov, Dmytro Kuleba and their Turkish host Mevlut Cavusoglu sat at a"
        " three-sided table.",
        THURSDAY_AFTERNOON,
    )
    assert [(e.parties, sorted(e.participants)) for e in found] == [
        (["RU", "TR", "UA"], ["Dmytro Kuleba", "Mevlut Cavusoglu", "Sergey Lavrov"])
    ]


def test_one_person_at_a_table_meets_no_one() -> None:
    found = negotiations_in(
        "The Russian and Ukrainian delegations met in Istanbul on Thursday.\n\n"
        "Mevlut Cavusoglu sat at a table in the lobby, waiting for news.",
        THURSDAY_AFTERNOON,
    )
    assert [(e.parties, e.participants) for e in found] == [(["RU", "UA"], [])]
