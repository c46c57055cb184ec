"""Dates of events, resolved from what a sentence says against the article's Kyiv publication day."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum
from zoneinfo import ZoneInfo

KYIV = ZoneInfo("Europe/Kyiv")

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_SPEECH = r"(?:said|says|told\s+\w+|announced|reported|wrote|added|stated|confirmed)"
_MONTH_DAY = re.compile(
    rf"(?P<speech>\b{_SPEECH}\s+on\s+)?(?P<night>night\s+of\s+|overnight\s+into\s+)?\b{_MONTH}\.?\s+"
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*-\s*(?P<day2>\d{1,2}))?(?!\d)(?:,?\s+(?P<year>\d{4}))?"
)
_DAY_MONTH = re.compile(
    rf"(?P<speech>\b{_SPEECH}\s+on\s+)?(?P<night>night\s+of\s+)?\b(?P<day>\d{{1,2}})(?:\s*-\s*(?P<day2>\d{{1,2}}))?\s+{_MONTH}\b"
    r"(?:,?\s+(?P<year>\d{4}))?"
)
_WEEKDAY = re.compile(
    rf"(?P<speech>\b{_SPEECH}\s+(?:on\s+)?)?\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b(?!s)"
)
_TODAY = re.compile(
    r"\b(?:today|tonight|this\s+morning|this\s+afternoon|this\s+evening|overnight|last\s+night|"
    r"during\s+the\s+night|early\s+hours|on\s+the\s+night|in\s+the\s+night)\b",
    re.IGNORECASE,
)
_YESTERDAY = re.compile(r"\byesterday\b", re.IGNORECASE)
_PREVIOUS = re.compile(
    r"\b(?:the\s+(?:previous|preceding)\s+(?:night|day)|a\s+(?:night|day)\s+(?:earlier|before)|"
    r"the\s+(?:night|day)\s+before)\b",
    re.IGNORECASE,
)
_YEAR_AGO = re.compile(r"\ba\s+year\s+ago\b", re.IGNORECASE)
_VAGUE = re.compile(
    r"\b(?:last|previous|past)\s+(?:week|month|year|winter|spring|summer|autumn|fall|"
    r"weekend)\b|\bearlier\s+(?:this|in\s+the|last)\s+(?:week|month|year)\b|"
    r"\b(?:weeks|months|years)\s+(?:ago|earlier)\b|\bin\s+(?:19|20)\d\d\b|"
    rf"\bin\s+{_MONTH}\b|\bsince\s+(?:then|the\s+start|the\s+beginning)\b|"
    r"\bprevious\s+(?:record|rounds?)\b|\bthe\s+first\s+round\b|\blast\s+(?:round|time)\b",
    re.IGNORECASE,
)


class When(Enum):
    NONE = "none"
    DATE = "date"
    VAGUE = "vague"
    PREVIOUS = "previous"


@dataclass(frozen=True, slots=True)
class DateCue:
    when: When
    date: dt.date | None = None


NO_CUE = DateCue(When.NONE)


def kyiv_day(moment: dt.datetime) -> dt.date:
    """The Kyiv calendar day of an aware timestamp."""
    return moment.astimezone(KYIV).date()


def _month_number(token: str) -> int:
    return _MONTHS[token[:3].lower()]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _with_year(month: int, day: int, year: str | None, today: dt.date) -> dt.date | None:
    if year:
        return _safe_date(int(year), month, day)
    candidate = _safe_date(today.year, month, day)
    if candidate is not None and candidate > today + dt.timedelta(days=45):
        candidate = _safe_date(today.year - 1, month, day)
    return candidate


def _calendar_date(text: str, today: dt.date) -> dt.date | None:
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for match in pattern.finditer(text):
            if not match.group("speech"):
                return _match_date(match, today)
    return None


def _match_date(match: re.Match[str], today: dt.date) -> dt.date | None:
    night_range = match.group("night") and match.group("day2")
    day = int(match.group("day2") if night_range else match.group("day"))
    month = _month_number(match.group("month"))
    return _with_year(month, day, match.group("year"), today)


def weekday_date(weekday: int, today: dt.date, future: bool) -> dt.date:
    """The nearest `weekday` on or before `today`, or on or after it when `future`."""
    if future:
        return today + dt.timedelta(days=(weekday - today.weekday()) % 7)
    return today - dt.timedelta(days=(today.weekday() - weekday) % 7)


def find_date(text: str, today: dt.date, future: bool = False) -> DateCue:
    """The date a sentence places its event on, if it says."""
    calendar = _calendar_date(text, today)
    if calendar is not None:
        return DateCue(When.DATE, calendar)
    for match in _WEEKDAY.finditer(text):
        if match.group("speech"):
            continue
        return DateCue(When.DATE, weekday_date(_WEEKDAYS[match.group("day").lower()], today, future))
    if _YEAR_AGO.search(text):
        return DateCue(When.DATE, _safe_date(today.year - 1, today.month, min(today.day, 28)))
    if _PREVIOUS.search(text):
        return DateCue(When.PREVIOUS)
    if _YESTERDAY.search(text):
        return DateCue(When.DATE, today - dt.timedelta(days=1))
    if _VAGUE.search(text):
        return DateCue(When.VAGUE)
    if _TODAY.search(text):
        return DateCue(When.DATE, today)
    return NO_CUE
