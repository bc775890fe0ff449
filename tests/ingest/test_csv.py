from datetime import date

import pytest

from parley.errors import UsageError
from parley.ingest import ReadOptions
from parley.ingest.csv import sniff_delimiter


def test_default_columns_give_ids_text_dates_and_metadata(tmp_path, read):
    p = tmp_path / "wire.csv"
    p.write_text(
        "id,title,body,pub_date,url,publisher\n"
        'w1,Accord,"Chad and Niger signed an accord, officials said.",2024-05-02,https://ex.org/w1,Wire\n'
        ',Untitled,"Second row; no id.",2 May 2024,,\n',
        encoding="utf-8")
    docs, errors = read(p)
    assert not errors
    assert [d.id for d in docs] == ["w1", "wire-2"]
    assert docs[0].text == "Chad and Niger signed an accord, officials said."
    assert (docs[0].title, docs[0].url, docs[0].publisher) == ("Accord", "https://ex.org/w1", "Wire")
    assert docs[0].pub_date == date(2024, 5, 2) == docs[1].pub_date
    assert (docs[1].url, docs[1].publisher) == (None, None)


def test_row_without_text_is_a_record_error_with_its_id_and_blank_rows_are_skipped(tmp_path, read):
    p = tmp_path / "rows.csv"
    p.write_text("id,text\nr1,First text.\n\n,,\nr4,   \n,\nr6,Last text.\n", encoding="utf-8")
    docs, errors = read(p)
    assert [d.id for d in docs] == ["r1", "r6"]
    assert [(e.record_id, e.reason) for e in errors] == [("r4", "no text")]


def test_no_text_column_is_one_error_for_the_file(tmp_path, read):
    p = tmp_path / "meta.csv"
    p.write_text("id,headline\n1,Talks resume\n", encoding="utf-8")
    docs, errors = read(p)
    assert not docs and len(errors) == 1
    assert errors[0].reason.startswith("no text column") and errors[0].record_id is None


@pytest.mark.parametrize("column", ["text", "Body", "CONTENT", "article"])
def test_text_column_names_are_found_case_insensitively(tmp_path, read, column):
    p = tmp_path / "c.csv"
    p.write_text(f"{column}\nThe ministry summoned the ambassador.\n", encoding="utf-8")
    docs, errors = read(p)
    assert [d.text for d in docs] == ["The ministry summoned the ambassador."] and not errors


def test_dates_in_the_default_columns_and_forms(tmp_path, read):
    p = tmp_path / "d.csv"
    p.write_text("id,text,published\n"
                 "a,A.,2024-05-02T23:10:00Z\n"
                 'b,B.,"Thu, 02 May 2024 10:00:00 +0000"\n'
                 'c,C.,"May 2, 2024"\n'
                 "d,D.,sometime\n", encoding="utf-8")
    docs, errors = read(p)
    assert [d.pub_date for d in docs] == [date(2024, 5, 2)] * 3
    (bad,) = errors  # a date that cannot be read is the record's problem, reported, never dropped silently
    assert bad.record_id == "d" and "pub_date 'sometime' is not a date" in bad.reason


def test_options_name_the_columns(tmp_path, read):
    p = tmp_path / "custom.csv"
    p.write_text("doc,story,when,head\nx9,Protesters gathered in the square.,2023-11-05,Protest\n", encoding="utf-8")
    options = ReadOptions(text_column="story", id_column="doc", date_column="when", title_column="head")
    docs, errors = read(p, options=options)
    assert not errors
    assert (docs[0].id, docs[0].text, docs[0].pub_date, docs[0].title) == (
        "x9", "Protesters gathered in the square.", date(2023, 11, 5), "Protest")


def test_a_named_column_the_file_lacks_is_reported_not_guessed(tmp_path, read):
    p = tmp_path / "c.csv"
    p.write_text("id,text\n1,Text.\n", encoding="utf-8")
    docs, errors = read(p, options=ReadOptions(text_column="story"))
    assert not docs and errors[0].reason.startswith("no column 'story'")


def test_tsv_by_suffix_keeps_commas_in_text(tmp_path, read):
    p = tmp_path / "t.tsv"
    p.write_text("id\ttext\nt1\tIran, Iraq and Syria met, the agency said.\n", encoding="utf-8")
    docs, _ = read(p)
    assert docs[0].text == "Iran, Iraq and Syria met, the agency said."


@pytest.mark.parametrize("delimiter", [";", "\t", "|", ","])
def test_delimiter_is_sniffed_from_the_header(tmp_path, read, delimiter):
    p = tmp_path / "s.csv"
    p.write_text(f"id{delimiter}text\ns1{delimiter}\"Talks, in Geneva; then Paris | maybe.\"\n", encoding="utf-8")
    docs, errors = read(p)
    assert not errors and docs[0].text == "Talks, in Geneva; then Paris | maybe."


def test_sniff_delimiter_falls_back_to_comma():
    assert sniff_delimiter("text") == ","
    assert sniff_delimiter("id;text;date") == ";"


def test_quoted_fields_span_lines(tmp_path, read):
    p = tmp_path / "multi.csv"
    p.write_text('id,text\nm1,"First paragraph.\r\n\r\nSecond paragraph, ""quoted""."\nm2,Next.\n', encoding="utf-8",
                 newline="")
    docs, _ = read(p)
    assert [d.id for d in docs] == ["m1", "m2"]
    assert docs[0].text == 'First paragraph.\r\n\r\nSecond paragraph, "quoted".'


def test_a_field_larger_than_the_csv_default_limit_is_read(tmp_path, read):
    big = "The council met again. " * 20000  # ~460 KB, over csv's 128 KiB default
    p = tmp_path / "big.csv"
    p.write_text(f'id,text\nbig,"{big}"\nsmall,Small.\n', encoding="utf-8")
    docs, errors = read(p)
    assert not errors and [len(d.text) for d in docs] == [len(big), 6]


def test_windows_1252_and_bom_and_utf16(tmp_path, read):
    p1 = tmp_path / "cp.csv"
    p1.write_bytes("id,text\nc1,Caf\xe9 talks in Qu\xe9bec\n".encode("cp1252"))
    p2 = tmp_path / "bom.csv"
    p2.write_bytes("id,text\nb1,Z\xfcrich talks\n".encode("utf-8-sig"))
    p3 = tmp_path / "wide.csv"
    p3.write_bytes("id,text\nu1,Talks in M\xfcnchen\n".encode("utf-16"))
    docs, errors = read(p1, p2, p3)
    assert not errors
    assert [(d.id, d.text) for d in docs] == [("c1", "Café talks in Québec"), ("b1", "Zürich talks"),
                                             ("u1", "Talks in München")]


def test_empty_and_binary_csv(tmp_path, read):
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "bin.csv").write_bytes(b"id,text\x00\x01\x02\n")
    docs, errors = read(tmp_path / "empty.csv", tmp_path / "bin.csv")
    assert not docs and [e.reason for e in errors] == ["empty input", "binary input, not text"]


def test_a_delimiter_option_must_be_one_character():
    with pytest.raises(UsageError):
        ReadOptions(delimiter=";;")
