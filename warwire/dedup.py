"""Fold events from many reports into incidents. Pure: state lives behind `DedupState`.

Events that could describe the same real event share a *blocking key* (type, attacker and
target), so a streaming deployment routes them to one partition and every lookup below is
local to it. Within a block, incidents are indexed by day (or as undated) so a lookup touches
only the days an event could match; an index from event id to incident makes redelivery and
copies of a repeated article's events exact.

Every date here is a Kyiv calendar day. An event without a date is placed in a window of days
from its article's publication: the day before or of it for a strike, a few days before it
for a round reported as held, the days after it for a round reported as scheduled.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import heapq
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel

from schemas import AlertRecord, Figure, Incident, NegotiationEvent, Report, StrikeEvent
from warwire.config import DEFAULT_GRACE_DAYS, DEFAULT_MAX_REPORTS
from warwire.extract.gazetteer import places_by_name
from warwire.ids import event_id as make_event_id
from warwire.ids import stable_id

Event = StrikeEvent | NegotiationEvent

STRIKE_FIGURES = ("drones", "missiles", "drones_downed", "missiles_downed", "killed", "injured")
LAUNCH_FIGURES = ("drones", "missiles", "drones_downed", "missiles_downed")
TOLL_FIGURES = frozenset({"killed", "injured"})
UNDATED = "undated"

STRIKE_LOOKBACK_DAYS = 1
"""An undated strike in the news happened the night before or on the day of the article."""
HELD_LOOKBACK_DAYS = 2
SCHEDULED_HORIZON_DAYS = 10
"""An undated round announced as scheduled takes place within this many days."""
UNANCHORED_LOOKBACK_DAYS = 7
"""How far back an undated recalled (background) event is looked for."""
MAX_STRIKE_GAP_DAYS = 3
"""Reports of one strike more days apart than this are never merged, whatever they share."""
MAX_NEGOTIATION_GAP_DAYS = 2

try:
    KYIV: dt.tzinfo = ZoneInfo("Europe/Kyiv")
except ZoneInfoNotFoundError:  # no tz database: Kyiv's winter offset is off by an hour at most
    KYIV = dt.timezone(dt.timedelta(hours=2))


def kyiv_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(KYIV).date()


class BucketEntry(BaseModel):
    incident_id: str
    last_seen: dt.datetime


class BucketRef(BaseModel):
    """A block's directory entry: one day bucket and the newest report it holds."""

    key: str
    last_seen: dt.datetime
    oldest: dt.datetime | None = None
    """No incident of the bucket has its last report before this (None: not known, as in
    state written before), so expiry looks into the bucket only once the watermark passes it."""


class BlockMark(BaseModel):
    """A block's stream position: the newest report folded into it (its watermark) and the
    largest fold order key, which tells an in-order report from a late one."""

    watermark: dt.datetime
    last_published: dt.datetime
    last_article: str
    last_event: str
    held: int | None = None
    """Reports the block holds (None: not counted yet, as in state written before)."""
    pending: list[str] = []
    """Incidents whose alerts wait for the block to settle (see `warwire.pipeline`)."""
    pending_at: dict[str, float] = {}
    """Pending incident -> when (wall clock, s) it began to wait."""

    def last_key(self) -> OrderKey:
        return _key(self.last_published, self.last_article, self.last_event)


OrderKey = tuple[dt.datetime, str, int, str]


def _key(published_at: dt.datetime, article_id: str, event_id: str) -> OrderKey:
    return (published_at, article_id, event_ordinal(article_id, event_id), event_id)


@functools.lru_cache(maxsize=65536)
def event_ordinal(article_id: str, event_id: str, most: int = 64) -> int:
    """The rank of an event among its article's (ids are derived from article, type and
    rank), so an article's events are folded in the order the article tells them."""
    for ordinal in range(most):
        for kind in ("strike", "negotiation"):
            if make_event_id(article_id, kind, ordinal) == event_id:
                return ordinal
    return most


class DedupState(Protocol):
    """Where incidents, their day buckets, each block's directory of buckets, its mark, the
    event index and the events themselves are kept: dicts in `MemoryState`, Faust tables in
    a worker."""

    def get_incident(self, incident_id: str) -> Incident | None: ...

    def put_incident(self, incident: Incident) -> None: ...

    def delete_incident(self, incident_id: str) -> None: ...

    def get_bucket(self, key: str) -> list[BucketEntry]: ...

    def put_bucket(self, key: str, entries: list[BucketEntry]) -> None: ...

    def delete_bucket(self, key: str) -> None: ...

    def get_directory(self, block: str) -> list[BucketRef]: ...

    def put_directory(self, block: str, refs: list[BucketRef]) -> None: ...

    def get_event_incident(self, event_id: str) -> str | None: ...

    def put_event_incident(self, event_id: str, incident_id: str) -> None: ...

    def delete_event_incident(self, event_id: str) -> None: ...

    def get_event(self, event_id: str) -> Event | None: ...

    def put_event(self, event: Event) -> None: ...

    def delete_event(self, event_id: str) -> None: ...

    def get_mark(self, block: str) -> BlockMark | None: ...

    def put_mark(self, block: str, mark: BlockMark) -> None: ...


@dataclass
class MemoryState:
    incidents: dict[str, Incident] = field(default_factory=dict)
    buckets: dict[str, list[BucketEntry]] = field(default_factory=dict)
    directories: dict[str, list[BucketRef]] = field(default_factory=dict)
    event_incidents: dict[str, str] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    marks: dict[str, BlockMark] = field(default_factory=dict)

    def get_incident(self, incident_id: str) -> Incident | None:
        return self.incidents.get(incident_id)

    def put_incident(self, incident: Incident) -> None:
        self.incidents[incident.incident_id] = incident

    def delete_incident(self, incident_id: str) -> None:
        self.incidents.pop(incident_id, None)

    def get_bucket(self, key: str) -> list[BucketEntry]:
        return self.buckets.get(key, [])

    def put_bucket(self, key: str, entries: list[BucketEntry]) -> None:
        self.buckets[key] = entries

    def delete_bucket(self, key: str) -> None:
        self.buckets.pop(key, None)

    def get_directory(self, block: str) -> list[BucketRef]:
        return self.directories.get(block, [])

    def put_directory(self, block: str, refs: list[BucketRef]) -> None:
        self.directories[block] = refs

    def get_event_incident(self, event_id: str) -> str | None:
        return self.event_incidents.get(event_id)

    def put_event_incident(self, event_id: str, incident_id: str) -> None:
        self.event_incidents[event_id] = incident_id

    def delete_event_incident(self, event_id: str) -> None:
        self.event_incidents.pop(event_id, None)

    def get_event(self, event_id: str) -> Event | None:
        return self.events.get(event_id)

    def put_event(self, event: Event) -> None:
        self.events[event.event_id] = event

    def delete_event(self, event_id: str) -> None:
        self.events.pop(event_id, None)

    def get_mark(self, block: str) -> BlockMark | None:
        return self.marks.get(block)

    def put_mark(self, block: str, mark: BlockMark) -> None:
        self.marks[block] = mark


