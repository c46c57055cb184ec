"""Write the JSON Schema of every topic's model to `schemas/json/`.

python -m schemas.generate          # rewrite the files
python -m schemas.generate --check  # exit 1 when the files differ from the models
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from schemas.models import TOPIC_MODELS

SCHEMA_DIR = Path(__file__).resolve().parent / "json"


def rendered_schemas() -> dict[str, str]:
    """File name -> JSON text, for every topic model."""
    return {
        f"{name}.schema.json": json.dumps(model.model_json_schema(), indent=2, sort_keys=True)
        + "\n"
        for name, model in TOPIC_MODELS.items()
    }


def stale_files(directory: Path = SCHEMA_DIR) -> list[str]:
    """Names of schema files that are missing, differ from the models, or belong to no model."""
    expected = rendered_schemas()
    stale = [
        name
        for name, text in expected.items()
        if not (directory / name).is_file() or (directory / name).read_text() != text
    ]
    stale += [p.name for p in directory.glob("*.schema.json") if p.name not in expected]
    return sorted(stale)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files()
        for name in stale:
            print(f"schemas/json/{name} is out of date: run python -m schemas.generate")
        return 1 if stale else 0
    SCHEMA_DIR.mkdir(exist_ok=True)
    for old in SCHEMA_DIR.glob("*.schema.json"):
        old.unlink()
    for name, text in rendered_schemas().items():
        (SCHEMA_DIR / name).write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
