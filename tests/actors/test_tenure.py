"""The same name resolves by date: office holders checked at dates on both sides of a change."""

from conftest import resolve_dated

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
    wrong = [f"{name} {when}: {o['country']} {o['sector']} {o['role']}"
             for (name, when, country, sector, role), o in zip(CASES, resolve_dated(tmp_path, [c[:2] for c in CASES]))
             if (o["country"], o["sector"]) != (country, sector) or (role and o["role"] != role)]
    assert not wrong, wrong
