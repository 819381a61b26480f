"""How fast, and how right, copycheck's Word and OpenDocument reader (markup/office.py: zipfile and
xml.etree) is beside python-docx and odfpy, on the test drafts and on a larger draft made from them.

    python benchmarks/office.py [--copies 400] [--repeat 5]

The larger draft repeats the body of tests/data/office/draft.docx (and .odt) --copies times, as
LibreOffice wrote it.  python-docx and odfpy are not dependencies of copycheck: where they are not
installed, only copycheck's reader is timed (install them in a scratch virtual environment to compare).
Each reader is timed from the file's bytes to the list of paragraph texts, best of --repeat runs."""
from __future__ import annotations

import argparse
import io
import re
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data" / "office"


def bigger(name: str, copies: int) -> bytes:
    """The draft with its body repeated copies times (the rest of the package as it is)."""
    part, start, end = (("word/document.xml", b"<w:body>", b"<w:sectPr") if name.endswith(".docx")
                        else ("content.xml", b"</text:sequence-decls>", b"</office:text>"))
    src = zipfile.ZipFile(io.BytesIO((DATA / name).read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == part:
                a = data.index(start) + len(start)
                z = data.index(end, a)
                data = data[:a] + data[a:z] * copies + data[z:]
            dst.writestr(info, data)
    return out.getvalue()


def ours(data: bytes, name: str) -> list:
    from copycheck.markup import office

    return office.decode(data, name).text.split("\n")


def python_docx(data: bytes, name: str) -> list:
    import docx  # python-docx
    from docx.table import Table

    out = []

    def walk(items):
        for item in items:
            if isinstance(item, Table):
                for row in item.rows:
                    for cell in row.cells:
                        walk(cell.iter_inner_content())
            elif item.text.strip():
                out.append(item.text)

    walk(docx.Document(io.BytesIO(data)).iter_inner_content())
    return out


def odfpy(data: bytes, name: str) -> list:
    from odf import teletype, text
    from odf.opendocument import load

    doc = load(io.BytesIO(data))
    out = []
    for el in doc.text.getElementsByType(text.P) + doc.text.getElementsByType(text.H):  # (not in reading order)
        t = teletype.extractText(el)
        if t.strip():
            out.append(t)
    return out


def import_ms(modules: str) -> float:
    """Milliseconds to import modules in a fresh interpreter (a one-file check pays it once)."""
    import subprocess

    code = f"import time; t = time.perf_counter(); import {modules}; print(time.perf_counter() - t)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(done.stdout) * 1000


def best(fn, data, name, repeat) -> tuple:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn(data, name)
        times.append(time.perf_counter() - t0)
    return min(times), result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=400, help="times the larger draft repeats the test draft's body")
    ap.add_argument("--repeat", type=int, default=5, help="runs of each reader; the best is shown")
    args = ap.parse_args(argv)
    for name, other in (("draft.docx", python_docx), ("draft.odt", odfpy)):
        try:
            other(bigger(name, 1), name)
        except ImportError:
            other = None
        for label, data in ((name, (DATA / name).read_bytes()), (f"{name} x{args.copies}", bigger(name, args.copies))):
            t, mine = best(ours, data, name, args.repeat)
            line = f"{label:<18} {len(data):>9,} bytes {len(mine):>7,} paragraphs  copycheck {t * 1000:8.1f} ms"
            if other is not None:
                t2, theirs = best(other, data, name, args.repeat)
                same = sorted(mine) == sorted(re.sub(r"\s+", " ", x) for x in theirs)
                line += (f"  {other.__name__} {t2 * 1000:8.1f} ms ({t2 / t:.1f}x), {len(theirs):,} paragraphs, "
                         f"{'the same texts' if same else 'different texts'}")
            print(line)
    for modules in ("zipfile, xml.etree.ElementTree", "docx", "odf.opendocument, odf.teletype"):
        try:
            print(f"import {modules}: {import_ms(modules):.0f} ms")
        except Exception:  # noqa: BLE001 - not installed
            print(f"import {modules}: not installed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
