"""What to select from a store: the filters of ``parley events``, ``dyads``, ``series`` and
``export`` and of the API's reading routes, declared once (``FILTERS``).

The CLI builds its options and the API its query parameters from ``FILTERS``; the store turns a
``Filters`` into SQL (store/query.py ``where``). This module imports neither DuckDB nor the
store, so that ``parley --help`` does not load them to list the options.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Literal

from .errors import UsageError
from .model import FACTUALITY
from .ontology import CATEGORIES, QUAD_CLASSES, SECTORS, load_ontology
from .ontology.states import ISO3

__all__ = ["Filters", "FilterSpec", "FILTERS", "CAMEO_PREFIXES", "PERIODS", "EXPORT_FORMATS"]

# the periods of `parley dyads` and the formats of `parley export`: here, beside the filters, so that
# `--help` lists them without loading the store
PERIODS = ("day", "week", "month")
EXPORT_FORMATS = ("parquet", "csv", "jsonl", "gdelt", "plover")

Kind = Literal["codes", "date", "text", "number", "count"]


@dataclass(frozen=True)
class FilterSpec:
    """One filter. ``kind``: codes (any of several: repeat or comma-separate), a date, free text,
    a number (a lower bound, 0 to 1) or a count (a lower bound, 1 or more). ``valid``, where given,
    is the set of values the filter can match: anything else is a typo that would select nothing,
    so it is refused with the closest valid values."""

    name: str
    help: str
    kind: Kind = "codes"
    valid: frozenset[str] | None = None

    @property
    def option(self) -> str:
        """The command-line option: ``--min-confidence`` for ``min_confidence``."""
        return "--" + self.name.replace("_", "-")

    def canonical(self, value: str) -> str:
        """``value`` as the store spells it (any case is taken), or unchanged when it is not valid."""
        if self.valid is None:
            return value
        return {v.upper(): v for v in self.valid}.get(value.upper(), value)

    def check(self, value: str) -> str:
        """``value`` as the store spells it, or a UsageError naming the valid ones."""
        if self.valid is None or self.canonical(value) in self.valid:
            return self.canonical(value)
        spelled = {v.upper(): v for v in self.valid}
        near = [spelled[n] for n in difflib.get_close_matches(value.upper(), sorted(spelled), n=3, cutoff=0.6)]
        listed = ", ".join(sorted(self.valid)) if len(self.valid) <= 30 else f"see {self.option} in --help"
        hint = f"did you mean {' or '.join(near)}?" if near else f"choose from {listed}"
        raise UsageError(f"{self.name} {value!r} is not a known {self.name}: {hint}")


# every prefix of a known CAMEO code: "1", "19", "190", "1901"...
CAMEO_PREFIXES = frozenset(code[:n] for code in load_ontology().codes for n in range(1, len(code) + 1))
_QUADS = ", ".join(f"{n} {name}" for n, name in QUAD_CLASSES.items())

FILTERS: tuple[FilterSpec, ...] = (
    FilterSpec("actor", "Actor: code (KOR, IGO), organisation (NATO) or part of a name (Rubio). "
                        "Repeat or comma-separate for any of several."),
    FilterSpec("recipient", "Recipient, as actor."),
    FilterSpec("country", "Country (ISO 3166 alpha-3) on either side or where it happened.", valid=ISO3),
    FilterSpec("sector", "Sector on either side, any of an actor's: GOV, MIL, COP, REB, …", valid=SECTORS),
    FilterSpec("actor_sector", "Sector of the actor (the source), any of its: GOV, MIL, …", valid=SECTORS),
    FilterSpec("recipient_sector", "Sector of the recipient (the target), any of its: GOV, MIL, …",
               valid=SECTORS),
    FilterSpec("category", "PLOVER category: ACCUSE, ASSAULT, …", valid=frozenset(CATEGORIES)),
    FilterSpec("cameo", "CAMEO code prefix: 19 is every kind of fighting.", valid=CAMEO_PREFIXES),
    FilterSpec("quad", f"Quad class: {_QUADS}.", valid=frozenset(map(str, QUAD_CLASSES))),
    FilterSpec("factuality", f"Factuality: {', '.join(FACTUALITY)}.", valid=frozenset(FACTUALITY)),
    FilterSpec("min_confidence", "Events coded with at least this confidence (0 to 1).", "number"),
    FilterSpec("min_reports", "Events reported at least this many times (reports of one real event).", "count"),
    FilterSpec("publisher", "Publisher of the report (as the input named it; any case)."),
    FilterSpec("since", "Events on or after this date (YYYY-MM-DD).", "date"),
    FilterSpec("until", "Events on or before this date (YYYY-MM-DD).", "date"),
    FilterSpec("place", "Where it happened: a place name or country code.", "text"),
    FilterSpec("place_country", "Country where it happened (ISO 3166 alpha-3).", valid=ISO3),
    FilterSpec("text", "Words in the evidence sentence.", "text"),
)
SPECS = {s.name: s for s in FILTERS}


@dataclass(frozen=True)
class Filters:
    """What to select (``FILTERS`` says what each field means; ``doc_id`` is for the library
    alone). Each field is optional; a tuple means any of its values. ``actor`` / ``recipient``
    match that side of the event, or either side of a reciprocal one."""

    actor: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    sector: tuple[str, ...] = ()
    actor_sector: tuple[str, ...] = ()
    recipient_sector: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    cameo: tuple[str, ...] = ()
    quad: tuple[str, ...] = ()
    factuality: tuple[str, ...] = ()
    min_confidence: float | None = None
    min_reports: int | None = None
    publisher: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    place: str | None = None
    place_country: tuple[str, ...] = ()
    text: str | None = None
    doc_id: str | None = None

    @classmethod
    def of(cls, **values: Any) -> "Filters":
        """From loose values: comma-separated strings or lists become tuples, None is unset; a
        value outside a filter's valid ones is a UsageError naming them."""
        out: dict[str, Any] = {}
        for f in fields(cls):
            v = values.get(f.name)
            if v is None or v == "" or v == []:
                continue
            spec = SPECS.get(f.name)
            out[f.name] = _value(spec, v) if spec is not None else v
        return cls(**out)


def _value(spec: FilterSpec, v: Any) -> Any:
    """One filter's value, checked and in the type ``Filters`` holds."""
    if spec.kind == "codes":
        items = v.split(",") if isinstance(v, str) else [x for part in v for x in str(part).split(",")]
        return tuple(spec.check(x.strip()) for x in items if x.strip())
    if spec.kind == "date" and isinstance(v, str):
        try:
            return date.fromisoformat(v)
        except ValueError as exc:
            raise UsageError(f"{spec.name} {v!r} is not YYYY-MM-DD") from exc
    if spec.kind == "number":
        number = _number(spec, v, float)
        if not 0 <= number <= 1:
            raise UsageError(f"{spec.name} {v!r} is not between 0 and 1")
        return number
    if spec.kind == "count":
        count = _number(spec, v, int)
        if count < 1:
            raise UsageError(f"{spec.name} {v!r} is not 1 or more")
        return count
    return v


def _number(spec: FilterSpec, v: Any, kind: type) -> Any:
    try:
        return kind(v)
    except (TypeError, ValueError) as exc:
        raise UsageError(f"{spec.name} {v!r} is not a{'n integer' if kind is int else ' number'}") from exc
