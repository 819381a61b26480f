"""The parallel run: bad files, dead workers and unreadable results end the run, never hang it."""
import json
import os
import pickle
import signal
import subprocess
import sys
import textwrap

import pytest

from copycheck.source import files, pool
from copycheck import runner

TIMEOUT = 120  # a hang fails the test instead of stalling the suite

GOOD = ("Our clinic offers skin consultations with a registered nurse. We talk through what you hope for, "
        "what the treatment involves, what it costs and how long any redness may last. ")
FRENCH = ("Notre clinique propose des consultations pour la peau avec une infirmière. Nous parlons de ce que "
          "vous souhaitez, de ce que le soin comprend, de son prix et de la durée des rougeurs. Les résultats "
          "varient selon les personnes et nous vous expliquons les risques avant de commencer le traitement. ")


def test_an_input_error_survives_a_pickle_round_trip():
    err = files.InputError("a/caf\udce9.md", "binary file", fatal=False, line=3, language="fr")
    back = pickle.loads(pickle.dumps(err))
    assert (back.path, back.message, back.fatal, back.line, back.language, str(back)) == \
           (err.path, err.message, err.fatal, err.line, err.language, str(err))


def _kill_self_on_three(x):
    if x == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return x * 10


def _exit_on_two(x):
    if x == 2:
        os._exit(7)
    return x * 10


def _unpicklable_on_one(x):
    return (lambda: None) if x == 1 else x * 10


class OneArgError(Exception):
    """Pickles, but cannot be unpickled (the shape of the bug that hung the pool: args lost)."""

    def __init__(self, message):
        super().__init__()
        self.message = message


def _unreadable_on_four(x):
    return OneArgError("no") if x == 4 else x * 10


@pytest.mark.parametrize("task,bad,why", [
    (_kill_self_on_three, 3, "killed (SIGKILL)"),
    (_exit_on_two, 2, "stopped (exit code 7)"),
    (_unpicklable_on_one, 1, "its worker process failed ("),
    (_unreadable_on_four, 4, "its result could not be read back (TypeError"),
])
def test_a_lost_item_is_named_and_the_others_are_done(task, bad, why):
    lost = []
    out = pool.run(task, list(range(8)), 2, lambda item, reason: lost.append((item, reason)) or "LOST")
    assert out == [("LOST" if i == bad else i * 10) for i in range(8)]
    assert len(lost) == 1 and lost[0][0] == bad and why in lost[0][1]


def test_more_workers_than_items_and_no_items():
    assert pool.run(_exit_on_two, [0, 1], 8, lambda *a: None) == [0, 10]
    assert pool.run(_exit_on_two, [], 2, lambda *a: None) == []


@pytest.fixture
def bad_tree(tmp_path):
    """A tree over --jobs auto's threshold (4 files, 1 MB) with each kind of file that cannot be checked."""
    site = tmp_path / "site"
    site.mkdir()
    for i in range(4):
        (site / f"good{i}.md").write_text(
            f"# Page {i}\n\nOur facial is painless.\n\n" + GOOD * 1700, encoding="utf-8")  # ~0.3 MB each
    (site / "binary.md").write_bytes(b"PK\x03\x04\x00\x00" + bytes(range(256)) * 4)
    (site / "latin1.md").write_bytes("Caf\xe9 cr\xe8me, painless.\n".encode("latin-1"))
    (site / "french.md").write_text(FRENCH * 20, encoding="utf-8")
    (site / "report.html").write_text('<html><head><meta name="generator" content="copycheck 9"></head>'
                                      "<body>painless</body></html>", encoding="utf-8")
    (site / "slow.md").write_text("a" * 60 + "c\n", encoding="utf-8")
    (tmp_path / "slow.yaml").write_text(textwrap.dedent("""\
        rules:
          - code: CC950
            name: slow
            category: other
            level: warning
            patterns: ['a(?:a|aa)*b']
            message: m
            suggestion: s
            why: w
            link: https://example.org
            examples: {match: ['aab'], no_match: ['x']}
        """), encoding="utf-8")
    return tmp_path


# The rule's time limit is cut to 0.2 s (as tests/test_robustness.py does) in the child process.
CHILD = ("import sys; from claimrules import patterns; patterns.TIMEOUT = 0.2\n"
         "from copycheck.cli import main; sys.argv[0] = 'copycheck'; main()")


def _check(cwd, *args, child=CHILD):
    return subprocess.run([sys.executable, "-c", child, "check", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=TIMEOUT)


@pytest.mark.parametrize("jobs", ["auto", "2", "1"])
def test_a_tree_with_every_kind_of_bad_file_finishes_the_same_at_any_jobs(bad_tree, jobs):
    assert runner.jobs_count("auto", [str(p) for p in (bad_tree / "site").iterdir()]) > 1 or os.cpu_count() == 1
    r = _check(bad_tree, "--rules", "slow.yaml", "--format", "json", "--jobs", jobs, "site")
    assert r.returncode == 2, r.stderr
    for name, what in [("binary.md", "binary file"), ("latin1.md", "invalid UTF-8"),
                       ("slow.md", "ran out of time"), ("report.html", "a copycheck report")]:
        assert any(name in line and what in line for line in r.stderr.splitlines()), (name, r.stderr)
    assert "Traceback" not in r.stderr
    found = json.loads(r.stdout)["findings"]
    assert sorted({f["path"] for f in found}) == [f"site/good{i}.md" for i in range(4)]
    if jobs == "1":
        return
    one = _check(bad_tree, "--rules", "slow.yaml", "--format", "json", "--jobs", "1", "site")
    assert one.stdout == r.stdout


def test_a_worker_killed_mid_run_is_named_and_the_run_ends_with_exit_2(bad_tree):
    child = ("import os, signal, sys\n"
             "from copycheck import runner\n"
             "real = runner.check_one\n"
             "def dying(linter, path):\n"
             "    if path.endswith('good2.md'):\n"
             "        os.kill(os.getpid(), signal.SIGKILL)\n"
             "    return real(linter, path)\n"
             "runner.check_one = dying\n"
             "from copycheck.cli import main; sys.argv[0] = 'copycheck'; main()")
    r = _check(bad_tree, "--jobs", "2", "--format", "json", "site", child=child)
    assert r.returncode == 2
    assert "good2.md: a worker process was killed (SIGKILL) while checking this file" in r.stderr
    paths = {f["path"] for f in json.loads(r.stdout)["findings"]}
    assert {"site/good0.md", "site/good1.md", "site/good3.md"} <= paths and "site/good2.md" not in paths
