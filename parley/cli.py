"""The ``parley`` command line: a thin layer over the library (Pipeline, Store, eval).

Exit codes: 0 success; 1 any other parley error; 2 usage; 3 unreadable input (nothing could be
coded); 4 store cannot be opened or written; 5 model or data missing. Errors are one line on
standard error, ``parley: <message>``; a bad record inside a batch is reported and skipped.
"""
from __future__ import annotations

# Each command imports the parts it runs when it runs, not here: every `parley ...` call would
# otherwise load spaCy, FastAPI, uvicorn, the Spark job and the store (measured: `parley --help`
# 0.56 s with the store (DuckDB, pyarrow) imported here, 0.17 s without; 2.7 s with them all at the top).

import functools
import inspect
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console

from . import __version__
from .cli_output import Format, Output, print_relation
from .errors import InputError, ParleyError, RecordError, StoreError, UsageError
from .filters import EXPORT_FORMATS as FORMATS, FILTERS, PERIODS, Filters
from .measure import DEFAULT_CORPUS


app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None,
                  help="parley: political event data from news, coded in PLOVER and CAMEO with evidence.")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"parley {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print parley's version and exit.")] = False) -> None:
    """parley: political event data from news, coded in PLOVER and CAMEO with evidence."""


def choices(values: tuple[str, ...]) -> str:
    """An option's values as --help lists them; checked by the command, whose error is one line."""
    return "<" + "|".join(values) + ">"


def _err(message: str) -> None:
    typer.echo(f"parley: {message}", err=True)


