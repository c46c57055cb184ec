"""Negotiation rules over general phenomena of reporting (issue 14): several contacts in one
article, statements about a contact, planned contacts, venues and visits.

Every sentence is invented, with people, places and countries the labelled sets do not use.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.extracted import negotiations_in
from warwire.extract.clauses import contacts, members, members_past, statement_times

pytest.importorskip("spacy")


_negotiations = negotiations_in


# --- several contacts in one article -----------------------------------------------------


def test_two_contacts_each_naming_both_sides_stay_two() -> None:
    events = _negotiations(
        "Earlier talks between Vietnamese Foreign Minister Bui Thanh Son and Russian Foreign "
        "Minister Sergey Lavrov covered the grain corridor.\n\n"
        "Vietnam's President Vo Van Thuong is set to speak with Russian President Vladimir "
        "Putin on Friday to discuss a ceasefire in Ukraine.",
        "2024-05-06T09:00:00+00:00",
    )
    assert len(events) == 2
    people = [set(e.participants) for e in events]
    assert {"Vladimir Putin", "Vo Van Thuong"} in people
    assert all("Bui Thanh Son" not in p or "Vladimir Putin" not in p for p in people)


def test_a_later_recap_of_a_planned_call_joins_it() -> None:
    events = _negotiations(
        "Kenyan President William Ruto is set to speak with Russian President Vladimir Putin "
        "this week to discuss a ceasefire in Ukraine.\n\n"
        "Kenyan Foreign Minister Musalia Mudavadi and Russian Foreign Minister Sergey Lavrov "
        "held talks in Nairobi last month.\n\n"
        "As Ruto prepares for his conversation with Putin this week, diplomats remain "
        "cautious about a truce.",
        "2024-05-06T09:00:00+00:00",
    )
    calls = [e for e in events if "William Ruto" in e.participants]
    assert len(calls) == 1
    assert calls[0].status == "scheduled"
    assert not calls[0].background


def test_a_contact_prepared_for_is_still_to_come() -> None:
    sentence = "As Ruto prepares for his conversation with Putin, diplomats remain cautious."
    found = [c for c in contacts(sentence) if c.lemma == "conversation"]
    assert found
    assert found[0].mood == "scheduled"


# --- statements about a contact ------------------------------------------------------------


def test_speaking_to_an_outlet_is_no_contact() -> None:
    sentence = "Speaking to CNN on Sunday, Gustavo Petro said the war must end."
    assert not [c for c in contacts(sentence) if c.lemma == "speak"]


def test_speaking_to_a_person_the_recogniser_mislabels_is_still_a_contact() -> None:
    # the recogniser often tags a short surname as an organisation; only press names and
    # acronyms are outlets
    sentence = "Ramaphosa said he would speak to Orban later on Thursday about the truce."
    assert [c for c in contacts(sentence) if c.lemma == "speak"]


def test_who_speaks_after_talks_with_someone_was_at_them() -> None:
    sentence = (
        "Speaking to reporters on Sunday after a meeting with Putin in Moscow, Mabuza said "
        "the talks were useful."
    )
    meeting = [c for c in contacts(sentence) if c.lemma == "meeting"]
    assert meeting
    names = {p.name for p in meeting[0].people}
    assert "Mabuza" in names
    assert meeting[0].days == ()  # Sunday is the day of the statement


def test_the_day_of_a_statement_is_not_the_day_of_the_contact() -> None:
    sentence = (
        "Speaking to reporters on Sunday after his meeting with Putin, Mabuza said it went well."
    )
    spans = statement_times(sentence)
    assert [sentence[a:b] for a, b in spans] == ["on Sunday"]


def test_telling_a_counterpart_is_a_contact_and_keeps_its_day() -> None:
    sentence = (
        "The remark came after Putin told his Brazilian counterpart Lula earlier on Saturday "
        "that the talks in Istanbul should go on."
    )
    assert statement_times(sentence) == ()


def test_a_time_in_the_reported_clause_is_not_the_statements() -> None:
    sentence = "Ramaphosa said he would speak to Orban later on Thursday to hear about the truce."
    assert statement_times(sentence) == ()


# --- venues ---------------------------------------------------------------------------------


def test_talks_in_the_city_of_a_place_are_there() -> None:
    sentence = (
        "Guterres will hold talks in the southern Moldovan city of Cahul with President "
        "Maia Sandu on Friday."
    )
    talks = [c for c in contacts(sentence) if c.lemma == "talks"]
    assert talks
    assert "Cahul" in talks[0].places


def test_a_contact_that_is_the_purpose_of_a_journey_is_where_it_ends() -> None:
    sentence = (
        "Brazilian President Lula will travel to the Turkish city of Antalya on Thursday to "
        "meet President Vladimir Putin, his office said."
    )
    meet = [c for c in contacts(sentence) if c.lemma == "meet"]
    assert meet
    assert meet[0].mood == "scheduled"
    assert "Antalya" in meet[0].places


def test_a_named_estate_places_the_talks_in_its_town() -> None:
    sentence = (
        "Volodymyr Zelensky will fly to Spain for talks with Pedro Sanchez at his Marbella "
        "residence on Sunday."
    )
    talks = [c for c in contacts(sentence) if c.lemma == "talks"]
    assert talks
    assert talks[0].places[0] == "Marbella"


def test_a_meeting_on_the_sidelines_of_a_forum_is_in_its_city() -> None:
    events = _negotiations(
        "Brazil's President Lula met Ukrainian President Volodymyr Zelensky on Wednesday on "
        "the sidelines of the U.N. General Assembly to discuss a peace plan.",
        "2023-09-21T10:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].venue == "New York"


# --- days of the news -------------------------------------------------------------------------


_LEAD_CALL = (
    "Hungarian Prime Minister Viktor Orban spoke by phone with Russian President Vladimir "
    "Putin about a ceasefire in Ukraine, his office said.\n\n"
    "The two leaders agreed to keep in touch, according to the statement."
)


def test_a_held_contact_the_lead_gives_no_day_is_the_days_news() -> None:
    events = _negotiations(_LEAD_CALL, "2024-07-05T14:00:00+00:00")
    assert len(events) == 1
    assert events[0].occurred_on == dt.date(2024, 7, 5)
    assert not events[0].background


def test_before_dawn_the_days_news_is_the_day_before() -> None:
    events = _negotiations(_LEAD_CALL, "2024-07-05T00:30:00+00:00")  # 03:30 in Kyiv
    assert events[0].occurred_on == dt.date(2024, 7, 4)


def test_a_lead_that_names_another_day_dates_nothing_by_the_news() -> None:
    events = _negotiations(
        "What did the two men agree last Tuesday? Hungarian Prime Minister Viktor Orban "
        "spoke by phone with Russian President Vladimir Putin about a ceasefire in Ukraine.",
        "2024-07-05T14:00:00+00:00",
    )
    assert events
    assert events[0].occurred_on != dt.date(2024, 7, 5)


def test_a_planned_contact_the_lead_gives_no_day_stays_undated() -> None:
    events = _negotiations(
        "Hungarian Prime Minister Viktor Orban will speak by phone with Russian President "
        "Vladimir Putin about a ceasefire in Ukraine, his office said.",
        "2024-07-05T14:00:00+00:00",
    )
    assert events
    assert events[0].occurred_on is None


# --- participants -----------------------------------------------------------------------------


def test_who_sent_an_envoy_is_not_at_the_meeting() -> None:
    events = _negotiations(
        "Brazilian diplomat Mauro Vieira, Lula's special envoy, was received by Vladimir Putin "
        "in the Kremlin on Friday to discuss a ceasefire in Ukraine.",
        "2024-03-08T15:00:00+00:00",
    )
    assert len(events) == 1
    assert "Lula" not in " ".join(events[0].participants)
    assert "Vladimir Putin" in events[0].participants


def test_people_next_to_a_talk_only_urged_are_not_on_the_call() -> None:
    events = _negotiations(
        "Austrian Chancellor Karl Nehammer urged Vladimir Putin on Sunday to agree to a "
        "ceasefire and to hold direct negotiations with Ukraine's president, during a "
        "60-minute telephone call.",
        "2024-03-10T15:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].parties == ["AT", "RU"]
    assert set(events[0].participants) == {"Karl Nehammer", "Vladimir Putin"}


def test_who_welcomes_a_call_is_not_on_it() -> None:
    sentence = "Ukraine's president, Volodymyr Zelensky, welcomed the call."
    call = [c for c in contacts(sentence) if c.lemma == "call"]
    assert call
    assert call[0].commented
    assert not call[0].people


def test_a_coordinated_request_for_talks_is_hypothetical() -> None:
    sentence = (
        "They called for an immediate truce and for serious direct negotiations between "
        "Armenia and Azerbaijan."
    )
    talks = [c for c in contacts(sentence) if c.lemma == "negotiations"]
    assert talks
    assert talks[0].mood == "hypothetical"


def test_a_head_of_state_by_office_together_with_another_leader() -> None:
    sentence = (
        "The President of the Republic, together with the Spanish Prime Minister, spoke with "
        "President Putin on 3 June 2024."
    )
    speak = [c for c in contacts(sentence) if c.lemma == "speak"]
    assert speak
    assert "ES" in speak[0].parties
    assert "Republic" not in {p.name for p in speak[0].people}


def test_who_took_part_is_a_member() -> None:
    people, _ = members(
        "Yuri Ushakov and the deputy foreign minister Sergei Vershinin also took part."
    )
    assert "Yuri Ushakov" in {p.name for p in people}
    assert not members("Kenyan officers took part in the fighting.")[0]


def test_an_aide_heading_a_group_is_a_member() -> None:
    people, _ = members(
        "Vladimir Medinsky, the Kremlin aide heading the Russian group, told reporters the "
        "talks would go on."
    )
    assert "Vladimir Medinsky" in {p.name for p in people}


def test_a_delegation_line_in_the_past_belongs_to_a_round_that_took_place() -> None:
    assert members_past("Moscow sent a team led by Vladimir Medinsky, a Kremlin aide.")
    assert members_past("Medinsky, who headed the Russian team, told reporters it went well.")
    assert not members_past("The Russian team will be led by Vladimir Medinsky.")
    events = _negotiations(
        "Russian and Moldovan officials held talks in the Turkish city of Antalya on Monday "
        "on a ceasefire in Transnistria and the war in Ukraine.\n\n"
        "Both delegations said they would meet again within days.\n\n"
        "Sergei Kiriyenko, who headed the Russian team, told journalists the sides had "
        "identified points of agreement.",
        "2024-03-11T18:00:00+00:00",
    )
    held = [e for e in events if e.status == "held"]
    assert held
    assert "Sergei Kiriyenko" in held[0].participants


# --- visits ---------------------------------------------------------------------------------


def test_a_leaders_trip_to_moscow_is_a_contact_with_its_host() -> None:
    events = _negotiations(
        "Indian Prime Minister Narendra Modi is expected to use a trip to Moscow on Tuesday "
        "to press for an end to the war in Ukraine, officials said.\n\n"
        "Russian President Vladimir Putin said he valued the friendship of the two nations.",
        "2024-07-07T09:00:00+00:00",
    )
    assert len(events) == 1
    event = events[0]
    assert event.parties == ["IN", "RU"]
    assert event.venue == "Moscow"
    assert event.status == "scheduled"
    assert event.occurred_on == dt.date(2024, 7, 9)
    assert set(event.participants) == {"Narendra Modi", "Vladimir Putin"}


def test_a_visit_to_an_ally_is_not_read_as_talks() -> None:
    events = _negotiations(
        "Japanese Prime Minister Fumio Kishida made a surprise trip to Warsaw on Tuesday to "
        "discuss aid to Ukraine.",
        "2024-07-07T09:00:00+00:00",
    )
    assert events == []


def test_the_next_day_after_a_named_day() -> None:
    events = _negotiations(
        "The Indian prime minister is to visit Vienna on Monday, and the next day he will go "
        "to Moscow for talks on the war in Ukraine with President Vladimir Putin.",
        "2024-07-06T09:00:00+00:00",
    )
    moscow = [e for e in events if "RU" in e.parties]
    assert moscow
    assert moscow[0].occurred_on == dt.date(2024, 7, 9)


def test_talks_with_one_warring_side_and_talks_with_the_other_stay_apart() -> None:
    events = _negotiations(
        "The Hungarian prime minister will visit Moscow for talks with Vladimir Putin on the "
        "war in Ukraine.\n\n"
        "Hungarian Prime Minister Viktor Orban will then hold talks with Ukraine's Volodymyr "
        "Zelensky on a ceasefire.",
        "2024-07-06T09:00:00+00:00",
    )
    fronts = [set(e.parties) for e in events]
    assert all(not ({"RU", "UA"} <= parties) for parties in fronts)


def test_further_talks_of_a_side_not_at_the_round_are_not_that_round() -> None:
    events = _negotiations(
        "Austrian Chancellor Karl Nehammer will travel to Moscow on Tuesday to meet Vladimir "
        "Putin over the war in Ukraine.\n\n"
        "Meanwhile, Keir Starmer said he would hold further talks with world leaders to bring "
        "Russia back from the brink.",
        "2024-07-06T09:00:00+00:00",
    )
    assert all("GB" not in e.parties for e in events)


def test_who_reminds_of_a_planned_meeting_is_not_at_it() -> None:
    events = _negotiations(
        "Pete Hegseth reminded that the meeting of Sergei Ryabkov with Faisal bin Farhan is "
        "planned for March 4 to discuss a ceasefire in Ukraine.",
        "2024-02-28T09:00:00+00:00",
    )
    assert events
    assert "Pete Hegseth" not in events[0].participants


def test_the_surface_rules_also_take_a_reminder_for_an_announcement() -> None:
    # when the recogniser mislabels a side's name, the surface rules decide alone
    from warwire.extract.negotiations import _participants

    found = _participants(
        "Pete Hegseth reminded that the meeting of Sergei Ryabkov with Faisal bin Farhan is "
        "planned for March 4."
    )
    assert "Pete Hegseth" not in {o.name for o in found}


def test_an_ordinal_round_has_no_tense() -> None:
    events = _negotiations(
        "Three days in Vienna did not bring Russia and Ukraine closer.\n\n"
        "The third round of talks between the Russian and Ukrainian delegations ended "
        "without a joint statement on a ceasefire.",
        "2024-05-09T18:00:00+00:00",
        title="Third round, same distance",
    )
    assert events
    assert all(e.status == "held" for e in events)


def test_a_council_in_a_persons_title_is_no_gathering() -> None:
    from warwire.extract.negotiations import _excluded

    assert not _excluded(
        "Russia's team is led by presidential aide Sergei Ryabkov, Ukraine's by security "
        "council secretary Oleksandr Bevz."
    )
    assert _excluded("The Security Council met in New York to discuss the war.")
