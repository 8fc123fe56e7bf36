"""Topic, summary and keyphrases stage: behaviour on news text and on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.document import Document
from khabar.extract.topics import analyse_topics, doc_freq
from khabar.models.topic.features import token_keys, word_key
from khabar.models.topic.model import get_model, load_stopwords
from khabar.paths import SEED_DIR
from khabar.pipeline import Pipeline, get_stage

SEED = SEED_DIR / "article.txt"
STAGES = ["tokenize", "sentences", "dateline", "topics"]

SPORT = (
    "ريال مدريد يفوز على برشلونة في الكلاسيكو\n"
    "فاز فريق ريال مدريد على منافسه برشلونة بهدفين مقابل هدف واحد في المباراة التي جمعت الفريقين مساء السبت "
    "ضمن منافسات الدوري الإسباني لكرة القدم. وسجل مهاجم ريال مدريد الهدف الأول في الدقيقة العشرين من الشوط الأول. "
    "وعادل برشلونة النتيجة في الشوط الثاني قبل أن يسجل ريال مدريد هدف الفوز في الدقائق الأخيرة من المباراة. "
    "وبهذا الفوز يرفع ريال مدريد رصيده إلى خمسين نقطة في صدارة ترتيب الدوري الإسباني. "
    "وقال مدرب ريال مدريد بعد المباراة إن اللاعبين قدموا مباراة كبيرة أمام منافس قوي. "
    "ويلتقي برشلونة في الجولة المقبلة مع فريق إشبيلية على ملعبه في الدوري الإسباني."
)
ECONOMY = (
    "ارتفعت أسعار النفط في الأسواق العالمية اليوم الاثنين مع تراجع المخزونات الأمريكية من الخام. "
    "وصعد سعر خام برنت بنسبة اثنين في المئة إلى ثمانين دولارا للبرميل، بينما ارتفعت أسهم شركات الطاقة في البورصة. "
    "وقال محللون إن البنك المركزي قد يرفع أسعار الفائدة لمواجهة التضخم وتباطؤ النمو الاقتصادي."
)


def run(text: str) -> Document:
    return Pipeline(STAGES)(text, published="2021-12-12")


def test_stage_registered() -> None:
    st = get_stage("topics")
    assert set(st.requires) == {"sentences", "tokens"}
    assert st.assigns == ("topic", "summary", "keyphrases")


def test_model_small_and_labels() -> None:
    m = get_model()
    assert m is not None
    assert set(m.labels) == {"culture", "economy", "internationalNews", "middleEast", "sport", "technology"}
    path = Path(__file__).resolve().parent.parent / "src/khabar/models/topic/topic.json.gz"
    assert path.stat().st_size < 10_000_000


@pytest.mark.parametrize(("text", "label"), [(SPORT, "sport"), (ECONOMY, "economy")])
def test_topic_of_clear_articles(text: str, label: str) -> None:
    assert run(text).topic == label


def test_summary_spans_in_order_skip_headline() -> None:
    doc = run(SPORT)
    assert 1 <= len(doc.summary) <= 3
    starts = [s.start for s in doc.summary]
    assert starts == sorted(starts)
    sent_spans = {(s.start, s.end) for s in doc.sentences}
    headline_end = SPORT.index("\n")
    for s in doc.summary:
        assert (s.start, s.end) in sent_spans
        assert s.start > headline_end  # the headline line is not summary material
    assert doc.check_offsets() == []


def test_keyphrases_are_surface_strings() -> None:
    doc = run(SPORT)
    stop = load_stopwords()
    assert 1 <= len(doc.keyphrases) <= 8
    assert any("ريال مدريد" in k or "برشلونة" in k for k in doc.keyphrases)
    for kp in doc.keyphrases:
        assert kp in SPORT
        words = kp.split()
        assert word_key(token_keys(run(words[0]).tokens)[0] or "") not in stop
        assert token_keys(run(words[-1]).tokens)[0] not in stop
    assert len(set(doc.keyphrases)) == len(doc.keyphrases)


@pytest.mark.skipif(not SEED.exists(), reason="seed article not available")
def test_seed_article_layers() -> None:
    text = SEED.read_text(encoding="utf-8")
    doc = run(text)
    assert doc.topic in get_model().labels  # type: ignore[union-attr]
    assert 2 <= len(doc.summary) <= 3
    assert all(kp in text for kp in doc.keyphrases) and len(doc.keyphrases) >= 5
    assert doc.check_offsets() == []
    d = doc.to_dict()
    assert isinstance(d["topic"], str) and isinstance(d["keyphrases"], list)
    assert all(set(s) >= {"start", "end"} for s in d["summary"])


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n ", "Hello world, this is English only. Nothing Arabic here.", "\x00\x01\x02\ufffd" * 50,
     "12345 678 90", "؟؟؟ ... !!!", "كلمة", "<script>alert(1)</script>" * 20],
)
def test_bad_input_is_empty(text: str) -> None:
    doc = run(text)
    assert doc.topic is None and doc.summary == [] and doc.keyphrases == []


def test_huge_and_repetitive_input() -> None:
    text = (ECONOMY + "\n") * 400
    doc = run(text)
    assert doc.topic == "economy"
    assert len(doc.summary) <= 3 and len(doc.keyphrases) <= 8
    assert doc.check_offsets() == []


def test_without_sentences_or_model_layers() -> None:
    doc = Document(text=SPORT)
    analyse_topics(doc)  # no tokens: nothing to say
    assert doc.topic is None and doc.summary == [] and doc.keyphrases == []


def test_df_table_loaded() -> None:
    dfq = doc_freq()
    assert dfq.n_docs > 10_000 and len(dfq.df) > 10_000
    assert dfq.idf(word_key("الحكومة")) < dfq.idf("كلمةغيرموجودةابدا")


def test_cli_eval_and_train_guard() -> None:
    from typer.testing import CliRunner

    from khabar.cli import _load
    from khabar.cli.apps import app
    from khabar.models.topic.train import ANT1

    _load()
    runner = CliRunner()
    assert runner.invoke(app, ["eval", "topic", "--split", "bogus"]).exit_code == 2
    if ANT1.exists():
        res = runner.invoke(app, ["eval", "topic", "--split", "jawharafm", "--limit", "30"])
        assert res.exit_code == 0, res.output
        assert "accuracy" in res.output
