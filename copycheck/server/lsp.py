"""The language server on pygls: documents in, diagnostics, hovers and code actions out.

Checks run on one worker thread, never on the thread that reads the client's messages: a
change waits a moment for the next keystroke (debounced), a check whose version is stale before
it starts is skipped, and one that finishes stale is not published.  A broken config is a
diagnostic on the config file and one message; the server goes on serving, and the config is
read again when it changes on disk (checks.Checker)."""
from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlparse

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__, markup
from . import actions
from .checks import Checker, wanted
from .text import UTF16, Text

LANGUAGES = {"markdown": ".md", "html": ".html", "mdx": ".mdx", "plaintext": ".txt", "text": ".txt",
             "javascriptreact": ".jsx", "typescriptreact": ".tsx"}  # an unsaved document's format
DEBOUNCE = 0.15  # seconds a change waits for the next one (initializationOptions: {"debounce": ms})
CONFIG_NAMES = (".copycheck.yaml", "pyproject.toml")


class Doc:
    def __init__(self, uri, path, text):
        self.uri, self.path, self.text = uri, path, text
        self.fmt = markup.format_for(path)
        self.snapshot, self.shown, self.linter = None, [], None  # the last check published: its text, (finding, range)


class Server(LanguageServer):
    def __init__(self):
        super().__init__("copycheck", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.docs: dict = {}
        self.checker = Checker()
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="copycheck-check")
        self.timers: dict = {}  # uri -> the task of its next check
        self.broken: dict = {}  # config file (or "") -> the uri its error was published on
        self.told: set = set()  # error messages already shown
        self.debounce = DEBOUNCE

    @property
    def encoding(self) -> str:
        return str(getattr(self.workspace, "position_encoding", None) or UTF16)

    def path_of(self, uri: str, language: str = "") -> str | None:
        """The file a document is checked as; an unsaved one as a file of its language in the
        first workspace folder; None for a document copycheck does not read."""
        if urlparse(uri).scheme == "file":
            path = to_fs_path(uri)
        elif language in LANGUAGES:
            folders = list(self.workspace.folders.values()) if self.workspace.folders else []
            root = to_fs_path(folders[0].uri) if folders else (self.workspace.root_path or os.getcwd())
            path = os.path.join(root, "untitled" + LANGUAGES[language])
        else:
            return None
        if Path(path).suffix.lower() not in markup.FORMATS and language in LANGUAGES:
            path += LANGUAGES[language]  # (a README without its .md, opened as Markdown)
        return path if path and wanted(path) else None

    def schedule(self, uri: str, delay: float) -> None:
        old = self.timers.pop(uri, None)
        if old is not None:
            old.cancel()
        self.timers[uri] = asyncio.get_running_loop().create_task(self._check(uri, delay))

    def recheck_all(self) -> None:
        self.checker.forget()
        for uri in list(self.docs):
            self.schedule(uri, 0)

    async def _check(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        doc = self.docs.get(uri)
        if doc is None:
            return
        snapshot = Text(doc.text.text, doc.text.version, doc.text.encoding)

        def work():
            current = self.docs.get(uri)
            if current is not doc or current.text.version != snapshot.version:
                return None  # stale before it started: skipped (a newer check is scheduled)
            return self.checker.check(snapshot.text, doc.path)

        outcome = await asyncio.get_running_loop().run_in_executor(self.pool, work)
        if outcome is None or self.docs.get(uri) is not doc or doc.text.version != snapshot.version:
            return
        self.publish(doc, snapshot, outcome)

    def publish(self, doc: Doc, snapshot: Text, outcome) -> None:
        diagnostics, shown = [], []
        key = outcome.config or ""
        if outcome.config_error is not None:
            self._config_broken(key, outcome.config_error)
            if outcome.linter is None:
                diagnostics.append(actions.problem(snapshot, f"copycheck: not checked: {outcome.config_error}"))
        else:  # fixed (or deleted): its diagnostic goes
            for k in [k for k in self.broken if k == key or (k and not os.path.exists(k))]:
                self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(self.broken.pop(k), []))
        if outcome.problem is not None:
            d = actions.problem(snapshot, f"copycheck: {outcome.problem.message}", outcome.problem.line)
            if not outcome.problem.fatal:
                d.severity = lsp.DiagnosticSeverity.Information
            diagnostics.append(d)
        for f in outcome.findings:
            d = actions.diagnostic(snapshot, f, outcome.linter)
            diagnostics.append(d)
            shown.append((f, d.range))
        doc.snapshot, doc.shown, doc.linter = snapshot, shown, outcome.linter
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(doc.uri, diagnostics, snapshot.version))

    def _config_broken(self, key: str, error) -> None:
        """A diagnostic on the broken file, and one message saying so (once per message)."""
        path, line = getattr(error, "path", None) or key, getattr(error, "line", 0)
        message = getattr(error, "message", None) or str(error)
        if path:
            uri = from_fs_path(str(Path(path).resolve())) or path
            try:
                text = Text(Path(path).read_text(encoding="utf-8", errors="replace"), None, self.encoding)
            except OSError:
                text = Text("", None, self.encoding)
            self.broken[key] = uri
            d = actions.problem(text, f"copycheck: {message}", line)
            self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri, [d]))
        if str(error) not in self.told:
            self.told.add(str(error))
            self.window_show_message(lsp.ShowMessageParams(
                lsp.MessageType.Error, f"copycheck: {error} (pages are checked again when it is fixed)"))

    def at(self, uri: str, rng: lsp.Range):
        """The findings shown on uri whose ranges meet rng, with the text they were found in."""
        doc = self.docs.get(uri)
        if doc is None or doc.snapshot is None:
            return doc, []
        a, z = (rng.start.line, rng.start.character), (rng.end.line, rng.end.character)
        return doc, [(f, r) for f, r in doc.shown
                     if (r.start.line, r.start.character) <= z and a <= (r.end.line, r.end.character)]


