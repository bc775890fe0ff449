"""Acceptance on the shared gold files, scored by the referee itself (../shared/scripts)."""
import json
import subprocess
import sys


from conftest import jsonl, run_parley


def referee(shared, gold: str, events: bytes, tmp_path) -> dict:
    pred = tmp_path / "pred.jsonl"
    pred.write_bytes(events)
    out = subprocess.run([sys.executable, str(shared / "scripts" / "score_events.py"), "--gold",
                          str(shared / "gold" / gold), "--pred", str(pred), "--json"], capture_output=True, check=True)
    text = out.stdout.decode()
    return json.loads(text[: text.rindex("}") + 1])


def test_seed_article(shared, tmp_path):
    r = run_parley("code", str(shared / "gold" / "seed.jsonl"), "--format", "jsonl", "--no-store")
    assert r.returncode == 0, r.stderr
    score = referee(shared, "seed.jsonl", r.stdout, tmp_path)
    assert score["dyad"]["recall"] == 1.0
    assert score["dyad"]["precision"] >= 0.85
    events = jsonl(r.stdout)
    meeting = next(e for e in events if e["event"] == "CONSULT" and e["location"]
                   and e["location"]["name"] == "Washington")
    assert meeting["date"] == "2025-07-31" and meeting["location"]["country"] == "USA"
    assert any(a["text"] == "TASS" for a in meeting["attribution"])
    assert not any(a.get("country") == "CHN" for e in events for a in e["actor"] + e["recipient"])
    accuse = next(e for e in events if e["event"] == "ACCUSE")
    assert accuse["date"] <= "2025-07-31"


def test_plover_dev(shared, tmp_path):
    r = run_parley("code", str(shared / "gold" / "plover_gsr_dev.jsonl"), "--format", "jsonl", "--no-store")
    score = referee(shared, "plover_gsr_dev.jsonl", r.stdout, tmp_path)
    print(f"\nplover_gsr_dev: event F1 {score['event']['f1']:.3f}, dyad F1 {score['dyad']['f1']:.3f}")
    assert score["event"]["f1"] >= 0.75
    assert score["dyad"]["f1"] >= 0.50


def test_parley_eval_agrees_with_the_referee(shared, tmp_path):
    saved = tmp_path / "events.jsonl"
    r = run_parley("eval", "--gold", str(shared / "gold" / "plover_gsr_dev.jsonl"), "--json", "--save", str(saved))
    ours = json.loads(r.stdout)
    theirs = referee(shared, "plover_gsr_dev.jsonl", saved.read_bytes(), tmp_path)
    for k in ("event", "dyad"):
        assert ours[k] == theirs[k]
    assert "per_category" in ours and "confusion" in ours
