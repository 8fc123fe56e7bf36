"""khabar: Arabic news to structured, searchable facts, with offsets into the untouched original."""

from khabar.document import (
    Dateline,
    Document,
    Entity,
    Event,
    Mention,
    NamedMention,
    Quote,
    Span,
    TimeExpression,
    Token,
    Word,
)
from khabar.pipeline import Pipeline, PipelineConfig, analyze, register

__version__ = "0.1.0"

__all__ = [
    "Dateline",
    "Document",
    "Entity",
    "Event",
    "Mention",
    "NamedMention",
    "Pipeline",
    "PipelineConfig",
    "Quote",
    "Span",
    "TimeExpression",
    "Token",
    "Word",
    "__version__",
    "analyze",
    "register",
]