@app.command()
def code(
    inputs: Annotated[list[str], typer.Argument(
        help="Files (.txt .jsonl .csv .tsv .html .rss .atom .xml .warc .warc.gz; .gz and .zip), directories, "
             "globs, feed URLs, or - for standard input.")],
    format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.jsonl,
    db: Annotated[Path, typer.Option("--db", help="DuckDB file to store events in.")] = Path("parley.duckdb"),
    no_store: Annotated[bool, typer.Option("--no-store", help="Do not write to the DuckDB file.")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Say which rule decided each field.")] = False,
    include_unrealised: Annotated[bool, typer.Option(
        "--include-unrealised", help="Keep negated and hypothetical events (flagged in 'factuality').")] = False,
    actors: Annotated[Optional[list[Path]], typer.Option("--actors", help="Your own actors (CSV, TSV, YAML).")] = None,
    places: Annotated[Optional[list[Path]], typer.Option(
        "--places", help="Your own places (CSV, TSV: name, country, lat, lon).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", help="Processes (results stay in input order).")] = 1,
    recode: Annotated[bool, typer.Option(
        "--recode", help="Code documents the store already holds (default: skip them, so a rerun resumes).")] = False,
    text_column: Annotated[Optional[str], typer.Option("--text-column", help="CSV: the text column.")] = None,
    id_column: Annotated[Optional[str], typer.Option("--id-column", help="CSV: the id column.")] = None,
    date_column: Annotated[Optional[str], typer.Option("--date-column", help="CSV: the publication date column.")] = None,
    no_prefilter: Annotated[bool, typer.Option("--no-prefilter", help="Parse every sentence.")] = False,
    pub_date: Annotated[Optional[str], typer.Option(
        "--pub-date", help="Publication date (YYYY-MM-DD) of documents that carry none, e.g. plain text.")] = None,
) -> None:
    """Code news documents into event records, printed to standard output and stored."""
    from .ingest import read_inputs
    from .ingest.options import ReadOptions
    from .ingest import expected_documents
    from .pipeline.job import Job, Skip
    from .pipeline.pipeline import PipelineConfig
    from .pipeline.progress import Progress
    from .store import Store

    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    options = ReadOptions(text_column=text_column, id_column=id_column, date_column=date_column,
                          pub_date=_date_option(pub_date, "--pub-date"))
    config = PipelineConfig(include_unrealised=include_unrealised, actors=tuple(str(p) for p in actors or ()),
                            places=tuple(str(p) for p in places or ()), prefilter=not no_prefilter)
    store = None if no_store else Store(db)
    job = Job(config, store=store, recode=recode, jobs=jobs)
    out = Output(format, explain)
    try:
        # a live line only on a terminal that records are not streaming to (under `script`, or
        # `parley code f.jsonl` at a prompt, the two would interleave); the total costs a pass
        # over JSONL files, so it is counted only when shown
        shown = sys.stderr.isatty() and not (sys.stdout.isatty() and format != Format.table)
        with Progress(job.counts, enabled=shown, total=expected_documents(inputs) if shown else None) as progress:
            for outcome in job.run(read_inputs(inputs, stdin=sys.stdin.buffer, options=options)):
                if isinstance(outcome, Skip):
                    _err(f"skipped {outcome}")
                else:
                    if outcome.note is not None:
                        _err(f"note {outcome.document.id}: {outcome.note}")
                    out.write(list(outcome.events))
                progress.update()
    finally:
        if store is not None:
            store.close()
    out.close()
    _err(_summary(job.counts) + ("" if store is None else f" (stored in {db})"))
    if job.counts.nothing_coded:
        raise typer.Exit(3)


def _summary(counts: Any) -> str:
    """The last line of ``parley code``: what was coded, how fast, what was left out and why."""
    parts = [f"coded {counts.documents} documents, {counts.events} events, {counts.rate():.0f} words/s"]
    if counts.already:
        parts.append(f"{counts.already} already in the store")
    if counts.skipped:
        parts.append(f"skipped {counts.skipped} (" + ", ".join(f"{n} {r}" for r, n in sorted(counts.reasons.items()))
                     + ")")
    return "; ".join(parts)


@app.command()
def eval(
    gold: Annotated[Optional[Path], typer.Option("--gold", help="Gold file (JSONL with 'events').")] = None,
    phrases: Annotated[Optional[Path], typer.Option("--phrases", help="Actor phrase set (TSV) to resolve and score.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the whole result as JSON.")] = False,
    predictions: Annotated[Optional[Path], typer.Option("--save", help="Also write the coded events here.")] = None,
) -> None:
    """Code the gold texts and print precision, recall and F1 (the referee's definitions), or
    resolve an actor phrase set and print accuracy per field and kind."""
    if (gold is None) == (phrases is None):
        raise UsageError("give either --gold FILE or --phrases FILE")
    if phrases is not None:
        from .measure.phrases import evaluate_phrases, format_phrases

        found = evaluate_phrases(phrases)
        typer.echo(json.dumps(found, indent=2, ensure_ascii=False) if json_out else format_phrases(found))
        return
    from .measure.evaluate import evaluate_gold, format_report

    result = evaluate_gold(gold, predictions)
    typer.echo(json.dumps(result, indent=2) if json_out else format_report(result))


@app.command()
def resolve(
    text: Annotated[Optional[str], typer.Argument(help="An actor phrase, e.g. 'Armenian Prime Minister Nikol Pashinyan'.")] = None,
    date_: Annotated[Optional[str], typer.Option("--date", help="Resolve as of this date (YYYY-MM-DD).")] = None,
    input_: Annotated[Optional[Path], typer.Option("--input", help="JSONL of {\"id\", \"text\", \"date\"?}.")] = None,
    actors: Annotated[Optional[list[Path]], typer.Option("--actors", help="Your own actors (CSV, TSV, YAML).")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Also say which entry and which rule decided (name "
                                                            "match, variant, surname via date, metonym, ...).")] = False,
) -> None:
    """Resolve actor phrases to country, sector, organisation, person and role (one JSON line each)."""
    from .actors.explain import phrase_record
    from .ingest.phrases import read_phrases
    from .pipeline.pipeline import Pipeline, PipelineConfig

    if (text is None) == (input_ is None):
        raise UsageError("give either TEXT or --input FILE")
    when = _date_option(date_)
    items: list[Any] = [("1", text, when)]
    if input_ is not None:
        items = list(read_phrases(input_, when))
        for item in items:
            if isinstance(item, RecordError):
                _err(f"skipped {item}")
        items = [i for i in items if not isinstance(i, RecordError)]
    pipeline = Pipeline(PipelineConfig(actors=tuple(str(p) for p in actors or ())))
    kb = pipeline.nlp.get_pipe("parley_actors").kb if explain else None
    for rid, phrase, doc in pipeline.resolve_docs(items):
        typer.echo(json.dumps({"id": rid, "text": phrase, **phrase_record(doc, kb)}, ensure_ascii=False))

@app.command()
def bench(
    corpus: Annotated[Path, typer.Option("--corpus", help="Stories ZIP/CSV, JSONL or text files.")] = DEFAULT_CORPUS,
    docs: Annotated[Optional[int], typer.Option("--docs", help="Use N documents (repeating the corpus).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", help="Processes for both parley and spaCy.")] = 1,
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object.")] = False,
    actors: Annotated[bool, typer.Option("--actors", help="Measure the actor stage alone (mentions/s).")] = False,
    spark: Annotated[bool, typer.Option("--spark", help="Spark local[JOBS] (parley spark) beside `parley code "
                                                        "--jobs JOBS` and spaCy (default 2,000 documents).")] = False,
) -> None:
    """Words per second of parley (end to end into DuckDB) beside plain spaCy, in the same run."""
    from .measure.bench import actor_rate, report, run_bench, spark_bench

    if spark:
        result: dict[str, Any] = spark_bench(corpus, docs or 2000, jobs)
    elif actors:
        result = actor_rate(corpus, docs or 500)
    else:
        result = run_bench(corpus, docs, jobs).to_dict()
    typer.echo(json.dumps(result) if json_out else report(result, corpus))


@app.command("train")
def train_cmd(
    data: Annotated[Path, typer.Option("--data", help="Labelled stories: CSV or ZIP (label, mode, title, text).")] = (
        DEFAULT_CORPUS),
    output: Annotated[Path, typer.Option("--output", help="Where to write the model.")] = Path(
        "parley/coding/data/classifier.npz"),
    limit: Annotated[Optional[int], typer.Option("--limit", help="Use only the first N stories.")] = None,
) -> None:
    """Train the category and mode classifier (deterministic: the same data gives the same model)."""
    from .coding.classifier import train_from_stories
    from .pipeline.nlp import load_nlp

    if not data.exists():
        raise InputError(f"{data}: no such file (the stories are in ../shared/train)")
    model = train_from_stories(load_nlp(), data, limit=limit)
    output.parent.mkdir(parents=True, exist_ok=True)
    model.save(output)
    typer.echo(f"trained on {model.meta['examples']} stories, {model.meta['vocab']} features, "
               f"{len(model.labels)} categories, {len(model.modes)} modes; data sha256 {model.meta['data_sha256']}; "
               f"wrote {output}")


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8000,
    db: Annotated[Path, typer.Option("--db", help="The DuckDB store to code into and read.")] = Path("parley.duckdb"),
) -> None:
    """The REST API and the dashboard (http://HOST:PORT/, API docs at /docs). Set PARLEY_API_KEY
    to require that key (X-API-Key header) for writes."""
    import uvicorn

    from .api import create_app
    from .store import Store

    Store(db).close()  # a store that cannot be opened is a one-line error here, not a failed start-up
    uvicorn.run(create_app(db), host=host, port=port, log_level="info", timeout_graceful_shutdown=5)


