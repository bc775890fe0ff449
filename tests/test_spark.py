"""parley on Spark (local[2]): the same events as `parley code`, WARC input, rejects kept."""
from __future__ import annotations

import gzip
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import DEDUP_CORPUS, PARLEY, ROOT, SHARED

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (pip install -e '.[spark]')")
if shutil.which("java") is None:
    pytest.skip("Java is not installed (scripts/install-test-deps installs openjdk-17-jre-headless)",
                allow_module_level=True)

import pyarrow.dataset as ds  # noqa: E402

from parley.spark.job import run, session  # noqa: E402

STORIES = SHARED / "train" / "synthetic_events_2023-10-19.csv.zip"


@pytest.fixture(scope="module")
def spark():
    s = session("local[2]", app_name="parley-tests")
    yield s
    s.stop()


def corpus_of_2000(path: Path) -> None:
    """2,000 documents: the training stories where ../shared is, else our own articles repeated."""
    if STORIES.exists():
        from parley.coding.classifier import read_story_texts

        texts = list(read_story_texts(STORIES))[:2000]
    else:
        texts = [json.loads(line)["text"] for line in DEDUP_CORPUS.read_text(encoding="utf-8").splitlines()]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(2000):
            day = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
            fh.write(json.dumps({"id": f"doc-{i}", "text": texts[i % len(texts)], "pub_date": day}) + "\n")


def key(rec: dict) -> tuple:
    """What must be equal between the two runs, field by field."""
    loc = rec.get("location") or {}
    side = lambda s: tuple((a["text"], a.get("country"), a.get("sector"), tuple(a.get("sectors") or ()),  # noqa: E731
                            a.get("org"), a.get("name"), a["start"], a["end"]) for a in rec.get(s) or [])
    date = rec.get("date")
    return (rec["event_id"], rec["doc_id"], rec["sentence"], rec["event"], rec.get("mode"), tuple(rec["context"] or ()),
            rec["cameo"], rec["goldstein"], rec["quad_class"], side("actor"), side("recipient"), rec["reciprocal"],
            date.isoformat() if hasattr(date, "isoformat") else date, rec.get("date_precision"),
            loc.get("name"), loc.get("country"), rec["factuality"],
            tuple((a["text"], a["kind"]) for a in rec.get("attribution") or []),
            tuple((m["sentence"], m["trigger"], m["trigger_start"]) for m in rec.get("mentions") or []),
            round(rec["confidence"], 3))


def spark_events(out: Path) -> list[dict]:
    return ds.dataset(out / "events", format="parquet", partitioning="hive").to_table().to_pylist()


def test_spark_writes_the_same_events_as_parley_code(spark, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus_of_2000(corpus)
    cli = subprocess.run([*PARLEY, "code", str(corpus), "--no-store", "--format", "jsonl", "--jobs", "2"],
                         capture_output=True, cwd=ROOT, timeout=1800)
    assert cli.returncode == 0, cli.stderr.decode()[-2000:]
    expected = [json.loads(line) for line in cli.stdout.decode().splitlines()]
    summary = run([str(corpus)], tmp_path / "out", partitions=4, spark=spark)
    got = spark_events(tmp_path / "out")
    assert summary.documents == 2000 and summary.rejects == 0 and summary.events == len(got) == len(expected)
    assert sorted(map(key, got)) == sorted(map(key, expected))
    docs = ds.dataset(tmp_path / "out" / "documents", format="parquet", partitioning="hive").to_table()
    assert docs.num_rows == 2000 and sorted(docs.column("month").unique().to_pylist())[0] == "2025-01"
    assert json.loads((tmp_path / "out" / "_summary.json").read_text())["documents"] == 2000


def test_a_warc_gz_written_here_is_read_and_coded(spark, tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [("https://news.example.org/a", "Iran accused Israel of sabotage at a power station on Thursday."),
             ("https://news.example.org/b", "Kenya and Tanzania signed a border agreement in Arusha on Monday.")]
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, text in pages:
            html = f"<html><head><title>News</title></head><body><article><p>{text}</p></article></body></html>"
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                          http_headers=http,
                                                          warc_headers_dict={"WARC-Date": "2025-04-17T10:00:00Z"}))
    summary = run([str(path)], tmp_path / "out", spark=spark)
    events = spark_events(tmp_path / "out")
    assert summary.documents == 2 and {e["event"] for e in events} == {"ACCUSE", "SUPPORT"}
    assert {(e["actor"][0]["country"], e["recipient"][0]["country"]) for e in events} >= {("IRN", "ISR")}


def test_bad_records_are_counted_and_kept_with_their_reason(spark, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.jsonl").write_text(json.dumps({"id": "g1", "text": "Egypt threatened Jordan on Friday."}) + "\n"
                                    + "{broken json\n" + json.dumps({"id": "nt"}) + "\n", encoding="utf-8")
    (src / "cut.jsonl.gz").write_bytes(gzip.compress(b'{"id": "z", "text": "Chile"}\n' * 50)[:40])
    summary = run([str(src)], tmp_path / "out", spark=spark)
    rejects = [json.loads(line) for f in sorted((tmp_path / "out" / "rejects").glob("*.json"))
               for line in f.read_text(encoding="utf-8").splitlines()]
    # coded: g1, and the cut file's first record, whole before the cut; rejected: the broken line,
    # the record without text, the cut itself
    assert summary.documents == 2 and summary.rejects == len(rejects) == 3
    reasons = " ".join(r["reason"] for r in rejects)
    assert "not JSON" in reasons and "no text" in reasons and "corrupt gzip" in reasons
    assert any("cut.jsonl.gz" in r["source"] for r in rejects)
