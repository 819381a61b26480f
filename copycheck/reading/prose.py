"""Prose counted as readability formulas count it: words, sentences, syllables
(textstat's way, without textstat), a page's prose block by block and its
longest sentences.  The readability kind and ``copycheck stats`` read it."""
from __future__ import annotations

import heapq
import operator
from dataclasses import dataclass

from claimrules.cache import compiled, memo

from .document import PROSE  # noqa: F401 - the block scopes counted as prose
from .sentences import TERMINAL

_TERMINAL = compiled(TERMINAL)
LONG = 39  # a prose block with at least this many spaces is counted on its own
BATCH = 1 << 18  # characters of short prose blocks counted together


def block_ends(doc, block) -> list:
    """Where each run of sentence punctuation in block ends (one regex pass, made once
    per block for the page's Document and shared by the counts and the longest sentences)."""
    return doc.per_block(block, "sentence ends", lambda b: _ends(b.text))


def block_counts(doc, block) -> "Counts":
    """counts() of block, made once per block for the page's Document."""
    return doc.per_block(block, "prose counts", lambda b: counts(b.text, block_ends(doc, b)))


class Prose:
    """A page's prose, added block by block: its counts (long blocks one by one,
    so the paragraph rules read the same counts; short ones together, 256 KB
    at a time) and its n longest sentences."""

    def __init__(self, n=3):
        self.n = n
        self.blocks = 0
        self._total, self._short, self._size = Counts(0, 0, 0, 0), [], 0
        self._longest = []  # a min-heap of (length, block number, start, end, block): the n longest

    def add(self, block, doc=None) -> None:
        """doc: the Document, whose counts and sentence ends of the block are shared."""
        text = block.text
        if text.count(" ") >= LONG:
            self._total = self._total + (block_counts(doc, block) if doc else counts(text))
        else:
            self._short.append(text)
            self._size += len(text)
            if self._size > BATCH:
                self._count_short()
        heap, i = self._longest, self.blocks
        self.blocks += 1
        full = len(heap) == self.n
        if full and len(text) < heap[0][0]:
            return  # no sentence here can be among the longest
        starts, ends = _spans(text, block_ends(doc, block) if doc else None)
        lengths = list(map(operator.sub, ends, starts))
        if full and max(lengths) < heap[0][0]:
            return
        for length, a, z in zip(lengths, starts, ends):
            if len(heap) < self.n:
                heapq.heappush(heap, (length, i, a, z, block))
            elif length >= heap[0][0] and (length, i, a, z) > heap[0][:4]:
                heapq.heapreplace(heap, (length, i, a, z, block))

    def _count_short(self) -> None:
        if self._short:
            self._total, self._short, self._size = self._total + counts("\n\n".join(self._short)), [], 0

    def counts(self) -> "Counts":
        self._count_short()
        return self._total

    def longest(self) -> list:
        """(words, block, start, end) of the longest sentences, longest first (chosen by
        length in characters, then counted in words)."""
        return [_trimmed(b, a, z) for _, _, a, z, b in sorted(self._longest, key=lambda t: t[:4], reverse=True)]


def _ends(text) -> list:
    """Where each run of sentence punctuation in text ends."""
    return [m.end() for m in _TERMINAL.finditer(text)]


def _spans(text, ends=None):
    """The starts and the ends of text's sentence-ish spans (up to each run of sentence
    punctuation, and the rest), as two lists: no Python loop over the sentences.
    ends: _ends(text), if it is known."""
    ends = _ends(text) if ends is None else ends[:]
    if not ends or ends[-1] < len(text):
        ends.append(len(text))
    return [0, *ends[:-1]], ends


def _sentences(text, ends=None):
    """(length, start, end) of each sentence-ish span of text."""
    starts, ends = _spans(text, ends)
    return zip(map(operator.sub, ends, starts), starts, ends)


def _trimmed(block, a, z):
    piece = block.text[a:z]
    return len(piece.split()), block, a + len(piece) - len(piece.lstrip()), a + len(piece.rstrip())


def longest_sentence(block, ends=None):
    """(words, block, start, end) of the block's longest sentence (the last of equals).
    ends: the block's sentence ends (_ends), if they are known."""
    _, a, z = max(_sentences(block.text, ends))
    return _trimmed(block, a, z)


# -- readability ------------------------------------------------------------------

_SYLLABLES: dict = {}  # word -> syllables, for the whole process
_HYPHENATOR = None
_NOT_LETTERS = compiled(r"[^\w']|_")


