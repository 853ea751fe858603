Content-Length: 264

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 1}, "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"}]}}Content-Length: 202

{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "languageId": "privacy", "version": 1, "text": "rights {\n  access\n}\n"}}}Content-Length: 364

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 2}, "contentChanges": [{"range": {"start": {"line": 9, "character": 0}, "end": {"line": 9, "character": 1}}, "text": "x"}, {"range": {"start": {"line": 1, "character": 5}, "end": {"line": 0, "character": 1}}, "text": "y"}]}}Content-Length: 284

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 3}, "contentChanges": [{"range": {"start": {"line": 1, "character": 4294967295}, "end": {"line": 2, "character": 4294967295}}, "text": "}\n"}]}}Content-Length: 185

{"jsonrpc": "2.0", "method": "textDocument/hover", "id": 2, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 4294967295, "character": 0}}}Content-Length: 191

{"jsonrpc": "2.0", "method": "textDocument/completion", "id": 3, "params": {"textDocument": {"uri": "file:///privlint-fuzz/second.privacy"}, "position": {"line": 1, "character": 4294967295}}}Content-Length: 63

{"jsonrpc": "2.0", "id": 7, "method": "initialize", "params": {Content-Length: 19

{"not": "json-rpc"}Content-Length: 73

{"jsonrpc": "2.0", "method": "textDocument/hover", "id": 4, "params": 42}Content-Length: 71

{"jsonrpc": "2.0", "method": "privlint/nothing", "id": 5, "params": {}}Content-Length: 9999999

{}