"""The analysis pipeline: configured stage objects that declare the Document fields they read and write.

A stage is an object (or function) ``stage(doc) -> None`` that fills Document fields in place. It declares

* ``requires`` — Document fields it cannot work without (the pipeline refuses to run it unless an earlier stage
  assigns them, or they are given with the document: ``text``, ``id``, ``meta``);
* ``uses`` — fields it reads when present (it still works when nothing assigns them: then it runs first);
* ``assigns`` — fields it writes.

Each name is a :class:`~khabar.document.Document` field (``tokens``) or an attribute of its elements
(``tokens.lemma``, ``words.head``, ``dateline.place``): a name that is neither is an error when the stage is
registered or built, as spaCy checks ``requires``/``assigns``. Stages are ordered by these declarations (listed
order breaks ties).

Stages with resources (models, the knowledge base) are built by the pipeline from a :class:`PipelineConfig`:
``Pipeline(PipelineConfig(kb=my_kb))`` and ``Pipeline()`` coexist, each with its own resolver. The default
stages are registered explicitly in :mod:`khabar.stages`. A pipeline may be called from several threads at
once: each concurrent call gets its own set of stage objects (built on demand, then reused); the resources
they share (models, KB) are read-only.
"""

from __future__ import annotations

import gc
import queue
import threading
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from khabar import document as _docmod
from khabar.document import Document

if TYPE_CHECKING:  # resources only: importing them here would load every stage package with the pipeline
    from khabar.extract.eventcoder.coder import Coder
    from khabar.kb.kb import KB
    from khabar.models.morph.model import MorphModel
    from khabar.models.parse.model import ParseModel
    from khabar.models.topic.model import TopicModel

StageFn = Callable[[Document], None]
GIVEN: frozenset[str] = frozenset({"text", "id", "meta"})  # fields every document starts with


class LayerError(ValueError):
    """A stage declares a field that is not a Document field, or a pipeline lacks a field some stage requires."""


def _element_classes() -> dict[str, type | None]:
    """Document field (and the ``words`` view) → the class of its elements (None: not a record)."""
    hints = typing.get_type_hints(Document, vars(_docmod))
    out: dict[str, type | None] = {}
    for f in fields(Document):
        hint = hints[f.name]
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if typing.get_origin(hint) is list and args and isinstance(args[0], type):
            out[f.name] = args[0]
        elif args and isinstance(args[0], type) and hasattr(args[0], "__dataclass_fields__"):
            out[f.name] = args[0]  # Optional[Record]
        elif isinstance(hint, type) and hasattr(hint, "__dataclass_fields__"):
            out[f.name] = hint
        else:
            out[f.name] = None
    out["words"] = _docmod.Word  # Document.words: every token's words, in order
    return out


_ELEMENTS: dict[str, type | None] | None = None


def check_field(name: str) -> None:
    """Raise :class:`LayerError` unless ``name`` is a Document field or ``field.attribute`` of its elements."""
    global _ELEMENTS
    if _ELEMENTS is None:
        _ELEMENTS = _element_classes()
    head, _, attr = name.partition(".")
    if head not in _ELEMENTS:
        raise LayerError(f"{name!r} is not a Document field (fields: {', '.join(sorted(_ELEMENTS))})")
    if attr:
        cls = _ELEMENTS[head]
        known = {f.name for f in fields(cls)} if cls is not None else set()
        if attr not in known:
            raise LayerError(f"{name!r}: Document.{head} has no element attribute {attr!r}")


def _check_declarations(*decls: tuple[str, ...]) -> None:
    for decl in decls:
        for f in decl:
            check_field(f)


def _layer(name: str) -> str:
    return name.partition(".")[0]


