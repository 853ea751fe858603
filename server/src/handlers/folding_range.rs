//! `textDocument/foldingRange`: every block that spans lines folds.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types as lsp;

use crate::Backend;
use crate::convert::Positions;
use crate::scheduler::Reads;

pub async fn handle(
    backend: &Backend,
    params: lsp::FoldingRangeParams,
) -> Result<Option<Vec<lsp::FoldingRange>>> {
    backend
        .with_document(&params.text_document.uri, Reads::All, folding_ranges)
        .await
}

pub fn folding_ranges(at: Positions) -> Vec<lsp::FoldingRange> {
    let mut ranges = Vec::new();
    let mut cursor = at.doc.tree().root_node().walk();
    // Walk every node; blocks that span lines fold.
    'walk: loop {
        let node = cursor.node();
        if node.kind() == "block" && node.end_position().row > node.start_position().row {
            let start = at.position(node.start_byte());
            let end = at.position(node.end_byte());
            ranges.push(lsp::FoldingRange {
                start_line: start.line,
                end_line: end.line.saturating_sub(1).max(start.line),
                kind: Some(lsp::FoldingRangeKind::Region),
                ..lsp::FoldingRange::default()
            });
        }
        if cursor.goto_first_child() {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                break 'walk;
            }
        }
    }
    ranges
}
