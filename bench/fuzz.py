"""Fuzzing campaign: hypothesis (and atheris when installed) over the faces of khabar that take untrusted input.

Targets (each in its own process, so that peak RSS is per target):

* ``analyze``   — ``khabar.analyze`` on arbitrary text; every span must slice the original text;
* ``html``      — an arbitrary ``.html`` file through the reader (trafilatura extraction);
* ``readers``   — arbitrary bytes as ``.txt``, ``.jsonl``, ``.jsonl.gz`` files and a directory of them;
* ``query``     — the search query builder and filters on a small store (``store.search``);
* ``api``       — HTTP API parameters (search, events, quotes, documents, analyze) via the test client.

A *crash* is an exception escaping the target (the readers must turn bad input into ``InputError``s), a span
that does not slice the text, or an HTTP 500. Then fixed pathological inputs are timed one by one (100k
repeated punctuation, 50k clitic words, deep nesting, a 50 MB file against ``--max-bytes``).

    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python bench/fuzz.py --n 300          # hypothesis + atheris
    .venv/bin/python bench/fuzz.py --n 50 --engines hypothesis --targets query api
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import traceback
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

TARGETS = ("analyze", "html", "readers", "query", "api")
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"
ODD = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u202b\u202e\u00a0\ud800\x00\n\r\t"
PUNCT = ".،؛؟!:()[]{}«»\"'-–—/…#@%٪"
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩"


# -- the targets: each takes a value and raises on a crash ---------------------------------------------

class Crash(AssertionError):
    pass


def _small_store(tmp: Path) -> Any:
    from khabar.ingest.run import ingest
    from khabar.pipeline import Pipeline
    from khabar.store import open_store

    corpus = tmp / "c.jsonl"
    recs = [{"id": f"d{i}", "text": t, "published": f"2020-0{i + 1}-01", "source": "wire"} for i, t in enumerate([
        "قال الرئيس الروسي فلاديمير بوتين في موسكو إن المحادثات مستمرة.",
        "اجتمع وزير الخارجية في القاهرة مع نظيره الأمريكي لبحث الاقتصاد.",
        "أعلنت الحكومة عن خطة جديدة للتعليم [عاجل] في 2020.",
    ])]
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), "utf-8")
    store = open_store(tmp / "k.db")
    ingest([str(corpus)], store, pipeline=Pipeline(["tokenize", "sentences", "dateline"]))
    return store


def make_target(name: str, tmp: Path) -> Callable[[Any], None]:
    if name == "analyze":
        import khabar

        def analyze(text: str) -> None:
            doc = khabar.analyze(text, published="2020-01-01")
            bad = doc.check_offsets()
            if bad or doc.text != text:
                raise Crash(f"offsets: {bad[:3]}")
        return analyze
    if name in ("html", "readers"):
        from khabar.ingest.readers import InputError, Record, read_path

        def read(value: tuple[str, bytes]) -> None:
            fname, data = value
            d = Path(tempfile.mkdtemp(dir=tmp))
            (d / fname).write_bytes(data)
            for target in (d / fname, d):
                for rec in read_path(target):
                    if not isinstance(rec, Record | InputError) or (isinstance(rec, Record) and not isinstance(rec.text, str)):
                        raise Crash(f"reader yielded {type(rec).__name__}")
        return read
    if name == "query":
        store = _small_store(tmp)

        def query(value: tuple[str, str | None]) -> None:
            q, ent = value
            for h in store.search(q, entity=ent, limit=5):
                if not isinstance(h.snippet, str):
                    raise Crash("snippet")
            store.quotes(speaker=ent or q[:50] or None, limit=3)
            store.events(actor=ent, limit=3)
        return query
    if name == "api":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from fastapi.testclient import TestClient

        from khabar.api import create_app

        store = _small_store(tmp)
        client = TestClient(create_app(store.path), raise_server_exceptions=False)

        def api(value: tuple[str, str, str, str, str]) -> None:
            q, d1, d2, ent, lim = value
            calls = [
                client.get("/api/search", params={"q": q, "from": d1, "to": d2, "entity": ent, "limit": lim}),
                client.get("/api/events", params={"actor": ent, "from": d1, "event": q[:50]}),
                client.get("/api/quotes", params={"speaker": ent, "limit": lim}),
                client.get("/api/documents/" + quote(q[:100].encode("utf-8", "replace"), safe="")),
                client.post("/api/analyze", json={"text": q, "published": d1 or None}),
                client.post("/api/analyze", content=q.encode("utf-8", "surrogatepass"),
                            headers={"content-type": "application/json"}),
            ]
            for r in calls:
                if r.status_code >= 500:
                    raise Crash(f"{r.request.method} {r.request.url.path}: {r.status_code} {r.text[:200]}")
        return api
    raise ValueError(name)


# -- hypothesis ------------------------------------------------------------------------------------

def strategy(name: str) -> Any:
    from hypothesis import strategies as st

    arabicish = st.text(alphabet=st.sampled_from(ARABIC + MARKS + ODD + PUNCT + DIGITS + " abcXYZ"), max_size=600)
    anytext = st.one_of(st.text(max_size=400), arabicish,
                        st.lists(st.sampled_from(["بوتين", "الرئيس", "وقال", "في", "إن", "«", "»", ":", ".", "\n",
                                                  "موسكو", "2021", "يوم الأحد", "أمس", "الولايات المتحدة"]),
                                 max_size=150).map(" ".join))
    if name == "analyze":
        return anytext
    if name == "html":
        tag = st.sampled_from(["div", "p", "span", "article", "script", "style", "title", "meta", "a", "b", "table"])
        html = st.recursive(anytext, lambda kids: st.tuples(tag, st.lists(kids, max_size=4)).map(
            lambda t: f"<{t[0]}>" + "".join(t[1]) + f"</{t[0]}>"), max_leaves=30)
        raw = st.one_of(html.map(lambda s: s.encode("utf-8", "surrogatepass")), st.binary(max_size=600))
        return st.tuples(st.just("page.html"), raw)
    if name == "readers":
        line = st.one_of(
            st.fixed_dictionaries({"id": st.one_of(st.text(max_size=20), st.integers(), st.none()),
                                   "text": st.one_of(anytext, st.integers(), st.none()),
                                   "published": st.one_of(st.text(max_size=30), st.dates().map(str), st.none(),
                                                          st.floats(), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))}),
            st.text(max_size=80))

        def jsonl(items: list[Any]) -> bytes:
            # ASCII JSON for every other record: then a surrogate arrives as a \\ud800 escape, as producers write it
            return "\n".join(json.dumps(i, ensure_ascii=len(str(i)) % 2 == 0) if not isinstance(i, str) else i
                             for i in items).encode("utf-8", "surrogatepass")
        raw = st.one_of(st.binary(max_size=600), st.lists(line, max_size=6).map(jsonl),
                        anytext.map(lambda s: s.encode("utf-16", "surrogatepass")))
        return st.tuples(st.sampled_from(["a.txt", "a.jsonl", "a.jsonl.gz", "a.ndjson"]), raw)
    if name == "query":
        return st.tuples(st.one_of(anytext, st.text(max_size=1000)), st.one_of(st.none(), st.text(max_size=60)))
    if name == "api":
        date = st.one_of(st.just(""), st.dates().map(str), st.text(max_size=30),
                         st.sampled_from(["9999-99-99", "2020-02-30", "2020-01-01T10:00:00", "nan", "2020-01-01garbage"]))
        return st.tuples(st.text(max_size=1000).filter(lambda s: "\x00" not in s), date, date,
                         st.text(max_size=60).filter(lambda s: "\x00" not in s),
                         st.one_of(st.integers(-5, 500).map(str), st.text(max_size=5)))
    raise ValueError(name)


class Stats:
    def __init__(self) -> None:
        self.inputs = 0
        self.crashes = 0
        self.max_s = 0.0
        self.first: str | None = None

    def run(self, fn: Callable[[Any], None], value: Any) -> None:
        self.inputs += 1
        t0 = time.process_time()  # CPU time: the machine is shared, wall time is noise
        try:
            fn(value)
        except Exception as err:  # a crash: counted, the campaign goes on
            self.crashes += 1
            if self.first is None:
                self.first = f"{type(err).__name__}: {err} on {value!r:.200}\n" + traceback.format_exc()[-1500:]
        self.max_s = max(self.max_s, time.process_time() - t0)

    def dump(self) -> dict[str, Any]:
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return {"inputs": self.inputs, "crashes": self.crashes, "max_s": self.max_s, "rss_mb": rss, "first": self.first}


# One ordinary input per target, run before counting: loading the models is not the cost of an input.
WARM: dict[str, Any] = {
    "analyze": "قال الرئيس في موسكو يوم الأحد.",
    "html": ("page.html", "<html><body><p>خبر قصير في صفحة.</p></body></html>".encode()),
    "readers": ("a.jsonl", b'{"id": "a", "text": "x"}\n'),
    "query": ("بوتين", None),
    "api": ("بوتين", "2020-01-01", "", "", "5"),
}


def child_hypothesis(name: str, n: int) -> dict[str, Any]:
    from hypothesis import HealthCheck, given, settings

    stats = Stats()
    with tempfile.TemporaryDirectory() as tmp:
        fn = make_target(name, Path(tmp))
        fn(WARM[name])

        @settings(max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(strategy(name))
        def fuzz(value: Any) -> None:
            stats.run(fn, value)

        fuzz()
    return stats.dump()


def child_atheris(name: str, n: int, out: str) -> None:
    import atheris

    with atheris.instrument_imports(include=["khabar"]):
        import khabar.ingest.readers  # noqa: F401
        import khabar.pipeline  # noqa: F401
        import khabar.store.keys  # noqa: F401
    stats = Stats()
    tmp = Path(tempfile.mkdtemp())
    fn = make_target(name, tmp)
    fn(WARM[name])

    def value_of(data: bytes) -> Any:
        fdp = atheris.FuzzedDataProvider(data)
        if name == "analyze":
            return fdp.ConsumeUnicodeNoSurrogates(len(data))
        if name == "html":
            return ("page.html", fdp.ConsumeBytes(len(data)))
        if name == "readers":
            return (["a.txt", "a.jsonl", "a.jsonl.gz"][fdp.ConsumeIntInRange(0, 2)], fdp.ConsumeBytes(len(data)))
        if name == "query":
            return (fdp.ConsumeUnicodeNoSurrogates(400), fdp.ConsumeUnicodeNoSurrogates(60) or None)
        return tuple(fdp.ConsumeUnicodeNoSurrogates(k).replace("\x00", "") for k in (400, 30, 30, 60, 5))

    def one(data: bytes) -> None:
        stats.run(fn, value_of(data))
        if stats.inputs >= n:  # libFuzzer ends the process itself: write the figures before it does
            Path(out).write_text(json.dumps(stats.dump()), "utf-8")

    atheris.Setup([sys.argv[0], f"-runs={n}", "-max_len=4096", "-rss_limit_mb=4096"], one)
    atheris.Fuzz()


# -- fixed pathological inputs ---------------------------------------------------------------------

def pathological() -> list[tuple[str, int, float, str]]:
    import khabar
    from khabar.ingest.readers import InputError, Record, read_path

    rows = []
    for label, text in [
        ("100k '!'", "!" * 100_000),
        ("100k '،'", "،" * 100_000),
        ("100k '.' and spaces", ". " * 50_000),
        ("50k clitic words وبالكتاب", "وبالكتاب " * 50_000),
        ("10k nested brackets", "(" * 10_000 + "بوتين" + ")" * 10_000),
        ("20k quotes «", "«" * 20_000),
        ("URL of 100k chars", "https://" + "a" * 100_000),
        ("100k-letter word", "ب" * 100_000),
        ("50k zero-width joiners in a word", "بو" + "\u200d" * 50_000 + "تين"),
    ]:
        t0 = time.process_time()
        doc = khabar.analyze(text, published="2020-01-01")
        ok = "ok" if not doc.check_offsets() else "BAD OFFSETS"
        rows.append((label, len(text), time.process_time() - t0, ok))
    with tempfile.TemporaryDirectory() as tmp:
        deep = Path(tmp) / "deep.html"
        deep.write_text("<html><body>" + "<div>" * 10_000 + "<p>خبر في صفحة عميقة جدا عن الاقتصاد والسياسة.</p>"
                        + "</div>" * 10_000 + "</body></html>", "utf-8")
        t0 = time.process_time()
        out = list(read_path(deep))
        what = "record" if out and isinstance(out[0], Record) else f"error: {out[0].message[:60]}" if out else "nothing"
        rows.append(("HTML nested 10k levels", deep.stat().st_size, time.process_time() - t0, what))
        big = Path(tmp) / "big.txt"
        with open(big, "wb") as fh:
            fh.write(("خبر " * 7_200_000).encode("utf-8")[:50_000_000])
        t0 = time.process_time()
        (res,) = list(read_path(big, max_bytes=10_000_000))
        what = "rejected: too large" if isinstance(res, InputError) and "too large" in res.message else "NOT REJECTED"
        rows.append(("50 MB .txt, --max-bytes 10 MB", big.stat().st_size, time.process_time() - t0, what))
        jl = Path(tmp) / "big.jsonl"
        jl.write_text(json.dumps({"id": "x", "text": "خبر " * 3_000_000}, ensure_ascii=False) + "\n", "utf-8")
        t0 = time.process_time()
        (res,) = list(read_path(jl, max_bytes=10_000_000))
        what = "rejected: too large" if isinstance(res, InputError) and "too large" in res.message else "NOT REJECTED"
        rows.append(("24 MB JSONL record", jl.stat().st_size, time.process_time() - t0, what))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=300, help="inputs per target and engine")
    ap.add_argument("--engines", nargs="+", default=["hypothesis", "atheris"], choices=["hypothesis", "atheris"])
    ap.add_argument("--targets", nargs="+", default=list(TARGETS), choices=TARGETS)
    ap.add_argument("--no-pathological", action="store_true")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        engine, name, out = args.child
        if engine == "hypothesis":
            Path(out).write_text(json.dumps(child_hypothesis(name, args.n)), "utf-8")
        else:
            child_atheris(name, args.n, out)
        return
    try:
        import atheris  # noqa: F401
        have_atheris = True
    except ImportError:
        have_atheris = False
    rows = []
    firsts = []
    for engine in args.engines:
        for name in args.targets:
            if engine == "atheris" and not have_atheris:
                rows.append((engine, name, "-", "-", "-", "-", "atheris not installed (pip install atheris)"))
                continue
            with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
                out = fh.name
            t0 = time.perf_counter()
            res = subprocess.run([sys.executable, __file__, "--n", str(args.n), "--child", engine, name, out],
                                 capture_output=True, text=True, check=False,
                                 env={**os.environ, "OMP_NUM_THREADS": "1"})
            wall = time.perf_counter() - t0
            try:
                r = json.loads(Path(out).read_text("utf-8"))
            except (OSError, ValueError):
                r = None
            finally:
                Path(out).unlink(missing_ok=True)
            if r is None:
                rows.append((engine, name, "?", "?", "?", "?", f"child failed (rc {res.returncode}): "
                             + (res.stderr.strip().splitlines() or ["?"])[-1][:80]))
                continue
            rows.append((engine, name, r["inputs"], r["crashes"], f"{r['max_s'] * 1000:.0f}", f"{r['rss_mb']:.0f}",
                         f"{wall:.0f} s wall"))
            if r["first"]:
                firsts.append(f"{engine}/{name}: {r['first']}")
    print("khabar fuzzing campaign (crash = exception escaping, span not slicing the text, or HTTP 500)")
    print("| engine | target | inputs | crashes | max CPU ms per input | peak RSS MB | note |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(str(c) for c in row) + " |")
    for f in firsts:
        print("\nfirst crash of " + f)
    if not args.no_pathological:
        print("\npathological inputs (one process, one core; CPU seconds)")
        print("| input | size (chars or bytes) | CPU s | result |")
        print("|---|---|---|---|")
        for label, size, secs, what in pathological():
            print(f"| {label} | {size:,} | {secs:.2f} | {what} |")
        print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
