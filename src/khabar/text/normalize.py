"""Orthographic normalisation for matching (placeholder; the text-layer work extends it).

``normalize(s)`` never touches the document text: it returns a new string used for matching
(search keys, gazetteer lookups, lexicon matches).
"""

from __future__ import annotations

import re

_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_TABLE = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", **{chr(0x0660 + i): str(i) for i in range(10)},
     **{chr(0x06F0 + i): str(i) for i in range(10)}}
)


def normalize(s: str, *, keep_hamza: bool = False, ta_marbuta: bool = False) -> str:
    """Matching form: no diacritics/tatweel, alef variants → ا, ى → ي, digits → ASCII; ة → ه if ``ta_marbuta``."""
    s = _DIACRITICS.sub("", s)
    s = s.translate(_TABLE) if not keep_hamza else s.replace("ى", "ي")
    if ta_marbuta:
        s = s.replace("ة", "ه")
    return s
