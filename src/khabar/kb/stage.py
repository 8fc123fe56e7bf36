"""Pipeline stage ``resolve``: merge the NER mentions (``Document.mentions``) into entities and link them to the KB."""

from __future__ import annotations

from khabar.document import Document
from khabar.kb.kb import KB
from khabar.kb.resolve import Resolver


class ResolveStage:
    """One :class:`Resolver` per stage object (it keeps per-document state while it runs)."""

    def __init__(self, kb: KB | None = None) -> None:
        self.resolver = Resolver(kb)

    def __call__(self, doc: Document) -> None:
        self.resolver(doc)
