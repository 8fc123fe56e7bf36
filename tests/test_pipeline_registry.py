"""The stage contract: explicit registration, declared Document fields checked, configured stage instances."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from khabar.document import Document
from khabar.kb.kb import KB
from khabar.pipeline import (
    DEFAULT_STAGES,
    LayerError,
    Pipeline,
    PipelineConfig,
    Stage,
    StageSpec,
    available_stages,
    get_spec,
    register,
)
from khabar.stages import DEFAULT_SPECS

SEED_PUBLISHED = "2021-12-12"


def test_every_default_stage_is_registered_explicitly() -> None:
    assert [s.name for s in DEFAULT_SPECS] == list(DEFAULT_STAGES)
    assert set(DEFAULT_STAGES) <= set(available_stages())
    assert Pipeline().names == list(DEFAULT_STAGES)
    rev = Pipeline(list(reversed(DEFAULT_STAGES))).names  # declarations, not the listed order, decide
    for before, after in [("tokenize", "morph"), ("morph", "parse"), ("ner", "resolve"), ("resolve", "quotes"),
                          ("parse", "clauses"), ("times", "time_anchors"), ("quotes", "time_anchors")]:
        assert rev.index(before) < rev.index(after)


def test_unknown_stage_is_an_error() -> None:
    with pytest.raises(KeyError, match="no_such_stage"):
        Pipeline(["tokenize", "no_such_stage"])


@pytest.mark.parametrize("bad", ["tokenz", "entities.nonsense", "normalized", "parse", "morph"])
def test_a_declared_field_that_is_not_a_document_field_is_an_error(bad: str) -> None:
    with pytest.raises(LayerError, match=repr(bad)):
        StageSpec("x", lambda c: lambda d: None, requires=(bad,))
    with pytest.raises(LayerError):
        Stage("x", lambda d: None, assigns=(bad,))
    with pytest.raises(LayerError):
        register("x", uses=[bad])(lambda d: None)


def test_element_attributes_are_checked() -> None:
    Stage("ok", lambda d: None, requires=("tokens.lemma", "words.head", "dateline.place", "mentions"))
    with pytest.raises(LayerError, match="no element attribute"):
        Stage("bad", lambda d: None, requires=("tokens.head",))


def test_a_pipeline_lacking_a_required_field_is_refused() -> None:
    with pytest.raises(LayerError, match="resolve.*mentions"):
        Pipeline(["tokenize", "sentences", "resolve"])
    with pytest.raises(LayerError, match="parse"):
        Pipeline(["tokenize", "sentences", "parse"])  # parse needs the words morph assigns


def test_ner_mentions_have_their_own_field(seed_text: str) -> None:
    doc = Pipeline(["tokenize", "sentences", "ner"])(seed_text)
    assert doc.mentions and doc.entities == []
    assert all(seed_text[m.start:m.end] == m.text for m in doc.mentions)
    full = Pipeline()(seed_text, published=SEED_PUBLISHED)
    assert full.entities and "mentions" not in full.to_dict()


def test_declarations_match_what_the_stages_touch(seed_text: str) -> None:
    # Each default stage, run alone after the stages it is ordered after, changes no field it does not assign.
    names = Pipeline().names
    doc = Document(text=seed_text, meta={"published": SEED_PUBLISHED})
    built = {s.name: s for s in Pipeline().stages}
    fields = set(Document.__dataclass_fields__)
    for name in names:
        st = built[name]
        before = doc.to_dict() | {"mentions": [m.to_dict() for m in doc.mentions]}
        st(doc)
        after = doc.to_dict() | {"mentions": [m.to_dict() for m in doc.mentions]}
        layers = {a.partition(".")[0] for a in st.assigns}
        if "words" in layers or any(a.startswith("tokens.") for a in st.assigns):
            layers.add("tokens")
        changed = {k if k in fields else "extra" for k in set(before) | set(after) if before.get(k) != after.get(k)}
        assert changed <= layers, f"{name} changed {sorted(changed - layers)} without declaring it"


def test_two_pipelines_with_different_kbs_coexist(seed_text: str) -> None:
    default = Pipeline()
    bare = Pipeline(PipelineConfig(kb=KB({"entities": []})))
    a = default(seed_text, published=SEED_PUBLISHED)
    b = bare(seed_text, published=SEED_PUBLISHED)
    again = default(seed_text, published=SEED_PUBLISHED)
    assert any(e.wikidata for e in a.entities)
    assert not any(e.wikidata for e in b.entities)
    assert again.to_dict() == a.to_dict()


def test_concurrent_runs_give_the_serial_output(seed_text: str, small_corpus: list[Document]) -> None:
    pipe = Pipeline()
    texts = [seed_text] + [d.text for d in small_corpus]
    serial = [pipe(t, published=SEED_PUBLISHED).to_dict() for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        parallel = list(pool.map(lambda t: pipe(t, published=SEED_PUBLISHED).to_dict(), texts * 3))
    assert parallel == serial * 3


def test_custom_stage_registration() -> None:
    @register("count_tokens_test", requires=["tokens"], assigns=["keyphrases"])
    def count(doc: Document) -> None:
        doc.keyphrases = [str(len(doc.tokens))]

    assert get_spec("count_tokens_test").requires == ("tokens",)
    doc = Pipeline(["count_tokens_test", "tokenize"])("قال الرئيس.")
    assert doc.keyphrases == ["3"]


def test_a_pipeline_travels_to_worker_processes_as_its_recipe() -> None:
    import pickle

    pipe = Pipeline(["tokenize", "sentences", "dateline"])
    copy = pickle.loads(pickle.dumps(pipe))
    assert copy.names == pipe.names and copy.stages is not pipe.stages
    assert copy("موسكو (رويترز) - قال الرئيس.").to_dict() == pipe("موسكو (رويترز) - قال الرئيس.").to_dict()
