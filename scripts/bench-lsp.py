#!/usr/bin/env python3
"""Keystroke-to-publishDiagnostics latency of `privlint lsp`, and its memory with 100 open documents.

Opens a generated declaration of about 20,000 lines, then sends single-character incremental
edits one at a time (typing and deleting a letter inside a label) and times each from the write
of didChange to the arrival of publishDiagnostics for that version. Prints median and p95.
Then opens 100 documents of 50 purposes each and reads the server's VmRSS from /proc.

`scripts/bench-lsp.py many-edits [N [RUNS]]`: the hostile case instead. N, 2N and 4N
single-character edits (default N = 10,000) are written as fast as the pipe takes them, while
another thread reads what the server sends; prints the time from the first edit to the
diagnostics of the last version, how many versions were published, how many bytes the server
wrote, and its peak RSS (the run with the median time of RUNS, default 3), with the growth per
doubling (which must stay at most about 2.5x).
`scripts/bench-lsp.py large [PURPOSES]`: a document of PURPOSES (default 80,000, about 20 MB):
the time to format it, and how long a hover on another document and a `$/cancelRequest` of a
second formatting wait while it runs.
`scripts/bench-lsp.py declaration [FILES [PURPOSES]]`: a declaration of FILES (default 200) files of
PURPOSES (default 100) purposes each and an organisation file, as one `[[declarations]]` entry
(`generate --files`): the time from opening one system file to its diagnostics (the others read
from disk), then keystroke -> publishDiagnostics typing in a label of that file (200 edits),
RSS; and, for comparison, the same purposes in one file open alone.
`scripts/bench-lsp.py file-events [FILES [EVENTS]]`: a declaration of FILES (default 50,000) files of
one purpose each, one of them open; then EVENTS (default 800) files created and deleted on disk,
each told in a didChangeWatchedFiles of its own, all sent at once, and a hover right after them:
the time to its answer (and whether it had content), then the time until the declaration is
checked again with its new files (a new file's diagnostics published) and a hover after that.
Usage: scripts/bench-lsp.py [many-edits [N [RUNS]] | large [PURPOSES] | declaration [FILES [PURPOSES]] | file-events [FILES [EVENTS]]]  (after `cargo build --release -p privlint -p privlint-bench`;
PRIVLINT=path to measure another build of the server)
"""

import json
import os
import pathlib
import statistics
import subprocess
import sys
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
BIN = ROOT / "target" / "release"
# PRIVLINT=path measures another build of the server (e.g. one from before a change).
PRIVLINT = os.environ.get("PRIVLINT", str(BIN / "privlint"))


def generate(purposes: int) -> str:
    return subprocess.run([str(BIN / "generate"), str(purposes)], capture_output=True, text=True, check=True).stdout


