"""Plain text and the decoding every text-like reader shares."""
import json
import os

import pytest

from parley.ingest.text import decode_bytes, detect_encoding

RUSSIAN = ("Министр иностранных дел России встретился с коллегой из Китая и обсудил вопросы "
           "региональной безопасности и торговли. Переговоры продолжатся в следующем месяце.")
FRENCH = ("Le ministre des affaires étrangères a rencontré son homologue à Genève pour discuter de la "
          "sécurité régionale, a indiqué le porte-parole du gouvernement.")


def test_utf8_with_a_bom_loses_the_bom(tmp_path, read):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffTalks in Zürich.".encode("utf-8"))
    docs, _ = read(p)
    assert docs[0].text == "Talks in Zürich."


@pytest.mark.parametrize("text, encoding", [(FRENCH, "cp1252"), (FRENCH, "latin-1"), (RUSSIAN, "cp1251"),
                                            ("Caf\xe9 talks in Qu\xe9bec", "cp1252"),
                                            ("Talks \u201cresumed\u201d \u2013 officials", "cp1252")])
def test_legacy_encodings_are_detected(tmp_path, read, text, encoding):
    p = tmp_path / "legacy.txt"
    p.write_bytes(text.encode(encoding))
    docs, errors = read(p)
    assert not errors and docs[0].text == text


def test_utf16_with_a_bom_is_text_not_binary(tmp_path, read):
    p = tmp_path / "wide.txt"
    p.write_bytes(FRENCH.encode("utf-16"))
    docs, errors = read(p)
    assert not errors and docs[0].text == FRENCH


def test_undecodable_bytes_never_crash(tmp_path, read):
    p = tmp_path / "noise.txt"
    p.write_bytes(bytes(b for b in os.urandom(4000) if b) + b"\x81\x8d\x8f\x90\x9d")
    docs, errors = read(p)
    assert len(docs) + len(errors) == 1  # one outcome, whatever it is, and no exception


def test_binary_is_a_record_error(tmp_path, read):
    for name in ("blob.txt", "blob.jsonl", "blob.csv"):
        (tmp_path / name).write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)))
    docs, errors = read(*(tmp_path / n for n in ("blob.txt", "blob.jsonl", "blob.csv")))
    assert not docs and [e.reason for e in errors] == ["binary input, not text"] * 3


def test_jsonl_in_a_legacy_encoding(tmp_path, read):
    p = tmp_path / "old.jsonl"
    p.write_bytes((json.dumps({"id": "f1", "text": FRENCH}, ensure_ascii=False) + "\n").encode("cp1252"))
    docs, errors = read(p)
    assert not errors and docs[0].text == FRENCH


def test_jsonl_keeps_line_separators_inside_strings(tmp_path, read):
    """U+2028 is legal inside a JSON string; it must not split the line."""
    p = tmp_path / "sep.jsonl"
    p.write_text(json.dumps({"id": "s", "text": "One\u2028two"}, ensure_ascii=False) + "\r\n", encoding="utf-8")
    docs, errors = read(p)
    assert not errors and docs[0].text == "One\u2028two"


def test_detect_encoding_does_not_blame_utf8_for_a_character_cut_at_the_head():
    head = "Ministère".encode("utf-8")[:-2]  # "è" cut in half by the sample's end
    assert detect_encoding(head, complete=False) == "utf-8"
    assert decode_bytes(b"plain ascii") == "plain ascii"
