"""``copycheck evidence build``: evidence documents -> statements by topic.

A tool on the linter's side of the house: nothing imports it but the command
line and the public API, which build documents named with ``--evidence`` before
linting starts.  Each document is read with copycheck's own markup readers, split into
sentences and clauses; a clause that names a topic (lexicon/topics.yaml) is
filed with its stance and kind (lexicon/evidence.yaml) and a verbatim quote
from its first source line.  The output is sorted, so the same documents give
the same file byte for byte."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import yaml

from claimrules.evidence import FORMAT_VERSION, EvidenceBase, Statement, derive, read_file
from claimrules.topics import Topic, Topics, advice_slots, document_kinds, document_titles, topics
from claimrules.yamllib import RulebookError, did_you_mean

from ..source import files
from .. import markup
from .fact_sheets import CITE, read_sheet
from ..source.positions import LineIndex
from ..reading.sentences import Sentences


def stance_of(clause: str, group: str, doc_kind: str, lex: Topics):
    clause = clause.replace("\u2019", "'")
    st = lex.stance
    if st["refutes"].search(clause):
        return "refutes"
    if st["contests"].search(clause):
        return "contests"
    if group == "practice":
        # what a treatment involves: risks and sessions are admitted even with "may"
        return "neutral" if st["attributed"].search(clause) else "qualifies"
    if st["neutral"].search(clause):
        return "neutral"
    if st["positive"].search(clause):
        if doc_kind == "promotional":
            return "promotes"
        return "supports" if st["strong"].search(clause) else "qualifies"
    return None


def kind_of(clause: str, topic: Topic, lex: Topics) -> str:
    for name, pattern in lex.kinds:
        if pattern.search(clause):
            return name
    return "claim" if topic.group != "practice" else "procedure"


def _clauses(sentence: str, lex: Topics):
    """(start, end) of each clause inside a sentence."""
    cuts = [0] + [m.start() for m in lex.clause_break.finditer(sentence) if m.start() > 0] + [len(sentence)]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if sentence[a:b].strip()]


def _quote(source: str, start: int, end: int, focus: int):
    """(offset, text): the verbatim source text of a clause on the line that holds
    focus (where the topic is named), so that the quote stands on one line."""
    line_start = max(source.rfind("\n", start, focus), source.rfind("\r", start, focus)) + 1
    a = max(start, line_start) if line_start > 0 else start
    text = source[a:end]
    for sep in ("\r", "\n"):
        text = text.split(sep, 1)[0]
    lead = len(text) - len(text.lstrip(" \t,;:•-*"))
    return a + lead, text.strip(" \t,;:•-*")


def _title_case(sentence: str) -> bool:
    """Whether most of a sentence's longer words start with a capital: a paper's or an
    article's title ("A Prospective Registry Study to Evaluate Safety."), not a statement."""
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", sentence) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def read_document(path: str, source: str, doc_kind: str, lex: Topics, abbreviations=frozenset(), sheet=None,
                  cite=""):
    """The statements of one document.  sheet: its fact-sheet front matter (read_sheet), when it
    is one; cite: how a reader finds a document that is not (sources.yaml: title and address)."""
    if sheet is not None:
        treatments, doc_kind = [sheet.treatment], sheet.doc_kind
    else:
        # a document is about the treatment it names most (a page on mesotherapy that
        # compares it with Botox once is not evidence about Botox)
        counts = {name: len(p.findall(source)) for name, p in lex.treatments.items()}
        top = max(counts.values(), default=0)
        if not top:
            return []
        treatments = sorted(name for name, n in counts.items() if n == top)
    parsed = markup.read(source, markup.format_for(path))
    lines = LineIndex(source)
    claimed = _flagged_spans(source, path) if sheet is None else ()
    out = []
    heading = None  # a fact sheet's topic: the heading above
    titled = False  # a fact sheet's first heading is its title
    for block in parsed.blocks:
        text, where = block.text, cite
        if sheet is not None:
            if block.scope == "heading":
                topic = lex.topic(" ".join(text.split()).lower())
                if topic is None and not titled:
                    titled = True
                    continue  # the sheet's title
                heading = topic
                if heading is None:
                    line, _ = lines.locate(block.source_span(0, 0)[0])
                    raise RulebookError(path, line, f"a fact sheet's heading names a topic: '{text.strip()}' is none of "
                                        f"{', '.join(sorted(lex.names))}")
                continue
            m = CITE.search(text)
            if heading is None or m is None:
                continue  # the sheet's title and introduction: no statement
            if m.group(1) not in sheet.sources:
                line, _ = lines.locate(block.source_span(m.start(1), m.start(1))[0])
                raise RulebookError(path, line, f"unknown source '{m.group(1)}'{did_you_mean(m.group(1), sheet.sources)}")
            text, where = text[:m.start()], sheet.cite(m.group(1))
        sents = Sentences(text, abbreviations)
        for s_start, s_end in zip(sents.ends, sents.ends[1:]):
            sentence = text[s_start:s_end]
            bare = sentence.strip()
            if not bare or bare.endswith("?"):
                continue  # questions report nothing
            if bare.rstrip("\"'\u201d)]")[-1:] not in (".", "!", ";") or _title_case(bare):
                continue  # a heading, a title or a list of contents names subjects; it states nothing
            if sheet is not None:
                found = sorted((m.start(), t.name, t) for t in lex.topics
                               if t.group == "efficacy" for m in [t.terms.search(sentence)] if m)
                sentence_topics = [found[0][2]] if heading.name == "efficacy" and found else [heading]
                for topic in sentence_topics:
                    # what a treatment involves is the sheet's own statement: it qualifies any strong claim
                    stance = "qualifies" if topic.group == "practice" else (
                        stance_of(sentence, topic.group, doc_kind, lex) or "qualifies")
                    src_start, _ = block.source_span(s_start, s_start)
                    line, _ = lines.locate(src_start)
                    out.append(Statement(
                        treatment=sheet.treatment, topic=topic.name, source=path, line=line, stance=stance,
                        kind=kind_of(sentence, topic, lex), doc_kind=doc_kind, quote=" ".join(bare.split()),
                        strong=bool(lex.stance["strong"].search(sentence)), cite=where,
                    ))
                continue
            sentence_topics = [t for t in lex.topics if t.terms.search(sentence)]
            for c_start, c_end in _clauses(sentence, lex):
                clause = sentence[c_start:c_end]
                topics = [t for t in lex.topics if t.terms.search(clause)]
                inherited = not topics
                for topic in topics or sentence_topics:
                    stance = stance_of(clause, topic.group, doc_kind, lex)
                    if stance is None or inherited and stance not in ("refutes", "contests"):
                        continue  # a clause without a topic speaks for its sentence only to weigh evidence
                    src_start, src_end = block.source_span(s_start + c_start, s_start + c_end)
                    m = topic.terms.search(clause)
                    focus = block.source_span(s_start + c_start + m.start(), s_start + c_start + m.end())[0] if m else src_start
                    q_start, quote = _quote(source, src_start, src_end, focus)
                    if len(quote.split()) < 5:
                        continue  # a heading or a fragment states nothing
                    if stance in ("supports", "qualifies") and any(a < src_end and src_start < b for a, b in claimed):
                        stance = "promotes"  # copycheck flags this clause: a claim, not evidence
                    line, _ = lines.locate(q_start)
                    for treatment in treatments:
                        out.append(Statement(
                            treatment=treatment, topic=topic.name, source=path, line=line, stance=stance,
                            kind=kind_of(sentence, topic, lex), doc_kind=doc_kind, quote=quote,
                            strong=bool(lex.stance["strong"].search(clause)), cite=cite,
                        ))
    return out


