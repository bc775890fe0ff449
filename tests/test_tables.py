"""Users' tables (parley/tables.py): one reader for the CSV/TSV files of --actors and --places."""
import pytest

from parley.actors.user import read_user_actors
from parley.errors import InputError
from parley.places.user import read_user_places
from parley.tables import read_user_table

COLUMNS = ("name", "country", "lat", "lon")


def write(tmp_path, name: str, text: str, bom: bool = False):
    f = tmp_path / name
    f.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return f


@pytest.mark.parametrize("name, text, bom", [
    ("mine.csv", "name,country,lat,lon\nCamp Q,SDN,13.1,25.2\n", False),
    ("mine.csv", "name,country,lat,lon\nCamp Q,SDN,13.1,25.2\n", True),  # as spreadsheets save it
    ("mine.tsv", "name\tcountry\tlat\tlon\nCamp Q\tSDN\t13.1\t25.2\n", True),
    ("mine.txt", "name\tcountry\tlat\tlon\nCamp Q\tSDN\t13.1\t25.2\n", False),  # tabs in the header
    ("mine.csv", "# my camps\n\nname , country,lat,lon\n Camp Q ,SDN,13.1,25.2\n", False),
])
def test_a_table_reads_alike_with_or_without_a_bom_as_csv_or_tsv(tmp_path, name, text, bom):
    (row,) = read_user_table(write(tmp_path, name, text, bom), "places", COLUMNS, ("name",))
    assert row.cells == {"name": "Camp Q", "country": "SDN", "lat": "13.1", "lon": "25.2"}


def test_both_user_readers_take_a_bom_and_a_tab_separated_txt(tmp_path):
    actors = write(tmp_path, "mine.txt", "name\tcountry\tsector\nRidgeback Brigade\tSDN\tREB\n", bom=True)
    assert read_user_actors(actors) == [{"name": "Ridgeback Brigade", "country": "SDN", "sector": "REB"}]
    places = write(tmp_path, "mine.csv", "name,country,lat,lon\nCamp Q,SDN,13.1,25.2\n", bom=True)
    assert [n for n, _ in read_user_places(places)] == ["Camp Q"]


@pytest.mark.parametrize("reader, text, where, reason", [
    (read_user_places, "name,country,lat,lon\n# a comment\nA,SDN,13,25\n\nB,SDN,north,25\n", "line 5", "numbers"),
    (read_user_actors, "name,country\n# a comment\nX,FRA\n,FRA\n", "line 4", "no name"),
    (read_user_actors, "name,start\nX,2020-01-01\n\nY,31/01/2020\n", "line 4", "not YYYY-MM-DD"),
    (read_user_places, "name,country,lat,lon\nA,SDN,13,25,extra\n", "line 2", "2 cells|5 cells"),
    (read_user_actors, "name,colour\nX,red\n", "line 1", "unknown column"),
])
def test_a_bad_row_is_one_line_naming_the_file_and_its_line(tmp_path, reader, text, where, reason):
    f = write(tmp_path, "bad.csv", text, bom=True)
    with pytest.raises(InputError, match=reason) as err:
        reader(f)
    message = str(err.value)
    assert "\n" not in message and message.startswith(f"{f}, {where}: "), message


def test_an_empty_table_or_a_header_alone_is_an_error(tmp_path):
    for text in ("# nothing\n\n", "name,country,lat,lon\n"):
        with pytest.raises(InputError, match="needs"):
            read_user_places(write(tmp_path, "empty.csv", text))


def test_a_yaml_actor_is_named_by_its_item(tmp_path):
    f = write(tmp_path, "mine.yaml", "- name: A\n  country: FRA\n- name: B\n  start: 31/01/2020\n")
    with pytest.raises(InputError, match=r"item 2: start '31/01/2020' is not YYYY-MM-DD"):
        read_user_actors(f)
