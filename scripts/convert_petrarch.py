"""Convert the PETRARCH2 actor dictionaries into parley's actor knowledge-base files.

Reads, from ``<shared>/reference/petrarch2/``:

- ``Phoenix.Countries.actors.txt``      (country names, national institutions, persons)
- ``Phoenix.International.actors.txt``  (IGOs, NGOs, multinationals, media, IGO officials)
- ``Phoenix.MilNonState.actors.txt``    (armed non-state groups and some of their leaders)

and writes ``parley/actors/data/people_petrarch.tsv`` and
``parley/actors/data/organisations_petrarch.tsv`` in the formats fixed by docs/actors.md.
Country-level entries and national institutions of the Countries file are not converted
(countries come from countries.tsv). Standard library only.

Run:  python scripts/convert_petrarch.py [--shared ../shared] [--out DIR] [--report]
"""
from __future__ import annotations

import argparse
import datetime as dt
import difflib
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT_DIR = REPO / "parley" / "actors" / "data"
PEOPLE_OUT = "people_petrarch.tsv"
ORGS_OUT = "organisations_petrarch.tsv"

COUNTRIES_FILE = "Phoenix.Countries.actors.txt"
INTERNATIONAL_FILE = "Phoenix.International.actors.txt"
MILNONSTATE_FILE = "Phoenix.MilNonState.actors.txt"

# --------------------------------------------------------------------------------------
# Code tables
# --------------------------------------------------------------------------------------

# ISO 3166-1 alpha-3 codes, plus XKX, the user-assigned code parley uses for Kosovo.
ISO3 = frozenset(
    """ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES
    BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL
    CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA
    ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB
    GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ
    ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA
    LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT
    MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN
    PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN
    SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA
    TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM
    VUT WLF WSM YEM ZAF ZMB ZWE XKX""".split()
)

# CAMEO country codes that are not ISO 3166-1 alpha-3 but have an ISO equivalent.
CAMEO_TO_ISO = {
    "KSV": "XKX",  # Kosovo
    "TMP": "TLS",  # East Timor
    "IMY": "IMN",  # Isle of Man
    "ROM": "ROU",  # Romania (old code)
    "ZAR": "COD",  # Zaire
    "GZA": "PSE",  # Gaza
    "WBK": "PSE",  # West Bank
    "ANG": "AGO",  # Angola (old code)
    "FRN": "FRA",  # typo for FRA in the Wallis and Futuna entry
}
# Former states: mapped to their successor, as countries.tsv does for their names.
CAMEO_TO_ISO.update({
    "USR": "RUS", "SUN": "RUS",  # Soviet Union
    "YUG": "SRB", "FRY": "SRB", "SCG": "SRB",  # Yugoslavia, Serbia and Montenegro
    "DDR": "DEU",  # East Germany
    "CSK": "CZE",  # Czechoslovakia
})
# Sub-national CAMEO codes without an ISO code of their own: the parent country is used.
SUBNATIONAL = {"ANT", "SRP"}  # Netherlands Antilles (NLDANT), Republika Srpska (BIHSRP)
# No ISO 3166-1 code: Republic of Serbian Krajina, and Kinakuta, the fictional country of
# the PETRARCH test suite. Codes with these are dropped.
UNMAPPABLE = {"KRJ", "KNT"}
# Entries that are placeholders for a whole sector, not an organisation.
GENERIC_ORG_NAMES = {"MNC", "MNCS", "NGO", "NGOS", "IGO", "IGOS"}
# CAMEO region codes (no single country) and religion codes used as a first code part.
REGIONS = {
    "AFR", "ASA", "BLK", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM",
    "MDE", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WEU",
    "WST", "INT", "KKL",
}
RELIGIONS = {"MOS", "HIN", "BUD", "BAH", "CHR", "JEW", "SIK", "CTH", "PRO", "SHI",
             "TAO", "JAN", "ZRO", "CON", "ITR", "DRZ", "ALE"}

# PLOVER agent (sector) codes, see docs/actors.md.
PLOVER_SECTORS = {
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM",
    "CVL", "LAB", "LEG", "ELI", "REF", "REL", "AGR", "HLH", "NGO", "IGO", "MNC", "IMG",
    "UAF", "SET", "ENV",
}
# CAMEO sector codes without a PLOVER equivalent, and what they become.
CAMEO_SECTOR_MAP = {"INS": "REB"}
# CAMEO codes that describe the status of a territory, not a sector.
STATUS_CODES = {"UNR", "OCC", "AUT"}
# CAMEO sector codes that are neither PLOVER sectors nor statuses (skipped when looking
# for the sector of a code).
OTHER_CAMEO = {"DEV", "HRI", "MOD", "RAD", "MUS", "ISI", "ALQ", "HMS", "JMA", "ASF", "KAS",
               "CNY", "UNO", "EEC", "IAE", "WBK", "IMF", "NAT", "WST", "KID", "HCR", "HCH"}
INTERNATIONAL_PREFIXES = {"IGO", "NGO", "MNC", "IMG"}

# --------------------------------------------------------------------------------------
# Word lists for names
# --------------------------------------------------------------------------------------

# Name particles written in lower case when not the first word ("Bashar al-Assad").
PARTICLES = {"al", "el", "bin", "bint", "ibn", "de", "del", "der", "den", "da", "das", "do",
             "dos", "du", "van", "von", "y", "ul", "ud", "zu", "ter", "ten", "degli", "dei", "of"}
# Arabic article forms written in lower case before a hyphen ("Izz ad-Din").
HYPHEN_PARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ud", "ul", "ed",
                    "ur", "bin", "ibn"}
ROMAN = {"II", "III", "IV", "VI", "VII", "VIII", "IX", "XII", "XIII", "XIV", "XV", "XVI"}

