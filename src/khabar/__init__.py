"""khabar: Arabic news to structured, searchable facts, with offsets into the untouched original."""

import os

# khabar analyses on one core per process (scale out with processes: `khabar batch`, Dask). Its numpy models
# (NER BiLSTM, parser) multiply small matrices, where OpenBLAS threads only spin: on a loaded 2-core machine
# they made the NER stage 6x slower in CPU time. Set before numpy loads; an explicit setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

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
