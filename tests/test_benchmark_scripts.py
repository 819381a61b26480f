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


def _commonmark():
    import importlib.util

    spec = importlib.util.spec_from_file_location("commonmark_bench", ROOT / "benchmarks" / "commonmark.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_commonmark_judge_counts_what_a_reader_gets_right():
    cm = _commonmark()
    assert cm.rendered_words('<p>Gentle <code>x = 1</code> peel <img src="a.png" alt="before photo"></p>') == [
        "Gentle", "peel", "before", "photo"]
    examples = [  # written for this test, in the spec's JSON shape
        {"markdown": "A *soft* [peel](https://example.org)\n", "html": "<p>A <em>soft</em> <a href=\"x\">peel</a></p>\n",
         "section": "Links", "example": 1},
        {"markdown": "    indented code\n", "html": "<pre><code>indented code\n</code></pre>\n",
         "section": "Indented code blocks", "example": 2},
        {"markdown": "Words the reader must drop\n", "html": "<p>Other words</p>\n", "section": "Paragraphs", "example": 3},
    ]
    right, by_section, wrong = cm.judge(cm.ours, examples)
    assert right["words"] == 2 and right["positions"] == 3 and right["both"] == 2
    assert [ex["example"] for ex in wrong] == [3] and by_section["Links"] == 1


def test_commonmark_positions_check_catches_a_misplaced_piece():
    cm = _commonmark()
    from copycheck.source.blocks import BlockBuilder

    source = "Laser hair removal"
    good, bad = BlockBuilder("paragraph"), BlockBuilder("paragraph")
    good.copy(6, "hair")
    bad.copy(5, "hair")  # one character off
    assert cm.positions_exact(source, [good.build()])
    assert not cm.positions_exact(source, [bad.build()])


def test_judgement_scores_each_sentence_by_the_line_it_stands_on(tmp_path):
    batch = tmp_path / "batch.yaml"
    batch.write_text(
        "- {topic: Laser hair removal, label: risky, text: Our laser is completely painless.}\n"
        "- {topic: Laser hair removal, label: fine, text: Most people feel a snap like a rubber band.}\n"
        "- {topic: Peels, label: risky, text: Results are guaranteed after one peel.}\n"
        "- {topic: Peels, label: fine, text: A risky sentence on the line above must not count here.}\n",
        encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "judgement.py"), "-v", str(batch)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "all: recall 2/2 = 1.00; fine flagged 0/2 = 0.000" in done.stdout, done.stdout


def test_judgement_refuses_an_item_without_a_label(tmp_path):
    batch = tmp_path / "bad.yaml"
    batch.write_text("- {topic: Peels, text: No label here.}\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "judgement.py"), str(batch)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 1 and "each item needs topic, text and label" in done.stderr


def test_judgement_refuses_a_text_that_yaml_would_cut_at_a_comment(tmp_path):
    batch = tmp_path / "batch.yaml"
    batch.write_text("- topic: Clinic\n  label: risky\n  text: Voted the #1 clinic in town.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "judgement.py"), str(batch)],
                          capture_output=True, text=True)
    assert done.returncode != 0 and f"{batch}:3:" in done.stderr and "quote it" in done.stderr
    batch.write_text('- topic: Clinic\n  label: risky\n  text: "Voted the #1 clinic in town."\n', encoding="utf-8")
    from importlib import util

    spec = util.spec_from_file_location("judgement_bench", ROOT / "benchmarks" / "judgement.py")
    module = util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.load(batch)[0]["text"] == "Voted the #1 clinic in town."


def _html_words():
    import importlib.util

    spec = importlib.util.spec_from_file_location("html_words_bench", ROOT / "benchmarks" / "html_words.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_html_words_judge_counts_words_as_multisets_and_checks_positions():
    hw = _html_words()
    assert hw.agreement(hw.words("Safe safe peel"), hw.words("safe peel today")) == (2, 4)
    page = "<title>T</title><p>Caf&eacute; <b>peel</b></p><img alt='Before photo'>"
    assert hw.copycheck_text(page) == "Café peel"  # body text only: title and alt counted apart
    assert hw.positions_exact(page, hw.markup.read(page, "html").blocks) == (6, 0)  # T; Caf, é, " ", peel; the alt
    assert hw.stdlib_text(page) == "Café peel"
    assert hw.positions_exact(page, hw.stdlib_blocks(page))[1] == 0


def test_server_benchmark_runs_on_its_page():
    """benchmarks/server.py, one run of two keystrokes: each figure printed (its page is ~3 KB)."""
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "server.py"), "--runs", "1", "--keys", "2"],
                          capture_output=True, text=True, timeout=300,
                          env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    for what in ("to the initialize answer", "first diagnostics", "re-check after a keystroke", "command line, cold"):
        assert what in done.stdout
    assert 2500 <= (ROOT / "benchmarks" / "server" / "page.md").stat().st_size <= 3500
