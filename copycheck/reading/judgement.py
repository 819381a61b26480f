"""Context judgement: does a hit make a claim, in the sentence it stands in?

Each cue of the lexicon (claimrules/lexicon/cues.yaml) is one readable rule:
negation, hedge, attribution and question drop a hit; a citation lowers it
one level.  A rule lists the cues that may act on it (``cues:``).  Judgement
says how far a hit's level moves; copycheck/findings.py decides the severity."""
from __future__ import annotations

from dataclasses import dataclass

from claimrules.cache import compiled

from .claim_parts import QUOTES, normal

_WORDS = compiled(r"\S+")
_EARLIER_QUOTES = compiled(r'(?:["\u201c][^"\u201d]*["\u201d](?:\s|,|\bor\b|\band\b)*)+$')
QUOTE_REACH = 400  # characters back from a hit in which the quotation holding it may open
_FIRST_WORD = compiled(r"[\W_]*(\w+)")


@dataclass
class Verdict:
    dropped: bool  # not a claim: no finding
    shift: int  # how many levels the rule's level moves (-1: lowered)
    cues: tuple  # names of the cues that acted


def _before(text, sent_start, hit_start, cue, lexicon):
    if cue.window:  # only the last `window` words matter: read no further back than they can reach
        sent_start = max(sent_start, hit_start - 16 * cue.window - 32)
    ctx = normal(text[sent_start:hit_start])
    if cue.window:
        if lexicon.clause_break is not None:
            last = None
            for last in lexicon.clause_break.finditer(ctx):
                pass
            if last is not None:
                ctx = ctx[last.end():]
        words = _WORDS.findall(ctx)
        ctx = " ".join(words[-cue.window:])
    return cue.before.search(ctx) is not None


def _is_question(sentence: str, openers, presupposing=None) -> bool:
    """A yes/no question that asks ("Is it painless?"), not one that invites and so takes
    the claim for granted ("Are you ready for painless hair removal?": cues.yaml, presupposing)."""
    s = sentence.rstrip()
    if not s.endswith("?"):
        return False
    m = _FIRST_WORD.match(s)
    if not m or m.group(1).lower() not in openers:
        return False
    return presupposing is None or presupposing.match(normal(s), m.start(1)) is None


def _is_quoted(text: str, start: int, end: int) -> bool:
    """The hit stands alone inside a pair of quotation marks (a closing mark may
    follow one punctuation mark: "painless," or "painless".)."""
    if start == 0 or end >= len(text):
        return False
    close = QUOTES.get(text[start - 1])
    if close is None:
        return False
    after = text[end:end + 2]
    return after[:1] == close or (after[:1] in ".,;:!?" and after[1:2] == close)


def _quote_opening(text: str, pos: int) -> int | None:
    """Where the double quotation that holds pos opens (within QUOTE_REACH characters), or None."""
    lo = max(0, pos - QUOTE_REACH)
    if text.count('"', lo, pos) % 2 == 1:
        return text.rfind('"', lo, pos)
    opening = text.rfind("\u201c", lo, pos)
    if opening >= 0 and text.find("\u201d", opening, pos) < 0:
        return opening
    return None


def _reported(text, hit, sentences, cue) -> bool:
    """The hit stands in quoted copy that the words before the quotation report ("the ad stated")."""
    opening = _quote_opening(text, hit.start)
    if opening is None:
        return False
    lead = _EARLIER_QUOTES.sub("", normal(text[sentences.span(opening)[0]:opening]))  # 'copy like "a", "b" or '
    return cue.reported.search(lead) is not None


def judge(text: str, hit, sentences, lexicon) -> Verdict:
    rule = hit.rule
    s_start, s_end = sentences.span(hit.start)
    sentence = text[s_start:max(s_end, hit.end)]
    acted = []
    lower = 0
    for name in rule.cues:
        cue = lexicon.cues[name]
        found = False
        if cue.quoted and not _is_quoted(text, hit.start, hit.end):
            if cue.reported is None or not _reported(text, hit, sentences, cue):
                continue
            found = True  # copy quoted by a report of it
        if cue.openers and _is_question(sentence, cue.openers, cue.presupposing):
            found = True
        if not found and cue.before is not None and _before(text, s_start, hit.start, cue, lexicon):
            found = True
        if not found and cue.anywhere is not None and cue.anywhere.search(normal(sentence)):
            found = True
        if found:
            if cue.effect == "drop":
                return Verdict(True, 0, (name,))
            acted.append(name)
            lower = 1
    return Verdict(False, -lower, tuple(acted))
