"""The command line as users and outside tools call it (subprocesses: real exit codes)."""
import csv
import io

import duckdb

from conftest import ROOT, jsonl, run_parley
from parley.time.attach import LEVELS

EXAMPLE = str(ROOT / "examples" / "article.jsonl")


def test_code_example_prints_jsonl_records(tmp_path):
    r = run_parley("code", EXAMPLE, "--format", "jsonl", "--db", str(tmp_path / "p.duckdb"))
    assert r.returncode == 0, r.stderr
    events = jsonl(r.stdout)
    assert {e["event"] for e in events} >= {"CONSULT", "ACCUSE"}
    meet = next(e for e in events if e["event"] == "CONSULT")
    assert meet["location"]["name"] == "Ankara" and meet["date"] == "2025-03-11"
    assert all(e["doc_id"] == "example-0001" for e in events)
    assert b"coded 1 documents" in r.stderr


def test_coding_twice_into_one_db_keeps_the_event_count(tmp_path):
    db = tmp_path / "twice.duckdb"
    counts = []
    for _ in range(2):
        assert run_parley("code", EXAMPLE, "--db", str(db)).returncode == 0
        con = duckdb.connect(str(db), read_only=True)
        counts.append(con.execute("SELECT count(*) FROM events").fetchone()[0])
        con.close()
    assert counts[0] == counts[1] > 0


def test_csv_and_table_formats(tmp_path):
    r = run_parley("code", EXAMPLE, "--format", "csv", "--no-store")
    rows = list(csv.DictReader(io.StringIO(r.stdout.decode())))
    assert rows and {"event", "actor", "recipient", "cameo"} <= set(rows[0])
    r = run_parley("code", EXAMPLE, "--format", "table", "--no-store")
    assert r.returncode == 0 and b"CONSULT" in r.stdout


def test_standard_input(tmp_path):
    r = run_parley("code", "-", "--no-store", stdin=b"Egypt accused Ethiopia of violating the Nile deal.")
    (ev,) = jsonl(r.stdout)
    assert ev["doc_id"] == "stdin" and ev["event"] == "ACCUSE"


def test_no_store_writes_no_file(tmp_path):
    assert run_parley("code", EXAMPLE, "--no-store", cwd=tmp_path).returncode == 0
    assert not (tmp_path / "parley.duckdb").exists()


def test_missing_file_is_one_line_and_exit_3(tmp_path):
    r = run_parley("code", str(tmp_path / "missing.txt"), "--no-store")
    assert r.returncode == 3
    assert r.stderr.decode().strip().count("\n") == 0 and "no such file" in r.stderr.decode()


