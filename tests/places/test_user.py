"""Users' own places (``--places FILE``): read, checked, and used by ``parley code``."""
import pytest

from conftest import jsonl, run_parley
from parley.errors import InputError
from parley.places.user import read_user_places


def test_a_users_place_and_its_aliases_place_the_event(tmp_path):
    places = tmp_path / "mine.csv"
    places.write_text("name,country,lat,lon,aliases\nCamp Qwerty,SDN,13.1,25.2,Qwerty camp|Camp Q\n", encoding="utf-8")
    text = tmp_path / "in.jsonl"
    text.write_text('{"id": "u1", "text": "Russian forces shelled the area near Camp Qwerty on Monday, killing two '
                    'refugees.", "pub_date": "2025-05-01"}\n', encoding="utf-8")
    r = run_parley("code", str(text), "--no-store", "--places", str(places))
    assert r.returncode == 0, r.stderr
    (ev,) = jsonl(r.stdout)
    assert (ev["location"]["name"], ev["location"]["country"], ev["location"]["lat"]) == ("Camp Qwerty", "SDN", 13.1)
    plain = run_parley("code", str(text), "--no-store")
    assert plain.returncode == 0, plain.stderr
    without = jsonl(plain.stdout)
    assert all((e.get("location") or {}).get("name") != "Camp Qwerty" for e in without)


def test_rows_are_read_with_their_aliases_and_waters_have_no_country(tmp_path):
    f = tmp_path / "mine.tsv"
    f.write_text("name\tcountry\tlat\tlon\taliases\tfeature\nLake Q\tKEN\t1.0\t36.0\tQ Lake\twater\n", encoding="utf-8")
    (a, e1), (b, e2) = read_user_places(f)
    assert (a, b) == ("Lake Q", "Q Lake") and e1 is e2
    assert (e1.feature, e1.country, e1.user) == ("water", None, True)


@pytest.mark.parametrize("content, message", [
    ("name,lat\nX,1\n", "missing: lon"),
    ("name,country,lat,lon\nX,SDN,north,25\n", "must be numbers"),
    ("name,country,lat,lon\nX,SDN,95,25\n", "lat -90..90"),
    ("name,country,lat,lon\nX,Sudan,13,25\n", "alpha-3"),
    ("name,country,lat,lon,feature\nX,SDN,13,25,camp\n", "feature 'camp'"),
])
def test_a_bad_places_file_is_one_clear_error(tmp_path, content, message):
    f = tmp_path / "bad.csv"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_user_places(f)


def test_the_cli_reports_a_bad_places_file_in_one_line(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("name,lat\nX,1\n", encoding="utf-8")
    r = run_parley("code", "-", "--no-store", "--places", str(f), stdin=b"Police arrested ten people in Paris.")
    err = r.stderr.decode()
    assert r.returncode == 3 and "Traceback" not in err
    assert [ln for ln in err.splitlines() if "bad.csv" in ln] and "missing: lon" in err
