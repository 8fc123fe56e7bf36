"""Pipeline stage ``times``: TIMEX3 DATE/TIME/DURATION/SET expressions with ISO values.

Relative expressions (أمس، يوم الأحد، الشهر الماضي …) are resolved against ``meta.published``; a document
without a usable publication date gets ``meta.time_anchor = None`` plus a note, and relative values stay null.
"""

from __future__ import annotations

from khabar.document import Document, TimeExpression
from khabar.extract.timex.rules import parse_anchor, recognizer
from khabar.pipeline import register


def extract_times(text: str, published: str | None) -> list[TimeExpression]:
    """Time expressions of ``text`` (offsets into ``text``), resolved against ``published`` if given."""
    anchor = parse_anchor(published)
    out = []
    for tx in recognizer().find(text, anchor):
        out.append(TimeExpression(tx.start, tx.end, text[tx.start : tx.end], tx.type, tx.value, dict(tx.extra)))
    return out


@register("times", requires=["tokens"], provides=["times"])
def times_stage(doc: Document) -> None:
    anchor = parse_anchor(doc.meta.get("published"))
    doc.meta["time_anchor"] = anchor.isoformat() if anchor else None
    if anchor is None:
        doc.meta["time_anchor_note"] = "no publication date: relative time expressions are left unresolved"
    doc.times = extract_times(doc.text, anchor.isoformat() if anchor else None)
