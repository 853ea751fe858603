Content-Length: 2355

{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "languageId": "privacy", "version": 1, "text": "# A small web shop: orders under contract, a consent-based newsletter sent through a US\n# provider certified under the Data Privacy Framework, and bookkeeping required by law.\n# privlint gives no finding on this file.\n\nnotice \"Personvernerklæring for Fjellsko AS\" {\n  language \"nb\"\n  updated 2026-09-01\n  url \"https://fjellsko.example/personvern\"\n}\n\ncontroller fjellsko \"Fjellsko AS\" {\n  org_number \"999 888 777\"\n  country NO\n  address \"Storgata 1, 9008 Tromsø\"\n  email \"personvern@fjellsko.example\"\n  authority datatilsynet \"Datatilsynet\"\n}\n\ncategory contact \"Kontaktopplysninger\" { includes \"navn\", \"adresse\", \"e-post\", \"telefon\" }\ncategory orders \"Ordrehistorikk\" { includes \"varer\", \"beløp\", \"leveringsadresse\" }\ncategory payment \"Betalingsopplysninger\" { includes \"betalingsmåte\", \"transaksjons-ID\" }\n\nsubject customers \"Kunder\"\nsubject subscribers \"Abonnenter på nyhetsbrevet\"\n\nprocessor mailer \"E-postleverandør for nyhetsbrev\" {\n  country US\n  safeguard dpf\n  agreement 2025-03-14\n}\nprocessor hosting \"Nettbutikkplattform\" {\n  country SE\n  agreement \"DBA-2024-02\"\n}\nrecipient carrier \"Posten Bring AS\" { country NO }\n\npurpose order_handling \"Behandling av bestillinger\" {\n  basis contract\n  data contact, orders, payment\n  subjects customers\n  processors hosting\n  recipients carrier\n  retention 3 years after \"siste kjøp\"\n}\n\npurpose bookkeeping \"Regnskap\" {\n  basis legal_obligation \"bokføringsloven § 13\"\n  data orders, payment\n  subjects customers\n  processors hosting\n  retention 5 years after \"regnskapsårets slutt\"\n}\n\npurpose newsletter \"Nyhetsbrev\" {\n  basis consent\n  direct_marketing\n  data contact\n  subjects subscribers\n  processors mailer\n  retention until \"du melder deg av\"\n}\n\nrights {\n  access\n  rectification\n  erasure \"ikke regnskapsopplysninger vi må oppbevare etter bokføringsloven\"\n  restriction\n  portability\n  objection\n  withdraw_consent\n  complaint datatilsynet\n  respond_within 1 month\n}\n\nclaims {\n  no_special_categories\n  no_criminal_data\n  no_automated_decisions\n  no_profiling\n}\n"}}}Content-Length: 177

{"jsonrpc": "2.0", "method": "textDocument/hover", "id": 2, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 0, "character": 34}}}Content-Length: 178

{"jsonrpc": "2.0", "method": "textDocument/hover", "id": 3, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 27, "character": 13}}}Content-Length: 177

{"jsonrpc": "2.0", "method": "textDocument/hover", "id": 4, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 46, "character": 9}}}Content-Length: 177

{"jsonrpc": "2.0", "method": "textDocument/hover", "id": 5, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 67, "character": 3}}}Content-Length: 177

{"jsonrpc": "2.0", "method": "textDocument/hover", "id": 6, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 78, "character": 3}}}Content-Length: 178

{"jsonrpc": "2.0", "method": "textDocument/hover", "id": 7, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 25, "character": 11}}}Content-Length: 177

{"jsonrpc": "2.0", "method": "textDocument/hover", "id": 8, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 22, "character": 9}}}Content-Length: 183

{"jsonrpc": "2.0", "method": "textDocument/definition", "id": 9, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 58, "character": 14}}}Content-Length: 224

{"jsonrpc": "2.0", "method": "textDocument/references", "id": 10, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 22, "character": 9}, "context": {"includeDeclaration": true}}}Content-Length: 187

{"jsonrpc": "2.0", "method": "textDocument/prepareRename", "id": 11, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 25, "character": 11}}}Content-Length: 214

{"jsonrpc": "2.0", "method": "textDocument/rename", "id": 12, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "position": {"line": 58, "character": 14}, "newName": "nyhetsbrev_tjeneste"}}Content-Length: 145

{"jsonrpc": "2.0", "method": "textDocument/documentSymbol", "id": 13, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}}}Content-Length: 143

{"jsonrpc": "2.0", "method": "textDocument/foldingRange", "id": 14, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}}}Content-Length: 259

{"jsonrpc": "2.0", "method": "textDocument/codeAction", "id": 15, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 81, "character": 0}}, "context": {"diagnostics": []}}}Content-Length: 293

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "version": 2}, "contentChanges": [{"range": {"start": {"line": 80, "character": 0}, "end": {"line": 80, "character": 0}}, "text": "category spare \"Reserve\"\n"}]}}Content-Length: 260

{"jsonrpc": "2.0", "method": "textDocument/codeAction", "id": 16, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "range": {"start": {"line": 80, "character": 0}, "end": {"line": 81, "character": 0}}, "context": {"diagnostics": []}}}Content-Length: 190

{"jsonrpc": "2.0", "method": "textDocument/formatting", "id": 17, "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}, "options": {"tabSize": 2, "insertSpaces": true}}}Content-Length: 151

{"jsonrpc": "2.0", "method": "workspace/executeCommand", "id": 18, "params": {"command": "privlint.explainRule", "arguments": ["missing-legal-basis"]}}Content-Length: 129

{"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy"}}}Content-Length: 50

{"jsonrpc": "2.0", "method": "shutdown", "id": 19}Content-Length: 36

{"jsonrpc": "2.0", "method": "exit"}