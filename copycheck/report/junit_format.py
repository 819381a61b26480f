"""JUnit XML: one test case per checked file, failing with its findings; an
unreadable file is an error case.  Read by CI systems' test report views."""
from __future__ import annotations

import xml.etree.ElementTree as ET


def render(result, options, echo):
    by_file: dict = {p: [] for p in result.checked}
    for f in result.findings:
        by_file.setdefault(f.path, []).append(f)
    suite = ET.Element("testsuite", name="copycheck", tests=str(len(by_file) + len(result.errors)),
                       failures=str(sum(1 for v in by_file.values() if v)), errors=str(len(result.errors)))
    for path in sorted(by_file):
        case = ET.SubElement(suite, "testcase", classname="copycheck", name=path, file=path)
        found = by_file[path]
        if found:
            worst = max(found, key=lambda f: ("info", "warning", "error").index(f.severity)).severity
            failure = ET.SubElement(case, "failure", type=worst,
                                    message=f"{len(found)} finding{'s' if len(found) != 1 else ''}")
            failure.text = "\n".join(f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message} "
                                     f"Instead: {f.suggestion}" for f in found)
    for e in result.errors:
        case = ET.SubElement(suite, "testcase", classname="copycheck", name=str(e.path), file=str(e.path))
        ET.SubElement(case, "error", type="input-error", message=str(e))
    root = ET.Element("testsuites", name="copycheck")
    root.append(suite)
    ET.indent(root)
    echo('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode"))