@app.command()
def spark(
    input_: Annotated[list[str], typer.Option("--input", help="File, directory or glob: JSONL, text, WARC(.gz), "
                                                              "anything `parley code` reads (repeatable).")],
    output: Annotated[str, typer.Option("--output", help="Output directory: events/, documents/ (Parquet "
                                                         "by month), rejects/, _summary.json.")],
    master: Annotated[str, typer.Option("--master", help="Spark master URL.")] = "local[*]",
    partitions: Annotated[Optional[int], typer.Option("--partitions", min=1, help="Partitions to code in.")] = None,
    include_unrealised: Annotated[bool, typer.Option(
        "--include-unrealised", help="Keep negated and hypothetical events (flagged in 'factuality').")] = False,
) -> None:
    """Code files on Apache Spark (pip install 'parley[spark]', Java 17) into Parquet datasets."""
    from .spark.job import run

    summary = run(input_, output, master=master, partitions=partitions, include_unrealised=include_unrealised)
    typer.echo(json.dumps(summary.to_dict()))
    typer.echo(f"parley: {summary.documents} documents, {summary.events} events, {summary.rejects} rejects "
               f"in {summary.seconds} s on {summary.master} ({summary.partitions} partitions) -> {summary.output}",
               err=True)


# -- queries and exports ---------------------------------------------------------------------

