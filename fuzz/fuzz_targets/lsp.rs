//! The language server on any session, through the same guard and transport as `privlint lsp`:
//! no message may make it panic or hang, and it ends when the editor's input ends.
//!
//! Every session opens as an editor's does, with `initialize` and `initialized`, so that what
//! follows reaches the handlers. The rest of the input is either a recorded client stream (it
//! starts with `Content-Length`, as the seeds in fuzz/seeds/lsp do), or decoded into a
//! [`Session`] of well-formed messages with fuzzed documents, edits and positions, among which
//! malformed bodies and stray bytes.

#![no_main]

use std::time::Duration;

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use privlint_core::rules::ALL;
use serde_json::{Value, json};
use tokio::io::{AsyncWriteExt, duplex};

fuzz_target!(|bytes: &[u8]| {
    if let Some(client) = Client::for_input(bytes) {
        client.run();
    }
});

/// What the client sends after `initialized`.
#[derive(Arbitrary, Debug)]
struct Session {
    /// Whether the client offers UTF-8 columns (else the server counts UTF-16 units).
    utf8_columns: bool,
    messages: Vec<Message>,
}

#[derive(Arbitrary, Debug)]
enum Message {
    Open(Doc, Text),
    Change(Doc, Vec<Change>),
    Save(Doc),
    /// Saving `privlint.toml` makes the server re-read configurations and re-check everything.
    SaveConfiguration,
    WatchedFilesChanged,
    Close(Doc),
    Configure(Vec<(RuleIndex, Level)>),
    Hover(Doc, Position),
    Completion(Doc, Position),
    Definition(Doc, Position),
    References(Doc, Position, bool),
    PrepareRename(Doc, Position),
    Rename(Doc, Position, String),
    Symbols(Doc),
    Folding(Doc),
    CodeActions(Doc, Range),
    Formatting(Doc),
    ExplainRule(String),
    Shutdown,
    Exit,
    /// Any body, framed correctly: malformed JSON, unknown methods, wrong params.
    Body(String),
    /// Any bytes, framing included.
    Bytes(Vec<u8>),
}

/// One of two documents, so that messages can name one that is not open.
#[derive(Arbitrary, Debug)]
enum Doc {
    First,
    Second,
}

impl Doc {
    fn uri(&self) -> &'static str {
        match self {
            Doc::First => "file:///privlint-fuzz/first.privacy",
            Doc::Second => "file:///privlint-fuzz/second.privacy",
        }
    }

    fn identifier(&self) -> Value {
        json!({ "uri": self.uri() })
    }
}

/// A document's text: a real declaration (so that edits, hover and rename meet a rich model),
/// or any text.
#[derive(Arbitrary, Debug)]
enum Text {
    Example(usize),
    Any(String),
}

const EXAMPLES: [&str; 4] = [
    include_str!("../../examples/kommune-helse.privacy"),
    include_str!("../../examples/nettbutikk.privacy"),
    include_str!("../../examples/norsk-gjeldsinformasjon.privacy"),
    include_str!("../../examples/sparebanken-ost.privacy"),
];

impl Text {
    fn as_str(&self) -> &str {
        match self {
            Text::Example(i) => EXAMPLES[i % EXAMPLES.len()],
            Text::Any(text) => text,
        }
    }
}

/// An edit: a range replaced, or the whole text when there is none.
#[derive(Arbitrary, Debug)]
struct Change {
    range: Option<Range>,
    text: String,
}

#[derive(Arbitrary, Debug)]
struct Range {
    start: Position,
    end: Position,
}

impl Range {
    fn to_json(&self) -> Value {
        json!({ "start": self.start.to_json(), "end": self.end.to_json() })
    }
}

#[derive(Arbitrary, Debug)]
struct Position {
    line: Coordinate,
    character: Coordinate,
}

impl Position {
    fn to_json(&self) -> Value {
        json!({ "line": self.line.value(), "character": self.character.value() })
    }
}

/// A line or column: mostly within a small document, sometimes anywhere up to `u32::MAX`.
#[derive(Arbitrary, Debug)]
enum Coordinate {
    Near(u8),
    Any(u32),
}

