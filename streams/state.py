"""`DedupState` over Faust tables, with writes held back until the caller says so."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from pydantic import TypeAdapter

from schemas import Incident
from warwire import codec
from warwire.dedup import BucketEntry, BucketRef

_ENTRIES = TypeAdapter(list[BucketEntry])
_REFS = TypeAdapter(list[BucketRef])
_DELETED = object()
_DIRECTORY_PREFIX = "directory|"


class StagedTableState:
    """Reads see staged writes first; `flush()` writes them to the tables (and so to their
    changelogs, in the partition of the event being processed)."""

    def __init__(
        self, incidents: MutableMapping[str, Any], buckets: MutableMapping[str, Any]
    ) -> None:
        self._tables = {"incident": incidents, "bucket": buckets}
        self._staged: dict[tuple[str, str], object] = {}

    def _get(self, table: str, key: str) -> bytes | None:
        staged = self._staged.get((table, key))
        if staged is _DELETED:
            return None
        if staged is not None:
            return staged  # type: ignore[return-value]
        value = self._tables[table].get(key)
        return bytes(value) if value is not None else None

    def _put(self, table: str, key: str, value: bytes) -> None:
        self._staged[(table, key)] = value

    def _delete(self, table: str, key: str) -> None:
        self._staged[(table, key)] = _DELETED

    def flush(self) -> None:
        for (table, key), value in self._staged.items():
            target = self._tables[table]
            if value is _DELETED:
                target.pop(key, None)
            else:
                target[key] = value
        self._staged.clear()

    def get_incident(self, incident_id: str) -> Incident | None:
        raw = self._get("incident", incident_id)
        return codec.loads(Incident, raw) if raw else None

    def put_incident(self, incident: Incident) -> None:
        self._put("incident", incident.incident_id, codec.dumps(incident))

    def delete_incident(self, incident_id: str) -> None:
        self._delete("incident", incident_id)

    def get_bucket(self, key: str) -> list[BucketEntry]:
        raw = self._get("bucket", key)
        return _ENTRIES.validate_json(raw) if raw else []

    def put_bucket(self, key: str, entries: list[BucketEntry]) -> None:
        self._put("bucket", key, _ENTRIES.dump_json(entries))

    def delete_bucket(self, key: str) -> None:
        self._delete("bucket", key)

    def get_directory(self, block: str) -> list[BucketRef]:
        raw = self._get("bucket", _DIRECTORY_PREFIX + block)
        return _REFS.validate_json(raw) if raw else []

    def put_directory(self, block: str, refs: list[BucketRef]) -> None:
        self._put("bucket", _DIRECTORY_PREFIX + block, _REFS.dump_json(refs))


