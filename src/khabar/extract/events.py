"""Stage "events": PLOVER events with actors, recipients, date, factuality, evidence and CAMEO code."""

from __future__ import annotations

from khabar.document import Document
from khabar.extract.eventcoder.coder import Coder, code_document
from khabar.extract.eventdate import date_events


class EventsStage:
    def __init__(self, coder: Coder | None = None) -> None:
        self.coder = coder or Coder()

    def __call__(self, doc: Document) -> None:
        doc.events = code_document(doc, self.coder)
        date_events(doc, doc.events)  # date + date_source (issue 17): the one hook into the coder's output


def events_stage(doc: Document) -> None:
    """The events stage with the default coder."""
    doc.events = code_document(doc)
    date_events(doc, doc.events)
