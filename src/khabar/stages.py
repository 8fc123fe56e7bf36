"""The default pipeline stages, registered explicitly: what each builds from the config, reads and writes.

Every name in ``requires`` / ``uses`` / ``assigns`` is a :class:`~khabar.document.Document` field or
``field.attribute`` of its elements (checked by :class:`~khabar.pipeline.StageSpec`). ``requires``: the stage
cannot work without it; ``uses``: read when present. Importing a stage module that is missing fails here with
its own ImportError — no stage is ever skipped.
"""

from __future__ import annotations

from khabar.extract.clauses import clauses_stage
from khabar.extract.events import EventsStage
from khabar.extract.quotes import quotes_stage
from khabar.extract.times import time_anchors_stage, times_stage
from khabar.extract.topics import TopicsStage
from khabar.kb.stage import ResolveStage
from khabar.models.morph_stage import MorphStage
from khabar.models.ner_stage import NerStage, load_tagger
from khabar.models.parse_stage import ParseStage
from khabar.pipeline import PipelineConfig, StageFn, StageSpec
from khabar.text.stage import dateline_stage, sentence_stage, tokenize_stage

# the Word attributes morph writes (Token.words holds Word objects)
_MORPH = ("tokens.seg", "tokens.pos", "tokens.lemma", "tokens.words", "words.form", "words.pos", "words.lemma")


def _morph(config: PipelineConfig) -> StageFn:
    return MorphStage(config.morph_model)


def _parse(config: PipelineConfig) -> StageFn:
    return ParseStage(config.parse_model)


def _ner(config: PipelineConfig) -> StageFn:
    return NerStage(load_tagger(config.ner_model))


def _resolve(config: PipelineConfig) -> StageFn:
    return ResolveStage(config.kb)


def _events(config: PipelineConfig) -> StageFn:
    return EventsStage(config.coder)


def _topics(config: PipelineConfig) -> StageFn:
    return TopicsStage(config.topic_model)


DEFAULT_SPECS: tuple[StageSpec, ...] = (
    StageSpec("tokenize", lambda c: tokenize_stage, requires=("text",), assigns=("tokens",)),
    # sentences and dateline detect the dateline from the text (one shared detection per text)
    StageSpec("sentences", lambda c: sentence_stage, requires=("text",), assigns=("sentences",)),
    StageSpec("dateline", lambda c: dateline_stage, requires=("text",), assigns=("dateline",)),
    StageSpec("morph", _morph, requires=("tokens",), assigns=_MORPH),
    StageSpec("parse", _parse, requires=("tokens.words", "words.pos", "words.lemma"), uses=("sentences",),
              assigns=("words.head", "words.rel")),
    StageSpec("ner", _ner, requires=("tokens",), uses=("sentences",), assigns=("mentions",)),
    # resolve detects the dateline itself when no stage did
    StageSpec("resolve", _resolve, requires=("mentions",), uses=("dateline", "meta"),
              assigns=("entities", "dateline", "dateline.place", "dateline.agency", "extra")),
    StageSpec("clauses", lambda c: clauses_stage, requires=("words.head", "words.rel"),
              uses=("sentences", "entities"), assigns=("clauses",)),
    StageSpec("times", lambda c: times_stage, requires=("text",),
              uses=("meta", "sentences", "tokens.pos", "tokens.lemma", "words.pos", "words.lemma", "entities"),
              assigns=("times", "meta")),
    StageSpec("quotes", lambda c: quotes_stage, requires=("entities",),
              uses=("tokens", "tokens.lemma", "words.pos", "clauses", "dateline"),
              assigns=("quotes", "entities")),
    StageSpec("time_anchors", lambda c: time_anchors_stage, requires=("times", "quotes"),
              uses=("sentences", "meta"), assigns=("times.value", "times.extra")),
    StageSpec("events", _events, requires=("entities",),
              uses=("sentences", "times", "times.value", "quotes", "dateline", "meta"),
              assigns=("events", "entities")),
    StageSpec("topics", _topics, requires=("tokens", "sentences"), uses=("dateline",),
              assigns=("topic", "summary", "keyphrases")),
)
