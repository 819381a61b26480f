"""Advice for a finding: the rule's message, suggested wording and evidence for
the treatment the claim is about, named in the copy's own words.

A rule has a generic message and suggestion, which name no treatment and give
no figure.  Its ``advice:`` templates (claimrules/rules/*.yaml) speak of one
treatment, with slots that the treatment's fact sheet fills (seeds/facts/,
built into the evidence rulebook's ``advice:``); a template is used only when
the claim has a treatment and the sheet gives every slot it names.  So a
suggestion never names a treatment the copy does not, and never gives a course,
a duration or a figure that the evidence does not."""
from __future__ import annotations

from bisect import bisect_right
from string import Formatter

from claimrules.evidence import citations

LIMIT = 3  # quotes per finding


def fill(templates, values) -> str | None:
    """The first template whose slots values all give, filled; None when none is."""
    for template in templates or ():
        fields = {f for _, f, _, _ in Formatter().parse(template) if f}
        if fields <= values.keys():
            return template.format_map(values)
    return None


NAME_REACH = 160  # characters kept from where a treatment is named: longer than any name


class Names:
    """Where a page names each treatment (the scan's finds, added block by block), and
    in which words: the copy's own, read back from the block on first use."""

    def __init__(self, treatments: dict, brands=frozenset(), prescription_only=None):
        self.treatments, self.brands, self._at = treatments, brands, {}
        self.prescription_only = prescription_only or {}  # treatment -> words that name no medicine

    def add(self, block, named):
        """The (treatment, start) names the scan found in a block: where each stands,
        and the words from there on (the page's blocks are not held)."""
        for name, start in named:
            self._at.setdefault(name, []).append((block.source_span(start, start)[0], block.text[start:start + NAME_REACH]))

    def words_for(self, treatment: str, at: int) -> str | None:
        """The copy's words for treatment: its last mention before source offset at, else
        the first after.  A capital that only starts a sentence is lowered; a brand's
        (topics.yaml: brands) and an acronym's (IPL, HIFU) are kept.  A prescription-only
        medicine is named by what it treats (topics.yaml: prescription_only), never by name."""
        found = self._at.get(treatment)
        if not found:
            return None
        if treatment in self.prescription_only:
            return self.prescription_only[treatment]  # never the medicine's name (CC242)
        i = bisect_right(found, at, key=lambda f: f[0]) - 1
        _, text = found[max(i, 0)]
        m = self.treatments[treatment].match(text)
        if m is None:
            return None
        words = " ".join(m.group().split())
        first = words.split()[0]
        if first[:1].isupper() and first[1:] == first[1:].lower() and first.lower() not in self.brands:
            words = words[:1].lower() + words[1:]  # "Laser hair removal" at a heading's start
        return words


class Advisor:
    def __init__(self, evidence):
        self.evidence = evidence

    def advise(self, rule, treatment: str | None, words: str | None):
        """(message, suggestion, evidence) of a rule's finding on a claim about treatment
        (None: no treatment in reach), which the copy calls words."""
        message, suggestion, evidence = rule.message, rule.suggestion, tuple(rule.evidence)
        if treatment is not None and words:
            values = dict(self.evidence.slots(treatment))
            values["treatment"] = words
            values["Treatment"] = words[:1].upper() + words[1:]
            message = fill(rule.advice.get("message"), values) or message
            suggestion = fill(rule.advice.get("suggestion"), values) or suggestion
            if rule.topics:
                evidence += tuple(citations(self.evidence, rule.topics, treatment, limit=LIMIT))
        return message, suggestion, evidence[:LIMIT]
