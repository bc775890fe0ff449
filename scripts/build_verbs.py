"""Compile PETRARCH2's CAMEO verb dictionary into parley's trigger format
(parley/coding/data/verbs_petrarch.tsv, the same columns as triggers.tsv; see coding/lexicon.py).

Reads ``<shared>/reference/petrarch2/CAMEO.2.0.txt`` (MIT, Open Event Data Alliance): synonym sets
(``&SET`` with ``+WORD`` members), verb blocks (``--- NAME [code] ---``, verbs with irregular forms
``{...}`` and their own ``[code]``, phrasal verbs ``+ASK_FOR``) and patterns
(``- * OBJECT [code]``, ``- * (PREP OBJECT) [code]``, ``- SUBJ * ... [code]``). A CAMEO code becomes
a PLOVER category with ``<shared>/ontology/cameo_to_plover.txt``; codes PLOVER does not code
(01 statements, 02 appeals) and null codes are dropped. What parley's format cannot say (a subject
constraint, two objects, a verb after its compound word) is dropped and counted.

Run from the repository root:  python scripts/build_verbs.py [--shared ../shared] [--out DIR]
"""
from __future__ import annotations

import argparse
import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from build_ontology import plover_of, read_codes, read_mapping

OUT_DIR = Path(__file__).resolve().parents[1] / "parley" / "coding" / "data"
OUT_NAME = "verbs_petrarch.tsv"
SOURCE = "reference/petrarch2/CAMEO.2.0.txt"

# a bare word after the verb that is a particle, not an object ("PUT * UP BARRICADE")
PARTICLES = frozenset({"up", "down", "off", "out", "in", "on", "over", "back", "away", "aside", "forward",
                       "through", "around", "about", "along", "apart", "together", "behind", "into", "across"})
# the event a PLOVER category's verb names is its complement ("urged X to withdraw": one REQUEST);
# the same flags the hand lexicon gives these categories' verbs
CATEGORY_FLAGS = {"REQUEST": "gov", "AGREE": "intent,gov"}
PREPOSITIONS = frozenset({"for", "to", "with", "against", "at", "of", "from", "by", "as", "under", "upon", "toward",
                          "towards", "between", "among", "during", "after", "before", "without"})
_CODE = re.compile(r"\[([^\]]*)\]")
_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")


@dataclass(frozen=True)
class Verb:
    words: tuple[str, ...]  # "ASK", "FOR": the phrase, lower-cased
    head: int  # which word is the verb
    code: str | None  # its own code, else the block's
    own: bool = False  # the code is the verb's own, not its block's default


@dataclass(frozen=True)
class Pattern:
    before: tuple[str, ...]  # elements before "*": a subject constraint
    after: tuple[str, ...]  # elements after "*": particles, objects, "(PREP OBJECT)"
    code: str | None
    verb: str | None  # the verb the pattern was found with (its comment), lower-cased
    target_subject: bool = False  # "[:173]": the code is for the subject as the one acted on


@dataclass
class Block:
    name: str
    code: str | None
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(frozen=True)
class Row:
    pattern: str
    category: str
    cameo: str
    mode: str
    flags: str

    def cells(self) -> list[str]:
        return [self.pattern, self.category, self.cameo, self.mode, self.flags]


def parse_code(text: str) -> str | None:
    """``[042:043]`` → "042" (the source's code); ``[:173]`` → "173"; ``[---]`` → None."""
    for part in text.replace("!", "").split(":"):
        part = part.strip()
        if part and part.isdigit():
            return part
        if part:
            return None
    return None


def read_synsets(lines: list[str]) -> dict[str, tuple[str, ...]]:
    """``&FOOD`` → its members' head words (lower-case; a phrase counts by its last word)."""
    sets: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line.startswith("&"):
            current = line.rstrip("_")
            sets[current] = []
        elif line.startswith("+") and current:
            sets[current].append(line[1:].strip().rstrip("_").split("_")[-1].lower())
    return {k: tuple(dict.fromkeys(v)) for k, v in sets.items()}


