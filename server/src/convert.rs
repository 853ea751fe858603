//! Conversions between core's byte spans and LSP's positions and ranges (in the encoding
//! negotiated at `initialize`), and core's diagnostics as LSP diagnostics.

use privlint_core::{ColumnUnit, Diagnostic, Severity, Span};
use tower_lsp_server::ls_types::{self as lsp, Uri};

use crate::document::Document;

/// Converts between byte spans and LSP ranges in the negotiated encoding.
#[derive(Clone, Copy)]
pub struct Positions<'d> {
    pub doc: &'d Document,
    pub unit: ColumnUnit,
    /// The files of the declaration `doc` is one file of, if it is one of several: then the
    /// model's spans count in the declaration's files laid end to end.
    pub files: Option<&'d Files<'d>>,
}

/// The files of a declaration of several files, as the language server holds them: for
/// mapping the spans of the declaration's model (in the files laid end to end, as
/// [`privlint_core::combined::Combined`] lays them) and related locations to locations.
pub struct Files<'d> {
    /// Where each file starts in the combined text.
    pub starts: &'d [usize],
    pub members: Vec<(&'d Uri, &'d Document)>,
    pub unit: ColumnUnit,
}

impl<'d> Files<'d> {
    /// The file a span of the model is in, and the span in that file.
    pub fn locate(&self, span: Span) -> (usize, Span) {
        privlint_core::combined::locate_span(self.starts, span)
    }

    /// A file's URI and positions.
    pub fn file(&self, file: usize) -> Option<(&'d Uri, Positions<'d>)> {
        let (uri, doc) = self.members.get(file)?;
        Some((
            uri,
            Positions {
                doc,
                unit: self.unit,
                files: None,
            },
        ))
    }

    /// The location of a span in one of the files.
    pub fn location(&self, file: usize, span: Span) -> Option<lsp::Location> {
        let (uri, at) = self.file(file)?;
        Some(lsp::Location {
            uri: uri.clone(),
            range: at.range(span),
        })
    }
}

impl<'d> Positions<'d> {
    pub fn new(doc: &'d Document, unit: ColumnUnit) -> Positions<'d> {
        Positions {
            doc,
            unit,
            files: None,
        }
    }

    /// Whether the model and diagnostics are of the texts as they are now (of every file of the
    /// declaration). Requests read the last analysis rather than wait for a check; what they
    /// answer with edits at its spans needs it current.
    pub fn analysis_is_current(&self) -> bool {
        let stale = |doc: &Document| doc.analysis_is_stale();
        !stale(self.doc)
            && self
                .files
                .is_none_or(|files| !files.members.iter().any(|(_, doc)| stale(doc)))
    }

    /// Where a span of the model is: in this document (`uri`), or in another file of its
    /// declaration. `None` when the file is not known.
    pub fn model_location(&self, uri: &Uri, span: Span) -> Option<lsp::Location> {
        match self.files {
            None => Some(lsp::Location {
                uri: uri.clone(),
                range: self.range(span),
            }),
            Some(files) => {
                let (file, span) = files.locate(span);
                files.location(file, span)
            }
        }
    }

    /// The text a span of the model is in, and the span in it.
    pub(crate) fn model_text(&self, span: Span) -> Option<(&'d Document, Span)> {
        match self.files {
            None => Some((self.doc, span)),
            Some(files) => {
                let (file, span) = files.locate(span);
                files.members.get(file).map(|(_, doc)| (*doc, span))
            }
        }
    }
    pub fn range(&self, span: Span) -> lsp::Range {
        lsp::Range {
            start: self.position(span.start),
            end: self.position(span.end),
        }
    }

    pub fn position(&self, offset: usize) -> lsp::Position {
        let p = self.doc.position(offset, self.unit);
        lsp::Position {
            line: p.line as u32,
            character: p.column as u32,
        }
    }

    pub fn offset(&self, position: lsp::Position) -> Option<usize> {
        self.doc.offset(core_position(position), self.unit)
    }
}

pub fn core_position(p: lsp::Position) -> privlint_core::Position {
    privlint_core::Position {
        line: p.line as usize,
        column: p.character as usize,
    }
}

/// The LSP form of a diagnostic: the rule name as code, "privlint" as source, related
/// locations as related information.
pub fn diagnostic(at: Positions, uri: &Uri, d: &Diagnostic) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: at.range(d.span),
        severity: Some(match d.severity {
            Severity::Error => lsp::DiagnosticSeverity::ERROR,
            Severity::Warning => lsp::DiagnosticSeverity::WARNING,
            Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
        }),
        code: Some(lsp::NumberOrString::String(d.rule.name.to_string())),
        source: Some("privlint".to_string()),
        message: d.message.clone(),
        related_information: (!d.related.is_empty()).then(|| {
            d.related
                .iter()
                .map(|r| lsp::DiagnosticRelatedInformation {
                    location: r
                        .file
                        .and_then(|file| at.files?.location(file, r.span))
                        .unwrap_or_else(|| lsp::Location {
                            uri: uri.clone(),
                            range: at.range(r.span),
                        }),
                    message: r.message.clone(),
                })
                .collect()
        }),
        ..lsp::Diagnostic::default()
    }
}
