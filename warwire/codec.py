"""orjson (de)serialisation of the topic models."""

from __future__ import annotations

from typing import TypeVar

import orjson
from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)


def dumps(model: BaseModel) -> bytes:
    return orjson.dumps(model.model_dump(mode="json", exclude_none=False))


def loads(model: type[M], raw: bytes) -> M:
    return model.model_validate(orjson.loads(raw))
