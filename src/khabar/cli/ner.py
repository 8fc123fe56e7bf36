"""``khabar train ner``, ``khabar eval ner CONLL`` and ``khabar bench ner``."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from khabar.cli.apps import bench_app, eval_app, fail, train_app
from khabar.paths import SEED_DIR, SHARED

if TYPE_CHECKING:
    from khabar.models.ner.tagger import Tagger

_SHARED = SHARED


def tag_windows(tagger: Tagger, sents: list[list[str]], window: int) -> list[list[str]]:
    """Tag CoNLL sentences as pseudo-documents of ``window`` sentences (the files have no document breaks):
    document features and document repairs see one window at a time; window 1 = sentence by sentence."""
    from khabar.models.ner.docfix import refine

    tags: list[list[str]] = []
    for k in range(0, len(sents), max(1, window)):
        part = sents[k: k + max(1, window)]
        if window > 1:
            got = tagger.tag_doc(part)
            refine(part, got, tagger.features)
        else:
            got = [tagger.tag(t) for t in part]
        tags.extend(got)
    return tags


@train_app.command("vectors")
def train_vectors_cmd(
    shared: Annotated[Path, typer.Option(help="The shared data folder (data/news, data/ner/fane).")] = _SHARED,
    out: Annotated[Path | None, typer.Option(help="File to write (default: the packaged models/vectors/vectors.npz).")] = None,
    dim: Annotated[int, typer.Option(help="Vector size.")] = 100,
    vocab: Annotated[int, typer.Option(help="Most frequent words kept.")] = 80_000,
    buckets: Annotated[int, typer.Option(help="Hashed character n-gram buckets (the vectors of unknown words).")] = 40_000,
    epochs: Annotated[int, typer.Option(help="Training epochs.")] = 5,
    limit_docs: Annotated[int | None, typer.Option(help="Read only this many articles per news file (tests).")] = None,
) -> None:
    """Subword word vectors (fastText CBOW, gensim; `pip install -e .[train]`) on ANT v2.1, ANT v1.1 and the
    WikiFANE text, in khabar's token view; pruned, float16."""
    from khabar.models.vectors import VECTORS_PATH
    from khabar.models.vectors_train import train_vectors

    if not (shared / "data/news").exists():
        raise fail(f"{shared}/data/news not found (use --shared)")
    train_vectors(shared, out or VECTORS_PATH, dim=dim, vocab=vocab, buckets=buckets, epochs=epochs,
                  limit_docs=limit_docs, log=typer.echo)


@train_app.command("ner-neural")
def train_ner_neural(
    shared: Annotated[Path, typer.Option(help="The shared data folder (data/ner).")] = _SHARED,
    out: Annotated[Path | None, typer.Option(help="Model file to write (default: the packaged neural.npz; its .json beside it).")] = None,
    full: Annotated[bool, typer.Option(help="Train on all of ANERcorp train (no dev cut, no early stopping: runs --epochs).")] = False,
    fane: Annotated[int, typer.Option(help="WikiFANE sentences to add (evenly spaced; -1 = all, 0 = none).")] = -1,
    aqmar: Annotated[bool, typer.Option(help="Add AQMAR train+dev.")] = True,
    wojood: Annotated[bool, typer.Option(help="Add the Wojood sample train+val.")] = True,
    epochs: Annotated[int, typer.Option(help="Epochs (the best on dev is kept).")] = 12,
    hidden: Annotated[int, typer.Option(help="LSTM units per direction.")] = 100,
    batch: Annotated[int, typer.Option(help="Sentences per batch.")] = 32,
    dropout: Annotated[float, typer.Option(help="Dropout on the LSTM input and output.")] = 0.5,
    max_minutes: Annotated[float, typer.Option(help="Stop after the epoch that passes this wall-clock budget.")] = 40.0,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 1,
    crf_weight: Annotated[float, typer.Option(help="Weight of the shipped CRF's marginals in the ensemble decision, written to the model's .json (0 = the network alone).")] = 0.0,
) -> None:
    """Train the neural tagger (char CNN + shared word vectors + CRF word features → BiLSTM → CRF; PyTorch on
    CPU, `pip install -e .[train]`) on ANERcorp train minus its last 10 % (the dev split, scored every epoch; the
    best epoch is kept) plus AQMAR, WikiFANE and Wojood as other domains; export numpy weights."""
    from khabar.models.ner.neural import NEURAL_PATH
    from khabar.models.ner.neural_train import load_data, train_neural

    if not (shared / "data/ner/anercorp/train.txt").exists():
        raise fail(f"{shared}/data/ner/anercorp/train.txt not found (use --shared)")
    train, extra, dev = load_data(shared, fane=fane, full=full, aqmar=aqmar, wojood=wojood)
    train_neural(train, extra, out or NEURAL_PATH, dev=[] if full else dev, epochs=epochs, hidden=hidden,
                 batch=batch, dropout=dropout, max_minutes=max_minutes, seed=seed, crf_weight=crf_weight,
                 log=typer.echo)


