"""The negotiation layer over the parse: mood, sides, people and countries.

Every sentence here is invented, with names, places and countries that the labelled sets do
not use, so the rules are tested as grammar, not as memory of articles.
"""

from __future__ import annotations

import datetime as dt

import pytest

from schemas.models import NegotiationEvent
from tests.unit.extracted import negotiations_in
from warwire.extract import countries
from warwire.extract.clauses import Contact, contacts, members
from warwire.extract.negotiations import valid_parties
from warwire.extract.people import Roster, strip_titles

pytest.importorskip("spacy")


def _only(sentence: str, word: str) -> Contact:
    found = [c for c in contacts(sentence) if sentence[c.start : c.end].lower() == word]
    assert found, f"no contact word {word!r} in {contacts(sentence)}"
    return found[0]


def _names(contact: Contact) -> set[str]:
    return {p.name for p in contact.people}


# --- countries -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Israel", "IL"),
        ("Israeli", "IL"),
        ("Chile's", "CL"),
        ("the Kremlin", "RU"),
        ("Peruvian", "PE"),
        ("Norway", "NO"),
        ("Vietnamese", "VN"),
        ("OSCE", "OSCE"),
        ("Narnia", None),
    ],
)
def test_country_names_normalise_to_codes(name: str, code: str | None) -> None:
    assert countries.code_of(name) == code


def test_sides_of_states_outside_the_war() -> None:
    assert countries.side_of("IL") == "MEDIATOR"
    assert countries.side_of("NO") == "ALLY"
    assert countries.side_of("BY") == "RU"


# --- mood ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "word", "mood"),
    [
        ("Chile's president met his Peruvian counterpart in Lima on Tuesday.", "met", "held"),
        (
            "The Kenyan and Tanzanian delegations will meet in Arusha next week.",
            "meet",
            "scheduled",
        ),
        ("Norway refused to hold talks with Iran.", "talks", "negated"),
        ("Egypt wants talks with Chile about the dispute.", "talks", "hypothetical"),
        ("Mongolia is ready to meet Kazakhstan if the border stays calm.", "meet", "hypothetical"),
        (
            "Officials said no meeting between Portugal and Vietnam was planned.",
            "meeting",
            "negated",
        ),
        (
            "The Chilean foreign minister said he would phone his Peruvian counterpart on Monday.",
            "phone",
            "scheduled",
        ),
        ("A meeting with the Ghanaian envoy could take place later.", "meeting", "hypothetical"),
        ("Talks between Senegal and Mali are set to begin on Friday.", "talks", "scheduled"),
        (
            "Talks between Senegal and Mali are impossible, the minister said.",
            "talks",
            "hypothetical",
        ),
        ("There were reports of secret talks between Laos and Thailand.", "talks", "hypothetical"),
        (
            "Bolivia agreed to reopen the border after a call with the Paraguayan leader.",
            "call",
            "held",
        ),
        ("The summit of Andean leaders is on the agenda for June.", "summit", "scheduled"),
    ],
)
def test_mood_of_a_contact(sentence: str, word: str, mood: str) -> None:
    assert _only(sentence, word).mood == mood


def test_a_verb_of_meeting_with_no_side_as_object_is_no_contact() -> None:
    sentence = "The factories could not meet the demand for shells."
    assert not [c for c in contacts(sentence) if c.lemma == "meet"]


# --- sides -----------------------------------------------------------------------------


def test_people_and_countries_in_the_slots_of_a_contact_verb() -> None:
    sentence = (
        "Indonesian President Budi Hartono met Vietnamese Prime Minister Tran Van Long in "
        "Hanoi on Tuesday, his spokesman Adi Wirawan said."
    )
    contact = _only(sentence, "met")
    assert _names(contact) == {"Budi Hartono", "Tran Van Long"}
    assert contact.parties == {"ID", "VN"}


def test_the_announcer_is_not_a_side() -> None:
    sentence = (
        "Kenyan President Amani Otieno spoke with Ethiopia's leader, his aide Wanjiru Kamau said."
    )
    contact = _only(sentence, "spoke")
    assert "Wanjiru Kamau" not in _names(contact)
    assert contact.parties >= {"KE", "ET"}


def test_a_title_in_apposition_gives_its_person_a_side() -> None:
    sentence = "Pedro Alvarez hosted Chile's foreign minister, Camila Rojas, for talks in Lima."
    contact = _only(sentence, "talks")
    people = {p.name: p.side for p in contact.people}
    assert people.get("Camila Rojas") == "CL"
    assert "Pedro Alvarez" in people


