//! `privlint fmt`: one canonical layout for a declaration.
//!
//! Two spaces of indentation per block, one statement per line, one space between the values
//! of a group and `, ` between groups, at most one blank line in a row, two spaces before a
//! trailing comment. What the author chose and a reader relies on is kept: comments (exactly),
//! the line breaks after commas in a long list, and a block of one statement written on one
//! line (`category health "Helse" { special }`). Line ends follow the file's first line end.
//! A file with syntax errors is not formatted: guessing its structure could change its meaning.

use tree_sitter::Node;

use crate::syntax;
use crate::text::Span;

const INDENT: &str = "  ";

/// Formats a declaration, or gives the first place the parser could not read.
pub fn format(text: &str) -> Result<String, Span> {
    let tree = syntax::parse(text, None);
    let root = tree.root_node();
    if let Some(error) = first_error(root) {
        return Err(error);
    }
    let newline = if text.contains("\r\n") && text.find('\n') == text.find("\r\n").map(|i| i + 1) {
        "\r\n"
    } else {
        "\n"
    };
    let mut writer = Writer {
        text,
        out: String::with_capacity(text.len()),
        newline,
        last_row: 0,
        after_comment: false,
        depth: 0,
    };
    writer.container(root);
    if !writer.out.is_empty() {
        writer.out.push_str(newline);
    }
    Ok(writer.out)
}

/// The first text the checker reports as `syntax-error`: an ERROR or MISSING node, or a string
/// left open.
fn first_error(root: Node) -> Option<Span> {
    let mut cursor = root.walk();
    loop {
        let node = cursor.node();
        if node.is_error() || node.is_missing() || node.kind() == "unterminated_string" {
            return Some(Span::new(node.start_byte(), node.end_byte()));
        }
        if cursor.goto_first_child() {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                return None;
            }
        }
    }
}

struct Writer<'t> {
    text: &'t str,
    out: String,
    newline: &'static str,
    /// The source row where the last written token ended.
    last_row: usize,
    /// Whether the current output line ends in a comment (so the next token needs a new line).
    after_comment: bool,
    depth: usize,
}

impl Writer<'_> {
    fn source(&self, node: Node) -> &str {
        &self.text[node.start_byte()..node.end_byte()]
    }

    /// Starts a line for `node` at the current depth, keeping one blank line where the source
    /// had one or more (but not at the start of a file or block).
    fn start_line(&mut self, node: Node, first: bool) {
        if !self.out.is_empty() {
            self.out.push_str(self.newline);
            if !first && node.start_position().row > self.last_row + 1 {
                self.out.push_str(self.newline);
            }
        }
        for _ in 0..self.depth {
            self.out.push_str(INDENT);
        }
        self.after_comment = false;
    }

    fn token(&mut self, text: &str, node: Node) {
        self.out.push_str(text);
        self.last_row = node.end_position().row;
    }

    /// A comment: after the last token when it stands on the same source row, else on a line
    /// of its own.
    fn comment(&mut self, node: Node, first: bool) {
        let trailing = node.start_position().row == self.last_row && !self.out.is_empty();
        if trailing && !self.out.ends_with(self.newline) {
            self.out.push_str("  ");
        } else {
            self.start_line(node, first);
        }
        let text = self.source(node).trim_end().to_string();
        self.token(&text, node);
        self.after_comment = true;
    }

    /// The statements and comments of a file or a block.
    fn container(&mut self, node: Node) {
        let mut cursor = node.walk();
        let mut first = true;
        for child in node.children(&mut cursor) {
            match child.kind() {
                "statement" => {
                    self.start_line(child, first);
                    self.statement(child);
                    first = false;
                }
                "comment" => {
                    self.comment(child, first);
                    first = false;
                }
                _ => {} // separators and braces
            }
        }
    }

    fn statement(&mut self, node: Node) {
        let mut cursor = node.walk();
        for child in node.children(&mut cursor) {
            match child.kind() {
                "identifier" => {
                    let name = self.source(child).to_string();
                    self.token(&name, child);
                }
                "arguments" => {
                    self.out.push(' ');
                    self.arguments(child);
                }
                "block" => self.block(child),
                "comment" => self.comment(child, false),
                _ => {}
            }
        }
    }

    /// Continues a statement on a new line, indented two levels deeper than the statement.
    fn continuation(&mut self) {
        self.out.push_str(self.newline);
        for _ in 0..self.depth + 2 {
            self.out.push_str(INDENT);
        }
        self.after_comment = false;
    }

    fn arguments(&mut self, node: Node) {
        let mut cursor = node.walk();
        let mut after_comma = false;
        for child in node.children(&mut cursor) {
            match child.kind() {
                "group" => {
                    if self.after_comment
                        || (after_comma && child.start_position().row > self.last_row)
                    {
                        self.continuation();
                    } else if after_comma {
                        self.out.push(' ');
                    }
                    self.group(child);
                    after_comma = false;
                }
                "," => {
                    self.token(",", child);
                    after_comma = true;
                }
                "comment" => self.comment(child, false),
                _ => {}
            }
        }
    }

    fn group(&mut self, node: Node) {
        let mut cursor = node.walk();
        let mut first = true;
        for child in node.children(&mut cursor) {
            if child.kind() == "comment" {
                self.comment(child, false);
                continue;
            }
            if self.after_comment {
                self.continuation();
            } else if !first {
                self.out.push(' ');
            }
            let value = match child.kind() {
                // `90   days` means `90 days`.
                "duration" => self
                    .source(child)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                _ => self.source(child).to_string(),
            };
            self.token(&value, child);
            first = false;
        }
    }

    fn block(&mut self, node: Node) {
        let mut cursor = node.walk();
        let children: Vec<Node> = node.children(&mut cursor).collect();
        let statements: Vec<Node> = children
            .iter()
            .copied()
            .filter(|c| c.kind() == "statement")
            .collect();
        let comments = children.iter().any(|c| c.kind() == "comment");
        let open = children[0];
        if self.after_comment {
            self.continuation();
        } else {
            self.out.push(' ');
        }
        if statements.is_empty() && !comments {
            self.token("{}", node);
            return;
        }
        let one_line = node.start_position().row == node.end_position().row;
        if one_line
            && !comments
            && statements.len() == 1
            && statements[0].child_by_field_name("body").is_none()
        {
            self.token("{ ", open);
            self.statement(statements[0]);
            self.token(" }", node);
            return;
        }
        self.token("{", open);
        self.depth += 1;
        self.container(node);
        self.depth -= 1;
        self.out.push_str(self.newline);
        for _ in 0..self.depth {
            self.out.push_str(INDENT);
        }
        self.after_comment = false;
        self.token("}", node);
    }
}

