"""pytest-lsp fixtures: the real `privlint lsp` binary (target/release), driven over stdio."""

import os
import pathlib
import subprocess

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

ROOT = pathlib.Path(__file__).resolve().parents[2]
# PRIVLINT=path runs the tests against another build (to see a new test fail on an old one).
BINARY = pathlib.Path(os.environ.get("PRIVLINT", ROOT / "target" / "release" / "privlint"))


def check_json(text: str, tmp_path: pathlib.Path) -> dict:
    """`privlint check --format json` on a text, for comparing with what the server publishes."""
    import json

    path = tmp_path / "final.privacy"
    path.write_text(text, encoding="utf-8")
    out = subprocess.run(
        [str(BINARY), "check", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(out.stdout)


def initialize(encodings):
    return types.InitializeParams(
        capabilities=types.ClientCapabilities(
            general=types.GeneralClientCapabilities(position_encodings=encodings),
            text_document=types.TextDocumentClientCapabilities(
                publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                    version_support=True, related_information=True
                )
            ),
        )
    )


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[str(BINARY), "lsp"]))
async def client(lsp_client: LanguageClient):
    result = await lsp_client.initialize_session(initialize([types.PositionEncodingKind.Utf16]))
    lsp_client.init_result = result
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[str(BINARY), "lsp"]))
async def utf8_client(lsp_client: LanguageClient):
    result = await lsp_client.initialize_session(
        initialize([types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16])
    )
    lsp_client.init_result = result
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[str(BINARY), "lsp"]))
async def watching_client(lsp_client: LanguageClient):
    """A client that lets the server register file watchers, and records what it registers."""
    lsp_client.registrations = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        lsp_client.registrations.extend(params.registrations)

    params = initialize([types.PositionEncodingKind.Utf16])
    params.capabilities.workspace = types.WorkspaceClientCapabilities(
        did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()
