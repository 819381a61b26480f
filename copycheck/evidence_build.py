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
from pathlib import Path

import yaml

from claimrules.evidence import FORMAT_VERSION, EvidenceBase, Statement, derive, read_file
from claimrules.topics import Topic, Topics, document_kinds, topics
from claimrules.yamllib import RulebookError

from . import files, markup
from .positions import LineIndex
from .sentences import Sentences


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


def read_document(path: str, source: str, doc_kind: str, lex: Topics, abbreviations=frozenset()):
    # a document is about the treatment it names most (a page on mesotherapy that
    # compares it with Botox once is not evidence about Botox)
    counts = {name: len(p.findall(source)) for name, p in lex.treatments.items()}
    top = max(counts.values(), default=0)
    if not top:
        return []
    treatments = sorted(name for name, n in counts.items() if n == top)
    parsed = markup.read(source, markup.format_for(path))
    lines = LineIndex(source)
    claimed = _flagged_spans(source, path)
    out = []
    for block in parsed.blocks:
        sents = Sentences(block.text, abbreviations)
        for s_start, s_end in zip(sents.ends, sents.ends[1:]):
            sentence = block.text[s_start:s_end]
            bare = sentence.strip()
            if not bare or bare.endswith("?"):
                continue  # questions report nothing
            if bare[-1] not in ".!;:" and len(bare.split()) < 10:
                continue  # a heading names a subject; it states nothing
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
                            strong=bool(lex.stance["strong"].search(clause)),
                        ))
    return out


def _flagged_spans(source: str, path: str):
    """Source spans that copycheck's phrase rules flag at warning or above."""
    import claimrules

    from .config import Settings
    from .kinds import REGISTRY
    from .linter import Linter

    linter = Linter(claimrules.load(evidence=EvidenceBase(), kinds=REGISTRY), Settings(select=("ALL",), ignore=("CC0", "CC3", "CC4")))
    spans = []
    for f in linter.check_text(source, path):
        if f.severity != "info":
            spans.append((f.offset, f.offset + len(f.match)))
    return spans


def build(paths) -> EvidenceBase:
    """Read every evidence document under paths; an unreadable one is an error naming it."""
    import claimrules

    lex = topics()
    abbreviations = claimrules.load_lexicon().abbreviations  # the same sentence ends as the linter
    kinds = document_kinds()
    statements, documents = [], []
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
        kind = kinds.get(Path(path).name, "evidence")
        documents.append({"source": shown, "kind": kind, "sha256": hashlib.sha256(data).hexdigest()})
        statements.extend(read_document(shown, text, kind, lex, abbreviations))
    unique = sorted(set(statements), key=lambda s: (s.treatment, s.topic, s.source, s.line, s.quote))
    return EvidenceBase(unique, documents)


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
                         "doc_kind": s.doc_kind, **({"strong": True} if s.strong else {}), "quote": s.quote}
                        for s in sorted(items, key=lambda s: (s.source, s.line, s.quote))
                    ],
                }
                for topic, items in sorted(topics.items())
            }
            for t, topics in sorted(treatments.items())
        },
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
