Content-Length: 235

{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "languageId": "privacy", "version": 1, "text": "controller c \"Cæøå\" { email \"e\"; country NO }\n\n"}}}Content-Length: 264

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 2}, "contentChanges": [{"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}, "text": "p"}]}}Content-Length: 264

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 3}, "contentChanges": [{"range": {"start": {"line": 2, "character": 1}, "end": {"line": 2, "character": 1}}, "text": "u"}]}}Content-Length: 264

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 4}, "contentChanges": [{"range": {"start": {"line": 2, "character": 2}, "end": {"line": 2, "character": 2}}, "text": "r"}]}}Content-Length: 264

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 5}, "contentChanges": [{"range": {"start": {"line": 2, "character": 3}, "end": {"line": 2, "character": 3}}, "text": "p"}]}}Content-Length: 264

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 6}, "contentChanges": [{"range": {"start": {"line": 2, "character": 4}, "end": {"line": 2, "character": 4}}, "text": "o"}]}}Content-Length: 264

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 7}, "contentChanges": [{"range": {"start": {"line": 2, "character": 5}, "end": {"line": 2, "character": 5}}, "text": "s"}]}}Content-Length: 264

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 8}, "contentChanges": [{"range": {"start": {"line": 2, "character": 6}, "end": {"line": 2, "character": 6}}, "text": "e"}]}}Content-Length: 264

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 9}, "contentChanges": [{"range": {"start": {"line": 2, "character": 7}, "end": {"line": 2, "character": 7}}, "text": " "}]}}Content-Length: 181

{"jsonrpc": "2.0", "method": "textDocument/completion", "id": 2, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 2, "character": 8}}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 10}, "contentChanges": [{"range": {"start": {"line": 2, "character": 8}, "end": {"line": 2, "character": 8}}, "text": "p"}]}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 11}, "contentChanges": [{"range": {"start": {"line": 2, "character": 9}, "end": {"line": 2, "character": 9}}, "text": " "}]}}Content-Length: 182

{"jsonrpc": "2.0", "method": "textDocument/completion", "id": 3, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 2, "character": 10}}}Content-Length: 268

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 12}, "contentChanges": [{"range": {"start": {"line": 2, "character": 10}, "end": {"line": 2, "character": 10}}, "text": "\""}]}}Content-Length: 267

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 13}, "contentChanges": [{"range": {"start": {"line": 2, "character": 11}, "end": {"line": 2, "character": 11}}, "text": "P"}]}}Content-Length: 268

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 14}, "contentChanges": [{"range": {"start": {"line": 2, "character": 12}, "end": {"line": 2, "character": 12}}, "text": "ø"}]}}Content-Length: 268

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 15}, "contentChanges": [{"range": {"start": {"line": 2, "character": 13}, "end": {"line": 2, "character": 13}}, "text": "\""}]}}Content-Length: 267

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 16}, "contentChanges": [{"range": {"start": {"line": 2, "character": 14}, "end": {"line": 2, "character": 14}}, "text": " "}]}}Content-Length: 182

{"jsonrpc": "2.0", "method": "textDocument/completion", "id": 4, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 2, "character": 15}}}Content-Length: 267

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 17}, "contentChanges": [{"range": {"start": {"line": 2, "character": 15}, "end": {"line": 2, "character": 15}}, "text": "{"}]}}Content-Length: 268

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 18}, "contentChanges": [{"range": {"start": {"line": 2, "character": 16}, "end": {"line": 2, "character": 16}}, "text": "\n"}]}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 19}, "contentChanges": [{"range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}}, "text": " "}]}}Content-Length: 181

{"jsonrpc": "2.0", "method": "textDocument/completion", "id": 5, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 3, "character": 1}}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 20}, "contentChanges": [{"range": {"start": {"line": 3, "character": 1}, "end": {"line": 3, "character": 1}}, "text": " "}]}}Content-Length: 181

{"jsonrpc": "2.0", "method": "textDocument/completion", "id": 6, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 3, "character": 2}}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 21}, "contentChanges": [{"range": {"start": {"line": 3, "character": 2}, "end": {"line": 3, "character": 2}}, "text": "b"}]}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 22}, "contentChanges": [{"range": {"start": {"line": 3, "character": 3}, "end": {"line": 3, "character": 3}}, "text": "a"}]}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 23}, "contentChanges": [{"range": {"start": {"line": 3, "character": 4}, "end": {"line": 3, "character": 4}}, "text": "s"}]}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 24}, "contentChanges": [{"range": {"start": {"line": 3, "character": 5}, "end": {"line": 3, "character": 5}}, "text": "i"}]}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 25}, "contentChanges": [{"range": {"start": {"line": 3, "character": 6}, "end": {"line": 3, "character": 6}}, "text": "s"}]}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 26}, "contentChanges": [{"range": {"start": {"line": 3, "character": 7}, "end": {"line": 3, "character": 7}}, "text": " "}]}}Content-Length: 181

