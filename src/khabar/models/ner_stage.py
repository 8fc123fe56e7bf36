"""The "ner" pipeline stage: a CRF tagger fills ``Document.mentions`` with the raw name mentions."""

from __future__ import annotations

from pathlib import Path

from khabar.document import Document
from khabar.models.ner.mentions import named_mentions, tag_mentions
from khabar.models.ner.tagger import MODEL_PATH, NerTagger


def load_tagger(model_path: str | Path | None = None) -> NerTagger:
    """A tagger of its own for one stage object (a crfsuite tagger must not be shared between threads)."""
    return NerTagger(model_path=Path(model_path) if model_path else MODEL_PATH)


class NerStage:
    def __init__(self, tagger: NerTagger) -> None:
        self.tagger = tagger

    def __call__(self, doc: Document) -> None:
        doc.mentions = named_mentions(doc, tag_mentions(doc, self.tagger)) if doc.tokens else []
