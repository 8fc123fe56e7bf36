"""A first rule-based clitic segmenter driven by corpus word frequencies.

Proclitics: conjunction و/ف, then preposition ب/ل/ك or future س, then the article ال (ل + ال is written لل).
Enclitics: pronouns ه ها هم هما هن كم كن ك نا ني (ي only after a preposition: لي — as a suffix it is too
often a nisba adjective, a construct plural or a normalised ى). Decisions use the frequencies in
``data/text/word_freq.tsv.gz`` (built by :mod:`khabar.text.build_lexicon` from ANT, Apache-2.0); the clitic
inventory, never-split words and fixed analyses are in ``data/text/segmentation.json``:

* a conjunction is split off when the rest is a known word (seen ≥ ``MIN_STEM`` times) and the whole is at
  most ``RATIO_CONJ`` times more frequent (وأضاف = و + أضاف), or when the whole is rare/unseen and the rest is
  preposition + known word (ولبايدن) — or, for و, any unseen word of five letters or more (وبايدن);
* a preposition or future س is split off only when the remainder is a known word at least as frequent as
  the whole (بايدن is not ب + ايدن, بوتين is not ب + وتين; لبوتين = ل + بوتين);
* no proclitic is split from a word that takes the article itself (الفكرة ⇒ فكرة is not ف + كرة);
* the article is split unless the word is an exception (الله, الذي …), its hamza spelling dominates
  (المانيا ~ ألمانيا, الى ~ إلى) or it takes the article itself (الالتزام ⇒ التزام);
* an enclitic is split only when the stem is a known word (with ة restored before the suffix: حكومته →
  حكومة + ه), not much rarer than the whole, and the written stem takes at least two other pronouns
  (a paradigm check: بنك is not بن + ك, توجه is not توج + ه);
* when stem + pronoun explains a word better than a proclitic (its stem is more frequent), it wins:
  كلها = كل + ها (not ك + لها), فيهم = في + هم (not ف + يهم).

Results are cached per surface form, so a text costs one dictionary lookup per repeated word.
The trained morphology stage may later overwrite ``Token.seg``/``words``; this is the default.
Score: ``khabar eval clitics`` (UD Arabic-PUD words glued by SpaceAfter=No).
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from khabar.memo import Memo
from khabar.resources import data_file
from khabar.text.normalize import char_table

MIN_STEM = 3  # a remainder must be seen at least this often to count as a word
RATIO_CONJ = 30  # و: وأضاف is 20× more frequent than أضاف, yet و + أضاف
RATIO_PREP = 1  # ب/ل/ك/س: بايدن (7) is not ب + ايدن (5), yet لبوتين (57) is ل + بوتين (1458)
RATIO_CONJ_F = 10  # ف is rarer than و as a conjunction
RATIO_ENC = 2  # stem + pronoun is rarely more frequent than the bare stem (توجه is not توج + ه)

_HK = char_table(keep_hamza=True)
_NORM = char_table()

Piece = tuple[str, int | None, int | None]  # (form, start, end) relative to the token; offsets None if restored


@dataclass(frozen=True, slots=True)
class Lexicon:
    freq: dict[str, int]
    conj: tuple[str, ...]
    prep: tuple[str, ...]
    future: tuple[str, ...]
    future_initials: frozenset[str]
    article: str
    enclitics: tuple[str, ...]
    prep_pronouns: tuple[str, ...]
    never_split: frozenset[str]
    fixed: dict[str, list[str]]
    pronouns: frozenset[str]  # after a preposition: the enclitics plus ي (لي)

    def f(self, w: str) -> int:
        return self.freq.get(w, 0)


DATA_DIR = data_file("text")


def _data(name: str) -> Path:
    return DATA_DIR / name


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load the frequency list and clitic inventory once (≈0.1 s); a missing list means no frequency evidence."""
    freq: dict[str, int] = {}
    try:
        with _data("word_freq.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#"):
                    continue
                w, _, n = line.rstrip("\n").partition("\t")
                if n:
                    freq[w] = int(n)
    except FileNotFoundError:
        pass
    cfg = json.loads(_data("segmentation.json").read_text(encoding="utf-8"))
    return Lexicon(
        freq=freq,
        conj=tuple(cfg["conjunctions"]),
        prep=tuple(cfg["prepositions"]),
        future=tuple(cfg["future"]),
        future_initials=frozenset(cfg["future_stem_initials"]),
        article=cfg["article"],
        enclitics=tuple(sorted(cfg["enclitics"], key=len, reverse=True)),
        prep_pronouns=tuple(cfg["preposition_pronouns"]),
        never_split=frozenset(cfg["never_split"]),
        fixed=dict(cfg["fixed"]),
        pronouns=frozenset(cfg["enclitics"]) | {"ي"},
    )


def _is_lexical(lex: Lexicon, w: str) -> bool:
    """The word takes the article itself, so it is a word in its own right (الفكرة ⇒ فكرة)."""
    n = lex.freq.get(lex.article + w, 0)
    return n >= MIN_STEM and n * 50 >= lex.freq.get(w, 0)


