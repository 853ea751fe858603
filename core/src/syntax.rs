//! Parsing with the tree-sitter grammar.

use tree_sitter::{Parser, Tree};

/// Parses `text`, reusing `old` (already edited with `Tree::edit`) when given.
pub fn parse(text: &str, old: Option<&Tree>) -> Tree {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_privacy::LANGUAGE.into())
        .expect("the grammar is generated for this tree-sitter version");
    parser
        .parse(text, old)
        .expect("parsing cannot fail: no timeout or cancellation flag is set")
}
