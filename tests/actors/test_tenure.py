"""The same name resolves by date: office holders checked at dates on both sides of a change."""

from conftest import jsonl, run_parley

CASES = [  # phrase, date, country, sector, role (None: not checked)
    ("Marco Rubio", "2024-06-01", "USA", "LEG", None),
    ("Marco Rubio", "2025-03-01", "USA", "GOV", "Minister of Foreign Affairs"),
    ("Joe Biden", "2016-05-01", "USA", "GOV", "Vice President"),
    ("Joe Biden", "2022-05-01", "USA", "GOV", "President"),
    ("Joe Biden", "2026-01-10", "USA", "ELI", None),
    ("Donald Trump", "2019-05-01", "USA", "GOV", "President"),
    ("Donald Trump", "2025-05-01", "USA", "GOV", "President"),
    ("Antony Blinken", "2023-01-10", "USA", "GOV", "Minister of Foreign Affairs"),
    ("Antony Blinken", "2025-06-01", "USA", "ELI", None),
    ("Boris Johnson", "2020-06-01", "GBR", "GOV", "Prime Minister"),
    ("Boris Johnson", "2024-06-01", "GBR", "ELI", None),
    ("Rishi Sunak", "2023-06-01", "GBR", "GOV", "Prime Minister"),
    ("Keir Starmer", "2025-01-10", "GBR", "GOV", "Prime Minister"),
    ("Sergei Shoigu", "2020-06-01", "RUS", "GOV", "Minister of Defence"),
    ("Andrei Belousov", "2025-01-10", "RUS", "GOV", "Minister of Defence"),
    ("Olaf Scholz", "2023-06-01", "DEU", "GOV", "Chancellor"),
    ("Friedrich Merz", "2025-09-01", "DEU", "GOV", "Chancellor"),
    ("Angela Merkel", "2019-06-01", "DEU", "GOV", "Chancellor"),
    ("Angela Merkel", "2023-06-01", "DEU", "ELI", None),
    ("Yoon Suk Yeol", "2023-06-01", "KOR", "GOV", "President"),
    ("Lee Jae-myung", "2025-08-01", "KOR", "GOV", "President"),
    ("Cho Hyun", "2025-08-01", "KOR", "GOV", "Minister of Foreign Affairs"),
    ("Jens Stoltenberg", "2020-06-01", None, "IGO", None),
    ("Mark Rutte", "2020-06-01", "NLD", "GOV", "Prime Minister"),
    ("Mark Rutte", "2025-06-01", None, "IGO", None),
    ("Imran Khan", "2020-06-01", "PAK", "GOV", "Prime Minister"),
    ("Imran Khan", "2024-06-01", "PAK", "ELI", None),
    ("Jair Bolsonaro", "2020-06-01", "BRA", "GOV", "President"),
    ("Luiz Inácio Lula da Silva", "2024-06-01", "BRA", "GOV", "President"),
    ("Ebrahim Raisi", "2023-06-01", "IRN", "GOV", "President"),
]


def test_tenures_by_date(tmp_path):
    import json

    p = tmp_path / "people.jsonl"
    p.write_text("".join(json.dumps({"id": str(i), "text": c[0], "date": c[1]}) + "\n" for i, c in enumerate(CASES)),
                 encoding="utf-8")
    r = run_parley("resolve", "--input", str(p))
    assert r.returncode == 0, r.stderr
    got = {o["id"]: o for o in jsonl(r.stdout)}
    wrong = []
    for i, (name, when, country, sector, role) in enumerate(CASES):
        o = got[str(i)]
        if (o["country"], o["sector"]) != (country, sector) or (role and o["role"] != role):
            wrong.append(f"{name} {when}: {o['country']} {o['sector']} {o['role']}")
    assert not wrong, wrong
