"""privlint's .pre-commit-hooks.yaml, run by the real pre-commit framework in a scratch repository.

pre-commit installs the hook the way it would for any user (`cargo install --path .` in a copy of
this repository, via `pre-commit try-repo`, which includes uncommitted changes). CARGO_TARGET_DIR
points at this checkout's target/ so that the install reuses the release build.
"""

import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
CLEAN = """controller c "C AS" {
  country NO
  email "post@c.example"
  authority dt "Datatilsynet"
}

rights {
  access
  rectification
  erasure
  restriction
  complaint dt
}
"""
MISSING_BASIS = CLEAN + """
category k "K"

purpose p "P" {
  data k
  retention 1 year
}
"""


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def repo(tmp_path, pre_commit_home):
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "test@example.invalid")
    git("config", "user.name", "test")
    env = dict(os.environ)
    env["PRE_COMMIT_HOME"] = str(pre_commit_home)
    env["CARGO_TARGET_DIR"] = str(ROOT / "target")
    env["NO_COLOR"] = "1"

    def hook(hook_id, *files):
        git("add", "-A")
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook_id, "--files", *files],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=1200,
        )

    return tmp_path, hook


def test_check_hook_fails_on_an_error_and_names_the_rule(repo):
    path, hook = repo
    (path / "bad.privacy").write_text(MISSING_BASIS, encoding="utf-8")
    result = hook("privlint", "bad.privacy")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "missing-legal-basis" in result.stdout
    assert "bad.privacy:17:9" in result.stdout


def test_check_hook_passes_a_clean_declaration(repo):
    path, hook = repo
    (path / "good.privacy").write_text(CLEAN, encoding="utf-8")
    result = hook("privlint", "good.privacy")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_fmt_hook_rewrites_and_reports_the_change(repo):
    path, hook = repo
    messy = path / "messy.privacy"
    messy.write_text(CLEAN.replace("  country NO", "country   NO"), encoding="utf-8")
    result = hook("privlint-fmt", "messy.privacy")
    assert result.returncode == 1, "pre-commit fails a hook that modified files"
    assert "files were modified by this hook" in result.stdout
    assert messy.read_text(encoding="utf-8") == CLEAN
    assert hook("privlint-fmt", "messy.privacy").returncode == 0