def test_the_leaders_of_two_countries_are_both_sides() -> None:
    sentence = (
        "The leaders of Austria and Greece spent an hour on the phone with Serbia's president on "
        "Sunday, the Austrian chancellery said."
    )
    contact = _only(sentence, "phone")
    assert contact.call
    assert contact.parties == {"AT", "GR", "RS"}


def test_sides_of_the_clause_framed_by_talks() -> None:
    sentence = (
        "After nine hours of talks in La Paz, the Peruvian and Bolivian delegations agreed on a "
        "prisoner swap."
    )
    assert _only(sentence, "talks").parties == {"PE", "BO"}


def test_a_pair_written_as_one_compound() -> None:
    contact = _only("The Hartono-Long call lasted an hour.", "call")
    assert _names(contact) == {"Hartono", "Long"}


def test_an_earlier_call_that_frames_a_clause_is_its_own_contact() -> None:
    sentence = "After his call with Otieno, Hartono phoned Tran Van Long."
    call = _only(sentence, "call")
    assert call.framing
    assert "Tran Van Long" not in _names(call)


def test_a_side_excluded_by_no_is_not_a_side() -> None:
    sentence = "Danish and Icelandic officials met in Oslo with no Swede in the room."
    assert "SE" not in _only(sentence, "met").parties


# --- people ----------------------------------------------------------------------------


def test_titles_are_not_part_of_a_name() -> None:
    assert strip_titles("President Amani Otieno") == "Amani Otieno"
    assert strip_titles("Mr Hartono") == "Hartono"


def test_a_surname_takes_the_fuller_form_the_article_gives() -> None:
    roster = Roster(["Indonesian President Budi Hartono arrived on Monday.", "Hartono met Long."])
    person = roster.resolve("Hartono", None)
    assert person is not None
    assert person.name == "Budi Hartono"


def test_a_side_once_given_is_remembered() -> None:
    roster = Roster(["Kenyan President Amani Otieno arrived."])
    assert roster.resolve("Amani Otieno", "KE") is not None
    later = roster.resolve("Amani Otieno", None)
    assert later is not None
    assert later.side == "KE"


def test_listed_officials_keep_their_canonical_spelling() -> None:
    roster = Roster([])
    person = roster.resolve("Dmitry Kuleba", None)
    assert person is not None
    assert person.name == "Dmytro Kuleba"
    assert person.side == "UA"


# --- which sides make a negotiation ----------------------------------------------------


def test_any_state_meeting_russia_about_the_war_is_a_negotiation() -> None:
    assert valid_parties({"RU", "NP"}, peace=False, war=True)
    assert not valid_parties({"RU", "NP"}, peace=False, war=False)


def test_allies_among_themselves_never_negotiate() -> None:
    assert not valid_parties({"UA", "NO", "DK"}, peace=True, war=True)
    assert not valid_parties({"UA", "EU"}, peace=True, war=True)


def test_a_neutral_state_with_ukraine_over_the_war() -> None:
    assert valid_parties({"UA", "ID"}, peace=False, war=True)


def test_a_neutral_state_with_an_ally_needs_peace_as_the_topic() -> None:
    assert valid_parties({"ID", "NO"}, peace=True, today=dt.date(2024, 1, 1))
    assert not valid_parties({"ID", "NO"}, peace=False, war=True)


def test_an_international_body_meeting_a_warring_side_is_a_mediator() -> None:
    assert valid_parties({"RU", "UN"}, peace=False)
    assert valid_parties({"UA", "OSCE"}, peace=False)
    assert not valid_parties({"UA", "EU"}, peace=False)


def test_two_leaders_discussing_is_a_contact() -> None:
    sentence = (
        "Aleksandar Vucic and Gustavo Petro spent two hours in Belgrade discussing ways to end "
        "the war."
    )
    contact = _only(sentence, "discussing")
    assert _names(contact) == {"Aleksandar Vucic", "Gustavo Petro"}
    assert contact.mood == "held"


def test_speaking_to_the_press_is_no_contact() -> None:
    sentence = "Speaking to Chilean media, Otieno said he wanted to meet Hartono."
    assert not [c for c in contacts(sentence) if c.lemma == "speak"]
    assert _only(sentence, "meet").mood == "hypothetical"


