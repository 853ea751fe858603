//! A guard in front of the LSP transport. tower-lsp-server's framing stops reading at the first
//! message it cannot decode, which would end the session; this passes well-formed frames on
//! unchanged and replaces each malformed one by a request the server answers with a parse
//! error, so that one bad message costs one error reply, not the editor's language server.
//!
//! Framing errors are recovered from too (docs/decisions.md, "Language server"):
//! - a body longer than its JSON value (a `Content-Length` too large) is cut where the value
//!   ends, and what follows it is read as the next header;
//! - a body that stops arriving once it already holds a whole message is taken as it is, so
//!   that a length that is too large does not leave the editor waiting for an answer;
//! - a header that cannot be read (no or a negative length, a line that is not a header, a line
//!   longer than [`MAX_HEADER_LINE`]) makes the guard skip to the next `Content-Length:`,
//!   keeping no more than a read's worth of the skipped bytes.

use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tower_lsp_server::jsonrpc::{Request, Response};

/// The method a malformed message is replaced by.
pub const MALFORMED: &str = "privlint/malformedMessage";

/// Messages larger than this are refused rather than buffered (a declaration is far smaller).
const MAX_BODY: usize = 256 * 1024 * 1024;

/// Real header lines are about 20 to 50 bytes; anything longer is not a header.
const MAX_HEADER_LINE: usize = 1024;

/// Where a frame starts, compared without case.
const HEADER: &[u8] = b"content-length:";

/// How long a body may stop arriving before what has come is checked for a whole message.
const STALL: Duration = Duration::from_millis(300);

const CHUNK: usize = 64 * 1024;

pub async fn guard(
    input: impl AsyncRead + Unpin,
    mut output: impl AsyncWrite + Unpin,
) -> std::io::Result<()> {
    let mut frames = Frames {
        input,
        buffer: Vec::new(),
        start: 0,
        after_bad_body: false,
    };
    let mut malformed = 0u64;
    loop {
        let body = match frames.next().await? {
            Frame::End => return Ok(()),
            Frame::Message(body) => body,
            Frame::Malformed => {
                malformed += 1;
                format!(r#"{{"jsonrpc":"2.0","id":"privlint-malformed-{malformed}","method":"{MALFORMED}"}}"#)
                    .into_bytes()
            }
        };
        output
            .write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes())
            .await?;
        output.write_all(&body).await?;
        output.flush().await?;
    }
}

enum Frame {
    /// A well-formed JSON-RPC message.
    Message(Vec<u8>),
    /// Something that is not one: a bad body, or bytes skipped to find the next header.
    Malformed,
    /// The editor closed its end.
    End,
}

struct Frames<R> {
    input: R,
    /// Bytes read and not yet consumed start at `start`.
    buffer: Vec<u8>,
    start: usize,
    /// Whether the last frame's body was bad: the rest of a body whose length was too small
    /// is part of that same bad message, not another one.
    after_bad_body: bool,
}

impl<R: AsyncRead + Unpin> Frames<R> {
    fn available(&self) -> &[u8] {
        &self.buffer[self.start..]
    }

    fn consume(&mut self, n: usize) {
        self.start += n;
    }

    /// Reads more input; `false` at its end. Cancel-safe: dropped before it completes, it
    /// has read nothing.
    async fn fill(&mut self) -> std::io::Result<bool> {
        if self.start > 0 {
            self.buffer.drain(..self.start);
            self.start = 0;
        }
        // A large message read earlier does not keep its memory for the rest of the session.
        if self.buffer.capacity() > 4 * CHUNK && self.buffer.len() < CHUNK {
            self.buffer.shrink_to(2 * CHUNK);
        }
        self.buffer.reserve(CHUNK);
        Ok(self.input.read_buf(&mut self.buffer).await? > 0)
    }

    async fn next(&mut self) -> std::io::Result<Frame> {
        let length = loop {
            let quiet = std::mem::take(&mut self.after_bad_body);
            match self.headers().await? {
                Headers::Length(length) => break length,
                Headers::Lost(from) => {
                    if !self.skip_to_header(from).await? {
                        return Ok(Frame::End);
                    }
                    if !quiet {
                        return Ok(Frame::Malformed);
                    }
                }
                Headers::End => return Ok(Frame::End),
            }
        };
        while self.available().len() < length {
            match tokio::time::timeout(STALL, self.fill()).await {
                Ok(more) => {
                    if !more? {
                        return Ok(Frame::End);
                    }
                }
                // The editor may be waiting for the answer to a message whose length was too
                // large: if what has come is a whole message, take it. (A message ends with
                // `}`: a body paused anywhere else is not parsed again and again.)
                Err(_) => {
                    if self.available().trim_ascii_end().ends_with(b"}")
                        && let Some(end) = message_end(self.available())
                    {
                        let body = self.available()[..end].to_vec();
                        self.consume(end);
                        return Ok(Frame::Message(body));
                    }
                }
            }
        }
        let body = &self.available()[..length];
        if well_formed(body) {
            let body = body.to_vec();
            self.consume(length);
            return Ok(Frame::Message(body));
        }
        // A length too large takes in the start of the next frame: the message is what its
        // JSON value spans, the next frame starts after it.
        if let Some(end) = message_end(body) {
            let body = body[..end].to_vec();
            self.consume(end);
            return Ok(Frame::Message(body));
        }
        // Not a message: the next frame starts at the next header in it, if there is one.
        let next = find_header(&body[1.min(body.len())..]).map_or(length, |at| at + 1);
        self.consume(next);
        self.after_bad_body = true;
        Ok(Frame::Malformed)
    }

