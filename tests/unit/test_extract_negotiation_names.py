"""People's names in talks: a double-barrelled surname is one person, a pair of surnames
written as one compound is two. Every sentence here is invented for the test."""

from __future__ import annotations

from tests.unit.extracted import negotiations_in


def test_a_double_barrelled_surname_after_a_first_name_is_one_person() -> None:
    [talks] = negotiations_in(
        "Ukrainian negotiator Olena Kovalenko-Marchuk met Russian presidential aide Yuri "
        "Ushakov in Istanbul on Tuesday for talks on a ceasefire."
    )
    assert sorted(talks.participants) == ["Olena Kovalenko-Marchuk", "Yuri Ushakov"]


def test_two_surnames_joined_as_one_compound_are_two_people() -> None:
    [talks] = negotiations_in(
        "The Xi-Zelensky call on Tuesday covered a ceasefire, the Chinese foreign ministry said."
    )
    assert sorted(talks.participants) == ["Volodymyr Zelenskyy", "Xi Jinping"]
