//! Parsing with the tree-sitter grammar, a section at a time.
//!
//! A file is cut into *sections*: each top-level statement, with its block, its continuation
//! lines and the comments and blank lines before it. Each section is parsed on its own and read
//! into an [`Outline`] (statements, values, comments and syntax problems, without the tree),
//! which is what the model is built from. This is why:
//! - a syntax error stays inside its section, so it never hides what the rest of the file says;
//! - sections of a large file are parsed in parallel, and each tree is dropped once it is read;
//! - the language server reads again only the sections an edit touched.
//!
//! A section ends only where a parse of the whole file would be back at the top level: after a
//! line break that is outside every block, string, text block and comment, and not right after
//! a comma (which continues the list on the next line). So a file without syntax errors gives
//! the same statements as a parse of the whole file.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use tree_sitter::{Node, Parser, Query, QueryCursor, StreamingIterator, Tree};

use crate::cancel::{CancelToken, Cancelled};
use crate::model::SyntaxProblem;
use crate::text::{LineIndex, Span};

/// Parses the whole of `text`, reusing `old` (already edited with `Tree::edit`) when given.
/// The formatter and the editor's navigation work on this tree; checking works on sections.
pub fn parse(text: &str, old: Option<&Tree>) -> Tree {
    with_parser(|parser| parser.parse(text, old))
}

fn with_parser(parse: impl FnOnce(&mut Parser) -> Option<Tree>) -> Tree {
    thread_local! {
        static PARSER: RefCell<Parser> = RefCell::new({
            let mut parser = Parser::new();
            parser
                .set_language(&tree_sitter_privacy::LANGUAGE.into())
                .expect("the grammar is generated for this tree-sitter version");
            parser
        });
    }
    PARSER.with_borrow_mut(|parser| {
        parse(parser).expect("parsing cannot fail: no timeout or cancellation flag is set")
    })
}

/// A piece of text coloured by the grammar's highlight query (`queries/highlights.scm`): its
/// byte range and the query's capture name (`keyword`, `string`, `comment`, ...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Highlight {
    pub range: Range<usize>,
    pub capture: &'static str,
}

/// The highlights of `text` by the grammar's own highlight query, in text order. Where patterns
/// capture the same node, the earlier pattern wins (the query's convention); captures whose
/// name starts with `_` are the query's helpers and colour nothing.
pub fn highlights(text: &str) -> Vec<Highlight> {
    static QUERY: OnceLock<Query> = OnceLock::new();
    let query = QUERY.get_or_init(|| {
        Query::new(
            &tree_sitter_privacy::LANGUAGE.into(),
            tree_sitter_privacy::HIGHLIGHTS_QUERY,
        )
        .expect("highlights.scm is written for this grammar")
    });
    let tree = parse(text, None);
    let mut cursor = QueryCursor::new();
    // By start, end: the pattern that captured the node, and the capture.
    let mut best: BTreeMap<(usize, usize), (usize, &'static str)> = BTreeMap::new();
    let mut matches = cursor.matches(query, tree.root_node(), text.as_bytes());
    while let Some(found) = matches.next() {
        for capture in found.captures() {
            let name = query.capture_names()[capture.index as usize];
            if name.starts_with('_') {
                continue;
            }
            let range = (capture.node.start_byte(), capture.node.end_byte());
            let entry = best.entry(range).or_insert((found.pattern_index, name));
            if found.pattern_index < entry.0 {
                *entry = (found.pattern_index, name);
            }
        }
    }
    best.into_iter()
        .map(|((start, end), (_, capture))| Highlight {
            range: start..end,
            capture,
        })
        .collect()
}

/// A section of a file, read: where it starts and what it says.
#[derive(Clone, Debug)]
pub struct Section {
    pub start: usize,
    pub outline: Arc<Outline>,
}

impl Section {
    /// The span in the file of a span of the outline (which counts from the section's start).
    pub fn in_file(&self, span: Span) -> Span {
        Span::new(self.start + span.start, self.start + span.end)
    }
}

/// Files smaller than this are read on the calling thread: for them, starting work on other
/// threads costs more than it saves.
pub(crate) const PARALLEL_FROM: usize = 64 * 1024;

/// Cuts `text` into sections and reads each (in parallel for a large text).
pub fn read(text: &str) -> Vec<Section> {
    crate::cancel::uncancelled(read_until(text, &CancelToken::never()))
}

/// [`read`], stopping before the next section once `cancel` is cancelled.
pub fn read_until(text: &str, cancel: &CancelToken) -> Result<Vec<Section>, Cancelled> {
    let ranges = sections(text);
    let read_one = |range: &Range<usize>| {
        cancel.check()?;
        Ok(Section {
            start: range.start,
            outline: Arc::new(Outline::read(&text[range.clone()])),
        })
    };
    if text.len() < PARALLEL_FROM {
        ranges.iter().map(read_one).collect()
    } else {
        use rayon::prelude::*;
        ranges.par_iter().with_min_len(64).map(read_one).collect()
    }
}

/// The byte ranges of the sections of `text`, in order, covering it without gaps.
pub fn sections(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    // Whether the last token was a comma (the list goes on after the line break), and whether
    // the section has a statement yet (comments and blank lines go with the next statement).
    let mut after_comma = false;
    let mut has_statement = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' | b'\r' => {
                i += if bytes[i..].starts_with(b"\r\n") {
                    2
                } else {
                    1
                };
                if depth == 0 && !after_comma && has_statement {
                    ranges.push(start..i);
                    start = i;
                    has_statement = false;
                }
                continue;
            }
            b' ' | b'\t' | b'\x0C' => {}
            b'#' => {
                i = line_end(bytes, i);
                continue;
            }
            b'"' => {
                i = string_end(bytes, i);
                after_comma = false;
                has_statement = true;
                continue;
            }
            b'{' => {
                depth += 1;
                after_comma = false;
            }
            b'}' => {
                depth = depth.saturating_sub(1);
                after_comma = false;
            }
            b',' => after_comma = true,
            _ => {
                after_comma = false;
                has_statement = true;
                // The rest of a word or number at once: most of a file is plain text.
                i += 1;
                while i < bytes.len() && !is_special(bytes[i]) {
                    i += 1;
                }
                continue;
            }
        }
        i += 1;
    }
    if start < bytes.len() || ranges.is_empty() {
        ranges.push(start..bytes.len());
    }
    ranges
}

