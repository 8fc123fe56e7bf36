"""Pick the fresh KB dev set (issue 13, entities found + linking) from ANT v2.1 by a fixed rule.

Rule: economy/sport/culture articles (never internationalNews/middleEast: those feed the blind sets) of 500–1,200
characters whose id appears nowhere in the repository's tracked files (demo corpus, tests/data, bench, the blind
sets included), ordered by sha1("khabar-kbfresh-2026:" + id); the first 3 of each of the five outlets (15
articles). Writes the ids to bench/kb_fresh/ids.txt. The gold files were annotated by hand before khabar ran on them.
Run: python bench/kb_fresh/pick_articles.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from ant_picker import pick, used_ids, write_ids  # noqa: E402


def main() -> None:
    used = used_ids(lambda p: p.parent.name == "kb_fresh")
    chosen = pick(categories=("economy", "sport", "culture"), chars=(500, 1200), salt="khabar-kbfresh-2026:", per_source=3,
                  used=used)
    write_ids(Path(__file__).parent, chosen, used)


if __name__ == "__main__":
    main()
