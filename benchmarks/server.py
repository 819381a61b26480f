"""The language server side by side with the command line, on the same ~3 KB page
(benchmarks/server/page.md, made-up clinic copy written for this benchmark):

- start-up: from starting `copycheck server` to its answer to `initialize`, and to the first
  diagnostics of the page after `didOpen` (a cold first check: the rulebook loaded, compiled);
- re-check: the server warm (the page open and checked), one keystroke sent as an incremental
  change, until the diagnostics of that version arrive (the server's debounce set to 0 for this:
  the check itself, not the wait for the next key, which is 150 ms by default);
- a cold command-line run: `copycheck check page.md` as a whole process.

    python benchmarks/server.py [--runs N] [--keys K]

Medians of N runs each (a start-up and a CLI run interleaved, so load from elsewhere falls on
both alike; K keystrokes per server), one unmeasured run of each first (bytecode, start-up cache).
Speaks LSP itself (stdlib only), as an editor does: Content-Length framed JSON-RPC on pipes."""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PAGE = HERE / "server" / "page.md"
PY = sys.executable


class Client:
    def __init__(self, env, cwd):
        self.proc = subprocess.Popen([PY, "-m", "copycheck", "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, env=env, cwd=cwd)
        self.next_id = 0

    def send(self, method, params, request=False):
        msg = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            msg["id"] = self.next_id
        body = json.dumps(msg).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return msg.get("id")

    def read(self):
        length = 0
        while (line := self.proc.stdout.readline().strip()):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.proc.stdout.read(length))

    def until(self, ok):
        while True:
            msg = self.read()
            if msg.get("method") in ("client/registerCapability", "workspace/configuration") and "id" in msg:
                self.proc.stdin.write(_frame({"jsonrpc": "2.0", "id": msg["id"], "result": None}))
                self.proc.stdin.flush()
            if ok(msg):
                return msg

    def close(self):
        self.send("shutdown", None, request=True)
        self.send("exit", None)
        self.proc.wait(timeout=30)


def _frame(msg):
    body = json.dumps(msg).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def server_run(env, work, keys):
    """(start-up to initialize, to first diagnostics, [re-check after each keystroke])."""
    uri = (work / "page.md").as_uri()
    text = (work / "page.md").read_text(encoding="utf-8")
    t0 = time.perf_counter()
    c = Client(env, work)
    i = c.send("initialize", {"processId": os.getpid(), "rootUri": work.as_uri(), "capabilities": {},
                              "initializationOptions": {"debounce": 0}}, request=True)
    c.until(lambda m: m.get("id") == i)
    up = time.perf_counter() - t0
    c.send("initialized", {})
    c.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    c.until(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    first = time.perf_counter() - t0
    line = text.splitlines().index("## What happens on the day") - 2  # the end of the paragraph before it
    col = len(text.splitlines()[line])
    times = []
    for k in range(keys):
        version = 2 + k
        t1 = time.perf_counter()
        c.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [
            {"range": {"start": {"line": line, "character": col + k}, "end": {"line": line, "character": col + k}},
             "text": "s"}]})
        c.until(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version)
        times.append(time.perf_counter() - t1)
    c.close()
    return up, first, times


def cli_run(env, work):
    t0 = time.perf_counter()
    subprocess.run([PY, "-m", "copycheck", "check", "page.md"], cwd=work, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--keys", type=int, default=20)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="copycheck-server-bench-"))
    (work / "page.md").write_text(PAGE.read_text(encoding="utf-8"), encoding="utf-8")
    (work / ".copycheck.yaml").write_text("fail-on: warning\n", encoding="utf-8")  # the project's config, for both
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
           "PYTHONPATH": str(ROOT), "COPYCHECK_CACHE_DIR": str(work / "cache")}
    server_run(env, work, 2)  # unmeasured: bytecode and the start-up cache written
    cli_run(env, work)
    ups, firsts, rechecks, clis = [], [], [], []
    for _ in range(args.runs):
        up, first, times = server_run(env, work, args.keys)
        ups.append(up)
        firsts.append(first)
        rechecks.extend(times)
        clis.append(cli_run(env, work))
    size = PAGE.stat().st_size
    ms = lambda xs: f"{1000 * statistics.median(xs):7.1f} ms"  # noqa: E731
    print(f"page: {PAGE.relative_to(ROOT)} ({size:,} bytes); {args.runs} runs, {args.keys} keystrokes each")
    print(f"server start-up, to the initialize answer      median {ms(ups)}")
    print(f"server start-up, to the page's first diagnostics median {ms(firsts)}")
    print(f"server re-check after a keystroke (warm)       median {ms(rechecks)} "
          f"(p90 {1000 * statistics.quantiles(rechecks, n=10)[-1]:.1f} ms)")
    print(f"command line, cold: copycheck check page.md    median {ms(clis)}")
    print(f"re-check / cold command line: {statistics.median(rechecks) / statistics.median(clis):.3f}")


if __name__ == "__main__":
    main()
