"""Containers and collections: .gz, .zip, directories and globs."""
import gzip
import json
import zipfile

import pytest

from parley.errors import InputError
from parley.ingest import read_inputs

PAGE = ("<html><head><title>Port reopens</title></head><body><article><p>The port of Mombasa reopened "
        "on Saturday after a two-day closure, the harbour authority said in a statement.</p></article>"
        "</body></html>")


def jsonl(n: int, start: int = 0) -> bytes:
    return "".join(json.dumps({"id": f"j{i}", "text": f"Report {i}: the envoys met again."}) + "\n"
                   for i in range(start, start + n)).encode("utf-8")


# --- gzip ---------------------------------------------------------------------------------

def test_gzipped_files_are_read_as_their_inner_suffix(tmp_path, read):
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(jsonl(3)))
    (tmp_path / "note.txt.gz").write_bytes(gzip.compress("Caf\xe9 diplomacy in Qu\xe9bec".encode("cp1252")))
    (tmp_path / "rows.csv.gz").write_bytes(gzip.compress(b"id,text\nc1,Row one.\n"))
    (tmp_path / "port.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    docs, errors = read(*(tmp_path / n for n in ("a.jsonl.gz", "note.txt.gz", "rows.csv.gz", "port.html.gz")))
    assert not errors
    assert [d.id for d in docs] == ["j0", "j1", "j2", "note", "c1", "port"]
    assert docs[3].text == "Café diplomacy in Québec"
    assert docs[5].title == "Port reopens" and "Mombasa reopened" in docs[5].text


def test_a_truncated_gzip_gives_the_records_before_it_then_a_record_error(tmp_path):
    data = gzip.compress(jsonl(3000))
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(data[: len(data) // 2])
    items = list(read_inputs([str(p)]))
    *docs, last = items
    assert 100 < len(docs) < 3000
    assert [d.id for d in docs] == [f"j{i}" for i in range(len(docs))]  # in order, none half-read
    assert last.reason.startswith("corrupt gzip") and last.source == str(p) and last.record_id is None


@pytest.mark.parametrize("name", ["bad.txt.gz", "bad.jsonl.gz", "bad.csv.gz", "bad.html.gz"])
def test_a_file_that_is_not_gzip_is_a_record_error(tmp_path, read, name):
    p = tmp_path / name
    p.write_bytes(b"this was never compressed")
    docs, errors = read(p)
    assert not docs and len(errors) == 1 and errors[0].reason.startswith("corrupt gzip")


def test_a_truncated_whole_file_gzip_gives_no_partial_document(tmp_path, read):
    data = gzip.compress(("The talks went on late into the night. " * 400).encode("utf-8"))
    p = tmp_path / "long.txt.gz"
    p.write_bytes(data[:-20])
    docs, errors = read(p)
    assert not docs and errors[0].reason.startswith("corrupt gzip")


def test_a_gzip_with_a_bad_checksum_is_a_record_error(tmp_path, read):
    data = bytearray(gzip.compress(b"Plain text, damaged on disk."))
    data[-8] ^= 0xFF  # the CRC-32 in the trailer
    p = tmp_path / "crc.txt.gz"
    p.write_bytes(bytes(data))
    docs, errors = read(p)
    assert not docs and errors[0].reason.startswith("corrupt gzip")


def test_an_unknown_inner_suffix_named_directly_is_plain_text(tmp_path, read):
    p = tmp_path / "dispatch.gz"
    p.write_bytes(gzip.compress(b"Plain words, gzipped."))
    docs, _ = read(p)
    assert [(d.id, d.text) for d in docs] == [("dispatch", "Plain words, gzipped.")]


# --- zip ----------------------------------------------------------------------------------

def make_zip(path):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("reports/b.txt", "Second report text.")
        z.writestr("reports/a.txt", "First report text.")
        z.writestr("rows.csv", "id,text\nz1,Zipped row.\nz2,\n")
        z.writestr("more.jsonl.gz", gzip.compress(jsonl(2, start=10)))
        z.writestr("page.html", PAGE)
        z.writestr("bad.jsonl", "{not json}\n")
        z.writestr("__MACOSX/reports/._a.txt", "resource fork")
        z.writestr(".DS_Store", "\x00\x01")
        z.writestr("scan.pdf", "%PDF-1.4")
        z.writestr("empty-dir/", "")


def test_zip_members_are_read_by_their_suffix_in_name_order(tmp_path, read):
    p = tmp_path / "bundle.zip"
    make_zip(p)
    docs, errors = read(p)
    assert [d.id for d in docs] == ["j10", "j11", "page", "a", "b", "z1"]
    assert [(e.source, e.record_id, e.reason.split(" (")[0]) for e in errors] == [
        (f"{p}:bad.jsonl", "line 1", "not JSON"), (f"{p}:rows.csv", "z2", "no text")]


def test_a_damaged_zip_member_is_reported_with_archive_and_member(tmp_path, read):
    p = tmp_path / "damaged.zip"
    with zipfile.ZipFile(p, "w", compression=zipfile.ZIP_STORED) as z:
        z.writestr("good.txt", "Good text.")
        z.writestr("hurt.txt", "MARKER text that will be damaged on disk.")
    data = p.read_bytes().replace(b"MARKER", b"MANGLE")
    p.write_bytes(data)
    docs, errors = read(p)
    assert [d.id for d in docs] == ["good"]
    assert len(errors) == 1 and errors[0].source == f"{p}:hurt.txt"
    assert errors[0].reason.startswith("corrupt zip member")


def test_a_file_that_is_not_a_zip_is_a_record_error(tmp_path, read):
    p = tmp_path / "fake.zip"
    p.write_bytes(b"PK\x03\x04 but nothing after")
    docs, errors = read(p)
    assert not docs and errors[0].reason.startswith("not a zip archive")


def test_a_truncated_zip_is_a_record_error(tmp_path, read):
    p = tmp_path / "bundle.zip"
    make_zip(p)
    p.write_bytes(p.read_bytes()[:-40])
    docs, errors = read(p)
    assert not docs and errors[0].reason.startswith("not a zip archive")


# --- directories --------------------------------------------------------------------------

def make_tree(root):
    (root / "b" / "deep").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "z.txt").write_text("Zed text.", encoding="utf-8")
    (root / "a.jsonl").write_bytes(jsonl(1))
    (root / "b" / "m.txt").write_text("Em text.", encoding="utf-8")
    (root / "b" / "deep" / "k.csv").write_text("id,text\nk1,Deep row.\n", encoding="utf-8")
    (root / "b" / "deep" / "n.txt.gz").write_bytes(gzip.compress(b"En text."))
    (root / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (root / ".git" / "HEAD.txt").write_text("ref", encoding="utf-8")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00")
    (root / "notes.md").write_text("# not read", encoding="utf-8")
    (root / "archive.tar.gz").write_bytes(gzip.compress(b"\x00tar"))


def test_a_directory_is_read_recursively_sorted_skipping_hidden_and_unknown(tmp_path, read):
    make_tree(tmp_path)
    docs, errors = read(tmp_path)
    assert not errors
    assert [d.id for d in docs] == ["j0", "k1", "n", "m", "z"]  # a.jsonl, b/deep/k.csv, b/deep/n.txt.gz, b/m.txt, z.txt


def test_an_empty_directory_is_reported(tmp_path, read):
    (tmp_path / "nothing").mkdir()
    (tmp_path / "nothing" / "image.png").write_bytes(b"\x89PNG")
    docs, errors = read(tmp_path / "nothing")
    assert not docs and [e.reason for e in errors] == ["no readable files in directory"]


def test_a_single_file_with_an_unknown_suffix_is_plain_text(tmp_path, read):
    p = tmp_path / "bulletin.dat"
    p.write_text("A bulletin in plain text.", encoding="utf-8")
    docs, errors = read(p)
    assert [(d.id, d.text) for d in docs] == [("bulletin", "A bulletin in plain text.")] and not errors


# --- globs --------------------------------------------------------------------------------

def test_globs_are_sorted_and_may_recurse(tmp_path, read):
    make_tree(tmp_path)
    docs, _ = read(tmp_path / "*.txt")
    assert [d.id for d in docs] == ["z"]
    docs, _ = read(tmp_path / "**" / "*.txt")
    assert [d.id for d in docs] == ["m", "z"]
    docs, _ = read(tmp_path / "b" / "**" / "[kn].*")
    assert [d.id for d in docs] == ["k1", "n"]


def test_a_glob_matching_nothing_fails_before_anything_is_read(tmp_path):
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    with pytest.raises(InputError, match="no files match"):
        next(read_inputs([str(tmp_path / "a.txt"), str(tmp_path / "*.csv")]))


def test_a_missing_path_fails_before_anything_is_read(tmp_path):
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    with pytest.raises(InputError, match="no such file"):
        next(read_inputs([str(tmp_path / "a.txt"), str(tmp_path / "gone.jsonl")]))


def test_an_existing_file_with_glob_characters_in_its_name_is_a_file(tmp_path, read):
    p = tmp_path / "report[1].txt"
    p.write_text("Bracketed name.", encoding="utf-8")
    docs, _ = read(p)
    assert [d.id for d in docs] == ["report[1]"]