def read_verb(line: str, block_code: str | None) -> Verb:
    text = line.split("#", 1)[0]
    m = _CODE.search(text)
    code = parse_code(m.group(1)) if m else block_code
    word = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", text).split()[0]
    words = word.split("_")
    head = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    return Verb(tuple(w.lstrip("+").lower() for w in words if w.lstrip("+")), head, code, m is not None)


def read_pattern(line: str) -> Pattern:
    body, _, comment = line[1:].partition("#")
    m = _CODE.search(body)
    code = parse_code(m.group(1)) if m else None
    body = _CODE.sub(" ", body)
    before, _, after = body.partition("*")
    tokens = [t for t in _TOKEN.findall(after) if t not in {"$", "+", "^", "%"}]
    verb = comment.split()[0].lower() if comment.split() else None
    target = bool(m) and m.group(1).replace("!", "").strip().startswith(":")
    return Pattern(tuple(t for t in _TOKEN.findall(before) if t not in {"$", "+", "^", "%"}), tuple(tokens), code, verb,
                   target)


def read_dictionary(text: str) -> tuple[dict[str, tuple[str, ...]], list[Block]]:
    lines = text.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("####### VERB PATTERNS"))
    end = next((i for i, ln in enumerate(lines) if ln.startswith("######## TRANSFORMATIONS")), len(lines))
    synsets = read_synsets(lines[:start])
    blocks: list[Block] = []
    for line in lines[start + 1:end]:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("---"):
            m = _CODE.search(stripped)
            blocks.append(Block(stripped.strip("- ").split("[")[0].strip(), parse_code(m.group(1)) if m else None))
        elif stripped.startswith("-") and blocks:
            blocks[-1].patterns.append(read_pattern(stripped))
        elif blocks:
            blocks[-1].verbs.append(read_verb(stripped, blocks[-1].code))
    return synsets, blocks


def singular(word: str) -> str:
    """A plural's singular by the regular rules ("sanctions" → "sanction", "rallies" → "rally")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def words_of(element: str, synsets: dict[str, tuple[str, ...]]) -> tuple[str, ...] | None:
    """The head words an object element stands for: ``AID``, ``{HUMANITARIAN AID}``, ``&FOOD``;
    None when it names an undefined set."""
    head = element.strip("{}").split()[-1] if element.strip("{}").split() else ""
    if head.startswith("&"):
        return synsets.get(head.rstrip("_"))
    head = head.lower().strip("_")
    if not re.fullmatch(r"[a-z][a-z'-]*", head):
        return None
    return (head,)


def constraints(pattern: Pattern, synsets: dict[str, tuple[str, ...]]) -> tuple[str | None, frozenset[str]] | str:
    """(particle, object words) of a pattern, or why it cannot be said in parley's format."""
    if pattern.before:
        return "subject constraint"
    particles: list[str] = []
    objects: list[tuple[str, ...]] = []
    for el in pattern.after:
        if el.startswith("("):
            inner = el.strip("()").split(None, 1)
            if not inner:
                continue
            particles.append(inner[0].lower())
            if len(inner) > 1:
                objects.append(words_of(inner[1], synsets) or ())
        elif el.lower() in PARTICLES or el.lower() in PREPOSITIONS:
            particles.append(el.lower())
        else:
            objects.append(words_of(el, synsets) or ())
    if any(not o for o in objects):
        return "unknown word or set"
    if len(particles) > 1 or len(objects) > 1:
        return "two particles or objects"
    words = frozenset(w for o in objects for v in o for w in (v, singular(v)))
    return (particles[0] if particles else None), words


def loose(pattern: Pattern) -> bool:
    """A pattern whose object is a phrase ("{MOCK ATTACK}"): parley matches its head word alone."""
    return any("{" in el and len(el.strip("{}()").split()) > 1 for el in pattern.after)