    /// Reads the headers up to the empty line after them.
    async fn headers(&mut self) -> std::io::Result<Headers> {
        let mut length = None;
        let mut headers = 0;
        loop {
            let Some(newline) = self.available().iter().position(|&b| b == b'\n') else {
                if self.available().len() > MAX_HEADER_LINE {
                    return Ok(Headers::Lost(1));
                }
                if !self.fill().await? {
                    return Ok(Headers::End);
                }
                continue;
            };
            if newline > MAX_HEADER_LINE {
                return Ok(Headers::Lost(1));
            }
            let line = self.available()[..newline].trim_ascii();
            if line.is_empty() {
                self.consume(newline + 1);
                if headers == 0 {
                    continue; // blank lines between frames
                }
                return Ok(match length {
                    Some(length) if length <= MAX_BODY => Headers::Length(length),
                    // Without a usable length the body cannot be found.
                    _ => Headers::Lost(0),
                });
            }
            let Some((name, value)) = header(line) else {
                // The line may hold the next frame's header after the end of a body that was
                // longer than its length said.
                return Ok(Headers::Lost(1));
            };
            if name.eq_ignore_ascii_case(b"content-length") {
                // Anything but a decimal number (`-10`, `+3`, `1e3`) is no length.
                length = std::str::from_utf8(value)
                    .ok()
                    .filter(|v| v.bytes().all(|b| b.is_ascii_digit()))
                    .and_then(|v| v.parse::<usize>().ok());
            }
            headers += 1;
            self.consume(newline + 1);
        }
    }

    /// Skips to the next `Content-Length:` at or after `from` bytes into what is available;
    /// `false` when the input ends first.
    async fn skip_to_header(&mut self, from: usize) -> std::io::Result<bool> {
        let mut from = from;
        loop {
            if let Some(at) = find_header(&self.available()[from.min(self.available().len())..]) {
                self.consume(from + at);
                return Ok(true);
            }
            // Keep only what could be the start of a header cut by the end of the read.
            let keep = (HEADER.len() - 1).min(self.available().len());
            self.consume(self.available().len() - keep);
            from = 0;
            if !self.fill().await? {
                return Ok(false);
            }
        }
    }
}

enum Headers {
    Length(usize),
    /// The headers cannot be read; the next frame is searched from this many bytes on.
    Lost(usize),
    End,
}

/// `Name: value`, the name a token as HTTP has it.
fn header(line: &[u8]) -> Option<(&[u8], &[u8])> {
    let colon = line.iter().position(|&b| b == b':')?;
    let (name, value) = (&line[..colon], &line[colon + 1..]);
    let token = |b: &u8| b.is_ascii_alphanumeric() || b"-_.!#$%&'*+^`|~".contains(b);
    (!name.is_empty() && name.iter().all(token)).then_some((name, value.trim_ascii()))
}

fn find_header(bytes: &[u8]) -> Option<usize> {
    bytes
        .windows(HEADER.len())
        .position(|w| w.eq_ignore_ascii_case(HEADER))
}

fn well_formed(body: &[u8]) -> bool {
    serde_json::from_slice::<Request>(body).is_ok()
        || serde_json::from_slice::<Response>(body).is_ok()
}

