"""Near-duplicate clustering (MinHash LSH + union-find) and the ``khabar dedup`` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.cli import _load
from khabar.cli.apps import app
from khabar.document import Document
from khabar.extract.dedup import cluster_documents, cluster_store, find_duplicates, shingles

pytest.importorskip("datasketch")  # the `ingest` extra

BASE = (
    "أعلنت وزارة الصحة اليوم الثلاثاء تسجيل ارتفاع في عدد الإصابات بالإنفلونزا الموسمية خلال الأسبوع الماضي، "
    "ودعت المواطنين إلى تلقي اللقاح في المراكز الصحية القريبة. وقال المتحدث باسم الوزارة إن المستشفيات "
    "مستعدة لاستقبال الحالات، وإن مخزون الأدوية يكفي لعدة أشهر، مشيرا إلى أن الفئات الأكثر عرضة للخطر "
    "هي كبار السن والأطفال والمصابون بأمراض مزمنة."
)
# the same wire story as another outlet carries it: a headline prefix, one changed word, other spelling
VARIANT = "الصحة: ارتفاع إصابات الإنفلونزا\n" + BASE.replace("الثلاثاء", "الثلاثاء الماضي").replace("أعلنت", "اعلنت")
OTHER = (
    "فاز المنتخب الوطني لكرة اليد على نظيره في المباراة النهائية للبطولة القارية التي أقيمت في العاصمة، "
    "وتوج باللقب للمرة الثالثة في تاريخه بعد مباراة قوية حسمها في الدقائق الأخيرة أمام جمهور غفير."
)


def test_near_duplicates_cluster_and_others_do_not() -> None:
    clusters = cluster_documents([("a", BASE), ("b", OTHER), ("c", VARIANT), ("d", "")])
    assert clusters == [["a", "c"]]


def test_input_shapes() -> None:
    docs = [Document(text=BASE, id="x"), {"id": "y", "text": VARIANT}, Document(text=OTHER, id="z")]
    assert cluster_documents(docs) == [["x", "y"]]


def test_transitive_union() -> None:
    v2 = VARIANT.replace("كبار السن", "المسنون")
    res = find_duplicates([("1", BASE), ("2", VARIANT), ("3", v2), ("4", OTHER)])
    assert res.clusters == [["1", "2", "3"]]
    assert all(j >= 0.7 for _, _, j in res.pairs)


def test_empty_and_odd_input() -> None:
    res = find_duplicates([("e1", ""), ("e2", "!!! ..."), ("e3", "\x00\x01"), ("e4", "")])
    assert res.clusters == [] and res.n_docs == 4 and res.n_empty == 4
    assert cluster_documents([]) == []
    assert shingles("ab") == {"ab"}
    with pytest.raises(ValueError):
        cluster_documents([("a", BASE)], threshold=0.0)


def test_repeated_ids_stay_distinct() -> None:
    clusters = cluster_documents([("same", BASE), ("same", VARIANT)])
    assert len(clusters) == 1 and len(clusters[0]) == 2


def test_cluster_store(tmp_path: Path) -> None:
    from khabar.store import open_store

    db = tmp_path / "k.db"
    store = open_store(db)
    store.add_many([Document(text=BASE, id="s1"), Document(text=OTHER, id="s2"), Document(text=VARIANT, id="s3")])
    store.close()
    res = cluster_store(db)
    assert res.clusters == [["s1", "s3"]] and res.n_docs == 3


def test_cli_dedup(tmp_path: Path) -> None:
    _load()
    path = tmp_path / "a.jsonl"
    rows = [{"id": "a", "text": BASE, "source": "one"}, {"id": "b", "text": OTHER, "source": "two"},
            {"id": "c", "text": VARIANT, "source": "two"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["dedup", str(path), "--json"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.output.splitlines() if x.startswith("{")]
    assert lines == [{"size": 2, "ids": ["a", "c"], "sources": ["one", "two"]}]
    res = runner.invoke(app, ["dedup", str(path)])
    assert res.exit_code == 0 and "1 clusters" in res.output
    assert runner.invoke(app, ["dedup"]).exit_code == 2
    assert runner.invoke(app, ["dedup", str(tmp_path / "missing.jsonl")]).exit_code == 2


def test_cli_dedup_db(tmp_path: Path) -> None:
    from khabar.store import open_store

    _load()
    db = tmp_path / "k.db"
    store = open_store(db)
    store.add_many([Document(text=BASE, id="s1", meta={"source": "one"}), Document(text=VARIANT, id="s3")])
    store.close()
    res = CliRunner().invoke(app, ["dedup", "--db", str(db), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output.splitlines()[0])["ids"] == ["s1", "s3"]


def test_stub_texts_are_not_clustered() -> None:
    stub = "** جميع المقالات المنشورة تمثل رأي كتابها فقط."
    res = find_duplicates([("a", stub), ("b", stub), ("c", BASE), ("d", VARIANT)])
    assert res.clusters == [["c", "d"]] and res.n_empty == 2
    assert cluster_documents([("a", stub), ("b", stub)], min_chars=0) == [["a", "b"]]