def blocking_key(event: Event) -> str:
    """Events that may be one real event share this key (and so a partition)."""
    if isinstance(event, StrikeEvent):
        return f"strike:{event.attacker or '?'}>{event.target_country or '?'}"
    return "negotiation"


# --- date windows -----------------------------------------------------------------------------

Window = tuple[dt.date, dt.date]


def _window(
    kind: str,
    occurred_on: dt.date | None,
    published_at: dt.datetime,
    background: bool,
    status: str | None,
) -> Window | None:
    """The days an event may have happened on; None when nothing anchors it."""
    if occurred_on is not None:
        return (occurred_on, occurred_on)
    if background:
        return None
    day = kyiv_day(published_at)
    if kind == "strike":
        return (day - dt.timedelta(days=STRIKE_LOOKBACK_DAYS), day)
    if status == "scheduled":
        return (day, day + dt.timedelta(days=SCHEDULED_HORIZON_DAYS))
    return (day - dt.timedelta(days=HELD_LOOKBACK_DAYS), day)


def event_window(event: Event) -> Window | None:
    status = event.status if isinstance(event, NegotiationEvent) else None
    return _window(event.type, event.occurred_on, event.published_at, event.background, status)


def incident_window(incident: Incident) -> Window | None:
    """The incident's date, or the days its undated reports agree on."""
    if incident.occurred_on is not None:
        return (incident.occurred_on, incident.occurred_on)
    windows = [
        w
        for r in incident.reports
        if (w := _window(incident.type, r.occurred_on, r.published_at, r.background, r.status))
    ]
    if not windows:
        return None
    low, high = max(w[0] for w in windows), min(w[1] for w in windows)
    if low <= high:
        return (low, high)
    return (min(w[0] for w in windows), max(w[1] for w in windows))


def window_gap(a: Window, b: Window) -> int:
    """Days between two windows; 0 when they overlap."""
    return max(0, (a[0] - b[1]).days, (b[0] - a[1]).days)


# --- folding ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MatchResult:
    incident: Incident
    """The incident that holds the event."""
    changed: bool
    """False when the event was already folded in (a redelivery): nothing to publish."""
    previous: Incident | None = None
    """The incident before this event was folded in; None for a new incident."""
    regrouped: tuple[Incident, ...] = ()
    """Every other incident a late event changed (regrouped reports), to publish too."""
    removed: tuple[str, ...] = ()
    """Ids of incidents a late event dissolved: their reports now belong to others."""
    late: bool = False
    """The event came after a later-published report of its block and was placed at its
    rank."""
    forgotten: tuple[Incident, ...] = ()
    """Incidents of the block dropped before the event was folded (past the window and
    grace, or over the report cap) while their alerts were still held, as they were last."""


def order_key(event: Event) -> OrderKey:
    """The order the fold treats reports in: publication time, then article, then the
    event's rank in its article. Incidents are what folding every report in this order
    gives, whatever order they arrive in (within the grace)."""
    return _key(event.published_at, event.article_id, event.event_id)


def report_key(report: Report) -> OrderKey:
    return _key(report.published_at, report.article_id, report.event_id)


DEFAULT_GRACE = dt.timedelta(days=DEFAULT_GRACE_DAYS)
"""See `warwire.config.DEFAULT_GRACE_DAYS`."""


def fold_event(
    state: DedupState,
    event: Event,
    window: dt.timedelta,
    grace: dt.timedelta = DEFAULT_GRACE,
    max_reports: int = DEFAULT_MAX_REPORTS,
) -> MatchResult:
    """Fold one event into the incident it belongs to, or open a new incident.

    The result is that of folding the block's reports in `order_key` order: an event that
    comes after every report of its block is matched directly; a late one is placed at its
    rank and the reports after it that it can reach are folded again (`_Refold`). Incidents
    are forgotten once the block's watermark (its newest publication time) is `window +
    grace` past their last report, so a report up to `grace` behind the watermark still meets
    every incident it could join."""
    block = blocking_key(event)
    known = state.get_event_incident(event.event_id)
    if known is not None and (incident := state.get_incident(known)) is not None:
        return MatchResult(incident, changed=False, previous=incident)
    mark = state.get_mark(block)
    watermark = max(mark.watermark, event.published_at) if mark else event.published_at
    forgotten: list[Incident] = []
    _, expired = _expire(state, block, watermark, window + grace, forgotten)
    held = mark.held - expired if mark and mark.held is not None else _held_reports(state, block)
    held = evict_oldest(state, block, held, max_reports - 1, forgotten)
    key = order_key(event)
    in_order = mark is None or key > mark.last_key()
    last = max(key, mark.last_key()) if mark else key

    def put_mark(held: int) -> None:
        state.put_mark(
            block,
            BlockMark(
                watermark=watermark,
                last_published=last[0],
                last_article=last[1],
                last_event=last[3],
                held=held,
                pending=mark.pending if mark else [],
                pending_at=mark.pending_at if mark else {},
            ),
        )

    candidates = _load_candidates(state, block, event, window)
    already = next((c for c in candidates if _holds(c, event)), None)
    if already is not None:
        # The event's index entry was lost (a crash between two table writes) but the
        # incident holds its report: a redelivery, to be recorded, not folded again.
        put_mark(held)
        state.put_event_incident(event.event_id, already.incident_id)
        return MatchResult(already, changed=False, previous=already, forgotten=tuple(forgotten))
    put_mark(held + 1)
    state.put_event(_stored(event))
    if not in_order:
        late = _fold_late(state, block, event, window)
        return replace(late, forgotten=tuple(forgotten))
    previous, incident = _place(state, block, event, window, candidates)
    return MatchResult(incident, changed=True, previous=previous, forgotten=tuple(forgotten))


def _stored(event: Event) -> Event:
    """The event as kept for folding again: without the evidence snippets."""
    return event.model_copy(update={"evidence": {}}) if event.evidence else event


def _place(
    state: DedupState,
    block: str,
    event: Event,
    window: dt.timedelta,
    candidates: list[Incident] | None = None,
) -> tuple[Incident | None, Incident]:
    """Fold an event that comes after every report in the block's state; returns the incident
    it joined (None for a new one) and the incident now holding it."""
    best = _original_incident(state, event)
    if best is None:
        if candidates is None:
            candidates = _load_candidates(state, block, event, window)
        best = _best_match(event, candidates)
    incident = _open_incident(event, block) if best is None else merge_report(best, event)
    _index(
        state, block, incident, previous_day=best.occurred_on if best else None, new=best is None
    )
    state.put_incident(incident)
    state.put_event_incident(event.event_id, incident.incident_id)
    return best, incident