# Words that make an alias a "title + name" form (any position) ...
TITLE_ANYWHERE = {
    "PRESIDENT", "PRESIDENT-ELECT", "VICE-PRESIDENT", "PRESIDENTIAL", "PREMIER", "MINISTER",
    "PM", "CHANCELLOR", "SECRETARY", "SECRETARY-GENERAL", "SEC.", "SECY", "SENATOR", "SEN.",
    "CONGRESSMAN", "CONGRESSWOMAN", "REPRESENTATIVE", "REP.", "GOVERNOR", "AMBASSADOR",
    "ENVOY", "SPOKESMAN", "SPOKESWOMAN", "SPOKESPERSON", "DIRECTOR", "CHAIRMAN", "CHAIRWOMAN",
    "CHAIRPERSON", "CHIEF", "LEADER", "ADVISOR", "ADVISER", "ADMINISTRATION", "GOVERNMENT",
    "REGIME", "DEPUTY", "MAYOR", "JUDGE", "COMMANDER", "COMMISSIONER", "FORMER", "EX",
    "CANDIDATE", "NOMINEE", "DICTATOR", "STRONGMAN", "MONARCH", "RULER", "HEAD", "OFFICIAL",
    "ATTORNEY", "SPEAKER", "PRESIDENCY", "CABINET", "OFFICE", "TEAM", "CAMP", "FORCES",
    "SUPPORTERS", "LOYALISTS", "FACTION", "FAMILY", "DYNASTY", "ERA", "RAPPORTEUR",
    "UNDERSECRETARY", "UNDER-SECRETARY", "REFORMER", "GENERAL-SECRETARY", "KANZLER",
    "BUNDESKANZLER", "BUNDESPRASIDENT", "KANZLERIN", "PRESIDENTE", "PRESIDENTA",
    "MINISTRE", "MINISTRO", "PRIMER", "RAIS", "SHAHANSHAH", "SECRETARY-GENERAL-DESIGNATE",
}
# ... or, as the first word, a title or honorific.
TITLE_FIRST = {
    "MR", "MR.", "MRS", "MRS.", "MS", "MS.", "DR", "DR.", "PROF", "PROF.", "PROFESSOR", "SIR",
    "DAME", "PRIME", "VICE", "GENERAL", "GEN", "GEN.", "LT", "LT.", "LIEUTENANT", "COL",
    "COL.", "COLONEL", "MAJOR", "MAJ.", "CAPTAIN", "CAPT.", "CPT.", "ADMIRAL", "ADM.",
    "MARSHAL", "FIELD", "BRIGADIER", "SERGEANT", "SGT.", "KING", "QUEEN", "EMPEROR",
    "EMPRESS", "EMIR", "AMIR", "CROWN", "PRINCE", "PRINCESS", "TSAR", "GOV", "GOV.", "ACTING",
    "CZAR", "AYATOLLAH", "GRAND", "HOJATOLISLAM", "HOJJATOLESLAM", "MULLAH", "IMAM",
    "CARDINAL", "POPE", "ARCHBISHOP", "BISHOP", "REV", "REV.", "REVEREND", "FATHER",
    "PATRIARCH", "RABBI", "CLERIC", "US", "U.S.", "U.S", "UN", "U.N.", "AMERICAN", "BRITISH",
    "RUSSIAN", "SOVIET", "CHINESE", "FRENCH", "GERMAN", "ISRAELI", "PALESTINIAN", "IRANIAN",
    "IRAQI", "SYRIAN", "EGYPTIAN", "AFGHAN", "PAKISTANI", "INDIAN", "JAPANESE", "KOREAN",
    "NORTH", "SOUTH", "THE", "MOSCOW", "MADAME", "MME", "MME.", "HIS", "HER", "JUSTICE",
    "EX-SOVIET", "EX-PRESIDENT", "OPPOSITION", "REBEL", "MILITANT", "JIHADIST", "TERRORIST",
}
# Words that mark a name as an organisation (or a body, place or title), not a person.
ORG_WORDS = {
    "ORGANIZATION", "ORGANISATION", "ORGANIZATIONS", "ORGANISATIONS", "UNION", "COUNCIL",
    "COMMITTEE", "COMMISSION", "FUND", "BANK", "BANCORP", "BANCSHARES", "ASSOCIATION",
    "ASSOCIATIONS", "FEDERATION", "INSTITUTE", "INSTITUTION", "FOUNDATION", "SOCIETY",
    "CENTER", "CENTRE", "NETWORK", "GROUP", "GROUPS", "INC", "INC.", "CORP", "CORP.",
    "CORPORATION", "COMPANY", "CO.", "LTD", "LTD.", "LLC", "PLC", "L.P.", "HOLDINGS",
    "INTERNATIONAL", "PROGRAM", "PROGRAMME", "PROJECT", "AGENCY", "MISSION", "OFFICE",
    "PARTY", "FRONT", "ARMY", "MOVEMENT", "BRIGADE", "BRIGADES", "BATTALION", "BATTALIONS",
    "FORCE", "FORCES", "LEAGUE", "ALLIANCE", "COALITION", "CONGRESS", "ASSEMBLY",
    "PARLIAMENT", "MINISTRY", "DEPARTMENT", "BUREAU", "SERVICE", "SERVICES", "AUTHORITY",
    "SECRETARIAT", "TRIBUNAL", "COURT", "UNIVERSITY", "COLLEGE", "SCHOOL", "ACADEMY",
    "HOSPITAL", "CHURCH", "TRUST", "PARTNERS", "INDUSTRIES", "SYSTEMS", "ENERGY",
    "COMMUNICATIONS", "MEDIA", "NEWS", "TIMES", "POST", "JOURNAL", "PRESS", "TELEVISION",
    "RADIO", "FACTION", "CELLS", "CELL", "COMMANDOS", "COMMANDO", "FIGHTERS", "MILITIA",
    "MILITIAS", "RESISTANCE", "JIHAD", "JAISH", "JAYSH", "HARAKAT", "HIZB", "TALIBAN",
    "QAEDA", "QAIDA", "MUJAHIDEEN", "MUJAHIDIN", "GOVERNMENT", "ADMINISTRATION", "REGIME",
    "DECLARATION", "OBSERVATORY", "TASK", "INITIATIVE", "ACTION", "WATCH", "RIGHTS",
    "OPERATION", "RELIEF", "AID", "CROSS", "CRESCENT", "GUARD", "GUARDS", "RIFLES", "POLICE",
    "INTELLIGENCE", "YARD", "PALACE", "HOUSE", "STREET", "HEADQUARTERS", "CORPS", "TEAM",
    "REPUBLIC", "STATE", "STATES", "KINGDOM", "REPRESENTATIVE", "SECRETARY", "PRESIDENT",
    "MINISTER", "SECRETARY-GENERAL", "DIRECTOR", "AMBASSADOR", "THINK", "TANK", "FORUM",
    "NATIONS", "BOARD", "AFFAIRS", "DIVISION", "UNIT", "UNITS", "SQUAD", "SQUADS",
    "BRIGADA", "FRENTE", "EJERCITO", "PARTIDO", "MOVIMIENTO", "COMANDO", "ORGANIZACION",
    "ARMEE", "ARMED", "REVOLUTIONARY", "LIBERATION", "NATIONAL", "ISLAMIC", "PEOPLE'S",
    "PEOPLES", "POPULAR", "WORKERS", "STUDENTS", "SOLDIERS", "REBELS", "INSURGENTS",
    "GUERRILLAS", "TERRORISTS", "MARTYRS", "COMMUNIST", "SOCIALIST", "DEMOCRATIC",
    "ANARCHIST", "ANARCHISTS", "NETWORKS", "SECURITY", "DEFENSE", "DEFENCE", "MILITARY",
    "NAVY", "POLITBURO", "SOVIET", "SUPREME", "FEDERAL", "KNESSET", "KREMLIN", "REICHSTAG",
    "BUNDESRAT", "BUNDESTAG", "MOSSAD", "PESHMERGA", "SABHA", "VOLKSKAMMER", "STASI",
    "DUMA", "ERGENEKON", "RIOT", "BRIGADE_", "SYNDICATE", "CARTEL", "CLAN", "TRIBE",
    "COMMUNITY", "EMIRATE", "CALIPHATE", "ORDER", "COMPANIES", "MONITOR", "MONITORS",
    "PEACEKEEPER", "PEACEKEEPERS", "CONTINGENT", "BODIES", "ENVOY", "RESIDENT", "PANEL",
    "SUMMIT", "CONFERENCE", "CONVENTION", "TREATY", "PACT", "SECRETARIAT", "GENERAL",
    "JOURNALIST", "REPORTER", "BROADCASTER", "NEWSPAPER", "MAGAZINE", "GUARDIAN",
    "TRIBUNE", "HERALD", "GAZETTE", "WIRE", "AGENCE", "ZEITUNG", "BUND", "VERBAND",
    "FELLOWSHIP", "SOLIDARITY", "SOLIDARITE", "WORLDWIDE", "COMMAND", "CLUB", "COUNTRIES",
    "PEACE", "DATABASE", "FUNDACION", "FONDATION", "FUNDACAO", "INSTITUTO", "MOUVEMENT",
    "COMITE", "COMITATO", "CONSEJO", "ASOCIACION", "ASSOCIACAO", "VEREIN", "STIFTUNG",
    "WITHOUT", "BORDERS", "FRONTIERES", "SANS", "HUMANITY", "MONDE", "MUNDO", "WORLD",
    "GLOBAL", "AFRICA", "EUROPE", "ASIA", "AMERICA", "INTERNACIONAL", "INTERNATIONALE",
    "CARE", "HELP", "HOPE", "CHILDREN", "WOMEN", "YOUTH", "KIDS", "RESEARCH", "EDUCATION",
    "HEALTH", "MEDICAL", "DEVELOPMENT", "HUMAN", "RED", "ROUGE", "ROJA", "ORTHODOX",
}
# Non-person names in the Countries file that the keyword test cannot recognise.
COUNTRIES_NON_PERSONS = {
    "DGSE", "SHIN BET", "MOSSAD", "LOK SABHA", "PUSSY RIOT", "ERGENEKON", "TRANSNISTRIA",
    "LEIPZIG", "ASSAD FORCES", "SARAYAT AL-QUDS", "JUND AL AQSA", "GHURABA AL SHAM",
    "GHURABA AL-SHAM", "HAZM MOVEMENT", "SUQOUR AL SHAM BRIGADE", "AHRAR AL SHAM",
    "JABHAT AL NUSRA", "TAWHID BRIGADE", "JAYSH AL SHA'BI", "NUMBER 10 DOWNING STREET",
    "WESTMINSTER PALACE", "MALACANANG PALACE", "GEORGETOWN UNIVERSITY", "EXPEDIENCY COUNCIL",
}
# Non-person names in the International and MilNonState files that read like names.
OTHER_NON_PERSONS = {"ALPHA KAPPA ALPHA", "DELTA KAPPA GAMMA", "DELTA SIGMA THETA",
                     "KAPPA DELTA PI", "MARIE STOPES", "ABU SAYYAF", "S.O.S. ATTENTATS",
                     "ALBERT SCHWEITZER FELLOWSHIP", "CHRISTIAN CATHOLIC", "VITAL VOICES",
                     "TOKYO JUNIOR CHAMBER", "NGO NET", "IZZ AD-DIN AL QASSAM",
                     "ANANDA MARGA", "AZAD HIND SENA", "MARA SALVATRUCHAS", "ALEJO CALATAYU",
                     "SRI NAKHARO"}