Db = Annotated[Path, typer.Option("--db", help="The DuckDB store to read.")]
FILTER_TYPES = {"codes": Optional[list[str]], "date": Optional[str], "text": Optional[str],
                "number": Optional[float], "count": Optional[int]}


def with_filters(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command that takes ``filters: Filters`` the options of ``query.FILTERS`` in its
    place (typer reads the signature: the options are declared once, in the store's query)."""
    own = inspect.signature(command, eval_str=True).parameters
    options = [inspect.Parameter(s.name, inspect.Parameter.KEYWORD_ONLY, default=None,
                                 annotation=Annotated[FILTER_TYPES[s.kind], typer.Option(s.option, help=s.help)])
               for s in FILTERS]
    params = [q for p in own.values()
              for q in (options if p.name == "filters" else [p.replace(kind=inspect.Parameter.KEYWORD_ONLY)])]

    @functools.wraps(command)
    def run(**values: Any) -> None:
        given = {s.name: values.pop(s.name) for s in FILTERS}
        for s in FILTERS:
            if s.kind == "date":
                given[s.name] = _date_option(given[s.name], s.option)
        command(filters=Filters.of(**given), **values)

    run.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in params}
    return run


def _open_store(db: Path) -> Any:
    """The store ``db`` as a ``Store``, or a one-line error when there is none."""
    from .store import Store

    if not db.exists():
        raise StoreError(f"{db}: no such store (code documents into it first: parley code FILE --db {db})")
    return Store(db)


@app.command()
@with_filters
def events(
    db: Db = Path("parley.duckdb"),
    fmt: Annotated[Format, typer.Option("--format", help="table, jsonl (event records) or csv.")] = Format.table,
    filters: Filters = Filters(),
    real: Annotated[bool, typer.Option("--real", help="One row per real event (reports linked by dedup), "
                                                      "with its report and source counts.")] = False,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="At most N rows.")] = None,
) -> None:
    """Stored events matching the filters, by date (each filter narrows; a repeated one widens)."""
    from .store import query

    with _open_store(db) as store:
        if real:
            rel = query.real_events(store.con, filters)
            if fmt is Format.table:
                rel = rel.select("real_event_id, date, event, cameo, actor_codes AS actor, recipient_codes AS recipient, "
                                 "location_name AS place, n_reports AS reports, n_sources AS sources")
            print_relation(rel.limit(limit) if limit else rel, fmt)
            return
        out = Output(fmt)
        rel = query.events(store.con, filters, records=True, limit=limit)
        for row in rel.iter_rows(batch_size=1000):
            out.write([json.loads(row[-1])])
        out.close()


@app.command()
@with_filters
def dyads(
    db: Db = Path("parley.duckdb"),
    by: Annotated[str, typer.Option("--by", metavar=choices(PERIODS),
                                    help="Period (a week starts on Monday).")] = "day",
    fmt: Annotated[Format, typer.Option("--format", help="table, jsonl or csv.")] = Format.table,
    reports: Annotated[bool, typer.Option("--reports", help="Count every report, as GDELT does, "
                                                            "instead of real events.")] = False,
    filters: Filters = Filters(),
) -> None:
    """Dyad time series: events and Goldstein sums per period, actor, recipient and quad class."""
    from .store import query

    if by not in query.PERIODS:
        raise UsageError(f"--by {by!r}: choose from {', '.join(query.PERIODS)}")
    with _open_store(db) as store:
        print_relation(query.dyads(store.con, by, filters, unit="reports" if reports else "events"), fmt)


