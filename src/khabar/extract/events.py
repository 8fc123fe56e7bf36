"""Stage "events": PLOVER events with actors, recipients, date, factuality, evidence and CAMEO code."""

from __future__ import annotations

from khabar.document import Document
from khabar.extract.eventcoder.coder import code_document
from khabar.extract.eventdate import date_events
from khabar.pipeline import register


@register("events", requires=["entities", "quotes", "times"], provides=["events"])
def events_stage(doc: Document) -> None:
    doc.events = code_document(doc)
    date_events(doc, doc.events)  # date + date_source (issue 17): the one hook into the coder's output
