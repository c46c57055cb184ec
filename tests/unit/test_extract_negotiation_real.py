"""Negotiation extraction on the wording of real reporting: long sentences the parser
misreads, translated punctuation, two meetings in one sentence.

Every sentence is invented, with people, places and countries the labelled sets do not use.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.extracted import negotiations_in
from warwire.extract.clauses import contacts

pytest.importorskip("spacy")


_negotiations = negotiations_in


def test_a_spaced_hyphen_ends_a_name() -> None:
    # "Vladimir Putin - Reuters said": the recogniser must not run the name into the source
    sentence = "Karl Nehammer will meet President Vladimir Putin on Tuesday - the APA agency said."
    meet = [c for c in contacts(sentence) if c.lemma == "meet"]
    assert meet
    assert "Vladimir Putin" in {p.name for p in meet[0].people}


def test_two_meetings_on_two_days_in_one_sentence_stay_two() -> None:
    events = _negotiations(
        "On Monday, the Austrian chancellor will go to Poland for talks with the president of "
        "that country Andrzej Duda, and then on Tuesday to Russia, where he plans to meet "
        "President Vladimir Putin - the APA agency said.",
        "2022-04-10T18:00:00+00:00",
    )
    # Austria and Poland are allies (no negotiation); Austria and Russia meet on Tuesday
    assert len(events) == 1
    event = events[0]
    assert event.parties == ["AT", "RU"]
    assert event.status == "scheduled"
    assert event.occurred_on == dt.date(2022, 4, 12)
    assert "Andrzej Duda" not in event.participants


def test_the_reporter_after_the_pronoun_is_not_he() -> None:
    # "he" is the chancellor, not the agency that reports it afterwards
    sentence = (
        "The Austrian chancellor travels to Russia on Tuesday, where he plans to meet "
        "Vladimir Putin - the APA agency said."
    )
    meet = [c for c in contacts(sentence) if c.lemma == "meet"]
    assert meet
    assert "AT" in meet[0].parties


def test_a_fronted_possessive_still_finds_its_subject() -> None:
    # cataphora in a fronted phrase is common: "In his call with Y, X warned..."
    sentence = (
        "In his phone call with the Turkish leader this afternoon, Petr Fiala warned that the "
        "war in Ukraine must end."
    )
    call = [c for c in contacts(sentence) if c.lemma == "call"]
    assert call
    assert "Petr Fiala" in {p.name for p in call[0].people}


@pytest.mark.parametrize(
    ("written", "official"),
    [
        ("Sergei Ławrow", "Sergey Lavrov"),
        ("Sergej Lawrow", "Sergey Lavrov"),
        ("Dmitrij Peskow", "Dmitry Peskov"),
        ("Wladimir Putin", "Vladimir Putin"),
        ("Siergiej Ławrowem", "Sergey Lavrov"),
        ("Dmitrija Peskowa", "Dmitry Peskov"),
    ],
)
def test_a_name_in_another_languages_spelling_is_the_official(written: str, official: str) -> None:
    from warwire.extract.people import Roster

    person = Roster([written]).resolve(written, None)
    assert person is not None
    assert person.name == official


def test_the_same_surname_with_another_first_name_is_someone_else() -> None:
    from warwire.extract.people import Roster

    person = Roster(["Jan Lawrow"]).resolve("Jan Lawrow", None)
    assert person is not None
    assert person.official is None


def test_to_sound_out_someone_is_a_contact() -> None:
    events = _negotiations(
        "The Kenyan president, William Ruto, will sound out Vladimir Putin on a ceasefire in "
        "Ukraine on Friday, his office said.",
        "2023-06-14T09:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].parties == ["KE", "RU"]
    assert events[0].status == "scheduled"
    assert events[0].occurred_on == dt.date(2023, 6, 16)


def test_a_sound_of_explosions_is_no_contact() -> None:
    sentence = (
        "Residents of Kharkiv heard the sound of explosions as Vladimir Putin met Xi Jinping."
    )
    assert not [c for c in contacts(sentence) if c.lemma == "sound"]


def test_who_sounds_out_someone_else_is_not_on_the_other_call() -> None:
    events = _negotiations(
        "Ahmed Attaf and Sergey Lavrov spoke by phone about a truce in Ukraine as the Brazilian "
        "president, Luiz Inacio Lula da Silva, and the Indian prime minister, Narendra Modi, "
        "prepared to sound out Volodymyr Zelenskyy later on Thursday.",
        "2023-06-15T09:00:00+00:00",
    )
    call = [e for e in events if "Sergey Lavrov" in e.participants]
    assert call
    assert "Luiz Inacio Lula da Silva" not in call[0].participants


def test_a_declined_surname_is_read_at_its_stem_only_for_a_listed_official() -> None:
    from warwire.extract.people import Roster

    for written in ("Olga Lavrova", "Jan Kowalskiego"):
        person = Roster([written]).resolve(written, None)
        assert person is not None
        assert person.official is None


def test_a_contact_tied_to_the_days_news_takes_its_day() -> None:
    events = _negotiations(
        "Russian drones struck Odesa overnight, officials said on Thursday. The strike came "
        "hours before a Ukrainian delegation was due to meet Turkish Foreign Minister Hakan "
        "Fidan in Ankara to discuss a ceasefire.",
        "2025-04-10T08:00:00+00:00",
    )
    talks = [e for e in events if e.venue == "Ankara"]
    assert talks
    assert talks[0].occurred_on == dt.date(2025, 4, 10)
    assert talks[0].status == "scheduled"


def test_a_participle_on_a_noun_takes_the_tense_of_its_verb() -> None:
    # "headed" has no tense of its own: "will send" makes the talks planned, on the next Friday
    sentence = (
        "Moldova will send a delegation headed by Foreign Minister Mihai Popsoi to Friday's "
        "talks with Russia in Baku, the president said on Tuesday."
    )
    talks = [c for c in contacts(sentence) if c.lemma == "talks"]
    assert talks
    assert talks[0].mood == "scheduled"


def test_a_participle_on_a_noun_after_a_past_verb_stays_held() -> None:
    sentence = (
        "Moldova sent a delegation headed by Foreign Minister Mihai Popsoi to the talks with "
        "Russia in Baku."
    )
    talks = [c for c in contacts(sentence) if c.lemma == "talks"]
    assert talks
    assert talks[0].mood == "held"
