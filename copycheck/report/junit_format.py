"""JUnit XML: one test case per checked file, failing with the findings the gate counts
(--fail-on), so a CI dashboard agrees with the exit code; findings below it are the case's
output, not a failure.  An unreadable file is an error case.  Read by CI systems' test
report views."""
from __future__ import annotations

import xml.etree.ElementTree as ET


def _lines(found):
    return "\n".join(f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message} Instead: {f.suggestion}"
                     + (f" ({f.place()})" if f.heading is not None else "") for f in found)


def render(result, options, echo):
    from ..findings import at_or_above

    fail_on = options.get("fail_on", "warning")
    counts = (lambda f: at_or_above(f.severity, fail_on)) if not options.get("exit_zero") else (lambda f: False)
    by_file: dict = {p: [] for p in result.checked}
    for f in result.findings:
        by_file.setdefault(f.path, []).append(f)
    failing = {p for p, found in by_file.items() if any(counts(f) for f in found)}
    suite = ET.Element("testsuite", name="copycheck", tests=str(len(by_file) + len(result.errors)),
                       failures=str(len(failing)), errors=str(len(result.errors)))
    for path in sorted(by_file):
        case = ET.SubElement(suite, "testcase", classname="copycheck", name=path, file=path)
        found = by_file[path]
        gate = [f for f in found if counts(f)]
        if gate:
            worst = max(gate, key=lambda f: ("info", "warning", "error").index(f.severity)).severity
            failure = ET.SubElement(case, "failure", type=worst,
                                    message=f"{len(gate)} finding{'s' if len(gate) != 1 else ''} at {fail_on} or above")
            failure.text = _lines(gate)
        rest = [f for f in found if not counts(f)]
        if rest:
            ET.SubElement(case, "system-out").text = _lines(rest)
    for e in result.errors:
        case = ET.SubElement(suite, "testcase", classname="copycheck", name=str(e.path), file=str(e.path))
        ET.SubElement(case, "error", type="input-error", message=str(e))
    root = ET.Element("testsuites", name="copycheck")
    root.append(suite)
    ET.indent(root)
    echo('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode"))
