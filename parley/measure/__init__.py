"""Measuring parley as a user does: ``parley eval`` (accuracy against a gold file) and
``parley bench`` (speed and memory beside plain spaCy)."""
