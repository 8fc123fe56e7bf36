"""Build the derived event-coding lexicons from the MIT-licensed UniversalPetrarch Arabic dictionaries.

    python -m khabar.extract.eventcoder.build [--src DIR] [--countries FILE]

Writes into ``src/khabar/data/events/``:
- ``up_verbs.tsv``: verb forms with their own CAMEO code in ``CAMEO.ar.0.5.txt``, mapped to PLOVER through
  ``cameo_plover.tsv`` (statements dropped). Only single-word verbs with an explicit code are kept: the noun-pattern
  lines of that file are mostly machine-translated and too noisy to use as they are.
- ``actors_up.tsv``: named actors (``actor_dict_ar_v4.txt``: name -> country + sector, latest dated role),
  generic agents (``agents.all.ar_v3.txt``: single-word lemma -> sector) and countries with derived nationality
  adjectives (``countries.json``, ODbL) -> ISO alpha-3.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Sequence
from pathlib import Path

from khabar.paths import SHARED_DATA
from khabar.resources import data_file
from khabar.text.normalize import normalize

DATA = data_file("events")
SRC = SHARED_DATA / "events/universalpetrarch-arabic"
COUNTRIES = SHARED_DATA / "gazetteers/countries/countries.json"

_CODE = re.compile(r"\[(\d{2,4})\]")
_HEADER = re.compile(r"^---\s+(\S+)\s+\[([-\d]+)\]\s+---")
_ROLE = re.compile(r"\[([A-Z~]{3,12})(?:\s+\d{8}-\d{8})?\]")


def norm(s: str) -> str:
    return normalize(s.replace("_", " ").strip(), ta_marbuta=True).strip()


def load_crosswalk() -> list[tuple[str, str, str]]:
    rows = []
    for line in (DATA / "cameo_plover.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t") + [""]
        rows.append((parts[0], parts[1], parts[2]))
    rows.sort(key=lambda r: -len(r[0]))
    return rows


def to_plover(code: str, cross: list[tuple[str, str, str]]) -> tuple[str, str] | None:
    for prefix, plover, mode in cross:
        if code.startswith(prefix):
            return (plover, mode) if plover != "-" else None
    return None


def build_verbs(src: Path) -> list[tuple[str, str, str, str]]:
    cross = load_crosswalk()
    out: dict[str, tuple[str, str, str, str]] = {}
    in_verbs = False
    for raw in (src / "CAMEO.ar.0.5.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in raw:
            in_verbs = True
            continue
        if not in_verbs or not line.strip():
            continue
        if _HEADER.match(line):
            continue
        if line.lstrip().startswith("-"):
            continue  # noun patterns: too noisy (see module doc)
        words = line.split("[")[0].strip()
        code_m = _CODE.search(line)
        # Only a verb line's own code: block headers group loose synonyms whose codes do not carry over.
        code = code_m.group(1) if code_m else ""
        if not code.isdigit() or "+" in words or " " in words:
            continue
        mapped = to_plover(code, cross)
        form = norm(words)
        if mapped and len(form) >= 3:
            out.setdefault(form, (form, mapped[0], code, mapped[1]))
    return sorted(out.values())


def _adjectives(name: str) -> list[str]:
    """Nationality adjectives from an Arabic country name (مصر -> مصري, سوريا -> سوري, ...)."""
    base = name
    if base.startswith("ال"):
        base = base[2:]
    for tail in ("يا", "ا", "ه"):
        if base.endswith(tail) and len(base) - len(tail) >= 3:
            base = base[: -len(tail)]
            break
    return [base + "ي", base + "يه", base + "يون", base + "يين", base + "يا"]


def build_actors(src: Path, countries: Path) -> list[tuple[str, str, str, str]]:
    rows: dict[str, tuple[str, str, str, str]] = {}
    # Countries and their nationality adjectives.
    if countries.exists():
        for c in json.loads(countries.read_text(encoding="utf-8")):
            ara = c.get("translations", {}).get("ara", {})
            iso = c.get("cca3", "")
            for country_name in {ara.get("common", ""), ara.get("official", "")}:
                n = norm(country_name)
                if not n or " " in n and len(n.split()) > 3:
                    continue
                rows.setdefault(n, (n, iso, "", "country"))
                if " " not in n:
                    for adj in _adjectives(n):
                        rows.setdefault(adj, (adj, iso, "", "adjective"))
    # Named actors: the latest dated role gives country + sector.
    name: str | None = None
    for raw in (src / "actor_dict_ar_v4.txt").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        roles = _ROLE.findall(raw)
        if not raw[0].isspace():
            name = norm(raw.split("[")[0])
        if name and roles and len(name) >= 3:
            code = roles[-1].lstrip("~")
            country, sector = (code[:3], code[3:6]) if len(code) >= 6 or code[:3] not in SECTORS else ("", code[:3])
            if len(code) == 3 and code not in SECTORS:
                country, sector = code, ""
            rows.setdefault(name, (name, country, sector, "named"))
    # Generic agents (single-word lemmas only: multi-word entries are lemmatised phrases that rarely match text).
    for raw in (src / "agents.all.ar_v3.txt").read_text(encoding="utf-8").splitlines():
        m = _ROLE.search(raw)
        word = raw.split("[")[0].strip()
        if not m or not word or "_" in word.strip("_") or raw.startswith("#"):
            continue
        n = norm(word)
        if len(n) >= 3:
            rows.setdefault(n, (n, "", m.group(1).lstrip("~")[:3], "agent"))
    return sorted(rows.values())


SECTORS = {
    "GOV", "MIL", "COP", "JUD", "LEG", "PTY", "REB", "BUS", "MED", "NGO", "IGO", "CVL", "OPP", "UAF", "IMG",
    "CRM", "EDU", "LAB", "REL", "REF", "HLH", "AGR", "ELI", "SPY", "MUS", "CHR", "JEW", "DEV", "ENV", "SEP",
}


def write(path: Path, header: str, rows: Sequence[tuple[str, ...]]) -> None:
    lines = [header] + ["\t".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=SRC)
    ap.add_argument("--countries", type=Path, default=COUNTRIES)
    args = ap.parse_args()
    verbs = build_verbs(args.src)
    write(DATA / "up_verbs.tsv", "# generated by khabar.extract.eventcoder.build from UniversalPetrarch (MIT)\n"
          "# form\tplover\tcameo\tmode", verbs)
    actors = build_actors(args.src, args.countries)
    write(DATA / "actors_up.tsv", "# generated by khabar.extract.eventcoder.build from UniversalPetrarch (MIT) and "
          "countries.json (ODbL)\n# form\tcountry\tsector\tkind", actors)
    print(f"{len(verbs)} verbs, {len(actors)} actors -> {DATA}")


if __name__ == "__main__":
    main()
