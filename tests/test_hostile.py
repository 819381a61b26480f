"""Hostile and careless input (issue 14): every case is one line naming the file
(and line where there is one), exit 2, no traceback; or, for a page someone
publishes, a normal check that does not blow up.  Inputs are generated here."""
import json
import os

import pytest
from click.testing import CliRunner

import claimrules
import claimrules.patterns as patterns
from claimrules import yamllib
from copycheck.reading import prose
from copycheck.cli import main

RULE = """rules:
  - code: CC950
    name: house-rule
    category: other
    level: warning
    message: "A house rule."
    suggestion: "Say it plainly."
    why: "A test."
    link: "https://example.org/house"
    patterns:
      - '{pattern}'
{extra}    examples:
      match: ["{match}"]
      no_match: ["plain words"]
"""


def bomb(levels=9, width=9, name="a"):
    """A "billion laughs": width ** levels strings from a few hundred bytes."""
    lines = [f'{name}0: &{name}0 [' + ", ".join(['"lol"'] * width) + "]"]
    for i in range(1, levels):
        lines.append(f"{name}{i}: &{name}{i} [" + ", ".join([f"*{name}{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text("Completely painless.\n", encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, list(args))


def one_line_error(r, *needles):
    assert r.exit_code == 2, r.output
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert "Traceback" not in r.output
    errors = [line for line in r.output.splitlines() if line.startswith("copycheck: ")]
    assert len(errors) == 1, r.output
    for needle in needles:
        assert needle in errors[0], errors[0]
    return errors[0]


# ---- YAML that expands without end ---------------------------------------------------------

def test_an_alias_bomb_in_a_page_s_front_matter_is_read_once_per_node(site):
    (site / "bomb.md").write_text("---\n" + bomb() + "title: Totally painless peels\n---\nHello.\n", encoding="utf-8")
    r = run("check", "--isolated", "--format", "json", "bomb.md")
    found = json.loads(r.stdout)["findings"]
    assert [(f["rule"], f["line"]) for f in found] == [("CC131", 11)]  # the title, found as usual


def test_an_alias_bomb_in_a_config_is_refused_with_its_file(site):
    (site / ".copycheck.yaml").write_text(bomb() + "fail-on: error\n", encoding="utf-8")
    one_line_error(run("check", "page.md"), ".copycheck.yaml:", "aliases expand past")


def test_an_alias_bomb_in_a_rule_file_is_refused_with_its_file(site):
    text = bomb() + RULE.format(pattern="zzz", extra="", match="zzz").replace('"A house rule."', "*a8")
    (site / "house.yaml").write_text(text, encoding="utf-8")
    one_line_error(run("check", "--isolated", "--rules", "house.yaml", "page.md"), "house.yaml:", "aliases expand past")


def test_a_recursive_alias_is_refused(site):
    (site / "house.yaml").write_text("a: &a [1, *a]\n" + RULE.format(pattern="zzz", extra="", match="zzz"),
                                     encoding="utf-8")
    r = run("check", "--isolated", "--rules", "house.yaml", "page.md")
    one_line_error(r, "house.yaml:")


def test_aliases_that_expand_a_little_are_fine():
    data = yamllib.load_yaml("x.yaml", bomb(levels=3, width=3) + "b: *a2\n")
    assert len(data["b"]) == 3 and data["b"][0][0] == ["lol"] * 3


def test_a_rule_file_too_large_is_refused(site, monkeypatch):
    limit = max(p.stat().st_size for p in claimrules.RULES_DIR.glob("*.yaml")) + 100  # the built-in ones load
    monkeypatch.setattr(yamllib, "MAX_BYTES", limit)
    (site / "house.yaml").write_text(RULE.format(pattern="zzz", extra="", match="zzz") + "#" * limit + "\n",
                                     encoding="utf-8")
    one_line_error(run("check", "--isolated", "--rules", "house.yaml", "page.md"), "house.yaml", "too large to load")


# ---- config values of the wrong type ---------------------------------------------------------

@pytest.mark.parametrize("config,needle", [
    ("levels: {131: info}", "'levels' maps rule codes"),
    ('per-file-ignores: {"*.md": 5}', "'per-file-ignores' maps globs to lists of codes"),
    ("rule-options: {CC401: {target_grade: abc}}", "must be a number"),
    ("rule-options: {CC401: {nonsense: 3}}", "unknown option 'nonsense'"),
    ("rule-options: {5: {target_grade: 3}}", "'rule-options' maps rule codes"),
    ("ignore: [CC999]", "unknown rule code"),
])
def test_a_config_value_of_the_wrong_type_is_one_line_with_file_and_line(site, config, needle):
    (site / ".copycheck.yaml").write_text("fail-on: error\n" + config + "\n", encoding="utf-8")
    one_line_error(run("check", "page.md"), ".copycheck.yaml:2:", needle)


def test_a_pyproject_of_invalid_utf8_stops(site):
    (site / "pyproject.toml").write_bytes(b"[tool.copycheck]\nfail-on = \"err\xffor\"\n")
    one_line_error(run("check", "page.md"), "pyproject.toml")


# ---- users' patterns ---------------------------------------------------------------------------

def test_a_pattern_that_matches_the_empty_string_is_refused_at_load(site):
    (site / "house.yaml").write_text(RULE.format(pattern="x?", extra="", match="x"), encoding="utf-8")
    one_line_error(run("check", "--isolated", "--rules", "house.yaml", "page.md"),
                   "house.yaml:11:", "can match an empty string")


SLOW = "(a|aa)+b"  # exponential backtracking on a run of a's with no b


def test_an_exception_pattern_that_times_out_names_rule_and_file(site, monkeypatch):
    monkeypatch.setattr(patterns, "TIMEOUT", 0.05)
    (site / "house.yaml").write_text(
        RULE.format(pattern="painless", extra=f"    exceptions:\n      - '{SLOW}'\n", match="painless"), encoding="utf-8")
    (site / "slow.md").write_text("a" * 40 + " painless\n", encoding="utf-8")
    one_line_error(run("check", "--isolated", "--rules", "house.yaml", "slow.md"), "slow.md:", "rule CC950", "ran out of time")
    (site / ".copycheck.yaml").write_text("extend-rules: [house.yaml]\n", encoding="utf-8")
    r = run("stats", "slow.md")
    one_line_error(r, "slow.md:", "rule CC950")


def test_users_patterns_share_one_budget_per_file(site, monkeypatch):
    """Each match is quick enough; together they run out of the file's budget."""
    monkeypatch.setattr(patterns, "FILE_BUDGET", 0.05)
    (site / "house.yaml").write_text(
        RULE.format(pattern="painless", extra="    requires:\n      - '(a|aa)+c'\n", match="painless c"), encoding="utf-8")
    (site / "many.md").write_text(("a" * 18 + " painless.\n\n") * 400, encoding="utf-8")
    one_line_error(run("check", "--isolated", "--rules", "house.yaml", "many.md"), "many.md:", "rule CC950")


# ---- paths -----------------------------------------------------------------------------------

def test_a_device_or_fifo_named_is_an_error(site):
    one_line_error(run("check", "--isolated", os.devnull), os.devnull, "not a regular file")
    os.mkfifo(site / "pipe.md")
    one_line_error(run("check", "--isolated", "pipe.md"), "pipe.md", "not a regular file")


def test_a_symlink_to_a_device_in_a_folder_is_named_for_what_it_is(site):
    os.symlink("/dev/zero", site / "zero.md")
    r = run("check", "--isolated", ".")
    assert "zero.md: a symbolic link to a FIFO, socket or device; skipped" in r.output
    assert r.exit_code == 1  # page.md's finding; the link is a notice


def test_a_file_name_that_is_not_utf8_is_escaped_in_every_format(site):
    name = os.fsdecode(b"caf\xe9.md")
    (site / "sub").mkdir()
    with open(os.path.join(os.fsencode(site / "sub"), b"caf\xe9.md"), "w", encoding="utf-8") as fh:
        fh.write("Totally painless.\n")
    assert name != "caf\xe9.md"
    for fmt in ("json", "github", "sarif", "gitlab", "junit", "text", "html"):
        r = run("check", "--isolated", "--format", fmt, "-o", f"out.{fmt}", "sub")
        assert r.exit_code == 1, r.output
        data = (site / f"out.{fmt}").read_bytes()
        data.decode("utf-8")  # valid UTF-8
        assert b"caf\\xe9.md" in data or b"caf\\\\xe9.md" in data or fmt == "sarif", fmt  # SARIF has links only
    assert json.loads((site / "out.json").read_text(encoding="utf-8"))["findings"][0]["path"] == "sub/caf\\xe9.md"
    # the links point at the file's real bytes, percent-encoded, not at the escaped name
    sarif = json.loads((site / "out.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "sub/caf%E9.md"
    assert b'href="sub/caf%E9.md' in (site / "out.html").read_bytes()


def test_evidence_outside_the_project_needs_allow_outside(site):
    (site / "outside").mkdir()
    (site / "outside" / "secret.txt").write_text("Private notes.\n", encoding="utf-8")
    (site / "proj").mkdir()
    (site / "proj" / "page.md").write_text("Completely painless.\n", encoding="utf-8")
    (site / "proj" / ".copycheck.yaml").write_text('evidence: ["../outside/secret.txt"]\n', encoding="utf-8")
    one_line_error(run("check", "proj"), "proj/.copycheck.yaml:1:", "outside the project", "--allow-outside")
    r = run("check", "--allow-outside", "proj")
    assert "from outside the project (--allow-outside)" in r.output and "secret.txt" in r.output


def test_symlinks_out_of_the_checked_folder_are_skipped_unless_asked(site):
    (site / "elsewhere").mkdir()
    (site / "elsewhere" / "other.md").write_text("Totally painless.\n", encoding="utf-8")
    (site / "content").mkdir()
    (site / "content" / "own.md").write_text("Totally painless.\n", encoding="utf-8")
    os.symlink(site / "elsewhere" / "other.md", site / "content" / "link.md")
    os.symlink(site / "elsewhere", site / "content" / "linked-dir")
    r = run("check", "--isolated", "--format", "json", "content")
    assert {f["path"] for f in json.loads(r.stdout)["findings"]} == {"content/own.md"}
    assert "content/link.md: a symbolic link out of the checked folder" in r.stderr
    assert "content/linked-dir: a symbolic link out of the checked folder" in r.stderr
    r = run("check", "--isolated", "--allow-outside", "--format", "json", "content")
    assert {f["path"] for f in json.loads(r.stdout)["findings"]} == {
        "content/own.md", "content/link.md", "content/linked-dir/other.md"}


# ---- a long-running process -------------------------------------------------------------------

def test_the_readability_cache_is_cleared_between_texts_never_in_the_middle(monkeypatch):
    text = " ".join(f"word{i}x" for i in range(300)) + ". " + "Plain short words here. " * 5
    expected = prose.counts(text)
    monkeypatch.setattr(prose, "CACHE_LIMIT", 50)
    prose._TOKENS.clear()
    assert prose.counts(text) == expected  # more distinct words than the cache holds
    assert prose.counts("Another page entirely.").words == 3
    assert len(prose._TOKENS) <= 50 + 3


# ---- shapes that were quadratic or worse (benchmarks/hostile.py times them) -------------------

from copycheck import check_text  # noqa: E402


def test_html_tags_that_never_close_end_the_page_as_browsers_do():
    page = "<p>Completely painless.</p>" + "<a " * 40_000  # was 25 s at this size
    assert [(f.rule, f.match) for f in check_text(page, "p.html")] == [("CC131", "painless")]
    page = "<p>Completely painless.</p><!--" * 1 + "<!--" * 50_000
    assert [f.match for f in check_text(page, "p.html")] == ["painless"]


def test_html_attribute_values_may_hold_a_closing_bracket():
    found = check_text('<p><img alt="before > after: completely painless" src="x.png"></p>', "p.html")
    assert [f.match for f in found] == ["painless"]
    found = check_text("<p><a title=don't href=x>Completely painless.</a></p>", "p.html")  # a stray quote
    assert [f.match for f in found] == ["painless"]


def test_a_long_run_of_block_quote_markers_is_read_in_one_pass():
    page = ">" * 400_000 + " Completely painless.\n"
    assert [(f.line, f.column, f.match) for f in check_text(page, "p.md")] == [(1, 400_013, "painless")]


def test_a_page_of_nothing_but_claims_is_bounded_and_says_so(site):
    (site / "dense.md").write_text("Completely painless.\n" * 20_000, encoding="utf-8")
    r = run("check", "--isolated", "--format", "json", "dense.md")
    assert "dense.md: over 4,000 claims on one page: the rest was not read for claims" in r.stderr
    found = json.loads(r.stdout)["findings"]
    assert 0 < sum(f["rule"] == "CC131" for f in found) <= 4000  # and the page-level rules still speak
    assert {f["rule"] for f in found} - {"CC131"} <= {"CC401", "CC402", "CC421"}
    assert r.exit_code == 2  # the claims past the cap could be anything: the page fails


@pytest.mark.parametrize("fmt,where", [("sarif", '"toolExecutionNotifications"'), ("junit", "<error"),
                                       ("json", '"input_errors": 1'), ("github", "::error")])
def test_claims_hidden_behind_the_cap_fail_the_gate_in_every_format(site, fmt, where):
    (site / "hidden.md").write_text("Is it painless?\n" * 4_001 + "\nOur peel is completely painless.\n",
                                    encoding="utf-8")
    r = run("check", "--isolated", "--format", fmt, "hidden.md")
    assert r.exit_code == 2 and "over 4,000 claims on one page" in r.stdout + r.stderr
    assert where in r.stdout, r.stdout[-500:]


def _peak_while_checking(linter, source):
    import tracemalloc

    tracemalloc.start()
    try:
        linter.check_text(source, "huge.md")
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_huge_page_is_streamed_not_held():
    """Memory beyond the source stays flat as a page grows: the readers hand their
    blocks on a few at a time and no stage keeps them all (a 100 MB page in under
    300 MB; benchmarks/run.py measures that one)."""
    import copycheck
    from copycheck.config import Settings

    para = ("The practice is open from nine until five, and the nurse sees walk-in patients "
            "on Tuesday mornings. Bring a list of the medicines you take.\n\n")
    linter = copycheck.linter_for(Settings())
    linter.check_text(para, "warm.md")  # the rulebook and lexicons, loaded before measuring
    small = _peak_while_checking(linter, para * (1_000_000 // len(para)))
    large = _peak_while_checking(linter, para * (4_000_000 // len(para)))
    assert large - small < 1_500_000, (small, large)  # holding the blocks costs about 3 bytes a byte of page


def test_a_file_or_standard_input_over_the_size_limit_is_one_line(site, monkeypatch):
    from copycheck.source import files

    monkeypatch.setattr(files, "MAX_BYTES", 100)
    (site / "long.md").write_text("Plain words. " * 20, encoding="utf-8")
    one_line_error(run("check", "--isolated", "long.md"), "long.md: 260 bytes: over the 100 bytes", "not checked")
    r = CliRunner().invoke(main, ["check", "--isolated", "-", "--stdin-filename", "in.md"], input="Plain words. " * 20)
    one_line_error(r, "in.md: more: over the 100 bytes", "not checked")
    r = CliRunner().invoke(main, ["check", "--isolated", "-", "--stdin-filename", "in.md"], input="Painless.\n")
    assert r.exit_code == 1 and "CC131" in r.output  # under the limit: checked as before


# ---- files copycheck reads for itself: regular files of bounded size only (issue 28) ----------

@pytest.mark.parametrize("option", ["--rules", "--config", "--baseline"])
@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_a_device_or_fifo_named_for_rules_config_or_baseline_is_refused_at_once(site, option, special):
    if special == "fifo":
        os.mkfifo(site / "fifo")  # opening it to read would block for ever
    one_line_error(run("check", option, special, "page.md"), special, "not a regular file")


def test_a_baseline_a_config_names_stays_inside_the_project(site):
    os.symlink("/dev/zero", site / "b.json")
    (site / ".copycheck.yaml").write_text("baseline: b.json\n", encoding="utf-8")
    one_line_error(run("check", "page.md"), ".copycheck.yaml:1", "'baseline' names", "outside the project")
    (site / ".copycheck.yaml").write_text("baseline: ../elsewhere.json\n", encoding="utf-8")
    one_line_error(run("check", "page.md"), "'baseline' names", "--allow-outside")


def test_a_pyproject_over_the_size_limit_is_refused(site, monkeypatch):
    monkeypatch.setattr(yamllib, "MAX_BYTES", 10_000)
    (site / "pyproject.toml").write_text("[tool.copycheck]\nfail-on = 'error'\n" + "#" * 10_000 + "\n",
                                         encoding="utf-8")
    one_line_error(run("check", "page.md"), "pyproject.toml", "over 10,000 bytes")


def test_a_pyproject_nested_a_thousand_deep_is_one_line(site):
    (site / "pyproject.toml").write_text("[tool.copycheck]\nx = " + "[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")
    one_line_error(run("check", "page.md"), "pyproject.toml", "nested too deeply")


def test_a_pyproject_with_a_byte_order_mark_is_read(site):
    (site / "pyproject.toml").write_bytes(b"\xef\xbb\xbf[tool.copycheck]\nignore = ['CC131']\n")
    r = run("check", "page.md")
    assert r.exit_code == 0 and "CC131" not in r.output


def test_a_broken_tool_copycheck_header_is_reported_not_ignored(site):
    (site / "pyproject.toml").write_text("[tool.copycheck\nignore = ['CC131']\n", encoding="utf-8")
    one_line_error(run("check", "page.md"), "pyproject.toml", "invalid TOML")


def test_a_deeply_nested_baseline_is_one_line(site):
    (site / "b.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    one_line_error(run("check", "--baseline", "b.json", "page.md"), "b.json")


def test_a_fifo_inside_a_folder_is_skipped_with_a_notice(site):
    os.mkfifo(site / "pipe.md")
    r = run("check", ".")
    assert "pipe.md: not a regular file (a FIFO, socket or device); skipped" in r.output
    assert "page.md:1:" in r.output and r.exit_code == 1


def test_binary_standard_input_is_refused_after_its_first_megabyte():
    class Endless:
        read_bytes = 0

        def read(self, n):
            self.read_bytes += n
            return b"\0" * n

    stream = Endless()
    from copycheck.source import files

    with pytest.raises(files.InputError, match="binary file"):
        files.read_stream(stream, "-")
    assert stream.read_bytes <= 1 << 20


def test_an_unreadable_gitignore_is_one_line_and_the_rest_is_checked(site, monkeypatch):
    from claimrules import yamllib as yl

    (site / "sub").mkdir()
    (site / "sub" / ".gitignore").write_text("x\n", encoding="utf-8")
    (site / "sub" / "more.md").write_text("Completely painless.\n", encoding="utf-8")
    real = yl.read_bytes

    def refuse(path, limit=None):
        if str(path).endswith(".gitignore"):
            raise PermissionError(13, "Permission denied")
        return real(path, limit)

    monkeypatch.setattr(yl, "read_bytes", refuse)
    r = run("check", ".")
    assert "sub/.gitignore: permission denied" in r.output and "Traceback" not in r.output
    assert "page.md:1:" in r.output and "more.md:1:" in r.output and r.exit_code == 2


def test_a_named_file_the_user_may_not_read_is_not_a_usage_error(site, monkeypatch):
    (site / "other.md").write_text("Completely painless.\n", encoding="utf-8")
    monkeypatch.setattr(os, "access", lambda *a, **k: False)  # as a user without read permission sees it
    r = run("check", "other.md", "page.md")
    assert "Usage:" not in r.output and "other.md:1:" in r.output and "page.md:1:" in r.output


# ---- shapes that were quadratic: 8x the input within 12x the time (issue 28) -----------------

def _toml_tables(n):
    return "+++\n" + "".join(f"[t{i}]\nkey{i} = \"painless {i}\"\n" for i in range(n // 30)) + "+++\nHello.\n"


@pytest.mark.parametrize("make", [
    lambda n: "Intro.\n\n" + "x<!--" * (n // 5) + "\n",  # a line of comment openers, none closed
    _toml_tables,  # TOML front matter with many [tables]
], ids=["md-comment-openers", "toml-tables"])
def test_once_quadratic_shapes_are_linear(make):
    import time

    from copycheck import linter_for

    linter = linter_for()
    linter.check_text("Warm up: painless.\n", "w.md")

    def best(page):
        times = []
        for _ in range(3):
            t = time.perf_counter()
            linter.check_text(page, "p.md")
            times.append(time.perf_counter() - t)
        return min(times)

    small, big = best(make(48_000)), best(make(8 * 48_000))  # quadratic: 64x; before the fix, minutes
    assert big <= 12 * small + 0.25, (small, big)  # (+0.25 s: a busy machine's noise on a small base)
