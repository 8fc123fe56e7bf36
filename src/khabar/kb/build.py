"""Reproducible KB build: ``khabar kb build`` → ``src/khabar/kb/data/kb.json.gz``.

Inputs (all read-only):
- ``sources/curated.jsonl``: hand-written entities (leaders with dated roles, IGOs, armed groups, parties,
  news agencies, places), QIDs only where certain;
- ``sources/countries_ar.tsv``: QIDs, extra Arabic names, nationality adjectives and Arabic capitals;
- ``sources/country_qids.tsv``: a QID for every other country (from dr5hn/countries-states-cities-database, ODbL);
- ``gazetteers/countries/countries.json`` (ODbL): every country's Arabic name, ISO-3, English capital;
- UniversalPetrarch ``actor_dict_ar_v4.txt`` / ``agents.all.ar_v3.txt`` (MIT): actor codes for names and
  sector words (only used for country/sector codes, never to link);
- ANERGazet (research use): type hints only (PER/LOC/ORG) for names the KB does not know;
- ``sources/titles.json``, ``sources/gaz_stop.txt``: role titles and gazetteer stop list;
- ``sources/national_teams.tsv``: one national football team per country («منتخب مصر»), QIDs where certain;
- ``sources/news_names.jsonl``: the most-mentioned names in ANT v2.1 (``khabar kb candidates``), curated format.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import unicodedata
from pathlib import Path
from typing import Any

from khabar.kb.kb import DATA_DIR, KB_FILE, SOURCES_DIR, kb_key, read_jsonl
from khabar.paths import SHARED_DATA

DEFAULT_SHARED = Path(os.environ.get("KHABAR_SHARED_DATA", str(SHARED_DATA)))
_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "REB", "BUS", "MED", "NGO", "IGO", "CVL", "OPP", "SPY",
            "REL", "EDU", "LAB", "ELI", "REF", "HLH", "AGR", "CRM", "UAF", "IMG", "MOD", "RAD", "ENV", "DEV"}
# Sector words the agents file spells in lemma form; the surface forms news uses, curated here.
_SECTOR_WORDS = {
    "قوات": "MIL", "القوات": "MIL", "قوة": "MIL", "جيش": "MIL", "الجيش": "MIL", "جنود": "MIL", "الجنود": "MIL",
    "العسكرية": "MIL", "البحرية": "MIL", "سلاح الجو": "MIL",
    "حكومة": "GOV", "الحكومة": "GOV", "وزارة": "GOV", "الوزارة": "GOV", "وزير": "GOV", "وزيرة": "GOV",
    "الخارجية": "GOV", "السلطات": "GOV", "سلطات": "GOV", "الرئاسة": "GOV", "رئاسة": "GOV",
    "شرطة": "COP", "الشرطة": "COP", "الأمن": "COP", "قوات الأمن": "COP",
    "برلمان": "LEG", "البرلمان": "LEG", "مجلس النواب": "LEG", "الكونغرس": "LEG",
    "محكمة": "JUD", "المحكمة": "JUD", "القضاء": "JUD",
    "المعارضة": "OPP", "معارضة": "OPP", "المتمردين": "REB", "متمردين": "REB", "المتمردون": "REB",
    "مسلحين": "REB", "المسلحين": "REB", "المسلحون": "REB", "ميليشيا": "REB", "ميليشيات": "REB",
    "حزب": "PTY", "الحزب": "PTY", "شركة": "BUS", "الشركة": "BUS", "شركات": "BUS",
    "وكالة": "MED", "صحيفة": "MED", "قناة": "MED", "التلفزيون": "MED",
}


def _slug(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_")


def nisba_forms(adj: str) -> set[str]:
    """Surface forms of a nationality adjective: روسي → روسي، روسية، الروسي، الروسية، الروسيين، روسيون …"""
    words = adj.split()
    out: set[str] = set()
    for suffix in ("", "ة", "ين", "ون", "ان", "تين"):
        for al in ("", "ال"):
            out.add(" ".join(al + w + suffix for w in words))
    return out


def auto_nisba(name: str) -> str | None:
    """A guessed adjective for a one-word country name (روسيا → روسي); None when unsafe."""
    n = name[2:] if name.startswith("ال") else name
    if " " in n or len(n) < 3:
        return None
    if n.endswith("يا"):
        return n[:-2] + "ي"
    if n.endswith("ا"):
        return n[:-1] + "ي"
    return n + "ي"


def _countries(shared: Path, entities: list[dict[str, Any]], adjectives: dict[str, str]) -> None:
    rows = {}
    for line in (SOURCES_DIR / "countries_ar.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        iso, qid, alias_field, adjs, caps, capqid = line.split("\t")
        rows[iso] = (qid, alias_field, adjs, caps, capqid)
    # QIDs for the countries countries_ar.tsv has none for (source and cross-check in the file's header)
    qids = {}
    for line in (SOURCES_DIR / "country_qids.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            iso, qid = line.split("\t")[:2]
            qids[iso] = qid
    teams: dict[str, str] = {}
    for line in (SOURCES_DIR / "national_teams.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            iso, qid = line.split("\t")[:2]
            if qid != "-":
                teams[iso] = qid
    data = json.loads((shared / "gazetteers/countries/countries.json").read_text(encoding="utf-8"))
    for c in data:
        iso = c["cca3"]
        ar = c["translations"].get("ara", {})
        names = {ar.get("common"), ar.get("official")} - {None, ""}
        qid, extra, adjs, caps, capqid = rows.get(iso, ("-", "", "", "-", "-"))
        if qid == "-":
            qid = qids.get(iso, "-")
        names |= {n for n in extra.split("|") if n}
        common = ar.get("common") or c["name"]["common"]
        en = c["name"]["common"]
        aliases = sorted(names - {common})
        entities.append({"id": _slug(en), "type": "LOC", "en": en, "ar": common, "qid": None if qid == "-" else qid,
                         "country": iso, "sector": None, "aliases": aliases, "is_country": True,
                         "source": "countries"})
        adj_list = [a for a in adjs.split("|") if a and a != "-"]
        if not adj_list and iso not in rows:
            guess = auto_nisba(common)
            adj_list = [guess] if guess else []
        for a in adj_list:
            for f in nisba_forms(a):
                adjectives.setdefault(kb_key(f), iso)
        team_names = [n for n in [common, *aliases] if n and not n.startswith("جمهورية") and len(n.split()) <= 3]
        entities.append({"id": _slug(en) + "_national_team", "type": "ORG", "en": f"{en} national football team",
                         "ar": "منتخب " + common, "qid": teams.get(iso), "country": iso, "sector": None,
                         "aliases": sorted({"منتخب " + v for n in team_names for v in (n, n[2:] if n.startswith("ال")
                                                                              else "ال" + n) if len(v) > 2}
                                           - {"منتخب " + common}),
                         "source": "national_teams"})
        cap_names = [n for n in caps.split("|") if n and n != "-"]
        if cap_names and c.get("capital"):
            cap_en = c["capital"][0]
            entities.append({"id": _slug(cap_en) + "_city", "type": "LOC", "en": cap_en, "ar": cap_names[0],
                             "qid": None if capqid == "-" else capqid, "country": iso, "sector": None,
                             "aliases": cap_names[1:], "capital_of": iso, "source": "countries"})


def _add_variants(entities: list[dict[str, Any]]) -> int:
    """Spelling variants (rules + ANT evidence, ``sources/name_variants.tsv``) of each name as extra aliases."""
    from khabar.kb.variants import expand_aliases, read_variants

    table = read_variants()
    if not table:
        return 0
    n = 0
    for e in entities:
        if e.get("type") not in ("PER", "ORG", "LOC"):
            continue
        names = [x for x in [e.get("ar"), *(e.get("aliases") or [])] if x]
        extra = expand_aliases(names, table)
        if extra:
            e["aliases"] = [*(e.get("aliases") or []), *extra]
            n += len(extra)
    return n


def _petrarch(shared: Path) -> tuple[dict[str, list[str | None]], dict[str, str]]:
    """Actor codes for names (``فلاديمير_بوتين_`` → RUS/GOV) and single-word sector agents."""
    base = shared / "events/universalpetrarch-arabic"
    actors: dict[str, list[str | None]] = {}
    name: str | None = None
    code_re = re.compile(r"\[([A-Z~]{3,15})")
    for line in (base / "actor_dict_ar_v4.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith("\t"):
            name = kb_key(line.split("[")[0].replace("_", " "))
        m = code_re.search(line)
        if name and m:
            code = m.group(1)
            country, sector = code[:3], code[3:6] or None
            if country in _SECTORS:  # code without a country: a sector
                country, sector = None, country
            if sector not in _SECTORS:
                sector = None
            actors[name] = [country, sector]  # later (newer) lines win
    sectors: dict[str, str] = {}
    for line in (base / "agents.all.ar_v3.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([^\s#\[]+)\s*\[~([A-Z]{3})", line)
        if m and "_" not in m.group(1) and m.group(2) in _SECTORS:
            sectors.setdefault(kb_key(m.group(1)), m.group(2))
    for w, s in _SECTOR_WORDS.items():
        sectors[kb_key(w)] = s
    return actors, sectors


def _anergazet(shared: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for fname, typ in (("AlignedPersGazetteer.txt", "PER"), ("AlignedLocGazetteer.txt", "LOC"),
                       ("AlignedOrgGazetteer.txt", "ORG")):
        p = shared / "gazetteers/anergazet" / fname
        if not p.exists():
            continue
        for line in p.read_text(encoding="utf-8", errors="replace").splitlines():
            k = kb_key(line)
            if k and not k.startswith("=") and len(k) > 2:
                out.setdefault(k, typ)
    return out


def build(shared: Path = DEFAULT_SHARED, out: Path = KB_FILE, anergazet: bool = False,
          variants: bool = True) -> dict[str, Any]:
    """Build the KB and write it; returns summary counts. ``variants``: add the corpus-backed spelling variants of
    ``sources/name_variants.tsv`` (``khabar kb variants``) to the names' aliases."""
    entities: list[dict[str, Any]] = []
    adjectives: dict[str, str] = {}
    _countries(shared, entities, adjectives)
    seen = {e["id"] for e in entities}
    news = SOURCES_DIR / "news_names.jsonl"
    for d in [*read_jsonl(SOURCES_DIR / "curated.jsonl"), *(read_jsonl(news) if news.exists() else [])]:
        d = dict(d, source="curated")
        if d["id"] in seen:
            d["id"] += "_x"
        seen.add(d["id"])
        entities.append(d)
    n_variants = _add_variants(entities) if variants else 0
    actors, sectors = _petrarch(shared)
    titles = json.loads((SOURCES_DIR / "titles.json").read_text(encoding="utf-8"))
    stop = [kb_key(w) for w in (SOURCES_DIR / "gaz_stop.txt").read_text(encoding="utf-8").splitlines()
            if w.strip() and not w.startswith("#")]
    body = {
        "version": 1,
        "entities": entities,
        "adjectives": dict(sorted(adjectives.items())),
        "sector_words": dict(sorted(sectors.items())),
        "actors": dict(sorted(actors.items())),
        "type_hints": dict(sorted(_anergazet(shared).items())) if anergazet else {},
        "titles": titles["titles"],
        "group_words": titles["group_words"],
        "honorifics": titles.get("honorifics", []),
        "place_cues": titles["capital_place_cues"],
        "gaz_stop": sorted(set(stop)),
    }
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(body, ensure_ascii=False, separators=(",", ":"), sort_keys=False).encode("utf-8")
    # mtime=0 keeps the gzip bytes reproducible.
    with open(out, "wb") as fh, gzip.GzipFile(filename="", fileobj=fh, mode="wb", mtime=0) as gz:
        gz.write(raw)
    return {"entities": len(entities), "with_qid": sum(1 for e in entities if e.get("qid")),
            "curated": sum(1 for e in entities if e.get("source") == "curated"),
            "variant_aliases": n_variants,
            "adjectives": len(adjectives), "actors": len(actors), "sector_words": len(sectors),
            "type_hints": len(body["type_hints"]), "bytes": out.stat().st_size}
