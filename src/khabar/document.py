"""The khabar document model: the original text plus layers of spans.

Every offset is a Python ``str`` index into the untouched ``Document.text`` (end-exclusive).
Serialisation follows ``shared/docs/document-format.md`` (``format: "khabar/1"``); keys this model
does not know (gold-only annotations such as ``optional`` or ``non_quotes``) are kept in ``extra``
so that a round trip is lossless.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Self

FORMAT = "khabar/1"


def _known(cls: type) -> set[str]:
    return {f.name for f in fields(cls) if f.name != "extra"}


class _Record:
    """Shared JSON plumbing: ``to_dict`` omits ``None``-valued optional keys listed in ``_omit_none``."""

    _omit_none: ClassVar[frozenset[str]] = frozenset()
    _omit_empty: ClassVar[frozenset[str]] = frozenset()
    _transient: ClassVar[frozenset[str]] = frozenset()  # fields between stages, never serialised

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        omit_none, omit_empty = self._omit_none, self._omit_empty
        for name in _field_names(type(self)):
            value = getattr(self, name)
            if value is None and name in omit_none:
                continue
            if name in omit_empty and not value:
                continue
            # scalars are most values (offsets, texts): skip the recursive call for them
            out[name] = value if value is None or type(value) in _SCALARS else _dump(value)
        extra = getattr(self, "extra", None)
        if extra:
            out.update(extra)
        return out


_SCALARS = frozenset({str, int, float, bool})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    """The serialised fields of a record class, in order (``dataclasses.fields`` is slow per call)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        skip = {"extra", *getattr(cls, "_transient", ())}
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls) if f.name not in skip)
    return names


def _dump(value: Any) -> Any:
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, list):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