def test_naming_and_urging_uses_of_call_are_no_contact() -> None:
    assert not [c for c in contacts('Otieno called Hartono "a liar" on Friday.') if c.call]
    assert not [
        c for c in contacts("Norway called on Iran and Chile to resume talks.") if c.lemma == "call"
    ]


def test_a_question_asserts_no_contact() -> None:
    assert _only("Did the Kenyan and Tanzanian envoys meet in Arusha?", "meet").mood == (
        "hypothetical"
    )


def test_a_neutral_state_and_ukraine_need_the_war_as_topic() -> None:
    assert not valid_parties({"UA", "ID"}, peace=False, war=False)


def test_a_landmark_is_normalised_to_its_city_only_as_a_place() -> None:
    from warwire.extract.venues import landmark_city

    assert landmark_city("the two leaders met at the Kremlin on Friday") == "Moscow"
    assert landmark_city("the Kremlin said the call was useful") is None


def test_places_the_contact_is_put_in() -> None:
    sentence = "Otieno will hold talks with Hartono in Lviv on Thursday."
    assert "Lviv" in _only(sentence, "talks").places


def test_a_pronoun_subject_is_the_subject_of_the_clause_it_hangs_on() -> None:
    sentence = (
        "On Monday the Chilean president will fly to Lima, where he plans to meet Ana Morales."
    )
    contact = _only(sentence, "meet")
    assert "CL" in contact.parties
    assert contact.mood == "scheduled"


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Otieno was accompanied by Housing Minister Grace Achieng, who interpreted.",
            {"Grace Achieng"},
        ),
        (
            "The delegation included defence minister Pedro Alvarez and army chief Luis Ortega.",
            {"Pedro Alvarez", "Luis Ortega"},
        ),
        (
            "Ukraine's team is led by Rustam Kerimov; Russia's by Oleg Petrenko.",
            {"Rustam Kerimov", "Oleg Petrenko"},
        ),
    ],
)
def test_delegation_members(sentence: str, names: set[str]) -> None:
    people, _ = members(sentence)
    assert names <= {p.name for p in people}


def test_sitting_opposite_someone_is_a_contact() -> None:
    contact = _only("At the long table Hartono sat opposite Tran Van Long.", "sat")
    assert _names(contact) == {"Hartono", "Tran Van Long"}


def test_a_city_a_statement_was_made_in_is_not_a_venue() -> None:
    from warwire.extract.clauses import stated_at

    sentence = (
        "Otieno will meet the presidents of Chile and Peru in Lima, his aide announced in Nairobi."
    )
    assert "Nairobi" in stated_at(sentence)
    assert "Lima" in _only(sentence, "meet").places


def test_calling_a_meeting_useful_is_no_wish() -> None:
    sentence = "Otieno called his meeting with Ana Morales in Lima good and productive."
    contact = _only(sentence, "meeting")
    assert contact.mood == "held"
    assert {"Otieno", "Ana Morales"} <= _names(contact)


def test_calling_for_talks_is_a_wish() -> None:
    assert _only("Chile called for talks with Peru.", "talks").mood == "hypothetical"


def test_bringing_two_leaders_together_is_a_contact() -> None:
    sentence = "The Chilean president brought together Peru's leader and Bolivia's president."
    contact = _only(sentence, "brought")
    assert contact.parties >= {"CL", "PE", "BO"}


def test_an_office_speaking_for_its_principal() -> None:
    sentence = "Otieno's office confirmed that he would meet the Chilean president in Lima."
    contact = _only(sentence, "meet")
    assert "Otieno" in _names(contact)
    assert contact.mood == "scheduled"


def test_called_him_is_a_call_with_the_speaker() -> None:
    sentence = "Otieno said Chile's president called him on Saturday to discuss the border."
    contact = _only(sentence, "called")
    assert contact.call
    assert "Otieno" in _names(contact)
    assert "CL" in contact.parties


def test_a_pronoun_is_a_person_not_a_country() -> None:
    sentence = (
        "Otieno said on Tuesday that Peru could recover its land, a shift in tone after he met "
        "Ana Morales in Lima."
    )
    contact = _only(sentence, "met")
    assert "Otieno" in _names(contact)


def test_talks_ahead_of_the_clause_are_not_stated_as_held() -> None:
    sentence = "Otieno toured the port on Thursday before talks with Ana Morales."
    assert _only(sentence, "talks").mood is None


# --- whole articles (invented) -------------------------------------------------------


def _negotiations(title: str, body: str, published: str) -> list[NegotiationEvent]:
    return negotiations_in(body, published, title)