/// The bytes that [`sections`] looks at one by one.
fn is_special(byte: u8) -> bool {
    matches!(
        byte,
        b'\n' | b'\r' | b' ' | b'\t' | b'\x0C' | b'#' | b'"' | b'{' | b'}' | b','
    )
}

fn line_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map_or(bytes.len(), |n| from + n)
}

/// The end of the string, text block or unterminated string that starts at `from`, as the
/// grammar's tokens read it: a `"""` block runs to the next `"""` (and is an empty string
/// followed by another when there is none); a string ends at its closing quote or, left open,
/// at the end of its line.
fn string_end(bytes: &[u8], from: usize) -> usize {
    if bytes[from..].starts_with(b"\"\"\"") {
        let body = from + 3;
        return match bytes[body..].windows(3).position(|w| w == b"\"\"\"") {
            Some(n) => body + n + 3,
            None => from + 2,
        };
    }
    let mut i = from + 1;
    loop {
        let Some(n) = bytes[i..]
            .iter()
            .position(|b| matches!(b, b'"' | b'\\' | b'\n' | b'\r'))
        else {
            return bytes.len();
        };
        i += n;
        match bytes[i] {
            b'"' => return i + 1,
            b'\\' if i + 1 < bytes.len() && !matches!(bytes[i + 1], b'\n' | b'\r') => i += 2,
            b'\\' => i += 1,
            _ => return i,
        }
    }
}

/// The kind of a value written after a statement's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    Identifier,
    Country,
    String,
    TextBlock,
    Unterminated,
    Integer,
    Duration,
    Date,
}

impl ArgKind {
    pub fn is_text(self) -> bool {
        matches!(
            self,
            ArgKind::String | ArgKind::TextBlock | ArgKind::Unterminated
        )
    }
}

/// The index of a statement in [`Outline::statements`].
pub type StatementId = u32;

const NONE: StatementId = StatementId::MAX;

/// A statement as written: spans are relative to the start of its section.
#[derive(Clone, Debug, PartialEq)]
pub struct OutlineStatement {
    pub name: Span,
    pub span: Span,
    /// Its values, in [`Outline::args`].
    pub args: Range<usize>,
    first_child: StatementId,
    next_sibling: StatementId,
}