# Persons in the International file that the name test cannot recognise.
KNOWN_PERSONS = {
    "EJEVIOME ELOH OTOBO", "GILLIAN MELLSOP", "GRAEME WHEELER", "OPIA MENSAH KUMAH",
    "R K PACHAURI", "SAMLEE PLIANBANGCHANG", "JOHANNESE SCHAEHINGER", "FEDERICO MAYOR",
    "ACHARYA G KISHORE", "ACHARYA KISHORE", "AG KISHORE", "A G KISHORE",
    "ARIYANAYAGAM CHANDRA NEHRU", "NGARMSUK RATTANASATHIEN", "KAUSHAL KISHOR",
    "MOROPANT PINGLE", "N P RIJAL", "NAGENDA P RIJAL", "NP RIJAL", "S RITAMBHARA",
    "SADHVI RITAMBHARA", "ASDHVI RITAMBHARA", "U.S. BHARATI", "U S BHARATI", "US BHARATI",
    "VH DALMIYA", "V H DALMIYA", "VISHNU DALMIYA", "VISHNU H DALMIYA", "DEBBIE STOTHARD",
    "DILXAT RAXIT", "DOLQUN ISA", "NAW SAY PHAW", "PHELIM KYNE", "SATINATH SARANGI",
    "SS MAITRA", "S S MAITRA", "S SARANGI",
}
# Entries whose primary name joins two persons, and joke or test entries.
BROKEN_NAMES = {"JACK STRAW DOUGLAS ALEXANDER", "OSMAN OLCAY TURKEY", "ERNST STAVRO BLOFELD",
                "HONG KIL DONG"}
# Honorifics that mark a phrase as a person ("SIR JOHN KAPUTIN").
HONORIFICS = {"SIR", "DAME", "DR", "DR.", "PROF", "PROF.", "LORD", "LADY", "BARON", "BARONESS"}
# Honorifics ignored when deciding whether two spellings name the same person.
SOFT_HONORIFICS = {"SHEIKH", "SHEIK", "SHAIKH", "SEYYED", "SAYYED", "SAYYID", "SYED", "HAJJ",
                   "HAJI"}

# Function words written in lower case inside organisation names.
ORG_LOWER = {"of", "the", "and", "for", "in", "on", "at", "to", "by", "with", "a", "an",
             "de", "del", "des", "du", "la", "le", "les", "el", "al", "y", "e", "da", "do",
             "dos", "das", "di", "der", "und", "fur", "et", "per", "ul", "ud", "wa", "wal"}
# Short words in organisation names that are words, not acronyms.
SHORT_WORDS = {"OIL", "GAS", "AIR", "CAR", "NEW", "OLD", "ONE", "TWO", "SUN", "SEA", "BIG",
               "BAY", "RED", "ART", "AID", "LAW", "WAR", "TAX", "NET", "WEB", "HOT", "TOP",
               "ICE", "SKY", "BOX", "JET", "KEY", "MAN", "MEN", "CAN", "DAY", "WAY", "ALL",
               "OUR", "OUT", "END", "AGE", "FAR", "LAB", "PAN", "PRO", "ACT", "ARM", "ARC",
               "BIO", "ECO", "GEO", "NET", "TEN", "SIX", "CUP", "FUN", "FOX", "OAK", "ELM",
               "ASH", "PAY", "BAR", "INN", "PUB", "SHI", "ABU", "BIN", "IBN", "BEN", "BNI",
               "ANSAR", "DAR", "DIN", "ISA", "UMM", "WAL", "WA", "AL", "EL", "AS", "AD", "AN",
               "AT", "AZ", "AR", "EN", "DE", "LA", "LE", "DU", "DA", "DO", "DI", "OF", "THE",
               "AND", "FOR", "IN", "ON", "TO", "BY", "A", "I", "O", "Y", "E", "INC", "INC.",
               "LTD", "LTD.", "CO", "CO.", "CORP", "CORP.", "NO", "KAI", "DEL", "DES", "LOS",
               "LAS", "DEN", "DER", "DIE", "DAS", "VON", "VAN", "BEY", "SAN", "SAO", "SRI",
               "AUM", "NEAR", "SANS", "AGA", "HAQ", "PHI", "AU", "ET", "WET", "KHAN"}
COUNTRY_WORDS = {"PERU", "IRAN", "IRAQ", "CHAD", "MALI", "OMAN", "CUBA", "FIJI", "LAOS",
                 "TOGO", "GAZA", "INDIA", "CHINA", "JAPAN", "ITALY", "SPAIN", "NEPAL", "SUDAN",
                 "SYRIA", "YEMEN", "KENYA", "GHANA", "EGYPT", "LIBYA", "NIGER", "BENIN",
                 "GABON", "HAITI", "KOREA", "QATAR", "WALES", "CONGO", "CHILE", "NAURU",
                 "TONGA", "SAMOA", "PALAU", "MALTA"}

# --------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------


@dataclass
class Code:
    """One [CODE restriction] of an actor entry."""

    code: str
    start: dt.date | None
    end: dt.date | None
    dated: bool
    line: int


@dataclass
class Entry:
    """One actor record: primary phrase(s), synonyms and codes."""

    source: str
    line: int
    names: list[str]
    aliases: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    null_code: bool = False
    comments: list[str] = field(default_factory=list)
    had_codes: bool = False  # a [..] group was seen, even if it was unusable

    @property
    def all_names(self) -> list[str]:
        """Primary phrases and synonyms."""
        return self.names + self.aliases


STATS: Counter[str] = Counter()
EXAMPLES: dict[str, list[str]] = defaultdict(list)
EXAMPLE_LIMIT = 8


def note(key: str, example: str | None = None, n: int = 1) -> None:
    """Count an event and keep a few examples of it."""
    STATS[key] += n
    if example is not None and len(EXAMPLES[key]) < EXAMPLE_LIMIT:
        EXAMPLES[key].append(example)


def parse_date(text: str) -> dt.date | None:
    """Parse YYMMDD (00-30 -> 20xx, else 19xx) or YYYYMMDD; None if malformed."""
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


CODE_RE = re.compile(r"\[([^\]\[]*)\]?")


