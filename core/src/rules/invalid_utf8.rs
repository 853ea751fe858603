use crate::NotUtf8;
use crate::diagnostic::Diagnostic;
use crate::lang::Language;
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
    messages {
        NOT_UTF8 = [
            "filen er ikke UTF-8: byte 0x{byte} på linje {line} (posisjon {offset}) er ikke gyldig UTF-8; lagre filen som UTF-8",
            "fila er ikkje UTF-8: byte 0x{byte} på line {line} (posisjon {offset}) er ikkje gyldig UTF-8; lagre fila som UTF-8",
            "the file is not UTF-8: byte 0x{byte} on line {line} (offset {offset}) is not valid UTF-8; save the file as UTF-8",
        ];
    }
}

/// Reported when the file is decoded, before any model exists.
impl Rule for InvalidUtf8 {}

impl InvalidUtf8 {
    /// The diagnostic for a file that is not UTF-8, written in `language`.
    pub fn diagnostic(not_utf8: NotUtf8, language: Language) -> Diagnostic {
        let message = Self::NOT_UTF8.fill(
            language,
            &[
                ("byte", &format!("{:02X}", not_utf8.byte)),
                ("line", &not_utf8.line),
                ("offset", &not_utf8.offset),
            ],
        );
        Diagnostic::new(&Self::META, Span::new(0, 0), message)
    }
}