def _block_incidents_since(state: DedupState, block: str, since: dt.datetime) -> list[Incident]:
    """The block's incidents with a report published at or after `since`."""
    found: dict[str, Incident] = {}
    for ref in state.get_directory(block):
        if ref.last_seen < since:
            continue
        for entry in state.get_bucket(ref.key):
            if entry.last_seen < since or entry.incident_id in found:
                continue
            incident = state.get_incident(entry.incident_id)
            if incident is not None and incident.last_seen >= since:
                found[incident.incident_id] = incident
    return sorted(found.values(), key=lambda i: i.incident_id)


def _unindex(state: DedupState, block: str, incident: Incident) -> None:
    key = _bucket_key(block, incident.occurred_on)
    remaining = [e for e in state.get_bucket(key) if e.incident_id != incident.incident_id]
    if remaining:
        state.put_bucket(key, remaining)
    else:
        state.delete_bucket(key)


@dataclass
class _Later:
    """An incident holding reports after a late event, as the refold found it."""

    incident: Incident
    days: frozenset[dt.date]
    """Every date its reports give: the incident's date, after any of its reports, is one."""
    first_dated: OrderKey | None
    """Its first report with a date: before it, the incident has no date."""
    published: list[dt.datetime]
    """When its reports were published, in order."""
    reach: Window
    """From the first to the last day any of its reports looks for candidates on."""
    copies: bool
    """It holds a copy of a repeated article's event (placed by its original's incident)."""

    def open_at(self, since: dt.datetime, until: dt.datetime) -> bool:
        """Whether it has a report published in [since, until]: undated, it is a candidate
        only for events published within the window after its last report."""
        at = bisect.bisect_left(self.published, since)
        return at < len(self.published) and self.published[at] <= until


@dataclass
class _Refold:
    """Folding again, in order, the reports a late event may place differently.

    Only what the late event can reach is folded again. An incident is *dirty* when the
    reports it holds differ from those it held at the same point of the fold before. A report
    whose candidate incidents (and the one that held it) are all clean would be placed as
    before, so it goes back to its incident without matching. Otherwise every incident that
    could be its candidate at that point is cut back to its reports before it (those after
    are queued) and the report is matched again. An incident no dirty one reaches keeps its
    reports untouched, so the cost follows the late event's neighbourhood, not the block."""

    state: DedupState
    block: str
    window: dt.timedelta
    later: dict[str, _Later]
    queue: list[tuple[OrderKey, Event]] = field(default_factory=list)
    before: dict[str, Incident] = field(default_factory=dict)
    """Incidents cut back, as they were."""
    held_by: dict[str, str] = field(default_factory=dict)
    """Queued report -> the incident that held it before."""
    dirty: set[str] = field(default_factory=set)
    dirty_days: set[dt.date] = field(default_factory=set)
    undated_until: dt.datetime | None = None
    """A dirty incident may be undated: events published up to this time can see it."""
    touched: dict[str, None] = field(default_factory=dict)

    def cut(self, incident_id: str, key: OrderKey) -> None:
        """Cut an incident back to its reports before `key`, queueing the others."""
        found = self.later.get(incident_id)
        if found is None:
            return
        # Once cut, an incident is refilled in order: what the state holds is all of it.
        current = self.state.get_incident(incident_id)
        incident = current if incident_id in self.before else current or found.incident
        if incident is None or not incident.reports or report_key(incident.reports[-1]) <= key:
            return
        self.before.setdefault(incident_id, incident)
        _unindex(self.state, self.block, incident)
        self.state.delete_incident(incident_id)
        kept: list[Report] = []
        for report in incident.reports:
            if report_key(report) < key:
                kept.append(report)
                continue
            self.state.delete_event_incident(report.event_id)
            stored = self.state.get_event(report.event_id)
            if stored is not None:
                heapq.heappush(self.queue, (report_key(report), stored))
                self.held_by[report.event_id] = incident_id
        rebuilt = _rebuild(self.state, self.block, kept, incident) if kept else None
        if rebuilt is not None:
            _index(self.state, self.block, rebuilt, previous_day=None, new=True)
            self.state.put_incident(rebuilt)
            for report in kept:
                self.state.put_event_incident(report.event_id, rebuilt.incident_id)
        self.touched[incident_id] = None

    def reaches(self, event: Event) -> bool:
        """Whether a dirty incident may be among the event's candidates."""
        if self.undated_until is not None and event.published_at <= self.undated_until:
            return True
        return any(day in self.dirty_days for day in _candidate_days(event))

    def spoil(self, incident_id: str, key: OrderKey) -> None:
        self.dirty.add(incident_id)
        reports = list(self.before[incident_id].reports) if incident_id in self.before else []
        current = self.state.get_incident(incident_id)
        reports += current.reports if current else []
        for report in reports:
            if report.occurred_on is not None:
                self.dirty_days.add(report.occurred_on)
        latest = max((r.published_at for r in reports), default=None)
        if latest is not None and any(r.occurred_on is None for r in reports):
            until = latest + self.window
            self.undated_until = max(self.undated_until or until, until)
        # A report still in place that could now meet a dirty incident is folded again.
        for other_id, found in list(self.later.items()):
            if other_id in self.before:
                continue
            low, high = found.reach
            near = any(low <= day <= high for day in self.dirty_days)
            if found.copies or near or self._undated_reach(found, key):
                self.cut(other_id, key)

    def _undated_reach(self, found: _Later, key: OrderKey) -> bool:
        """Whether a report of `found` after `key` is published early enough to see a dirty
        incident that may be undated."""
        if self.undated_until is None:
            return False
        at = bisect.bisect_left(found.published, key[0])
        return at < len(found.published) and found.published[at] <= self.undated_until

    def cut_candidates(self, event: Event, key: OrderKey) -> None:
        """Cut back every incident that could be the event's candidate at its rank."""
        for candidate in _load_candidates(self.state, self.block, event, self.window):
            self.cut(candidate.incident_id, key)  # as it stands, with reports after the event
        days = set(_candidate_days(event))
        for incident_id, found in list(self.later.items()):  # as it was at the event's rank
            if days & found.days or (
                (found.first_dated is None or found.first_dated > key)
                and found.open_at(event.published_at - self.window, event.published_at)
            ):
                self.cut(incident_id, key)
        if event.duplicate_of is not None:
            original = self.state.get_event_incident(event.duplicate_of)
            if original is not None:
                self.cut(original, key)

    def place(self, event: Event, must_match: bool) -> None:
        key = order_key(event)
        held = self.held_by.get(event.event_id)
        if (
            not must_match
            and event.duplicate_of is None
            and held is not None
            and held not in self.dirty
            and not self.reaches(event)
        ):
            current = self.state.get_incident(held)
            if current is not None or stable_id("inc", event.event_id) == held:
                incident = (
                    _open_incident(event, self.block)
                    if current is None
                    else merge_report(current, event)
                )
                previous_day = current.occurred_on if current else None
                _index(self.state, self.block, incident, previous_day, new=current is None)
                self.state.put_incident(incident)
                self.state.put_event_incident(event.event_id, incident.incident_id)
                self.touched[incident.incident_id] = None
                return
        self.cut_candidates(event, key)
        _, incident = _place(self.state, self.block, event, self.window)
        self.touched[incident.incident_id] = None
        if held != incident.incident_id or incident.incident_id in self.dirty:
            self.spoil(incident.incident_id, key)
            if held is not None:
                self.spoil(held, key)

    def run(self, event: Event) -> None:
        self.place(event, must_match=True)
        while self.queue:
            _, queued = heapq.heappop(self.queue)
            self.place(queued, must_match=False)


