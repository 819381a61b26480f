"""`copycheck server` end to end: the real server, started as an editor starts it (a process
speaking LSP on standard input and output), driven by pytest-lsp's client."""
from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

ROOT = Path(__file__).resolve().parent.parent
SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "copycheck", "server"],
                            server_env={**os.environ, "PYTHONPATH": str(ROOT)})
PAGE = "# Laser hair removal\n\nOur laser treatment is painless for every skin type.\n"


class Published(dict):
    """client.diagnostics, also counting what was published for each document."""

    def __init__(self):
        super().__init__()
        self.count: dict = {}

    def __setitem__(self, uri, diagnostics):
        self.count[uri] = self.count.get(uri, 0) + 1
        super().__setitem__(uri, diagnostics)


async def _start(client: LanguageClient, root: Path, encodings=None):
    (root / ".copycheck.yaml").write_text("fail-on: warning\n", encoding="utf-8")  # the project's own config
    caps = client_capabilities("visual-studio-code")
    if encodings:
        caps.general = lsp.GeneralClientCapabilities(position_encodings=encodings)
    client.diagnostics = Published()
    client.root = root
    client.registered = []
    if lsp.CLIENT_REGISTER_CAPABILITY not in client.protocol.fm.features:
        @client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
        def register(ls, params):  # the server watches its config files (VS Code's client says it can)
            client.registered.extend(params.registrations)
    return await client.initialize_session(lsp.InitializeParams(
        capabilities=caps, root_uri=root.as_uri(), initialization_options={"debounce": 50},
        workspace_folders=[lsp.WorkspaceFolder(root.as_uri(), "site")]))


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, tmp_path):
    lsp_client.init = await _start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def client8(lsp_client: LanguageClient, tmp_path):
    lsp_client.init = await _start(lsp_client, tmp_path, [lsp.PositionEncodingKind.Utf8, lsp.PositionEncodingKind.Utf16])
    yield
    await lsp_client.shutdown_session()