{"jsonrpc": "2.0", "method": "textDocument/completion", "id": 7, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 3, "character": 8}}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 27}, "contentChanges": [{"range": {"start": {"line": 3, "character": 8}, "end": {"line": 3, "character": 8}}, "text": "c"}]}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 28}, "contentChanges": [{"range": {"start": {"line": 3, "character": 9}, "end": {"line": 3, "character": 9}}, "text": "o"}]}}Content-Length: 267

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 29}, "contentChanges": [{"range": {"start": {"line": 3, "character": 10}, "end": {"line": 3, "character": 10}}, "text": "n"}]}}Content-Length: 267

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 30}, "contentChanges": [{"range": {"start": {"line": 3, "character": 11}, "end": {"line": 3, "character": 11}}, "text": "s"}]}}Content-Length: 267

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 31}, "contentChanges": [{"range": {"start": {"line": 3, "character": 12}, "end": {"line": 3, "character": 12}}, "text": "e"}]}}Content-Length: 267

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 32}, "contentChanges": [{"range": {"start": {"line": 3, "character": 13}, "end": {"line": 3, "character": 13}}, "text": "n"}]}}Content-Length: 267

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 33}, "contentChanges": [{"range": {"start": {"line": 3, "character": 14}, "end": {"line": 3, "character": 14}}, "text": "t"}]}}Content-Length: 268

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 34}, "contentChanges": [{"range": {"start": {"line": 3, "character": 15}, "end": {"line": 3, "character": 15}}, "text": "\n"}]}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 35}, "contentChanges": [{"range": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 0}}, "text": " "}]}}Content-Length: 181

{"jsonrpc": "2.0", "method": "textDocument/completion", "id": 8, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 4, "character": 1}}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 36}, "contentChanges": [{"range": {"start": {"line": 4, "character": 1}, "end": {"line": 4, "character": 1}}, "text": " "}]}}Content-Length: 181

{"jsonrpc": "2.0", "method": "textDocument/completion", "id": 9, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 4, "character": 2}}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 37}, "contentChanges": [{"range": {"start": {"line": 4, "character": 2}, "end": {"line": 4, "character": 2}}, "text": "d"}]}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 38}, "contentChanges": [{"range": {"start": {"line": 4, "character": 3}, "end": {"line": 4, "character": 3}}, "text": "a"}]}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 39}, "contentChanges": [{"range": {"start": {"line": 4, "character": 4}, "end": {"line": 4, "character": 4}}, "text": "t"}]}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 40}, "contentChanges": [{"range": {"start": {"line": 4, "character": 5}, "end": {"line": 4, "character": 5}}, "text": "a"}]}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 41}, "contentChanges": [{"range": {"start": {"line": 4, "character": 6}, "end": {"line": 4, "character": 6}}, "text": " "}]}}Content-Length: 182

{"jsonrpc": "2.0", "method": "textDocument/completion", "id": 10, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 4, "character": 7}}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 42}, "contentChanges": [{"range": {"start": {"line": 4, "character": 7}, "end": {"line": 4, "character": 7}}, "text": "k"}]}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 43}, "contentChanges": [{"range": {"start": {"line": 4, "character": 8}, "end": {"line": 4, "character": 8}}, "text": "o"}]}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 44}, "contentChanges": [{"range": {"start": {"line": 4, "character": 9}, "end": {"line": 4, "character": 9}}, "text": "n"}]}}Content-Length: 267

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 45}, "contentChanges": [{"range": {"start": {"line": 4, "character": 10}, "end": {"line": 4, "character": 10}}, "text": "t"}]}}Content-Length: 267

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 46}, "contentChanges": [{"range": {"start": {"line": 4, "character": 11}, "end": {"line": 4, "character": 11}}, "text": "a"}]}}Content-Length: 267

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 47}, "contentChanges": [{"range": {"start": {"line": 4, "character": 12}, "end": {"line": 4, "character": 12}}, "text": "k"}]}}Content-Length: 267

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 48}, "contentChanges": [{"range": {"start": {"line": 4, "character": 13}, "end": {"line": 4, "character": 13}}, "text": "t"}]}}Content-Length: 268

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 49}, "contentChanges": [{"range": {"start": {"line": 4, "character": 14}, "end": {"line": 4, "character": 14}}, "text": "\n"}]}}Content-Length: 265

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 50}, "contentChanges": [{"range": {"start": {"line": 5, "character": 0}, "end": {"line": 5, "character": 0}}, "text": "}"}]}}Content-Length: 266

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 51}, "contentChanges": [{"range": {"start": {"line": 5, "character": 1}, "end": {"line": 5, "character": 1}}, "text": "\n"}]}}Content-Length: 278

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 52}, "contentChanges": [{"range": {"start": {"line": 3, "character": 7}, "end": {"line": 3, "character": 14}}, "text": "kontakt, 🙂"}]}}Content-Length: 257

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 53}, "contentChanges": [{"text": "category kontakt \"K\"\r\npurpose p \"P\" { basis contract; data kontakt }\r\n"}]}}Content-Length: 178

{"jsonrpc": "2.0", "method": "textDocument/hover", "id": 11, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 1, "character": 30}}}Content-Length: 50

{"jsonrpc": "2.0", "method": "shutdown", "id": 12}Content-Length: 36

{"jsonrpc": "2.0", "method": "exit"}