def _syllables(word: str) -> int:
    """Syllables as textstat 0.7.3 counts them: pyphen's hyphenation points + 1,
    after removing punctuation and hyphens.  textstat itself is not imported: in
    0.7.3 it pulls in pkg_resources (0.1 s at start-up, and missing from Python
    3.12+ virtual environments)."""
    global _HYPHENATOR
    n = _SYLLABLES.get(word)
    if n is None:
        if _HYPHENATOR is None:
            _HYPHENATOR = _hyphenation()
        bare = _NOT_LETTERS.sub("", word)
        n = _SYLLABLES[word] = _HYPHENATOR.points(bare) + 1 if bare else 1
    return n


class Hyphenator:
    """The places pyphen would hyphenate a word, counted with pyphen's en_US
    patterns but without pyphen: Liang's algorithm, as pyphen 0.18 runs it
    (``Pyphen(lang="en_US").positions``, with its left and right margins of 2).
    The patterns are taken from pyphen once and remembered between runs as
    plain data (claimrules/cache.py), so a warm start never imports pyphen
    (and importlib.resources, zipfile, tempfile... behind it: 15 ms)."""

    __slots__ = ("patterns", "maxlen")
    LEFT = RIGHT = 2  # pyphen's defaults, textstat's too

    def __init__(self, patterns: dict, maxlen: int):
        self.patterns = patterns  # letters (with "." for a word's ends) -> bytes: offset, then the values
        self.maxlen = maxlen

    def points(self, word: str) -> int:
        """How many hyphenation points pyphen gives word."""
        dotted = f".{word.lower()}."
        n = len(dotted)
        values = [0] * (n + 1)
        get = self.patterns.get
        for i in range(n - 1):
            for j in range(i + 1, min(i + self.maxlen, n) + 1):
                pattern = get(dotted[i:j])
                if pattern:
                    at = i + pattern[0]
                    for k in range(at, min(at + len(pattern) - 1, n + 1)):
                        v = pattern[k - at + 1]
                        if v > values[k]:
                            values[k] = v
        right = len(word) - self.RIGHT
        return sum(1 for i in range(self.LEFT + 1, right + 2) if values[i] % 2)


@memo
def _hyphenation() -> Hyphenator:
    """pyphen's en_US patterns as a Hyphenator, parsed once and remembered
    between runs (claimrules/cache.py)."""
    import pyphen  # textstat's own dependency; never touches the network

    hd = pyphen.Pyphen(lang="en_US").hd
    return Hyphenator({letters: bytes([offset, *values]) for letters, (offset, values) in hd.patterns.items()},
                      hd.maxlen)


@dataclass
class Counts:
    words: int
    sentences: int
    syllables: int
    polysyllables: int

    def __add__(self, other):
        return Counts(self.words + other.words, self.sentences + other.sentences,
                      self.syllables + other.syllables, self.polysyllables + other.polysyllables)

    def scores(self):
        """Flesch-Kincaid grade, Flesch reading ease and SMOG: textstat's formulas,
        over counts made in one pass (textstat would count the syllables three times)."""
        wps = self.words / max(1, self.sentences)
        spw = self.syllables / max(1, self.words)
        grade = 0.39 * wps + 11.8 * spw - 15.59
        ease = 206.835 - 1.015 * wps - 84.6 * spw
        smog = 1.043 * (self.polysyllables * 30 / max(1, self.sentences)) ** 0.5 + 3.1291
        return round(grade, 1), round(ease, 1), round(smog, 1)


_PUNCT = "\"'()[]{}<>.,;:!?…“”‘’*_~`/\\|#%&+=^$@"
_TOKENS: dict = {}  # token -> syllables of the word in it (0: not a word), for the whole process


CACHE_LIMIT = 200_000  # distinct tokens remembered; a long-running process stays bounded


def _token_syllables(token: str) -> int:
    k = _TOKENS.get(token)
    if k is None:
        word = token.strip(_PUNCT + "-–—")
        k = _TOKENS[token] = _syllables(word) if any(c.isalpha() for c in word) else 0
    return k


def counts(text: str, ends=None) -> Counts:
    """Word, sentence and syllable counts of prose: the words are white-space
    tokens with letters; each distinct token's syllables are looked up once per
    process, and the rest is done by C loops (map, sum, list.count).  ends: _ends(text),
    if it is known (the sentences are counted from it)."""
    tokens = text.lower().split()
    missing = set(tokens).difference(_TOKENS)
    if missing and len(_TOKENS) + len(missing) > CACHE_LIMIT:  # bounded: forget, before this text's lookups
        _TOKENS.clear()
        _SYLLABLES.clear()
        missing = set(tokens)
    for token in missing:
        _token_syllables(token)
    syl = list(map(_TOKENS.__getitem__, tokens))
    not_words = syl.count(0)
    words = len(syl) - not_words
    poly = words - syl.count(1) - syl.count(2)
    sentences = max(1, len(_TERMINAL.findall(text) if ends is None else ends)) if words else 0
    return Counts(words, sentences, sum(syl), poly)