@dataclass(frozen=True, slots=True)
class Stage:
    """A built stage: a callable plus its declarations (checked on construction)."""

    name: str
    fn: StageFn
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _check_declarations(self.requires, self.assigns, self.uses)

    def __call__(self, doc: Document) -> None:
        self.fn(doc)


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    """What a pipeline is built from. ``None`` means the packaged default for that resource.

    ``stages``: stage names (or built :class:`Stage` objects) — default :data:`DEFAULT_STAGES`;
    ``kb``: a :class:`khabar.kb.kb.KB` for ``resolve``; ``ner_model``: path of an NER model for ``ner`` (a neural ``.npz`` or a CRF ``.crfsuite``);
    ``morph_model`` / ``parse_model``: loaded models for ``morph`` / ``parse``; ``coder``: an event
    :class:`~khabar.extract.eventcoder.coder.Coder` for ``events``; ``topic_model``: the classifier of ``topics``.
    """

    stages: tuple[str | Stage, ...] | None = None
    kb: KB | None = None
    ner_model: str | Path | None = None
    morph_model: MorphModel | None = None
    parse_model: ParseModel | None = None
    coder: Coder | None = None
    topic_model: TopicModel | None = None


StageFactory = Callable[[PipelineConfig], StageFn]


@dataclass(frozen=True, slots=True)
class StageSpec:
    """A registered stage: how to build it from a config, and what it declares."""

    name: str
    factory: StageFactory
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _check_declarations(self.requires, self.assigns, self.uses)

    def build(self, config: PipelineConfig) -> Stage:
        return Stage(self.name, self.factory(config), self.requires, self.assigns, self.uses)


_REGISTRY: dict[str, StageSpec] = {}
_DEFAULTS_LOADED = False

# The full analysis, in a valid order (declarations decide; this order breaks ties).
DEFAULT_STAGES: tuple[str, ...] = (
    "tokenize",
    "sentences",
    "dateline",
    "morph",
    "parse",
    "ner",
    "resolve",
    "clauses",  # after resolve (listed order breaks ties), so that arguments carry entity ids
    "times",
    "quotes",
    "time_anchors",
    "events",
    "topics",
)


def add_stage(spec: StageSpec) -> StageSpec:
    """Register ``spec`` under its name (a later registration of the same name replaces it)."""
    _REGISTRY[spec.name] = spec
    return spec


def register(
    name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = (), uses: Iterable[str] = ()
) -> Callable[[StageFn], StageFn]:
    """Decorator for a stage without resources: ``@register("mine", requires=["tokens"], assigns=["topic"])``."""

    def wrap(fn: StageFn) -> StageFn:
        add_stage(StageSpec(name, lambda _config: fn, tuple(requires), tuple(assigns), tuple(uses)))
        return fn

    return wrap


def register_factory(
    name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = (), uses: Iterable[str] = ()
) -> Callable[[StageFactory], StageFactory]:
    """Decorator for a stage built from the pipeline's config: the factory returns the stage callable."""

    def wrap(factory: StageFactory) -> StageFactory:
        add_stage(StageSpec(name, factory, tuple(requires), tuple(assigns), tuple(uses)))
        return factory

    return wrap


def _load_defaults() -> None:
    global _DEFAULTS_LOADED
    if not _DEFAULTS_LOADED:
        from khabar.stages import DEFAULT_SPECS  # explicit: a missing stage module is an ImportError

        for spec in DEFAULT_SPECS:
            _REGISTRY.setdefault(spec.name, spec)
        _DEFAULTS_LOADED = True


def get_spec(name: str) -> StageSpec:
    _load_defaults()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown pipeline stage {name!r}; known: {sorted(_REGISTRY)}") from None


def get_stage(name: str, config: PipelineConfig | None = None) -> Stage:
    """A stage built on its own (default resources unless ``config`` says otherwise)."""
    return get_spec(name).build(config or PipelineConfig())


def available_stages() -> list[str]:
    _load_defaults()
    return sorted(_REGISTRY)


