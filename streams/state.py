"""The pure modules' state protocols over Faust tables, with writes held back until the
caller says so.

Reads see staged writes first; `flush()` writes them to the tables (and so to their
changelogs, in the partition of the message being processed). An agent flushes only once the
outputs that depend on the new state have been sent: a crash in between repeats work that
deterministic ids make harmless, never loses it.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from typing import Any

from pydantic import TypeAdapter

from schemas import EventEnvelope, Incident
from warwire import codec
from warwire.dedup import BlockMark, BucketEntry, BucketRef, Event
from warwire.seen import ExpiryIndex

_ENTRIES = TypeAdapter(list[BucketEntry])
_REFS = TypeAdapter(list[BucketRef])
_DELETED = object()
_DIRECTORY_PREFIX = "directory|"
_EVENT_PREFIX = "event|"
_STORED_EVENT_PREFIX = "stored-event|"
MARK_PREFIX = "mark|"


class StagedTables:
    """Staged writes over several named tables (str keys, bytes values)."""

    def __init__(self, **tables: MutableMapping[str, Any]) -> None:
        self._tables = tables
        self._staged: dict[tuple[str, str], object] = {}

    def get(self, table: str, key: str) -> bytes | None:
        staged = self._staged.get((table, key))
        if staged is _DELETED:
            return None
        if staged is not None:
            return staged  # type: ignore[return-value]
        value = self._tables[table].get(key)
        return bytes(value) if value is not None else None

    def put(self, table: str, key: str, value: bytes) -> None:
        self._staged[(table, key)] = value

    def delete(self, table: str, key: str) -> None:
        self._staged[(table, key)] = _DELETED

    def flush(self) -> None:
        for (table, key), value in self._staged.items():
            target = self._tables[table]
            if value is _DELETED:
                target.pop(key, None)
            else:
                target[key] = value
        self._staged.clear()


class StagedTableState:
    """`warwire.dedup.DedupState`: incidents in one table; day buckets, block directories and
    marks, the event index and the events themselves in another."""

    def __init__(
        self, incidents: MutableMapping[str, Any], buckets: MutableMapping[str, Any]
    ) -> None:
        self._tables = StagedTables(incident=incidents, bucket=buckets)

    def flush(self) -> None:
        self._tables.flush()

    def get_incident(self, incident_id: str) -> Incident | None:
        raw = self._tables.get("incident", incident_id)
        return codec.loads(Incident, raw) if raw else None

    def put_incident(self, incident: Incident) -> None:
        self._tables.put("incident", incident.incident_id, codec.dumps(incident))

    def delete_incident(self, incident_id: str) -> None:
        self._tables.delete("incident", incident_id)

    def get_bucket(self, key: str) -> list[BucketEntry]:
        raw = self._tables.get("bucket", key)
        return _ENTRIES.validate_json(raw) if raw else []

    def put_bucket(self, key: str, entries: list[BucketEntry]) -> None:
        self._tables.put("bucket", key, _ENTRIES.dump_json(entries))

    def delete_bucket(self, key: str) -> None:
        self._tables.delete("bucket", key)

    def get_directory(self, block: str) -> list[BucketRef]:
        raw = self._tables.get("bucket", _DIRECTORY_PREFIX + block)
        return _REFS.validate_json(raw) if raw else []

    def put_directory(self, block: str, refs: list[BucketRef]) -> None:
        self._tables.put("bucket", _DIRECTORY_PREFIX + block, _REFS.dump_json(refs))

    def get_event_incident(self, event_id: str) -> str | None:
        raw = self._tables.get("bucket", _EVENT_PREFIX + event_id)
        return raw.decode() if raw else None

    def put_event_incident(self, event_id: str, incident_id: str) -> None:
        self._tables.put("bucket", _EVENT_PREFIX + event_id, incident_id.encode())

    def delete_event_incident(self, event_id: str) -> None:
        self._tables.delete("bucket", _EVENT_PREFIX + event_id)

    def get_event(self, event_id: str) -> Event | None:
        raw = self._tables.get("bucket", _STORED_EVENT_PREFIX + event_id)
        return codec.loads(EventEnvelope, raw).event if raw else None

    def put_event(self, event: Event) -> None:
        raw = codec.dumps(EventEnvelope(event=event))
        self._tables.put("bucket", _STORED_EVENT_PREFIX + event.event_id, raw)

    def delete_event(self, event_id: str) -> None:
        self._tables.delete("bucket", _STORED_EVENT_PREFIX + event_id)

    def get_mark(self, block: str) -> BlockMark | None:
        raw = self._tables.get("bucket", MARK_PREFIX + block)
        return codec.loads(BlockMark, raw) if raw else None

    def put_mark(self, block: str, mark: BlockMark) -> None:
        self._tables.put("bucket", MARK_PREFIX + block, codec.dumps(mark))


class StagedKeyValue:
    """`warwire.seen.KeyValue` over one table and the expiry index of its records."""

    def __init__(self, table: MutableMapping[str, Any], expiry: ExpiryIndex) -> None:
        self._table = table
        self._tables = StagedTables(records=table)
        self.expiry = expiry

    def flush(self) -> None:
        self._tables.flush()

    def get(self, key: str) -> bytes | None:
        return self._tables.get("records", key)

    def put(self, key: str, value: bytes) -> None:
        self._tables.put("records", key, value)

    def delete(self, key: str) -> None:
        self._tables.delete("records", key)

    def keys(self) -> Iterable[str]:
        """The keys written to the table (staged writes not included)."""
        return self._table.keys()
