"""Training the CRF NER model from the shared corpora (``khabar train ner``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pycrfsuite

from khabar.models.ner.conll import Sentence, read_conll, read_fane
from khabar.models.ner.features import DATA_DIR, Featurizer

DOC_WINDOW = 20  # sentences per pseudo-document in CoNLL files (training and evaluation alike)


def load_training(shared: Path, *, dev_fraction: float = 0.1, full: bool = False,
                  extra: bool = True, fane: int = 0) -> tuple[list[Sentence], list[Sentence], list[Sentence]]:
    """(train, extra, dev): ANERcorp train with its last ``dev_fraction`` held out as dev (unless ``full``), plus
    AQMAR train+dev and the Wojood sample train+val (outer tag column) when ``extra``, plus the first ``fane``
    sentences of WikiFANE folded to four types, evenly spaced over the file (-1 = all of it). NewsFANE is not used: it is ANERcorp's own
    training text (dev cut included) with other conventions."""
    ner = shared / "data/ner"
    aner = read_conll(ner / "anercorp/train.txt")
    cut = len(aner) if full else int(len(aner) * (1 - dev_fraction))
    train, dev = aner[:cut], aner[cut:]
    more: list[Sentence] = []
    if extra:
        for p in ("aqmar/train.txt", "aqmar/dev.txt", "wojood-sample/train.txt", "wojood-sample/val.txt"):
            if (ner / p).exists():
                more += read_conll(ner / p)
    wiki = ner / "fane/wikifane.txt.gz"
    if fane and wiki.exists():
        sents = read_fane(wiki)
        step = 1 if fane < 0 or fane >= len(sents) else len(sents) / fane
        # evenly spaced over the file (it runs article by article): many topics rather than the first few
        more += sents if step == 1 else [sents[int(k * step)] for k in range(fane)]
    return train, more, dev


def train_model(train: list[Sentence], out: Path, *, extra: list[Sentence] | None = None, c1: float = 0.05, c2: float = 0.05,
                max_iter: int = 150, min_freq: int = 1, data_dir: Path = DATA_DIR, doc_features: bool = False,
                log: Callable[[str], None] = print) -> None:
    feat = Featurizer(data_dir)
    feat.doc_features = doc_features
    trainer = pycrfsuite.Trainer(verbose=False)
    t0 = time.time()
    # ANERcorp has no document breaks: runs of DOC_WINDOW sentences stand in for documents (as at evaluation)
    for k in range(0, len(train), DOC_WINDOW):
        part = train[k: k + DOC_WINDOW]
        for seq, (_, tags) in zip(feat.document([t for t, _ in part]), part, strict=True):
            trainer.append(seq, tags)
    # Other corpora follow other conventions (AQMAR tags روسيا as ORG in places): "frustratingly easy" domain
    # adaptation — their items also carry a domain-marked copy of every feature, which soaks up what is peculiar
    # to them; the tagger only ever sees the shared copies.
    extra = extra or []
    for k in range(0, len(extra), DOC_WINDOW):
        part = extra[k: k + DOC_WINDOW]
        for seq, (_, tags) in zip(feat.document([t for t, _ in part]), part, strict=True):
            trainer.append([[*f, *("X" + x for x in f)] for f in seq], tags)
    log(f"features for {len(train):,} sentences ({sum(len(t) for t, _ in train):,} tokens) "
        f"in {time.time() - t0:.0f}s")
    trainer.set_params({
        "c1": c1, "c2": c2, "max_iterations": max_iter, "feature.minfreq": min_freq,
        "feature.possible_transitions": True,
    })
    trainer.train(str(out))
    log(f"trained in {time.time() - t0:.0f}s → {out} ({out.stat().st_size / 1e6:.1f} MB)")
