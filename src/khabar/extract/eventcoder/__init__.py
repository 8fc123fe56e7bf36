"""PLOVER event coding for Arabic: lexicons (``lexicon``), the coder (``coder``), GSR scoring (``gsr``),
GDELT-style export (``export``) and the build script for the UniversalPetrarch-derived data (``build``)."""

from khabar.extract.eventcoder.coder import Coder, code_document
from khabar.extract.eventcoder.export import events_to_csv

__all__ = ["Coder", "code_document", "events_to_csv"]
