"""What the language server refuses to read: the hostile tree of tests/cli_files.rs, through a real
client (pytest-lsp). The server reads the files of a declaration that are not open from disk; it
must refuse the same files for the same reasons as `privlint check` (both go through
privlint-files), and never read a FIFO, a device, the standard input or a file outside the
repository."""

import asyncio
import json
import os
import pathlib
import subprocess

from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import BINARY

NOT_REGULAR = "not a regular file: privlint reads only regular files, not pipes, devices or sockets"
OUTSIDE = (
    "a symbolic link to a file outside ., which a directory search does not follow"
    " (name it on the command line to check it)"
)
# The same as tests/cli_files.rs's `expected`.
EXPECTED = {
    ("decl/fifo.privacy", NOT_REGULAR),
    ("decl/null.privacy", NOT_REGULAR),
    ("decl/zero.privacy", NOT_REGULAR),
    ("decl/stdin.privacy", NOT_REGULAR),
    ("decl/secret.privacy", OUTSIDE),
    ("decl/latin1.privacy", "invalid-utf8"),
    ("large/big.privacy", "larger than 32 MB, the most privlint reads of one file"),
    (
        "old/privlint.toml:1",
        'the declaration `old` matches no .privacy file: its `files` ("archive/*.privacy")'
        " are globs relative to the directory of privlint.toml",
    ),
}

CLEAN = """controller c "C AS" {
  country NO
  email "post@c.example"
  authority dt "Datatilsynet"
}
rights {
  access; rectification; erasure; restriction
  complaint dt
}

"""


def hostile(outer: pathlib.Path) -> pathlib.Path:
    """The tree of tests/cli_files.rs's `hostile`."""
    root = outer / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "privlint.toml").write_text(
        '[[declarations]]\nname = "all"\nfiles = ["decl"]\n\n'
        '[[declarations]]\nname = "large"\nfiles = ["large"]\n',
        encoding="utf-8",
    )
    decl = root / "decl"
    decl.mkdir()
    (decl / "open.privacy").write_text(
        CLEAN + 'purpose p "P" {\n  basis consent\n  data contact\n}\n', encoding="utf-8"
    )
    (decl / "bom.privacy").write_bytes('\ufeffcategory contact "Kontakt"\n'.encode("utf-8"))
    (decl / "latin1.privacy").write_bytes(b'category k "Bl\xe5b\xe6r"\n')
    os.mkfifo(decl / "fifo.privacy")
    os.symlink("/dev/null", decl / "null.privacy")
    os.symlink("/dev/zero", decl / "zero.privacy")
    os.symlink("/dev/stdin", decl / "stdin.privacy")
    (outer / "secret.privacy").write_text('controller stolen "SECRET"\n', encoding="utf-8")
    os.symlink("../../secret.privacy", decl / "secret.privacy")
    (root / "large").mkdir()
    (root / "large" / "open.privacy").write_text(CLEAN, encoding="utf-8")
    with open(root / "large" / "big.privacy", "wb") as big:
        big.truncate(40 << 20)
    (root / "old").mkdir()
    (root / "old" / "privlint.toml").write_text(
        '[[declarations]]\nname = "old"\nfiles = ["archive/*.privacy"]\n', encoding="utf-8"
    )
    (root / "old" / "a.privacy").write_text(CLEAN, encoding="utf-8")
    return root


def refusal(line: str, root: pathlib.Path) -> tuple[str, str]:
    """(path relative to the repository, reason) of one line saying a file was not read."""
    line = line.replace(f"{root}/", "").replace(str(root), ".")
    for prefix in ("privlint: error: ", "privlint: warning: ", "invalid configuration: "):
        line = line.removeprefix(prefix)
    path, reason = line.split(": ", 1)
    return path, reason.removeprefix("not checked: ")


def cli_refusals(root: pathlib.Path) -> set[tuple[str, str]]:
    out = subprocess.run(
        [str(BINARY), "check", "--format", "json"],
        cwd=root,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    found = {refusal(line, root) for line in out.stderr.splitlines()}
    for d in json.loads(out.stdout)["diagnostics"]:
        if d["rule"] == "invalid-utf8":
            found.add((d["file"], "invalid-utf8"))
    return found


async def until(predicate, what: str):
    for _ in range(1000):
        if predicate():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


def open_file(client: LanguageClient, path: pathlib.Path):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=path.as_uri(), language_id="privacy", version=1, text=path.read_text("utf-8")
            )
        )
    )


def server_refusals(client: LanguageClient, root: pathlib.Path) -> set[tuple[str, str]]:
    found = {
        refusal(line, root)
        for message in client.log_messages
        if message.type == types.MessageType.Warning
        for line in message.message.splitlines()
    }
    for uri, diagnostics in client.diagnostics.items():
        if any(d.code == "invalid-utf8" for d in diagnostics):
            path = pathlib.Path(uri.removeprefix("file://"))
            found.add((str(path.relative_to(root)), "invalid-utf8"))
    return found


async def test_the_server_refuses_what_the_command_line_refuses(client: LanguageClient, tmp_path):
    root = hostile(tmp_path)
    for name in ("decl/open.privacy", "large/open.privacy", "old/a.privacy"):
        open_file(client, root / name)
    bom = (root / "decl" / "bom.privacy").as_uri()
    latin1 = (root / "decl" / "latin1.privacy").as_uri()
    # The declaration is checked with its readable files from disk.
    await until(lambda: bom in client.diagnostics and latin1 in client.diagnostics, "the declaration's files")
    await until(lambda: len(server_refusals(client, root)) >= len(EXPECTED), "the refusals")
    await asyncio.sleep(0.2)  # nothing more comes
    assert server_refusals(client, root) == EXPECTED
    assert cli_refusals(root) == EXPECTED
    # The file with a byte order mark was read as a declaration: its category is defined.
    assert not client.diagnostics[bom], client.diagnostics[bom]
    opened = client.diagnostics[(root / "decl" / "open.privacy").as_uri()]
    assert not any(d.code in ("unknown-reference", "syntax-error") for d in opened), opened
    # Nothing outside the repository reached the editor.
    said = [m.message for m in client.log_messages] + [
        d.message for ds in client.diagnostics.values() for d in ds
    ]
    assert not any("SECRET" in text for text in said)
    # And the server still answers.
    hover = await asyncio.wait_for(
        client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=(root / "decl" / "open.privacy").as_uri()),
                position=types.Position(line=12, character=8),
            )
        ),
        timeout=10,
    )
    assert hover is not None
