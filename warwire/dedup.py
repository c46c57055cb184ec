"""Fold events from many reports into incidents. Pure: state lives behind `DedupState`.

Events that could describe the same real event share a *blocking key* (type, attacker and
target), so a streaming deployment routes them to one partition. Within a block, incidents
are indexed by day bucket so a lookup touches only the days an event could match.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from pydantic import BaseModel

from schemas import Figure, Incident, NegotiationEvent, Report, StrikeEvent
from warwire.ids import stable_id

Event = StrikeEvent | NegotiationEvent

STRIKE_FIGURES = ("drones", "missiles", "drones_downed", "missiles_downed", "killed", "injured")
TOLL_FIGURES = frozenset({"killed", "injured"})
UNDATED = "undated"


class BucketEntry(BaseModel):
    incident_id: str
    last_seen: dt.datetime


class BucketRef(BaseModel):
    """A block's directory entry: one day bucket and the newest report it holds."""

    key: str
    last_seen: dt.datetime


class DedupState(Protocol):
    """Where incidents, their day buckets and each block's directory of buckets are kept:
    dicts in `MemoryState`, Faust tables in a worker."""

    def get_incident(self, incident_id: str) -> Incident | None: ...

    def put_incident(self, incident: Incident) -> None: ...

    def delete_incident(self, incident_id: str) -> None: ...

    def get_bucket(self, key: str) -> list[BucketEntry]: ...

    def put_bucket(self, key: str, entries: list[BucketEntry]) -> None: ...

    def delete_bucket(self, key: str) -> None: ...

    def get_directory(self, block: str) -> list[BucketRef]: ...

    def put_directory(self, block: str, refs: list[BucketRef]) -> None: ...


@dataclass
class MemoryState:
    incidents: dict[str, Incident] = field(default_factory=dict)
    buckets: dict[str, list[BucketEntry]] = field(default_factory=dict)
    directories: dict[str, list[BucketRef]] = field(default_factory=dict)

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


def blocking_key(event: Event) -> str:
    if isinstance(event, StrikeEvent):
        return f"strike:{event.attacker or '?'}>{event.target_country or '?'}"
    return "negotiation"


def _bucket_key(block: str, day: dt.date | None) -> str:
    return f"{block}|{day.isoformat() if day else UNDATED}"


def _candidate_buckets(block: str, day: dt.date | None) -> list[str]:
    if day is None:
        return [_bucket_key(block, None)]
    days = (day - dt.timedelta(days=1), day, day + dt.timedelta(days=1))
    return [_bucket_key(block, d) for d in days] + [_bucket_key(block, None)]


@dataclass(frozen=True)
class MatchResult:
    incident: Incident
    changed: bool
    """False when the event was already folded in (a redelivery): nothing to publish."""


def fold_event(state: DedupState, event: Event, window: dt.timedelta) -> MatchResult:
    """Fold one event into the incident it belongs to, or open a new incident."""
    block = blocking_key(event)
    expire_block(state, block, event.published_at, window)
    candidates = _load_candidates(state, block, event, window)
    for incident in candidates:
        if any(r.event_id == event.event_id for r in incident.reports):
            return MatchResult(incident, changed=False)
    best = _best_match(event, candidates)
    if best is None:
        incident = _open_incident(event, block)
    else:
        incident = merge_report(best, event)
    _index(state, block, incident, previous_day=best.occurred_on if best else None)
    state.put_incident(incident)
    return MatchResult(incident, changed=True)


def _load_candidates(
    state: DedupState, block: str, event: Event, window: dt.timedelta
) -> list[Incident]:
    seen: set[str] = set()
    found: list[Incident] = []
    for key in _candidate_buckets(block, event.occurred_on):
        for entry in state.get_bucket(key):
            if entry.incident_id in seen:
                continue
            seen.add(entry.incident_id)
            incident = state.get_incident(entry.incident_id)
            if incident is not None and abs(event.published_at - incident.last_seen) <= window:
                found.append(incident)
    return found


def _index(state: DedupState, block: str, incident: Incident, previous_day: dt.date | None) -> None:
    key = _bucket_key(block, incident.occurred_on)
    entry = BucketEntry(incident_id=incident.incident_id, last_seen=incident.last_seen)
    entries = [e for e in state.get_bucket(key) if e.incident_id != incident.incident_id]
    state.put_bucket(key, [*entries, entry])
    old_key = _bucket_key(block, previous_day)
    if old_key != key:
        remaining = [e for e in state.get_bucket(old_key) if e.incident_id != incident.incident_id]
        state.put_bucket(old_key, remaining)
    refs = {ref.key: ref for ref in state.get_directory(block)}
    known = refs.get(key)
    if known is None or known.last_seen < incident.last_seen:
        refs[key] = BucketRef(key=key, last_seen=incident.last_seen)
        state.put_directory(block, sorted(refs.values(), key=lambda r: r.key))


def expire_block(state: DedupState, block: str, now: dt.datetime, window: dt.timedelta) -> int:
    """Forget every day bucket of `block` with no report within `window` before `now`, and its
    incidents. Returns how many incidents were forgotten. `now` is stream time (the report
    being processed), so replaying old news expires as it would have live."""
    refs = state.get_directory(block)
    stale = [ref for ref in refs if now - ref.last_seen > window]
    if not stale:
        return 0
    forgotten = 0
    for ref in stale:
        for entry in state.get_bucket(ref.key):
            state.delete_incident(entry.incident_id)
            forgotten += 1
        state.delete_bucket(ref.key)
    state.put_directory(block, [ref for ref in refs if now - ref.last_seen <= window])
    return forgotten


# --- matching -------------------------------------------------------------------------------