impl Coordinate {
    fn value(&self) -> u32 {
        match *self {
            Coordinate::Near(n) => n.into(),
            Coordinate::Any(n) => n,
        }
    }
}

/// A rule, by its index in [`ALL`].
#[derive(Arbitrary, Debug)]
struct RuleIndex(usize);

#[derive(Arbitrary, Debug)]
enum Level {
    Off,
    Info,
    Warning,
    Error,
    Other(String),
}

/// What the client sends, message by message.
struct Client {
    messages: Vec<Vec<u8>>,
    next_id: u64,
    next_version: i32,
}

impl Client {
    fn for_input(bytes: &[u8]) -> Option<Client> {
        if bytes.starts_with(b"Content-Length") {
            let mut client = Client::opening(false);
            client.recorded(bytes);
            return Some(client);
        }
        let session = Session::arbitrary_take_rest(Unstructured::new(bytes)).ok()?;
        let mut client = Client::opening(session.utf8_columns);
        for message in &session.messages {
            client.send(message);
        }
        Some(client)
    }

    fn opening(utf8_columns: bool) -> Client {
        let mut client = Client {
            messages: Vec::new(),
            next_id: 0,
            next_version: 0,
        };
        let encodings = if utf8_columns {
            json!(["utf-8", "utf-16"])
        } else {
            json!(["utf-16"])
        };
        client.request(
            "initialize",
            json!({ "capabilities": { "general": { "positionEncodings": encodings } } }),
        );
        client.notify("initialized", json!({}));
        client
    }

