"""End-to-end tests of `privlint lsp` through a real LSP client (pytest-lsp)."""

import asyncio
import random
import subprocess

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import BINARY, check_json

URI = "file:///tmp/privlint-lsp-test/declaration.privacy"

BASE = """controller lanebanken "Lånebanken AS" {
  country NO
  email "post@lanebanken.example"
  authority datatilsynet "Datatilsynet"
}

category kontakt "Kontaktopplysninger"
subject kunder "Kunder"

processor epost "E-post" {
  country US
  agreement "DBA-1"
}

purpose nyhetsbrev "Nyhetsbrev for kundene æøå" {
  data kontakt
  subjects kunder
  processors epost
  retention until "du melder deg av"
}

rights {
  access
  rectification
  erasure
  restriction
  complaint datatilsynet
}
"""


async def open_and_wait(client: LanguageClient, text: str, version: int = 1):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=URI, language_id="privacy", version=version, text=text)
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[URI]


async def change(client: LanguageClient, version: int, start, end, text: str):
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=version),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(*start), end=types.Position(*end)), text=text
                )
            ],
        )
    )


async def settle(client: LanguageClient, version: int):
    """Waits until the diagnostics of `version` have been published."""
    for _ in range(500):
        if client.diagnostic_versions.get(URI) == version:
            return client.diagnostics[URI]
        await asyncio.sleep(0.01)
    raise AssertionError(f"no diagnostics for version {version}")


@pytest.fixture(autouse=True)
def track_versions(request):
    """Records the version of each publication (pytest-lsp keeps only the diagnostics)."""
    fixture = next((n for n in ("client", "utf8_client") if n in request.fixturenames), None)
    if fixture is None:
        return
    client = request.getfixturevalue(fixture)
    client.diagnostic_versions = {}

    def on_publish(ls, params: types.PublishDiagnosticsParams):
        client.diagnostics[params.uri] = params.diagnostics
        client.diagnostic_versions[params.uri] = params.version

    client.protocol.fm.features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = lambda params: on_publish(client, params)


def codes(diagnostics):
    return sorted((d.code, d.range.start.line) for d in diagnostics)


async def test_capabilities_and_utf16_by_default(client: LanguageClient):
    caps = client.init_result.capabilities
    assert caps.position_encoding == types.PositionEncodingKind.Utf16
    assert caps.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert caps.hover_provider and caps.rename_provider and caps.document_formatting_provider


async def test_diagnostics_on_open_match_the_cli(client: LanguageClient, tmp_path):
    diagnostics = await open_and_wait(client, BASE)
    # Version 3: the record describes no security measures (an info, at the controller's name).
    assert codes(diagnostics) == [
        ("missing-legal-basis", 14),
        ("missing-security-description", 0),
        ("transfer-without-safeguard", 10),
    ]
    basis = next(d for d in diagnostics if d.code == "missing-legal-basis")
    assert basis.source == "privlint"
    assert basis.severity == types.DiagnosticSeverity.Error
    transfer = next(d for d in diagnostics if d.code == "transfer-without-safeguard")
    assert transfer.related_information[0].location.range.start.line == 17
    report = check_json(BASE, tmp_path)
    assert sorted((d["rule"], d["line"] - 1) for d in report["diagnostics"]) == codes(diagnostics)


async def test_incremental_edits_fix_and_break(client: LanguageClient):
    await open_and_wait(client, BASE)
    # Insert a basis on line 15 (after the purpose's opening line).
    await change(client, 2, (15, 0), (15, 0), "  basis consent\n")
    diagnostics = await settle(client, 2)
    assert ("missing-legal-basis", 14) not in codes(diagnostics)
    assert ("missing-withdraw-consent-right", 22) in codes(diagnostics)
    # Add a safeguard to the processor.
    await change(client, 3, (12, 0), (12, 0), "  safeguard dpf\n")
    diagnostics = await settle(client, 3)
    assert ("transfer-without-safeguard", 10) not in codes(diagnostics)


LINE = 'purpose p "Pølse, æøå 😀" { data kontakt_x }'
NORWEGIAN = BASE.replace("  data kontakt\n", "  data kontakt\n  basis consent\n") + LINE + "\n"


def unknown_reference_start(diagnostics):
    found = [d for d in diagnostics if d.code == "unknown-reference"]
    assert len(found) == 1, diagnostics
    return found[0].range.start


async def test_norwegian_letters_land_on_the_right_column_in_utf16(client: LanguageClient):
    diagnostics = await open_and_wait(client, NORWEGIAN)
    prefix = LINE[: LINE.index("kontakt_x")]
    start = unknown_reference_start(diagnostics)
    assert start.line == NORWEGIAN.count("\n") - 1
    assert start.character == len(prefix.encode("utf-16-le")) // 2


