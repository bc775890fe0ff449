"""What a running job shows a person: a live line on standard error, never on standard output
(where the records go, even when that is the same terminal), with the total, rate and time left
when the input's size is known."""
from __future__ import annotations

import time
from datetime import timedelta

from rich.console import Console
from rich.live import Live

from .job import Counts

__all__ = ["Progress", "progress_text"]


def progress_text(counts: Counts, total: int | None, now: float | None = None) -> str:
    """The progress line: documents (of the total, when known), events, words/s, documents/s and
    the time left at the rate so far."""
    elapsed = max((time.monotonic() if now is None else now) - counts.started, 1e-9)
    done = counts.documents + counts.already + counts.skipped
    parts = [f"{counts.documents:,} documents" if total is None else
             f"{done:,} of {total:,} documents ({100 * done / max(total, 1):.0f}%)",
             f"{counts.events:,} events", f"{counts.words / elapsed:,.0f} words/s", f"{done / elapsed:,.1f} docs/s"]
    if total is not None and done:
        parts.append(f"ETA {timedelta(seconds=round(max(total - done, 0) * elapsed / done))}")
    if counts.already:
        parts.append(f"{counts.already:,} already stored")
    if counts.skipped:
        parts.append(f"{counts.skipped:,} skipped")
    return "parley: " + " · ".join(parts)


class Progress:
    """The live line, when standard error is a terminal; quiet otherwise."""

    def __init__(self, counts: Counts, enabled: bool, total: int | None = None):
        self.counts, self.enabled, self.total = counts, enabled, total
        self._live: Live | None = None

    def __enter__(self) -> "Progress":
        if self.enabled:
            # rich's Live redirects stdout into its display by default: the records written there
            # (to a terminal or a redirected file) would vanish into standard error
            self._live = Live(progress_text(self.counts, self.total), console=Console(stderr=True),
                              refresh_per_second=4, transient=True, redirect_stdout=False, redirect_stderr=False)
            self._live.__enter__()
        return self

    def update(self) -> None:
        if self._live is not None:
            self._live.update(progress_text(self.counts, self.total))

    def __exit__(self, *exc: object) -> None:
        if self._live is not None:
            self._live.__exit__(None, None, None)
