"""Pick the second blind evaluation set (entities, quotes, times, events) from ANT v2.1 by a fixed rule.

Rule: internationalNews/middleEast articles of 700–2,200 characters whose id appears nowhere in the repository
(demo corpus, tests/data, bench, the first blind set included), ordered by sha1("khabar-blind2-2026:" + id); the
first 4 of each of the five outlets (20 articles). Writes the ids to bench/blind2/ids.txt.
Run: python bench/blind2/pick_articles.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from ant_picker import pick, used_ids, write_ids  # noqa: E402


def main() -> None:
    used = used_ids(lambda p: p.name == "ids.txt" and p.parent.name == "blind2")
    chosen = pick(categories=("internationalNews", "middleEast"), chars=(700, 2200), salt="khabar-blind2-2026:", per_source=4,
                  used=used)
    write_ids(Path(__file__).parent, chosen, used)


if __name__ == "__main__":
    main()