def _fold_late(state: DedupState, block: str, event: Event, window: dt.timedelta) -> MatchResult:
    """Place a late event at its rank: the result is that of folding the block's reports in
    order, but only the reports the event can reach are folded again (`_Refold`)."""
    key = order_key(event)
    later: dict[str, _Later] = {}
    for incident in _block_incidents_since(state, block, event.published_at):
        if not any(report_key(r) > key for r in incident.reports):
            continue
        dated = [report_key(r) for r in incident.reports if r.occurred_on is not None]
        days = frozenset(r.occurred_on for r in incident.reports if r.occurred_on is not None)
        published = [r.published_at for r in incident.reports]
        reaches = [_report_reach(r, incident.type) for r in incident.reports]
        reach = (min(r[0] for r in reaches), max(r[1] for r in reaches))
        copies = any(r.duplicate_of is not None for r in incident.reports)
        later[incident.incident_id] = _Later(
            incident, days, min(dated, default=None), published, reach, copies
        )
    refold = _Refold(state, block, window, later)
    refold.run(event)
    before = refold.before
    result: dict[str, Incident] = {}
    for incident_id in refold.touched:
        current = state.get_incident(incident_id)
        if current is None:
            continue
        version = before[incident_id].version if incident_id in before else 0
        if incident_id in before or current.version <= version:
            current = current.model_copy(update={"version": max(current.version, version + 1)})
        result[incident_id] = current
    for old in before.values():
        members = frozenset(r.event_id for r in old.reports)
        for kind, record in old.alerted.items():
            holder_id = _successor(state, result, members, record)
            if holder_id is None:
                continue
            holder = result[holder_id]
            if kind not in holder.alerted or _outranks(record, holder.alerted[kind]):
                alerted = {**holder.alerted, kind: record}
                result[holder_id] = holder.model_copy(update={"alerted": alerted})
    for incident in result.values():
        state.put_incident(incident)
    holder_id = state.get_event_incident(event.event_id)
    assert holder_id is not None and holder_id in result
    removed = tuple(sorted(i for i in before if i not in result))
    regrouped = tuple(i for i_id, i in sorted(result.items()) if i_id != holder_id)
    return MatchResult(
        result[holder_id],
        changed=True,
        previous=before.get(holder_id),
        regrouped=regrouped,
        removed=removed,
        late=True,
    )


def _successor(
    state: DedupState, result: dict[str, Incident], members: frozenset[str], record: AlertRecord
) -> str | None:
    """The regrouped incident that carries on an old one, and so its alert records: the one
    holding most of its reports; ties go to the one holding the alert's report."""
    shares: Counter[str] = Counter()
    for event_id in members:
        holder = state.get_event_incident(event_id)
        if holder in result:
            shares[holder] += 1
    if not shares:
        return None
    trigger = state.get_event_incident(record.event_id) if record.event_id else None
    return max(shares, key=lambda i: (shares[i], i == trigger, i))


def alert_holders(incidents: Iterable[Incident]) -> dict[str, str]:
    """Alert id -> the incident whose ledger records it: the incident an alert belongs to
    once late reports have regrouped the block."""
    return {
        record.alert_id: incident.incident_id
        for incident in incidents
        for record in incident.alerted.values()
    }


def _outranks(record: AlertRecord, other: AlertRecord) -> bool:
    """Of two records of one kind that meet in one incident, the one to keep: the larger
    figures (an update never goes back on them), else the one already kept."""
    return sum(record.figures.values()) > sum(other.figures.values())


def _rebuild(
    state: DedupState, block: str, reports: list[Report], incident: Incident
) -> Incident | None:
    """The incident as it was with only `reports` (the earliest of its reports)."""
    events = [e for r in reports if (e := state.get_event(r.event_id)) is not None]
    if not events:
        return None
    events.sort(key=order_key)
    rebuilt = _open_incident(events[0], block)
    for event in events[1:]:
        rebuilt = merge_report(rebuilt, event)
    return rebuilt.model_copy(update={"version": incident.version})


def _original_incident(state: DedupState, event: Event) -> Incident | None:
    """For a copy of a repeated article's event: the incident of the event it repeats."""
    if event.duplicate_of is None:
        return None
    incident_id = state.get_event_incident(event.duplicate_of)
    incident = state.get_incident(incident_id) if incident_id else None
    if incident is None or any(r.article_id == event.article_id for r in incident.reports):
        return None
    return incident


def _candidate_days(event: Event) -> list[dt.date]:
    status = event.status if isinstance(event, NegotiationEvent) else None
    launch = sum(getattr(event, name, None) is not None for name in LAUNCH_FIGURES)
    window = _window(event.type, event.occurred_on, event.published_at, event.background, status)
    return _days_within_reach(event.type, window, event.published_at, launch)


def _report_reach(report: Report, kind: str) -> Window:
    """The first and last of `_candidate_days` of the event behind a report."""
    launch = sum(name in report.figures for name in LAUNCH_FIGURES)
    window = _window(
        kind, report.occurred_on, report.published_at, report.background, report.status
    )
    return _reach_bounds(kind, window, report.published_at, launch)


