"""The real pre-commit tool runs copycheck's hook from a tagged revision on a
throwaway site repository (pre-commit builds the hook's environment with pip)."""
import os
import subprocess
import sys
from pathlib import Path

import copycheck
from helpers import ROOT

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"
TAG = f"v{copycheck.__version__}"


def git(cwd, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env)


def test_pre_commit_runs_the_hook_at_a_tag(tmp_path):
    hook_repo = tmp_path / "copycheck"
    git(tmp_path, "clone", "-q", "--no-hardlinks", str(ROOT), str(hook_repo))
    tags = git(hook_repo, "tag", "--list", TAG).stdout.split()
    if TAG not in tags:  # a clone without the release tag (CI clones may omit tags): tag its HEAD
        git(hook_repo, "tag", TAG)
    site = tmp_path / "site"
    site.mkdir()
    git(site, "init", "-q")
    (site / "index.md").write_text("# Lip fillers\n\nOur lip fillers are completely painless.\n", encoding="utf-8")
    (site / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo.as_uri()}\n    rev: {TAG}\n    hooks:\n      - id: copycheck\n",
        encoding="utf-8")
    git(site, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    run = subprocess.run([str(PRE_COMMIT), "run", "--all-files"], cwd=site, capture_output=True, text=True, env=env,
                         timeout=900)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "index.md:3:" in run.stdout and "CC131" in run.stdout
    (site / "index.md").write_text("# Lip fillers\n\nMost people feel a little discomfort.\n", encoding="utf-8")
    git(site, "add", ".")
    again = subprocess.run([str(PRE_COMMIT), "run", "--all-files"], cwd=site, capture_output=True, text=True, env=env,
                           timeout=900)
    assert again.returncode == 0, again.stdout + again.stderr


def test_pre_commit_runs_the_readme_local_hook_as_written(tmp_path):
    """README's `repo: local` lines, copied from README itself, with copycheck installed where
    the hook runs (this environment)."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(repos:\n  - repo: local\n.*?)```", readme, re.DOTALL)
    assert block, "README has no `repo: local` pre-commit block"
    site = tmp_path / "site"
    site.mkdir()
    git(site, "init", "-q")
    (site / "index.md").write_text("# Lip fillers\n\nOur lip fillers are completely painless.\n", encoding="utf-8")
    (site / ".pre-commit-config.yaml").write_text(block.group(1), encoding="utf-8")
    git(site, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    run = subprocess.run([str(PRE_COMMIT), "run", "--all-files"], cwd=site, capture_output=True, text=True, env=env,
                         timeout=300)
    assert run.returncode == 1 and "index.md:3:" in run.stdout and "CC131" in run.stdout, run.stdout + run.stderr
