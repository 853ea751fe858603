Content-Length: 2234

{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///privlint-fuzz/first.privacy", "languageId": "privacy", "version": 1, "text": "# A municipality's home-care service: a public authority with a data protection officer, public\n# tasks laid down by law, health data under Art. 9(2)(h), a joint controller with its\n# arrangement, and an archive duty. privlint gives no finding on this file.\n\ncontroller fjordvik \"Fjordvik kommune\" {\n  org_number \"964 000 000\"\n  country NO\n  address \"Rådhusplassen 1, 6900 Fjordvik\"\n  email \"postmottak@fjordvik.example\"\n  public_authority\n  authority datatilsynet \"Datatilsynet\"\n}\n\ndpo \"Personvernombudet i Fjordvik kommune\" {\n  email \"personvernombud@fjordvik.example\"\n  phone \"+47 57 00 00 00\"\n}\n\ncategory identity \"Identitet\" { includes \"navn\", \"fødselsnummer\", \"adresse\" }\ncategory health \"Helseopplysninger\" { special }\ncategory next_of_kin \"Pårørende\" { includes \"navn\", \"telefon\" }\n\nsubject patients \"Brukere av hjemmetjenesten\"\nsubject relatives \"Pårørende\"\n\nsource register \"Folkeregisteret\" {\n  country NO\n  public\n}\n\njoint_controller helse_fjord \"Helse Fjord HF\" {\n  country NO\n  arrangement \"Helse Fjord svarer på innsynskrav om opplysninger i den felles pasientjournalen\"\n}\n\nprocessor ehr \"Journalsystemleverandør\" {\n  country NO\n  agreement \"DBA-2023-11\"\n}\n\npurpose home_care \"Hjemmesykepleie\" {\n  basis public_task \"helse- og omsorgstjenesteloven § 3-1\"\n  condition health_care \"helsepersonelloven § 39\"\n  data identity, health, next_of_kin\n  subjects patients, relatives\n  sources register\n  processors ehr\n  joint_controllers helse_fjord\n  large_scale\n  dpia \"DPIA-2025-04\"\n  # privlint: allow indefinite-retention -- pasientjournalen skal arkiveres etter arkivlova\n  retention indefinite \"arkivlova § 6 og pasientjournalloven\"\n}\n\nrights {\n  access\n  rectification\n  erasure \"ikke opplysninger i pasientjournalen, jf. helsepersonelloven § 42\"\n  restriction\n  objection\n  complaint datatilsynet\n  respond_within 30 days\n}\n\nclaims {\n  no_consent\n  no_automated_decisions\n  no_transfers_outside_eea\n}\n"}}}Content-Length: 198

{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///privlint-fuzz/second.privacy", "languageId": "privacy", "version": 1, "text": "category a \"A\"\n"}}}Content-Length: 192

{"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {"settings": {"privlint": {"rules": {"unused-definition": "off", "missing-dpo": "error", "dpia-required": "loud"}}}}}Content-Length: 128

{"jsonrpc": "2.0", "method": "textDocument/didSave", "params": {"textDocument": {"uri": "file:///privlint-fuzz/privlint.toml"}}}Content-Length: 147

{"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": [{"uri": "file:///privlint-fuzz/privlint.toml", "type": 2}]}}Content-Length: 129

{"jsonrpc": "2.0", "method": "textDocument/didSave", "params": {"textDocument": {"uri": "file:///privlint-fuzz/second.privacy"}}}Content-Length: 266

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///privlint-fuzz/second.privacy", "version": 2}, "contentChanges": [{"range": {"start": {"line": 0, "character": 9}, "end": {"line": 0, "character": 10}}, "text": "b"}]}}Content-Length: 143

{"jsonrpc": "2.0", "method": "workspace/executeCommand", "id": 2, "params": {"command": "privlint.explainRule", "arguments": ["no-such-rule"]}}Content-Length: 125

{"jsonrpc": "2.0", "method": "workspace/executeCommand", "id": 3, "params": {"command": "privlint.nothing", "arguments": []}}Content-Length: 49

{"jsonrpc": "2.0", "method": "shutdown", "id": 4}Content-Length: 36

{"jsonrpc": "2.0", "method": "exit"}