def _days_within_reach(
    kind: str, window: Window | None, published_at: dt.datetime, launch: int
) -> list[dt.date]:
    first, last = _reach_bounds(kind, window, published_at, launch)
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def _reach_bounds(
    kind: str, window: Window | None, published_at: dt.datetime, launch: int
) -> Window:
    if window is None:
        day = kyiv_day(published_at)
        window = (day - dt.timedelta(days=UNANCHORED_LOOKBACK_DAYS), day)
    if kind == "negotiation":
        days = MAX_NEGOTIATION_GAP_DAYS
    elif launch >= 2:
        days = MAX_STRIKE_GAP_DAYS
    else:
        days = 1  # more than a day apart needs two matching launch figures
    reach = dt.timedelta(days=days)
    return window[0] - reach, window[1] + reach


def _bucket_key(block: str, day: dt.date | None) -> str:
    return f"{block}|{day.isoformat() if day else UNDATED}"


def _load_candidates(
    state: DedupState, block: str, event: Event, window: dt.timedelta
) -> list[Incident]:
    keys = [_bucket_key(block, day) for day in _candidate_days(event)]
    keys.append(_bucket_key(block, None))
    seen: set[str] = set()
    found: list[Incident] = []
    for key in keys:
        for entry in state.get_bucket(key):
            if entry.incident_id in seen:
                continue
            seen.add(entry.incident_id)
            incident = state.get_incident(entry.incident_id)
            if incident is None or event.published_at - open_since(incident) > window:
                continue
            found.append(incident)
    return found


def open_since(incident: Incident) -> dt.datetime:
    """From when an incident's window runs: its last report, or the end of its date when
    that is later (a round announced two weeks ahead is news again on the day it is held)."""
    if incident.occurred_on is None:
        return incident.last_seen
    day_end = dt.datetime.combine(incident.occurred_on, dt.time(23, 59), tzinfo=KYIV)
    return max(incident.last_seen, day_end)


def _index(
    state: DedupState, block: str, incident: Incident, previous_day: dt.date | None, new: bool
) -> None:
    key = _bucket_key(block, incident.occurred_on)
    entry = BucketEntry(incident_id=incident.incident_id, last_seen=incident.last_seen)
    entries = [e for e in state.get_bucket(key) if e.incident_id != incident.incident_id]
    state.put_bucket(key, [*entries, entry])
    old_key = _bucket_key(block, previous_day)
    if not new and old_key != key:
        remaining = [e for e in state.get_bucket(old_key) if e.incident_id != incident.incident_id]
        if remaining:
            state.put_bucket(old_key, remaining)
        else:
            state.delete_bucket(old_key)
    refs = {ref.key: ref for ref in state.get_directory(block)}
    known = refs.get(key)
    seen = incident.last_seen
    if known is None:
        refs[key] = BucketRef(key=key, last_seen=seen, oldest=seen)
    elif known.last_seen < seen or (known.oldest is not None and seen < known.oldest):
        oldest = min(known.oldest, seen) if known.oldest is not None else None
        refs[key] = BucketRef(key=key, last_seen=max(known.last_seen, seen), oldest=oldest)
    else:
        return
    state.put_directory(block, sorted(refs.values(), key=lambda r: r.key))


def expire_block(state: DedupState, block: str, now: dt.datetime, window: dt.timedelta) -> int:
    """Forget every incident of `block` with no report within `window` before `now`, and
    the day buckets left empty. Returns how many incidents were forgotten. `now` is the
    block's watermark (its newest publication time), never the time of a report in hand, so
    a late report cannot close incidents that later ones still need."""
    return _expire(state, block, now, window)[0]


def _expire(
    state: DedupState,
    block: str,
    now: dt.datetime,
    window: dt.timedelta,
    held_back: list[Incident] | None = None,
) -> tuple[int, int]:
    """Forget the incidents whose last report is more than `window` before `now`, one by one:
    a bucket kept for a newer incident (the undated one holds every undated round) does not
    keep its older ones, which would then meet a later report or not depending on what else
    shared their bucket when it came, so on the arrival order."""
    refs = state.get_directory(block)
    stale = [ref for ref in refs if now - ref.last_seen > window]
    aging = [
        ref
        for ref in refs
        if now - ref.last_seen <= window and (ref.oldest is None or now - ref.oldest > window)
    ]
    if not stale and not aging:
        return 0, 0
    incidents, reports = _forget(state, stale, held_back)
    kept = {ref.key: ref for ref in refs if now - ref.last_seen <= window}
    for ref in aging:
        entries = state.get_bucket(ref.key)
        fresh = [e for e in entries if now - e.last_seen <= window]
        for entry in entries:
            if now - entry.last_seen > window:
                reports += _drop(state, entry.incident_id, held_back)
                incidents += 1
        if fresh:
            if len(fresh) < len(entries):
                state.put_bucket(ref.key, fresh)
            oldest = min(e.last_seen for e in fresh)
            kept[ref.key] = ref.model_copy(update={"oldest": oldest})
        else:
            state.delete_bucket(ref.key)
            del kept[ref.key]
    state.put_directory(block, sorted(kept.values(), key=lambda r: r.key))
    return incidents, reports


def _forget(
    state: DedupState, refs: Iterable[BucketRef], held_back: list[Incident] | None = None
) -> tuple[int, int]:
    """Drop the day buckets and everything they hold; returns (incidents, reports) dropped.
    Dropped incidents whose alerts were still held are added to `held_back`."""
    incidents = reports = 0
    for ref in refs:
        for entry in state.get_bucket(ref.key):
            reports += _drop(state, entry.incident_id, held_back)
            incidents += 1
        state.delete_bucket(ref.key)
    return incidents, reports


def _drop(state: DedupState, incident_id: str, held_back: list[Incident] | None) -> int:
    """Forget one incident, its reports and their events; returns how many reports."""
    incident = state.get_incident(incident_id)
    if incident is not None and incident.alerts_pending and held_back is not None:
        held_back.append(incident)
    reports = incident.reports if incident else []
    for report in reports:
        state.delete_event_incident(report.event_id)
        state.delete_event(report.event_id)
    state.delete_incident(incident_id)
    return len(reports)


def _held_reports(state: DedupState, block: str) -> int:
    total = 0
    for ref in state.get_directory(block):
        for entry in state.get_bucket(ref.key):
            incident = state.get_incident(entry.incident_id)
            total += len(incident.reports) if incident else 0
    return total


