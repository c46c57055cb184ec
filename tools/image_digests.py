"""Check the image digests pinned in docker-compose.yml and the Dockerfile against a registry.

Needs Docker with buildx on a machine that reaches Docker Hub:

    python tools/image_digests.py           # each pin: exists? still what the tag points to?
    python tools/image_digests.py --update  # rewrite the pins to what the tags point to now

A pin whose digest no longer exists breaks `docker compose up`; a tag that moved is only
reported (the pin keeps the image that was tested until someone updates it on purpose).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PINNED_FILES = (REPO / "docker-compose.yml", REPO / "Dockerfile")
PIN = re.compile(r"(?P<ref>[\w./-]+:[\w.-]+)@(?P<digest>sha256:[0-9a-f]{64})")


def pins() -> list[tuple[Path, str, str]]:
    return [
        (path, match["ref"], match["digest"])
        for path in PINNED_FILES
        for match in PIN.finditer(path.read_text())
    ]


def index_digest(reference: str) -> str | None:
    """The digest a registry serves for a tag or digest reference, None if it has none."""
    result = subprocess.run(
        ["docker", "buildx", "imagetools", "inspect", reference, "--format", "{{json .Manifest}}"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        return None
    digest: str = json.loads(result.stdout)["digest"]
    return digest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="pin what the tags point to now")
    args = parser.parse_args(argv)
    broken = 0
    for path, ref, digest in pins():
        exists = index_digest(f"{ref}@{digest}") is not None
        current = index_digest(ref)
        state = "ok" if current == digest else ("tag moved" if exists else "MISSING")
        broken += not exists
        print(f"{path.name:20} {ref:40} {state:9} pinned {digest[:19]} tag {str(current)[:19]}")
        if args.update and current and current != digest:
            path.write_text(path.read_text().replace(f"{ref}@{digest}", f"{ref}@{current}"))
    return 1 if broken and not args.update else 0


if __name__ == "__main__":
    sys.exit(main())