class Server:
    def __init__(self):
        self.p = subprocess.Popen([PRIVLINT, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, message):
        body = json.dumps(message).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def receive(self):
        length = 0
        while True:
            line = self.p.stdout.readline()
            if line in (b"\r\n", b""):
                break
            if line.lower().startswith(b"content-length"):
                length = int(line.split(b":")[1])
        self.received_bytes = getattr(self, "received_bytes", 0) + length
        return json.loads(self.p.stdout.read(length))

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            m = self.receive()
            if m.get("id") == self.next_id and "method" not in m:
                return m

    def wait_diagnostics(self, uri, version):
        while True:
            m = self.receive()
            if m.get("method") == "textDocument/publishDiagnostics":
                p = m["params"]
                if p["uri"] == uri and p.get("version") == version:
                    return p

    def rss_mb(self, field="VmRSS"):
        for line in pathlib.Path(f"/proc/{self.p.pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024

    def stop(self):
        self.request("shutdown", None)
        self.send({"jsonrpc": "2.0", "method": "exit"})
        self.p.wait(timeout=10)


def many_edits(base: int, runs: int):
    """N, 2N, 4N edits written without waiting: time to the last version's diagnostics."""
    text = generate(1000)
    lines = text.split("\n")
    line = next(i for i, l in enumerate(lines) if l.startswith("purpose "))
    column = lines[line].index('"') + 1
    uri = "file:///bench/edits.privacy"

    def measure(n):
        server = Server()
        server.request("initialize", {"capabilities": {}})
        server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "privacy", "version": 1, "text": text}}})
        server.wait_diagnostics(uri, 1)
        server.received_bytes = 0
        final = n + 1
        published = []

        def read():
            while True:
                m = server.receive()
                if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
                    published.append(m["params"].get("version"))
                    if m["params"].get("version") == final:
                        return

        reader = threading.Thread(target=read)
        reader.start()
        start = time.perf_counter()
        for i in range(n):
            end = column if i % 2 == 0 else column + 1
            change = {"range": {"start": {"line": line, "character": column}, "end": {"line": line, "character": end}}, "text": "x" if i % 2 == 0 else ""}
            server.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": i + 2}, "contentChanges": [change]}})
        reader.join()
        elapsed = time.perf_counter() - start
        result = (elapsed, len(published), server.received_bytes / 1e6, server.rss_mb("VmHWM"))
        server.stop()
        return result

    print(f"document: {text.count(chr(10))} lines, {len(text.encode())} bytes; edits typed and deleted in a label; median of {runs} runs")
    print("| edits | to the last diagnostics | versions published | bytes written | peak RSS | growth |")
    print("|---|---|---|---|---|---|")
    previous = None
    for n in (base, 2 * base, 4 * base):
        elapsed, published, written, peak = sorted(measure(n) for _ in range(runs))[runs // 2]
        growth = f"{elapsed / previous:.2f}x" if previous else ""
        previous = elapsed
        print(f"| {n:,} | {elapsed * 1000:,.0f} ms | {published:,} | {written:,.1f} MB | {peak:.1f} MB | {growth} |")


def large(purposes: int):
    """A request on a large document: how long it takes, and how long a hover on another
    document and a $/cancelRequest wait while it runs."""
    server = Server()
    server.request("initialize", {"capabilities": {}})
    server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    text = generate(purposes)
    big, small = "file:///bench/large.privacy", "file:///bench/small.privacy"
    start = time.perf_counter()
    server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": big, "languageId": "privacy", "version": 1, "text": text}}})
    server.wait_diagnostics(big, 1)
    print(f"document: {text.count(chr(10)):,} lines, {len(text.encode()) / 1e6:.1f} MB; open -> diagnostics {(time.perf_counter() - start) * 1000:,.0f} ms")
    server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": small, "languageId": "privacy", "version": 1, "text": generate(10)}}})
    server.wait_diagnostics(small, 1)
    formatting = {"textDocument": {"uri": big}, "options": {"tabSize": 2, "insertSpaces": True}}
    hover = {"textDocument": {"uri": small}, "position": {"line": 0, "character": 1}}
    replies = {}

    def reply(request_id):
        while request_id not in replies:
            m = server.receive()
            if "id" in m and "method" not in m:
                replies[m["id"]] = (time.perf_counter(), m)
        return replies.pop(request_id)

    start = time.perf_counter()
    server.send({"jsonrpc": "2.0", "id": "f1", "method": "textDocument/formatting", "params": formatting})
    done, _ = reply("f1")
    print(f"formatting: {(done - start) * 1000:,.0f} ms")
    server.send({"jsonrpc": "2.0", "id": "f2", "method": "textDocument/formatting", "params": formatting})
    start = time.perf_counter()
    server.send({"jsonrpc": "2.0", "id": "h", "method": "textDocument/hover", "params": hover})
    done, _ = reply("h")
    print(f"hover on another document while it is formatted: {(done - start) * 1000:,.1f} ms")
    start = time.perf_counter()
    server.send({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": "f2"}})
    done, answer = reply("f2")
    outcome = "cancelled" if answer.get("error", {}).get("code") == -32800 else "not cancelled, answered"
    print(f"$/cancelRequest of that formatting: {outcome} after {(done - start) * 1000:,.1f} ms")
    server.stop()


def declaration(files: int, purposes: int):
    """Keystroke latency in one file of a declaration of many files."""
    import tempfile

    with tempfile.TemporaryDirectory() as work:
        root = pathlib.Path(work)
        (root / ".git").mkdir()
        subprocess.run([str(BIN / "generate"), "--files", str(files), str(purposes), str(root)], check=True)
        path = root / "systems" / f"system_{files // 2:03}.privacy"
        text = path.read_text("utf-8")
        lines = text.split("\n")
        uri = path.as_uri()
        server = Server()
        server.request("initialize", {"capabilities": {}})
        server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        start = time.perf_counter()
        server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "privacy", "version": 1, "text": text}}})
        server.wait_diagnostics(uri, 1)
        opened = (time.perf_counter() - start) * 1000
        total = sum(len(p.read_bytes()) for p in root.rglob("*.privacy"))
        print(f"declaration: {files} files x {purposes} purposes + organisation.privacy, {total / 1e6:.1f} MB; editing {path.name} ({len(lines)} lines)")
        print(f"open one file -> its diagnostics (the other {files} read from disk, all checked): {opened:,.0f} ms")
        target = next(i for i in range(len(lines) // 2, len(lines)) if lines[i].startswith("purpose "))
        column = lines[target].index('"') + 1
        latencies = []
        for i in range(200):
            version = i + 2
            end = column if i % 2 == 0 else column + 1
            change = {"range": {"start": {"line": target, "character": column}, "end": {"line": target, "character": end}}, "text": "x" if i % 2 == 0 else ""}
            start = time.perf_counter()
            server.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
            server.wait_diagnostics(uri, version)
            latencies.append((time.perf_counter() - start) * 1000)
        latencies.sort()
        print(f"keystroke -> publishDiagnostics, typing in a label, over 200 edits: median {statistics.median(latencies):.1f} ms, p95 {latencies[int(len(latencies) * 0.95)]:.1f} ms")
        print(f"RSS: {server.rss_mb():.1f} MB (peak {server.rss_mb('VmHWM'):.1f} MB)")
        server.stop()

        # The same purposes in one file, open alone (large: checked aside).
        text = generate(files * purposes)
        lines = text.split("\n")
        uri = "file:///bench/one.privacy"
        server = Server()
        server.request("initialize", {"capabilities": {}})
        server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "privacy", "version": 1, "text": text}}})
        server.wait_diagnostics(uri, 1)
        target = next(i for i in range(len(lines) // 2, len(lines)) if lines[i].startswith("purpose "))
        column = lines[target].index('"') + 1
        latencies = []
        for i in range(50):
            version = i + 2
            end = column if i % 2 == 0 else column + 1
            change = {"range": {"start": {"line": target, "character": column}, "end": {"line": target, "character": end}}, "text": "x" if i % 2 == 0 else ""}
            start = time.perf_counter()
            server.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
            server.wait_diagnostics(uri, version)
            latencies.append((time.perf_counter() - start) * 1000)
        latencies.sort()
        print(f"for comparison, the same {files * purposes:,} purposes in one file ({len(lines):,} lines): median {statistics.median(latencies):.1f} ms, p95 {latencies[int(len(latencies) * 0.95)]:.1f} ms over 50 edits; RSS {server.rss_mb():.1f} MB")
        server.stop()


def file_events(files: int, events: int):
    """The next hover while file events are pending, in a declaration of many files."""
    import queue
    import tempfile

    with tempfile.TemporaryDirectory() as work:
        root = pathlib.Path(work)
        (root / ".git").mkdir()
        start = time.perf_counter()
        subprocess.run([str(BIN / "generate"), "--files", str(files), "1", str(root)], check=True)
        print(f"declaration: {files:,} files of one purpose each + organisation.privacy (written in {time.perf_counter() - start:.1f} s)")
        systems = root / "systems"
        path = sorted(systems.glob("*.privacy"))[files // 2]
        text = path.read_text("utf-8")
        lines = text.split("\n")
        uri = path.as_uri()
        # A hover on an ID defined in another file (organisation.privacy): it needs the model.
        line = next(i for i, l in enumerate(lines) if l.strip().startswith("data "))
        hover = {"textDocument": {"uri": uri}, "position": {"line": line, "character": lines[line].index("data ") + 6}}
        server = Server()
        inbox = queue.Queue()

        def read():
            try:
                while True:
                    m = server.receive()
                    inbox.put((time.perf_counter(), m))
            except Exception:
                return

        server.request("initialize", {"capabilities": {}})
        threading.Thread(target=read, daemon=True).start()
        server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})

        def wait(match, timeout):
            deadline = time.perf_counter() + timeout
            while True:
                try:
                    at, m = inbox.get(timeout=max(0.0, deadline - time.perf_counter()))
                except queue.Empty:
                    return None, None
                if match(m):
                    return at, m

        def diagnostics_of(m):
            return m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri

        def ask_hover(request_id, timeout):
            start = time.perf_counter()
            server.send({"jsonrpc": "2.0", "id": request_id, "method": "textDocument/hover", "params": hover})
            at, m = wait(lambda m: m.get("id") == request_id and "method" not in m, timeout)
            if m is None:
                return f"no answer within {timeout} s"
            content = "with content" if m.get("result") else "empty"
            return f"{(at - start) * 1000:,.1f} ms ({content})"

        start = time.perf_counter()
        server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "privacy", "version": 1, "text": text}}})
        at, _ = wait(diagnostics_of, 600)
        print(f"open one file -> its diagnostics (the other {files:,} read from disk, all checked): {(at - start) * 1000:,.0f} ms")
        print(f"hover before the events: {ask_hover('h0', 60)}")
        victims = [p for p in sorted(systems.glob("*.privacy")) if p != path][: events // 2]
        changes = []
        for n in range(events - len(victims)):
            new = systems / f"new_{n:05}.privacy"
            new.write_text(f'purpose new_{n} "Ny {n}" {{\n  basis contract\n  data contact\n  subjects customers\n  retention 1 year\n}}\n', encoding="utf-8")
            changes.append((new, 1))
        for victim in victims:
            victim.unlink()
            changes.append((victim, 3))
        start = time.perf_counter()
        for changed, kind in changes:
            server.send({"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": [{"uri": changed.as_uri(), "type": kind}]}})
        sent = time.perf_counter()
        print(f"{len(changes)} file events ({events - len(victims)} created, {len(victims)} deleted), one notification each, written in {(sent - start) * 1000:,.0f} ms")
        print(f"the next hover: {ask_hover('h1', 600)}")
        last_new = changes[events - len(victims) - 1][0].as_uri()
        at, m = wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == last_new, 600)
        if m is None:
            print("the new files' diagnostics were not published within 600 s")
        else:
            print(f"first event -> the declaration checked again with its new files (a new file's diagnostics published): {(at - start) * 1000:,.0f} ms")
        print(f"hover after that: {ask_hover('h2', 60)}")
        print(f"RSS: {server.rss_mb():.1f} MB (peak {server.rss_mb('VmHWM'):.1f} MB)")
        server.p.kill()
        server.p.wait()