def parse_codes(text: str, lineno: int, source: str) -> tuple[list[Code], bool]:
    """Parse every [CODE ...] group of a line; returns (codes, saw a null code)."""
    codes: list[Code] = []
    null = False
    for m in CODE_RE.finditer(text):
        body = m.group(1).strip()
        if not body:
            continue
        parts = body.split(None, 1)
        code, rest = parts[0], (parts[1].strip() if len(parts) > 1 else "")
        where = f"{source}:{lineno} [{body}]"
        if set(code) == {"-"}:
            null = True
            continue
        if not re.fullmatch(r"[A-Z0-9]{3,}", code):
            note("codes_malformed", where)
            continue
        rest = re.sub(r"\s+", "", rest)
        if not rest:
            codes.append(Code(code, None, None, False, lineno))
            continue
        mm = re.fullmatch(r"([<>])(\d+)", rest)
        mr = re.fullmatch(r"(\d+)-(\d+)", rest)
        if mm:
            d = parse_date(mm.group(2))
            if d is None:
                note("dates_malformed", where)
                continue
            if mm.group(1) == ">":
                codes.append(Code(code, d, None, True, lineno))
            else:
                codes.append(Code(code, None, d, True, lineno))
        elif mr:
            d1, d2 = parse_date(mr.group(1)), parse_date(mr.group(2))
            if d1 is None or d2 is None:
                note("dates_malformed", where)
                continue
            if d2 < d1:
                note("dates_end_before_start", where)
                continue
            codes.append(Code(code, d1, d2, True, lineno))
        else:
            note("dates_malformed", where)
    return codes, null


def clean_phrase(text: str) -> str:
    """Turn a dictionary phrase (underscores, stray tabs) into upper-case words."""
    text = text.replace("_", " ").replace("\t", " ")
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" ,;:+").upper()


def read_dictionary(path: Path) -> list[Entry]:
    """Read one PETRARCH actor dictionary into entries (comments dropped)."""
    entries: list[Entry] = []
    cur: Entry | None = None
    source = path.name
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        raw = "".join(ch for ch in raw if ch == "\t" or unicodedata.category(ch)[0] != "C")
        if not raw.strip() or raw.lstrip().startswith("#") or raw.startswith("<!"):
            continue
        content, _, comment = raw.partition("#")
        if not content.strip():
            continue
        stripped = content.strip()
        if stripped.startswith("["):
            codes, null = parse_codes(stripped, lineno, source)
            if cur is None:
                note("lines_orphan", f"{source}:{lineno}")
                continue
            cur.codes.extend(codes)
            cur.null_code |= null
            cur.had_codes = True
            continue
        phrase, bracket, rest = stripped.partition("[")
        codes, null = parse_codes(bracket + rest, lineno, source) if bracket else ([], False)
        if stripped.startswith("+"):
            if cur is None:
                note("lines_orphan", f"{source}:{lineno}")
                continue
            for part in phrase[1:].split("+"):
                alias = clean_phrase(part)
                if alias:
                    cur.aliases.append(alias)
            cur.codes.extend(codes)
            cur.null_code |= null
            cur.had_codes |= bool(bracket)
            continue
        name = clean_phrase(phrase)
        if not name:
            note("lines_orphan", f"{source}:{lineno}")
            continue
        cur = Entry(source, lineno, [name], codes=codes, null_code=null, had_codes=bool(bracket))
        if comment.strip():
            cur.comments.append(comment.strip())
        entries.append(cur)
    return entries


def significant_tokens(names: list[str]) -> set[str]:
    """Name words that identify a person or body (no particles, titles or initials)."""
    out: set[str] = set()
    for name in names:
        for tok in re.split(r"[\s\-]+", name.replace(".", "")):
            t = tok.strip("'()").upper()
            if len(t) < 3 or t.lower() in PARTICLES or t in TITLE_ANYWHERE or t in TITLE_FIRST:
                continue
            out.add(t)
    return out


def tokens_related(a: set[str], b: set[str]) -> bool:
    """True if two token sets share a word or a near-identical spelling of one."""
    if a & b:
        return True
    for x in a:
        for y in b:
            if len(x) >= 4 and len(y) >= 4 and difflib.SequenceMatcher(None, x, y).ratio() >= 0.75:
                return True
    return False


def same_person_spelling(a: str, b: str) -> bool:
    """True if two phrases are spellings of one name ('HASAN NASRALLAH', 'HASSAN NASRALLAH').

    Every word of the shorter phrase must closely match a word of the longer one;
    particles and honorifics such as SHEIKH are ignored.
    """
    def toks(x: str) -> list[str]:
        """Comparable words of a phrase."""
        return [t for t in re.split(r"[\s\-]+", x.upper()) if t and t.lower() not in PARTICLES
                and t.lower() not in HYPHEN_PARTICLES and t not in SOFT_HONORIFICS]
    ta, tb = toks(a), toks(b)
    if not ta or not tb:
        return False
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return all(any(x == y or (len(x) >= 4 and difflib.SequenceMatcher(None, x, y).ratio() >= 0.8)
                   for y in long_) for x in short)


def merge_codeless_runs(entries: list[Entry]) -> list[Entry]:
    """Join entries without codes to the next entry that has codes (TABARI semantics).

    In TABARI and PETRARCH 1 a primary phrase without a code shares the codes of the
    next coded record; the dictionaries rely on that (e.g. BORIS_YELTSIN_ followed by
    YELTSIN, PRESIDENT_YELTSIN, ... and then the dated codes). A codeless entry is only
    joined when it shares a name word with what it is joined to; otherwise it is dropped.
    """
    out: list[Entry] = []
    pending: list[Entry] = []
    for e in entries:
        if not e.had_codes:
            pending.append(e)
            continue
        if pending:
            toks = significant_tokens(e.all_names)
            joined: list[Entry] = []
            for p in reversed(pending):
                ptoks = significant_tokens(p.all_names)
                if tokens_related(ptoks, toks):
                    joined.insert(0, p)
                    toks |= ptoks
                else:
                    break
            for p in pending[: len(pending) - len(joined)]:
                note("entries_without_code", f"{p.source}:{p.line} {p.names[0]}")
            if joined:
                first = joined[0]
                merged = Entry(e.source, first.line, [], comments=[])
                for p in joined + [e]:
                    merged.names.extend(p.names)
                    merged.aliases.extend(p.aliases)
                    merged.comments.extend(p.comments)
                merged.codes = e.codes
                merged.null_code = e.null_code
                merged.had_codes = True
                note("entries_joined_from_codeless_runs", n=len(joined))
                e = merged
            pending = []
        out.append(e)
    for p in pending:
        note("entries_without_code", f"{p.source}:{p.line} {p.names[0]}")
    return out


# --------------------------------------------------------------------------------------
# Codes -> country and sector
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Decoded:
    """A PETRARCH code split into parley's country and sector."""

    country: str  # ISO alpha-3, XKX or ""
    sector: str  # PLOVER sector or ""
    kind: str  # "country" (no sector), "actor", "unmappable", "unknown"
    prefix: str  # IGO/NGO/MNC/IMG or ""


def to_iso(cameo: str) -> str | None:
    """Map a CAMEO country code to ISO 3166-1 alpha-3 (or XKX); None if impossible."""
    if cameo in CAMEO_TO_ISO:
        return CAMEO_TO_ISO[cameo]
    if cameo in ISO3 and cameo not in UNMAPPABLE:
        return cameo
    return None


def find_sector(triples: list[str]) -> str:
    """Pick the PLOVER sector from the code parts after the country."""
    mapped = [CAMEO_SECTOR_MAP.get(t, t) for t in triples]
    if "OPP" in mapped:
        return "OPP"
    if "REB" in mapped:
        return "REB"
    for t in mapped:
        if t in PLOVER_SECTORS:
            return t
    return ""


def decode(code: str) -> Decoded:
    """Split a CAMEO actor code like USAGOVMIL, IGOUNOIAE or GBRVGBELI."""
    triples = [code[i:i + 3] for i in range(0, len(code), 3)]
    head, rest = triples[0], triples[1:]
    if head in INTERNATIONAL_PREFIXES:
        return Decoded("", head, "actor", head)
    if head in PLOVER_SECTORS or head in CAMEO_SECTOR_MAP:
        return Decoded("", CAMEO_SECTOR_MAP.get(head, head), "actor", "")
    if head in REGIONS or head in RELIGIONS:
        sector = find_sector(rest) or ("REL" if head in RELIGIONS else "")
        return Decoded("", sector, "actor" if sector else "unknown", "")
    if head in UNMAPPABLE:
        return Decoded("", find_sector(rest), "unmappable", "")
    country = to_iso(head)
    if country is None:
        return Decoded("", find_sector(rest), "unknown", "")
    # A second country-like part is a territory or constituent unit: GBRVGB, DNKFRO, IDNTMP.
    if rest and rest[0] not in PLOVER_SECTORS and rest[0] not in STATUS_CODES \
            and rest[0] not in OTHER_CAMEO and rest[0] not in CAMEO_SECTOR_MAP:
        sub = rest[0]
        sub_iso = to_iso(sub)
        if sub_iso is not None:
            country, rest = sub_iso, rest[1:]
        elif sub in SUBNATIONAL:
            rest = rest[1:]
        elif sub in UNMAPPABLE:
            return Decoded("", find_sector(rest[1:]), "unmappable", "")
    sector = find_sector(rest)
    if not sector:
        return Decoded(country, "", "country", "")
    return Decoded(country, sector, "actor", "")