def test_an_article_about_a_neutral_mediator_in_moscow() -> None:
    events = _negotiations(
        "Nepal's premier in Moscow",
        "Vladimir Putin received Nepal's prime minister, Ram Bahadur Thapa, at the Kremlin on "
        "Saturday for talks on a ceasefire in Ukraine, Thapa's office said.",
        "2024-03-09T15:00:00+00:00",
    )
    assert len(events) == 1
    event = events[0]
    assert event.parties == ["NP", "RU"]
    assert set(event.participants) == {"Vladimir Putin", "Ram Bahadur Thapa"}
    assert event.venue == "Moscow"
    assert event.status == "held"
    assert event.occurred_on == dt.date(2024, 3, 9)


def test_talks_the_day_before_the_statement() -> None:
    events = _negotiations(
        "Thapa on his Moscow trip",
        "Ram Bahadur Thapa, Nepal's prime minister, said on Sunday that his talks with Vladimir "
        "Putin in Moscow the day before had been about a ceasefire in Ukraine.",
        "2024-03-10T12:00:00+00:00",
    )
    assert [e.occurred_on for e in events] == [dt.date(2024, 3, 9)]


def test_a_wish_to_meet_is_no_event() -> None:
    events = _negotiations(
        "Thapa wants to meet Putin",
        "Nepal's prime minister Ram Bahadur Thapa said he would like to meet Vladimir Putin to "
        "discuss a ceasefire in Ukraine if the Kremlin agreed.",
        "2024-03-10T12:00:00+00:00",
    )
    assert events == []


def test_a_country_glued_to_a_name_is_not_part_of_it() -> None:
    assert strip_titles("Peru Ana Morales") == "Ana Morales"
    assert strip_titles("President of Chile Camila Rojas") == "Camila Rojas"


def test_a_verb_subject_outside_every_contact_is_acting() -> None:
    from warwire.extract.clauses import acting

    sentence = "Hartono spoke with Otieno by phone, while Camila Rojas prepared a statement."
    assert "Camila Rojas" in {p.name for p in acting(sentence)}
    assert "Camila Rojas" not in _names(_only(sentence, "spoke"))


def test_those_who_travel_or_gather_for_talks_take_part() -> None:
    sentence = "Diplomats from Chile, Peru, Bolivia and Ecuador gathered in Lima for talks."
    assert _only(sentence, "talks").parties == {"CL", "PE", "BO", "EC"}
    sentence = "The Kenyan president flew to Arusha for talks with his Tanzanian counterpart."
    assert _only(sentence, "talks").parties == {"KE", "TZ"}


def test_a_round_set_in_an_earlier_year_is_background() -> None:
    events = _negotiations(
        "Lima 2019 recalled",
        "In March 2019, Chilean and Peruvian negotiators met in Lima and drafted a ceasefire "
        "that was never signed, but Russian and Ukrainian diplomats still cite it.",
        "2024-03-10T12:00:00+00:00",
    )
    assert all(e.background for e in events)


def test_a_papal_envoy_meeting_a_warring_side_over_peace() -> None:
    events = _negotiations(
        "Papal envoy in Kyiv",
        "Cardinal Pietro Bellini, the Pope's peace envoy, met Volodymyr Zelensky in Kyiv on "
        "Tuesday to discuss the return of deported children.",
        "2024-03-14T12:00:00+00:00",
    )
    assert [(e.parties, e.venue) for e in events] == [(["UA", "VA"], "Kyiv")]
    assert "Pietro Bellini" in events[0].participants


def test_a_name_dense_sentence_is_not_a_headline() -> None:
    events = _negotiations(
        "Nepal's Thapa in Moscow",
        "Nepalese Prime Minister Ram Bahadur Thapa met Vladimir Putin in Moscow on Friday to "
        "discuss a possible ceasefire in Ukraine, the Kremlin said.",
        "2024-03-15T15:00:00+00:00",
    )
    assert [set(e.participants) for e in events] == [{"Ram Bahadur Thapa", "Vladimir Putin"}]


def test_said_he_would_phone_is_a_scheduled_call() -> None:
    events = _negotiations(
        "Otieno to phone Putin",
        "Kenyan President Amani Otieno said on Sunday he would phone Vladimir Putin on Wednesday "
        "to press for a ceasefire in Ukraine.",
        "2024-03-10T12:00:00+00:00",
    )
    assert [(e.status, e.format, e.occurred_on) for e in events] == [
        ("scheduled", "call", dt.date(2024, 3, 13))
    ]