def _order(stages: list[Stage]) -> list[Stage]:
    """Topological order: a stage runs after the stage that creates each field it requires or uses — the first
    (in the given order) that assigns it without reading it; stages that read and extend a field (quotes and
    events add entities) are not its creators. ``meta``, ``text``, ``id`` come with the document and order
    nothing. Ties keep the given order."""
    creators: dict[str, str] = {}
    writers: dict[str, str] = {}
    for st in stages:
        reads = {*st.requires, *st.uses} | {_layer(r) for r in (*st.requires, *st.uses)}
        for name in st.assigns:
            if _layer(name) in GIVEN:
                continue
            for key in {name, _layer(name)}:
                writers.setdefault(key, st.name)
                if key not in reads:
                    creators.setdefault(key, st.name)
    providers = writers | creators
    done: set[str] = set()
    ordered: list[Stage] = []
    pending = list(stages)
    while pending:
        for st in pending:
            wanted = [r if r in providers else _layer(r) for r in (*st.requires, *st.uses)]
            needs = {providers[r] for r in wanted if r in providers} - {st.name}
            if needs <= done:
                ordered.append(st)
                done.add(st.name)
                pending.remove(st)
                break
        else:
            raise LayerError(f"circular stage requirements among {[s.name for s in pending]}")
    return ordered


def _check_requires(stages: list[Stage]) -> None:
    assigned = set(GIVEN)
    for st in stages:
        assigned |= {_layer(a) for a in st.assigns} | set(st.assigns)
    for st in stages:
        missing = [r for r in st.requires if r not in assigned and _layer(r) not in GIVEN]
        if missing:
            raise LayerError(f"stage {st.name!r} requires {missing}, which no stage in this pipeline assigns")


class Pipeline:
    """Configured stages in dependency order. ``Pipeline()`` is the default full analysis.

    ``Pipeline(["tokenize", "sentences"])`` runs those stages; ``Pipeline(PipelineConfig(kb=other_kb))`` builds
    every default stage with another knowledge base.
    """

    def __init__(self, stages: Iterable[str | Stage] | PipelineConfig | None = None,
                 config: PipelineConfig | None = None) -> None:
        if isinstance(stages, PipelineConfig):
            stages, config = None, stages
        self.config = config or PipelineConfig()
        if stages is None:
            stages = self.config.stages or DEFAULT_STAGES
        self._items: list[str | Stage] = list(stages)
        self._specs: list[StageSpec | Stage] = [s if isinstance(s, Stage) else get_spec(s) for s in self._items]
        built = self._build()
        _check_requires(built)
        self.stages: list[Stage] = _order(built)
        self._idle: queue.SimpleQueue[list[Stage]] = queue.SimpleQueue()
        self._idle.put(self.stages)
        self._lock = threading.Lock()

    def __reduce__(self) -> tuple[Any, ...]:
        # to another process (ingest workers) as what it is built from: the stage objects are rebuilt there
        return (Pipeline, (self._items, self.config))

    def _build(self) -> list[Stage]:
        return [s if isinstance(s, Stage) else s.build(self.config) for s in self._specs]

    def _fresh_stages(self) -> list[Stage]:
        # another thread holds the first set: build a second one (same config, same shared resources)
        by_name = {s.name: s for s in self._build()}
        return [by_name[s.name] for s in self.stages]

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(
        self,
        text: str,
        published: str | None = None,
        meta: dict[str, Any] | None = None,
        doc_id: str | None = None,
    ) -> Document:
        if not isinstance(text, str):
            raise TypeError(f"analyze() needs text as str, got {type(text).__name__}; decode bytes first")
        meta = dict(meta or {})
        if published is not None:
            meta["published"] = str(published)
        meta.setdefault("language", "ar")
        doc = Document(text=text, id=doc_id or str(meta.get("id") or ""), meta=meta)
        return self.run(doc)

    def run(self, doc: Document) -> Document:
        try:
            stages = self._idle.get_nowait()
        except queue.Empty:
            with self._lock:
                stages = self._fresh_stages()
        # Span objects hold no reference cycles; pausing the cyclic GC saves 15-25% on token-heavy stages.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            for st in stages:
                st(doc)
        finally:
            if was_enabled:
                gc.enable()
            self._idle.put(stages)
        return doc


_DEFAULT: Pipeline | None = None
_DEFAULT_LOCK = threading.Lock()


def default_pipeline() -> Pipeline:
    """The full default pipeline, built on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = Pipeline()
    return _DEFAULT


def analyze(
    text: str, published: str | None = None, meta: dict[str, Any] | None = None, doc_id: str | None = None
) -> Document:
    """Analyse one article and return its :class:`Document` (original text untouched, layers filled)."""
    return default_pipeline()(text, published=published, meta=meta, doc_id=doc_id)
