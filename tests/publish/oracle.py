"""What the publishing tests share: the binary under test, and how an absent oracle is met."""

import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
# PRIVLINT=path runs the tests against another build (to see a new test fail on an old one).
BINARY = pathlib.Path(os.environ.get("PRIVLINT", ROOT / "target" / "release" / "privlint")).absolute()


def missing(what: str):
    """An oracle (or the binary) that is not there: a failure in CI (CI=true), a skip elsewhere."""
    if os.environ.get("CI") == "true":
        pytest.fail(what)
    pytest.skip(what)