async def until(client, uri, ok, timeout=60):
    """The diagnostics last published for uri, once ok(them) holds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = client.diagnostics.get(uri)
        if got is not None and ok(got):
            return got
        await asyncio.sleep(0.02)
    raise AssertionError(f"for {uri}: {client.diagnostics.get(uri)}")


def codes(diagnostics):
    return [d.code for d in diagnostics]


def open_page(client, name, text, language="markdown"):
    path = client.root / name
    path.write_text(text, encoding="utf-8", newline="")
    uri = path.as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, language, 1, text)))
    return uri


def apply(text, edits):
    """The text with LSP edits applied (UTF-16 positions; one line ending, LF)."""
    lines = text.split("\n")
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        def off(p):
            line = lines[p.line].encode("utf-16-le")[:2 * p.character].decode("utf-16-le")
            return sum(len(x) + 1 for x in lines[:p.line]) + len(line)
        a, z = off(e.range.start), off(e.range.end)
        text = text[:a] + e.new_text + text[z:]
        lines = text.split("\n")
    return text


@pytest.mark.asyncio
async def test_open_publishes_findings_in_utf16_with_code_level_and_guidance(client):
    assert client.init.capabilities.position_encoding == lsp.PositionEncodingKind.Utf16
    text = "Our clinic \U0001F600 is here.\r\nThe 🌿 laser treatment is painless.\r\n"
    uri = open_page(client, "crlf.md", text)
    got = await until(client, uri, lambda d: "CC131" in codes(d))
    d = next(d for d in got if d.code == "CC131")
    assert d.severity == lsp.DiagnosticSeverity.Error and d.source == "copycheck"
    # line 2 (0-based 1): "The " + 🌿 (2 UTF-16 units) + " laser treatment is " -> column 26 in UTF-16, 25 in code points
    assert (d.range.start.line, d.range.start.character) == (1, 26)
    assert (d.range.end.line, d.range.end.character) == (1, 34)
    assert d.code_description.href.startswith("https://")
    assert d.message.startswith('"painless": ') and "Instead:" in d.message


@pytest.mark.asyncio
async def test_utf8_is_used_where_the_client_offers_it(client8):
    client = client8
    assert client.init.capabilities.position_encoding == lsp.PositionEncodingKind.Utf8
    uri = open_page(client, "utf8.md", "The 🌿 laser treatment is painless.\n")
    d = next(d for d in await until(client, uri, lambda d: "CC131" in codes(d)) if d.code == "CC131")
    assert (d.range.start.line, d.range.start.character) == (0, 28)  # 🌿 is 4 bytes in UTF-8


@pytest.mark.asyncio
async def test_each_format_by_its_extension(client):
    pages = {"a.html": ("html", "<p>Our laser treatment is painless.</p>\n"),
             "b.txt": ("plaintext", "Our laser treatment is painless.\n"),
             "c.mdx": ("mdx", "import X from './x'\n\n<Hero title=\"Painless laser treatment\" />\n"),
             "d.md": ("markdown", "Our laser treatment is painless.\n")}
    uris = [open_page(client, name, text, lang) for name, (lang, text) in pages.items()]
    for uri in uris:
        await until(client, uri, lambda d: "CC131" in codes(d))
    notes = open_page(client, "package.json", '{"description": "Painless laser treatment"}', "json")
    await asyncio.sleep(0.5)
    assert notes not in client.diagnostics  # a JSON file outside a site's data folders is not copy


@pytest.mark.asyncio
async def test_typing_is_checked_incrementally_and_only_the_last_version_is_published(client):
    uri = open_page(client, "typing.md", PAGE.replace("painless", "gentle"))
    await until(client, uri, lambda d: "CC131" not in codes(d))
    opened = client.diagnostics.count[uri]
    line = 2
    start = len("Our laser treatment is ")
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(  # select "gentle"...
        lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
        [lsp.TextDocumentContentChangePartial(lsp.Range(lsp.Position(line, start), lsp.Position(line, start + 6)), "")]))
    for i, ch in enumerate("painless"):  # ... and type a word over it, a key at a time
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=uri, version=3 + i),
            [lsp.TextDocumentContentChangePartial(lsp.Range(lsp.Position(line, start + i), lsp.Position(line, start + i)), ch)]))
    got = await until(client, uri, lambda d: "CC131" in codes(d))
    d = next(d for d in got if d.code == "CC131")
    assert (d.range.start.line, d.range.start.character, d.range.end.character) == (2, start, start + 8)
    await asyncio.sleep(0.4)
    assert client.diagnostics.count[uri] - opened <= 2  # nine changes, debounced: not a check each


@pytest.mark.asyncio
async def test_hover_says_what_explain_says(client):
    uri = open_page(client, "hover.md", PAGE)
    d = next(d for d in await until(client, uri, lambda d: "CC131" in codes(d)) if d.code == "CC131")
    hover = await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), d.range.start))
    text = hover.contents.value
    explain = subprocess.run([sys.executable, "-m", "copycheck", "explain", "CC131"], capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}, check=True).stdout
    for line in explain.splitlines()[1:]:
        if line.strip():
            assert line.strip() in text.replace("- ", "").replace("**", ""), line
    assert "**Instead:**" in text and "Evidence" in text
    nothing = await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(0, 0)))
    assert nothing is None


@pytest.mark.asyncio
async def test_code_actions_rewrite_suppress_and_open_the_guidance(client):
    text = "# Laser hair removal\n\nBook a consultation first.\nOur laser treatment is painless.\n"
    uri = open_page(client, "actions.md", text)
    d = next(d for d in await until(client, uri, lambda d: "CC131" in codes(d)) if d.code == "CC131")
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), d.range, lsp.CodeActionContext([d])))
    rewrite, suppress, guide = actions
    assert rewrite.title.startswith("copycheck CC131: Rewrite the sentence: ")
    fixed = apply(text, rewrite.edit.changes[uri])
    assert "Our laser treatment is painless." not in fixed and "discomfort" in fixed
    suppressed = apply(text, suppress.edit.changes[uri])
    assert "first. <!-- copycheck-disable-next-line CC131 -- reason: " in suppressed
    for version, new in ((2, fixed), (3, suppressed)):
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=uri, version=version), [lsp.TextDocumentContentChangeWholeDocument(new)]))
        await until(client, uri, lambda d: "CC131" not in codes(d) and "CC001" not in codes(d))
    assert isinstance(guide, lsp.Command) and guide.title.startswith("copycheck CC131: open the guidance")
    await client.workspace_execute_command_async(lsp.ExecuteCommandParams(guide.command, arguments=guide.arguments))
    assert [(s.uri, s.external) for s in client.shown_documents] == [(d.code_description.href, True)]


@pytest.mark.asyncio
async def test_a_config_change_applies_without_a_restart(client):
    uri = open_page(client, "config.md", PAGE)
    await until(client, uri, lambda d: "CC131" in codes(d))
    (client.root / ".copycheck.yaml").write_text("ignore: [CC131]\n", encoding="utf-8")
    client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(
        [lsp.FileEvent((client.root / ".copycheck.yaml").as_uri(), lsp.FileChangeType.Changed)]))
    await until(client, uri, lambda d: "CC131" not in codes(d))
    (client.root / ".copycheck.yaml").write_text("levels: {CC131: info}\nmin-level: info\n", encoding="utf-8")
    client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings={}))
    got = await until(client, uri, lambda d: "CC131" in codes(d))
    assert next(d for d in got if d.code == "CC131").severity == lsp.DiagnosticSeverity.Information


@pytest.mark.asyncio
async def test_a_broken_config_is_a_message_and_a_diagnostic_not_a_dead_server(client):
    config = client.root / ".copycheck.yaml"
    config.write_text("select: [CC1\nignore: x\n", encoding="utf-8")
    uri = open_page(client, "broken.md", PAGE)
    got = await until(client, uri, lambda d: len(d) == 1 and "not checked" in d[0].message)
    assert ".copycheck.yaml" in got[0].message
    on_config = await until(client, config.as_uri(), lambda d: len(d) == 1)
    assert "invalid YAML" in on_config[0].message or "YAML" in on_config[0].message
    assert [m.type for m in client.messages] == [lsp.MessageType.Error]
    config.write_text("ignore: [CC2]\n", encoding="utf-8")  # fixed, and saved in the editor
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(config.as_uri())))
    await until(client, uri, lambda d: "CC131" in codes(d))
    await until(client, config.as_uri(), lambda d: not d)


@pytest.mark.asyncio
async def test_a_slow_page_blocks_nothing_and_its_stale_check_is_dropped(client):
    big = ("Our laser treatment is gentle and quick. " * 12 + "\n\n") * 1500  # ~750 KB: seconds to check
    slow = open_page(client, "slow.md", big)
    quick = open_page(client, "quick.md", PAGE)
    t0 = time.monotonic()
    await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(quick), lsp.Position(0, 0)))
    assert time.monotonic() - t0 < 2  # answered while the big page is being checked
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(  # the big page replaced before its check ends
        lsp.VersionedTextDocumentIdentifier(uri=slow, version=2), [lsp.TextDocumentContentChangeWholeDocument(PAGE)]))
    got = await until(client, slow, lambda d: "CC131" in codes(d))
    assert client.diagnostics.count[slow] == 1  # the check of version 1 finished stale: never published
    await until(client, quick, lambda d: "CC131" in codes(d))


@pytest.mark.asyncio
async def test_a_cancelled_request_leaves_the_server_serving(client):
    uri = open_page(client, "cancel.md", PAGE)
    d = next(d for d in await until(client, uri, lambda d: "CC131" in codes(d)) if d.code == "CC131")
    params = lsp.HoverParams(lsp.TextDocumentIdentifier(uri), d.range.start)
    before = set(client.protocol._request_futures)
    future = client.protocol.send_request(lsp.TEXT_DOCUMENT_HOVER, params)
    (msg_id,) = set(client.protocol._request_futures) - before
    client.protocol.notify(lsp.CANCEL_REQUEST, lsp.CancelParams(id=msg_id))
    try:
        await asyncio.wrap_future(future)  # answered, or refused as cancelled: either way, answered
    except Exception as exc:  # noqa: BLE001
        assert "cancel" in str(exc).lower()
    again = await client.text_document_hover_async(params)
    assert "CC131" in again.contents.value


def test_without_the_extra_the_command_says_how_to_install_it():
    code = "import sys; sys.modules['pygls'] = None\nfrom copycheck.cli import main\nmain(['server'])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        "copycheck: the language server needs pygls, which the core install leaves out: "
        "pip install 'copycheck-claims[lsp]'"]


@pytest.mark.asyncio
async def test_same_findings_as_the_command_line_nearest_config_suppressions_and_baseline(client):
    site = client.root
    (site / "pyproject.toml").write_text('[tool.copycheck]\nbaseline = "copycheck-baseline.json"\n', encoding="utf-8")
    (site / ".copycheck.yaml").unlink()
    (site / "blog").mkdir()
    (site / "blog" / ".copycheck.yaml").write_text("ignore: [CC141]\nmin-level: info\n", encoding="utf-8")
    old = "Our laser treatment is painless, with no downtime.\n"
    pages = {"home.md": "# Laser hair removal\n\n" + old + "\nResults are guaranteed.\n",
             "blog/post.md": "# Fat freezing\n\n<!-- copycheck-disable-next-line CC131 -- reviewed -->\n" + old
                             + "\nFat freezing is painless and clinically proven.\n"}
    for name, text in pages.items():
        (site / name).write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cli = [sys.executable, "-m", "copycheck", "check"]
    subprocess.run(cli + ["home.md", "--write-baseline", "copycheck-baseline.json"], cwd=site, env=env, check=True,
                   capture_output=True)
    (site / "home.md").write_text(pages["home.md"] + "\nIt is completely safe for everyone.\n", encoding="utf-8")
    pages["home.md"] += "\nIt is completely safe for everyone.\n"
    for name, text in pages.items():
        done = subprocess.run(cli + [str(site / name), "--format", "json"], cwd=site.parent, env=env, capture_output=True, text=True)
        want = sorted((f["rule"], f["line"] - 1, f["column"] - 1) for f in json.loads(done.stdout)["findings"])
        assert want  # (something to compare)
        uri = open_page(client, name, text)
        got = await until(client, uri, lambda d: len(d) == len(want))
        assert sorted((d.code, d.range.start.line, d.range.start.character) for d in got) == want, name
    post = [(d.code, d.range.start.line) for d in client.diagnostics[(site / "blog/post.md").as_uri()]]
    assert ("CC131", 3) not in post and ("CC131", 5) in post  # suppressed on its line only
    assert "CC141" not in [c for c, _ in post]  # the blog's own config ignores it
    assert codes(client.diagnostics[(site / "home.md").as_uri()]) == ["CC181"]  # the rest is in the baseline


@pytest.mark.asyncio
async def test_save_checks_again_and_an_unsaved_page_takes_the_workspace_folders_config(client):
    (client.root / ".copycheck.yaml").write_text("ignore: [CC131]\n", encoding="utf-8")
    text = "Our laser treatment is painless, with no downtime.\n"
    untitled = "untitled:Untitled-1"
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(untitled, "markdown", 1, text)))
    got = await until(client, untitled, lambda d: "CC141" in codes(d))
    assert "CC131" not in codes(got)  # the workspace folder's config applies to it
    uri = open_page(client, "saved.md", text)
    await until(client, uri, lambda d: "CC141" in codes(d))
    before = client.diagnostics.count[uri]
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(uri)))
    await until(client, uri, lambda d: client.diagnostics.count[uri] == before + 1)
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri)))
    await until(client, uri, lambda d: not d)
