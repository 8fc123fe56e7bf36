"""Knowledge base and entity resolution: ``load_kb()``, ``KB.lookup(name, date=None)``, ``resolve(doc)``."""

from khabar.kb.kb import KB, KBEntity, kb_key, load_kb
from khabar.kb.resolve import Resolver, resolve

__all__ = ["KB", "KBEntity", "Resolver", "kb_key", "load_kb", "resolve"]