# --------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------


def cap_word(w: str) -> str:
    """Capitalise one upper-case word: McCain, O'Brien, Ng'andu, R.K."""
    lead = re.match(r"[(\"]+", w)
    if lead:
        return lead.group(0) + cap_word(w[lead.end():])
    if not w:
        return w
    if re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]?", w):
        return w.upper()
    if "'" in w or "\u2019" in w:
        first, _, rest = w.replace("\u2019", "'").partition("'")
        if not first:
            return "'" + cap_word(rest)
        if len(first) == 1:
            return first.upper() + "'" + cap_word(rest)
        return cap_word(first) + "'" + rest.lower()
    if len(w) > 2 and w[:2].upper() == "MC" and w[2:].isalpha():
        return "Mc" + w[2:].capitalize()
    return w[:1].upper() + w[1:].lower()


def person_case(raw: str, korean: bool = False) -> str:
    """Title-case an upper-case person name ("BASHAR_AL-ASSAD" -> "Bashar al-Assad")."""
    out = []
    tokens = raw.split()
    for i, tok in enumerate(tokens):
        parts = tok.split("-")
        new = []
        for j, p in enumerate(parts):
            lp = p.lower()
            if i == 0 and j == 0:
                new.append(cap_word(p))
            elif j < len(parts) - 1 and lp in HYPHEN_PARTICLES:
                new.append(lp)
            elif len(parts) == 1 and lp in PARTICLES:
                new.append(lp)
            elif len(parts) == 1 and p in ROMAN:
                new.append(p)
            elif korean and j > 0:
                new.append(lp)
            else:
                new.append(cap_word(p))
        out.append("-".join(new))
    return " ".join(out)


def is_acronym(tok: str, acronyms: set[str], short: bool = True) -> bool:
    """Guess whether an upper-case word of an organisation name is an acronym."""
    core = tok.strip("'().,")
    letters = re.sub(r"[^A-Za-z]", "", core)
    if not letters:
        return bool(core)
    if re.fullmatch(r"\d+(?:ST|ND|RD|TH|S)", core):
        return False  # ordinals and decades: 1ST, 1920S
    if core in acronyms:
        return True
    if re.search(r"\d|&", core) or re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?\.?", core):
        return True
    if core in SHORT_WORDS:
        return False
    if short and len(letters) <= 3:
        return True
    return not re.search(r"[AEIOUY]", letters)


def org_case(raw: str, acronyms: set[str], short: bool = True) -> str:
    """Title-case an upper-case organisation name, keeping acronyms ("UN Security Council")."""
    out = []
    for i, tok in enumerate(raw.split()):
        parts = tok.split("-")
        new = []
        for j, p in enumerate(parts):
            lp = p.lower()
            if is_acronym(p, acronyms, short) and not (lp in ORG_LOWER and (i or j)):
                new.append(p)
            elif (i or j) and lp in ORG_LOWER:
                new.append(lp)
            else:
                new.append(cap_word(p))
        out.append("-".join(new))
    return " ".join(out)


def slug(text: str, sep: str = "-") -> str:
    """ASCII slug of a name."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9]+", sep, text).strip(sep)
    return text


def words(name: str) -> list[str]:
    """Upper-case words of a phrase."""
    return name.upper().split()


PERSON_CHARS = re.compile(r"'?[^\W\d_][^\W\d_.'\u2019\- ]*(?:[ .'\u2019\-]+[^\W\d_]+)*\.?")


def valid_person_string(name: str) -> bool:
    """Letters, spaces, dots, hyphens and apostrophes only."""
    return bool(PERSON_CHARS.fullmatch(name)) and not re.search(r"[()\[\],;:/&+]", name)


def has_title(name: str) -> bool:
    """True if the phrase carries a title, an office or a collective word."""
    ws = [w.strip(",") for w in words(name)]
    if not ws:
        return False
    if ws[0] in TITLE_FIRST or ws[0].startswith("EX-"):
        return True
    for w in ws:
        if w in TITLE_ANYWHERE:
            return True
        if any(part in TITLE_ANYWHERE for part in w.split("-")):
            return True
    return False


def has_org_word(name: str) -> bool:
    """True if a phrase contains a word typical of organisation names."""
    return any(w.strip(",.()") in ORG_WORDS for w in words(name))


def name_word_count(name: str) -> int:
    """Words of a person name that are not particles ('AL ASSAD' counts 1)."""
    return sum(1 for w in re.split(r"[\s]+", name.upper())
               if w and w.lower() not in PARTICLES and w.lower() not in HYPHEN_PARTICLES)


def person_name_ok(name: str) -> bool:
    """A usable person alias: letters only, no title, at least two name words."""
    return valid_person_string(name) and not has_title(name) and name_word_count(name) >= 2


# --------------------------------------------------------------------------------------
# Classification
# --------------------------------------------------------------------------------------


@dataclass
class Row:
    """One people.tsv tenure row."""

    country: str
    sector: str
    start: dt.date | None
    end: dt.date | None


@dataclass
class Person:
    """A person with names and tenures, before ids are assigned."""

    name: str  # upper case, as in the dictionary
    aliases: list[str]
    rows: list[Row]
    source: str
    line: int
    korean: bool = False


@dataclass
class Org:
    """An organisation before ids are assigned."""

    raw_name: str
    raw_names: list[str]
    sector: str
    country: str
    source: str
    line: int


def person_rows(entry: Entry) -> list[Row]:
    """Tenure rows of a person entry; undated default codes are kept only where needed."""
    dated: list[Row] = []
    undated: list[Row] = []
    for c in entry.codes:
        d = decode(c.code)
        if d.kind == "unmappable":
            note("person_codes_unmappable_country", f"{entry.source}:{c.line} {c.code}")
            continue
        if d.kind == "unknown":
            note("person_codes_unknown", f"{entry.source}:{c.line} {c.code}")
            continue
        if d.kind == "country" or not d.sector:
            note("person_codes_without_sector", f"{entry.source}:{c.line} {c.code}")
            continue
        row = Row(d.country, d.sector, c.start, c.end)
        (dated if c.dated else undated).append(row)
    covered = {r.country for r in dated}
    rows = list(dated)
    for r in undated:
        if r.country in covered:
            note("person_default_codes_dropped")
            continue
        rows.append(r)
    seen: set[tuple] = set()
    out = []
    for r in rows:
        key = (r.country, r.sector, r.start, r.end)
        if key in seen:
            note("person_rows_duplicate_dropped")
            continue
        seen.add(key)
        out.append(r)
    out.sort(key=lambda r: (r.start or dt.date.min, r.end or dt.date.max, r.country, r.sector))
    return out


def build_given_names(entries: list[Entry]) -> set[str]:
    """First words of the CountryInfo person names: a list of given names."""
    firsts = {words(e.names[0])[0] for e in entries
              if any("CountryInfo" in c for c in e.comments) and len(words(e.names[0])) >= 2}
    skip = PARTICLES | HYPHEN_PARTICLES | ORG_LOWER
    return {w for w in firsts if len(w) > 2 and w not in ORG_WORDS and w not in TITLE_FIRST
            and w not in TITLE_ANYWHERE and w.lower() not in skip}


def looks_like_person(name: str, given: set[str]) -> bool:
    """A phrase that reads as a person's name (known given name, initials or 'Sir' first)."""
    ws = words(name)
    honorific = bool(ws) and ws[0] in HONORIFICS
    if honorific:
        ws = ws[1:]
        name = " ".join(ws)
    if not 1 <= len(ws) <= 6 or not valid_person_string(name) or name in OTHER_NON_PERSONS:
        return False
    if has_org_word(name) or has_title(name):
        return False
    if any(w.lower() in ORG_LOWER and w.lower() not in PARTICLES for w in ws[1:]):
        return False  # "ART FOR THE WORLD"
    if honorific:
        return True
    if len(ws) < 2:
        return False
    first = ws[0]
    return first in given or bool(re.fullmatch(r"(?:[A-Z]\.)+", first))


