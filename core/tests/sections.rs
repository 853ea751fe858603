//! Reading a file section by section reads what a parse of the whole file reads, for every
//! file without syntax errors: the bundled examples, the contract examples and the documented
//! rule examples.

use std::path::Path;

use privlint_core::Span;
use privlint_core::rules::ALL;
use privlint_core::syntax::{self, ArgKind, Outline};

/// Everything an outline says, with spans made absolute.
#[derive(Debug, PartialEq)]
enum Item {
    Statement { name: Span, span: Span },
    Arg(ArgKind, Span, bool),
    Comment(Span, Option<Span>),
    Problem(Span),
}

fn items(outline: &Outline, base: usize) -> Vec<Item> {
    let at = |s: Span| Span::new(base + s.start, base + s.end);
    let mut found = Vec::new();
    for statement in &outline.statements {
        found.push(Item::Statement {
            name: at(statement.name),
            span: at(statement.span),
        });
        for arg in &outline.args[statement.args.clone()] {
            found.push(Item::Arg(arg.kind, at(arg.span), arg.group_start));
        }
    }
    for comment in &outline.comments {
        found.push(Item::Comment(at(comment.span), comment.statement.map(at)));
    }
    found.extend(outline.problems.iter().map(|(s, _)| Item::Problem(at(*s))));
    found
}

fn inputs() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut found = Vec::new();
    for dir in [root.join("examples"), root.join("../shared/spec/examples")] {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "privacy") {
                found.push((
                    path.display().to_string(),
                    std::fs::read_to_string(&path).unwrap(),
                ));
            }
        }
    }
    // What could make a cut go wrong: lists continued after a comma at the top level, braces,
    // quotes and `#` inside strings, text blocks and comments, and every kind of line end.
    found.push((
        "tricky".into(),
        concat!(
            "subject s \"S {\",\n",
            "  \"more }\" # a comment { with a brace\n",
            "category c \"C \\\" } # not a comment\" { includes \"a\", \"b\" }\r\n",
            "notice \"\"\"\n",
            "purpose fake \"in a text block\" {\n",
            "\"\"\"\r",
            "purpose p \"P\" {\n  data c,\n\n     c\n}\n",
            "rights { access } # }\n",
            "subject t \"T \\\" {\"\n",
            "notice \"\"\"a\"\"\"\n",
            "subject u \"U\"\n",
            "notice \"\"\"b\"\"\"\n",
        )
        .into(),
    ));
    for rule in ALL {
        let docs = rule.meta().documentation();
        for (i, block) in docs.split("```privacy\n").skip(1).enumerate() {
            let example = block.split("```").next().unwrap_or("");
            found.push((format!("{} example {i}", rule.meta().name), example.into()));
        }
    }
    found
}

#[test]
fn sections_read_what_the_whole_file_reads() {
    let inputs = inputs();
    assert!(
        inputs.len() > 60,
        "the examples are there: {}",
        inputs.len()
    );
    let mut compared = 0;
    for (name, text) in &inputs {
        let whole = Outline::read(text);
        if !whole.problems.is_empty() {
            continue; // syntax.privacy and friends: recovery may differ, on purpose
        }
        let mut pieces = Vec::new();
        let sections = syntax::read(text);
        for section in &sections {
            pieces.extend(items(&section.outline, section.start));
        }
        let mut expected = items(&whole, 0);
        // Comments and problems are listed per section; compare them in file order.
        let order = |items: &mut Vec<Item>| {
            items.sort_by_key(|item| match item {
                Item::Statement { span, .. } => (0, span.start, 0),
                Item::Arg(_, span, _) => (0, span.start, 1),
                Item::Comment(span, _) => (1, span.start, 0),
                Item::Problem(span) => (2, span.start, 0),
            })
        };
        order(&mut expected);
        order(&mut pieces);
        assert_eq!(expected, pieces, "{name}");
        compared += 1;
    }
    assert!(compared > 60, "{compared} files compared");
}

#[test]
fn a_syntax_error_in_one_purpose_leaves_the_next_one_whole() {
    let text = "purpose a \"A\" { basis consent ) }\npurpose b \"B\" {\n  basis contract\n}\n";
    let sections = syntax::read(text);
    assert_eq!(sections.len(), 2);
    assert!(!sections[0].outline.problems.is_empty());
    assert!(sections[1].outline.problems.is_empty());
    let b = &sections[1].outline;
    let names: Vec<&str> = b
        .statements
        .iter()
        .map(|s| &text[sections[1].start + s.name.start..sections[1].start + s.name.end])
        .collect();
    assert_eq!(names, ["purpose", "basis"]);
}
