"""TOML with positions (stdlib only): every string value in tables, arrays of tables, dotted
keys, inline tables and arrays, with its key path as parts (``("faq", 2, "answer")``), decoded
value and the [start, end) offsets of its token, quotes included.  Run on text tomllib has
already read (values.strings_toml), so it need not report errors well.  Measured on
toml-test's valid files against tomllib's values (issue 31's notes)."""
from __future__ import annotations

import re

_KINDS = {'"""': "mlbasic", "'''": "mlliteral", '"': "basic", "'": "literal"}
_WS = re.compile(r"[ \t]*")
_BARE = re.compile(r"[A-Za-z0-9_-]+")
_OTHER = re.compile(r"\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:[Zz]|[+-]\d\d:\d\d)?"
                    r"|[^\s,\]\}#]+")  # numbers, dates (a space may part date and time), booleans
_ESC = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\", "e": "\x1b"}


class TomlScanError(ValueError):
    pass


def _basic(raw: str, multiline: bool) -> str:
    out, i = [], 0
    if multiline and raw.startswith("\n"):
        raw = raw[1:]
    elif multiline and raw.startswith("\r\n"):
        raw = raw[2:]
    while i < len(raw):
        c = raw[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = raw[i + 1]
        if n in _ESC:
            out.append(_ESC[n])
            i += 2
        elif n == "u":
            out.append(chr(int(raw[i + 2:i + 6], 16)))
            i += 6
        elif n == "U":
            out.append(chr(int(raw[i + 2:i + 10], 16)))
            i += 10
        elif n == "x":
            out.append(chr(int(raw[i + 2:i + 4], 16)))
            i += 4
        elif multiline:  # line-ending backslash: trim white space and newlines after it
            j = i + 1
            while j < len(raw) and raw[j] in " \t\r\n":
                j += 1
            i = j
        else:
            raise TomlScanError(f"bad escape \\{n}")
    return "".join(out)


class _Scanner:
    def __init__(self, text: str):
        self.t = text
        self.i = 0
        self.out = []  # (parts, value, start, end, kind)
        self.aot = {}  # array-of-tables path -> last index

    def ws(self, newlines=False):
        t = self.t
        while self.i < len(t):
            c = t[self.i]
            if c in " \t" or newlines and c in "\r\n":
                self.i += 1
            elif c == "#":
                j = t.find("\n", self.i)
                self.i = len(t) if j < 0 else j
            else:
                break

    def key(self) -> list:
        parts = []
        while True:
            self.ws()
            t, i = self.t, self.i
            if t.startswith('"', i):
                s, e = self.string()
                parts.append(s)
            elif t.startswith("'", i):
                s, e = self.string()
                parts.append(s)
            else:
                m = _BARE.match(t, i)
                if not m:
                    raise TomlScanError(f"key expected at {i}")
                parts.append(m.group())
                self.i = m.end()
            self.ws()
            if self.t.startswith(".", self.i):
                self.i += 1
                continue
            return parts

    def string(self):
        """Decode the string at self.i; return (value, start) and move past it."""
        t, i = self.t, self.i
        for q in ('"""', "'''", '"', "'"):
            if t.startswith(q, i):
                break
        start = i
        j = i + len(q)
        if q == '"':
            while True:
                k = t.find('"', j)
                if k < 0 or "\n" in t[j:k]:
                    raise TomlScanError(f"unclosed string at {i}")
                bs = 0
                while t[k - 1 - bs] == "\\":
                    bs += 1
                if bs % 2 == 0:
                    break
                j = k + 1
            self.i = k + 1
            return _basic(t[i + 1:k], False), start
        if q == "'":
            k = t.find("'", j)
            self.i = k + 1
            return t[i + 1:k], start
        # multi-line: the closing run may hold up to two quotes of content before it
        k = j
        while True:
            k = t.find(q, k)
            if k < 0:
                raise TomlScanError(f"unclosed string at {i}")
            if q == '"""':
                bs = 0
                while t[k - 1 - bs] == "\\":
                    bs += 1
                if bs % 2:
                    k += 1
                    continue
            break
        while t.startswith(q[0], k + 3):
            k += 1
        self.i = k + 3
        raw = t[j:k]
        if q == "'''":
            return (raw[1:] if raw.startswith("\n") else raw[2:] if raw.startswith("\r\n") else raw), start
        return _basic(raw, True), start

    def value(self, path: tuple):
        self.ws()
        t, i = self.t, self.i
        c = t[i:i + 1]
        if c in ('"', "'"):
            kind = _KINDS[t[i:i + 3] if t[i:i + 3] in _KINDS else c]
            value, start = self.string()
            self.out.append((path, value, start, self.i, kind))
        elif c == "[":
            self.i += 1
            n = 0
            while True:
                self.ws(newlines=True)
                if t.startswith("]", self.i):
                    self.i += 1
                    return
                self.value(path + (n,))
                n += 1
                self.ws(newlines=True)
                if t.startswith(",", self.i):
                    self.i += 1
        elif c == "{":
            self.i += 1
            while True:
                self.ws()
                if t.startswith("}", self.i):
                    self.i += 1
                    return
                k = self.key()
                if not t.startswith("=", self.i):
                    raise TomlScanError(f"= expected at {self.i}")
                self.i += 1
                self.value(path + tuple(k))
                self.ws()
                if t.startswith(",", self.i):
                    self.i += 1
        else:
            m = _OTHER.match(t, i)
            if not m:
                raise TomlScanError(f"value expected at {i}")
            self.i = m.end()

    def table_path(self, parts: list, is_aot: bool) -> tuple:
        path = ()
        for n, p in enumerate(parts):
            path = path + (p,)
            last = n == len(parts) - 1
            if last and is_aot:
                self.aot[path] = self.aot.get(path, -1) + 1
                # a new element: forget the counts of arrays of tables under the old one
                for k in [k for k in self.aot if len(k) > len(path) and k[:len(path)] == path]:
                    del self.aot[k]
            if path in self.aot:
                path = path + (self.aot[path],)
        return path

    def run(self):
        t = self.t
        prefix = ()
        while True:
            self.ws(newlines=True)
            if self.i >= len(t):
                return self.out
            if t.startswith("[", self.i):
                close = "]]" if t.startswith("[[", self.i) else "]"  # an array of tables, or a table
                self.i += len(close)
                parts = self.key()
                if not t.startswith(close, self.i):
                    raise TomlScanError(f"{close} expected at {self.i}")
                self.i += len(close)
                prefix = self.table_path(parts, close == "]]")
            else:
                k = self.key()
                if not t.startswith("=", self.i):
                    raise TomlScanError(f"= expected at {self.i}")
                self.i += 1
                self.value(prefix + tuple(k))


def scan(text: str) -> list:
    return _Scanner(text).run()