async def test_utf8_is_used_when_the_client_offers_it(utf8_client: LanguageClient):
    assert utf8_client.init_result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    diagnostics = await open_and_wait(utf8_client, NORWEGIAN)
    prefix = LINE[: LINE.index("kontakt_x")]
    assert unknown_reference_start(diagnostics).character == len(prefix.encode("utf-8"))


async def change_all(client: LanguageClient, text: str, version: int = 2):
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def at(line, character):
    """The text document and position fields of a request."""
    return dict(text_document=types.TextDocumentIdentifier(uri=URI), position=types.Position(line, character))


def position_of(text, word, occurrence=0):
    """The (line, character) of the n-th occurrence of an ASCII word."""
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(word, index + 1)
    line = text.count("\n", 0, index)
    return line, index - (text.rfind("\n", 0, index) + 1)


async def test_hover_explains_words_countries_ids_and_findings(client: LanguageClient):
    text = BASE.replace("  data kontakt\n", "  basis consent\n  data kontakt\n")
    await open_and_wait(client, text)

    async def hover(word, occurrence=0):
        line, char = position_of(text, word, occurrence)
        result = await client.text_document_hover_async(types.HoverParams(**(at(line, char + 1))))
        return result.contents.value if result else ""

    assert "6(1)(a)" in await hover("consent")
    assert "Data Privacy Framework" in await hover("US")
    assert "a data category" in await hover("kontakt", 1)
    shown = await hover("US")
    assert "transfer-without-safeguard" in shown and "## Fix" in shown


async def test_completion_offers_what_fits_the_place(client: LanguageClient):
    text = BASE.replace("  data kontakt\n", "  basis \n  data kontakt\n  processors \n  \n")
    await open_and_wait(client, text)

    async def labels(line, char):
        result = await client.text_document_completion_async(types.CompletionParams(**(at(line, char))))
        items = result.items if hasattr(result, "items") else result
        return {i.label for i in items}

    line, _ = position_of(text, "basis ")
    assert {"consent", "contract", "legitimate_interests"} <= await labels(line, len("  basis "))
    line, _ = position_of(text, "processors \n")
    assert await labels(line, len("  processors ")) == {"epost"}
    empty_line = text.split("\n").index("  ", 10)
    fields = await labels(empty_line, 2)
    assert {"basis", "retention", "decision"} <= fields and "controller" not in fields
    line, _ = position_of(text, "country US")
    countries = await labels(line, len("  country "))
    # The 249 ISO codes and (v2) the region words.
    assert {"NO", "US", "JP", "eea", "outside_eea"} <= countries and len(countries) == 251


async def test_definition_references_and_rename(client: LanguageClient):
    await open_and_wait(client, BASE)
    use = position_of(BASE, "kontakt", 1)
    definition = await client.text_document_definition_async(types.DefinitionParams(**(at(*use))))
    assert (definition.range.start.line, definition.range.start.character) == position_of(BASE, "kontakt")
    refs = await client.text_document_references_async(
        types.ReferenceParams(**(at(*use)), context=types.ReferenceContext(include_declaration=True))
    )
    assert len(refs) == 2
    edit = await client.text_document_rename_async(types.RenameParams(**(at(*use)), new_name="kontaktinfo"))
    edits = edit.changes[URI]
    assert len(edits) == 2 and all(e.new_text == "kontaktinfo" for e in edits)
    with pytest.raises(Exception, match="not an ID"):
        await client.text_document_rename_async(types.RenameParams(**(at(*use)), new_name="Kontakt"))
    with pytest.raises(Exception, match="already defined"):
        await client.text_document_rename_async(types.RenameParams(**(at(*use)), new_name="kunder"))


async def test_outline_and_folding(client: LanguageClient):
    await open_and_wait(client, BASE)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=URI))
    )
    names = [s.name for s in symbols]
    assert names == ["controller lanebanken", "category kontakt", "subject kunder", "processor epost", "purpose nyhetsbrev", "rights"]
    assert symbols[0].children[0].name == "authority datatilsynet"
    folds = await client.text_document_folding_range_async(
        types.FoldingRangeParams(text_document=types.TextDocumentIdentifier(uri=URI))
    )
    assert (0, 3) in {(f.start_line, f.end_line) for f in folds}


async def test_code_actions_fix_and_suppress(client: LanguageClient):
    text = BASE.replace("  subjects kunder\n", "  subjets kunder\n")
    diagnostics = await open_and_wait(client, text)
    unknown = next(d for d in diagnostics if d.code == "unknown-field")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=URI),
            range=unknown.range,
            context=types.CodeActionContext(diagnostics=[unknown]),
        )
    )
    titles = [a.title for a in actions]
    fix = next(a for a in actions if a.is_preferred)
    assert fix.edit.changes[URI][0].new_text == "subjects", titles
    suppress = next(a for a in actions if a.title.startswith("Suppress `unknown-field`"))
    assert suppress.edit.changes[URI][0].new_text.startswith("  # privlint: allow unknown-field -- ")


