//! What must hold for every text, checked the same way by the example tests, the property
//! tests and the `check` fuzz target (which includes this file by path): diagnostics point
//! into the text, and formatting keeps the meaning (model and diagnostics, spans aside) and is
//! idempotent.

use privlint_core::{
    Diagnostic, Settings, Severity, Span, check, format::format, lower::lower, syntax,
};

/// The model's Debug form with every span's offsets blanked out.
pub fn model_without_spans(text: &str) -> String {
    let model = format!("{:?}", lower(text, &syntax::read(text)));
    let mut out = String::with_capacity(model.len());
    let mut rest = model.as_str();
    while let Some(at) = rest.find("Span { start: ") {
        out.push_str(&rest[..at]);
        let end = rest[at..]
            .find('}')
            .expect("a Span's Debug form ends with }")
            + at
            + 1;
        out.push_str("Span");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// What the diagnostics say, spans aside: rule, severity and message, sorted (diagnostics
/// are ordered by position, which a comment that moves to another line changes).
pub fn findings(diagnostics: &[Diagnostic]) -> Vec<(&'static str, Severity, &str)> {
    let mut findings: Vec<_> = diagnostics
        .iter()
        .map(|d| (d.rule.name, d.severity, d.message.as_str()))
        .collect();
    findings.sort_unstable();
    findings
}

/// Every span of every diagnostic (primary, related, and the edits of its fix) is a range of
/// the text whose ends are character boundaries, so that slicing the text with it, or turning
/// it into a line and column, cannot fail.
pub fn assert_spans_inside(name: &str, text: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        let related = d.related.iter().map(|r| r.span);
        let edits = d.fix.iter().flat_map(|f| f.edits.iter().map(|e| e.span));
        for span in std::iter::once(d.span).chain(related).chain(edits) {
            assert!(
                is_inside(text, span),
                "{name}: {span:?} of `{}` ({}) is not a range of the text's characters \
                 (length {}):\n{text:?}",
                d.rule.name,
                d.message,
                text.len(),
            );
        }
    }
}

fn is_inside(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// Formats `text` (whose diagnostics with the default settings are given) and asserts that the formatted text has the
/// same model and diagnostics, spans aside, and formats to itself. Returns whether the text
/// was formatted: one with syntax errors is refused, which must then be what the checker says.
pub fn assert_formatting_keeps_meaning(name: &str, text: &str, diagnostics: &[Diagnostic]) -> bool {
    let Ok(formatted) = format(text) else {
        assert!(
            diagnostics.iter().any(|d| d.rule.name == "syntax-error"),
            "{name}: the formatter refused a text without syntax errors:\n{text:?}"
        );
        return false;
    };
    assert_eq!(
        findings(diagnostics),
        findings(&check(&formatted, &Settings::default())),
        "{name}: formatting changed the diagnostics of\n{text:?}\nformatted:\n{formatted:?}"
    );
    assert_eq!(
        model_without_spans(text),
        model_without_spans(&formatted),
        "{name}: formatting changed the model of\n{text:?}\nformatted:\n{formatted:?}"
    );
    assert_eq!(
        format(&formatted).as_ref(),
        Ok(&formatted),
        "{name}: formatting is not idempotent on\n{text:?}\nformatted once:\n{formatted:?}"
    );
    true
}
