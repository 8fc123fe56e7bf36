"""Build the issue-17 FRESH times set: 6 ANT v2.1 articles (Apache-2.0) drawn at random (seed 1717) among
international/middle-east/economy articles of 900-2,200 characters that are not in bench/blind/ids.txt, not in an
earlier set, and hold none of the issue's example phrases; hand-annotated for times only by reading the articles
BEFORE the extractor was run on them (by the helper who wrote the issue-17 code, so not an independent check),
then scored once (bench/dates_fresh_firstrun.txt).

Conventions as in the quotes/times sets: spans overlap-matched, ages and "بعد أسبوع"-style offsets optional,
definite plural periods (الأعوام الأخيرة) are PAST_REF, «حتى وقت كتابة هذه السطور» optional PRESENT_REF.
No entities or quotes are annotated: read only the time rows of ``khabar eval quotes-times``.

Run: .venv/bin/python bench/dates_freshset.py [OUT_DIR]  (writes tests/data/dates_fresh/*.json by default)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quotes_times_common import ROOT, build, write_set  # noqa: E402

OUT = ROOT / "tests" / "data" / "dates_fresh"
T: dict[str, dict] = {}

T["BB-middleEast-581-20180604"] = {
    "entities": {},
    "times": [
        ("أربعة أيام", 0, "DURATION", "P4D", False),
        ("الأعوام الأخيرة", 0, "DATE", "PAST_REF", False),
    ],
    "quotes": [],
}

T["CN-middleEast-242-20180311"] = {
    "entities": {},
    "times": [
        ("السبت", 0, "DATE", "2018-03-10", False),
        ("الأسبوعين الأولين", 0, "DURATION", "P2W", False),
        ("18 فبراير/ شباط", 0, "DATE", "2018-02-18", False),
    ],
    "quotes": [],
}

T["CN-middleEast-1337-20180909"] = {
    "entities": {},
    "times": [
        ("السبت", 0, "DATE", "2018-09-08", False),
        ("الأحد", 0, "DATE", "2018-09-09", False),
        ("8 سبتمبر/أيلول", 0, "DATE", "2018-09-08", False),
        ("عام 1949", 0, "DATE", "1949", False),
        ("حتى وقت كتابة هذه السطور", 0, "DATE", "PRESENT_REF", True),
        ("الأحد", 1, "DATE", "2018-09-09", False),
        ("الجمعة", 0, "DATE", "2018-09-07", False),
        ("الأحد", 2, "DATE", "2018-09-09", False),
        ("الأحد", 3, "DATE", "2018-09-09", False),
        ("السبت", 1, "DATE", "2018-09-08", False),
    ],
    "quotes": [],
}

T["BB-internationalNews-1055-20180904"] = {
    "entities": {},
    "times": [
        ("يوم 3 سبتمبر/أيلول", 0, "DATE", "2018-09-03", False),
    ],
    "quotes": [],
}

T["AL-internationalNews-1264-20180521"] = {
    "entities": {},
    "times": [
        ("الاثنين", 0, "DATE", "2018-05-21", False),
        ("بعد أسبوع", 0, "DURATION", "P1W", True),
    ],
    "quotes": [],
}

T["SK-middleEast-1281-20180427"] = {
    "entities": {},
    "times": [
        ("عام 2011", 0, "DATE", "2011", False),
        ("العام الماضي", 0, "DATE", "2017", False),
        ("عام 2017", 0, "DATE", "2017", False),
        ("حتى الآن", 0, "DATE", "PRESENT_REF", True),
        ("نوفمبر 2011", 0, "DATE", "2011-11", False),
    ],
    "quotes": [],
}

if __name__ == "__main__":
    write_set(T, OUT, build, layers=("times",))