def test_two_calls_a_day_apart_are_two_events() -> None:
    events = _negotiations(
        "Two calls",
        "Kenyan President Amani Otieno spoke with Vladimir Putin by phone on Monday about a "
        "ceasefire in Ukraine. On Tuesday he spoke with Volodymyr Zelensky about the "
        "ceasefire proposal.",
        "2024-03-14T12:00:00+00:00",
    )
    people = sorted(sorted(e.participants) for e in events)
    assert people == [
        ["Amani Otieno", "Vladimir Putin"],
        ["Amani Otieno", "Volodymyr Zelenskyy"],
    ]


def test_the_tense_of_the_contact_verb_decides_held() -> None:
    events = _negotiations(
        "Putin receives Amorim",
        "Vladimir Putin received Celso Amorim, the Brazilian president's foreign policy "
        "adviser, at the Kremlin on Thursday to discuss a peace initiative for Ukraine.",
        "2025-03-14T15:00:00+00:00",
    )
    assert [(e.status, e.occurred_on, e.venue) for e in events] == [
        ("held", dt.date(2025, 3, 13), "Moscow")
    ]


def test_the_present_of_a_time_clause_is_the_future() -> None:
    sentence = (
        "When Otieno receives Chile's president in Nairobi on Sunday, trade will top the list."
    )
    assert _only(sentence, "receives").mood == "scheduled"


def test_the_day_of_the_talks_not_of_the_arrival() -> None:
    events = _negotiations(
        "Kenyan team in Arusha",
        "Kenya's delegation, led by Amani Otieno, arrived in Arusha on Sunday for ceasefire "
        "talks with Russian officials due to start on Monday.",
        "2025-03-14T15:00:00+00:00",
    )
    assert [(e.status, e.occurred_on) for e in events] == [("scheduled", dt.date(2025, 3, 17))]


def test_the_day_of_a_statement_is_not_the_contacts() -> None:
    sentence = "Otieno said on Friday he would meet Ana Morales on Sunday in Lima."
    assert "on Friday" not in _only(sentence, "meet").days


def test_a_call_during_which_leaders_urged_talks() -> None:
    sentence = (
        "Chilean President Camila Rojas urged Luis Arce on Saturday to agree to a truce and to "
        "hold direct talks with Paraguay's president, during an hour-long telephone call, "
        "officials said."
    )
    assert _only(sentence, "talks").mood == "hypothetical"
    call = _only(sentence, "call")
    assert call.mood == "held"
    assert {"Camila Rojas", "Luis Arce"} <= _names(call)


def test_the_topic_can_come_from_the_paragraph() -> None:
    events = _negotiations(
        "Otieno's call with Kyiv",
        "Volodymyr Zelensky said he had a long phone call with Kenya's president on Wednesday. "
        "'There can be no peace at the expense of our land,' Zelensky wrote afterwards.",
        "2024-03-14T12:00:00+00:00",
    )
    assert [e.parties for e in events] == [["KE", "UA"]]


def test_a_meeting_on_the_sidelines_of_a_forum_is_a_contact() -> None:
    events = _negotiations(
        "Otieno meets Zelensky in New York",
        "Kenyan President Amani Otieno met Ukrainian President Volodymyr Zelensky on the "
        "sidelines of the U.N. General Assembly on Tuesday to discuss a ceasefire.",
        "2025-09-23T19:00:00+00:00",
    )
    assert [e.parties for e in events] == [["KE", "UA"]]


def test_who_speaks_after_talks_with_someone_was_at_them() -> None:
    sentence = (
        "After talks in Lima with Ana Morales, Amani Otieno told journalists that peace was near."
    )
    assert "Amani Otieno" in _names(_only(sentence, "talks"))
    sentence = (
        "After talks with Ana Morales, spokesman Luis Ortega told journalists they went well."
    )
    assert "Luis Ortega" not in _names(_only(sentence, "talks"))


def test_a_nationality_without_an_office_is_no_side() -> None:
    from warwire.extract.clauses import private_countries

    sentence = (
        "Kenyan President Amani Otieno said as he met with Peruvian politician and writer "
        "Jorge Salas on Monday that peace was near."
    )
    assert "PE" in private_countries(sentence)
    sentence = "Kenyan President Amani Otieno met Peru's foreign minister on Monday."
    assert "PE" not in private_countries(sentence)
