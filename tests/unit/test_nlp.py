"""The linguistic layer: which model loads, memoised parses, one clear line without a model."""

from __future__ import annotations

import pytest

from warwire import cli
from warwire.extract import nlp


def test_a_model_is_installed_and_parses_entities() -> None:
    assert nlp.installed_model() in nlp.MODEL_PACKAGES
    doc = nlp.parse("Finnish President Sauli Niinisto flew to Tbilisi on Friday.")
    labels = {ent.text: ent.label_ for ent in doc.ents}
    assert labels.get("Sauli Niinisto") == "PERSON"
    assert labels.get("Tbilisi") == "GPE"
    assert labels.get("Finnish") == "NORP"


def test_parses_are_memoised_and_keep_the_input_order() -> None:
    first, second, again = nlp.parse_all(
        ["The talks ended late.", "Two drones fell near Poltava.", "The talks ended late."]
    )
    assert first is again
    assert second.text == "Two drones fell near Poltava."
    assert nlp.parse("The talks ended late.") is first


def test_without_a_model_the_commands_that_extract_say_so_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(nlp, "MODEL_PACKAGES", ("no_such_model_package",))
    assert nlp.installed_model() is None
    assert cli.main(["replay", "--offline", "nothing.jsonl", "--out", "unused"]) == 2
    message = capsys.readouterr().err.strip()
    assert len(message.splitlines()) == 1
    assert "nlp-model.txt" in message


def test_an_aside_between_spaced_dashes_is_parsed_as_one_in_brackets() -> None:
    sentence = "The U.S. side - Marco Rubio and Steve Witkoff - faced Sergei Lavrov."
    bracketed = nlp.dashes_as_brackets(sentence)
    assert bracketed == "The U.S. side ( Marco Rubio and Steve Witkoff ) faced Sergei Lavrov."
    assert len(bracketed) == len(sentence)


def test_hyphens_and_a_single_dash_are_left_alone() -> None:
    for sentence in ("U.S.-Russian talks - a first", "Kyiv - where sirens sounded at 3 a.m."):
        assert nlp.dashes_as_brackets(sentence) == sentence