server = Server()


@server.feature(lsp.INITIALIZE)
def initialize(ls: Server, params: lsp.InitializeParams):
    options = params.initialization_options or {}
    if isinstance(options, dict) and isinstance(options.get("debounce"), (int, float)):
        ls.debounce = max(0, options["debounce"]) / 1000


@server.feature(lsp.INITIALIZED)
async def initialized(ls: Server, params):
    watch = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
    if watch and watch.dynamic_registration:
        options = lsp.DidChangeWatchedFilesRegistrationOptions(
            [lsp.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES])
        try:
            await ls.client_register_capability_async(lsp.RegistrationParams(
                [lsp.Registration("copycheck-configs", lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES, options)]))
        except Exception:  # noqa: BLE001 - then configs are read again at each check (by modification time)
            pass


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: Server, params: lsp.DidOpenTextDocumentParams):
    item = params.text_document
    path = ls.path_of(item.uri, item.language_id)
    if path is None:
        return
    ls.docs[item.uri] = Doc(item.uri, path, Text(item.text, item.version, ls.encoding))
    ls.schedule(item.uri, 0)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: Server, params: lsp.DidChangeTextDocumentParams):
    doc = ls.docs.get(params.text_document.uri)
    if doc is None:
        return
    for change in params.content_changes:
        if isinstance(change, lsp.TextDocumentContentChangePartial):
            r = change.range
            doc.text.edit((r.start.line, r.start.character), (r.end.line, r.end.character), change.text,
                          params.text_document.version)
        else:
            doc.text.replace(change.text, params.text_document.version)
    doc.text.version = params.text_document.version
    ls.schedule(doc.uri, ls.debounce)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False))
def did_save(ls: Server, params: lsp.DidSaveTextDocumentParams):
    if Path(urlparse(params.text_document.uri).path).name in CONFIG_NAMES:
        ls.recheck_all()
    elif params.text_document.uri in ls.docs:
        ls.schedule(params.text_document.uri, 0)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: Server, params: lsp.DidCloseTextDocumentParams):
    uri = params.text_document.uri
    if ls.docs.pop(uri, None) is not None:
        task = ls.timers.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri, []))


@server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
def did_change_configuration(ls: Server, params):
    ls.recheck_all()


@server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: Server, params):
    ls.recheck_all()


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
def hover(ls: Server, params: lsp.HoverParams):
    p = params.position
    doc, hits = ls.at(params.text_document.uri, lsp.Range(p, p))
    if not hits:
        return None
    text = "\n\n---\n\n".join(actions.hover(f, doc.linter) for f, _ in hits)
    return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, text), range=hits[0][1])


@server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.Empty]))
def code_action(ls: Server, params: lsp.CodeActionParams):
    doc, hits = ls.at(params.text_document.uri, params.range)
    if not hits or doc.text.version != doc.snapshot.version:
        return []  # (a stale check's positions are not edited from: the next check comes soon)
    keys = doc.linter.settings.frontmatter_keys if doc.linter else None
    out = []
    for f, _ in hits:
        out.extend(actions.code_actions(doc.uri, doc.snapshot, f, doc.linter, doc.fmt, keys))
    return out


@server.command(actions.OPEN_GUIDANCE)
async def open_guidance(ls: Server, href: str):
    await ls.window_show_document_async(lsp.ShowDocumentParams(uri=href, external=True))


def serve() -> None:
    server.start_io()