class Compiler:
    """Turns blocks into rows, counting what it drops and why."""

    def __init__(self, synsets: dict[str, tuple[str, ...]], mapping: dict[str, tuple[str, str, str]],
                 codes: set[str]):
        self.synsets, self.mapping, self.codes = synsets, mapping, codes
        self.rows: dict[str, Row] = {}
        self.dropped: Counter[str] = Counter()

    def category(self, code: str | None) -> tuple[str, str, str] | None:
        """(category, code, mode) of a CAMEO code, or None when PLOVER does not code it."""
        if code is None:
            self.dropped["null code"] += 1
            return None
        cat = plover_of(self.mapping, code)
        if not cat:
            self.dropped[f"CAMEO {code[:2]} (no PLOVER category)"] += 1
            return None
        while code not in self.codes and len(code) > 2:  # "0874" is no CAMEO code: its parent is
            code = code[:-1] if len(code) == 4 else code[:2] + "0"
        return cat, code, self.mapping.get(code, ("", "", ""))[1]

    def add(self, lemma: str, particle: str | None, objects: frozenset[str], code: str | None,
            noun: bool = False) -> None:
        mapped = self.category(code)
        if mapped is None:
            return
        cat, cameo, mode = mapped
        if not objects and not noun and cameo.endswith("0") and len(cameo) == 3:
            self.dropped["particle verb with a root code"] += 1  # "go to" CONSULT 040: measured noise
            return
        parts = (["N"] if noun else []) + [lemma] + ([particle] if particle else [])
        if objects:
            parts.append("+" + ",".join(sorted(objects)))
        pattern = " ".join(parts)
        flags = "" if noun else CATEGORY_FLAGS.get(cat, "")
        if pattern in self.rows:
            self.dropped["repeated pattern" if self.rows[pattern].category == cat else "conflicting repeat"] += 1
            return
        self.rows[pattern] = Row(pattern, cat, cameo, mode, flags)

    def verb_parts(self, verb: Verb) -> tuple[str, str | None, frozenset[str]] | None:
        """(lemma, particle, objects) of a verb phrase: "ask for" → ("ask", "for", {})."""
        if verb.head != 0 or not verb.words:
            self.dropped["verb after its compound word"] += 1
            return None
        rest = verb.words[1:]
        if not rest:
            return verb.words[0], None, frozenset()
        if len(rest) == 1:
            if rest[0] in PARTICLES or rest[0] in PREPOSITIONS:
                return verb.words[0], rest[0], frozenset()
            return verb.words[0], None, frozenset({rest[0]})
        self.dropped["phrase of three words or more"] += 1
        return None

    def block(self, block: Block) -> None:
        verbs = [(v, parts) for v in block.verbs if (parts := self.verb_parts(v)) is not None]
        for verb, (lemma, particle, objects) in verbs:
            if particle or objects:
                self.add(lemma, particle, objects, verb.code)
            else:  # measured: bare verbs (WordNet synonyms, block defaults) add more errors than events
                self.dropped["bare verb"] += 1
        for pat in sorted(block.patterns, key=loose):  # "ATTACK [190]" before "{MOCK ATTACK} [062]"
            if pat.target_subject:  # "DIE * (IN CUSTODY) [:184]", "RECEIVE * THREATS [:130]": parley reads
                self.dropped["subject is the target"] += 1  # a verb's subject as its source, so the dyad
                continue  # would come out reversed
            found = constraints(pat, self.synsets)
            if isinstance(found, str):
                self.dropped[found] += 1
                continue
            prt, objs = found
            # the verb the pattern was found with (its comment), else the block's own verb: applied to
            # every synonym of a block, patterns made "control back" a CONSULT (measured: noise)
            own = [vp for vp in verbs if pat.verb in {vp[1][0], "_".join(vp[0].words)}] or [
                vp for vp in verbs if "_".join(vp[0].words) == block.name.lower()]
            if not own:
                self.dropped["pattern names no verb of its block"] += 1
            for _, (lemma, particle, objects) in own:
                if (prt and particle) or (objs and objects):
                    self.dropped["two particles or objects"] += 1
                    continue
                self.add(lemma, prt or particle, objs or objects, pat.code)

    def nouns(self, blocks: list[Block], light: frozenset[str]) -> None:
        """Event nouns: nominalisations of the dictionary's event verbs that it codes as the object
        of a light verb ("STAGE * DEMONSTRATION [141]": "demonstrate" is an event verb, so "a
        demonstration" is what "demonstrate" is, PROTEST 141). Other light-verb objects are often actors ("SEND * POLICE")."""
        events: dict[str, str] = {}
        for v in (v for b in blocks for v in b.verbs if v.head == 0 and len(v.words) == 1 and v.code and v.own):
            if plover_of(self.mapping, v.code):
                events.setdefault(v.words[0], v.code)
        for block in blocks:
            lemmas = {v.words[0] for v in block.verbs if v.head == 0 and len(v.words) == 1}
            for pat in sorted(block.patterns, key=loose):
                found = constraints(pat, self.synsets)
                if isinstance(found, str) or found[0] or not 0 < len(found[1]) <= 2 or loose(pat):
                    continue
                noun = singular(min(found[1], key=len))
                verbs = sorted(nominalised(noun) & set(events))
                if ({pat.verb} & lemmas or lemmas) & light and verbs:
                    self.add(noun, None, frozenset(), events[verbs[0]], noun=True)


