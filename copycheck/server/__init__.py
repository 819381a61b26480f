"""``copycheck server``: a Language Server Protocol server over standard input and output, so
an editor shows findings as the copy is written.  It sits at the top of the flow, beside cli/:
it calls the library (copycheck.configured, runner.check_one, the gate, report.rule_reference)
and nothing below imports it.  It needs pygls, the optional extra ``copycheck-claims[lsp]``.

  text.py    an open document's text; positions in the client's encoding (UTF-16, UTF-8)
  checks.py  settings from the nearest config (kept while unchanged), one page checked, the gate
  actions.py a finding as a diagnostic, a hover and code actions
  lsp.py     the pygls server: documents, debounced checks off the main thread, handlers"""

MISSING = ("the language server needs pygls, which the core install leaves out: "
           "pip install 'copycheck-claims[lsp]'")


def available() -> bool:
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        return False
    return True


def serve() -> None:
    from .lsp import serve as run

    run()
