use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use crate::text::Span;

declare_rule! {
    /// ## What it checks
    /// A file that is not valid UTF-8, for example one saved as Latin-1 or Windows-1252. It is
    /// reported at 1:1 with the place of the first byte that is not UTF-8, and not checked
    /// further: guessing the encoding would silently change names such as `Førde`.
    ///
    /// ## Why
    /// Declarations are UTF-8 (language.md §1), so that `æ ø å` mean the same to every tool.
    ///
    /// ## Example
    /// A file saved as Latin-1, where `ø` is the single byte `0xF8`.
    ///
    /// ## Fix
    /// Save the file as UTF-8 (in VS Code: "Save with Encoding" → UTF-8).
    pub struct InvalidUtf8 {
        name: "invalid-utf8",
        severity: Error,
        scope: Declaration,
        article: "",
        fix: Never,
        summary: [
            "filen er ikke UTF-8",
            "fila er ikkje UTF-8",
            "the file is not UTF-8",
        ],
    }
}

/// Reported when the file is decoded, before any model exists.
impl Rule for InvalidUtf8 {}

impl InvalidUtf8 {
    /// The diagnostic for bytes that failed to decode.
    pub fn diagnostic(bytes: &[u8], error: std::str::Utf8Error) -> Diagnostic {
        let valid = &bytes[..error.valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let byte = bytes[error.valid_up_to()];
        Diagnostic::new(
            &Self::META,
            Span::new(0, 0),
            format!(
                "the file is not UTF-8: byte 0x{byte:02X} on line {line} (offset {}) is not valid UTF-8; save the file as UTF-8",
                error.valid_up_to()
            ),
        )
    }
}
