"""The pre-commit hooks that need no Rust: pre-commit-mirror/ (the template of the small hook
repository users point at, as ruff-pre-commit) run by the real pre-commit framework.

The template is copied into a temporary git repository and committed; `pre-commit try-repo` runs
it against a scratch repository with cargo and rustc NOT on PATH (CARGO_HOME and RUSTUP_HOME
empty) and pip limited to local files (PIP_NO_INDEX=1): the privlint wheel built by
scripts/wheel.sh in target/wheels/, and the setuptools wheel that virtualenv embeds (the build
backend of the mirror's pyproject.toml). So the hook is installed from the wheel, as a user's
pip would from PyPI, and the test proves it needs no Rust.
"""

import os
import pathlib
import re
import shutil
import subprocess
import sys
import tomllib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
MIRROR = ROOT / "pre-commit-mirror"
WHEELS = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "wheels"
RUST_TOOLS = ("cargo", "rustc", "rustup")

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from test_hooks import CLEAN, MISSING_BASIS  # noqa: E402


def cargo_version():
    return tomllib.loads((ROOT / "Cargo.toml").read_text(encoding="utf-8"))["workspace"]["package"]["version"]


def built_wheel():
    wheels = sorted(WHEELS.glob(f"privlint-{cargo_version()}-*.whl"))
    return wheels[0] if wheels else None


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def init_repo(path):
    git(path, "init", "-q")
    git(path, "config", "user.email", "test@example.invalid")
    git(path, "config", "user.name", "test")
    git(path, "config", "commit.gpgsign", "false")


def path_without_rust():
    """PATH with every directory that holds cargo, rustc or rustup left out, and any that holds a
    privlint (so the privlint that runs is the one pip installed from the wheel into the hook's
    environment)."""
    left_out = (*RUST_TOOLS, "privlint")
    keep = [d for d in os.environ["PATH"].split(os.pathsep)
            if d and not any(os.access(os.path.join(d, tool), os.X_OK) for tool in left_out)]
    path = os.pathsep.join(keep)
    for tool in left_out:
        assert shutil.which(tool, path=path) is None, tool
    assert shutil.which("git", path=path), "git must stay on PATH"
    return path


def test_the_mirror_pins_the_version_of_cargo_toml():
    project = tomllib.loads((MIRROR / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    version = cargo_version()
    assert project["version"] == version
    assert project["dependencies"] == [f"privlint=={version}"]
    hooks = (MIRROR / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert re.findall(r"^- id: (\S+)", hooks, re.M) == ["privlint", "privlint-fmt"]
    assert re.findall(r"^  language: (\S+)", hooks, re.M) == ["python", "python"]
    assert f"rev: v{version}" in hooks


def test_the_mirror_hooks_are_the_hooks_of_this_repository_but_python():
    import yaml  # pre-commit's own dependency

    mirror = yaml.safe_load((MIRROR / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    rust = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h.pop("language") for h in mirror] == ["python", "python"]
    assert [h.pop("language") for h in rust] == ["rust", "rust"]
    assert mirror == rust


@pytest.fixture(scope="module")
def mirror_repo(tmp_path_factory):
    """The template, committed in a git repository of its own (what users point `repo:` at)."""
    if built_wheel() is None:
        pytest.skip(f"no privlint-{cargo_version()}-*.whl in {WHEELS}: run scripts/wheel.sh first")
    repo = tmp_path_factory.mktemp("privlint-pre-commit")
    shutil.copytree(MIRROR, repo, dirs_exist_ok=True)
    init_repo(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "privlint-pre-commit")
    return repo


@pytest.fixture(scope="module")
def no_rust_env(tmp_path_factory):
    import virtualenv.seed.wheels.embed as embedded  # pre-commit's own dependency

    home = tmp_path_factory.mktemp("no-rust")
    for name in ("cargo-home", "rustup-home", "pre-commit-home", "pip-cache"):
        (home / name).mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("CARGO", "RUSTUP", "RUSTC", "PIP_", "VIRTUAL_ENV"))}
    env.update(
        PATH=path_without_rust(),
        CARGO_HOME=str(home / "cargo-home"),
        RUSTUP_HOME=str(home / "rustup-home"),
        PRE_COMMIT_HOME=str(home / "pre-commit-home"),
        PIP_NO_INDEX="1",
        PIP_FIND_LINKS=f"{WHEELS} {embedded.BUNDLE_FOLDER}",
        PIP_CACHE_DIR=str(home / "pip-cache"),
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        VIRTUALENV_NO_PERIODIC_UPDATE="1",
        NO_COLOR="1",
    )
    return env


@pytest.fixture
def scratch(tmp_path, mirror_repo, no_rust_env):
    init_repo(tmp_path)

    def hook(hook_id, *files):
        git(tmp_path, "add", "-A")
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(mirror_repo), hook_id, "--files", *files],
            cwd=tmp_path,
            env=no_rust_env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    return tmp_path, hook


def test_check_hook_needs_no_rust_and_fails_on_an_error(scratch):
    path, hook = scratch
    (path / "bad.privacy").write_text(MISSING_BASIS, encoding="utf-8")
    result = hook("privlint", "bad.privacy")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "missing-legal-basis" in result.stdout, output
    assert "bad.privacy:17:9" in result.stdout, output
    assert "cargo" not in output.lower(), output


def test_check_hook_passes_a_clean_declaration(scratch):
    path, hook = scratch
    (path / "good.privacy").write_text(CLEAN, encoding="utf-8")
    result = hook("privlint", "good.privacy")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_fmt_hook_rewrites_a_messy_declaration(scratch):
    path, hook = scratch
    messy = path / "messy.privacy"
    messy.write_text(CLEAN.replace("  country NO", "country   NO"), encoding="utf-8")
    result = hook("privlint-fmt", "messy.privacy")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "files were modified by this hook" in result.stdout
    assert messy.read_text(encoding="utf-8") == CLEAN
