"""Evaluation against gold data — the one place khabar scores itself; stage packages never import it.

* :mod:`khabar.eval.metrics` — precision / recall / F1, computed once for every scorer below;
* :mod:`khabar.eval.docs` — whole khabar/1 documents (``khabar eval docs``), with :mod:`khabar.eval.matching`;
* :mod:`khabar.eval.kb` — entity resolution and linking (``khabar kb eval``);
* :mod:`khabar.eval.ner` — NER chunks (``khabar eval ner``) and mentions (``khabar eval ner-mentions``);
* :mod:`khabar.eval.times_quotes` — times and quotes layers (``khabar eval quotes-times``, ``timex-omani``);
* :mod:`khabar.eval.events_gsr` — events on the GSR sentences (``khabar eval gsr``);
* :mod:`khabar.eval.morph` with :mod:`khabar.eval.morph_align` — morphology, CoNLL 2018 style (``khabar eval morph``).
"""

from khabar.eval.docs import headline, load_gold, read_documents, score_documents

__all__ = ["headline", "load_gold", "read_documents", "score_documents"]
