"""Pick the blind evaluation articles (events, quotes, times) from ANT v2.1 by a fixed rule.

Rule: internationalNews/middleEast articles of 700–2,200 characters whose id appears nowhere in the repository
(demo corpus, tests/data, bench), ordered by sha1("khabar-blind-2026:" + id); the first 6 of each of the five
outlets (30 articles). Writes the ids to bench/blind/ids.txt. Run: python bench/blind/pick_articles.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from ant_picker import pick, used_ids, write_ids  # noqa: E402


def main() -> None:
    used = used_ids(lambda p: p.name == "ids.txt" and p.parent.name == "blind")
    chosen = pick(categories=("internationalNews", "middleEast"), chars=(700, 2200), salt="khabar-blind-2026:", per_source=6,
                  used=used)
    write_ids(Path(__file__).parent, chosen, used)


if __name__ == "__main__":
    main()