def nominalised(noun: str) -> set[str]:
    """The verbs a noun may be a suffixed nominalisation of: "demonstration" → {"demonstrate", ...}
    (not the noun itself: "police", "guard" and "table" are verbs too)."""
    verbs = set()
    for suffix, repl in (("ation", "e"), ("ation", ""), ("ation", "ate"), ("ion", "e"), ("ion", ""), ("ment", ""),
                         ("al", ""), ("ance", ""), ("ence", ""), ("age", ""), ("ure", "e"), ("ing", ""), ("ing", "e")):
        if noun.endswith(suffix) and len(noun) > len(suffix) + 2:
            verbs.add(noun[: -len(suffix)] + repl)
    return verbs


def light_verbs(triggers: Path) -> frozenset[str]:
    """The hand lexicon's light verbs ("hold talks", "launch an attack")."""
    rows = [ln.split("\t") for ln in triggers.read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"]
    return frozenset(r[0] for r in rows[1:] if len(r) > 4 and "light" in r[4].split(",") and " " not in r[0])


def write(path: Path, rows: list[Row], dropped: Counter[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# built by scripts/build_verbs.py from ../shared/{SOURCE} (PETRARCH2's CAMEO verb dictionary); "
                 "MIT licence, Open Event Data Alliance\n")
        fh.write("# CAMEO codes mapped to PLOVER with ../shared/ontology/cameo_to_plover.txt; columns as in "
                 "triggers.tsv, which overrides these rows (coding/lexicon.py)\n")
        fh.write(f"# {len(rows)} rows; dropped: " + "; ".join(f"{k} {v}" for k, v in sorted(dropped.items())) + "\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        w.writerow(["pattern", "category", "cameo", "mode", "flags"])
        for row in rows:
            w.writerow(row.cells())


def compile_dictionary(text: str, mapping: dict[str, tuple[str, str, str]], codes: set[str],
                       light: frozenset[str]) -> Compiler:
    synsets, blocks = read_dictionary(text)
    comp = Compiler(synsets, mapping, codes)
    for block in blocks:
        comp.block(block)
    comp.nouns(blocks, light)
    return comp


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--out", default=str(OUT_DIR), help=f"folder to write {OUT_NAME} to (default: the package)")
    args = ap.parse_args()
    shared = Path(args.shared)
    mapping = read_mapping(shared / "ontology" / "cameo_to_plover.txt")
    codes = set(read_codes(shared / "ontology" / "cameo_codes.tsv"))
    comp = compile_dictionary((shared / SOURCE).read_text(encoding="utf-8"), mapping, codes,
                              light_verbs(OUT_DIR / "triggers.tsv"))
    rows = sorted(comp.rows.values(), key=lambda r: (r.pattern.startswith("N "), r.pattern))
    out = Path(args.out) / OUT_NAME
    write(out, rows, comp.dropped)
    print(f"wrote {out}: {len(rows)} rows")
    for reason, n in sorted(comp.dropped.items()):
        print(f"  dropped {n:5d}  {reason}")


if __name__ == "__main__":
    main()
