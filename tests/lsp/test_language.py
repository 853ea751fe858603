"""The language the server speaks: `initializationOptions.language` (VS Code's
`privlint.language`), then the client's `locale` when it is Norwegian (issue 25)."""

import asyncio
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import BINARY, initialize
from test_configuration import RULE, open_document, until

# Words only Nynorsk has (not Bokmål, not English): one of them is in any Nynorsk sentence
# privlint writes about a transfer, a rule or a configuration.
NYNORSK = ("ikkje", "personvernforordninga", "opplysningar", "utanfor", "garantiar", "kva", "korleis", "eit ", "ein ")


def nynorsk(text: str) -> bool:
    return any(word in text.lower() for word in NYNORSK)


def client_with(options=None, locale=None):
    """A fixture whose client sends these initialization options and this locale."""

    @pytest_lsp.fixture(config=ClientServerConfig(server_command=[str(BINARY), "lsp"]))
    async def fixture(lsp_client: LanguageClient):
        params = initialize([types.PositionEncodingKind.Utf16])
        params.initialization_options = options
        params.locale = locale
        await lsp_client.initialize_session(params)
        yield
        await lsp_client.shutdown_session()

    return fixture


nn_client = client_with(options={"language": "nn"})
nn_locale_client = client_with(locale="nn-NO")


async def test_a_client_that_asks_for_nynorsk_gets_nynorsk_diagnostics_and_hover(
    nn_client: LanguageClient, tmp_path: pathlib.Path
):
    uri = open_document(nn_client, tmp_path / "c.privacy")
    await until(lambda: any(d.code == RULE for d in nn_client.diagnostics.get(uri, [])), "the finding")
    finding = next(d for d in nn_client.diagnostics[uri] if d.code == RULE)
    assert nynorsk(finding.message), finding.message
    hover = await asyncio.wait_for(
        nn_client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=finding.range.start)
        ),
        timeout=10,
    )
    assert hover is not None and nynorsk(hover.contents.value), hover


async def test_a_nynorsk_locale_is_told_of_a_broken_configuration_in_nynorsk(
    nn_locale_client: LanguageClient, tmp_path: pathlib.Path
):
    # The configuration cannot say its language, so the editor's is used.
    (tmp_path / ".git").mkdir()
    (tmp_path / "privlint.toml").write_text("[rules\n", encoding="utf-8")
    open_document(nn_locale_client, tmp_path / "c.privacy")
    said = lambda: [m.message for m in nn_locale_client.log_messages]  # noqa: E731
    await until(lambda: any("privlint.toml" in m for m in said()), "the configuration's problem")
    problem = next(m for m in said() if "privlint.toml" in m)
    assert problem.startswith("ugyldig konfigurasjon, ikkje brukt: "), problem


async def test_an_english_locale_leaves_the_configuration_in_english(client: LanguageClient, tmp_path: pathlib.Path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "privlint.toml").write_text("[rules\n", encoding="utf-8")
    open_document(client, tmp_path / "c.privacy")
    said = lambda: [m.message for m in client.log_messages]  # noqa: E731
    await until(lambda: any("privlint.toml" in m for m in said()), "the configuration's problem")
    assert next(m for m in said() if "privlint.toml" in m).startswith("invalid configuration, ignored: ")
