"""Text-layer pipeline stages (placeholder: regex tokens and line/full-stop sentences).

The full text layer (issue 2) replaces these with offset-preserving normalisation, news-aware sentence
splitting, a typed tokeniser, clitic segmentation and dateline detection, keeping the same stage names.
"""

from __future__ import annotations

import re

from khabar.document import Document, Span, Token
from khabar.pipeline import register

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_SENT = re.compile(r"[^\n.!?؟؛]+[.!?؟؛]*")


@register("normalize", provides=["normalized"])
def normalize_stage(doc: Document) -> None:
    return None


@register("tokenize", requires=["normalized"], provides=["tokens"])
def tokenize_stage(doc: Document) -> None:
    doc.tokens = [Token(m.start(), m.end(), norm=m.group()) for m in _TOKEN.finditer(doc.text)]


@register("sentences", requires=["tokens"], provides=["sentences"])
def sentence_stage(doc: Document) -> None:
    doc.sentences = [Span(m.start(), m.end()) for m in _SENT.finditer(doc.text) if m.group().strip()]


@register("dateline", requires=["sentences"], provides=["dateline"])
def dateline_stage(doc: Document) -> None:
    return None