def strip_titles(name: str) -> str:
    """Drop leading titles and everything up to the last office word.

    'FOREIGN MINISTER ABDULLAH' -> 'ABDULLAH', 'SIR JOHN FIELD' -> 'JOHN FIELD'.
    """
    ws = words(name)
    cut = 0
    while cut < len(ws) and ws[cut] in TITLE_FIRST:
        cut += 1
    for i, w in enumerate(ws):
        if w in TITLE_ANYWHERE or any(p in TITLE_ANYWHERE for p in w.split("-")):
            cut = max(cut, i + 1)
    return " ".join(ws[cut:])


def clean_person_string(name: str) -> str | None:
    """Normalise a person phrase: quotes, stray brackets, ', JR.'; None if it is unusable."""
    name = name.replace("`", "'").replace("\u2019", "'")
    name = re.sub(r'"[^"]*"', " ", name).replace('"', " ")
    name = re.sub(r"\([^()]*\)", " ", name)
    name = re.sub(r"\(.*$", " ", name).replace(")", " ")
    name = re.sub(r"\s+", " ", name).strip(" ,")
    if not name:
        return None
    return fix_person_comma(name)


def fix_person_comma(name: str) -> str | None:
    """'ERIC H. HOLDER, JR.' -> 'ERIC H. HOLDER JR.'; 'X, BARON Y' -> 'X'; 'A, THEN B' -> None."""
    if "," not in name:
        return name
    head, _, tail = name.partition(",")
    tail = tail.strip()
    if re.fullmatch(r"(?:JR|SR)\.?|II|III|IV", tail):
        return f"{head.strip()} {tail}"
    if tail.startswith("THEN") or not head.strip():
        return None
    return head.strip()


def choose_person_name(entry: Entry) -> str | None:
    """Canonical (upper-case) name: first primary or alias that is a clean full name."""
    if entry.names[0] in KNOWN_PERSONS:
        return entry.names[0]
    for n in entry.names + entry.aliases:
        if person_name_ok(n) and n not in BROKEN_NAMES:
            return n
    for n in entry.names:
        if valid_person_string(n) and not has_title(n) and n not in BROKEN_NAMES:
            return n  # single-word names (Suharto, Siddaramaiah)
    for n in entry.names:  # 'MULLAH MOHAMMAD RABBANI' -> 'MOHAMMAD RABBANI'
        bare = strip_titles(n)
        if bare and valid_person_string(bare) and bare not in BROKEN_NAMES:
            note("person_names_stripped_of_title", f"{n} -> {bare}")
            return bare
    return None


def person_from_entry(entry: Entry, name: str, rows: list[Row]) -> Person:
    """Build a Person from an entry whose canonical upper-case name is known."""
    korean = any(r.country in ("KOR", "PRK") for r in rows)
    anchor = significant_tokens([name])
    aliases: list[str] = []
    for n in entry.names + entry.aliases:
        if n == name:
            continue
        if not valid_person_string(n):
            note("person_aliases_dropped_bad_chars", n)
            continue
        if has_title(n) or has_org_word(n):
            note("person_aliases_dropped_title", n)
            continue
        if name_word_count(n) < 2:
            note("person_aliases_dropped_single_word", n)
            continue
        if not tokens_related(significant_tokens([n]), anchor):
            note("person_aliases_dropped_unrelated", f"{name} / {n}")
            continue
        aliases.append(n)
    return Person(name, aliases, rows, entry.source, entry.line, korean)


def classify(entries: list[Entry], given: set[str]) -> tuple[list[Person], list[Org]]:
    """Split entries into persons and organisations (country-level entries skipped)."""
    persons: list[Person] = []
    orgs: list[Org] = []
    for e in entries:
        where = f"{e.source}:{e.line} {e.names[0]}"
        if not e.codes:
            note("entries_without_usable_code", where)
            continue
        decoded = [decode(c.code) for c in e.codes]
        if all(d.kind in ("country", "unmappable") and not d.sector for d in decoded):
            if e.source == COUNTRIES_FILE:
                note("countries_file_country_entries", where)
            else:
                note("entries_country_level", where)
            continue
        primary = e.names[0]
        countryinfo = any("CountryInfo" in c for c in e.comments)
        igorulers = any("IGOrulers" in c for c in e.comments)
        any_mnc = any(d.prefix == "MNC" for d in decoded)
        org_entry = e
        if e.source != MILNONSTATE_FILE and not any_mnc:
            cleaned = [clean_person_string(n) for n in e.names]
            if cleaned[0] is None:
                note("entries_broken", where)
                continue
            e = Entry(e.source, e.line, [n for n in cleaned if n],
                      [a for a in (clean_person_string(x) for x in e.aliases) if a],
                      e.codes, e.null_code, e.comments)
            primary = e.names[0]
        if e.source == COUNTRIES_FILE:
            if countryinfo:
                is_person = True
            elif primary in COUNTRIES_NON_PERSONS or has_org_word(primary):
                is_person = False
            else:
                is_person = choose_person_name(e) is not None and len(words(primary)) <= 6 \
                    and not all(has_title(n) for n in e.names)
        elif any_mnc:
            is_person = False
        elif igorulers or primary in KNOWN_PERSONS:
            is_person = True
        else:
            is_person = looks_like_person(primary, given) or (
                any(c.dated for c in e.codes) and valid_person_string(primary)
                and not has_org_word(primary) and not has_title(primary)
                and len(words(primary)) >= 2)
        if is_person:
            if primary in BROKEN_NAMES:
                note("entries_broken", where)
                continue
            name = choose_person_name(e)
            if name is None:
                note("person_entries_without_usable_name", where)
                continue
            rows = person_rows(e)
            if not rows:
                note("person_entries_without_rows", where)
                continue
            persons.append(person_from_entry(e, name, rows))
            continue
        # Organisation (or body/title). Person-looking synonyms become persons of their own.
        if e.source == COUNTRIES_FILE:
            note("countries_file_institutions_skipped", where)
        rest: list[str] = []
        clusters: list[list[str]] = []
        for n in org_entry.aliases:
            if looks_like_person(n, given):
                n = clean_person_string(n) or n
                for cl in clusters:
                    if any(same_person_spelling(n, m) for m in cl):
                        cl.append(n)
                        break
                else:
                    clusters.append([n])
                note("persons_split_from_organisation_synonyms", f"{e.names[0]} / {n}")
                continue
            rest.append(n)
        for cl in clusters:
            rows = person_rows(Entry(e.source, e.line, cl[:1], codes=e.codes))
            full = [m for m in cl if person_name_ok(m)] or cl
            if rows:
                persons.append(Person(full[0], [m for m in cl if m != full[0]], rows, e.source,
                                      e.line, any(r.country in ("KOR", "PRK") for r in rows)))
        if e.source == COUNTRIES_FILE:
            continue
        org = org_from_entry(org_entry, rest)
        if org is not None:
            orgs.append(org)
    return persons, orgs


