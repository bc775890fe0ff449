import io
import json
from datetime import date

import pytest

from parley.errors import InputError, RecordError
from parley.ingest import read_inputs, read_stream
from parley.model import Document


def docs_and_errors(items):
    items = list(items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, RecordError)]


def test_text_file_is_one_document_named_after_the_file(tmp_path):
    p = tmp_path / "report-7.txt"
    p.write_text("Chad and Niger signed a border accord.", encoding="utf-8")
    docs, errors = docs_and_errors(read_inputs([str(p)]))
    assert [d.id for d in docs] == ["report-7"] and not errors
    assert docs[0].pub_date is None


def test_jsonl_ignores_unknown_fields_and_reads_pub_date(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps({"id": "a1", "text": "Text.", "pub_date": "2024-05-02", "events": [], "x": 1}) + "\n"
                 + json.dumps({"text": "No id here.", "pub_date": "2024-05-02T10:00:00Z"}) + "\n", encoding="utf-8")
    docs, errors = docs_and_errors(read_inputs([str(p)]))
    assert not errors
    assert [d.id for d in docs] == ["a1", "in-2"]
    assert docs[0].pub_date == date(2024, 5, 2) == docs[1].pub_date


def test_bad_lines_are_reported_and_skipped_not_fatal(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_text('{"id": "ok", "text": "Fine."}\nnot json\n{"id": "empty", "text": "  "}\n[1, 2]\n', encoding="utf-8")
    docs, errors = docs_and_errors(read_inputs([str(p)]))
    assert [d.id for d in docs] == ["ok"]
    reasons = [(e.record_id, e.reason.split(" (")[0]) for e in errors]
    assert reasons == [("line 2", "not JSON"), ("empty", "no text"), ("line 4", "not a JSON object")]


def test_missing_file_fails_before_anything_is_read(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_inputs([str(tmp_path / "nope.txt")]))


@pytest.mark.parametrize("content, reason", [(b"", "empty input"), (b"   \n", "empty input"),
                                             (b"\x00\x01\x02PK\x03", "binary input, not text")])
def test_empty_and_binary_files_are_skipped_with_a_reason(tmp_path, content, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    docs, errors = docs_and_errors(read_inputs([str(p)]))
    assert not docs and [e.reason for e in errors] == [reason]


def test_windows_1252_text_decodes(tmp_path):
    p = tmp_path / "old.txt"
    p.write_bytes("Caf\xe9 talks in Qu\xe9bec".encode("cp1252"))
    docs, _ = docs_and_errors(read_inputs([str(p)]))
    assert docs[0].text == "Café talks in Québec"


def test_stdin_plain_text_and_jsonl():
    docs, _ = docs_and_errors(read_stream(io.BytesIO(b"Iran threatened Israel.")))
    assert docs[0].id == "stdin"
    docs, _ = docs_and_errors(read_stream(io.BytesIO(b'{"id": "s1", "text": "Iran threatened Israel."}\n')))
    assert docs[0].id == "s1"


def test_a_json_file_holds_one_record_or_an_array(tmp_path):
    import json

    from parley.errors import RecordError
    from parley.ingest import read_path
    from parley.model import Document

    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "a", "text": "Ghana recalled its ambassador.", "pub_date": "2024-05-02"}))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "b", "text": "Togo protested."}, {"id": "c"},
                                {"id": "d", "text": "Benin agreed.", "pub_date": "soon"}]))
    (doc,) = read_path(one)
    assert isinstance(doc, Document) and doc.id == "a" and str(doc.pub_date) == "2024-05-02"
    items = list(read_path(many))
    assert [i.id for i in items if isinstance(i, Document)] == ["b"]
    errors = [i for i in items if isinstance(i, RecordError)]
    assert [(e.record_id, e.reason.split(" (")[0]) for e in errors] == [("c", "no text"),
                                                                      ("d", "pub_date 'soon' is not a date")]


def test_pub_date_option_dates_plain_text(tmp_path):
    from datetime import date

    from parley.ingest import ReadOptions, read_inputs

    text = tmp_path / "story.txt"
    text.write_text("Police arrested 12 protesters in Lagos on Tuesday.")
    (doc,) = read_inputs([str(text)], options=ReadOptions(pub_date=date(2025, 3, 14)))
    assert doc.pub_date == date(2025, 3, 14)


def test_expected_documents_counts_what_is_cheap_to_count(tmp_path):
    import gzip

    from parley.ingest import expected_documents

    (tmp_path / "a.jsonl").write_text('{"id": "1", "text": "x"}\n\n{"id": "2", "text": "y"}\n{bad\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text("One text.", encoding="utf-8")
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(b'{"id": "3", "text": "z"}\n'))
    assert expected_documents([str(tmp_path / "a.jsonl"), str(tmp_path / "b.txt")]) == 4  # a bad line is a record too
    assert expected_documents([str(tmp_path / "a.jsonl"), str(tmp_path / "c.jsonl.gz")]) is None
    assert expected_documents(["-"]) is None
