"""A declaration kept in several files ([[declarations]] in privlint.toml, issue 14): the
language server checks and navigates it as one, through a real client (pytest-lsp)."""

import asyncio
import pathlib

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

SYSTEMS = 20

ORGANISATION = """controller bank "Banken" {
  country NO
  email "post@bank.example"; security "Tilgang etter rolle."
  authority datatilsynet "Datatilsynet"
}
processor mail "E-post" {
  country NO
  agreement "DBA-1"
}
category contact "Kontakt"
subject customers "Kunder"
rights {
  access; rectification; erasure; restriction; objection
  complaint datatilsynet
}
"""


def system(i: int) -> str:
    return f"""purpose news_{i} "Nyheitsbrev {i}" {{
  basis legitimate_interests "å fortelje om nye tenester"; provision voluntary
  data contact
  subjects customers
  retention 1 year
}}
"""


def declaration(tmp_path: pathlib.Path) -> pathlib.Path:
    """A repository with one declaration: organisation.privacy and systems/s01..s20.privacy,
    and a file outside it."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "privlint.toml").write_text(
        '[[declarations]]\nname = "bank"\nfiles = ["organisation.privacy", "systems/*.privacy"]\n',
        encoding="utf-8",
    )
    (tmp_path / "organisation.privacy").write_text(ORGANISATION, encoding="utf-8")
    (tmp_path / "systems").mkdir()
    for i in range(1, SYSTEMS + 1):
        (tmp_path / "systems" / f"s{i:02}.privacy").write_text(system(i), encoding="utf-8")
    return tmp_path


def uri(tmp_path: pathlib.Path, name: str) -> str:
    return (tmp_path / name).as_uri()


def open_file(client: LanguageClient, tmp_path: pathlib.Path, name: str, text: str | None = None) -> str:
    path = tmp_path / name
    u = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=u, language_id="privacy", version=1, text=text if text is not None else path.read_text("utf-8")
            )
        )
    )
    return u


async def until(predicate, what: str):
    for _ in range(500):
        if predicate():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


def codes(client: LanguageClient, u: str):
    return sorted(d.code for d in client.diagnostics.get(u, []))


def at(u: str, line: int, character: int):
    return {
        "text_document": types.TextDocumentIdentifier(uri=u),
        "position": types.Position(line=line, character=character),
    }


async def opened(client: LanguageClient, tmp_path: pathlib.Path, name: str = "systems/s01.privacy") -> str:
    declaration(tmp_path)
    u = open_file(client, tmp_path, name)
    # The other files are read from disk and checked with it: the processor no file uses.
    await until(lambda: "unused-definition" in codes(client, uri(tmp_path, "organisation.privacy")), "the findings")
    return u


async def test_opening_one_file_checks_the_whole_declaration(client: LanguageClient, tmp_path):
    u = await opened(client, tmp_path)
    # Alone, a system file has no controller and its IDs are unknown; with the others, it is clean.
    assert codes(client, u) == []
    organisation = client.diagnostics[uri(tmp_path, "organisation.privacy")]
    unused = [d for d in organisation if d.code == "unused-definition"]
    assert len(unused) == 1 and unused[0].range.start.line == 5  # processor mail
    # Every file of the declaration is published, the closed ones without a version.
    systems = [uri(tmp_path, f"systems/s{i:02}.privacy") for i in range(1, SYSTEMS + 1)]
    await until(lambda: all(s in client.diagnostics for s in systems), "every file's diagnostics")
    assert not any(client.diagnostics[s] for s in systems)


async def test_cross_file_definition(client: LanguageClient, tmp_path):
    u = await opened(client, tmp_path)
    # `data contact` in s01 (line 2) goes to `category contact` in organisation.privacy (line 9).
    location = await client.text_document_definition_async(types.DefinitionParams(**at(u, 2, 8)))
    assert location.uri == uri(tmp_path, "organisation.privacy")
    assert (location.range.start.line, location.range.start.character) == (9, 9)
    assert (location.range.end.line, location.range.end.character) == (9, 16)
    hover = await client.text_document_hover_async(types.HoverParams(**at(u, 2, 8)))
    assert "category" in hover.contents.value and "organisation.privacy" in hover.contents.value


async def test_references_across_files(client: LanguageClient, tmp_path):
    u = await opened(client, tmp_path)
    refs = await client.text_document_references_async(
        types.ReferenceParams(**at(u, 2, 8), context=types.ReferenceContext(include_declaration=True))
    )
    files = sorted(r.uri for r in refs)
    expected = sorted([uri(tmp_path, "organisation.privacy")] + [uri(tmp_path, f"systems/s{i:02}.privacy") for i in range(1, SYSTEMS + 1)])
    assert files == expected
    assert all(r.range.start.line == 2 and r.range.start.character == 7 for r in refs if "systems" in r.uri)


async def test_rename_over_twenty_files_is_one_workspace_edit(client: LanguageClient, tmp_path):
    u = await opened(client, tmp_path)
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(**at(u, 2, 8)))
    assert prepared is not None
    edit = await client.text_document_rename_async(types.RenameParams(**at(u, 2, 8), new_name="kontakt"))
    assert len(edit.changes) == SYSTEMS + 1
    for target, edits in edit.changes.items():
        path = pathlib.Path(types.TextDocumentIdentifier(uri=target).uri.removeprefix("file://"))
        lines = path.read_text("utf-8").splitlines()
        assert len(edits) == 1 and edits[0].new_text == "kontakt"
        r = edits[0].range
        assert lines[r.start.line][r.start.character : r.end.character] == "contact"


async def test_rename_refuses_a_name_taken_in_another_file(client: LanguageClient, tmp_path):
    u = await opened(client, tmp_path)
    # `customers` is defined in organisation.privacy only; s01 merely uses it.
    with pytest.raises(Exception, match="already defined in organisation.privacy"):
        await client.text_document_rename_async(types.RenameParams(**at(u, 2, 8), new_name="customers"))
    # So is the name of a purpose in another system's file.
    with pytest.raises(Exception, match="already defined in s07.privacy"):
        await client.text_document_rename_async(types.RenameParams(**at(u, 0, 9), new_name="news_7"))


async def test_a_use_in_one_file_clears_unused_in_another(client: LanguageClient, tmp_path):
    u = await opened(client, tmp_path)
    organisation = uri(tmp_path, "organisation.privacy")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=u, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(4, 0), end=types.Position(4, 0)),
                    text="  processors mail\n",
                )
            ],
        )
    )
    # The other file's diagnostics are published again, now empty.
    await until(lambda: codes(client, organisation) == [], "unused-definition to be cleared")
    assert codes(client, u) == []
    # And back, when the use is deleted.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=u, version=3),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(4, 0), end=types.Position(5, 0)), text=""
                )
            ],
        )
    )
    await until(lambda: codes(client, organisation) == ["unused-definition"], "unused-definition again")


async def test_a_file_changed_on_disk_changes_the_diagnostics(client: LanguageClient, tmp_path):
    u = await opened(client, tmp_path)
    other = tmp_path / "systems" / "s02.privacy"
    other.write_text(system(2).replace("data contact", "data contact, payments"), encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=other.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    await until(lambda: codes(client, other.as_uri()) == ["unknown-reference"], "the new finding on disk")
    # A new file of the declaration that defines it and uses the processor (a `git pull`).
    new = tmp_path / "systems" / "s99.privacy"
    new.write_text('category payments "Betaling"\npurpose pay "Betaling" {\n  basis legitimate_interests "å ta betalt"; provision voluntary\n  data payments\n  subjects customers\n  processors mail\n  retention 1 year\n}\n', encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=new.as_uri(), type=types.FileChangeType.Created)])
    )
    await until(lambda: codes(client, other.as_uri()) == [], "the reference to resolve")
    await until(lambda: codes(client, uri(tmp_path, "organisation.privacy")) == [], "the processor to be used")
    # The open file is the editor's buffer, whatever is on disk.
    (tmp_path / "systems" / "s01.privacy").write_text("garbage {", encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=u, type=types.FileChangeType.Changed)])
    )
    await asyncio.sleep(0.3)
    assert codes(client, u) == []


async def test_workspace_symbols_span_the_declaration(client: LanguageClient, tmp_path):
    await opened(client, tmp_path)
    symbols = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="news_1"))
    names = sorted(s.name for s in symbols)
    assert names == ["news_1"] + [f"news_{i}" for i in range(10, 20)]
    by_name = {s.name: s for s in symbols}
    assert by_name["news_12"].location.uri == uri(tmp_path, "systems/s12.privacy")
    assert by_name["news_12"].location.range.start.line == 0
    everything = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query=""))
    assert {"bank", "mail", "contact", "customers", "datatilsynet"} <= {s.name for s in everything}


async def test_completion_offers_ids_of_other_files(client: LanguageClient, tmp_path):
    u = await opened(client, tmp_path)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=u, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(4, 0), end=types.Position(4, 0)),
                    text="  processors \n",
                )
            ],
        )
    )
    items = await client.text_document_completion_async(types.CompletionParams(**at(u, 4, 13)))
    labels = [i.label for i in (items.items if hasattr(items, "items") else items)]
    assert labels == ["mail"]


async def test_closing_the_last_file_clears_the_others(client: LanguageClient, tmp_path):
    u = await opened(client, tmp_path)
    organisation = uri(tmp_path, "organisation.privacy")
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=u)))
    await until(lambda: codes(client, organisation) == [], "the diagnostics of closed files to be cleared")


async def test_a_file_outside_every_declaration_is_a_declaration_of_its_own(client: LanguageClient, tmp_path):
    declaration(tmp_path)
    u = open_file(client, tmp_path, "alone.privacy", system(1))
    (tmp_path / "alone.privacy").write_text(system(1), encoding="utf-8")
    await until(lambda: "missing-controller" in codes(client, u), "the findings of one file")
    assert "unknown-reference" in codes(client, u)
    assert uri(tmp_path, "organisation.privacy") not in client.diagnostics


async def test_a_related_location_names_the_other_file(client: LanguageClient, tmp_path):
    u = await opened(client, tmp_path)
    organisation = uri(tmp_path, "organisation.privacy")
    # A purpose on a contract in s01 needs `portability` in the rights of organisation.privacy.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=u, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(1, 2), end=types.Position(1, 57)),
                    text="basis contract",
                )
            ],
        )
    )
    await until(lambda: "missing-portability-right" in codes(client, organisation), "the finding in the other file")
    finding = next(d for d in client.diagnostics[organisation] if d.code == "missing-portability-right")
    assert finding.range.start.line == 11  # rights {
    related = finding.related_information[0].location
    assert related.uri == u and related.range.start.line == 0
