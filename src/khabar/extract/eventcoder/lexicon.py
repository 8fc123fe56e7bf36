"""Event-coding lexicons, loaded once from ``src/khabar/data/events/`` (all matching keys normalised)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from khabar.resources import data_file
from khabar.text.normalize import normalize

DATA = data_file("events")


def nkey(s: str) -> str:
    """Matching key: khabar normalisation with ة → ه, spaces collapsed."""
    return " ".join(normalize(s, ta_marbuta=True).split())


@dataclass(frozen=True, slots=True)
class Trigger:
    stem: str
    pos: str  # V or N
    event: str
    cameo: str
    mode: str
    context: str
    gen: str  # actor / recipient / -
    second: frozenset[str] = frozenset()  # required following word stems (within a short window)
    flags: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ActorInfo:
    country: str = ""
    sector: str = ""
    kind: str = ""  # head, victim, country, adjective, named, agent


@dataclass(slots=True)
class Lexicon:
    triggers: dict[str, list[Trigger]] = field(default_factory=dict)
    actors: dict[str, ActorInfo] = field(default_factory=dict)  # single-word keys
    # first word -> second word -> phrases (two-level so a lookup touches only plausible phrases)
    phrases: dict[str, dict[str, list[tuple[tuple[str, ...], ActorInfo]]]] = field(default_factory=dict)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    recipient_preps: dict[str, frozenset[str]] = field(default_factory=dict)  # event type (or DEFAULT) -> preps

    def cue(self, role: str) -> frozenset[str]:
        return self.cues.get(role, frozenset())


def _rows(name: str) -> list[list[str]]:
    path = DATA / name
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append(line.rstrip("\n").split("\t"))
    return out


@lru_cache(maxsize=1)
def load() -> Lexicon:
    lex = Lexicon()
    for row in _rows("triggers.tsv"):
        row += [""] * (8 - len(row))
        pattern, pos, event, cameo, mode, context, gen, flags = row[:8]
        head, _, rest = pattern.partition(" +")
        second = frozenset(nkey(w) for w in rest.split("|") if w) if rest else frozenset()
        trig = Trigger(nkey(head), pos, event, cameo, "" if mode == "-" else mode, context, gen or "-",
                       second, frozenset(flags.split()))
        lex.triggers.setdefault(trig.stem, []).append(trig)
    # Reviewed UniversalPetrarch verbs that the hand list lacks (see up_verbs_keep.txt).
    keep = {nkey(r[0]) for r in _rows("up_verbs_keep.txt")}
    for row in _rows("up_verbs.tsv"):
        if len(row) < 3 or row[0] not in keep or row[0] in lex.triggers:
            continue
        mode = row[3] if len(row) > 3 else ""
        lex.triggers[row[0]] = [Trigger(row[0], "V", row[1], row[2], mode, "", "recipient")]

    def add_actor(form: str, info: ActorInfo) -> None:
        words = tuple(nkey(form).split())
        if not words:
            return
        if len(words) == 1:
            lex.actors.setdefault(words[0], info)
        elif len(words) <= 4:
            bucket = lex.phrases.setdefault(words[0], {}).setdefault(words[1], [])
            if all(w != words for w, _ in bucket):
                bucket.append((words, info))

    for row in _rows("actors.tsv"):
        row += [""] * (3 - len(row))
        add_actor(row[0], ActorInfo("", row[1], row[2] or "head"))
    for row in _rows("nationalities.tsv"):
        if len(row) >= 2:
            add_actor(row[0], ActorInfo(row[1], "", "adjective"))
    not_actors = {nkey(r[0]) for r in _rows("actors_not.txt")}
    for row in _rows("actors_up.tsv"):
        row += [""] * (4 - len(row))
        if row[3] == "agent" and len(row[0]) < 4:
            continue  # short lemmas collide with common words
        if nkey(row[0]) in not_actors:
            continue
        add_actor(row[0], ActorInfo(row[1], row[2], row[3]))
    for row in _rows("recipient_preps.tsv"):
        if len(row) >= 2:
            lex.recipient_preps[row[0]] = frozenset(nkey(w) for w in row[1].split())
    cues: dict[str, set[str]] = {}
    for row in _rows("cues.tsv"):
        if len(row) >= 2:
            cues.setdefault(row[0], set()).add(nkey(row[1]))
    lex.cues = {k: frozenset(v) for k, v in cues.items()}
    return lex


@lru_cache(maxsize=1)
def coder_words() -> dict[str, tuple[str, ...]]:
    """Closed word classes of the coder (``coder_words.tsv``: role, form), in file order, forms as written."""
    out: dict[str, list[str]] = {}
    for row in _rows("coder_words.tsv"):
        if len(row) >= 2 and row[1].strip():
            out.setdefault(row[0], []).append(row[1].strip())
    return {k: tuple(v) for k, v in out.items()}


def word_class(role: str) -> tuple[str, ...]:
    return coder_words().get(role, ())


@lru_cache(maxsize=1)
def crosswalk() -> list[tuple[str, str, str]]:
    rows = [(r[0], r[1], r[2] if len(r) > 2 else "") for r in _rows("cameo_plover.tsv") if len(r) >= 2]
    return sorted(rows, key=lambda r: -len(r[0]))


def cameo_to_plover(code: str) -> str | None:
    """The PLOVER type for a CAMEO code (None for statements and unknown codes)."""
    for prefix, plover, _mode in crosswalk():
        if code.startswith(prefix):
            return None if plover == "-" else plover
    return None