def test_empty_and_binary_files_exit_3(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x03")
    for name in ("empty.txt", "bin.txt"):
        r = run_parley("code", str(tmp_path / name), "--no-store")
        assert r.returncode == 3
        assert "Traceback" not in r.stderr.decode()


def test_bad_jsonl_lines_are_skipped_and_reported(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_text('{"id": "good", "text": "Iran threatened Israel."}\n{broken\n{"id": "nt"}\n', encoding="utf-8")
    r = run_parley("code", str(p), "--no-store")
    assert r.returncode == 0
    assert [e["doc_id"] for e in jsonl(r.stdout)] == ["good"]
    err = r.stderr.decode()
    assert "line 2: not JSON" in err and "record nt: no text" in err and "skipped 2" in err


def test_unwritable_db_exits_4(tmp_path):
    r = run_parley("code", EXAMPLE, "--db", str(tmp_path / "nodir" / "x.duckdb"))
    assert r.returncode == 4 and "does not exist" in r.stderr.decode()


def test_bad_option_is_usage_error():
    assert run_parley("code", EXAMPLE, "--format", "xml").returncode == 2


def test_explain_says_why(tmp_path):
    r = run_parley("code", EXAMPLE, "--no-store", "--explain")
    ev = jsonl(r.stdout)[0]
    assert ev["explain"]["event"].startswith("trigger")
    assert "actor" in ev["explain"]
    # the date's rule first: the level of the parse it was found at, or what stood in
    rules = {*LEVELS, "previous sentence", "before", "publication"}
    assert all(e["explain"]["date"].split(":")[0] in rules for e in jsonl(r.stdout))


def test_a_document_over_the_cap_is_coded_in_part_and_says_so(tmp_path):
    head = "Kenya and Tanzania signed a border agreement in Arusha on Monday. "
    path = tmp_path / "long.txt"
    path.write_text(head + "The weather stayed mild all week. " * 8000, encoding="utf-8")  # 272,000 characters
    r = run_parley("code", str(path), "--format", "jsonl", "--no-store")
    assert r.returncode == 0, r.stderr
    assert b"note long: 272,066 characters; coded the first 200,000" in r.stderr
    assert [e["event"] for e in jsonl(r.stdout)] == ["SUPPORT"]


def test_query_commands_take_the_declared_filters():
    import typer.main

    from parley.cli import app
    from parley.filters import FILTERS

    commands = typer.main.get_command(app).commands
    own = {"events": {"db", "fmt", "real", "limit"}, "dyads": {"db", "by", "fmt", "reports"},
           "export": {"fmt", "output", "db", "force", "header"},
           "series": {"unit", "period", "fmt", "output", "reports", "categories", "db"}}
    for name, params in own.items():
        options = {p.name: p for p in commands[name].params}
        assert set(options) - params == {s.name for s in FILTERS}, name
        for s in FILTERS:
            assert options[s.name].opts == [f"--{s.name.replace('_', '-')}"] and options[s.name].help == s.help
            assert options[s.name].multiple == (s.kind == "codes")


def test_a_bad_date_filter_is_a_usage_error(dedup_db):
    r = run_parley("events", "--db", str(dedup_db), "--until", "2025-02-30")
    assert r.returncode == 2 and "--until '2025-02-30' is not YYYY-MM-DD" in r.stderr.decode()
    r = run_parley("dyads", "--db", str(dedup_db), "--format", "jsonl", "--actor", "KEN", "--since", "2025-04-01")
    assert r.returncode == 0 and {d["recipient"] for d in jsonl(r.stdout)} == {"TZA"}


def test_version():
    from parley import __version__

    r = run_parley("--version")
    assert r.returncode == 0 and r.stdout.decode().strip() == f"parley {__version__}"


def test_a_misspelt_filter_is_refused_with_the_valid_value(dedup_db):
    r = run_parley("events", "--db", str(dedup_db), "--category", "ASSULT")
    assert r.returncode == 2
    (line,) = r.stderr.decode().splitlines()
    assert "ASSULT" in line and "did you mean ASSAULT" in line
    ok = run_parley("events", "--db", str(dedup_db), "--category", "accuse", "--format", "jsonl")
    assert ok.returncode == 0 and {e["event"] for e in jsonl(ok.stdout)} == {"ACCUSE"}


def test_db_must_be_a_duckdb_store(tmp_path):
    r = run_parley("code", EXAMPLE, "--db", str(tmp_path / "results.jsonl"))
    assert r.returncode == 4 and len(r.stderr.decode().splitlines()) == 1 and not (tmp_path / "results.jsonl").exists()
    notes = tmp_path / "notes.duckdb"
    notes.write_text('{"not": "a store"}\n')
    r = run_parley("events", "--db", str(notes))
    assert r.returncode == 4 and b"not a DuckDB store" in r.stderr
    assert notes.read_text() == '{"not": "a store"}\n'


def test_records_reach_a_redirected_stdout_when_progress_is_shown(tmp_path):
    """In a terminal the progress line is live on stderr; stdout redirected to a file still gets
    every record (rich's live display used to capture stdout)."""
    import shutil
    import subprocess
    import sys

    import pytest

    if shutil.which("script") is None:
        pytest.skip("no `script` here to give the command a terminal")
    out = tmp_path / "out.csv"
    cmd = f"{sys.executable} -m parley code {EXAMPLE} --format csv --no-store > {out}"
    subprocess.run(["script", "-qc", cmd, "/dev/null"], cwd=ROOT, capture_output=True, timeout=300, check=True)
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert len(rows) == 5 and all(r["doc_id"] == "example-0001" for r in rows)


def test_records_streaming_to_a_terminal_are_not_mixed_with_progress(tmp_path):
    """The issue's own check: `script -qc "parley code ... --format csv" /dev/null > out.csv` puts
    the terminal's whole stream in the file; the records must come out whole, with no live line
    interleaved (the summary line, on stderr, is the only other line)."""
    import shutil
    import subprocess
    import sys

    import pytest

    if shutil.which("script") is None:
        pytest.skip("no `script` here to give the command a terminal")
    cmd = f"{sys.executable} -m parley code {EXAMPLE} --format csv --no-store"
    done = subprocess.run(["script", "-qc", cmd, "/dev/null"], cwd=ROOT, capture_output=True, timeout=300,
                          check=True)
    lines = done.stdout.decode().replace("\r\n", "\n").splitlines()
    records = [ln for ln in lines if not ln.startswith("parley: ")]
    assert [ln for ln in lines if ln.startswith("parley: ")] == [lines[-1]] and "coded 1 documents" in lines[-1]
    rows = list(csv.DictReader(io.StringIO("\n".join(records))))
    assert len(rows) == 5 and all(r["doc_id"] == "example-0001" for r in rows)


def test_help_shows_extras_choices_and_no_type_of_flags():
    """`--help` as a person reads it: `[spark]` not eaten as markup, flags without `<bool>`, and
    every option with a fixed set of values listing them."""
    from typer.testing import CliRunner

    from parley.cli import app

    runner = CliRunner()
    helps = {name: runner.invoke(app, [name, "--help"], env={"COLUMNS": "200"}).output
             for name in ("code", "spark", "events", "dyads", "export", "bench", "serve")}
    assert "pip install 'parley[spark]'" in helps["spark"]
    for name, text in helps.items():
        assert "<bool>" not in text, name
        assert "--help" in text, name
    assert "--format <parquet|csv|jsonl|gdelt|plover>" in helps["export"]
    assert "--by <day|week|month>" in helps["dyads"]
    assert "--format <jsonl|csv|table>" in helps["code"] and "--format <jsonl|csv|table>" in helps["events"]
    assert "--no-store  " in helps["code"]  # a flag: no value to give


def test_progress_line_has_total_rate_and_eta():
    from parley.pipeline.job import Counts
    from parley.pipeline.progress import progress_text

    counts = Counts(documents=20, events=31, words=4000, started=100.0)
    counts.reasons["empty"] = 5
    line = progress_text(counts, total=100, now=110.0)
    assert "25 of 100 documents (25%)" in line and "400 words/s" in line and "2.5 docs/s" in line
    assert "ETA 0:00:30" in line and "5 skipped" in line
    unknown = progress_text(counts, total=None, now=110.0)
    assert "20 documents" in unknown and "ETA" not in unknown and " of " not in unknown


def test_series_is_a_zero_filled_panel_that_adds_up_to_the_events(panel_db):
    year = ["--since", "2024-01-01", "--until", "2024-12-31"]
    r = run_parley("series", "--db", str(panel_db), "--unit", "country", "--period", "month", *year)
    assert r.returncode == 0, r.stderr
    panel = list(csv.DictReader(io.StringIO(r.stdout.decode())))
    assert len(panel) == 24 and {p["country"] for p in panel} == {"KOR", "USA"}
    assert sum(p["count"] == "0" for p in panel) == 24 - 4  # KOR: March, November; USA: July, November
    assert {p["counting"] for p in panel} == {"events"}
    for counting, extra in (("events", ["--real"]), ("reports", [])):
        flag = ["--reports"] if counting == "reports" else []
        panel = jsonl(run_parley("series", "--db", str(panel_db), "--format", "jsonl", *year, *flag).stdout)
        for country in ("KOR", "USA"):
            listed = run_parley("events", "--db", str(panel_db), "--country", country, *year, *extra,
                                "--format", "jsonl")
            assert sum(p["count"] for p in panel if p["country"] == country) == len(jsonl(listed.stdout)), country
            assert {p["counting"] for p in panel} == {counting}


def test_series_writes_parquet_to_a_file_only(panel_db, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "panel.parquet"
    r = run_parley("series", "--db", str(panel_db), "--unit", "dyad", "--period", "year", "--format", "parquet",
                   "--output", str(out), "--quad", "4")
    assert r.returncode == 0, r.stderr
    table = pq.read_table(out)
    assert table.num_rows == 1 and table.column("actor").to_pylist() == ["USA"]
    r = run_parley("series", "--db", str(panel_db), "--format", "parquet")
    assert r.returncode == 2 and b"--output" in r.stderr


def test_new_filters_reach_every_query_command(panel_db, tmp_path):
    r = run_parley("events", "--db", str(panel_db), "--min-reports", "2", "--format", "jsonl")
    assert {e["doc_id"] for e in jsonl(r.stdout)} == {"p1", "p2"}
    r = run_parley("dyads", "--db", str(panel_db), "--actor-sector", "MIL", "--format", "jsonl", "--reports")
    assert [(d["actor"], d["events"]) for d in jsonl(r.stdout)] == [("USA", 1)]
    r = run_parley("export", "--db", str(panel_db), "--format", "jsonl", "--output", str(tmp_path / "e.jsonl"),
                   "--publisher", "ap", "--min-confidence", "0.75")
    assert r.returncode == 0 and [e["doc_id"] for e in jsonl((tmp_path / "e.jsonl").read_bytes())] == ["p2"]
    r = run_parley("series", "--db", str(panel_db), "--factuality", "reportd")
    assert r.returncode == 2
    (line,) = r.stderr.decode().splitlines()
    assert "did you mean reported?" in line

def test_resolve_explain_says_which_entry_and_rule_decided(tmp_path):
    phrases = tmp_path / "p.jsonl"
    phrases.write_text('{"id": "b", "text": "Rubio"}\n'
                       '{"id": "c", "text": "THE KREMLIN"}\n{"id": "d", "text": "Kremlin"}\n'
                       '{"id": "e", "text": "Armenian Prime Minister Nikol Pashinyan"}\n', encoding="utf-8")
    r = run_parley("resolve", "--input", str(phrases), "--date", "2025-06-01", "--explain")
    assert r.returncode == 0, r.stderr
    rules = {o["id"]: [x["rule"] for x in o["explain"][0]] for o in jsonl(r.stdout)}
    assert rules["b"] == ["surname via date"]
    assert rules["c"][0] == rules["d"][0] == "metonym (seat of government)"
    assert rules["e"] == ["name match"]
    r = run_parley("resolve", "Rubio", "--date", "2025-06-01", "--explain")
    ((why,),) = jsonl(r.stdout)[0]["explain"]
    assert why["entry"].startswith("person marco-rubio") and why["text"] == "Rubio"
    assert "explain" not in jsonl(run_parley("resolve", "Rubio").stdout)[0]


def test_resolve_prints_every_sector_and_explain_says_where_each_came_from():
    r = run_parley("resolve", "Likud lawmaker", "--date", "2025-06-01", "--explain")
    assert r.returncode == 0, r.stderr
    (out,) = jsonl(r.stdout)
    assert (out["sector"], out["sectors"]) == ("LEG", ["LEG", "PTY"])
    said = {x["rule"].split(":")[0]: x for x in out["explain"][0] if x["field"] == "sector"}
    assert said["LEG"]["text"] == "lawmaker" and "agents.tsv" in said["LEG"]["entry"]
    assert said["PTY"]["text"] == "Likud" and "LIKUD" in said["PTY"]["entry"]
