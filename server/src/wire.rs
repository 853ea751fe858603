//! A guard in front of the LSP transport. tower-lsp-server's framing stops reading at the first
//! message it cannot decode, which would end the session; this passes well-formed frames on
//! unchanged and replaces each malformed one by a request the server answers with a parse
//! error, so that one bad message costs one error reply, not the editor's language server.

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tower_lsp_server::jsonrpc::{Request, Response};

/// The method a malformed message is replaced by.
pub const MALFORMED: &str = "privlint/malformedMessage";

/// Messages larger than this are refused rather than buffered (a declaration is far smaller).
const MAX_BODY: usize = 256 * 1024 * 1024;

pub async fn guard(
    input: impl AsyncRead + Unpin,
    mut output: impl AsyncWrite + Unpin,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(input);
    let mut line = Vec::new();
    let mut malformed = 0u64;
    loop {
        // Headers, up to the empty line.
        let mut length: Option<usize> = None;
        let mut headers = 0;
        loop {
            line.clear();
            if reader.read_until(b'\n', &mut line).await? == 0 {
                return Ok(()); // the editor closed the connection
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim();
            if text.is_empty() {
                if headers > 0 {
                    break;
                }
                continue;
            }
            headers += 1;
            if let Some((name, value)) = text.split_once(':')
                && name.trim().eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().ok();
            }
        }
        let body = match length {
            Some(length) if length <= MAX_BODY => {
                let mut body = vec![0; length];
                reader.read_exact(&mut body).await?;
                body
            }
            // Without a usable length the body cannot be found; what follows is read as headers
            // until the next well-formed frame.
            _ => Vec::new(),
        };
        let well_formed = serde_json::from_slice::<Request>(&body).is_ok()
            || serde_json::from_slice::<Response>(&body).is_ok();
        let body = if well_formed {
            body
        } else {
            malformed += 1;
            format!(r#"{{"jsonrpc":"2.0","id":"privlint-malformed-{malformed}","method":"{MALFORMED}"}}"#)
                .into_bytes()
        };
        output
            .write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes())
            .await?;
        output.write_all(&body).await?;
        output.flush().await?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn pass(input: &[u8]) -> String {
        let mut out = Vec::new();
        guard(input, &mut out).await.unwrap();
        String::from_utf8(out).unwrap()
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
}
