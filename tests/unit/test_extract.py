"""Unit tests of the pure extraction modules, on short sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from schemas.models import Article
from tests.unit.extracted import article, strikes
from tests.unit.extracted import negotiations_in as talks
from warwire.extract import gazetteer
from warwire.extract.core import extract_events, extract_events_strict, reference_day
from warwire.extract.counts import _COUNT_START, count_starts, find_numbers, parse_number
from warwire.extract.dates import When, find_date, kyiv_day
from warwire.extract.figures import Memory, sentence_figures

WEDNESDAY = dt.date(2025, 3, 12)


# --- numbers as reporters write them -------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("1,250", 1250),
        ("47", 47),
        ("nine", 9),
        ("twenty-three", 23),
        ("a dozen", 12),
        ("two hundred and six", 206),
        ("100-plus", 100),
        ("dozens", None),
        ("hundreds", None),
    ],
)
def test_parse_number(token: str, value: int | None) -> None:
    assert parse_number(token) == value


def test_find_numbers_skips_decimals_and_money() -> None:
    found = [value for value, _, _ in find_numbers("It cost $40 and 2.5 tonnes; 17 drones flew.")]
    assert found == [17]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russia fired over 700 drones at Ukraine.", {"drones": 700}),
        ("At least nine people died and a dozen were hurt.", {"killed": 9, "injured": 12}),
        (
            "Overnight Moscow sent 512 drones, three ballistic and eight cruise missiles.",
            {"drones": 512, "missiles": 11},
        ),
        (
            "Air defence crews downed 430 of the drones and six missiles.",
            {"drones_downed": 430, "missiles_downed": 6},
        ),
        ("Of the 300 drones, 250 were shot down.", {"drones": 300, "drones_downed": 250}),
        ("Dozens of drones flew towards the capital.", {}),
        ("Sixty drones were lost to jamming.", {}),
    ],
)
def test_sentence_figures(sentence: str, expected: dict[str, int]) -> None:
    assert sentence_figures(sentence).values == expected


def test_elided_weapon_comes_from_the_sentence_before() -> None:
    memory = Memory()
    assert sentence_figures("Russia launched 220 drones overnight.", memory).values == {
        "drones": 220
    }
    later = sentence_figures("Crews shot down 180, while 30 were lost to jamming.", memory)
    assert later.values == {"drones_downed": 180}


def test_bare_count_of_something_else_is_not_a_weapon() -> None:
    assert sentence_figures("Ten homes were damaged and four were destroyed.").values == {}


def test_toll_rising_within_an_article_keeps_the_final_count() -> None:
    [event] = strikes(
        "Russian missiles struck Poltava, killing three people. "
        "By evening the death toll had risen to eleven, with 48 injured."
    )
    assert (event.killed, event.injured) == (11, 48)


# --- dates against the Kyiv publication day ------------------------------------------------


def test_kyiv_day_crosses_midnight_before_utc_does() -> None:
    assert kyiv_day(dt.datetime(2025, 1, 1, 21, 30, tzinfo=dt.UTC)) == dt.date(2025, 1, 1)
    assert kyiv_day(dt.datetime(2025, 1, 1, 22, 30, tzinfo=dt.UTC)) == dt.date(2025, 1, 2)
    assert kyiv_day(dt.datetime(2025, 7, 1, 21, 30, tzinfo=dt.UTC)) == dt.date(2025, 7, 2)


@pytest.mark.parametrize(
    ("sentence", "when", "day"),
    [
        ("Drones hit the city overnight.", When.DATE, WEDNESDAY),
        ("Missiles hit the port on Monday.", When.DATE, dt.date(2025, 3, 10)),
        ("Shelling was reported yesterday.", When.DATE, dt.date(2025, 3, 11)),
        ("The city was struck on the night of March 9-10.", When.DATE, dt.date(2025, 3, 10)),
        ("Drones struck it on the night of March 8 to 9.", When.DATE, dt.date(2025, 3, 9)),
        ("Drones struck it on the night of 7 into 8 March.", When.DATE, dt.date(2025, 3, 8)),
        ("It was hit on the night of Tuesday into Wednesday.", When.DATE, WEDNESDAY),
        ("It was hit in the night from Sunday to Monday.", When.DATE, dt.date(2025, 3, 10)),
        ("The drills ran from Monday to Tuesday.", When.DATE, dt.date(2025, 3, 10)),
        ("The plant was hit last week.", When.VAGUE, None),
        ("The mayor was asked about the damage.", When.NONE, None),
    ],
)
def test_find_date(sentence: str, when: When, day: dt.date | None) -> None:
    cue = find_date(sentence, WEDNESDAY)
    assert (cue.when, cue.date) == (when, day)


def test_scheduled_weekday_is_the_next_one() -> None:
    assert find_date("They will meet on Friday.", WEDNESDAY, future=True).date == dt.date(
        2025, 3, 14
    )


def test_speech_day_is_not_the_event_day() -> None:
    cue = find_date("The aide told journalists on Monday that talks were possible.", WEDNESDAY)
    assert cue.date is None


def test_overnight_attack_is_dated_to_the_morning_it_ended() -> None:
    [event] = strikes("Russia launched 140 drones at Ukraine overnight, the air force said.")
    assert event.occurred_on == WEDNESDAY


def test_undated_attack_reported_late_in_the_evening_is_the_coming_night() -> None:
    [event] = strikes(
        "Russian drones attacked Odesa, injuring three people, the governor said.",
        published="2025-03-12T19:30:00+00:00",  # 21:30 in Kyiv
    )
    assert event.occurred_on == dt.date(2025, 3, 13)


def test_undated_attack_reported_in_the_small_hours_is_the_day_before() -> None:
    [event] = strikes(
        "Russian drones attacked Odesa, injuring three people, the governor said.",
        published="2025-03-12T01:30:00+00:00",  # 03:30 in Kyiv
    )
    assert event.occurred_on == dt.date(2025, 3, 11)


def test_last_week_gives_no_day() -> None:
    [event] = strikes("Russian forces struck Kharkov last week, killing three people.")
    assert event.occurred_on is None
    assert event.background


def test_a_speech_transcript_speaks_of_its_own_day() -> None:
    body = (
        "In his evening address on Tuesday, March 11, the president spoke about the front.\n"
        "Today Russian artillery shelled Kherson and killed two people."
    )
    assert reference_day(body.split("\n")[0], WEDNESDAY) == dt.date(2025, 3, 11)
    [event] = strikes(body)
    assert (event.occurred_on, event.places, event.killed) == (
        dt.date(2025, 3, 11),
        ["Kherson"],
        2,
    )


# --- places and transliteration variants ---------------------------------------------------


def test_gazetteer_maps_variants_to_canonical_names() -> None:
    text = "Blasts in Kharkov, Odessa, Zaporozhye and Nikolaev; later Lvov."
    names = [m.item.name for m in gazetteer.places().find(text)]
    assert names == ["Kharkiv", "Odesa", "Zaporizhzhia", "Mykolaiv", "Lviv"]


def test_place_followed_by_hyphenated_word_is_not_a_mention() -> None:
    assert gazetteer.places().find("a Kyiv-based analyst") == []


def test_strike_places_use_canonical_names() -> None:
    [event] = strikes("Russian missiles hit Dnepr and Kharkov overnight, killing four.")
    assert event.places == ["Dnipro", "Kharkiv"]
    [region] = strikes("Russian missiles hit the Dnepropetrovsk region overnight, killing four.")
    assert region.places == ["Dnipropetrovsk"]


# --- attacker and target -------------------------------------------------------------------


def test_russian_wave_on_ukraine() -> None:
    [event] = strikes(
        "Russia launched 120 drones and six missiles at Ukraine overnight, the air force said. "
        "Air defences downed 100 drones. Two people were killed in Kharkiv."
    )
    assert (event.attacker, event.target_country) == ("RU", "UA")
    assert (event.drones, event.missiles, event.drones_downed) == (120, 6, 100)
    assert (event.killed, event.places) == (2, ["Kharkiv"])


def test_russian_mod_interceptions_are_a_ukrainian_attack_on_russia() -> None:
    [event] = strikes(
        "Russia's defence ministry said on Wednesday it had intercepted 249 Ukrainian drones "
        "over the Bryansk and Kursk regions overnight."
    )
    assert (event.attacker, event.target_country) == ("UA", "RU")
    assert event.drones_downed == 249
    assert event.drones is None
    assert set(event.places) == {"Bryansk", "Kursk"}


# --- negotiations --------------------------------------------------------------------------


def test_held_meeting_in_person() -> None:
    [event] = talks(
        "Russian and Ukrainian delegations met in Istanbul on Monday for a second round of "
        "peace talks.",
        published="2025-06-03T09:00:00+00:00",
    )
    assert (event.status, event.format, event.venue) == ("held", "in_person", "Istanbul")
    assert event.parties == ["RU", "UA"]
    assert event.occurred_on == dt.date(2025, 6, 2)


def test_scheduled_call() -> None:
    [event] = talks(
        "Zelensky said he will speak by phone with Trump on Friday about the peace plan."
    )
    assert (event.status, event.format) == ("scheduled", "call")
    assert event.occurred_on == dt.date(2025, 3, 14)
    assert event.parties == ["UA", "US"]
    assert set(event.participants) == {"Volodymyr Zelenskyy", "Donald Trump"}


def test_video_call() -> None:
    [event] = talks(
        "Vladimir Putin and Donald Trump held a video call on Tuesday about a ceasefire."
    )
    assert (event.status, event.format, event.occurred_on) == (
        "held",
        "video",
        dt.date(2025, 3, 11),
    )


def test_scheduled_round_without_a_day() -> None:
    [event] = talks("The next round of talks between Russia and Ukraine will take place in Geneva.")
    assert (event.status, event.venue, event.occurred_on) == ("scheduled", "Geneva", None)


def test_two_calls_in_one_sentence_stay_apart() -> None:
    events = talks(
        "Zelensky will speak to Trump later on Wednesday to go over the details of the U.S. "
        "president's phone call with Putin on Monday."
    )
    by_status = {e.status: e for e in events}
    assert set(by_status) == {"held", "scheduled"}
    coming, past = by_status["scheduled"], by_status["held"]
    assert (coming.occurred_on, coming.parties) == (WEDNESDAY, ["UA", "US"])
    assert (past.occurred_on, past.parties) == (dt.date(2025, 3, 10), ["RU", "US"])
    # "the U.S. president" is the president the article names
    assert set(past.participants) == {"Donald Trump", "Vladimir Putin"}


def test_mediator_is_a_party() -> None:
    [event] = talks("U.S.-mediated talks between Russia and Ukraine in Abu Dhabi ended on Tuesday.")
    assert event.parties == ["RU", "UA", "US"]
    assert event.venue == "Abu Dhabi"


def test_host_who_opened_the_session_takes_part() -> None:
    [event] = talks(
        "Russian and Ukrainian delegations met in Istanbul on Monday for peace talks.\n"
        "Turkish Foreign Minister Hakan Fidan opened the session with a short speech.",
        published="2025-06-03T09:00:00+00:00",
    )
    assert event.parties == ["RU", "TR", "UA"]
    assert "Hakan Fidan" in event.participants


def test_earlier_round_recalled_is_background() -> None:
    events = talks(
        "Russian and Ukrainian delegations met in Istanbul on Monday for peace talks.\n"
        "The first round between Russian and Ukrainian delegations was held in Istanbul on "
        "May 16.",
        published="2025-06-03T09:00:00+00:00",
    )
    background = {e.occurred_on: e.background for e in events}
    assert background == {dt.date(2025, 6, 2): False, dt.date(2025, 5, 16): True}


def test_allies_only_meeting_is_not_a_negotiation() -> None:
    assert (
        talks(
            "Leaders of the coalition of the willing met in Paris on Tuesday to discuss security "
            "guarantees for Ukraine."
        )
        == []
    )


def test_wish_for_talks_is_not_a_negotiation() -> None:
    assert talks("Kyiv said it was ready to talk to Moscow if the shelling stopped.") == []


# --- not events ----------------------------------------------------------------------------


def test_multi_day_aggregate_is_not_a_strike() -> None:
    assert strikes("Russia launched 4,000 drones at Ukraine in March, the air force said.") == []
    assert strikes("Russia has fired 310 missiles at Ukraine since the start of the month.") == []


def test_threat_is_not_a_strike() -> None:
    assert strikes("Moscow warned it would strike Kyiv with missiles if the West sends jets.") == []


def test_aid_pledge_is_not_a_strike() -> None:
    assert strikes("Germany pledged 500 air defence missiles and 200 drones to Ukraine.") == []


# --- evidence and robustness ---------------------------------------------------------------


def test_every_fact_has_its_evidence_sentence() -> None:
    body = (
        "Russia launched 90 drones at Ukraine overnight, the air force said. "
        "A drone hit a house in Sumy, injuring five people."
    )
    [event] = strikes(body)
    assert (
        event.evidence["drones"]
        == "Russia launched 90 drones at Ukraine overnight, the air force said."
    )
    assert event.evidence["injured"] == "A drone hit a house in Sumy, injuring five people."
    for field in ("drones", "injured", "places", "attacker"):
        assert event.evidence[field] in body
    [meeting] = talks("U.S. and Russian officials met in Riyadh on Tuesday to discuss a ceasefire.")
    assert meeting.evidence["venue"].startswith("U.S. and Russian officials met in Riyadh")


def test_extract_events_never_raises_on_odd_input() -> None:
    assert extract_events(article("\x00\u202e" * 50)) == []


def test_evidence_is_never_an_empty_clause() -> None:
    [event] = strikes("; Russia launched 40 drones at Ukraine overnight.")
    assert all(text.strip() for text in event.evidence.values())
    assert event.drones == 40


@pytest.mark.parametrize(
    "text",
    [
        "12 drones and a dozen missiles; at least five were shot down",
        "Two people died. One hundred-and-twelve... (3) x4 $5 -6 /7 ,8 eleven",
        "three",
        "the attack: 3,500 homes, 12.5 km, 20 in total",
        "Ещё 5 дронов and ſeven",
    ],
)
def test_count_starts_holds_every_start_of_a_count(text: str) -> None:
    assert {m.start() for m in _COUNT_START.finditer(text)} <= set(count_starts(text))


def test_superscript_and_other_non_ascii_digits_are_no_count() -> None:
    # str.isdigit() is true of "²" and "³", which int() refuses: they must not crash a worker.
    from warwire.extract.counts import parse_number

    assert parse_number("²") is None and parse_number("1²") is None
    article = Article(
        id="sup",
        body="Russia launched ² drones and ³ missiles at Kyiv overnight, killing ¹ person.",
        published_at=dt.datetime(2025, 1, 1, 6, tzinfo=dt.UTC),
    )
    [strike] = extract_events_strict(article)
    assert strike.drones is None and strike.missiles is None and strike.killed is None
