"""The Arabic text layer: everything here adds spans; ``Document.text`` is never changed.

* :mod:`khabar.text.normalize` — ``normalize(s, *, keep_hamza=False, ta_marbuta=False)`` for matching, and
  ``normalize_map(s)`` (normalised string + offset map back to ``s``) for search and gazetteer matching;
* :mod:`khabar.text.tokenize` — typed tokens in one regex pass (``iter_tokens``/``tokenize_spans``);
* :mod:`khabar.text.segment` — rule-based clitic segmentation from corpus frequencies (``segment``);
* :mod:`khabar.text.sentences` — news sentence splitting (``split_sentences``);
* :mod:`khabar.text.dateline` — ``detect_dateline``;
* :mod:`khabar.text.stage` — the pipeline stages normalize / tokenize / sentences / dateline
  (``tokenize_text`` returns filled :class:`~khabar.document.Token` objects);
* :mod:`khabar.text.build_lexicon` — rebuilds ``data/text/word_freq.tsv.gz`` from a news corpus.

Submodules are imported explicitly (no imports here) so that importing one of them stays cheap.
"""