async def test_a_missing_right_is_granted_by_its_quick_fix(client: LanguageClient):
    # BASE's newsletter rests on nothing yet; on consent it needs `withdraw_consent`.
    text = BASE.replace("  data kontakt\n", "  basis consent\n  data kontakt\n", 1)
    diagnostics = await open_and_wait(client, text)
    missing = next(d for d in diagnostics if d.code == "missing-withdraw-consent-right")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=URI),
            range=missing.range,
            context=types.CodeActionContext(diagnostics=[missing]),
        )
    )
    # Portability is missing too, at the same place: each fix names its finding.
    fix = next(a for a in actions if a.is_preferred and a.diagnostics[0].code == missing.code)
    assert fix.title == "Add `withdraw_consent` to `rights`"
    (edit,) = fix.edit.changes[URI]
    assert edit.new_text == "; withdraw_consent"
    # Applied, the finding is gone.
    await change(client, 2, (edit.range.start.line, edit.range.start.character),
                 (edit.range.end.line, edit.range.end.character), edit.new_text)
    after = await settle(client, 2)
    assert not [d for d in after if d.code == "missing-withdraw-consent-right"]


async def test_formatting_and_explain(client: LanguageClient):
    await open_and_wait(client, BASE.replace("  country NO\n", "country    NO\n"))
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=types.TextDocumentIdentifier(uri=URI),
            options=types.FormattingOptions(tab_size=2, insert_spaces=True),
        )
    )
    assert len(edits) == 1 and edits[0].new_text == BASE
    docs = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="privlint.explainRule", arguments=["missing-legal-basis"])
    )
    explain = subprocess.run(
        [str(BINARY), "explain", "missing-legal-basis"], capture_output=True, text=True, check=True
    )
    assert docs == explain.stdout and docs.startswith("# missing-legal-basis (error, GDPR Art. 6(1)")
    rules = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="privlint.listRules", arguments=[])
    )
    table = subprocess.run([str(BINARY), "rules"], capture_output=True, text=True, check=True)
    listed = [line.split()[0] for line in table.stdout.splitlines()[1:] if line.strip()]
    assert [r["name"] for r in rules] == listed
    syntax = next(r for r in rules if r["name"] == "syntax-error")
    assert syntax["article"] is None and syntax["fix"] == "never"


async def test_out_of_range_edits_and_unknown_methods_do_not_crash(client: LanguageClient):
    await open_and_wait(client, BASE)
    await change(client, 2, (500, 0), (501, 0), "garbage")
    with pytest.raises(Exception):
        await client.protocol.send_request_async("privlint/noSuchMethod", {})
    await change(client, 3, (15, 0), (15, 0), "  basis consent\n")
    diagnostics = await settle(client, 3)
    assert ("missing-legal-basis", 14) not in codes(diagnostics)


async def test_edit_storm_ends_where_privlint_check_ends(client: LanguageClient, tmp_path):
    """Hundreds of random incremental edits; the last published diagnostics equal the CLI's."""
    rng = random.Random(20261124)
    text = BASE
    await open_and_wait(client, text)
    pieces = ["basis consent\n", "æ", "ø", "å", " ", "\n", "{", "}", '"', "data kontakt, ", "safeguard scc\n", "😀", "retention 1 year\n", "#"]
    version = 1
    for _ in range(400):
        version += 1
        lines = text.split("\n")
        line = rng.randrange(len(lines))
        # Positions in UTF-16 code units, as the client negotiated.
        units = len(lines[line].encode("utf-16-le")) // 2
        start = rng.randint(0, units)
        # Do not split a surrogate pair: snap to a character boundary.
        def boundary(s, u):
            acc = 0
            for ch in s:
                w = len(ch.encode("utf-16-le")) // 2
                if acc + w > u:
                    return acc
                acc += w
            return acc
        start = boundary(lines[line], start)
        end = boundary(lines[line], min(units, start + rng.randint(0, 6)))
        new = rng.choice(pieces) if rng.random() < 0.7 else ""
        await change(client, version, (line, start), (line, end), new)
        # Apply the same edit locally.
        def to_index(s, u):
            acc = 0
            for i, ch in enumerate(s):
                if acc >= u:
                    return i
                acc += len(ch.encode("utf-16-le")) // 2
            return len(s)
        a, b = to_index(lines[line], start), to_index(lines[line], end)
        lines[line] = lines[line][:a] + new + lines[line][b:]
        text = "\n".join(lines)
        if rng.random() < 0.1:
            await asyncio.sleep(0)
    diagnostics = await settle(client, version)
    report = check_json(text, tmp_path)
    expected = sorted(
        (d["rule"], d["line"] - 1, d["message"]) for d in report["diagnostics"]
    )
    published = sorted((d.code, d.range.start.line, d.message) for d in diagnostics)
    assert published == expected
