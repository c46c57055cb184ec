"""Strikes as real reporting tells them: without a count or weapon word, referred to in an
adjunct, dated by a time-of-day noun. Sentences are written for these tests (other towns,
numbers and wordings than any dev article)."""

from __future__ import annotations

import pytest

from tests.unit.test_extract import strikes

MORNING = "2026-03-10T07:00:00Z"


@pytest.mark.parametrize(
    "body",
    [
        "Referring to the night attacks of Russian troops on Chernihiv and other towns, the"
        " governor said the shelters must stay open.",
        "Commenting on the overnight strikes on Rivne, the mayor said the city would rebuild.",
        "Speaking about the night and morning attacks of the enemy on Poltava, the minister"
        " said air defence should be strengthened.",
    ],
)
def test_an_attack_presupposed_in_a_participial_adjunct_is_told_as_done(body: str) -> None:
    found = strikes(body, MORNING)
    assert len(found) == 1
    assert found[0].attacker == "RU"
    assert found[0].places
    assert found[0].occurred_on is not None


@pytest.mark.parametrize(
    "body",
    [
        "Referring to the threat of strikes on Odesa, he said Russia could attack again.",
        "Commenting on possible attacks on Kharkiv, the governor said shelters would stay open.",
        "Russia could launch new attacks on Chernihiv, the minister warned.",
        "Referring to attacks on Sumy, he said the air force would need more jets.",
    ],
)
def test_a_hedged_or_indefinite_attack_in_an_adjunct_stays_hedged(body: str) -> None:
    assert strikes(body, MORNING) == []
