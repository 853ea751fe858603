//! `textDocument/codeAction`: quick fixes for the diagnostics in a range.

use std::collections::HashMap;

use privlint_core::Span;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{self as lsp, Uri};

use crate::Backend;
use crate::convert::Positions;
use crate::convert::diagnostic;
use crate::scheduler::Reads;

pub async fn handle(
    backend: &Backend,
    params: lsp::CodeActionParams,
) -> Result<Option<lsp::CodeActionResponse>> {
    let uri = params.text_document.uri.clone();
    let range = params.range;
    backend
        .with_document(&params.text_document.uri, Reads::All, move |at| {
            code_actions(at, &uri, range)
                .into_iter()
                .map(lsp::CodeActionOrCommand::CodeAction)
                .collect()
        })
        .await
}

/// Quick fixes for the diagnostics in a range: the rule's own fix where it is certain, and a
/// suppression comment with a reason to fill in. None while the text is being checked: the
/// spans of the last findings may no longer be where their edits would go (the editor asks
/// again when the new findings are published).
pub fn code_actions(at: Positions, uri: &Uri, range: lsp::Range) -> Vec<lsp::CodeAction> {
    if !at.analysis_is_current() {
        return Vec::new();
    }
    let doc = at.doc;
    let (Some(start), Some(end)) = (at.offset(range.start), at.offset(range.end)) else {
        return Vec::new();
    };
    let mut actions = Vec::new();
    for d in doc
        .diagnostics
        .iter()
        .filter(|d| d.span.start <= end && start <= d.span.end)
    {
        let lsp_diagnostic = diagnostic(at, uri, d);
        let edit = |edits: Vec<lsp::TextEdit>| lsp::WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..lsp::WorkspaceEdit::default()
        };
        if let Some(fix) = &d.fix {
            actions.push(lsp::CodeAction {
                title: fix.title.clone(),
                kind: Some(lsp::CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp_diagnostic.clone()]),
                edit: Some(edit(
                    fix.edits
                        .iter()
                        .map(|e| lsp::TextEdit {
                            range: at.range(e.span),
                            new_text: e.text.clone(),
                        })
                        .collect(),
                )),
                is_preferred: Some(true),
                ..lsp::CodeAction::default()
            });
        }
        if d.rule.name == "syntax-error" || d.rule.name == "unused-suppression" {
            continue;
        }
        let line_start = doc.text[..d.span.start]
            .rfind(['\n', '\r'])
            .map_or(0, |i| i + 1);
        let indent: String = doc.text[line_start..]
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        let newline = if doc.text.contains("\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        actions.push(lsp::CodeAction {
            title: format!("Suppress `{}` here, with a reason", d.rule.name),
            kind: Some(lsp::CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![lsp_diagnostic]),
            edit: Some(edit(vec![lsp::TextEdit {
                range: at.range(Span::new(line_start, line_start)),
                new_text: format!(
                    "{indent}# privlint: allow {} -- reason: why this is lawful here{newline}",
                    d.rule.name
                ),
            }])),
            ..lsp::CodeAction::default()
        });
    }
    actions
}
