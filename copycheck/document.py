"""The page as document-level rule kinds read it: its blocks, what the linter's
single scan found for it (the first benefit claim, the words each rule counts),
and its word, sentence and syllable counts (for readability)."""
from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, field

PROSE = ("paragraph", "list", "text")  # block scopes that readability reads
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_TERMINAL = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
LONG = 39  # a prose block with at least this many spaces is counted on its own


@dataclass
class Document:
    blocks: list
    lines: object  # LineIndex
    benefit: tuple | None = None  # (block, start, end, treatment): the first benefit claim, if the page makes one
    counted: dict = field(default_factory=dict)  # rule code -> [(block, start, end)] of the words it counts
    names: object = None  # advice.Names: the page's own words for each treatment

    _counts: dict = field(default_factory=dict)  # id(block) -> Counts of a long prose block
    _words: int | None = None

    def block_counts(self, block) -> "Counts":
        c = self._counts.get(id(block))
        if c is None:
            c = self._counts[id(block)] = counts(block.text)
        return c

    def prose_counts(self) -> "Counts":
        """Counts of all the page's prose: long blocks one by one (the paragraph
        rules read the same counts), the short ones together in one pass."""
        total, short, size = Counts(0, 0, 0, 0), [], 0
        for b in self.prose():
            if b.text.count(" ") >= LONG:
                total = total + self.block_counts(b)
            else:
                short.append(b.text)
                size += len(b.text)
                if size > 1 << 20:  # count a megabyte at a time
                    total, short, size = total + counts("\n\n".join(short)), [], 0
        return total + counts("\n\n".join(short))

    def word_count(self) -> int:
        """Words on the page (counted once, read by several kinds)."""
        if self._words is None:
            self._words = sum(len(b.text.split()) for b in self.blocks)
        return self._words

    def prose(self):
        return [b for b in self.blocks if b.scope in PROSE]

    def line_of(self, block, pos):
        return self.lines.locate(block.source_span(pos, pos + 1)[0])[0]

    def longest_sentences(self, blocks, n=3):
        """(words, block, start, end) of the n longest sentences, longest first
        (chosen by length in characters, then counted in words)."""
        def spans():
            for i, b in enumerate(blocks):
                a = 0
                for m in _TERMINAL.finditer(b.text):
                    yield m.end() - a, i, a, m.end()
                    a = m.end()
                if len(b.text) > a:
                    yield len(b.text) - a, i, a, len(b.text)

        out = []
        for _, i, a, z in heapq.nlargest(n, spans()):  # keeps n, whatever the page's length
            b = blocks[i]
            piece = b.text[a:z]
            out.append((len(piece.split()), b, a + len(piece) - len(piece.lstrip()), a + len(piece.rstrip())))
        return out


# -- readability ------------------------------------------------------------------

_SYLLABLES: dict = {}  # word -> syllables, for the whole process
_PYPHEN = None
_NOT_LETTERS = re.compile(r"[^\w']|_")


def _syllables(word: str) -> int:
    """Syllables as textstat 0.7.3 counts them: pyphen's hyphenation points + 1,
    after removing punctuation and hyphens.  pyphen is imported directly, only when
    a readability rule runs: importing textstat 0.7.3 itself pulls in pkg_resources
    (0.1 s at start-up, and missing from Python 3.12+ virtual environments)."""
    global _PYPHEN
    n = _SYLLABLES.get(word)
    if n is None:
        if _PYPHEN is None:
            import pyphen  # textstat's own dependency; never touches the network

            _PYPHEN = pyphen.Pyphen(lang="en_US")
        bare = _NOT_LETTERS.sub("", word)
        n = _SYLLABLES[word] = len(_PYPHEN.positions(bare)) + 1 if bare else 1
    return n


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


def counts(text: str) -> Counts:
    """Word, sentence and syllable counts of prose: the words are white-space
    tokens with letters; each distinct token's syllables are looked up once per
    process, and the rest is done by C loops (map, sum, list.count)."""
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
    sentences = max(1, len(_TERMINAL.findall(text))) if words else 0
    return Counts(words, sentences, sum(syl), poly)
