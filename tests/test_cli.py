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
    from parley.store.query import FILTERS

    commands = typer.main.get_command(app).commands
    own = {"events": {"db", "fmt", "real", "limit"}, "dyads": {"db", "by", "fmt", "reports"},
           "export": {"fmt", "output", "db", "force"}}
    for name, params in own.items():
        options = {p.name: p for p in commands[name].params}
        assert set(options) - params == {s.name for s in FILTERS}, name
        for s in FILTERS:
            assert options[s.name].opts == [f"--{s.name}"] and options[s.name].help == s.help
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
