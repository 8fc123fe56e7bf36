"""Parse stage before/after in one process: ``python bench/parse_ab.py REV [--docs 100] [--rounds 6]``.

The parser (``models/parse/model.py``) and its stage (``models/parse_stage.py``) of git revision REV are loaded
beside the working tree's; both parse the same ANT articles (text + morph run once, untimed), first checking
that they give every word the same head and relation, then in alternating rounds; the best CPU time
(``time.process_time``) of each is printed. Alternating rounds keep a loaded machine's drift out of the ratio.
``--cold`` empties the word-code caches before each pass; ``--old-model FILE`` gives REV its own model file (then
the outputs may differ and only the times count).
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("rev")
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--cold", action="store_true", help="empty the featurizers' word caches before every timed pass "
                    "(as for articles the process has not seen)")
    ap.add_argument("--old-model", help="model file for REV (default: the working tree's parse.npz)")
    args = ap.parse_args()

    from khabar.bench.pipeline import default_corpus, iter_articles
    from khabar.document import Document
    from khabar.models.morph.model import load_model as load_morph
    from khabar.models.parse import model as new_model
    from khabar.models.parse_stage import parse_document as new_parse
    from khabar.pipeline import Pipeline

    tmp = Path(tempfile.mkdtemp())
    for rel, name in (("src/khabar/models/parse/model.py", "old_parse_model"),
                      ("src/khabar/models/parse_stage.py", "old_parse_stage")):
        src = subprocess.run(["git", "-C", str(ROOT), "show", f"{args.rev}:{rel}"], check=True,
                             capture_output=True, text=True).stdout
        src = src.replace("from khabar.models.parse.model import", "from old_parse_model import")
        src = src.split('@register("parse"')[0]  # the stage function only, not a second registration
        (tmp / f"{name}.py").write_text(src, encoding="utf-8")
    old_model = _load("old_parse_model", tmp / "old_parse_model.py")
    old_parse = _load("old_parse_stage", tmp / "old_parse_stage.py").parse_document

    corpus = default_corpus()
    if corpus is None:
        raise SystemExit("no corpus")
    text_morph = Pipeline(["tokenize", "sentences", "morph"])
    docs = [text_morph.run(Document(text=r["text"], meta={"language": "ar"})) for r in iter_articles(corpus, args.docs)]
    m_new = new_model.load_model()
    m_old = old_model.ParseModel.load(args.old_model or new_model.MODEL_PATH, load_morph().clusters)

    def snapshot() -> list[list[tuple[int | None, str | None]]]:
        return [[(w.head, w.rel) for w in d.words] for d in docs]

    for d in docs:
        old_parse(m_old, d)
    before = snapshot()
    for d in docs:
        new_parse(m_new, d)
    same = before == snapshot()
    best = {"before": float("inf"), "after": float("inf")}
    for _ in range(args.rounds):
        for name, fn, m in (("before", old_parse, m_old), ("after", new_parse, m_new)):
            if args.cold:
                for attr in ("_cache", "_forms", "_lemmas"):
                    getattr(m.featurizer, attr, {}).clear()
            c0 = time.process_time()
            for d in docs:
                fn(m, d)
            best[name] = min(best[name], time.process_time() - c0)
    words = sum(len(d.words) for d in docs)
    print(f"{len(docs)} articles, {words:,} words; identical heads and relations: {same}")
    print(f"{'parse stage':<14}{'cpu s':>8}{'words/s':>10}")
    for name, sec in best.items():
        print(f"{name + ' (' + (args.rev if name == 'before' else 'tree') + ')':<14}{sec:>8.3f}{words / sec:>10,.0f}")
    print(f"after / before CPU: {best['after'] / best['before']:.3f}")
    if not same and not args.old_model:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