def evict_oldest(
    state: DedupState,
    block: str,
    held: int,
    most: int,
    held_back: list[Incident] | None = None,
) -> int:
    """While the block holds more than `most` reports, forget its incident with the oldest
    last report (ties: the smallest incident id), one at a time, whatever else its day
    bucket holds. Returns the reports still held; incidents dropped with their alerts still
    held are added to `held_back`.

    Buckets are read oldest first by their directory entry's `oldest`, so the cost follows
    what is evicted and the buckets read to find it; the buckets read leave the directory
    with their exact newest and oldest last report."""
    if held <= most:
        return held
    refs = {ref.key: ref for ref in state.get_directory(block)}
    # (last report, bucket read?, incident id, bucket key). `oldest` only bounds an unread
    # bucket from below, so it sorts before a read one of the same time: a tie is settled
    # once every bucket that may hold a party to it is read.
    queue = [(ref.oldest, False, "", key) for key, ref in refs.items() if ref.oldest is not None]
    heapq.heapify(queue)
    left: dict[str, list[BucketEntry]] = {}
    """Bucket read -> its entries not forgotten, newest first."""

    def read(key: str) -> None:
        entries = sorted(
            state.get_bucket(key), key=lambda e: (e.last_seen, e.incident_id), reverse=True
        )
        left[key] = entries
        if entries:
            heapq.heappush(queue, (entries[-1].last_seen, True, entries[-1].incident_id, key))

    for key, ref in refs.items():
        if ref.oldest is None:  # written before `oldest` was kept
            read(key)
    evicted: set[str] = set()
    while held > most and queue:
        _, was_read, _, key = heapq.heappop(queue)
        if not was_read:
            read(key)
            continue
        entries = left[key]
        held -= _drop(state, entries.pop().incident_id, held_back)
        evicted.add(key)
        if entries:
            heapq.heappush(queue, (entries[-1].last_seen, True, entries[-1].incident_id, key))
    if not queue:  # everything forgotten
        held = 0
    for key, entries in left.items():
        if key in evicted:
            kept = {e.incident_id for e in entries}
            remaining = [e for e in state.get_bucket(key) if e.incident_id in kept]
            if remaining:
                state.put_bucket(key, remaining)
            else:
                state.delete_bucket(key)
        if entries:
            newest = max(e.last_seen for e in entries)
            update = {"last_seen": newest, "oldest": entries[-1].last_seen}
            refs[key] = refs[key].model_copy(update=update)
        else:
            del refs[key]
    state.put_directory(block, sorted(refs.values(), key=lambda r: r.key))
    return held


# --- matching ---------------------------------------------------------------------------------


def _best_match(event: Event, candidates: Sequence[Incident]) -> Incident | None:
    scored = [(match_score(event, c), c) for c in candidates]
    scored = [(s, c) for s, c in scored if s > 0]
    if not scored:
        return None
    return max(scored, key=lambda sc: (sc[0], sc[1].last_seen, sc[1].incident_id))[1]


SAME_ARTICLE_PENALTY = 0.5
SUPPORT_BONUS = 0.25
"""Per further article reporting an incident (up to four): ties go to the better-attested."""


def match_score(event: Event, incident: Incident) -> float:
    """How well an event fits an incident; 0 means it is a different event."""
    if incident.type != event.type:
        return 0.0
    own = _reports_of(incident, event)
    if isinstance(event, NegotiationEvent) and any(r.status != event.status for r in own):
        return 0.0  # an article telling of a round held and of one to come: two rounds
    if isinstance(event, StrikeEvent):
        score = _strike_score(event, incident)
    else:
        score = _negotiation_score(event, incident)
    if score <= 0:
        return score
    score += SUPPORT_BONUS * _support(incident)
    if not own:
        return score
    if isinstance(event, NegotiationEvent) and any(
        r.parties and set(r.parties) != set(event.parties) for r in own
    ):
        # One article telling of talks between two different sets of sides (a Biden-Putin
        # call and a Macron-Putin call the same day) tells of two contacts.
        return 0.0
    # An article reports each event once: a second event of it that fits an incident it
    # already reports is the extractor repeating itself, taken only when nothing else fits.
    return max(score - SAME_ARTICLE_PENALTY, 0.1)


def _reports_of(incident: Incident, event: Event) -> list[Report]:
    """The incident's reports from the event's article (reports are kept in publication
    order, and all of one article's have its publication time)."""
    reports = incident.reports
    start = bisect.bisect_left(reports, event.published_at, key=lambda r: r.published_at)
    found = []
    for report in reports[start:]:
        if report.published_at != event.published_at:
            break
        if report.article_id == event.article_id:
            found.append(report)
    return found


def _support(incident: Incident, most: int = 4) -> int:
    """Further distinct articles reporting the incident, counted up to `most`."""
    articles: set[str] = set()
    for report in incident.reports:
        if report.duplicate_of is None:
            articles.add(report.article_id)
            if len(articles) > most:
                break
    return len(articles) - 1


UNDATED_FIT = -0.75


def _date_fit(event_days: Window | None, incident_days: Window | None) -> tuple[int | None, float]:
    """The gap in days between the two (None when either is unknown) and a bonus for the
    same exact day, halved when a window stands in for a date (a penalty for a gap, or for
    one side without a date)."""
    if event_days is None and incident_days is None:
        return None, 0.0
    if event_days is None or incident_days is None:
        # one side dated, the other not: weaker evidence than a day's gap, so a dated report
        # joins the dated incident a day off before an undated recalled one
        return None, UNDATED_FIT

    gap = window_gap(event_days, incident_days)
    if gap:
        return gap, -0.5 * gap
    exact = event_days[0] == event_days[1] and incident_days[0] == incident_days[1]
    return 0, 1.0 if exact else 0.5


_PLACE_SUFFIXES = (" oblast", " region", " province", " city", " krai")
_PLACE_ALIASES = {
    "kiev": "kyiv",
    "kharkov": "kharkiv",
    "odessa": "odesa",
    "dnepr": "dnipro",
    "dnipropetrovsk": "dnipro",
    "zaporozhye": "zaporizhzhia",
    "zaporizhia": "zaporizhzhia",
    "nikolaev": "mykolaiv",
    "lvov": "lviv",
    "chernigov": "chernihiv",
}