def _flagged_spans(source: str, path: str):
    """Source spans that copycheck's phrase rules flag at warning or above."""
    import claimrules

    from ..config import Settings
    from ..kinds import REGISTRY
    from ..linter import Linter

    linter = Linter(claimrules.load(evidence=EvidenceBase(), kinds=REGISTRY), Settings(select=("ALL",), ignore=("CC0", "CC3", "CC4")))
    spans = []
    for f in linter.check_text(source, path).findings:
        if f.severity != "info":
            spans.append((f.offset, f.offset + len(f.match)))
    return spans


def build(paths) -> EvidenceBase:
    """Read every evidence document under paths; an unreadable one is an error naming it."""
    import claimrules

    lex = topics()
    abbreviations = claimrules.load_lexicon().abbreviations  # the same sentence ends as the linter
    kinds, titles = document_kinds(), document_titles()
    slots = advice_slots()
    statements, documents, advice = [], [], {}
    found = []
    for item in files.discover([str(p) for p in paths]):
        if isinstance(item, files.InputError):
            raise RulebookError(item.path, 0, str(item).split(": ", 1)[-1])
        found.append(item[0])
    for path in sorted(set(found)):
        try:
            data = Path(path).read_bytes()
            text = files.decode(data, path)
        except (OSError, files.InputError) as exc:
            raise RulebookError(path, 0, f"cannot read evidence document: {exc}") from None
        shown = Path(path).as_posix()
        sheet = read_sheet(shown, text, lex, slots)
        kind = sheet.doc_kind if sheet is not None else kinds.get(Path(path).name, "evidence")
        documents.append({"source": shown, "kind": kind, "sha256": hashlib.sha256(data).hexdigest()})
        if sheet is not None:
            advice.setdefault(sheet.treatment, {}).update(sheet.advice)
        statements.extend(read_document(shown, text, kind, lex, abbreviations, sheet,
                                        titles.get(Path(path).name, "")))
    unique = sorted(set(statements), key=lambda s: (s.treatment, s.topic, s.source, s.line, s.quote))
    return EvidenceBase(unique, documents, advice)


def dump(base: EvidenceBase, command: str) -> str:
    """The evidence file's text: deterministic, sorted, one statement per item."""
    treatments: dict = {}
    for s in base.statements:
        treatments.setdefault(s.treatment, {}).setdefault(s.topic, []).append(s)
    doc = {
        "version": FORMAT_VERSION,
        "documents": sorted(base.documents, key=lambda d: d["source"]),
        "treatments": {
            t: {
                topic: {
                    "supported": derive(items),
                    "statements": [
                        {"source": s.source, "line": s.line, "stance": s.stance, "kind": s.kind,
                         "doc_kind": s.doc_kind, **({"strong": True} if s.strong else {}), "quote": s.quote,
                         **({"cite": s.cite} if s.cite else {})}
                        for s in sorted(items, key=lambda s: (s.source, s.line, s.quote))
                    ],
                }
                for topic, items in sorted(topics.items())
            }
            for t, topics in sorted(treatments.items())
        },
        "advice": {t: dict(sorted(slots.items())) for t, slots in sorted(base.advice.items())},
    }
    header = (
        "# The evidence rulebook: statements from evidence documents, by treatment and topic.\n"
        f"# Built by `{command}`; do not edit by hand, rebuild.\n"
    )
    return header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=4096)


def load(paths) -> EvidenceBase:
    """The built-in evidence plus what paths add: built evidence files are read,
    documents and folders are built first."""
    from claimrules import evidence

    extra = []
    for item in paths:
        p = Path(item)
        extra.append(read_file(p) if p.suffix in (".yaml", ".yml") and p.is_file() else build([p]))
    return evidence.load(extra)
