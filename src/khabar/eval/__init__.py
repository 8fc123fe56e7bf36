"""Evaluation against gold data. ``score_documents`` is the document-level scorer behind ``khabar eval docs``."""

from khabar.eval.docs import headline, load_gold, read_documents, score_documents

__all__ = ["headline", "load_gold", "read_documents", "score_documents"]
