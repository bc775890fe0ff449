"""``parley eval``: code the gold texts and score them as the referee does.

The definitions are those of ``shared/scripts/score_events.py`` (event match: the category or
one of its ``alt``; dyad match: category and actors and recipients; optional gold events absorb
one prediction; every unmatched prediction is a false positive), plus what the referee does not
print: per-category precision and recall and a confusion table of categories.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Document
from ..ingest.jsonl import record_to_document
from ..pipeline.pipeline import Pipeline

__all__ = ["evaluate_gold", "load_gold", "score", "format_report"]

INTERNATIONAL = {"IGO", "NGO", "MNC", "IMG"}


def load_gold(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    docs = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            docs.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}: line {n} is not JSON ({exc.msg})") from exc
    return docs


def gold_documents(gold: Iterable[dict[str, Any]], source: str) -> Iterable[Document]:
    for n, g in enumerate(gold, 1):
        doc = record_to_document(g, source, n)
        if isinstance(doc, Document):
            yield doc


def codes(actors: Any) -> set[str]:
    if not actors:
        return set()
    if isinstance(actors, (dict, str)):
        actors = [actors]
    out = set()
    for a in actors:
        if isinstance(a, str):
            out.add(a.upper())
        elif isinstance(a, dict):
            country, sector = a.get("country") or "", (a.get("sector") or "").upper()
            if country:
                out.add(str(country).upper())
            elif sector in INTERNATIONAL:
                out.add(sector)
    return out


def event_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    return str(pred.get("event", "")).upper() in {gold["event"], *gold.get("alt", [])}


def dyad_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    if not event_ok(gold, pred):
        return False
    ga, gr = set(gold.get("actor", [])), set(gold.get("recipient", []))
    pa, pr = codes(pred.get("actor")), codes(pred.get("recipient"))
    if gold.get("reciprocal"):
        everyone = ga | gr
        return len((pa | pr) & everyone) >= min(2, len(everyone))
    return not (ga and not (pa & ga)) and not (gr and not (pr & gr))


def _match(golds: list[dict], preds: list[dict], ok: Callable[[dict, dict], bool]):
    free = list(range(len(preds)))
    tp = fn = 0
    pairs = []
    for g in sorted(golds, key=lambda g: bool(g.get("optional"))):
        hit = next((i for i in free if ok(g, preds[i])), None)
        if hit is None:
            fn += 0 if g.get("optional") else 1
            continue
        free.remove(hit)
        if not g.get("optional"):
            tp += 1
            pairs.append((g, preds[hit]))
    return tp, fn, [preds[i] for i in free], pairs


def _prf(tp: int, fn: int, fp: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fn": fn, "fp": fp, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _same_place(gold_loc: dict, pred_loc: Any) -> bool:
    if not isinstance(pred_loc, dict):
        return False
    if gold_loc.get("country") and (pred_loc.get("country") or "").upper() != gold_loc["country"]:
        return False
    name = (gold_loc.get("name") or "").lower()
    said = " ".join(str(pred_loc.get(k) or "") for k in ("name", "text")).lower()
    return not name or name in said


def score(gold_docs: list[dict[str, Any]], events: list[dict[str, Any]]) -> dict[str, Any]:
    """The referee's figures, per-category precision and recall, and a confusion table."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for e in events:
        by_doc[str(e.get("doc_id"))].append(e)
    totals = {"event": [0, 0, 0], "dyad": [0, 0, 0]}
    dated = dates = placed = places = 0
    cat = defaultdict(lambda: [0, 0, 0, 0])  # gold found, gold, predicted, predicted right
    confusion: Counter[tuple[str, str]] = Counter()
    for doc in gold_docs:
        preds = by_doc.get(str(doc["id"]), [])
        golds = doc.get("events", [])
        for name, ok in (("event", event_ok), ("dyad", dyad_ok)):
            tp, fn, left, pairs = _match(golds, preds, ok)
            t = totals[name]
            t[0] += tp
            t[1] += fn
            t[2] += len(left)
            if name == "event":
                for g in golds:
                    if not g.get("optional"):
                        cat[g["event"]][1] += 1
                for g, p in pairs:
                    cat[g["event"]][0] += 1
                    cat[str(p.get("event", "")).upper()][3] += 1
                for p in preds:
                    cat[str(p.get("event", "")).upper()][2] += 1
                matched = {id(g) for g, _ in pairs}
                missed = [g for g in golds if not g.get("optional") and id(g) not in matched]
                for g in missed:
                    guess = left.pop(0)["event"] if left else "(none)"
                    confusion[(g["event"], guess)] += 1
                for p in left:
                    confusion[("(none)", p["event"])] += 1
            else:
                for g, p in pairs:
                    if g.get("date"):
                        dated += 1
                        dates += str(p.get("date") or "")[:10] == g["date"]
                    if g.get("location"):
                        placed += 1
                        places += _same_place(g["location"], p.get("location"))
    out: dict[str, Any] = {"documents": len(gold_docs),
                           "predicted_events": sum(len(by_doc.get(str(d["id"]), [])) for d in gold_docs)}
    for name, (tp, fn, fp) in totals.items():
        out[name] = _prf(tp, fn, fp)
    out["date_accuracy"] = round(dates / dated, 4) if dated else None
    out["location_accuracy"] = round(places / placed, 4) if placed else None
    out["per_category"] = {  # precision: predictions of the category that matched a gold event
        c: {"gold": g, "found": f, "predicted": n,
            "precision": round(r / n, 3) if n else None, "recall": round(f / g, 3) if g else None}
        for c, (f, g, n, r) in sorted(cat.items()) if g or n
    }
    out["confusion"] = [{"gold": g, "predicted": p, "count": n} for (g, p), n in confusion.most_common()]
    return out


def evaluate_gold(gold: Path, save: Path | None = None) -> dict[str, Any]:
    """Code the gold file's texts with a fresh pipeline and score them (``save``: also write the records)."""
    docs = load_gold(gold)
    records = [e.to_dict() for _, evs in Pipeline().code_many(gold_documents(docs, str(gold))) for e in evs]
    if save is not None:
        save.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return score(docs, records)


def format_report(result: dict[str, Any]) -> str:
    lines = [f"{'category':<12}{'gold':>6}{'found':>7}{'pred':>6}{'prec':>7}{'recall':>8}"]
    for c, v in result["per_category"].items():
        prec = "-" if v["precision"] is None else f"{v['precision']:.2f}"
        rec = "-" if v["recall"] is None else f"{v['recall']:.2f}"
        lines.append(f"{c:<12}{v['gold']:>6}{v['found']:>7}{v['predicted']:>6}{prec:>7}{rec:>8}")
    if result["confusion"]:
        lines.append("")
        lines.append("confusion (gold → predicted; unmatched events only):")
        for row in result["confusion"]:
            lines.append(f"  {row['gold']:<10} → {row['predicted']:<10} {row['count']}")
    e, d = result["event"], result["dyad"]
    lines.append("")
    lines.append(
        f"docs={result['documents']} predicted={result['predicted_events']} "
        f"event_p={e['precision']:.3f} event_r={e['recall']:.3f} event_f1={e['f1']:.3f} "
        f"dyad_p={d['precision']:.3f} dyad_r={d['recall']:.3f} dyad_f1={d['f1']:.3f} "
        f"date_acc={result['date_accuracy']} loc_acc={result['location_accuracy']}")
    return "\n".join(lines)