def _split(cls: type, data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    known = _known(cls)
    return {k: v for k, v in data.items() if k in known}, {k: v for k, v in data.items() if k not in known}


@dataclass(slots=True)
class Span(_Record):
    """A stretch of the original text. ``text`` is optional for layers that omit it (sentences, summary)."""

    start: int
    end: int
    text: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    _omit_none: ClassVar[frozenset[str]] = frozenset({"text"})

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        known, extra = _split(cls, data)
        return cls(**known, extra=extra)

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Self:
        """A span that carries its own surface text."""
        return cls(start, end, text[start:end])


Mention = Span


@dataclass(slots=True)
class NamedMention(_Record):
    """One raw name mention found by the ``ner`` stage (``Document.mentions``), before ``resolve`` merges and
    links mentions into entities."""

    start: int
    end: int
    text: str
    type: str  # PER, ORG, LOC, MISC
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        known, extra = _split(cls, data)
        return cls(**known, extra=extra)


@dataclass(slots=True)
class Word(_Record):
    """One syntactic word inside a surface token (Stanza's Token/Word split)."""

    form: str
    start: int | None = None
    end: int | None = None
    pos: str | None = None
    lemma: str | None = None
    head: int | None = None  # index in Document.words of the syntactic head (None: the root, or not parsed)
    rel: str | None = None  # UD (v1, PADT) relation to the head; "root" for the root
    extra: dict[str, Any] = field(default_factory=dict)

    _omit_none: ClassVar[frozenset[str]] = frozenset({"start", "end", "pos", "lemma", "head", "rel"})

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        known, extra = _split(cls, data)
        return cls(**known, extra=extra)


@dataclass(slots=True)
class Arg(_Record):
    """One argument of a clause: its head word, the phrase it heads, and what it refers to."""

    word: int  # index in Document.words of the argument's head word
    start: int  # the phrase (head word and its dependents, relative/complement clauses left out)
    end: int
    text: str
    prep: str | None = None  # the preposition of an oblique (في، على، ضد، إلى، مع، من …)
    entity: str | None = None  # id of the entity whose mention the phrase holds (when resolve has run)
    extra: dict[str, Any] = field(default_factory=dict)

    _omit_none: ClassVar[frozenset[str]] = frozenset({"prep", "entity"})

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        known, extra = _split(cls, data)
        return cls(**known, extra=extra)


@dataclass(slots=True)
class Clause(_Record):
    """A predicate (a verb, or a noun with a subject or object) with its arguments, read off the parse."""

    predicate: int  # index in Document.words
    start: int  # the predicate word's span (its token's when the word has no offsets of its own)
    end: int
    text: str
    lemma: str | None
    sentence: int
    subject: Arg | None = None
    objects: list[Arg] = field(default_factory=list)
    obliques: list[Arg] = field(default_factory=list)
    complements: list[Arg] = field(default_factory=list)  # clausal complements (قال إن …: the reported clause)
    passive: bool = False
    negated: bool = False
    coordinated_with: int | None = None  # index in Document.clauses of the clause this one is a conjunct of
    extra: dict[str, Any] = field(default_factory=dict)

    _omit_none: ClassVar[frozenset[str]] = frozenset({"coordinated_with"})

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        known, extra = _split(cls, data)
        subj = known.get("subject")
        known["subject"] = Arg.from_dict(subj) if subj else None
        for key in ("objects", "obliques", "complements"):
            known[key] = [Arg.from_dict(a) for a in known.get(key, [])]
        return cls(**known, extra=extra)

    def args(self) -> list[Arg]:
        return ([self.subject] if self.subject else []) + self.objects + self.obliques + self.complements


@dataclass(slots=True)
class Token(_Record):
    start: int
    end: int
    norm: str = ""
    seg: list[str] = field(default_factory=list)
    pos: str | None = None
    lemma: str | None = None
    kind: str | None = None  # ARABIC, NUMBER, LATIN, URL, EMAIL, HASHTAG, MENTION, PUNCT, SYMBOL
    words: list[Word] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    _omit_none: ClassVar[frozenset[str]] = frozenset({"kind"})
    _omit_empty: ClassVar[frozenset[str]] = frozenset({"words"})

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        known, extra = _split(cls, data)
        known["words"] = [Word.from_dict(w) for w in known.get("words", [])]
        return cls(**known, extra=extra)


@dataclass(slots=True)
class Entity(_Record):
    id: str
    type: str  # PER, ORG, LOC, MISC
    canonical: str | None = None
    canonical_ar: str | None = None
    wikidata: str | None = None
    country: str | None = None
    sector: str | None = None
    mentions: list[Span] = field(default_factory=list)
    coref_mentions: list[Span] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    _omit_empty: ClassVar[frozenset[str]] = frozenset({"coref_mentions"})

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        known, extra = _split(cls, data)
        known["mentions"] = [Span.from_dict(m) for m in known.get("mentions", [])]
        known["coref_mentions"] = [Span.from_dict(m) for m in known.get("coref_mentions", [])]
        return cls(**known, extra=extra)


@dataclass(slots=True)
class TimeExpression(_Record):
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        known, extra = _split(cls, data)
        return cls(**known, extra=extra)


@dataclass(slots=True)
class Quote(_Record):
    type: str  # direct, indirect, mixed
    speaker: str | None
    addressee: str | None
    cue: Span | None
    content: Span
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        known, extra = _split(cls, data)
        cue = known.get("cue")
        known["cue"] = Span.from_dict(cue) if cue else None
        known["content"] = Span.from_dict(known["content"])
        known.setdefault("speaker", None)
        known.setdefault("addressee", None)
        return cls(**known, extra=extra)


@dataclass(slots=True)
class Event(_Record):
    event: str  # a PLOVER event type
    mode: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    date: str | None = None
    location: str | None = None
    factuality: str = "asserted"
    cameo: str | None = None
    evidence: list[Span] = field(default_factory=list)
    # detection confidence in [0, 1] (khabar.extract.eventcoder.detector); None when no detector scored it
    confidence: float | None = None
    # where ``date`` came from: timex (a time expression of the event's clause), dateline, published, none
    date_source: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    _omit_none: ClassVar[frozenset[str]] = frozenset({"confidence", "date_source"})

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        known, extra = _split(cls, data)
        known["evidence"] = [Span.from_dict(s) for s in known.get("evidence", [])]
        return cls(**known, extra=extra)


@dataclass(slots=True)
class Dateline(_Record):
    """``موسكو (رويترز) -``: ``place`` and ``agency`` are entity ids (or None, set by ``resolve``);
    ``place_span`` / ``agency_span`` are where the dateline names them and ``agency_name`` the agency's
    canonical name (set by the ``dateline`` stage)."""

    start: int
    end: int
    text: str
    place: str | None = None
    agency: str | None = None
    agency_span: Span | None = None
    place_span: Span | None = None
    agency_name: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    _omit_none: ClassVar[frozenset[str]] = frozenset({"agency_span", "place_span", "agency_name"})

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        known, extra = _split(cls, data)
        for key in ("agency_span", "place_span"):
            sp = known.get(key)
            known[key] = Span.from_dict(sp) if isinstance(sp, dict) else None
        return cls(**known, extra=extra)


@dataclass(slots=True)
class Document(_Record):
    text: str
    id: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    dateline: Dateline | None = None
    sentences: list[Span] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    topic: str | None = None
    summary: list[Span] = field(default_factory=list)
    keyphrases: list[str] = field(default_factory=list)
    # raw NER mentions (stage ``ner``), the input of ``resolve``; not part of the khabar/1 JSON
    mentions: list[NamedMention] = field(default_factory=list, compare=False)
    extra: dict[str, Any] = field(default_factory=dict)

    _omit_empty: ClassVar[frozenset[str]] = frozenset({"clauses"})
    _transient: ClassVar[frozenset[str]] = frozenset({"mentions"})

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)

    @property
    def words(self) -> list[Word]:
        """Every syntactic word in document order (the index space of ``Word.head`` and the clause view)."""
        return [w for t in self.tokens for w in t.words]

    @property
    def published(self) -> str | None:
        return self.meta.get("published")

    def entity(self, entity_id: str) -> Entity | None:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def to_dict(self) -> dict[str, Any]:
        body = {"format": FORMAT}
        body.update(_Record.to_dict(self))
        return body

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        data = dict(data)
        fmt = data.pop("format", FORMAT)
        if fmt != FORMAT:
            raise ValueError(f"unsupported document format {fmt!r} (expected {FORMAT!r})")
        if "text" not in data:
            raise ValueError("a khabar document needs its 'text'")
        known, extra = _split(cls, data)
        dl = known.get("dateline")
        known["dateline"] = Dateline.from_dict(dl) if dl else None
        known["sentences"] = [Span.from_dict(s) for s in known.get("sentences", [])]
        known["tokens"] = [Token.from_dict(t) for t in known.get("tokens", [])]
        known["clauses"] = [Clause.from_dict(c) for c in known.get("clauses", [])]
        known["entities"] = [Entity.from_dict(e) for e in known.get("entities", [])]
        known["times"] = [TimeExpression.from_dict(t) for t in known.get("times", [])]
        known["quotes"] = [Quote.from_dict(q) for q in known.get("quotes", [])]
        known["events"] = [Event.from_dict(e) for e in known.get("events", [])]
        known["summary"] = [Span.from_dict(s) for s in known.get("summary", [])]
        known["mentions"] = [NamedMention.from_dict(m) for m in known.get("mentions", [])]
        return cls(**known, extra=extra)

    @classmethod
    def from_json(cls, raw: str) -> Self:
        return cls.from_dict(json.loads(raw))

    def spans(self) -> list[Span | Token | TimeExpression | Dateline | Word | Clause | Arg | NamedMention]:
        """Every offset-bearing object in the document, for invariant checks."""
        out: list[Any] = []
        if self.dateline:
            out.append(self.dateline)
            out += [sp for sp in (self.dateline.place_span, self.dateline.agency_span) if sp is not None]
        out += self.sentences + self.summary
        for tok in self.tokens:
            out.append(tok)
            out += [w for w in tok.words if w.start is not None]
        for cl in self.clauses:
            out.append(cl)
            out += cl.args()
        for ent in self.entities:
            out += ent.mentions + ent.coref_mentions
        out += self.mentions
        out += self.times
        for q in self.quotes:
            out += [q.content] + ([q.cue] if q.cue else [])
        for ev in self.events:
            out += ev.evidence
        return out

    def check_offsets(self) -> list[str]:
        """Return a description of every span that does not slice the original text (empty list = valid)."""
        problems = []
        n = len(self.text)
        for sp in self.spans():
            start, end = sp.start, sp.end
            if start is None or end is None or not (0 <= start <= end <= n):
                problems.append(f"{type(sp).__name__} [{start}:{end}] outside text of length {n}")
                continue
            surface = sp.form if isinstance(sp, Word) else getattr(sp, "text", None)
            if surface is not None and self.text[start:end] != surface:
                problems.append(f"{type(sp).__name__} [{start}:{end}] {surface!r} != {self.text[start:end]!r}")
        return problems


def content_id(text: str) -> str:
    """A stable id derived from the text: 16 hex chars of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
