"""Malformed messages on the wire: the server answers with an error and goes on."""

import json
import subprocess

from conftest import BINARY


class Wire:
    """A raw connection to `privlint lsp`: frames written by hand, replies read one by one."""

    def __init__(self):
        self.process = subprocess.Popen(
            [str(BINARY), "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )

    def send(self, body: bytes):
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def send_json(self, message: dict):
        self.send(json.dumps(message).encode())

    def receive(self) -> dict:
        length = None
        while True:
            line = self.process.stdout.readline()
            assert line, "the server closed its output"
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def reply_to(self, request_id) -> dict:
        while True:
            message = self.receive()
            if message.get("id") == request_id and "method" not in message:
                return message


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
        wire.send_json({"jsonrpc": "2.0", "id": 4, "method": "shutdown"})
        assert wire.reply_to(4)["result"] is None
        wire.send_json({"jsonrpc": "2.0", "method": "exit"})
        assert wire.process.wait(timeout=10) == 0
    finally:
        wire.process.kill()