@app.command()
@with_filters
def series(
    unit: Annotated[str, typer.Option("--unit", help="country (on either side or where it happened), "
                                                     "actor (who acted) or dyad (actor -> recipient).")] = "country",
    period: Annotated[str, typer.Option("--period", help="day, week (from Monday), month, quarter or year.")] = "month",
    fmt: Annotated[str, typer.Option("--format", help="csv, jsonl or parquet.")] = "csv",
    output: Annotated[Optional[Path], typer.Option("--output", help="File to write (default: standard "
                                                                    "output; parquet needs a file).")] = None,
    reports: Annotated[bool, typer.Option("--reports", help="Count every report, as GDELT does, "
                                                            "instead of real events.")] = False,
    categories: Annotated[str, typer.Option("--categories", help="A count per PLOVER category (plover) "
                                                                 "or per CAMEO root (cameo).")] = "plover",
    db: Db = Path("parley.duckdb"),
    filters: Filters = Filters(),
) -> None:
    """A zero-filled panel: counts, Goldstein and sources per unit and period, every unit x period
    of --since..--until present (columns: docs/series.md)."""
    from .store import series as panel

    if fmt == "parquet" and output is None:
        raise UsageError("--format parquet needs --output FILE")
    with _open_store(db) as store:
        rel = panel.series(store.con, unit, period, filters, counting="reports" if reports else "events",
                           categories=categories)
        if output is None:
            rows = panel.write(rel, fmt, sys.stdout.buffer)
        else:
            with output.open("wb") as fh:
                rows = panel.write(rel, fmt, fh)
    typer.echo(f"parley: {rows} rows ({unit} x {period}, counting {'reports' if reports else 'events'})"
               + (f" to {output}" if output else ""), err=True)


@app.command()
@with_filters
def export(
    fmt: Annotated[str, typer.Option("--format", metavar=choices(FORMATS), help=(
        "parquet (a directory, by month), csv, jsonl, gdelt (GDELT 2.0 events, tab-separated) or plover."))],
    output: Annotated[Path, typer.Option("--output", help="File, or directory for parquet.")],
    db: Db = Path("parley.duckdb"),
    force: Annotated[bool, typer.Option("--force", help="Replace OUTPUT if it exists.")] = False,
    header: Annotated[bool, typer.Option("--header", help="gdelt: column names as the first line "
                                                          "(GDELT's own files have none).")] = False,
    filters: Filters = Filters(),
) -> None:
    """Export stored events for other tools: Parquet, CSV, JSONL, GDELT 2.0 or PLOVER JSON."""
    if fmt not in FORMATS:
        raise UsageError(f"--format {fmt!r}: choose from {', '.join(FORMATS)}")
    with _open_store(db) as store:
        result = store.export(fmt, output, filters, force=force, header=header)
    note = f" ({result.skipped} undated real events left out: GDELT rows need a date)" if result.skipped else ""
    typer.echo(f"parley: wrote {result.rows} rows to {result.output} ({fmt}){note}", err=True)


def _date_option(value: str | None, option: str = "--date") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"{option} {value!r} is not YYYY-MM-DD") from exc


def main() -> None:
    """Entry point: run the app, turning parley's errors into one line and an exit code."""
    try:
        app()
    except ParleyError as exc:
        _err(str(exc))
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # a store the query layer cannot read: one line, not a traceback
        if not type(exc).__module__.lstrip("_").startswith("duckdb"):
            raise
        _err(f"store error: {str(exc).splitlines()[0]}")
        sys.exit(4)
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)


__all__ = ["app", "main", "UsageError"]
