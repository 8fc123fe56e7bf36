"""The "ner" pipeline stage: the packaged CRF tagger fills ``doc.entities`` with one entity per mention."""

from __future__ import annotations

from khabar.document import Document
from khabar.models.ner.mentions import fill_entities, tag_mentions
from khabar.models.ner.tagger import default_tagger
from khabar.pipeline import register


@register("ner", requires=["tokens"], provides=["mentions"])
def ner_stage(doc: Document) -> None:
    tagger = default_tagger()
    if tagger is None or not doc.tokens:  # no model shipped (e.g. a bare checkout before training)
        return
    fill_entities(doc, tag_mentions(doc, tagger))