def main():
    server = Server()
    server.request("initialize", {"capabilities": {}})
    server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    text = generate(2800)
    lines = text.split("\n")
    uri = "file:///bench/big.privacy"
    server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "privacy", "version": 1, "text": text}}})
    server.wait_diagnostics(uri, 1)
    # Edit inside the label of the purpose in the middle of the file.
    target = next(i for i in range(len(lines) // 2, len(lines)) if lines[i].startswith("purpose "))
    column = lines[target].index('"') + 1
    version = 1

    def type_and_delete(line, column, char, count):
        """Types `char` at a place and deletes it again, `count` times; the latency of each."""
        nonlocal version
        latencies = []
        for i in range(count):
            version += 1
            end = column if i % 2 == 0 else column + 1
            change = {"range": {"start": {"line": line, "character": column}, "end": {"line": line, "character": end}}, "text": char if i % 2 == 0 else ""}
            start = time.perf_counter()
            server.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
            server.wait_diagnostics(uri, version)
            latencies.append((time.perf_counter() - start) * 1000)
        latencies.sort()
        return f"median {statistics.median(latencies):.1f} ms, p95 {latencies[int(len(latencies) * 0.95)]:.1f} ms"

    print(f"document: {len(lines)} lines, {len(text.encode())} bytes")
    print(f"keystroke -> publishDiagnostics, typing in a label, over 200 edits: {type_and_delete(target, column, 'x', 200)}")
    # An unclosed `{` makes the rest of the file one section until it is closed: the worst case.
    # Each is typed on a new line (so that nothing read before helps), then deleted.
    opened, deleted = [], []
    for n in range(20):
        line = target + 1 + n
        for kind, latencies in (("type", opened), ("delete", deleted)):
            version += 1
            column = len(lines[line])
            end = column if kind == "type" else column + 1
            change = {"range": {"start": {"line": line, "character": column}, "end": {"line": line, "character": end}}, "text": "{" if kind == "type" else ""}
            start = time.perf_counter()
            server.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
            server.wait_diagnostics(uri, version)
            latencies.append((time.perf_counter() - start) * 1000)
    for kind, latencies in (("typing an unclosed '{' half-way", opened), ("deleting it again", deleted)):
        latencies.sort()
        print(f"keystroke -> publishDiagnostics, {kind}, over {len(latencies)} edits: median {statistics.median(latencies):.1f} ms, p95 {latencies[int(len(latencies) * 0.95)]:.1f} ms")
    print(f"RSS with the 20,000-line document open: {server.rss_mb():.1f} MB")
    small = generate(50)
    for n in range(100):
        u = f"file:///bench/doc{n}.privacy"
        server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": u, "languageId": "privacy", "version": 1, "text": small}}})
        server.wait_diagnostics(u, 1)
    print(f"RSS with 100 more open documents of {small.count(chr(10))} lines: {server.rss_mb():.1f} MB")
    server.stop()


if __name__ == "__main__":
    if sys.argv[1:2] == ["large"]:
        large(int(sys.argv[2]) if len(sys.argv) > 2 else 80000)
    elif sys.argv[1:2] == ["declaration"]:
        declaration(int(sys.argv[2]) if len(sys.argv) > 2 else 200, int(sys.argv[3]) if len(sys.argv) > 3 else 100)
    elif sys.argv[1:2] == ["file-events"]:
        file_events(int(sys.argv[2]) if len(sys.argv) > 2 else 50000, int(sys.argv[3]) if len(sys.argv) > 3 else 800)
    elif sys.argv[1:2] == ["many-edits"]:
        many_edits(int(sys.argv[2]) if len(sys.argv) > 2 else 10000, int(sys.argv[3]) if len(sys.argv) > 3 else 3)
    else:
        main()
