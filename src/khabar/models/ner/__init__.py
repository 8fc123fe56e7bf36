"""Arabic named-entity recognition (PER, ORG, LOC, MISC): a CRF tagger with news-corpus clusters, gazetteers and
a silver lexicon, plus document-level repairs. See ``NER_MODEL_CARD.md`` for data, licences and scores."""

from khabar.models.ner.tagger import NerTagger, default_tagger

__all__ = ["NerTagger", "default_tagger"]