@functools.lru_cache(maxsize=4096)
def normalise_place(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()
    for suffix in _PLACE_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
    return _PLACE_ALIASES.get(text, text)


@functools.cache
def _venue_countries() -> dict[str, str]:
    return {normalise_place(name): place.country for name, place in places_by_name().items()}


def _venue_country(normalised_venue: str) -> str | None:
    return _venue_countries().get(normalised_venue)


def _places(names: Iterable[str]) -> set[str]:
    return {normalise_place(n) for n in names}


@functools.cache
def _place_regions() -> dict[str, str]:
    return {
        normalise_place(name): normalise_place(place.region)
        for name, place in places_by_name().items()
        if place.region
    }


def _within(places_a: set[str], places_b: set[str]) -> bool:
    """Whether a place of one list lies in a region the other names (Kramatorsk and the
    Donetsk region): the same strike told at two scales."""
    regions = _place_regions()
    return any(regions.get(a) in places_b for a in places_a) or any(
        regions.get(b) in places_a for b in places_b
    )


TOLL_MATCH_MIN = 3
"""A toll given exactly alike by two reports (23 killed, 61 injured) from this size on is
evidence of one strike: small tolls are too common to tell strikes apart."""


def toll_agreement(event: StrikeEvent, figures: dict[str, Figure]) -> int:
    """Tolls the event gives exactly as some report of the incident did."""
    agree = 0
    for name in ("killed", "injured"):
        value = getattr(event, name)
        figure = figures.get(name)
        if value is not None and figure is not None and value >= TOLL_MATCH_MIN:
            agree += int(value in (figure.values or [figure.low, figure.high]))
    return agree


@dataclass(frozen=True)
class FigureAgreement:
    agree: int = 0
    """Launch figures close to (CLOSE_SHARE) a figure some report of the incident gave."""
    distinctive: int = 0
    """Of those, figures given exactly (or one apart, from 100 on) that are neither small nor
    round (like 805, not 100 or 400): near-proof of one barrage."""
    conflict: int = 0
    """Launch figures more than twice any report's: another barrage."""


CLOSE_SHARE = 0.15
"""Counts of one barrage differ this much between a first estimate ("over 70 missiles") and
the final tally (78)."""


def _close(a: int, b: int) -> bool:
    return abs(a - b) <= max(1.0, CLOSE_SHARE * max(a, b))


NEAR_EXACT_FROM = 100
"""From this size on, a count one apart from another (121 and 120 drones downed) is still
near-proof of one barrage: outlets round or correct by one, nights do not repeat that close."""


def _near_exact(value: int, values: Iterable[int]) -> bool:
    return any(v == value or (value >= NEAR_EXACT_FROM and abs(v - value) <= 1) for v in values)


def _far(a: int, b: int) -> bool:
    return max(a, b) > 2 * min(a, b) + 5


def figure_agreement(event: StrikeEvent, figures: dict[str, Figure]) -> FigureAgreement:
    """How the event's launch figures compare with every value the incident's reports gave."""
    agree = distinctive = conflict = 0
    for name in LAUNCH_FIGURES:
        value = getattr(event, name)
        figure = figures.get(name)
        if value is None or figure is None:
            continue
        values = figure.values or [figure.low, figure.high]
        if any(_close(value, v) for v in values):
            agree += 1
            distinctive += int(value >= 20 and value % 50 != 0 and _near_exact(value, values))
        elif all(_far(value, v) for v in values):
            conflict += 1
    return FigureAgreement(agree, distinctive, conflict)


def _strike_score(event: StrikeEvent, incident: Incident) -> float:
    """All the evidence together: dates, places (the same, or a city and its region),
    launch figures and tolls. The further apart the dates, the more must agree."""
    if incident.attacker != event.attacker or incident.target_country != event.target_country:
        return 0.0
    gap, date_bonus = _date_fit(event_window(event), incident_window(incident))
    places_event, places_incident = _places(event.places), _places(incident.places)
    overlap = bool(places_event & places_incident)
    near = not overlap and _within(places_event, places_incident)
    disjoint = bool(places_event and places_incident and not overlap and not near)
    figures = figure_agreement(event, incident.figures)
    tolls = toll_agreement(event, incident.figures)
    if figures.conflict and not figures.agree and not overlap:
        return 0.0
    # Strikes come night after night, on the same cities, in round numbers: the further
    # apart two reports' dates, the more they must share to be one strike.
    if gap is None:  # a recalled strike without a date
        if not (overlap and (figures.distinctive or tolls)):
            return 0.0
    elif gap > MAX_STRIKE_GAP_DAYS:
        return 0.0
    elif gap >= 2:  # a later report misdating the strike
        if figures.agree < 2 or not figures.distinctive or figures.conflict:
            return 0.0
    elif gap == 1:  # an overnight strike dated by its evening or its morning
        same_place = overlap or near
        if not (
            figures.distinctive
            or (same_place and figures.agree >= 2 and not figures.conflict)
            or (same_place and tolls and not figures.conflict)
            or _part_of_wave(event, incident)
        ):
            return 0.0
    elif disjoint and not figures.agree and not tolls and not _part_of_wave(event, incident):
        return 0.0  # same day, different places, nothing shared: separate strikes
    score = 1.0 + 2.0 * overlap + 1.0 * near + figures.agree + 2.0 * figures.distinctive
    score += 1.5 * tolls - figures.conflict
    return score + date_bonus


WAVE_WEAPONS = 50
"""Drones + missiles from which a strike is a wave over the country rather than a strike
on one place."""


_LAUNCHED = ("drones", "missiles")


def _launched(figures: dict[str, int]) -> int:
    return sum(figures.get(name, 0) for name in _LAUNCHED)


def _part_of_wave(event: StrikeEvent, incident: Incident) -> bool:
    """A same-day report of a toll in one city, without launch figures, belongs to the
    country-wide wave that the other side reports (either may come first)."""
    event_launched = _launched(_report(event).figures)
    incident_launched = sum(f.high for n, f in incident.figures.items() if n in _LAUNCHED)
    if event_launched >= WAVE_WEAPONS:
        return incident_launched == 0
    return event_launched == 0 and incident_launched >= WAVE_WEAPONS


_REMOTE = frozenset({"call", "video"})
_ROUND_FORMATS = frozenset({"in_person", "video"})


def _formats_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b or (a in _REMOTE and b in _REMOTE)


_SURNAME = re.compile(r"[\w'-]+$")


def _surnames(names: Iterable[str]) -> set[str]:
    out = set()
    for name in names:
        folded = unicodedata.normalize("NFKD", name)
        folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
        if match := _SURNAME.search(folded.strip()):
            out.add(match.group(0).rstrip("iy"))
    return out


def _same_host(
    event: NegotiationEvent, incident: Incident, venue: str, other_venue: str, gap: int | None
) -> bool:
    """Outlets misplace a round between two cities of one host country (Jeddah talks
    reported as held in Riyadh): the same days and the same parties make it one round."""
    country = _venue_country(venue)
    return (
        gap == 0
        and set(event.parties) == set(incident.parties)
        and country is not None
        and country == _venue_country(other_venue)
    )


def _negotiation_score(event: NegotiationEvent, incident: Incident) -> float:
    """All the evidence together: dates, venue, format, parties and the people named. One
    field read differently (a call told as a meeting) is outweighed when the same people
    met the same day; two contacts between the same sides the same day are told apart by
    who took part."""
    gap, date_bonus = _date_fit(event_window(event), incident_window(incident))
    if gap is not None and gap > MAX_NEGOTIATION_GAP_DAYS:
        return 0.0
    if gap is not None and gap > 1 and event.status == "held" and incident.status == "held":
        return 0.0
    venue_event = normalise_place(event.venue) if event.venue else None
    venue_incident = normalise_place(incident.venue) if incident.venue else None
    same_venue = venue_event is not None and venue_event == venue_incident
    if (
        venue_event
        and venue_incident
        and not same_venue
        and not _same_host(event, incident, venue_event, venue_incident, gap)
    ):
        return 0.0
    people_event, people_incident = _surnames(event.participants), _surnames(incident.participants)
    shared_people = len(people_event & people_incident)
    if people_event and people_incident and not shared_people and not same_venue:
        return 0.0  # the same sides, other people: another contact
    remote = event.format in _REMOTE and incident.format in _REMOTE
    if remote and min(len(people_event), len(people_incident)) >= 2 and shared_people < 2:
        return 0.0  # a call is between the people it names: other pairs, another call
    parties_event, parties_incident = set(event.parties), set(incident.parties)
    shared_parties = len(parties_event & parties_incident)
    format_conflict = not _formats_compatible(event.format, incident.format)
    if format_conflict and not (
        gap == 0
        and (
            shared_people >= 2
            # delegations' talks told as by video in one report and in person in another
            or (
                {event.format, incident.format} <= _ROUND_FORMATS
                and parties_event == parties_incident
            )
        )
    ):
        return 0.0
    if parties_event and parties_incident and shared_parties < min(2, len(parties_event)):
        return 0.0
    if not same_venue and shared_parties < 2:
        return 0.0
    if gap is None and not (same_venue or shared_people):
        return 0.0  # a recalled round without a date: needs its venue or its people
    score = 1.0 + 2.0 * same_venue + shared_parties + shared_people + date_bonus
    return score - 1.0 * format_conflict


# --- merging ----------------------------------------------------------------------------------


def _report(event: Event) -> Report:
    figures: dict[str, int] = {}
    status = None
    parties: list[str] = []
    if isinstance(event, StrikeEvent):
        figures = {n: v for n in STRIKE_FIGURES if (v := getattr(event, n)) is not None}
    else:
        status = event.status
        parties = sorted(event.parties)
    return Report(
        event_id=event.event_id,
        article_id=event.article_id,
        outlet=event.outlet,
        url=event.url,
        published_at=event.published_at,
        figures=figures,
        occurred_on=event.occurred_on,
        background=event.background,
        status=status,
        parties=parties,
        duplicate_of=event.duplicate_of,
    )


def _open_incident(event: Event, block: str) -> Incident:
    base = Incident(
        incident_id=stable_id("inc", event.event_id),
        type=event.type,
        version=0,
        blocking_key=block,
        first_seen=event.published_at,
        last_seen=event.published_at,
    )
    return _with_report(base, event, [])


def merge_report(incident: Incident, event: Event) -> Incident:
    return _with_report(incident, event, incident.reports)


def _holds(incident: Incident, event: Event) -> bool:
    """Whether the incident already has this event's report (reports are kept sorted)."""
    wanted = order_key(event)
    at = bisect.bisect_left(incident.reports, wanted, key=report_key)
    return at < len(incident.reports) and report_key(incident.reports[at]) == wanted


def _with_report(incident: Incident, event: Event, reports: list[Report]) -> Incident:
    report = _report(event)
    all_reports = [r for r in reports if r.event_id != event.event_id]
    bisect.insort(all_reports, report, key=report_key)
    merged = incident.model_copy(
        update={
            "reports": all_reports,
            "version": incident.version + 1,
            "first_seen": min(incident.first_seen, event.published_at),
            "last_seen": max(incident.last_seen, event.published_at),
            "outlets": sorted({r.outlet for r in all_reports if r.outlet}),
            "background": all(r.background for r in all_reports),
            "occurred_on": incident_date(all_reports, incident.type),
        }
    )
    if isinstance(event, StrikeEvent):
        merged.attacker = merged.attacker or event.attacker
        merged.target_country = merged.target_country or event.target_country
        merged.places = _union(merged.places, event.places, key=normalise_place)
        merged.figures = reconcile_figures(all_reports)
    else:
        _merge_negotiation(merged, event, all_reports)
    return merged


def incident_date(reports: Sequence[Report], kind: str) -> dt.date | None:
    """The date most reports give, current reports before recalled ones and, for talks,
    reports of the round as held before announcements of it; ties go to the earliest."""

    talks = kind == "negotiation"
    counts_by_rank: defaultdict[tuple[bool, bool], Counter[dt.date]] = defaultdict(Counter)
    for report in reports:
        if report.occurred_on is not None:
            rank = (not report.background, talks and report.status == "held")
            counts_by_rank[rank][report.occurred_on] += 1
    if not counts_by_rank:
        return None
    counts = counts_by_rank[max(counts_by_rank)]
    top = max(counts.values())
    return min(day for day, n in counts.items() if n == top)


def _merge_negotiation(
    incident: Incident, event: NegotiationEvent, reports: Sequence[Report]
) -> None:
    current = [r for r in reports if not r.background] or list(reports)
    incident.status = "held" if any(r.status == "held" for r in current) else "scheduled"
    incident.format = incident.format or event.format
    incident.venue = incident.venue or event.venue
    incident.parties = sorted(set(incident.parties) | set(event.parties))
    incident.participants = _union(incident.participants, event.participants)


def _union(
    existing: list[str], new: Iterable[str], key: Callable[[str], str] = str.casefold
) -> list[str]:
    seen = {key(x) for x in existing}
    out = list(existing)
    for item in new:
        if key(item) not in seen:
            seen.add(key(item))
            out.append(item)
    return out


def reconcile_figures(reports: Sequence[Report]) -> dict[str, Figure]:
    """Each figure across the reports: the range of what they say, and a best estimate.

    Tolls take the highest figure (they only rise as the dead are found; a lower later one is
    a partial count). Launch counts take the most-cited figure, ties going to the latest
    report. Copies of a repeated article are not counted as more sources."""
    sources = [r for r in reports if r.duplicate_of is None] or list(reports)
    given: defaultdict[str, list[int]] = defaultdict(list)
    for report in sources:
        for name, value in report.figures.items():
            given[name].append(value)
    figures: dict[str, Figure] = {}
    for name in STRIKE_FIGURES:
        # reports are in time order, so ties below go to the latest
        values = given.get(name)
        if not values:
            continue
        if name in TOLL_FIGURES:
            estimate = max(values)
        else:
            counts = Counter(values)
            top = max(counts.values())
            estimate = next(v for v in reversed(values) if counts[v] == top)
        figures[name] = Figure(
            estimate=estimate,
            low=min(values),
            high=max(values),
            reports=len(values),
            values=sorted(set(values)),
        )
    return figures
