"""The compiled form of the knowledge base: one text file that loads in a fraction of a second.

Building the knowledge base from its tables tokenises some 100,000 names; the compiled file
holds the result, keyed by a hash of the tables it came from. ``load_kb`` uses it only when
the hash matches, so a stale file costs time, never correctness. Lines:

    #parley-kb <version> <sha256 of the source tables>
    C  code  name                                      a country
    O  id  name  sectors  country  parent              an organisation
    A  term  sectors  role                             an agent term or title
    P  id  name  curated  country,sectors,role,start,end,org;...  a person (parsed on first use)

(``sectors``: the primary first, then the others, ``|``-separated, as the tables write them.)
    N  token token ...  kind:ref|kind:ref              a case-sensitive name
    T  token token ...  agent:term                     a lower-case agent term
    S  surname  id|id                                  curated persons by last name
    R  surname  id|id                                  namesakes by last name (never chosen by it)
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date

from .entries import Agent, Country, KnowledgeBase, Organisation, Person, PhraseIndex, Tenure, Term, parse_sectors

__all__ = ["FORMAT_VERSION", "dump", "load", "LazyPeople"]

FORMAT_VERSION = "3"


def _esc(value: str | None) -> str:
    return (value or "").replace("\t", " ").replace("\n", " ")


def _tenure(t: Tenure) -> str:
    return ",".join(_esc(x).replace(",", " ").replace(";", " ") for x in (
        t.country, t.sector_cell(), t.role, t.start.isoformat() if t.start else "", t.end.isoformat() if t.end else "",
        t.org))


def _parse_tenure(text: str) -> Tenure:
    country, sectors, role, start, end, org = text.split(",")
    sector, also = parse_sectors(sectors)
    return Tenure(country or None, sector, role or None,
                  date.fromisoformat(start) if start else None, date.fromisoformat(end) if end else None, org or None,
                  also)


class LazyPeople(Mapping[str, Person]):
    """Persons by id, each parsed from its compiled line the first time it is asked for."""

    def __init__(self, raw: dict[str, tuple[str, bool, str]]):
        self._raw = raw
        self._parsed: dict[str, Person] = {}

    def __getitem__(self, pid: str) -> Person:
        person = self._parsed.get(pid)
        if person is None:
            name, curated, tenures = self._raw[pid]
            person = Person(pid, name, tuple(_parse_tenure(t) for t in tenures.split(";") if t), curated)
            self._parsed[pid] = person
        return person

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, pid: object) -> bool:
        return pid in self._raw


def dump(kb: KnowledgeBase, source_hash: str) -> str:
    lines = [f"#parley-kb {FORMAT_VERSION} {source_hash}"]
    lines += [f"C\t{c.code}\t{_esc(c.name)}" for c in kb.countries.values()]
    lines += [f"O\t{o.id}\t{_esc(o.name)}\t{o.sector_cell()}\t{o.country or ''}\t{o.parent or ''}"
              for o in kb.organisations.values()]
    lines += [f"A\t{a.term}\t{a.sector_cell()}\t{_esc(a.role)}" for a in kb.agents.values()]
    for pid in kb.people:
        p = kb.people[pid]
        lines.append(f"P\t{pid}\t{_esc(p.name)}\t{int(p.curated)}\t" + ";".join(_tenure(t) for t in p.tenures))
    for key, terms in kb.names.items():
        lines.append("N\t" + " ".join(key) + "\t" + "|".join(f"{t.kind}:{t.ref}" for t in terms))
    for key, terms in kb.terms.items():
        lines.append("T\t" + " ".join(key) + "\t" + "|".join(f"{t.kind}:{t.ref}" for t in terms))
    lines += [f"S\t{s}\t{'|'.join(ids)}" for s, ids in kb.surnames.items()]
    lines += [f"R\t{s}\t{'|'.join(ids)}" for s, ids in kb.namesakes.items()]
    return "\n".join(lines) + "\n"


def header_hash(text: str) -> str | None:
    first = text[: text.find("\n")] if "\n" in text else text
    parts = first.split()
    if len(parts) == 3 and parts[0] == "#parley-kb" and parts[1] == FORMAT_VERSION:
        return parts[2]
    return None


def load(text: str) -> KnowledgeBase:
    kb = KnowledgeBase()
    names: list[tuple[tuple[str, ...], list[Term]]] = []
    terms: list[tuple[tuple[str, ...], list[Term]]] = []
    interned: dict[str, Term] = {}
    raw_people: dict[str, tuple[str, bool, str]] = {}

    def term(spec: str) -> Term:
        t = interned.get(spec)
        if t is None:
            kind, _, ref = spec.partition(":")
            t = interned[spec] = Term(kind, ref)
        return t

    for line in text.splitlines()[1:]:
        f = line.split("\t")
        tag = f[0]
        if tag == "N" or tag == "T":
            (names if tag == "N" else terms).append((tuple(f[1].split(" ")), [term(x) for x in f[2].split("|")]))
        elif tag == "P":
            raw_people[f[1]] = (f[2], f[3] == "1", f[4])
        elif tag == "S":
            kb.surnames[f[1]] = f[2].split("|")
        elif tag == "R":
            kb.namesakes[f[1]] = f[2].split("|")
        elif tag == "C":
            kb.countries[f[1]] = Country(f[1], f[2])
        elif tag == "O":
            sector, also = parse_sectors(f[3])
            kb.organisations[f[1]] = Organisation(f[1], f[2], sector, f[4] or None, f[5] or None, also)
        elif tag == "A":
            sector, also = parse_sectors(f[2])
            kb.agents[f[1]] = Agent(f[1], sector, f[3] or None, also)
    kb.names = PhraseIndex.from_items(False, names)
    kb.terms = PhraseIndex.from_items(True, terms)
    kb.people = LazyPeople(raw_people)  # type: ignore[assignment]
    return kb
