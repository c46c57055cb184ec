"""Progress of a long command on standard error: a bar on a terminal, a plain line now and
then otherwise (a log file or CI gets no carriage returns)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any, TextIO

from tqdm import tqdm

PLAIN_EVERY = 10.0
"""Seconds between two plain progress lines when standard error is not a terminal."""


class Progress:
    def __init__(
        self,
        command: str,
        total: int,
        unit: str,
        stream: TextIO | None = None,
        terminal: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
        redraw_every: float = 0.1,
    ) -> None:
        self._command = command
        self._total = total
        self._unit = unit
        self._stream = stream or sys.stderr
        self._clock = clock
        self._done = 0
        self._detail = ""
        self._last_line = clock()
        on_terminal = self._stream.isatty() if terminal is None else terminal
        self._bar: tqdm[Any] | None = (
            tqdm(
                total=total,
                unit=f" {unit}",
                file=self._stream,
                dynamic_ncols=True,
                leave=False,
                mininterval=redraw_every,
            )
            if on_terminal
            else None
        )

    def update(self, done: int, detail: str = "") -> None:
        """`done` of the total so far; `detail`, a few words about what they gave."""
        step, self._done, self._detail = done - self._done, done, detail
        if self._bar is not None:
            if detail:
                self._bar.set_postfix_str(detail, refresh=False)
            self._bar.update(step)
        elif self._clock() - self._last_line >= PLAIN_EVERY:
            self._line()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
        elif self._done and self._done != self._total:
            self._line()

    def _line(self) -> None:
        self._last_line = self._clock()
        share = f" ({100 * self._done // self._total}%)" if self._total else ""
        detail = f", {self._detail}" if self._detail else ""
        print(
            f"{self._command}: {self._done}/{self._total} {self._unit}{share}{detail}",
            file=self._stream,
            flush=True,
        )
