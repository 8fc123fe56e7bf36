"""Named pipeline stages that declare the layers they require and provide.

A stage is any callable ``stage(doc) -> None`` that adds its layer to the document in place,
registered with :func:`register`. The pipeline orders stages by their declared dependencies, not by
the order they were listed in, and refuses a pipeline whose requirements nobody provides.
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from khabar.document import Document

StageFn = Callable[[Document], None]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    fn: StageFn
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()

    def __call__(self, doc: Document) -> None:
        self.fn(doc)


_REGISTRY: dict[str, Stage] = {}

# Modules whose import registers the default stages, in no particular order (dependencies decide).
# Each later issue adds its module here; a stage not built yet simply leaves its layer empty.
DEFAULT_STAGE_MODULES: tuple[str, ...] = (
    "khabar.text.stage",
    "khabar.models.morph_stage",
    "khabar.models.parse_stage",
    "khabar.models.ner_stage",
    "khabar.kb.stage",
    "khabar.extract.clauses",
    "khabar.extract.times",
    "khabar.extract.quotes",
    "khabar.extract.events",
    "khabar.extract.topics",
)
DEFAULT_STAGES: tuple[str, ...] = (
    "normalize",
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


def register(
    name: str, *, requires: Iterable[str] = (), provides: Iterable[str] = ()
) -> Callable[[StageFn], StageFn]:
    """Decorator: ``@register("times", requires=["tokens"], provides=["times"])``."""

    def wrap(fn: StageFn) -> StageFn:
        _REGISTRY[name] = Stage(name, fn, tuple(requires), tuple(provides))
        return fn

    return wrap


class StageModuleError(ImportError):
    """A module named in ``DEFAULT_STAGE_MODULES`` is missing, or a default stage was never registered."""


def _load_default_modules() -> None:
    # A missing stage module is an error, not a silently shorter pipeline (its layers would just be absent).
    for mod in DEFAULT_STAGE_MODULES:
        try:
            importlib.import_module(mod)
        except ModuleNotFoundError as err:
            if err.name == mod:
                raise StageModuleError(
                    f"pipeline stage module {mod} is missing (listed in khabar.pipeline.DEFAULT_STAGE_MODULES); "
                    "reinstall khabar"
                ) from err
            raise
    unregistered = [name for name in DEFAULT_STAGES if name not in _REGISTRY]
    if unregistered:
        raise StageModuleError(f"default pipeline stages {unregistered} were not registered by any module of "
                               "khabar.pipeline.DEFAULT_STAGE_MODULES")


def get_stage(name: str) -> Stage:
    if name not in _REGISTRY:
        _load_default_modules()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown pipeline stage {name!r}; known: {sorted(_REGISTRY)}") from None


def available_stages() -> list[str]:
    _load_default_modules()
    return sorted(_REGISTRY)


def _order(stages: list[Stage]) -> list[Stage]:
    """Topological order by requires/provides; ties keep the given order."""
    providers: dict[str, str] = {}
    for st in stages:
        for layer in st.provides:
            providers.setdefault(layer, st.name)
    done: set[str] = set()
    ordered: list[Stage] = []
    pending = list(stages)
    while pending:
        for st in pending:
            needs = {providers[r] for r in st.requires if r in providers} - {st.name}
            if needs <= done:
                ordered.append(st)
                done.add(st.name)
                pending.remove(st)
                break
        else:
            raise ValueError(f"circular stage requirements among {[s.name for s in pending]}")
    return ordered


class Pipeline:
    """An ordered set of stages. ``Pipeline()`` is the default full analysis."""

    def __init__(self, stages: Iterable[str | Stage] | None = None) -> None:
        if stages is None:
            _load_default_modules()
            stages = list(DEFAULT_STAGES)
        resolved = [s if isinstance(s, Stage) else get_stage(s) for s in stages]
        provided = {layer for s in resolved for layer in s.provides} | {"text", "meta"}
        for st in resolved:
            missing = [r for r in st.requires if r not in provided]
            if missing:
                raise ValueError(f"stage {st.name!r} requires {missing}, which no stage in this pipeline provides")
        self.stages: list[Stage] = _order(resolved)

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
        # Span objects hold no reference cycles; pausing the cyclic GC saves 15-25% on token-heavy stages.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            for st in self.stages:
                st(doc)
        finally:
            if was_enabled:
                gc.enable()
        return doc


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def analyze(
    text: str, published: str | None = None, meta: dict[str, Any] | None = None, doc_id: str | None = None
) -> Document:
    """Analyse one article and return its :class:`Document` (original text untouched, layers filled)."""
    return default_pipeline()(text, published=published, meta=meta, doc_id=doc_id)
