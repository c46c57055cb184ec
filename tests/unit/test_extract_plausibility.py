"""Figures no single attack comes near, and numbers written as notation, never become counts.

Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.unit.test_extract import strikes
from warwire.extract.counts import find_numbers
from warwire.extract.quantities import read_sentence
from warwire.plausibility import CEILINGS, IMPLAUSIBLE, plausible


@pytest.mark.parametrize(
    "text",
    ["10^400", "10 ^ 400", "3*10", "2 × 10^6", "7×9"],
)
def test_powers_and_products_are_notation_not_counts(text: str) -> None:
    assert find_numbers(f"The army fired {text} shells.") == []


def test_plain_counts_next_to_other_signs_still_count() -> None:
    assert [v for v, _, _ in find_numbers("It fired 40 drones (and 3 missiles).")] == [40, 3]


@pytest.mark.parametrize(
    "sentence",
    [
        "Moscow launched 10^400 drones at Ukraine overnight, the air force said.",
        "Moscow launched 10 ^ 12 drones at Ukraine overnight, the air force said.",
        "Moscow launched 4 × 10^5 missiles at Ukraine overnight, the air force said.",
    ],
)
def test_the_parse_layer_reads_no_count_from_notation(sentence: str) -> None:
    assert read_sentence(sentence).values() == {}
    assert all(e.drones is None and e.missiles is None for e in strikes(sentence))


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ("Russia sent 888,888,888 drones against Ukraine overnight, the air force said.", "drones"),
        ("Russian bombs killed 999,999,999 people in Uman overnight, officials said.", "killed"),
        ("Ukraine fired 70,000 missiles at Russia overnight, Moscow claimed.", "missiles"),
    ],
)
def test_a_figure_above_the_ceiling_is_dropped_and_noted(body: str, field: str) -> None:
    [event] = strikes(body)
    assert getattr(event, field) is None
    assert field in event.evidence[IMPLAUSIBLE]


def test_a_plausible_figure_of_the_same_strike_survives_an_implausible_one() -> None:
    body = (
        "Russian bombs killed 999,999,999 people in Uman overnight, one channel claimed. "
        "The regional governor said eight people had been killed in Uman."
    )
    [event] = strikes(body)
    assert event.killed == 8
    assert IMPLAUSIBLE in event.evidence


def test_the_largest_real_figures_are_plausible() -> None:
    assert plausible("drones", 810) and plausible("missiles", 127) and plausible("killed", 600)
    assert all(not plausible(name, ceiling + 1) for name, ceiling in CEILINGS.items())
