"""Analyst views of the store on both backends: paged/sorted/faceted search, KB spelling variants in queries,
entity pages, stories. Documents are built by hand (text stages + hand-made layers) so that the expected
numbers are known exactly."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from khabar.document import Document, Entity, Event, Quote, Span
from khabar.extract.stories import StoryInput, cluster_stories
from khabar.pipeline import Pipeline
from khabar.store import open_store

TEXT = Pipeline(["tokenize", "sentences", "dateline"])


@pytest.fixture(scope="module")
def pg() -> Iterator[Any]:
    pytest.importorskip("psycopg", reason="psycopg not installed: pip install 'khabar[postgres]'")
    from pg_server import TempPostgres  # tests/ is on sys.path under pytest

    server = TempPostgres()
    if not server.available:
        pytest.skip("no PostgreSQL binaries (initdb/pg_ctl) found; run .ci/postgres.sh or set PG_BINDIR")
    with server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def make_target(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], str]:
    if request.param == "sqlite":
        count = iter(range(1000))
        return lambda: str(tmp_path / f"k{next(count)}.db")
    return request.getfixturevalue("pg").new_database


def span(text: str, word: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Span.of(text, start, start + len(word))


def article(doc_id: str, text: str, day: str, source: str, ents: list[tuple[str, str, str | None, str, str | None]],
            said_by: str | None = None, event: tuple[str, str, str] | None = None) -> Document:
    """``ents``: (surface, type, QID, canonical, sector); ``said_by``: surface of the speaker of a quote over the
    whole text; ``event``: (type, actor surface, recipient surface)."""
    d = TEXT(text, meta={"published": day + "T08:00:00Z", "source": source, "title": text.split("،")[0][:60]},
             doc_id=doc_id)
    by_surface = {}
    for k, (surface, typ, qid, canon, sector) in enumerate(ents):
        e = Entity(f"e{k}", typ, canonical=canon, canonical_ar=surface, wikidata=qid, sector=sector,
                   mentions=[span(text, surface)])
        d.entities.append(e)
        by_surface[surface] = e.id
    if said_by:
        d.quotes.append(Quote("indirect", by_surface[said_by], None, None, Span.of(text, 0, len(text))))
    if event:
        d.events.append(Event(event[0], actor=[by_surface[event[1]]], recipient=[by_surface[event[2]]],
                              date=day, evidence=[span(text, event[1])]))
    assert d.check_offsets() == []
    return d


TRUMP = ("ترامب", "PER", "Q22686", "Donald Trump", "GOV")
TRUMP2 = ("ترمب", "PER", "Q22686", "Donald Trump", "GOV")
PUTIN = ("بوتين", "PER", "Q7747", "Vladimir Putin", "GOV")
CNN = ("سي إن إن", "ORG", "Q48340", "CNN", "MED")
DOLLAR = ("دولار", "MISC", None, None, None)

DOCS = [
    article("a1", "قال ترامب إن بوتين شريك في المحادثات، بحسب سي إن إن.", "2018-07-16", "CNN",
            [TRUMP, PUTIN, CNN], said_by="ترامب", event=("CONSULT", "ترامب", "بوتين")),
    article("a2", "ترمب يلتقي بوتين في هلسنكي، والقمة كلفت مليون دولار.", "2018-07-16", "BBC",
            [TRUMP2, PUTIN, DOLLAR], event=("CONSULT", "ترمب", "بوتين")),
    article("a3", "انتقد بوتين العقوبات وقال ترامب إنه سيرد على الانتقاد.", "2018-07-20", "BBC",
            [PUTIN, TRUMP], said_by="بوتين", event=("ACCUSE", "بوتين", "ترامب")),
    article("a4", "سعر الدولار يرتفع في الأسواق اليوم، والمحادثات مستمرة.", "2018-07-21", "skynews", [DOLLAR]),
    article("a5", "ترامب يغرد مجددا عن التجارة مع الصين.", "2018-07-22", "CNN", [TRUMP]),
]


@pytest.fixture
def store(make_target: Callable[[], str]) -> Iterator[Any]:
    with open_store(make_target()) as st:
        assert st.add_many(DOCS) == len(DOCS)
        yield st


def test_total_offset_and_sort(store: Any) -> None:
    full = store.search_page("ترامب", limit=10)
    assert full["total"] == 4 and {h.id for h in full["hits"]} == {"a1", "a2", "a3", "a5"}
    # Pages are disjoint and together give the whole ranking; total does not depend on the page.
    pages = [store.search_page("ترامب", offset=o, limit=2, facets=False) for o in (0, 2, 4)]
    assert [p["total"] for p in pages] == [4, 4, 4]
    assert [h.id for p in pages for h in p["hits"]] == [h.id for h in full["hits"]]
    assert pages[2]["hits"] == []
    by_date = store.search_page("ترامب", sort="date", limit=10)
    dates = [h.published for h in by_date["hits"]]
    assert dates == sorted(dates, reverse=True) and by_date["hits"][0].id == "a5"
    with pytest.raises(ValueError, match="sort"):
        store.search_page("ترامب", sort="random")
    # Filters apply to the total too.
    assert store.search_page("ترامب", source="BBC")["total"] == 2
    assert store.search_page("", date_from="2018-07-20")["total"] == 3


def test_facets_count_all_matches(store: Any) -> None:
    page = store.search_page("ترامب", limit=1)
    f = page["facets"]
    assert sum(s["documents"] for s in f["sources"]) == page["total"]
    assert {s["source"]: s["documents"] for s in f["sources"]} == {"CNN": 2, "BBC": 2}
    assert {d["day"]: d["documents"] for d in f["days"]} == {"2018-07-16": 2, "2018-07-20": 1, "2018-07-22": 1}
    assert {e["event"]: e["documents"] for e in f["events"]} == {"CONSULT": 2, "ACCUSE": 1}
    ents = {e["key"]: e["documents"] for e in f["entities"]}
    assert ents == {"Q22686": 4, "Q7747": 3}  # CNN (media) and دولار (currency) are not top entities
    assert store.search_page("ترامب", facets=False)["facets"] is None


def test_facets_are_remembered_only_while_the_store_is_unchanged(store: Any) -> None:
    first = store.search_page("ترامب")["facets"]
    first["sources"].clear()  # the caller's copy: the remembered facets stay whole
    again = store.search_page("ترامب", offset=2)["facets"]
    assert {s["source"] for s in again["sources"]} == {"CNN", "BBC"}
    store.add(article("a6", "ترامب يزور لندن.", "2018-07-23", "france24", [TRUMP]))
    after = store.search_page("ترامب")
    assert after["total"] == 5 and {s["source"] for s in after["facets"]["sources"]} == {"CNN", "BBC", "france24"}


def test_entity_facet_of_a_broad_match_counts_its_newest_documents(store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import khabar.store.base as base

    monkeypatch.setattr(base, "FACET_DOCS", 2)
    page = store.search_page("ترامب", limit=1)
    f = page["facets"]
    assert page["total"] == 4 and f["entities_over"] == 2
    # The newest two matches (a5, a3) hold Trump twice and Putin once; sources and days still count all four.
    assert {e["key"]: e["documents"] for e in f["entities"]} == {"Q22686": 2, "Q7747": 1}
    assert {e["event"]: e["documents"] for e in f["events"]} == {"ACCUSE": 1}
    assert sum(x["documents"] for x in f["sources"]) == 4


def test_stats_top_lists_leave_out_media_and_currencies(store: Any) -> None:
    s = store.stats(top=10)
    names = {e["name"] for e in s["top_entities"]}
    assert "Donald Trump" in names and "CNN" not in names and "دولار" not in names
    assert {e["wikidata"] for e in s["top_speakers"]} == {"Q22686", "Q7747"}


def test_spelling_variants_of_kb_names_match(store: Any) -> None:
    # ترمب and ترامب are aliases of one KB entity: either spelling finds the documents of both.
    a = {h.id for h in store.search("ترامب", limit=10)}
    b = {h.id for h in store.search("ترمب", limit=10)}
    assert a == b == {"a1", "a2", "a3", "a5"}
    # A word that names nothing in the KB is not expanded.
    assert {h.id for h in store.search("الدولار", limit=10)} == {"a4"}
    assert {h.id for h in store.search("ترمب هلسنكي", limit=10)} == {"a2"}  # other words still required


def test_entity_page(store: Any) -> None:
    page = store.entity("Q22686", limit=10)
    info = page["entity"]
    assert info["name"] == "Donald Trump" and info["type"] == "PER" and info["wikidata"] == "Q22686"
    assert page["counts"] == {"documents": 4, "mentions": 4, "quotes": 1, "events_as_actor": 2,
                              "events_as_recipient": 1}
    assert [m["doc"] for m in page["mentions"]] == ["a5", "a3", "a1", "a2"] or \
        [m["doc"] for m in page["mentions"]][:2] == ["a5", "a3"]
    assert {f["text"] for f in page["forms"]} == {"ترامب", "ترمب"}
    assert [q["doc"] for q in page["quotes"]] == ["a1"]
    assert {e["doc"] for e in page["events"]["actor"]} == {"a1", "a2"}
    assert [e["event"] for e in page["events"]["recipient"]] == ["ACCUSE"]
    tl = {t["day"]: t for t in page["timeline"]}
    assert tl["2018-07-16"] == {"day": "2018-07-16", "mentions": 2, "documents": 2, "quotes": 1, "events": 2}
    assert sum(t["mentions"] for t in page["timeline"]) == page["counts"]["mentions"]
    assert sum(t["events"] for t in page["timeline"]) == 3
    rel = {r["key"]: r["documents"] for r in page["related"]}
    assert rel == {"Q7747": 3}  # itself, CNN and the dollar are left out
    # An entity without a Wikidata id is found by its store key; unknown keys give None.
    assert store.entity("دولار")["counts"]["documents"] == 2
    assert store.entity("Q1") is None and store.entity("لا أحد") is None


def test_stories_are_stored_and_listed(store: Any) -> None:
    items = [StoryInput(*r) for r in store.story_inputs()]
    assert {i.id for i in items} == {d.id for d in DOCS}
    a1 = next(i for i in items if i.id == "a1")
    assert set(a1.entities) == {"Q22686", "Q7747"}  # CNN is no story entity
    from khabar.extract.stories import Story

    n = store.set_stories([Story(["a1", "a2"], [1.0, 0.5], "2018-07-16", "2018-07-16", ["CNN", "BBC"], ["Q22686"])])
    assert n == 1
    page = store.stories()
    assert page["total"] == 1
    s = page["stories"][0]
    assert s["outlets"] == 2 and s["documents"] == 2 and [m["id"] for m in s["members"]] == ["a1", "a2"]
    assert store.story_of("a2") == {"id": s["id"], "documents": 2, "outlets": 2}
    got = {h.id: h.extra["story"] for h in store.search_page("ترامب", limit=10)["hits"]}
    assert got["a1"] == got["a2"] == {"id": s["id"], "outlets": 2} and got["a5"] is None
    assert store.story_of("a5") is None
    assert store.story(s["id"])["entities"] == ["Q22686"] and store.story(999) is None
    assert store.stories(min_outlets=3)["total"] == 0
    # Computing again replaces the stories; deleting an article takes it out of its story.
    store.set_stories([])
    assert store.stories()["total"] == 0


# -- the clustering itself -------------------------------------------------------------------------------

def _item(i: str, day: str, source: str, title: str, text: str, ents: list[str]) -> StoryInput:
    return StoryInput(i, day, source, title, text, ents)


FILLER = [_item(f"f{k}", f"2018-03-{1 + k % 28:02d}", "X", f"عنوان {k}", f"خبر رقم {k} عن موضوع مختلف تماما كلمة{k} وكلمات{k}",
                [f"E{k}"]) for k in range(60)]


def test_same_story_across_outlets_clusters_and_others_do_not() -> None:
    summit = "قمة هلسنكي بين الرئيسين بحثت الملف النووي والعقوبات والتدخل في الانتخابات الأمريكية"
    items = FILLER + [
        _item("s1", "2018-07-16", "BBC", "قمة هلسنكي", summit, ["Q22686", "Q7747", "Q1757"]),
        _item("s2", "2018-07-16", "CNN", "ترامب وبوتين في هلسنكي", summit.replace("بحثت", "ناقشت"),
              ["Q22686", "Q7747", "Q1757"]),
        _item("s3", "2018-07-17", "skynews", "نتائج قمة هلسنكي", "الكرملين: " + summit, ["Q7747", "Q1757"]),
        # Same words, a month later: another story.
        _item("late", "2018-08-20", "BBC", "قمة هلسنكي", summit, ["Q22686", "Q7747", "Q1757"]),
        # Same day, other story.
        _item("other", "2018-07-16", "CNN", "مباراة", "فاز الفريق في مباراة كرة القدم النهائية بهدفين", ["Q8682"]),
    ]
    stories = cluster_stories(items)
    assert [sorted(s.members) for s in stories] == [["s1", "s2", "s3"]]
    st = stories[0]
    assert st.outlets == 3 and st.first == "2018-07-16" and st.last == "2018-07-17" and st.scores[0] == 1.0
    assert all(0.0 < x <= 1.0 for x in st.scores)


def test_shared_words_without_a_shared_entity_do_not_make_a_story() -> None:
    text = "ارتفعت أسعار النفط في الأسواق العالمية بعد قرار خفض الإنتاج المفاجئ"
    items = FILLER + [_item("p1", "2018-05-01", "BBC", "النفط", text, ["Q1"]),
                      _item("p2", "2018-05-01", "CNN", "النفط", text, ["Q2"])]
    assert cluster_stories(items) == []
    # With a shared specific entity they do.
    items[-1] = _item("p2", "2018-05-01", "CNN", "النفط", text, ["Q1"])
    assert [s.members for s in cluster_stories(items)] == [["p1", "p2"]]


def test_bad_or_missing_dates_and_tiny_inputs_are_not_a_crash() -> None:
    assert cluster_stories([]) == []
    assert cluster_stories([_item("x", None, None, "", "", [])]) == []  # type: ignore[arg-type]
    assert cluster_stories([_item("x", "not a date", None, "a", "b", []), _item("y", "2018-01-01", None, "", "", [])]) == []


def test_cli_ingest_clusters_stories_and_stories_lists_them(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from khabar.cli import _load
    from khabar.cli.apps import app

    _load()
    recs = [
        {"id": "h1", "text": "قال الرئيس الأمريكي دونالد ترامب إن المحادثات مع الرئيس الروسي فلاديمير بوتين في هلسنكي كانت جيدة.",
         "published": "2018-07-16T09:00:00Z", "source": "BBC", "title": "ترامب: محادثات هلسنكي جيدة"},
        {"id": "h2", "text": "أكد الرئيس الروسي فلاديمير بوتين أن قمة هلسنكي مع دونالد ترامب كانت ناجحة ومفيدة للبلدين.",
         "published": "2018-07-16T12:00:00Z", "source": "CNN", "title": "بوتين: قمة هلسنكي ناجحة"},
        {"id": "x", "text": "فاز الفريق في مباراة كرة القدم النهائية بهدفين نظيفين أمام جماهيره.",
         "published": "2018-07-16", "source": "CNN", "title": "مباراة"},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    db = str(tmp_path / "k.db")
    res = CliRunner().invoke(app, ["ingest", str(src), "--db", db, "-j", "1", "--json", "--no-progress"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output[res.output.index("{"):])["stories"] == 1
    with open_store(db) as st:
        assert st.story_of("h1") == st.story_of("h2") == {"id": 1, "documents": 2, "outlets": 2}
        assert st.story_of("x") is None
    listed = CliRunner().invoke(app, ["stories", "--db", db, "--list", "--json"])
    assert listed.exit_code == 0 and json.loads(listed.output.strip().splitlines()[0])["outlets"] == 2