@train_app.command("ner")
def train_ner(
    shared: Annotated[Path, typer.Option(help="The shared data folder (data/ner, data/news, data/gazetteers …).")] = _SHARED,
    out: Annotated[Path | None, typer.Option(help="Folder for the model and resources (default: the package's).")] = None,
    dev: Annotated[bool, typer.Option("--dev/--full", help="--dev holds out the last 10% of ANERcorp train and scores it; --full (default) trains on all of it.")] = False,
    resources: Annotated[bool, typer.Option(help="Rebuild the word clusters and the gazetteer first.")] = True,
    extra: Annotated[bool, typer.Option(help="Add AQMAR train+dev and the Wojood sample (domain-marked features).")] = True,
    fane: Annotated[int, typer.Option(help="WikiFANE sentences added as extra domain-marked data, folded to PER/ORG/LOC/MISC, evenly spaced (-1 = all, 0 = none; 5000 won on dev).")] = 5000,
    reuse_silver: Annotated[bool, typer.Option(help="Keep the package's silver lexicon and train one round (cheap experiments; the lexicon came from a model that saw all of ANERcorp train, dev cut included).")] = False,
    silver_words: Annotated[int, typer.Option(help="News words tagged for the silver lexicon (0 = no silver lexicon).")] = 3_000_000,
    c1: float = 0.05,
    c2: float = 0.05,
    iterations: int = 150,
    doc_features: Annotated[bool, typer.Option(help="Document-level context aggregation features (a word sees the cues around its other occurrences in the document).")] = False,
) -> None:
    """Train the CRF NER model (two rounds: the second adds a silver lexicon from tagged news)."""
    import json
    import shutil
    import tempfile

    from khabar.eval.ner import score
    from khabar.models.ner.features import DATA_DIR
    from khabar.models.ner.resources import build_clusters, build_gazetteer
    from khabar.models.ner.silver import build_silver
    from khabar.models.ner.tagger import NerTagger
    from khabar.models.ner.train import load_training, train_model

    if not (shared / "data/ner/anercorp/train.txt").exists():
        raise fail(f"{shared}/data/ner/anercorp/train.txt not found (use --shared)")
    target = out or DATA_DIR
    target.mkdir(parents=True, exist_ok=True)
    if target != DATA_DIR:
        # the trigger list always, and the shipped clusters/gazetteer when they are not rebuilt (--no-resources)
        for name in ("triggers.json", *(() if resources else ("clusters.tsv.gz", "gazetteer.tsv.gz"))):
            if (DATA_DIR / name).exists() and not (target / name).exists():
                shutil.copy(DATA_DIR / name, target / name)
    if resources:
        typer.echo(f"gazetteer: {build_gazetteer(shared, target / 'gazetteer.tsv.gz'):,} names")
        typer.echo(f"clusters: {build_clusters(shared / 'data/news', target / 'clusters.tsv.gz', log=typer.echo):,} words")
    (target / "features.json").write_text(json.dumps({"doc_features": doc_features}) + "\n", encoding="utf-8")
    train, more, dev_set = load_training(shared, full=not dev, extra=extra, fane=fane)
    silver = target / "silver.tsv.gz"
    if reuse_silver and target != DATA_DIR:
        shutil.copy(DATA_DIR / "silver.tsv.gz", silver)
    elif not reuse_silver:
        silver.unlink(missing_ok=True)
    if reuse_silver:
        typer.echo("one round with the existing silver lexicon")
        train_model(train, target / "ner.crfsuite", extra=more, c1=c1, c2=c2, max_iter=iterations,
                    data_dir=target, doc_features=doc_features, log=typer.echo)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            first = Path(tmp) / "round1.crfsuite"
            typer.echo("round 1")
            train_model(train, first, extra=more, c1=c1, c2=c2, max_iter=iterations, data_dir=target,
                        doc_features=doc_features, log=typer.echo)
            if silver_words > 0:
                n = build_silver(NerTagger(first, target), shared / "data/news", silver, max_words=silver_words)
                typer.echo(f"silver lexicon: {n:,} stems")
                typer.echo("round 2")
                train_model(train, target / "ner.crfsuite", extra=more, c1=c1, c2=c2, max_iter=iterations,
                            data_dir=target, doc_features=doc_features, log=typer.echo)
            else:
                shutil.copy(first, target / "ner.crfsuite")
    if dev:
        tagger = NerTagger(target / "ner.crfsuite", target)
        for name, window in (("sentence by sentence", 1), ("20-sentence documents", 20)):
            tags = tag_windows(tagger, [t for t, _ in dev_set], window)
            p, r, f = score([g for _, g in dev_set], tags).prf()
            typer.echo(f"dev (last 10% of ANERcorp train), {name}: P {100 * p:.1f} R {100 * r:.1f} F1 {100 * f:.1f}")


