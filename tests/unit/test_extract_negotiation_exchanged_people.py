"""People handed over in an exchange, and a go-between named by office (issue 14). Every
article here is invented for the test."""

from __future__ import annotations

from tests.unit.extracted import negotiations_in

THURSDAY_MORNING = "2022-09-22T09:30:00+00:00"


def test_a_side_receiving_prisoners_and_a_named_man_meets_no_one() -> None:
    found = negotiations_in(
        "In return Russia received 48 prisoners and Viktor Medvedchuk, a former lawmaker who"
        " had been held in Ukraine since April.",
        THURSDAY_MORNING,
    )
    assert found == []


def test_the_crown_prince_named_by_office_is_the_one_the_article_names() -> None:
    found = negotiations_in(
        "Ten foreign fighters were flown to Riyadh after mediation led by Crown Prince"
        " Mohammed bin Salman.\n\n"
        "Volodymyr Zelenskyy said he had spoken by phone with the crown prince to thank him"
        " for his help with the prisoner exchange.",
        THURSDAY_MORNING,
    )
    assert [(e.format, e.parties, sorted(e.participants)) for e in found] == [
        ("call", ["SA", "UA"], ["Mohammed bin Salman", "Volodymyr Zelenskyy"])
    ]
