"""The language server follows privlint.toml and the editor's settings as they change."""

import asyncio
import pathlib

from lsprotocol import types
from pytest_lsp import LanguageClient

# A US processor with no safeguard: `transfer-without-safeguard` (an error by default).
TEXT = """controller c "C" {
  country NO
  email "post@c.example"
  authority dt "Datatilsynet"
}
category contact "Kontakt"
subject customers "Kunder"
processor mail "E-post" {
  country US
  agreement "DBA-1"
}
purpose news "Nyhetsbrev" {
  basis contract
  data contact
  subjects customers
  processors mail
  retention 1 year
}
rights {
  access; rectification; erasure; restriction; objection; portability
  complaint dt
  respond_within 1 month
}
"""

RULE = "transfer-without-safeguard"


def open_document(client: LanguageClient, path: pathlib.Path) -> str:
    path.write_text(TEXT, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="privacy", version=1, text=TEXT)
        )
    )
    return uri


async def until(predicate, what: str):
    for _ in range(500):
        if predicate():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


def severities(client: LanguageClient, uri: str):
    return [d.severity for d in client.diagnostics.get(uri, []) if d.code == RULE]


async def test_the_server_asks_to_watch_privlint_toml(watching_client: LanguageClient):
    await until(lambda: watching_client.registrations, "a registration")
    registration = watching_client.registrations[0]
    assert registration.method == "workspace/didChangeWatchedFiles"
    patterns = [w["globPattern"] for w in registration.register_options["watchers"]]
    # privlint.toml, and the files of declarations kept in several files that are not open.
    assert patterns == ["**/privlint.toml", "**/*.privacy"]


async def test_privlint_toml_is_read_again_when_it_changes(watching_client: LanguageClient, tmp_path):
    client = watching_client
    uri = open_document(client, tmp_path / "declaration.privacy")
    await until(lambda: severities(client, uri) == [types.DiagnosticSeverity.Error], "the finding")

    config = tmp_path / "privlint.toml"
    config.write_text(f'[rules]\n{RULE} = "off"\n', encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]
        )
    )
    await until(lambda: severities(client, uri) == [], "the rule to be turned off")

    config.write_text(f'[rules]\n{RULE} = "info"\n', encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    await until(lambda: severities(client, uri) == [types.DiagnosticSeverity.Information], "the new level")


async def test_the_editor_setting_applies_and_privlint_toml_wins(watching_client: LanguageClient, tmp_path):
    client = watching_client
    uri = open_document(client, tmp_path / "declaration.privacy")
    await until(lambda: severities(client, uri) == [types.DiagnosticSeverity.Error], "the finding")

    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"privlint": {"rules": {RULE: "warning"}}})
    )
    await until(lambda: severities(client, uri) == [types.DiagnosticSeverity.Warning], "the editor's level")

    # The project's file is shared by the team and CI, so it wins over one person's editor.
    (tmp_path / "privlint.toml").write_text(f'[rules]\n{RULE} = "off"\n', encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[]))
    await until(lambda: severities(client, uri) == [], "privlint.toml to win")


async def test_privlint_toml_above_the_repository_is_not_read(client: LanguageClient, tmp_path):
    # As on the command line: a configuration above the repository's root (in a shared parent
    # such as the temporary directory) is someone else's and must not turn rules off.
    (tmp_path / "privlint.toml").write_text(f'[rules]\n{RULE} = "off"\n', encoding="utf-8")
    repository = tmp_path / "repository"
    (repository / ".git").mkdir(parents=True)
    uri = open_document(client, repository / "declaration.privacy")
    await until(lambda: severities(client, uri) == [types.DiagnosticSeverity.Error], "the finding")
    # Below it, in the repository, it is read.
    (repository / "privlint.toml").write_text(f'[rules]\n{RULE} = "off"\n', encoding="utf-8")
    other = open_document(client, repository / "other.privacy")
    await until(lambda: severities(client, other) == [], "the repository's configuration")