@eval_app.command("ner")
def eval_ner(
    conll: Annotated[Path, typer.Argument(help="Gold CoNLL file: `token TAG` lines, blank line between sentences.")],
    pred: Annotated[Path | None, typer.Option(help="Score this `token gold pred` file instead of tagging (the scorer reads only gold and predictions).")] = None,
    pred_out: Annotated[Path | None, typer.Option(help="Where to write the tagger's `token gold pred` file.")] = None,
    window: Annotated[int, typer.Option(help="Sentences per pseudo-document for the document-level repairs (CoNLL files have no document breaks; 1 = sentence by sentence).")] = 20,
    tag_col: Annotated[int, typer.Option(help="Column holding the gold tag (Wojood's outer tag is 1).")] = 1,
) -> None:
    """Precision/recall/F1 per type and micro-averaged, conlleval-style (exact span and type)."""
    from khabar.eval.ner import score
    from khabar.models.ner.conll import TYPES, read_conll, read_pairs, write_conll

    if not conll.exists():
        raise fail(f"{conll}: no such file")
    if pred is None:
        from khabar.models.ner.tagger import default_tagger

        tagger = default_tagger()
        if tagger is None:
            raise fail("no NER model in the package; run `khabar train ner` first")
        sents = read_conll(conll, tag_col=tag_col)
        t0 = time.perf_counter()
        tags = tag_windows(tagger, [t for t, _ in sents], window)
        dt = time.perf_counter() - t0
        pred = pred_out or Path(f"{conll.stem}.ner-pred.txt")
        write_conll(pred, ((toks, gold, p) for (toks, gold), p in zip(sents, tags, strict=True)))
        ntok = sum(len(t) for t, _ in sents)
        typer.echo(f"tagged {ntok:,} tokens in {dt:.2f}s ({ntok / max(dt, 1e-9):,.0f} tokens/s); predictions: {pred}")
    gold_tags, pred_tags = read_pairs(pred)
    s = score(gold_tags, pred_tags)
    table = Table(title=f"NER on {conll.name} (exact span and type)")
    for col in ("type", "gold", "pred", "correct", "P", "R", "F1"):
        table.add_column(col, justify="right" if col != "type" else "left")
    for typ in [*TYPES, None]:
        p, r, f = s.prf(typ)
        keys = [typ] if typ else list(s.n_gold.keys() | s.n_pred.keys())
        table.add_row(typ or "micro", str(sum(s.n_gold.get(k, 0) for k in keys)),
                      str(sum(s.n_pred.get(k, 0) for k in keys)), str(sum(s.tp.get(k, 0) for k in keys)),
                      f"{100 * p:.1f}", f"{100 * r:.1f}", f"{100 * f:.1f}")
    Console().print(table)


