"""The "ner" pipeline stage: the shipped tagger fills ``Document.mentions`` with the raw name mentions."""

from __future__ import annotations

from pathlib import Path

from khabar.document import Document
from khabar.models.ner.mentions import named_mentions, tag_mentions
from khabar.models.ner.tagger import NerTagger, Tagger, load_shipped


def load_tagger(model_path: str | Path | None = None) -> Tagger:
    """A tagger of its own for one stage object (a crfsuite tagger must not be shared between threads): the
    shipped one by default (the BiLSTM-CRF with the CRF as second expert); a path names another model — a
    ``.npz`` neural tagger (its ``.json`` beside it; the network alone) or a ``.crfsuite`` CRF."""
    if model_path is None:
        return load_shipped()
    path = Path(model_path)
    if path.suffix == ".npz":
        from khabar.models.ner.neural import NeuralTagger

        return NeuralTagger(path)
    return NerTagger(model_path=path)


class NerStage:
    def __init__(self, tagger: Tagger) -> None:
        self.tagger = tagger

    def __call__(self, doc: Document) -> None:
        doc.mentions = named_mentions(doc, tag_mentions(doc, self.tagger)) if doc.tokens else []