/// Where the JSON value at the start of `bytes` ends, if it is a well-formed message.
fn message_end(bytes: &[u8]) -> Option<usize> {
    let mut values = serde_json::Deserializer::from_slice(bytes).into_iter::<serde_json::Value>();
    values.next()?.ok()?;
    let end = values.byte_offset();
    well_formed(&bytes[..end]).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn pass(input: &[u8]) -> String {
        let mut out = Vec::new();
        guard(input, &mut out).await.unwrap();
        String::from_utf8(out).unwrap()
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    /// The bodies the guard passed on, in order.
    fn bodies(out: &str) -> Vec<&str> {
        let mut bodies = Vec::new();
        let mut rest = out;
        while let Some(after) = rest.strip_prefix("Content-Length: ") {
            let (length, after) = after.split_once("\r\n\r\n").unwrap();
            let length: usize = length.parse().unwrap();
            bodies.push(&after[..length]);
            rest = &after[length..];
        }
        assert!(rest.is_empty(), "not framed: {rest:?}");
        bodies
    }

    const HOVER: &str = r#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}"#;
    const NEXT: &str = r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#;

    fn is_malformed(body: &str) -> bool {
        body.contains(MALFORMED)
    }

    #[tokio::test]
    async fn passes_good_frames_and_replaces_bad_ones() {
        let good = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let input = format!(
            "Content-Length: {}\r\n\r\n{good}Content-Length: 3\r\n\r\n{{x}}Content-Length: 2\r\n\r\n42",
            good.len()
        );
        let out = pass(input.as_bytes()).await;
        assert!(out.starts_with(&format!("Content-Length: {}\r\n\r\n{good}", good.len())));
        assert!(out.contains(r#""id":"privlint-malformed-1""#));
        assert!(out.contains(r#""id":"privlint-malformed-2""#));
    }

    #[tokio::test]
    async fn a_length_too_large_is_cut_where_the_message_ends() {
        let input = format!(
            "Content-Length: {}\r\n\r\n{HOVER}{}",
            HOVER.len() + 10,
            frame(NEXT)
        );
        let out = pass(input.as_bytes()).await;
        assert_eq!(bodies(&out), [HOVER, NEXT]);
    }

    #[tokio::test(start_paused = true)]
    async fn a_length_too_large_with_nothing_after_it_is_answered() {
        let (mut editor, input) = tokio::io::duplex(1024);
        let (output, mut replies) = tokio::io::duplex(1024);
        tokio::spawn(guard(input, output));
        let bad = format!("Content-Length: {}\r\n\r\n{HOVER}", HOVER.len() + 10);
        editor.write_all(bad.as_bytes()).await.unwrap();
        // The editor waits for the answer, sending nothing more; the body stops arriving.
        let mut out = vec![0; frame(HOVER).len()];
        replies.read_exact(&mut out).await.unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), frame(HOVER));
        // Later messages are read as usual.
        editor.write_all(frame(NEXT).as_bytes()).await.unwrap();
        let mut out = vec![0; frame(NEXT).len()];
        replies.read_exact(&mut out).await.unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), frame(NEXT));
    }

    #[tokio::test]
    async fn a_length_too_small_costs_one_error() {
        let input = format!(
            "Content-Length: {}\r\n\r\n{HOVER}{}",
            HOVER.len() - 10,
            frame(NEXT)
        );
        let out = pass(input.as_bytes()).await;
        let bodies = bodies(&out);
        assert_eq!(bodies.len(), 2, "{bodies:?}");
        assert!(is_malformed(bodies[0]));
        assert_eq!(bodies[1], NEXT);
    }

    #[tokio::test]
    async fn unusable_lengths_cost_one_error_each() {
        for length in [
            "-10",
            "",
            "1e3",
            "+5",
            "99999999999999999999999",
            "268435457",
        ] {
            let input = format!(
                "Content-Length: {length}\r\n\r\n{HOVER}{}{}",
                frame(NEXT),
                frame(HOVER)
            );
            let out = pass(input.as_bytes()).await;
            let bodies = bodies(&out);
            assert_eq!(bodies.len(), 3, "{length}: {bodies:?}");
            assert!(is_malformed(bodies[0]), "{length}");
            assert_eq!(bodies[1..], [NEXT, HOVER], "{length}");
        }
    }

    #[tokio::test]
    async fn headers_without_a_length_cost_one_error() {
        let input = format!(
            "Content-Type: application/vscode-jsonrpc\r\n\r\n{HOVER}{}",
            frame(NEXT)
        );
        let out = pass(input.as_bytes()).await;
        let bodies = bodies(&out);
        assert!(is_malformed(bodies[0]));
        assert_eq!(bodies[1..], [NEXT]);
    }

    #[tokio::test]
    async fn a_line_too_long_to_be_a_header_is_skipped_without_keeping_it() {
        // Longer than any buffer the guard keeps, without a newline, and the header split
        // across two reads by the garbage's length.
        let garbage = "x".repeat(3 * CHUNK + 7);
        let input = format!("{garbage}{}", frame(NEXT));
        let out = pass(input.as_bytes()).await;
        let bodies = bodies(&out);
        assert_eq!(bodies.len(), 2, "{bodies:?}");
        assert!(is_malformed(bodies[0]));
        assert_eq!(bodies[1], NEXT);
    }

    #[tokio::test]
    async fn the_guard_keeps_no_more_than_a_header_line_and_a_read_of_garbage() {
        let garbage = vec![b'x'; 16 * CHUNK];
        let mut frames = Frames {
            input: &garbage[..],
            buffer: Vec::new(),
            start: 0,
            after_bad_body: false,
        };
        assert!(matches!(frames.next().await.unwrap(), Frame::End));
        assert!(
            frames.buffer.capacity() <= 4 * CHUNK,
            "{}",
            frames.buffer.capacity()
        );
    }

    #[tokio::test]
    async fn the_end_of_the_input_ends_the_guard_anywhere() {
        let whole = format!("{}{}", frame(HOVER), frame(NEXT));
        for cut in 0..whole.len() {
            let out = pass(&whole.as_bytes()[..cut]).await;
            let bodies = bodies(&out);
            assert!(
                bodies.iter().all(|b| *b == HOVER),
                "cut at {cut}: {bodies:?}"
            );
        }
    }
}