#[cfg(test)]
mod tests {
    use super::format;

    fn formats(input: &str, expected: &str) {
        let once = format(input).unwrap();
        assert_eq!(once, expected, "formatting\n{input}");
        assert_eq!(format(&once).unwrap(), once, "formatting is idempotent");
    }

    #[test]
    fn indents_spaces_and_one_statement_per_line() {
        formats(
            "controller   c  \"C\"{\ncountry NO;email \"e\"\n      }\n\n\n\npurpose p \"P\" {\n data a ,b,c\n}",
            "controller c \"C\" {\n  country NO\n  email \"e\"\n}\n\npurpose p \"P\" {\n  data a, b, c\n}\n",
        );
    }

    #[test]
    fn keeps_comments_and_line_breaks_in_lists() {
        formats(
            "# head\nrights {   # expect: x\n  # lone\n  access # Art. 15\n}\ndata a,\n b, # why\n   c\n",
            "# head\nrights {  # expect: x\n  # lone\n  access  # Art. 15\n}\ndata a,\n    b,  # why\n    c\n",
        );
    }

    #[test]
    fn keeps_one_line_blocks_of_one_statement_and_empty_blocks() {
        formats(
            "category h \"H\" {special}\ndpo \"D\" {   }\nrights { access; erasure }\n",
            "category h \"H\" { special }\ndpo \"D\" {}\nrights {\n  access\n  erasure\n}\n",
        );
    }

    #[test]
    fn normalises_durations_and_keeps_text_blocks() {
        formats(
            "retention 90   days\nlogic \"\"\"line one\n   line two\"\"\"\n",
            "retention 90 days\nlogic \"\"\"line one\n   line two\"\"\"\n",
        );
    }

    #[test]
    fn keeps_crlf_line_ends() {
        formats("access\r\nerasure\r\n", "access\r\nerasure\r\n");
    }

    #[test]
    fn refuses_a_file_with_syntax_errors() {
        let span = format("purpose p \"P\" {\n  dpia \"open\n}\n").unwrap_err();
        assert!(span.start > 0);
        assert_eq!(format("").unwrap(), "");
    }
}