def org_from_entry(e: Entry, aliases: list[str]) -> Org | None:
    """Sector and country of an organisation entry."""
    where = f"{e.source}:{e.line} {e.names[0]}"
    if e.names[0] in GENERIC_ORG_NAMES:
        note("org_entries_generic_skipped", where)
        return None
    undated = [c for c in e.codes if not c.dated]
    ordered = undated + sorted((c for c in e.codes if c.dated),
                               key=lambda c: c.start or dt.date.min, reverse=True)
    chosen: Decoded | None = None
    for c in ordered:
        d = decode(c.code)
        if d.sector:
            chosen = d
            break
    if chosen is None and e.source == MILNONSTATE_FILE:
        d = decode(ordered[0].code)
        chosen = Decoded(d.country, "REB", "actor", "")
        note("org_entries_region_only_code_set_to_REB", where)
    if chosen is None:
        note("org_entries_without_sector", where)
        return None
    if any(decode(c.code).kind == "unknown" for c in e.codes):
        note("org_codes_unknown_prefix_country_left_empty", where)
    country = "" if chosen.sector in ("IGO", "NGO", "MNC", "IMG") else chosen.country
    return Org(e.names[0], e.names[1:] + aliases, chosen.sector, country, e.source, e.line)


# --------------------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------------------


def assign_person_ids(persons: list[Person]) -> dict[str, list[Person]]:
    """Group entries that are one person and give each group an id.

    Entries are one person when their names give the same slug, or when a synonym of one
    is the canonical name of the other, and they share a country (or one of them has
    none, e.g. an IGO official). Different persons with the same slug get -2, -3, ...
    """
    parent = list(range(len(persons)))

    def find(i: int) -> int:
        """Representative of i's group."""
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    countries = {i: {r.country for r in p.rows} for i, p in enumerate(persons)}

    def union_if_compatible(i: int, j: int, reason: str) -> None:
        """Join the groups of i and j if their countries allow it."""
        a, b = find(i), find(j)
        if a == b:
            return
        ca, cb = countries[a], countries[b]
        if ca & cb or "" in ca or "" in cb:
            keep, gone = min(a, b), max(a, b)
            parent[gone] = keep
            countries[keep] = ca | cb
            note(reason)

    cased = [person_case(p.name, p.korean) for p in persons]
    by_slug: dict[str, list[int]] = defaultdict(list)
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, name in enumerate(cased):
        by_slug[slug(name).lower()].append(i)
        by_name[name].append(i)
    for members in by_slug.values():
        for i in members[1:]:
            for j in members:
                if j == i:
                    break
                union_if_compatible(j, i, "persons_merged_same_name")
    for i, p in enumerate(persons):
        for a in p.aliases:
            for j in by_name.get(person_case(a, p.korean), []):
                if j != i:
                    union_if_compatible(min(i, j), max(i, j), "persons_merged_alias_is_name")
    groups: dict[int, list[Person]] = defaultdict(list)
    for i, p in enumerate(persons):
        groups[find(i)].append(p)
    out: dict[str, list[Person]] = {}
    for root in sorted(groups):
        base = slug(cased[root]).lower()
        pid, k = f"pet-{base}", 1
        while pid in out:
            k += 1
            pid = f"pet-{base}-{k}"
        if k > 1:
            note("person_ids_suffixed", pid)
        out[pid] = groups[root]
    return out


def person_record(group: list[Person]) -> tuple[str, list[str], list[Row]]:
    """Canonical name, aliases and rows of one (possibly merged) person."""
    korean = any(p.korean for p in group)
    variants = [person_case(p.name, korean) for p in group]
    same = [v for v in variants if slug(v).lower() == slug(variants[0]).lower()]
    name = max(same, key=lambda v: (v.count("-"), -same.index(v)))  # "Ban Ki-moon"
    aliases: list[str] = []
    for p in group:
        for a in [p.name] + p.aliases:
            cased = person_case(a, korean)
            if cased != name and cased not in aliases:
                aliases.append(cased)
    rows: list[Row] = []
    seen: set[tuple] = set()
    for p in group:
        for r in p.rows:
            key = (r.country, r.sector, r.start, r.end)
            if key not in seen:
                seen.add(key)
                rows.append(r)
    dated_countries = {r.country for r in rows if r.start or r.end}
    if len(group) > 1:
        kept = [r for r in rows if r.start or r.end or r.country not in dated_countries]
        if len(kept) < len(rows):
            note("person_default_codes_dropped_after_merge", n=len(rows) - len(kept))
        rows = kept
    rows.sort(key=lambda r: (r.start or dt.date.min, r.end or dt.date.max, r.country, r.sector))
    return name, aliases, rows


def fmt(d: dt.date | None) -> str:
    """YYYY-MM-DD or empty."""
    return d.isoformat() if d else ""


def build_people(persons: list[Person]) -> list[list[str]]:
    """people_petrarch.tsv rows, aliases de-duplicated across persons."""
    ids = assign_person_ids(persons)
    records = {pid: person_record(group) for pid, group in ids.items()}
    # A one-word name that is also a word of other persons' names ("Abdullah", "Johnson")
    # would match far too much text: such persons are left out.
    token_owners: dict[str, set[str]] = defaultdict(set)
    for pid, (name, aliases, _) in records.items():
        for n in [name] + aliases:
            for t in re.split(r"[\s\-]+", n):
                token_owners[t].add(pid)
    for pid in list(records):
        name = records[pid][0]
        if " " not in name and token_owners[name] - {pid}:
            note("persons_dropped_ambiguous_one_word_name", name)
            del records[pid]
            del ids[pid]
    order = sorted(records, key=lambda pid: (min(p.source != COUNTRIES_FILE for p in ids[pid]),
                                             min(p.line for p in ids[pid])))
    owner: dict[str, str] = {}
    for pid in order:  # canonical names first, in file order
        owner.setdefault(records[pid][0], pid)
        if owner[records[pid][0]] != pid:
            note("person_name_shared_by_different_ids", records[pid][0])
    out: list[list[str]] = []
    final_aliases: dict[str, list[str]] = {}
    for pid in order:
        name, aliases, _ = records[pid]
        kept = []
        for a in aliases:
            if owner.setdefault(a, pid) != pid:
                note("alias_conflicts_people", f"{a} ({owner[a]} / {pid})")
                continue
            kept.append(a)
        final_aliases[pid] = kept
    for pid in sorted(records):
        name, _, rows = records[pid]
        for k, r in enumerate(rows):
            out.append([pid, name, "|".join(final_aliases[pid]) if k == 0 else "",
                        r.country, r.sector, "", fmt(r.start), fmt(r.end)])
    return out


def collect_acronyms(orgs: list[Org]) -> set[str]:
    """Acronyms found in the data: parenthesised ones and initials of multi-word names."""
    found: set[str] = set()
    initials_of: set[str] = set()
    for o in orgs:
        for n in [o.raw_name] + o.raw_names:
            for m in re.finditer(r"\(([A-Z]{2,5})\)", n):
                if m.group(1) not in COUNTRY_WORDS:
                    found.add(m.group(1))
            ws = [w for w in re.split(r"[\s\-]+", re.sub(r"\(.*?\)", "", n)) if w]
            if len(ws) >= 2:
                for skip in (set(), ORG_LOWER, ORG_LOWER - PARTICLES - HYPHEN_PARTICLES):
                    initials_of.add("".join(w[0] for w in ws
                                            if w[0].isalpha() and w.lower() not in skip))
    for o in orgs:  # a whole name that is the initials of another name: IPCC, IAEA
        for n in [o.raw_name] + o.raw_names:
            core = n.strip("().,' ")
            if core.startswith("THE "):
                core = core[4:]
            if core in initials_of and len(core) >= 3 and core not in SHORT_WORDS:
                found.add(core)
    return found


def split_parenthetical(name: str) -> tuple[str, list[str]]:
    """'IRISH REPUBLICAN ARMY (IRA)' -> ('IRISH REPUBLICAN ARMY', ['IRA'])."""
    extra: list[str] = []

    def repl(m: re.Match) -> str:
        """Remove an acronym in brackets and keep it."""
        inner = m.group(1).strip()
        if re.fullmatch(r"[A-Z]{2,5}", inner) and inner not in COUNTRY_WORDS:
            extra.append(inner)
            return " "
        return m.group(0)

    base = re.sub(r"\(([^()]*)\)", repl, name)
    base = re.sub(r"\s+", " ", base).strip(" -,")
    return base, extra


