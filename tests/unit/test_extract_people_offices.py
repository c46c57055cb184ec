"""An office or title the recogniser takes for a person ("Head", "Affairs Prince") is no
participant; a name after a title still is. Names here are invented or public figures."""

from __future__ import annotations

import pytest

from warwire.extract.people import Roster


@pytest.mark.parametrize("span", ["Head", "Chairman", "Adviser", "Affairs Prince", "The Deputy"])
def test_an_office_alone_is_no_person(span: str) -> None:
    assert Roster(["an article"]).resolve(span, None) is None


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ("Chairman Ivan Petrenko", "Ivan Petrenko"),
        ("Mayor Olena Hrytsenko", "Mayor Olena Hrytsenko"),
    ],
)
def test_a_name_after_an_office_is_a_person(span: str, name: str) -> None:
    person = Roster(["an article"]).resolve(span, None)
    assert person is not None and person.name.endswith(name.split()[-1])
