"""What a rule kind declares: its name, its options, what the scan must find for
it, and its check.  A kind is one module in this package; __init__.py lists them.

Three stages run checks:

- ``block``: ``check_block(rules, ctx)`` once per block that the scan found
  something in, with the enabled rules of the kind; ``ctx`` is a
  ``BlockContext`` (copycheck/reading/context.py).  It yields ``Candidate`` values.
- ``document``: ``see_block(rule, doc, block, options)`` for every block of the
  page, in order, then ``check_document(rule, doc, options)`` once per page, with
  the rule's options (the rule's own on top of the kind's defaults, the team's
  ``rule-options`` on top of those).  Both yield ``Candidate`` values too.  The
  page's blocks are never held all at once: what a kind needs from them at the
  end it keeps in ``doc.notes[rule.code]`` (copycheck/reading/document.py).
- after suppression: ``check_directives(rule, directives)`` with the page's
  suppression comments that suppressed nothing; it yields the directives to report.

A page-level kind that needs something the block stage reads (balance needs the
page's first benefit claim) declares it as its ``signal`` (``PageSignal``): the
linter reads claims for it while it is still missing and keeps the first value
found in ``doc.signals[kind.name]``.  A kind whose counted words do not count
inside the block's findings ("no side effects" is not a mention of risk) says
``count_outside_findings``.  Nothing about a particular kind lives in the linter.

The kind never decides a finding's severity: it says how far judgement moves
the rule's level (``Candidate.shift``), and copycheck/findings.py decides.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Option:
    """One setting of a kind: its type (a Python type, or a tuple of allowed
    strings) and default.  claimrules validates rule files against these."""

    type: object
    default: object
    about: str = ""


@dataclass
class Candidate:
    """What a check found: a span of a block, how judgement moved the rule's level,
    and the words to show (None: the rule's own)."""

    block: object  # None: the page as a whole (a finding at its start, line 1, column 1)
    start: int
    end: int
    shift: int = 0  # -1 lowered one level, +1 raised one level
    message: str | None = None
    suggestion: str | None = None
    evidence: tuple | None = None
    cues: tuple = ()
    parts: dict | None = None  # the claim's parts that made the finding, for reports
    rule: object = None  # a block-stage check's rule (document checks: the rule they ran for)
    treatment: str | None = None  # the treatment the claim is about, for the advice (copycheck/reading/advice.py)


@dataclass
class PageSignal:
    """What a page-level kind needs found on the way through the blocks: ``find(rule, ctx)``
    runs on each block about a treatment (with the kind's first enabled rule) until it
    gives a value; ``wants(reader)``: the claims to read while it is still missing
    (word class -> [Want], as claims.py reads ``wants``)."""

    find: object  # (rule, BlockContext) -> value, or None: not in this block
    wants: object = None  # (claim reader) -> {word class: [Want]}


@dataclass
class Kind:
    name: str
    about: str
    options: dict = field(default_factory=dict)  # name -> Option
    needs_patterns: bool = False  # a rule of this kind must list patterns
    needs_claim: bool = False  # a rule of this kind must say what claim it fires on (`claim:`)
    default_cues: tuple | None = None  # judgement cues for rules that list none (None: the lexicon's defaults)
    scan: str = ""  # what the one-pass scan finds for its rules: "hits", "count" or ""
    reads_claims: bool = False  # its checks read the claim reader's treatments and claim verbs
    claims: bool = False  # its findings are claims (counted by `copycheck stats`)
    domain: bool = False  # its findings stand only on copy about health (lexicon/domain.yaml)
    check_block: object = None  # (rules, ctx) -> Candidates
    see_block: object = None  # (rule, doc, block, options) -> Candidates, for every block in order
    check_document: object = None  # (rule, doc, options) -> Candidates
    check_directives: object = None  # (rule, unused directives) -> directives to report
    signal: PageSignal | None = None  # what its document check needs found in the blocks
    count_outside_findings: bool = False  # a counted word inside a finding of its block is not counted

    @property
    def defaults(self) -> dict:
        return {name: o.default for name, o in self.options.items()}