def org_variants(raw: str, acronyms: set[str], short: bool = True,
                 single: bool = False) -> tuple[str, list[str]]:
    """Display name and extra names of one organisation phrase."""
    base, extra = split_parenthetical(raw)
    if base.startswith("THE ") and len(base.split()) > 1:
        base = base[4:]
    base = base.replace("(", "").replace(")", "") if base.count("(") != base.count(")") else base
    one_word = re.fullmatch(r"[A-Z]{2,8}", base) is not None
    single_acronym = one_word and (single or len(base) <= 3 or base in acronyms
                                   or unpronounceable(base))
    name = base if single_acronym else org_case(base, acronyms, short)
    more = list(extra)
    if single_acronym and len(name) >= 4 and re.fullmatch(r"[^AEIOU]?[AEIOU].*", name) \
            and not re.search(r"[^AEIOU]{3}|[AEIOU]{2}|[^AEIOU]{2}$", name):
        more.append(name.capitalize())  # "NATO" is also written "Nato", "UNICEF" "Unicef"
    return name, more


ENDINGS = {"CH", "SH", "TH", "PH", "CK", "NG", "NK", "NT", "ND", "RT", "RD", "ST", "SK", "LL",
           "SS", "RN", "RK", "LT", "LD", "MP", "NS", "RS", "LM", "RM", "FT", "CT", "PT", "GH",
           "MM", "GG", "RP", "NN", "TT", "PP", "FF", "ZZ", "LS", "LK", "RB", "RG", "WN", "TS",
           "DS", "KS", "MS", "PS", "GS", "WS", "RL", "RF", "LF", "NX", "RX", "LP", "SM", "TZ"}


def unpronounceable(word: str) -> bool:
    """An upper-case word that reads as letters, not as a word: FARC, AMRC, HSBC."""
    if not re.search(r"[AEIOU]", word):
        return True
    if re.search(r"[^AEIOUY]{2}$", word) and word[-2:] not in ENDINGS:
        return True
    return len(word) <= 5 and re.search(r"[^AEIOUY]{3}", word) is not None


def build_orgs(orgs: list[Org]) -> list[list[str]]:
    """organisations_petrarch.tsv rows: one organisation per entry, names de-duplicated."""
    acronyms = collect_acronyms(orgs)
    # Entries spelling the same name (THE_UN_, UN_, U.N.) are one organisation.
    merged: dict[str, tuple[Org, list[str], str]] = {}
    order: list[str] = []
    for o in orgs:
        short = o.source != MILNONSTATE_FILE and o.sector not in ("REB", "IMG")
        single = o.sector in ("IGO", "NGO")
        name, extra = org_variants(o.raw_name, acronyms, short, single)
        key = re.sub(r"[^A-Z0-9]", "", name.upper())
        names = extra[:]
        for n in o.raw_names:
            v, ex = org_variants(n, acronyms, short, single)
            names.extend([v] + ex)
        if key in merged:
            first = merged[key][0]
            merged[key][1].extend([name] + names)
            if (first.sector, first.country) == (o.sector, o.country):
                note("org_entries_merged_same_name")
            else:  # same group under two codes: a country-specific code wins, then IMG
                note("org_entries_merged_same_name_other_code",
                     f"{name}: {first.sector} {first.country} / {o.sector} {o.country}")
                if (not first.country and o.country) or \
                        (not first.country and not o.country and o.sector == "IMG"):
                    first.sector, first.country = o.sector, o.country
            continue
        merged[key] = (o, names, name)
        order.append(key)
    # An acronym entry (UN_) joins the one organisation whose initials it is (UNITED_NATIONS_).
    by_initials: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for key in order:
        org = merged[key][0]
        ws = [w for w in re.split(r"[\s\-]+", merged[key][2]) if w[:1].isalpha()]
        if len(ws) >= 2:
            for ini in {"".join(w[0] for w in ws).upper(),
                        "".join(w[0] for w in ws if w.lower() not in ORG_LOWER).upper()}:
                by_initials[(ini, org.sector, org.country)].append(key)
    for key in list(order):
        name = merged[key][2]
        org = merged[key][0]
        if not re.fullmatch(r"[A-Z]{2,8}", name):
            continue
        targets = [t for t in by_initials.get((name, org.sector, org.country), []) if t != key]
        if len(targets) == 1 and targets[0] in merged:
            o, names, _ = merged.pop(key)
            merged[targets[0]][1].extend([name] + names)
            order.remove(key)
            note("org_acronym_entries_merged_into_full_name", f"{name} -> {merged[targets[0]][2]}")
    rows: list[list[str]] = []
    used_ids: set[str] = set()
    owner: dict[str, str] = {}
    records = []
    for key in order:
        o, names, name = merged[key]
        base = slug(name, "_").upper() or "ORG"
        oid, k = base, 1
        while oid in used_ids:
            k += 1
            oid = f"{base}_{k}"
        if k > 1:
            note("org_ids_suffixed", oid)
        used_ids.add(oid)
        if owner.setdefault(name, oid) != oid:
            note("org_name_shared_by_different_ids", name)
        records.append((oid, name, names, o))
    for oid, name, names, o in records:
        kept: list[str] = []
        for n in names:
            if n == name or n in kept:
                continue
            if owner.setdefault(n, oid) != oid:
                note("alias_conflicts_organisations", f"{n} ({owner[n]} / {oid})")
                continue
            kept.append(n)
        rows.append([oid, name, "|".join(kept), o.sector, o.country, ""])
    rows.sort(key=lambda r: r[0])
    return rows


# --------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------

HEADER_NOTE = (
    "# Generated by scripts/convert_petrarch.py from the PETRARCH2 actor dictionaries\n"
    "# {files}\n"
    "# (MIT License, Copyright (c) 2014 Open Event Data Alliance). Do not edit by hand.\n"
)


def write_tsv(path: Path, header: list[str], rows: list[list[str]], files: str) -> None:
    """Write a TSV file with the generated-by comment."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(HEADER_NOTE.format(files=files))
        fh.write("\t".join(header) + "\n")
        for r in rows:
            if any("\t" in v or "\n" in v for v in r):
                raise ValueError(f"tab or newline in {r}")
            fh.write("\t".join(r) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Convert the dictionaries and print a summary."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(REPO.parent / "shared"),
                    help="the shared directory holding reference/petrarch2 (default: ../shared)")
    ap.add_argument("--out", default=str(OUT_DIR), help="folder to write the two files to (default: the package)")
    ap.add_argument("--report", action="store_true", help="print examples of every counter")
    args = ap.parse_args(argv)
    src = Path(args.shared) / "reference" / "petrarch2"

    entries: list[Entry] = []
    for fname in (COUNTRIES_FILE, INTERNATIONAL_FILE, MILNONSTATE_FILE):
        raw = read_dictionary(src / fname)
        note(f"entries_read_{fname}", n=len(raw))
        entries.extend(merge_codeless_runs(raw))
    given = build_given_names(entries)
    persons, orgs = classify(entries, given)
    people_rows = build_people(persons)
    org_rows = build_orgs(orgs)

    write_tsv(Path(args.out) / PEOPLE_OUT, ["id", "name", "aliases", "country", "sector", "role", "start", "end"],
              people_rows, f"{COUNTRIES_FILE}, {INTERNATIONAL_FILE}, {MILNONSTATE_FILE}")
    write_tsv(Path(args.out) / ORGS_OUT, ["id", "name", "names", "sector", "country", "parent"], org_rows,
              f"{INTERNATIONAL_FILE}, {MILNONSTATE_FILE}")

    STATS["persons_written"] = len({r[0] for r in people_rows})
    STATS["person_rows_written"] = len(people_rows)
    STATS["organisations_written"] = len(org_rows)
    for key in sorted(STATS):
        print(f"{key:55s} {STATS[key]:7d}")
        if args.report:
            for ex in EXAMPLES.get(key, []):
                print(f"    {ex}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
