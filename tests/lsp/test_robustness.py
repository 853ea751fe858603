"""The server under hostile or broken clients: malformed messages, broken framing, bursts of
edits, slow requests that are cancelled, an `exit` without `shutdown`."""

import json
import pathlib
import queue
import subprocess
import threading

from conftest import BINARY, check_json


class Wire:
    """A raw connection to `privlint lsp`: frames written by hand, replies read one by one.

    A thread reads the server's output into a queue, so that a server that never answers fails
    the test instead of hanging it; `pause()` stops reading, as a busy editor does."""

    def __init__(self):
        self.process = subprocess.Popen(
            [str(BINARY), "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.messages = queue.Queue()
        self.reading = threading.Event()
        self.reading.set()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.process.stdout
        while True:
            self.reading.wait()
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(out.read(length)))

    def pause(self):
        self.reading.clear()

    def resume(self):
        self.reading.set()

    def write(self, data: bytes):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, body: bytes):
        self.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def send_json(self, message: dict):
        self.send(json.dumps(message).encode())

    def receive(self, timeout=20) -> dict:
        try:
            message = self.messages.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError("the server did not answer") from None
        assert message is not None, "the server closed its output"
        return message

    def answers(self, count: int, timeout=60) -> list:
        """The next `count` answers to requests, in the order they come."""
        answers = []
        while len(answers) < count:
            message = self.receive(timeout)
            if "id" in message and "method" not in message:
                answers.append(message)
        return answers

    def reply_to(self, request_id) -> dict:
        while True:
            message = self.receive()
            if message.get("id") == request_id and "method" not in message:
                return message

    def initialize(self):
        self.send_json({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}})
        assert "capabilities" in self.reply_to(0)["result"]
        self.send_json({"jsonrpc": "2.0", "method": "initialized", "params": {}})

    def open(self, uri: str, text: str):
        self.send_json({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "privacy", "version": 1, "text": text}}})

    def diagnostics(self, uri: str, version: int) -> dict:
        """Waits for the diagnostics of a version."""
        while True:
            message = self.receive(timeout=60)
            if message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                if params["uri"] == uri and params.get("version") == version:
                    return params

    def peak_rss_mb(self) -> float:
        status = pathlib.Path(f"/proc/{self.process.pid}/status").read_text()
        line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024

    def stop(self):
        self.send_json({"jsonrpc": "2.0", "id": "stop", "method": "shutdown"})
        assert self.reply_to("stop")["result"] is None
        self.send_json({"jsonrpc": "2.0", "method": "exit"})
        assert self.process.wait(timeout=10) == 0


def hover(request_id, uri="file:///tmp/nothing.privacy") -> dict:
    return {"jsonrpc": "2.0", "id": request_id, "method": "textDocument/hover", "params": {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}}


HEAD = """controller c "C" {
  country NO
  email "post@c.example"
  authority dt "Datatilsynet"
}
category kontakt "Kontakt"
subject kunder "Kunder"
rights {
  access
  rectification
  erasure
  restriction
  complaint dt
}
"""


def declaration(purposes: int, basis: bool = True) -> str:
    """A valid declaration; without a basis, every purpose has a finding."""
    line = "  basis consent\n" if basis else ""
    return HEAD + "".join(
        f'purpose p{n} "Purpose {n}" {{\n{line}  data kontakt\n  subjects kunder\n  retention 30 days\n}}\n'
        for n in range(purposes)
    )


