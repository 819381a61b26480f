"""The benchmark scripts' command lines: asking for help writes nothing."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_make_corpus_help_prints_usage_and_writes_no_corpus(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "--help"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0
    assert "usage:" in done.stdout and "OUT" not in done.stderr
    assert list(tmp_path.iterdir()) == []  # before, "--help" was taken as the folder to write


def test_make_corpus_rejects_a_second_folder(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "a", "b"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 2 and "unrecognized arguments" in done.stderr
    assert list(tmp_path.iterdir()) == []