/// A value of a statement; `group_start` marks the first value after a comma (or the first).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OutlineArg {
    pub kind: ArgKind,
    pub span: Span,
    pub group_start: bool,
}

/// A comment and the statement it stands on: the one whose first line it ends, or else the
/// one on the next line (what a suppression covers).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OutlineComment {
    pub span: Span,
    pub statement: Option<Span>,
}

/// What one section says, read from its syntax tree in one pass. Statements inside text the
/// parser could not read are still read, so that one error does not hide them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outline {
    /// Every statement, in the order they start.
    pub statements: Vec<OutlineStatement>,
    pub args: Vec<OutlineArg>,
    pub comments: Vec<OutlineComment>,
    pub problems: Vec<(Span, SyntaxProblem)>,
    /// The section's top-level statements.
    pub top: Vec<StatementId>,
}

impl Outline {
    pub fn read(text: &str) -> Outline {
        let tree = with_parser(|parser| parser.parse(text, None));
        Builder::new(text).build(&tree)
    }

    /// The statements in the block of `statement`.
    pub fn children(&self, statement: StatementId) -> impl Iterator<Item = StatementId> + '_ {
        let first = self.statements[statement as usize].first_child;
        std::iter::successors((first != NONE).then_some(first), |&id| {
            let next = self.statements[id as usize].next_sibling;
            (next != NONE).then_some(next)
        })
    }
}

/// Node kinds by number: comparing names costs a UTF-8 check per call. (A statement's parts
/// are told apart by kind — its name is its only identifier child — which is cheaper than
/// asking the cursor for field names.)
struct Grammar {
    statement: u16,
    comment: u16,
    unterminated_string: u16,
    group: u16,
    values: Vec<(u16, ArgKind)>,
    identifier: u16,
    arguments: u16,
    block: u16,
}

static GRAMMAR: std::sync::LazyLock<Grammar> = std::sync::LazyLock::new(|| {
    let language: tree_sitter::Language = tree_sitter_privacy::LANGUAGE.into();
    let kind = |name: &str| language.id_for_node_kind(name, true);
    Grammar {
        statement: kind("statement"),
        comment: kind("comment"),
        unterminated_string: kind("unterminated_string"),
        group: kind("group"),
        values: [
            ("identifier", ArgKind::Identifier),
            ("country", ArgKind::Country),
            ("string", ArgKind::String),
            ("text_block", ArgKind::TextBlock),
            ("unterminated_string", ArgKind::Unterminated),
            ("integer", ArgKind::Integer),
            ("duration", ArgKind::Duration),
            ("date", ArgKind::Date),
        ]
        .into_iter()
        .map(|(name, arg)| (kind(name), arg))
        .collect(),
        identifier: kind("identifier"),
        arguments: kind("arguments"),
        block: kind("block"),
    }
});

/// What a node is to the outline.
#[derive(Clone, Copy)]
enum Role {
    /// The file or a block (or text the parser could not read inside one): holds statements
    /// of `parent` (`None`: the top level).
    Container(Option<StatementId>),
    Statement(StatementId),
    Arguments(StatementId),
    Group(StatementId),
    /// Anything else: only comments and problems inside it matter.
    Other,
    /// Nothing inside it matters.
    Skip,
}

#[derive(Clone, Copy)]
struct Frame {
    role: Role,
    /// Inside text the parser could not read: the error is reported once, for the whole text,
    /// so comments and problems inside it are not.
    in_error: bool,
}

struct Builder<'a> {
    text: &'a str,
    outline: Outline,
    /// The last child read of each statement, to link the next one.
    last_child: Vec<StatementId>,
    /// The statements outside unreadable text, in order: what comments can stand on.
    readable: Vec<Span>,
    group_start: bool,
}

fn span_of(node: Node) -> Span {
    Span::new(node.start_byte(), node.end_byte())
}

impl<'a> Builder<'a> {
    fn new(text: &'a str) -> Self {
        Builder {
            text,
            outline: Outline::default(),
            last_child: Vec::new(),
            readable: Vec::new(),
            group_start: false,
        }
    }

