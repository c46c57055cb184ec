"""JSON (de)serialisation of the topic models.

Both directions stay inside pydantic-core (Rust): no intermediate dict of Python objects on the
way out, no `orjson.loads` followed by a second validation pass on the way in. The bytes are
the same as `orjson.dumps(model.model_dump(mode="json"))`: compact, UTF-8, every field present.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)


def dumps(model: BaseModel) -> bytes:
    return model.__pydantic_serializer__.to_json(model)


def loads(model: type[M], raw: bytes) -> M:
    return model.model_validate_json(raw)
