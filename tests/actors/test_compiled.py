from parley.actors import compiled
from parley.actors.kb import build_kb, load_kb
from parley.actors.kb import name_tokenizer


def test_compiled_form_answers_like_the_built_one(tmp_path, monkeypatch, kb):
    built = build_kb(name_tokenizer())
    loaded = compiled.load(compiled.dump(built, "x" * 32))
    for words in (["Seoul"], ["Marco", "Rubio"], ["Hamas"], ["Collective", "Security", "Treaty", "Organization"]):
        assert loaded.lookup(words) == built.lookup(words)
    for words in (["foreign", "ministers"], ["soldiers"]):
        assert loaded.terms.get(words) == built.terms.get(words)
    pid = built.lookup(["Marco", "Rubio"])[0].ref
    assert loaded.people[pid] == built.people[pid]
    assert loaded.surnames == built.surnames
    assert loaded.namesakes == built.namesakes and built.namesakes
    assert len(loaded.people) == len(built.people)


def test_cache_is_written_then_used_and_a_stale_one_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path))
    first = load_kb(name_tokenizer())
    (cached,) = tmp_path.glob("kb-*.txt")
    assert compiled.header_hash(cached.read_text(encoding="utf-8"))
    second = load_kb(name_tokenizer())
    assert second.lookup(["Kremlin"]) == first.lookup(["Kremlin"])
    cached.write_text("#parley-kb 1 " + "0" * 32 + "\n", encoding="utf-8")  # wrong hash: rebuilt
    third = load_kb(name_tokenizer())
    assert third.lookup(["Kremlin"]) == first.lookup(["Kremlin"])


def test_the_compiled_form_keeps_every_sector():
    built = build_kb(name_tokenizer())
    loaded = compiled.load(compiled.dump(built, "x" * 32))
    assert loaded.organisations["HAMAS"] == built.organisations["HAMAS"]
    assert loaded.organisations["HAMAS"].sectors == ("REB", "PTY", "GOV")
    assert loaded.agents["opposition lawmaker"] == built.agents["opposition lawmaker"]
    pid = built.lookup(["Xi", "Jinping"])[0].ref
    assert loaded.people[pid] == built.people[pid]
