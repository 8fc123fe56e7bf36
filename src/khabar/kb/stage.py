"""Pipeline stage ``resolve``: merge NER mentions into entities and link them to the KB."""

from __future__ import annotations

from khabar.document import Document
from khabar.kb.resolve import Resolver
from khabar.pipeline import register

_RESOLVER: Resolver | None = None


@register("resolve", requires=["mentions"], provides=["entities"])
def resolve_stage(doc: Document) -> None:
    global _RESOLVER
    if _RESOLVER is None:
        _RESOLVER = Resolver()
    _RESOLVER(doc)