def _best_match(event: Event, candidates: Sequence[Incident]) -> Incident | None:
    scored = [(match_score(event, c), c) for c in candidates]
    scored = [(s, c) for s, c in scored if s > 0]
    if not scored:
        return None
    return max(scored, key=lambda sc: (sc[0], sc[1].last_seen, sc[1].incident_id))[1]


def _day_gap(a: dt.date | None, b: dt.date | None) -> int | None:
    return None if a is None or b is None else abs((a - b).days)


def match_score(event: Event, incident: Incident) -> float:
    """How well an event fits an incident; 0 means it is a different event."""
    if isinstance(event, StrikeEvent):
        return _strike_score(event, incident) if incident.type == "strike" else 0.0
    return _negotiation_score(event, incident) if incident.type == "negotiation" else 0.0


def _fold(names: Iterable[str]) -> set[str]:
    return {n.casefold() for n in names}


def _strike_score(event: StrikeEvent, incident: Incident) -> float:
    gap = _day_gap(event.occurred_on, incident.occurred_on)
    if gap is not None and gap > 1:
        return 0.0
    places_event, places_incident = _fold(event.places), _fold(incident.places)
    overlap = bool(places_event & places_incident)
    compatible = _figures_compatible(event, incident)
    if places_event and places_incident and not overlap and not compatible:
        return 0.0
    if gap == 1 and not (overlap and compatible):
        return 0.0
    if gap is None and not overlap:
        return 0.0
    score = 1.0 + (2.0 if overlap else 0.0) + (1.0 if compatible else 0.0)
    return score + (1.0 if gap == 0 else 0.0)


def _figures_compatible(event: StrikeEvent, incident: Incident) -> bool:
    """Figures of one barrage stay within a factor of two across outlets; tolls only rise."""
    shared = 0
    for name in ("drones", "missiles"):
        value, figure = getattr(event, name), incident.figures.get(name)
        if value is None or figure is None:
            continue
        shared += 1
        low, high = min(value, figure.estimate), max(value, figure.estimate)
        if high > 2 * low + 5:
            return False
    return shared > 0


def _negotiation_score(event: NegotiationEvent, incident: Incident) -> float:
    gap = _day_gap(event.occurred_on, incident.occurred_on)
    if gap is not None and gap > 2:
        return 0.0
    same_venue = bool(event.venue and incident.venue and event.venue == incident.venue)
    if event.venue and incident.venue and not same_venue:
        return 0.0
    if event.format and incident.format and event.format != incident.format:
        return 0.0
    parties_event, parties_incident = set(event.parties), set(incident.parties)
    shared_parties = len(parties_event & parties_incident)
    if parties_event and parties_incident and shared_parties < min(2, len(parties_event)):
        return 0.0
    if not same_venue and shared_parties < 2:
        return 0.0
    return 1.0 + (2.0 if same_venue else 0.0) + shared_parties + (1.0 if gap == 0 else 0.0)


# --- merging --------------------------------------------------------------------------------


def _report(event: Event) -> Report:
    figures: dict[str, int] = {}
    if isinstance(event, StrikeEvent):
        figures = {n: v for n in STRIKE_FIGURES if (v := getattr(event, n)) is not None}
    return Report(
        event_id=event.event_id,
        article_id=event.article_id,
        outlet=event.outlet,
        url=event.url,
        published_at=event.published_at,
        figures=figures,
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


def _with_report(incident: Incident, event: Event, reports: list[Report]) -> Incident:
    all_reports = sorted([*reports, _report(event)], key=lambda r: (r.published_at, r.event_id))
    merged = incident.model_copy(
        update={
            "reports": all_reports,
            "version": incident.version + 1,
            "first_seen": min(incident.first_seen, event.published_at),
            "last_seen": max(incident.last_seen, event.published_at),
            "outlets": sorted({r.outlet for r in all_reports if r.outlet}),
            "background": incident.background if reports else event.background,
        }
    )
    if reports and not event.background:
        merged.background = False
    merged.occurred_on = merged.occurred_on or event.occurred_on
    if isinstance(event, StrikeEvent):
        merged.attacker = merged.attacker or event.attacker
        merged.target_country = merged.target_country or event.target_country
        merged.places = _union(merged.places, event.places)
        merged.figures = reconcile_figures(all_reports)
    else:
        _merge_negotiation(merged, event, first=not reports)
    return merged


def _merge_negotiation(incident: Incident, event: NegotiationEvent, first: bool) -> None:
    if first or incident.status is None:
        incident.status = event.status
    elif event.status == "held" and not event.background:
        incident.status = "held"
    incident.format = incident.format or event.format
    incident.venue = incident.venue or event.venue
    incident.parties = sorted(set(incident.parties) | set(event.parties))
    incident.participants = _union(incident.participants, event.participants)


def _union(existing: list[str], new: Iterable[str]) -> list[str]:
    seen = {x.casefold() for x in existing}
    out = list(existing)
    for item in new:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return out


def reconcile_figures(reports: Sequence[Report]) -> dict[str, Figure]:
    """Best estimate per figure: tolls take the highest report (they only rise as bodies are
    found), counts take the most-cited figure (ties go to the most recent report)."""
    figures: dict[str, Figure] = {}
    for name in STRIKE_FIGURES:
        values = [r.figures[name] for r in reports if name in r.figures]  # reports are in time order
        if not values:
            continue
        if name in TOLL_FIGURES:
            estimate = max(values)
        else:
            counts = Counter(values)
            top = max(counts.values())
            estimate = next(v for v in reversed(values) if counts[v] == top)
        figures[name] = Figure(estimate=estimate, low=min(values), high=max(values), reports=len(values))
    return figures