def _article_ok(lex: Lexicon, w: str) -> bool:
    """Is the initial ال of ``w`` the article?"""
    rest = w[2:]
    if len(rest) < 2 or w in lex.never_split:
        return False
    if _is_lexical(lex, w):  # الالتزام exists ⇒ التزام is not ال + تزام
        return False
    fw = lex.freq.get(w, 0)
    hamza = lex.freq.get("أ" + w[1:], 0) + lex.freq.get("إ" + w[1:], 0) + lex.freq.get("آ" + w[1:], 0)
    return not (fw and hamza > fw) and not (not fw and hamza >= MIN_STEM)


def _conjunction(lex: Lexicon, w: str) -> bool:
    """Is the first letter of ``w`` the conjunction و/ف (وبايدن, وكان, فقد)?"""
    if w[0] not in lex.conj or len(w) < 3 or _is_lexical(lex, w):
        return False
    rest = w[1:]
    fw, fr = lex.freq.get(w, 0), lex.freq.get(rest, 0)
    if fr >= MIN_STEM and fr * (RATIO_CONJ if w[0] == "و" else RATIO_CONJ_F) >= fw:
        return True
    if fw < MIN_STEM:  # a rare whole whose rest is a preposition + known word (ولبايدن) or + pronoun
        if _proclitics(lex, rest) is not None or (rest[0] in lex.prep_pronouns and rest[1:] in lex.pronouns):
            return True
        # An unseen word: و + a rest is far likelier than a new word in و (وبايدن, ولافروف).
        return fw == 0 and w[0] == "و" and len(w) >= 5 and w[1] not in "اويى"
    return False


def _proclitics(lex: Lexicon, w: str) -> tuple[list[str], str] | None:
    """Best preposition/future analysis ``(clitics, stem)`` of ``w`` or None; ``لل`` yields stem ``ال…``."""
    fw = lex.freq.get(w, 0)
    if _is_lexical(lex, w):
        return None
    options: list[tuple[str, str]] = []
    for p in lex.prep:
        if w.startswith(p) and (p != "ك" or len(w) >= 4):  # كلم (km) is not ك + لم
            if p == "ل" and w.startswith("لل") and len(w) >= 4:
                options.append((p, "ا" + w[1:]))
            else:
                options.append((p, w[len(p):]))
    for p in lex.future:
        if w.startswith(p) and len(w) >= 4 and w[1] in lex.future_initials:
            options.append((p, w[len(p):]))
    best: tuple[int, list[str], str] | None = None
    for clitic, stem in options:
        if len(stem) < 2:
            continue
        fs = lex.freq.get(stem, 0)
        if fs < MIN_STEM or fs * RATIO_PREP < fw:
            continue
        if best is None or fs > best[0]:
            best = (fs, [clitic], stem)
    return (best[1], best[2]) if best is not None else None


def _enclitic(lex: Lexicon, w: str) -> tuple[str, str, bool] | None:
    """``(stem, pronoun, restored)`` for ``w`` = stem + pronoun, or None. ``restored``: stem's ة was written ت."""
    fw = lex.freq.get(w, 0)
    for e in lex.enclitics:
        if not w.endswith(e) or len(w) - len(e) < 2:
            continue
        base = w[: -len(e)]
        candidates = [(base, False)]
        if base.endswith("ت"):
            candidates.insert(0, (base[:-1] + "ة", True))
        for stem, restored in candidates:
            fs = lex.freq.get(stem, 0)
            if fs < MIN_STEM or fs * RATIO_ENC < fw:
                continue
            # Paradigm: the written stem also takes another pronoun (حكومته ~ حكومتها; بنك has no بنه/بنها).
            others = sum(1 for o in ("ه", "ها", "هم", "نا", "ك") if o != e and lex.freq.get(base + o, 0) >= 2)
            if others < 2:
                continue
            if e[-1] == "ي" and (lex.freq.get(w + "ة", 0) * 5 > fw or lex.freq.get(w + "ن", 0) * 5 > fw):
                continue  # nisba adjective (أمني/أمنية) or construct plural (لاعبي/لاعبين), not stem + me
            return stem, e, restored
    return None


def _with_enclitic(hk: str, enc: tuple[str, str, bool]) -> list[tuple[str, int, int, bool]]:
    """Pieces of ``hk`` = stem + pronoun, the stem itself segmented (بحكومتها = ب + حكومة + ها)."""
    base, e, restored = enc
    n = len(hk)
    inner = segment_form(base)
    if restored:  # the stem's last letter is written ت, not ة
        form, a, b, _ = inner[-1]
        inner[-1] = (form, a, b, False)
    return [*inner, (e, n - len(e), n, True)]