    /// Serves the session in a runtime of its own, as `privlint lsp` has. Each message is
    /// dealt with before the next is sent, as an editor waits for answers: sent all at once,
    /// everything would be refused before `initialize` is answered, or cancelled by an `exit`.
    /// Then the server's input is closed, which must end the session.
    fn run(self) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .expect("a current-thread runtime builds");
        runtime.block_on(async {
            let (mut to_server, server_input) = duplex(1 << 16);
            let (server_output, mut from_server) = duplex(1 << 16);
            let send = async move {
                for message in &self.messages {
                    if to_server.write_all(message).await.is_err() {
                        break; // the server has stopped reading, after `exit`
                    }
                    settle().await;
                }
            };
            let mut nowhere = tokio::io::sink();
            let drain = tokio::io::copy(&mut from_server, &mut nowhere);
            let _ = tokio::join!(
                privlint_server::serve(server_input, server_output),
                send,
                drain
            );
        });
    }

    /// A recorded stream, cut before each header so that the server settles between messages.
    fn recorded(&mut self, bytes: &[u8]) {
        let header = b"Content-Length";
        let mut start = 0;
        for at in 1..bytes.len() {
            if bytes[at..].starts_with(header) {
                self.messages.push(bytes[start..at].to_vec());
                start = at;
            }
        }
        self.messages.push(bytes[start..].to_vec());
    }

    fn send(&mut self, message: &Message) {
        match message {
            Message::Open(doc, text) => {
                let version = self.version();
                self.notify(
                    "textDocument/didOpen",
                    json!({ "textDocument": {
                        "uri": doc.uri(),
                        "languageId": "privacy",
                        "version": version,
                        "text": text.as_str(),
                    } }),
                );
            }
            Message::Change(doc, changes) => {
                let changes: Vec<Value> = changes
                    .iter()
                    .map(|c| match &c.range {
                        Some(range) => json!({ "range": range.to_json(), "text": c.text }),
                        None => json!({ "text": c.text }),
                    })
                    .collect();
                let version = self.version();
                self.notify(
                    "textDocument/didChange",
                    json!({
                        "textDocument": { "uri": doc.uri(), "version": version },
                        "contentChanges": changes,
                    }),
                );
            }
            Message::Save(doc) => {
                self.notify(
                    "textDocument/didSave",
                    json!({ "textDocument": doc.identifier() }),
                );
            }
            Message::SaveConfiguration => self.notify(
                "textDocument/didSave",
                json!({ "textDocument": { "uri": "file:///privlint-fuzz/privlint.toml" } }),
            ),
            Message::WatchedFilesChanged => {
                self.notify("workspace/didChangeWatchedFiles", json!({ "changes": [] }));
            }
            Message::Close(doc) => self.notify(
                "textDocument/didClose",
                json!({ "textDocument": doc.identifier() }),
            ),
            Message::Configure(levels) => {
                let rules: serde_json::Map<String, Value> = levels
                    .iter()
                    .map(|(rule, level)| {
                        let name = ALL[rule.0 % ALL.len()].meta().name.to_string();
                        let level = match level {
                            Level::Off => "off",
                            Level::Info => "info",
                            Level::Warning => "warning",
                            Level::Error => "error",
                            Level::Other(word) => word,
                        };
                        (name, json!(level))
                    })
                    .collect();
                self.notify(
                    "workspace/didChangeConfiguration",
                    json!({ "settings": { "privlint": { "rules": rules } } }),
                );
            }
            Message::Hover(doc, at) => self.at("textDocument/hover", doc, at, json!({})),
            Message::Completion(doc, at) => {
                self.at("textDocument/completion", doc, at, json!({}));
            }
            Message::Definition(doc, at) => {
                self.at("textDocument/definition", doc, at, json!({}));
            }
            Message::References(doc, at, with_declaration) => self.at(
                "textDocument/references",
                doc,
                at,
                json!({ "context": { "includeDeclaration": with_declaration } }),
            ),
            Message::PrepareRename(doc, at) => {
                self.at("textDocument/prepareRename", doc, at, json!({}));
            }
            Message::Rename(doc, at, new_name) => self.at(
                "textDocument/rename",
                doc,
                at,
                json!({ "newName": new_name }),
            ),
            Message::Symbols(doc) => self.request(
                "textDocument/documentSymbol",
                json!({ "textDocument": doc.identifier() }),
            ),
            Message::Folding(doc) => self.request(
                "textDocument/foldingRange",
                json!({ "textDocument": doc.identifier() }),
            ),
            Message::CodeActions(doc, range) => self.request(
                "textDocument/codeAction",
                json!({
                    "textDocument": doc.identifier(),
                    "range": range.to_json(),
                    "context": { "diagnostics": [] },
                }),
            ),
            Message::Formatting(doc) => self.request(
                "textDocument/formatting",
                json!({
                    "textDocument": doc.identifier(),
                    "options": { "tabSize": 2, "insertSpaces": true },
                }),
            ),
            Message::ExplainRule(rule) => self.request(
                "workspace/executeCommand",
                json!({ "command": "privlint.explainRule", "arguments": [rule] }),
            ),
            Message::Shutdown => self.request("shutdown", Value::Null),
            Message::Exit => self.notify("exit", Value::Null),
            Message::Body(body) => self.frame(body.as_bytes()),
            Message::Bytes(bytes) => self.messages.push(bytes.clone()),
        }
    }

    /// A request about a position in a document; `extra` adds to its params.
    fn at(&mut self, method: &str, doc: &Doc, position: &Position, extra: Value) {
        let mut params = json!({
            "textDocument": doc.identifier(),
            "position": position.to_json(),
        });
        if let (Value::Object(params), Value::Object(extra)) = (&mut params, extra) {
            params.extend(extra);
        }
        self.request(method, params);
    }

    fn request(&mut self, method: &str, params: Value) {
        self.next_id += 1;
        let id = self.next_id;
        self.message(
            json!({ "jsonrpc": "2.0", "id": id, "method": method }),
            params,
        );
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.message(json!({ "jsonrpc": "2.0", "method": method }), params);
    }

    /// Frames a message, with its params unless they are null (`shutdown` and `exit` have none).
    fn message(&mut self, mut message: Value, params: Value) {
        if !params.is_null() {
            message["params"] = params;
        }
        self.frame(message.to_string().as_bytes());
    }

    fn frame(&mut self, body: &[u8]) {
        let mut message = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        message.extend_from_slice(body);
        self.messages.push(message);
    }

    fn version(&mut self) -> i32 {
        self.next_version += 1;
        self.next_version
    }
}

/// Waits until the server has done all it can with what it was sent: the clock is paused, so
/// it moves on, and a timer fires, only when every task is waiting.
async fn settle() {
    tokio::time::sleep(Duration::from_secs(1)).await;
}