@bench_app.command("ner")
def bench_ner(
    corpus: Annotated[Path, typer.Option(help="JSONL(.gz) of news articles ({text: …}).")] = _SHARED / "data/news/ant-v2.1-multisource.jsonl.gz",
    docs: Annotated[int, typer.Option(help="Articles to analyse.")] = 500,
) -> None:
    """Speed of the NER stage alone on one core (tokens/s), model size and load time."""
    import gzip
    import json

    from khabar.models.ner.neural import NEURAL_PATH
    from khabar.models.ner.tagger import MODEL_PATH, load_shipped
    from khabar.models.vectors import VECTORS_PATH
    from khabar.pipeline import Pipeline, get_stage

    if not MODEL_PATH.exists() and not NEURAL_PATH.exists():
        raise fail("no NER model in the package; run `khabar train ner` first")
    t0 = time.perf_counter()
    neural = NEURAL_PATH.exists()
    shipped = load_shipped()  # the shipped tagger, with its resources (and the word vectors)
    load_s = time.perf_counter() - t0
    texts: list[str] = []
    if corpus.exists():
        opener = gzip.open if corpus.suffix == ".gz" else open
        with opener(corpus, "rt", encoding="utf-8") as fh:
            for line in fh:
                if len(texts) >= docs:
                    break
                texts.append(json.loads(line).get("text") or "")
    else:
        seed = SEED_DIR / "article.txt"
        texts = [seed.read_text(encoding="utf-8")] * 50 if seed.exists() else ["قال الرئيس الروسي فلاديمير بوتين في موسكو ."] * 500
    pre = Pipeline(["tokenize", "sentences"])
    prepared = [pre(t) for t in texts]
    ner = get_stage("ner")
    ner(prepared[0])  # load the model outside the timing
    ntok = sum(len(d.tokens) for d in prepared)
    t0, c0 = time.perf_counter(), time.process_time()
    for d in prepared:
        ner(d)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    nment = sum(len(d.mentions) for d in prepared)
    data_dir = MODEL_PATH.parent
    files = [p for p in data_dir.iterdir() if p.is_file() and (neural or p != NEURAL_PATH)]
    if neural:  # the shared word vectors are read; the CRF file only when it joins the ensemble
        files = [p for p in files if p != MODEL_PATH or getattr(shipped, "crf", None) is not None] + [VECTORS_PATH]
    size = sum(p.stat().st_size for p in files)
    table = Table(title="khabar bench ner (one process, one core)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("articles", f"{len(prepared):,}")
    table.add_row("tokens", f"{ntok:,}")
    table.add_row("mentions", f"{nment:,}")
    table.add_row("NER stage tokens/s (wall clock)", f"{ntok / max(dt, 1e-9):,.0f}")
    # on a shared machine the wall clock counts other processes' time too; CPU time is the one-core cost
    table.add_row("NER stage tokens/s (CPU time, one core)", f"{ntok / max(cpu, 1e-9):,.0f}")
    table.add_row("model + resources (MB)", f"{size / 1e6:.1f}")
    table.add_row("load time (s)", f"{load_s:.2f}")
    Console().print(table)


@eval_app.command("ner-mentions")
def eval_ner_mentions(
    gold: Annotated[Path, typer.Argument(help="A khabar/1 gold document (entities[].mentions).")],
    text: Annotated[Path | None, typer.Option(help="The article text (default: article.txt next to the gold file).")] = None,
    strict: Annotated[bool, typer.Option(help="Count mentions of optional entities too.")] = False,
) -> None:
    """Mention P/R/F1 (exact span and type) of the NER stage against a gold document's entity mentions
    (coref_mentions are not names; mentions of entities marked optional count neither way)."""
    import hashlib
    import json

    from khabar.eval.ner import mention_scores
    from khabar.pipeline import Pipeline

    text_path = text or gold.with_name("article.txt")
    if not gold.exists() or not text_path.exists():
        raise fail(f"need {gold} and {text_path}")
    g = json.loads(gold.read_text(encoding="utf-8"))
    article = text_path.read_text(encoding="utf-8")
    want = g.get("text_sha256")
    if want and hashlib.sha256(article.encode("utf-8")).hexdigest() != want:
        typer.echo("warning: the text's sha256 differs from the gold's text_sha256", err=True)
    doc = Pipeline(["tokenize", "sentences", "ner"])(article)
    found = [(m.start, m.end, m.type) for m in doc.mentions]
    s = mention_scores(g, found, strict=strict)
    table = Table(title=f"NER mentions vs {gold.name} (exact span and type)")
    for col in ("gold", "pred", "correct", "P", "R", "F1", "overlap P"):
        table.add_column(col, justify="right")
    table.add_row(str(s["gold"]), str(s["pred"]), str(s["tp"]), f"{s['precision']:.3f}", f"{s['recall']:.3f}",
                  f"{s['f1']:.3f}", f"{s['overlap_precision']:.3f}")
    Console().print(table)
