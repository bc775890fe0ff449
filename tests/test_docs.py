"""The README is the contract of the set-up: its commands are what CI runs."""
import re

from conftest import ROOT


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = text.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    return [c.strip() for c in re.findall(r"```\n(.+?)\n\s*```", setup)]


def test_two_setup_commands():
    first, second = readme_commands()
    assert first.startswith("python3 -m venv .venv") and "parley code examples/" in first
    assert second.startswith("python3 -m venv .venv") and "pytest" in second


def test_ci_runs_the_readme_test_command_exactly():
    _, second = readme_commands()
    lines = (ROOT / ".ci" / "run").read_text().splitlines()
    assert second in lines


def test_every_command_is_documented():
    from parley.cli import app

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    for name in names:
        assert f"`parley {name}" in text, name


def test_readme_store_example_runs(dedup_db, tmp_path, monkeypatch):
    """The README's Python example of queries and exports works as written."""
    import shutil

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### Store, queries and exports", 1)[1].split("\n## ", 1)[0]
    (code,) = re.findall(r"```python\n(.+?)```", section, flags=re.S)
    shutil.copy(dedup_db, tmp_path / "news.duckdb")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    assert (tmp_path / "events.gdelt.tsv").read_text(encoding="utf-8").count("\n") == 1  # the one accusation