def test_malformed_messages_get_errors_and_the_server_goes_on():
    wire = Wire()
    try:
        cut_short = b'{"jsonrpc": "2.0", "id": 7, "method": "initialize", "params": {'
        wire.send(cut_short)
        assert "error" in wire.receive()  # before initialization: "server not initialized"
        wire.send_json({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
        assert "capabilities" in wire.reply_to(1)["result"]
        wire.send_json({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        wire.send(cut_short)
        assert wire.receive()["error"]["code"] == -32700  # parse error
        wire.send(b'{"not": "json-rpc"}')
        assert wire.receive()["error"]["code"] == -32700
        wire.send_json({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": 42})
        assert wire.reply_to(2)["error"]["code"] == -32602  # invalid params
        wire.send_json({"jsonrpc": "2.0", "id": 3, "method": "privlint/nothing", "params": {}})
        assert wire.reply_to(3)["error"]["code"] == -32601  # method not found
        wire.stop()
    finally:
        wire.process.kill()


def test_a_content_length_too_large_or_negative_does_not_stop_the_answers():
    wire = Wire()
    try:
        wire.initialize()
        body = json.dumps(hover(1)).encode()
        # 10 bytes too large, and the editor waits for the answer before sending more.
        wire.write(b"Content-Length: %d\r\n\r\n" % (len(body) + 10) + body)
        assert wire.reply_to(1)["result"] is None
        # 10 bytes too large, the next message right behind it.
        body = json.dumps(hover(2)).encode()
        wire.write(b"Content-Length: %d\r\n\r\n" % (len(body) + 10) + body)
        wire.send_json(hover(3))
        assert wire.reply_to(2)["result"] is None
        assert wire.reply_to(3)["result"] is None
        # Negative: the message is lost (its body cannot be found), one error says so.
        body = json.dumps(hover(4)).encode()
        wire.write(b"Content-Length: -10\r\n\r\n" + body)
        wire.send_json(hover(5))
        assert wire.receive()["error"]["code"] == -32700
        assert wire.reply_to(5)["result"] is None
        wire.stop()
    finally:
        wire.process.kill()


def test_a_line_without_end_is_skipped_without_growing_memory():
    wire = Wire()
    try:
        wire.initialize()
        chunk = b"x" * (1 << 20)
        for _ in range(96):
            wire.write(chunk)
        wire.send_json(hover(1))
        assert wire.receive()["error"]["code"] == -32700
        assert wire.reply_to(1)["result"] is None
        assert wire.peak_rss_mb() < 48, f"{wire.peak_rss_mb():.0f} MB kept for 96 MB of garbage"
        wire.stop()
    finally:
        wire.process.kill()


def test_exit_without_shutdown_exits_with_status_1():
    wire = Wire()
    try:
        wire.initialize()
        wire.send_json({"jsonrpc": "2.0", "method": "exit"})
        assert wire.process.wait(timeout=10) == 1
    finally:
        wire.process.kill()


def test_a_burst_of_edits_publishes_the_newest_version_not_every_one(tmp_path):
    uri = "file:///tmp/burst.privacy"
    text = declaration(200, basis=False)
    label = text.splitlines().index('purpose p100 "Purpose 100" {')
    wire = Wire()
    try:
        wire.initialize()
        wire.open(uri, text)
        assert len(wire.diagnostics(uri, 1)["diagnostics"]) >= 200
        # An editor busy elsewhere: it does not read while 2,000 edits go out.
        wire.pause()
        edits = 2000
        for i in range(edits):
            column = 19
            change = {"range": {"start": {"line": label, "character": column}, "end": {"line": label, "character": column + (i % 2)}}, "text": "x" if i % 2 == 0 else ""}
            wire.send_json({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": i + 2}, "contentChanges": [change]}})
        wire.resume()
        published = []
        while True:
            message = wire.receive(timeout=60)
            if message.get("method") == "textDocument/publishDiagnostics":
                published.append(message["params"]["version"])
                if published[-1] == edits + 1:
                    break
        assert published == sorted(published)
        assert len(published) < edits / 10, f"{len(published)} of {edits} versions published"
        expected = check_json(text, tmp_path)["diagnostics"]  # the edits cancel out
        assert len(message["params"]["diagnostics"]) == len(expected)
        wire.stop()
    finally:
        wire.process.kill()


def test_a_slow_request_is_cancelled_at_once_and_does_not_hold_up_others():
    """Formatting a large document runs aside: cancelled, it is answered at once; not
    cancelled, a hover sent after it is answered first; outdated, it says so."""
    big, small = "file:///tmp/big.privacy", "file:///tmp/small.privacy"
    wire = Wire()
    try:
        wire.initialize()
        # About 4 MB: formatting it takes about a second, a hover a millisecond.
        wire.open(big, declaration(40_000).replace("\n}\n", "\n  }\n"))
        wire.diagnostics(big, 1)
        wire.open(small, declaration(1))
        wire.diagnostics(small, 1)
        formatting = {"textDocument": {"uri": big}, "options": {"tabSize": 2, "insertSpaces": True}}
        wire.send_json({"jsonrpc": "2.0", "id": 1, "method": "textDocument/formatting", "params": formatting})
        wire.send_json(hover(2, small))
        wire.send_json({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 1}})
        answers = wire.answers(2)
        assert [a["id"] for a in answers] == [2, 1]
        assert answers[1]["error"]["code"] == -32800  # cancelled
        # Not cancelled: the hover is still answered first, and the formatting after.
        wire.send_json({"jsonrpc": "2.0", "id": 3, "method": "textDocument/formatting", "params": formatting})
        wire.send_json(hover(4, small))
        answers = wire.answers(2)
        assert [a["id"] for a in answers] == [4, 3]
        edits = answers[1]["result"]
        assert len(edits) == 1 and "\n}\n" in edits[0]["newText"] and "\n  }\n" not in edits[0]["newText"]
        # The document changes while it is being formatted: the edits would be for an older text.
        wire.send_json({"jsonrpc": "2.0", "id": 5, "method": "textDocument/formatting", "params": formatting})
        change = {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "# x\n"}
        wire.send_json({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": big, "version": 2}, "contentChanges": [change]}})
        assert wire.answers(1)[0]["error"]["code"] == -32801  # content modified
        wire.stop()
    finally:
        wire.process.kill()


def test_a_large_document_is_checked_aside():
    """Opening (or typing in) a large document does not stop the server reading: a request on it
    that needs the check can be cancelled, and other documents are answered meanwhile."""
    big, small = "file:///tmp/big.privacy", "file:///tmp/small.privacy"
    wire = Wire()
    try:
        wire.initialize()
        wire.open(small, declaration(1))
        wire.diagnostics(small, 1)
        wire.open(big, declaration(40_000, basis=False))
        wire.send_json(hover(1, big))
        wire.send_json({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 1}})
        wire.send_json(hover(2, small))
        answers = {a["id"]: a for a in wire.answers(2)}
        assert answers[1]["error"]["code"] == -32800  # cancelled
        assert "result" in answers[2]
        assert len(wire.diagnostics(big, 1)["diagnostics"]) >= 40_000
        wire.stop()
    finally:
        wire.process.kill()