def segment_form(hk: str) -> list[tuple[str, int, int, bool]]:
    """Split a hamza-keeping normalised word into ``(form, start, end, exact)`` pieces over ``hk``.

    ``exact`` is False for a restored form (the ال written as the second ل of لل, a stem whose ة became ت);
    its ``start:end`` then covers the letters it was written with.
    """
    lex = lexicon()
    n = len(hk)
    if n < 2 or hk in lex.never_split:
        return [(hk, 0, n, True)]
    fixed = lex.fixed.get(hk)
    if fixed and "".join(fixed) == hk:
        out, pos = [], 0
        for piece in fixed:
            out.append((piece, pos, pos + len(piece), True))
            pos += len(piece)
        return out
    if fixed:  # لله → ل + الله: the restored piece spans what is written
        out, pos = [(fixed[0], 0, len(fixed[0]), True)], len(fixed[0])
        rest = fixed[1:]
        for i, piece in enumerate(rest):
            end = n if i == len(rest) - 1 else pos + len(piece)
            out.append((piece, pos, end, hk[pos:end] == piece))
            pos = end
        return out

    if _conjunction(lex, hk):
        # Stem + pronoun can explain the word better than a conjunction (فيهم = في + هم, not ف + يهم).
        enc = _enclitic(lex, hk) if len(hk) >= 4 else None
        if enc is not None and lex.freq.get(enc[0], 0) > lex.freq.get(hk[1:], 0):
            return _with_enclitic(hk, enc)
        inner = segment_form(hk[1:])
        return [(hk[0], 0, 1, True), *((f, a + 1, b + 1, x) for f, a, b, x in inner)]

    pieces: list[tuple[str, int, int, bool]] = []
    pos = 0
    stem = hk
    pro = _proclitics(lex, hk)
    if pro is not None and len(hk) >= 4 and not hk.startswith(("ال", "لل")):
        # Stem + pronoun can explain the word better than a proclitic (كلها = كل + ها, not ك + لها).
        enc = _enclitic(lex, hk)
        if enc is not None and lex.freq.get(enc[0], 0) > lex.freq.get(pro[1], 0):
            return _with_enclitic(hk, enc)
    if pro is not None:
        clitics, stem = pro
        for c in clitics:
            pieces.append((c, pos, pos + len(c), True))
            pos += len(c)
        if stem.startswith("ال") and not hk[pos:].startswith("ال"):  # لل: the article's alef is not written
            pieces.append(("ال", pos, pos + 1, False))
            pos += 1
            stem = stem[2:]
            if stem:
                pieces.append((stem, pos, n, True))
            return pieces
    # Preposition + bare pronoun: له، لها، بهم، لنا (the stem is the pronoun itself).
    if not pieces and len(hk) >= 2 and hk[0] in lex.prep_pronouns and hk[1:] in lex.pronouns:
        return [(hk[0], 0, 1, True), (hk[1:], 1, n, True)]
    if stem.startswith("ال") and _article_ok(lex, stem):
        pieces.append(("ال", pos, pos + 2, True))
        pieces.append((stem[2:], pos + 2, n, True))
        return pieces
    if stem in lex.never_split:
        pieces.append((stem, pos, n, True))
        return pieces
    enc = _enclitic(lex, stem) if len(stem) >= 3 else None
    if enc is not None:
        base, e, restored = enc
        cut = n - len(e)
        pieces.append((base, pos, cut, not restored))
        pieces.append((e, cut, n, True))
        return pieces
    pieces.append((stem, pos, n, True))
    return pieces


_CACHE: Memo[str, tuple[str, tuple[str, ...], tuple[Piece, ...]]] = Memo("text.word_analysis", 600, 0.10)


def analyse_word(surface: str) -> tuple[str, tuple[str, ...], tuple[Piece, ...]]:
    """``(norm, seg, pieces)`` for an Arabic surface token; pieces carry offsets relative to the token.

    ``seg`` holds the pieces' matching forms (``normalize``d); a piece's form is the exact surface slice
    when it is written in full, else its restored normalised form with ``None`` offsets.
    """
    hit = _CACHE.get(surface)
    if hit is not None:
        return hit
    norm = surface.translate(_NORM)
    hk = surface.translate(_HK)  # same length as norm: the two differ only by the 1:1 hamza mapping
    raw = segment_form(hk) if hk else [(hk, 0, 0, True)]
    n = len(surface)
    seg: list[str]
    pieces: list[Piece]
    if len(raw) == 1:
        seg, pieces = [norm], [(surface, 0, n)]
    else:
        src: list[int] | None = None
        if hk != surface:
            # Source index of each hk character (a removed mark belongs to the letter before it).
            src = []
            for i, ch in enumerate(surface):
                src.extend([i] * len(_HK[ord(ch)]))
        seg = []
        pieces = []
        last = len(raw) - 1
        for k, (form, a, b, exact) in enumerate(raw):
            if src is None:
                s, e = a, b
            else:
                s = 0 if k == 0 else (src[a] if a < len(src) else n)
                e = n if k == last else (src[b] if b < len(src) else n)
            if exact:
                seg.append(norm[a:b])
                pieces.append((surface[s:e], s, e))
            else:
                seg.append(form.translate(_NORM))
                pieces.append((form, None, None))
    # Tuples of strings/ints only: the cyclic GC stops tracking them, so a large cache costs no GC time.
    out = (norm, tuple(seg), tuple(pieces))
    return _CACHE.put(surface, out)


def segment(word: str) -> list[str]:
    """Matching forms of the clitics and stem of ``word`` (``وبالفيديو`` → ``["و", "ب", "ال", "فيديو"]``)."""
    return list(analyse_word(word)[1])
