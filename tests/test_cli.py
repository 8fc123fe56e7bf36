"""The command line: analyze (files, directories, JSONL, stdin, bad input), ingest, search, stats, export."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.cli import _load
from khabar.cli.apps import app
from khabar.document import Document
from khabar.paths import SEED_DIR
from khabar.schema import errors

_load()
SEED = SEED_DIR / "article.txt"


@pytest.fixture(autouse=True)
def no_hang():
    """Bad input must never hang: a test that runs past 60 s fails instead of stalling CI."""
    import signal

    def timeout(*_: object) -> None:
        raise TimeoutError("khabar took more than 60 s on this input (a hang?)")

    old = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@pytest.fixture()
def cli():
    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None):
        return runner.invoke(app, [str(a) for a in args], input=input)

    return run


def docs_of(output: str) -> list[Document]:
    return [Document.from_json(line) for line in output.splitlines() if line.strip()]


def assert_valid(d: Document) -> None:
    assert errors(d.to_dict(), output=True) == []
    assert d.check_offsets() == []


def test_version_and_help(cli) -> None:
    from khabar import __version__

    assert cli("version").output.strip() == __version__
    for cmd in (["--help"], ["analyze", "--help"], ["ingest", "--help"], ["search", "--help"], ["stats", "--help"]):
        res = cli(*cmd)
        assert res.exit_code == 0, res.output
        assert "Usage" in res.output


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seed")
def test_analyze_seed_article(cli) -> None:
    res = cli("analyze", SEED, "--published", "2021-12-12")
    assert res.exit_code == 0, res.output
    d = Document.from_json(res.output)
    assert_valid(d)
    assert d.text == SEED.read_text("utf-8")
    assert d.meta["published"] == "2021-12-12"
    assert d.tokens and d.sentences
    assert d.sentences[0].start == 0 and "\n" not in d.text[d.sentences[0].start:d.sentences[0].end].strip()


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seed")
def test_analyze_pretty_lists_layers(cli) -> None:
    res = cli("analyze", SEED, "--published", "2021-12-12", "--format", "pretty")
    assert res.exit_code == 0, res.output
    for section in ("-- entities", "-- quotes", "-- events", "-- times", "published: 2021-12-12"):
        assert section in res.output
    assert "بوتين" in res.output  # Arabic printed as is (logical order), no boxes around it
    assert "│" not in res.output


def test_analyze_jsonl_keeps_ids_and_dates(cli, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl.gz"
    recs = [{"id": "a1", "text": "قال الرئيس إن المحادثات مستمرة.", "published": "2018-02-01", "source": "x"},
            {"id": "a2", "text": "", "published": "2018-02-02"},
            {"id": "a3", "text": "Latin only, no Arabic at all."}]
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n")
    res = cli("analyze", src, "--published", "2021-12-12")
    assert res.exit_code == 0, res.output
    out = docs_of(res.output)
    assert [d.id for d in out] == ["a1", "a2", "a3"]
    assert [d.meta.get("published") for d in out] == ["2018-02-01", "2018-02-02", "2021-12-12"]
    assert out[0].meta["source"] == "x"
    for d in out:
        assert_valid(d)


def test_analyze_directory_and_stdin(cli, tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "one.txt").write_text("خبر أول.", "utf-8")
    (tmp_path / "d" / "two.txt").write_text("خبر ثان.", "utf-8")
    res = cli("analyze", tmp_path / "d")
    assert res.exit_code == 0, res.output
    assert [d.id for d in docs_of(res.output)] == ["one", "two"]
    res = cli("analyze", "-", input="موسكو (رويترز) - قال الكرملين.".encode())
    assert res.exit_code == 0, res.output
    assert_valid(Document.from_json(res.output))


@pytest.mark.parametrize(
    "name,text",
    [
        ("empty", ""),
        ("spaces", "   \n\t \n"),
        ("latin", "No Arabic here at all. Just English, 3.5% and a URL http://x.org."),
        ("mixed", "قال Biden إن NATO لن يتوسع، حسب CNN."),
        ("bidi", "\u200fقال\u200e \u202bبوتين\u202c\u200d و\u200cبايدن\u2066 \ufeffاتفقا"),
        ("quotes", 'قال بوتين: "سنرى بعضنا. وقال « لا » " ثم " ثم «'),
        ("tatweel", "ـ" * 40),
        ("hostile", "ـــ" * 50 + "\u0651\u064e" * 30 + "؟!،" * 40 + "\U0001F600" * 10 + "(" * 300 + "-" * 300),
    ],
)
def test_analyze_odd_text_gives_valid_document(cli, tmp_path: Path, name: str, text: str) -> None:
    f = tmp_path / f"{name}.txt"
    f.write_text(text, "utf-8")
    res = cli("analyze", f)
    assert res.exit_code == 0, res.output
    d = Document.from_json(res.output)
    assert d.text == text
    assert_valid(d)
    if not text.strip():
        assert d.tokens == [] and d.entities == []


def test_analyze_bad_files_give_clear_errors(cli, tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("قال".encode("cp1256") + b" caf\xe9")
    res = cli("analyze", bad)
    assert res.exit_code == 1
    assert "latin1.txt" in res.output and "not valid UTF-8" in res.output
    assert "Traceback" not in res.output

    binf = tmp_path / "image.txt"
    binf.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    res = cli("analyze", binf)
    assert res.exit_code == 1 and "image.txt" in res.output and "binary" in res.output

    big = tmp_path / "big.txt"
    big.write_bytes(("خبر " * 10).encode() * 210_000)  # ~ 20 MB
    res = cli("analyze", big)
    assert res.exit_code == 1 and "big.txt" in res.output and "too large" in res.output

    res = cli("analyze", tmp_path / "missing.txt")
    assert res.exit_code == 2 and "no such file" in res.output

    res = cli("analyze", "-", input=b"\xff\xfe\x00b")
    assert res.exit_code == 1 and "<stdin>" in res.output

    res = cli("analyze", "-", "--published", "12/12/2021", input="نص")
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output


def test_analyze_bad_record_in_jsonl_does_not_stop_the_rest(cli, tmp_path: Path) -> None:
    src = tmp_path / "mixed.jsonl"
    src.write_text('{"id": "ok", "text": "خبر"}\nnot json\n{"id": "n", "text": 5}\n{"id": "ok2", "text": "خبر آخر"}\n', "utf-8")
    res = cli("analyze", src)
    assert res.exit_code == 1
    lines = [ln for ln in res.output.splitlines() if ln.startswith("{")]
    assert [json.loads(ln)["id"] for ln in lines] == ["ok", "ok2"]
    assert "mixed.jsonl:2: invalid JSON" in res.output and "mixed.jsonl:3" in res.output


def test_ingest_search_stats_export(cli, tmp_path: Path) -> None:
    src = tmp_path / "news.jsonl"
    recs = [
        {"id": "n1", "text": "قال الكرملين إن بوتين سيزور الصين.", "published": "2018-03-01", "source": "s1"},
        {"id": "n2", "text": "وجه بايدن رسالة لبوتين أمس.", "published": "2018-04-01", "source": "s2"},
        {"id": "n3", "text": "اتفق الرئيسان وبوتين على الحوار.", "published": "2018-05-01", "source": "s1"},
        {"id": "n4", "text": "ارتفعت أسعار النفط.", "published": "2018-06-01", "source": "s2"},
    ]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs), "utf-8")
    db = tmp_path / "k.db"
    res = cli("ingest", src, "--db", db, "-j", "1")
    assert res.exit_code == 0, res.output
    assert "4 added" in res.output
    res = cli("ingest", src, "--db", db, "-j", "1", "--json")
    assert json.loads(res.output)["added"] == 0 and json.loads(res.output)["store_documents"] == 4

    for q in ("بوتين", "وبوتين", "لبوتين"):
        res = cli("search", q, "--db", db, "--format", "jsonl")
        assert res.exit_code == 0, res.output
        ids = {json.loads(ln)["id"] for ln in res.output.splitlines()}
        assert ids >= {"n2"} if q == "لبوتين" else True
    res = cli("search", "بوتين", "--db", db, "--format", "jsonl")
    assert {json.loads(ln)["id"] for ln in res.output.splitlines()} == {"n1", "n2", "n3"}
    res = cli("search", "بوتين", "--db", db, "--format", "jsonl", "--limit", "1")
    assert len(res.output.splitlines()) == 1
    res = cli("search", "بوتين", "--db", db, "--from", "2018-03-15", "--source", "s1", "--format", "jsonl")
    assert [json.loads(ln)["id"] for ln in res.output.splitlines()] == ["n3"]
    res = cli("search", "بوتين", "--db", db)
    assert res.exit_code == 0 and "n1" in res.output
    res = cli("search", "غير موجود", "--db", db)
    assert res.exit_code == 0 and "no documents found" in res.output

    res = cli("stats", "--db", db, "--format", "json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["documents"] == 4
    assert cli("stats", "--db", db).exit_code == 0

    out = tmp_path / "all.jsonl"
    assert cli("export", out, "--db", db).exit_code == 0
    assert len(out.read_text("utf-8").splitlines()) == 4


def test_ingest_reports_failures_and_keeps_the_rest(cli, tmp_path: Path) -> None:
    d = tmp_path / "c"
    d.mkdir()
    (d / "good.txt").write_text("خبر جيد عن الاقتصاد.", "utf-8")
    (d / "bad.txt").write_bytes(b"\xff\xfe bad")
    (d / "broken.html").write_text("<html><body><p>خبر في صفحة", "utf-8")
    res = cli("ingest", d, "--db", tmp_path / "k.db", "-j", "1", "--json")
    assert res.exit_code == 1
    rep = json.loads(res.output[res.output.index("{"):])
    assert rep["added"] >= 1
    assert any(e["input"].endswith("bad.txt") for e in rep["errors"])


def test_default_db_path_and_missing_store(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from khabar.store import default_db_path

    monkeypatch.delenv("KHABAR_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path() == tmp_path / "xdg" / "khabar" / "khabar.db"
    monkeypatch.setenv("KHABAR_DB", str(tmp_path / "env.db"))
    assert default_db_path() == tmp_path / "env.db"
    res = cli("search", "بوتين")
    assert res.exit_code == 2 and "no store" in res.output
    res = cli("search", "بوتين", "--db", tmp_path / "nope.db")
    assert res.exit_code == 2 and "no store" in res.output
    notdb = tmp_path / "not.db"
    notdb.write_text("hello", "utf-8")
    res = cli("stats", "--db", notdb)
    assert res.exit_code == 2 and "cannot open store" in res.output


def test_demo_corpus_is_bundled_with_licence() -> None:
    from khabar.ingest.demo import demo_path
    from khabar.ingest.readers import Record, read_path

    p = demo_path()
    assert p.exists()
    assert (p.parent / "LICENSE.ANT").exists() and "Chouigui" in (p.parent / "README.md").read_text("utf-8")
    recs = list(read_path(p))
    assert all(isinstance(r, Record) for r in recs)
    assert len(recs) >= 300
    assert len({r.meta.get("source") for r in recs}) >= 5
    assert len({r.id for r in recs}) == len(recs)
