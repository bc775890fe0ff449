"""Measuring parley as a user does: ``parley eval`` (accuracy against a gold file) and
``parley bench`` (speed and memory beside plain spaCy)."""

from pathlib import Path

__all__ = ["DEFAULT_CORPUS"]

# the corpus `parley bench` and `parley train` read by default: the 4,500 labelled synthetic
# stories beside the repository (here, not in bench.py, so the CLI can name it without loading spaCy)
DEFAULT_CORPUS = Path("../shared/train/synthetic_events_2023-10-19.csv.zip")