    /// One walk over the tree. Iterative, so that deeply nested input cannot exhaust the stack.
    fn build(mut self, tree: &Tree) -> Outline {
        let mut cursor = tree.walk();
        let mut stack = vec![Frame {
            role: Role::Container(None),
            in_error: false,
        }];
        'walk: loop {
            let descend = !matches!(stack.last().map(|f| f.role), Some(Role::Skip));
            if descend && cursor.goto_first_child() {
                let frame = self.enter(stack[stack.len() - 1], cursor.node());
                stack.push(frame);
                continue;
            }
            loop {
                stack.pop();
                if cursor.goto_next_sibling() {
                    let frame = self.enter(stack[stack.len() - 1], cursor.node());
                    stack.push(frame);
                    continue 'walk;
                }
                if !cursor.goto_parent() {
                    break 'walk;
                }
            }
        }
        self.attach_comments();
        self.outline
    }

    /// Reads a node whose parent is `parent`, and says what it is.
    fn enter(&mut self, parent: Frame, node: Node) -> Frame {
        let in_error = parent.in_error;
        let frame = |role| Frame { role, in_error };
        if node.is_error() {
            if !in_error {
                let problem = SyntaxProblem::Unexpected(excerpt(&self.text[node.byte_range()]));
                self.outline.problems.push((span_of(node), problem));
            }
            // Statements in unreadable text are still read, where statements may stand.
            return match parent.role {
                Role::Container(owner) => Frame {
                    role: Role::Container(owner),
                    in_error: true,
                },
                _ => frame(Role::Skip),
            };
        }
        if node.is_missing() {
            if !in_error {
                let at = Span::new(node.start_byte(), node.start_byte());
                let problem = SyntaxProblem::Missing(node.kind().to_string());
                self.outline.problems.push((at, problem));
            }
            return frame(Role::Skip);
        }
        let kind = node.kind_id();
        if kind == GRAMMAR.comment {
            if !in_error {
                self.outline.comments.push(OutlineComment {
                    span: span_of(node),
                    statement: None,
                });
            }
            return frame(Role::Skip);
        }
        match parent.role {
            Role::Container(owner) if kind == GRAMMAR.statement => {
                frame(Role::Statement(self.statement(owner, node, in_error)))
            }
            Role::Statement(id) if kind == GRAMMAR.identifier => {
                self.outline.statements[id as usize].name = span_of(node);
                frame(Role::Skip)
            }
            Role::Statement(id) if kind == GRAMMAR.arguments => frame(Role::Arguments(id)),
            Role::Statement(id) if kind == GRAMMAR.block => frame(Role::Container(Some(id))),
            Role::Arguments(id) if kind == GRAMMAR.group => {
                self.group_start = true;
                frame(Role::Group(id))
            }
            Role::Group(id) => {
                if let Some(&(_, arg)) = GRAMMAR.values.iter().find(|(k, _)| *k == kind) {
                    if kind == GRAMMAR.unterminated_string && !in_error {
                        let problem = SyntaxProblem::UnterminatedString;
                        self.outline.problems.push((span_of(node), problem));
                    }
                    self.outline.args.push(OutlineArg {
                        kind: arg,
                        span: span_of(node),
                        group_start: std::mem::take(&mut self.group_start),
                    });
                    self.outline.statements[id as usize].args.end = self.outline.args.len();
                }
                frame(Role::Skip)
            }
            _ => frame(Role::Other),
        }
    }

    fn statement(&mut self, owner: Option<StatementId>, node: Node, in_error: bool) -> StatementId {
        let id = self.outline.statements.len() as StatementId;
        let span = span_of(node);
        let args = self.outline.args.len();
        self.outline.statements.push(OutlineStatement {
            name: Span::new(span.start, span.start),
            span,
            args: args..args,
            first_child: NONE,
            next_sibling: NONE,
        });
        self.last_child.push(NONE);
        match owner {
            None => self.outline.top.push(id),
            Some(owner) => {
                let previous = std::mem::replace(&mut self.last_child[owner as usize], id);
                if previous == NONE {
                    self.outline.statements[owner as usize].first_child = id;
                } else {
                    self.outline.statements[previous as usize].next_sibling = id;
                }
            }
        }
        if !in_error {
            self.readable.push(span);
        }
        id
    }

    /// A comment stands on the statement whose first line it ends, or, on a line of its own,
    /// on the one that starts on the next line. Lines are counted as the language counts them
    /// (a lone `\r` ends one too, which tree-sitter's rows do not count).
    fn attach_comments(&mut self) {
        if self.outline.comments.is_empty() {
            return;
        }
        let lines = LineIndex::new(self.text);
        // The first (outermost) statement to start on each line, in line order.
        let mut first_on_line: Vec<(usize, Span)> = Vec::new();
        for &span in &self.readable {
            let line = lines.line(span.start);
            if first_on_line.last().is_none_or(|&(last, _)| last < line) {
                first_on_line.push((line, span));
            }
        }
        let on_line = |line: usize| {
            first_on_line
                .binary_search_by_key(&line, |&(l, _)| l)
                .ok()
                .map(|i| first_on_line[i].1)
        };
        for comment in &mut self.outline.comments {
            let line = lines.line(comment.span.start);
            let before = &self.text[..comment.span.start];
            let own_line = before
                .rsplit(['\n', '\r'])
                .next()
                .unwrap_or("")
                .trim()
                .is_empty();
            comment.statement = match on_line(line) {
                Some(statement) if statement.start < comment.span.start => Some(statement),
                _ if own_line => on_line(line + 1),
                _ => None,
            };
        }
    }
}

