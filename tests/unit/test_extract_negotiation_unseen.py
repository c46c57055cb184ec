"""Negotiation extraction on reporting unlike the labelled sets (issue 14): readiness for a
contact, meetings within one side, denied reports and recalled calls.

Every sentence is invented; the people, places and days are not those of the labelled sets.
"""

from __future__ import annotations

import pytest

from tests.unit.extracted import negotiations_in

pytest.importorskip("spacy")


@pytest.mark.parametrize(
    "body",
    [
        "Kyiv is ready for a new round of talks with Moscow in Geneva, Ukraine's foreign "
        "minister said on Wednesday.",
        "The Kremlin spokesman said on Wednesday that the Russian side was eager for a third "
        "round of talks with the Americans in Jeddah.",
        "Ankara remains open to a fresh round of negotiations between the two delegations in "
        "Antalya, the Turkish foreign ministry said on Wednesday.",
        "Ukraine is ready for a meeting of the delegations in Vienna, its top diplomat said.",
    ],
)
def test_readiness_for_a_contact_is_no_contact(body: str) -> None:
    # "ready for", "open to", "eager for" with a noun: a possibility, neither held nor planned
    assert negotiations_in(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "The Ukrainian foreign ministry on Wednesday denied press reports that Ukrainian and "
        "Russian officials had met in Oman.",
        "Moscow dismissed as false a report that Russian and American negotiators held secret "
        "talks in Muscat on Monday.",
        "The Kremlin rejected claims that Putin and the U.S. president had held a phone call on "
        "Sunday.",
        "Reports that Russian and Ukrainian delegations met in Baku last week are untrue, the "
        "Kremlin said on Wednesday.",
    ],
)
def test_a_contact_told_only_in_a_denied_report_is_no_round(body: str) -> None:
    assert negotiations_in(body) == []
