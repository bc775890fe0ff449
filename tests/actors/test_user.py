import pytest

from conftest import jsonl, run_parley
from parley.actors.user import read_user_actors
from parley.errors import InputError


def test_csv_actors_extend_and_override(tmp_path):
    jane, brigade = _resolve_with(tmp_path, "name,aliases,country,sector,role,start,end\n"
                                  "Jane Doe,J. Doe,NZL,GOV,Minister of Foreign Affairs,2026-02-01,\n"
                                  "Ridgeback Brigade,,SDN,REB,,,\n",
                                  ["Foreign Minister Jane Doe", "the Ridgeback Brigade"])
    assert (jane["country"], jane["sector"], jane["name"]) == ("NZL", "GOV", "Jane Doe")
    assert (brigade["country"], brigade["sector"]) == ("SDN", "REB")


def test_yaml_actors_override_a_shipped_name(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text("- name: Hamas\n  country: PSE\n  sector: PTY\n  kind: organisation\n", encoding="utf-8")
    r = run_parley("resolve", "Hamas", "--actors", str(f))
    (out,) = jsonl(r.stdout)
    assert out["sector"] == "PTY"


@pytest.mark.parametrize("content, message", [
    ("name,colour\nX,red\n", "unknown column"),
    ("name,country\n,FRA\n", "no name"),
    ("name,start\nX,31/01/2020\n", "not YYYY-MM-DD"),
    ("name,country\nX,France\n", "alpha-3"),
])
def test_bad_actor_files_are_one_clear_error(tmp_path, content, message):
    f = tmp_path / "bad.csv"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_user_actors(f)


def test_bad_actor_file_on_the_command_line_exits_3(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text("name: [unclosed\n", encoding="utf-8")
    r = run_parley("resolve", "Hamas", "--actors", str(f))
    assert r.returncode == 3 and "not valid YAML" in r.stderr.decode() and b"Traceback" not in r.stderr


def _phrases(tmp_path, texts):
    import json

    p = tmp_path / "phrases.jsonl"
    p.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    return p


def test_user_people_carry_their_organisation_and_override_shipped_holders(tmp_path):
    jane, boko = _resolve_with(tmp_path, "name,sector,org,role,start\n"
                               "Jane Roe,IGO,OAS,OAS Secretary-General,2026-01-01\n"
                               "Duma Boko,IGO,AU,African Union envoy,2026-01-01\n", ["Jane Roe", "Duma Boko"])
    assert (jane["sector"], jane["org"], jane["role"]) == ("IGO", "OAS", "OAS Secretary-General")
    assert (boko["sector"], boko["org"]) == ("IGO", "AU")  # shipped: Botswana's president


def _resolve_with(tmp_path, actors_csv: str, texts: list[str]) -> list[dict]:
    """``parley resolve`` of ``texts`` on 2026-03-01 with the user's actors file ``actors_csv``."""
    f = tmp_path / "mine.csv"
    f.write_text(actors_csv, encoding="utf-8")
    r = run_parley("resolve", "--input", str(_phrases(tmp_path, texts)), "--date", "2026-03-01", "--actors", str(f))
    assert r.returncode == 0, r.stderr
    return jsonl(r.stdout)


def test_a_users_actor_may_have_several_sectors(tmp_path):
    (group,) = _resolve_with(tmp_path, "name,country,sector\nRidgeback Brigade,SDN,REB|GOV\n",
                             ["the Ridgeback Brigade"])
    assert (group["sector"], group["sectors"]) == ("REB", ["REB", "GOV"])