/// The first line of some unreadable text, shortened for a message.
fn excerpt(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    match line.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<&str> {
        sections(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn a_section_is_a_top_level_statement_with_the_comments_before_it() {
        let text = "controller c \"C\" {\n  email \"e\"\n}\n\n# about p\npurpose p \"P\" { basis consent }\naccess; erasure\n";
        assert_eq!(
            cut(text),
            vec![
                "controller c \"C\" {\n  email \"e\"\n}\n",
                "\n# about p\npurpose p \"P\" { basis consent }\n",
                "access; erasure\n",
            ]
        );
    }

    #[test]
    fn sections_do_not_end_inside_blocks_strings_text_blocks_or_lists() {
        let text = "purpose p \"a { b\" {\n  data x,\n    y\n  logic \"\"\"\n}\nrights\n\"\"\"\n}\nsubject s \"S\\\"}\"\n";
        assert_eq!(
            cut(text),
            vec![
                "purpose p \"a { b\" {\n  data x,\n    y\n  logic \"\"\"\n}\nrights\n\"\"\"\n}\n",
                "subject s \"S\\\"}\"\n",
            ]
        );
    }

    #[test]
    fn an_unclosed_block_runs_to_the_end_and_an_open_string_to_the_end_of_its_line() {
        assert_eq!(
            cut("purpose p \"P {\nsubject s \"S\"\n"),
            vec!["purpose p \"P {\n", "subject s \"S\"\n"]
        );
        assert_eq!(
            cut("purpose p { basis consent\nsubject s \"S\"\n"),
            vec!["purpose p { basis consent\nsubject s \"S\"\n"]
        );
        assert_eq!(
            cut("notice \"\"\"a\"\"\"\nsubject u \"U\"\nnotice \"\"\"b\"\"\"\n"),
            vec![
                "notice \"\"\"a\"\"\"\n",
                "subject u \"U\"\n",
                "notice \"\"\"b\"\"\"\n"
            ]
        );
        assert_eq!(
            cut("subject s \"S\rpurpose p \"P\"\r"),
            vec!["subject s \"S\r", "purpose p \"P\"\r"]
        );
        assert_eq!(cut(""), vec![""]);
        assert_eq!(cut("a\r\nb\rc"), vec!["a\r\n", "b\r", "c"]);
    }

    #[test]
    fn without_syntax_errors_sections_read_as_the_whole_file_reads() {
        let text = "controller c \"C\" {  # privlint: allow x -- y\n  email \"e\"\n}\n# privlint: allow z\npurpose p \"P\" {\n  data a,\n       b\n  decision d { logic \"\"\"x\n}\"\"\" }\n}\n";
        let whole = Outline::read(text);
        let sections = read(text);
        assert_eq!(sections.len(), 2);
        let names = |outline: &Outline, base: usize| -> Vec<(usize, usize)> {
            outline
                .statements
                .iter()
                .map(|s| (base + s.span.start, base + s.span.end))
                .collect()
        };
        let mut pieces = Vec::new();
        for s in &sections {
            pieces.extend(names(&s.outline, s.start));
        }
        assert_eq!(names(&whole, 0), pieces);
        assert!(sections.iter().all(|s| s.outline.problems.is_empty()));
        let scopes: Vec<Option<Span>> = sections
            .iter()
            .flat_map(|s| s.outline.comments.iter().map(|c| c.statement))
            .collect();
        assert!(scopes.iter().all(Option::is_some), "{scopes:?}");
    }
}
