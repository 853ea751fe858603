//! Properties of `check` and `fmt` over generated texts: declarations built from the language's
//! vocabulary in varied layouts, and arbitrary strings rich in its punctuation. For every text,
//! checking does not panic, every diagnostic points at characters of the text, and a text the
//! formatter accepts keeps its model and diagnostics and is formatted to itself a second time.
//!
//! `PROPTEST_CASES=5000 cargo test -p privlint-core --test properties` runs more cases than the
//! default. A failing case is shrunk, and its seed saved in `properties.proptest-regressions`
//! (commit it: the case is then tried first on every run).

mod common;

use common::{assert_formatting_keeps_meaning, assert_spans_inside};
use privlint_core::fields::{self, Block, Field, Takes};
use privlint_core::incremental::Workspace;
use privlint_core::model::Kind;
use privlint_core::pipeline::check_declaration;
use privlint_core::vocab::{
    DerogationGround, INTERNATIONAL_ORGANISATIONS, TransferSafeguard, Vocabulary,
};
use privlint_core::{CancelToken, Diagnostic, Settings, check, format::format, rules::ALL};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::{Union, ValueTree};
use proptest::test_runner::TestRunner;

proptest! {
    #![proptest_config(config())]

    #[test]
    fn declarations_are_checked_and_formatted_faithfully(text in declaration()) {
        holds_for(&text);
    }

    #[test]
    fn any_text_is_checked_and_formatted_faithfully(text in any_text()) {
        holds_for(&text);
    }
}

proptest! {
    #![proptest_config(config_with_default(128))]

    /// After every edit of a declaration of several files, the workspace (which keeps the
    /// sections of unchanged text) reports what checking the files afresh reports.
    #[test]
    fn an_incremental_check_reports_what_a_fresh_one_does(edits in edits()) {
        let names = ["a.privacy", "sys/b.privacy", "c.privacy"];
        let mut workspace = Workspace::new();
        let mut files: Vec<Option<String>> = vec![None; names.len()];
        let settings = Settings::default();
        for edit in edits {
            match edit {
                Edit::Remove(f) => {
                    workspace.remove_file(names[f]);
                    files[f] = None;
                }
                Edit::Splice(f, at, inserted) => {
                    let mut text = files[f].take().unwrap_or_default();
                    let mut at = at.index(text.len() + 1);
                    while !text.is_char_boundary(at) {
                        at -= 1;
                    }
                    text.insert_str(at, &inserted);
                    workspace.set_file(names[f], text.clone());
                    files[f] = Some(text);
                }
            }
            let mut present: Vec<(&str, &str)> = names
                .iter()
                .zip(&files)
                .filter_map(|(name, text)| Some((*name, text.as_deref()?)))
                .collect();
            present.sort_by(|a, b| std::path::Path::new(a.0).cmp(std::path::Path::new(b.0)));
            let fresh = check_declaration(&present, &settings, &CancelToken::never()).unwrap();
            let kept = workspace.check(&settings, &CancelToken::never()).unwrap();
            let fresh: Vec<(&str, &Vec<Diagnostic>)> =
                fresh.files.iter().map(|f| (f.name.as_str(), &f.diagnostics)).collect();
            let kept: Vec<(&str, &Vec<Diagnostic>)> =
                kept.files.iter().map(|f| (f.name.as_str(), &f.diagnostics)).collect();
            prop_assert_eq!(kept, fresh);
        }
    }
}

/// An edit of one of three files: text inserted somewhere (a whole declaration into an empty
/// or missing file), or the file removed.
#[derive(Clone, Debug)]
enum Edit {
    Splice(usize, prop::sample::Index, String),
    Remove(usize),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        6 => (0..3usize, any::<prop::sample::Index>(), declaration())
            .prop_map(|(f, at, text)| Edit::Splice(f, at, text)),
        3 => (0..3usize, any::<prop::sample::Index>(), select(vec!["\n", "}", "{", "#", "\"", "x "]))
            .prop_map(|(f, at, text)| Edit::Splice(f, at, text.to_string())),
        1 => (0..3usize).prop_map(Edit::Remove),
    ];
    prop::collection::vec(edit, 1..8)
}

/// 1024 cases per property (a few seconds in a debug build), or `PROPTEST_CASES`.
fn config() -> ProptestConfig {
    config_with_default(1024)
}

/// `cases` cases, or `PROPTEST_CASES`.
fn config_with_default(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(cases);
    ProptestConfig::with_cases(cases)
}

fn holds_for(text: &str) {
    let diagnostics = check(text, &Settings::default());
    assert_spans_inside("the generated text", text, &diagnostics);
    assert_formatting_keeps_meaning("the generated text", text, &diagnostics);
}

/// The formatting properties say nothing about texts the formatter refuses, so the generated
/// declarations must mostly be free of syntax errors.
#[test]
fn generated_declarations_are_mostly_well_formed() {
    let mut runner = TestRunner::deterministic();
    let strategy = declaration();
    let samples = 200;
    let formatted = (0..samples)
        .filter(|_| {
            let text = strategy.new_tree(&mut runner).unwrap().current();
            format(&text).is_ok()
        })
        .count();
    assert!(
        formatted * 10 >= samples * 9,
        "only {formatted} of {samples} generated declarations could be formatted"
    );
}

// ---- Arbitrary text -------------------------------------------------------------------------

/// Strings of the language's punctuation, line ends of every kind, letters, digits, non-ASCII
/// letters, emoji, a BOM, a no-break space and NUL, with whole words of the vocabulary mixed in.
fn any_text() -> impl Strategy<Value = String> {
    let character = select(vec![
        "{", "}", "\"", "\"\"\"", ",", ";", "#", "\n", "\r", "\r\n", " ", "  ", "\t", "\\", "-",
        "_", ":", "a", "k", "z", "A", "N", "O", "0", "1", "9", "æ", "ø", "å", "Å", "🙂",
        "\u{FEFF}", "\u{A0}", "\0",
    ]);
    let token = prop_oneof![
        6 => character,
        1 => select(vec![
            "purpose", "basis", "consent", "data", "controller", "category", "rights", "claims",
            "retention", "90 days", "2024-02-29", "processor", "country", "safeguard", "decision",
            "# privlint: allow unused-definition -- x",
        ]),
    ];
    prop::collection::vec(token, 0..200).prop_map(|tokens| tokens.concat())
}

// ---- Declarations ---------------------------------------------------------------------------

/// A declaration: top-level statements of every kind, with IDs drawn from one small pool so
/// that references often resolve, in a layout chosen per statement, with `\n` or `\r\n` line
/// ends.
fn declaration() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(top_level(), 0..10),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(statements, crlf)| {
            let mut out = String::new();
            for statement in &statements {
                statement.write(&mut out, 0);
            }
            if crlf {
                out = out.replace('\n', "\r\n");
            }
            out
        })
}

/// A statement in the language's one shape (spec §2): a name, groups of values, a block.
#[derive(Clone, Debug)]
struct Statement {
    name: String,
    groups: Vec<Vec<String>>,
    children: Vec<Statement>,
    layout: Layout,
}

/// How a statement is written: blank lines, comments (some of them suppressions), line breaks
/// and spaces.
#[derive(Clone, Debug)]
struct Layout {
    blank_line_before: bool,
    comment_before: Option<String>,
    comment_after: Option<String>,
    /// Each group after the first on a line of its own (a newline after a comma continues).
    groups_on_lines: bool,
    /// The block on one line, its statements separated by `;`.
    block_on_one_line: bool,
    extra_spaces: bool,
}

impl Statement {
    fn write(&self, out: &mut String, depth: usize) {
        let indent = "  ".repeat(depth);
        if self.layout.blank_line_before {
            out.push('\n');
        }
        if let Some(comment) = &self.layout.comment_before {
            out.push_str(&format!("{indent}# {comment}\n"));
        }
        out.push_str(&indent);
        self.write_line(out, &format!("{indent}      "));
        if let Some(comment) = &self.layout.comment_after {
            out.push_str(&format!("  # {comment}"));
        }
        if !self.children.is_empty() && !self.layout.block_on_one_line {
            out.push('\n');
            for child in &self.children {
                child.write(out, depth + 1);
            }
            out.push_str(&indent);
            out.push('}');
        }
        out.push('\n');
    }

    /// The name and groups, and a block on one line or the `{` that opens it.
    fn write_line(&self, out: &mut String, continuation: &str) {
        let space = if self.layout.extra_spaces { "   " } else { " " };
        out.push_str(&self.name);
        for (i, group) in self.groups.iter().enumerate() {
            if i == 0 {
                out.push_str(space);
            } else if self.layout.groups_on_lines {
                out.push_str(",\n");
                out.push_str(continuation);
            } else {
                out.push(',');
                out.push_str(space);
            }
            out.push_str(&group.join(space));
        }
        if self.children.is_empty() {
            return;
        }
        if self.layout.block_on_one_line {
            out.push_str(" { ");
            for (i, child) in self.children.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                child.write_line(out, continuation);
            }
            out.push_str(" }");
        } else {
            out.push_str(" {");
        }
    }
}

fn layout() -> impl Strategy<Value = Layout> {
    (
        prop::bool::weighted(0.2),
        prop::option::weighted(0.15, comment()),
        prop::option::weighted(0.15, comment()),
        prop::bool::weighted(0.3),
        prop::bool::weighted(0.3),
        prop::bool::weighted(0.1),
    )
        .prop_map(
            |(
                blank_line_before,
                comment_before,
                comment_after,
                groups_on_lines,
                block_on_one_line,
                extra_spaces,
            )| Layout {
                blank_line_before,
                comment_before,
                comment_after,
                groups_on_lines,
                block_on_one_line,
                extra_spaces,
            },
        )
}

/// A comment's text: prose, a suppression of a rule (or of no rule) or an example's marker.
fn comment() -> impl Strategy<Value = String> {
    let rules: Vec<&str> = ALL
        .iter()
        .map(|rule| rule.meta().name)
        .chain(["no-such-rule"])
        .collect();
    let rule = select(rules);
    prop_oneof![
        3 => text(),
        1 => (rule.clone(), text()).prop_map(|(rule, why)| format!("privlint: allow {rule} -- {why}")),
        1 => rule.prop_map(|rule| format!("expect: {rule}")),
    ]
}

/// Free text, with Norwegian letters and emoji (no line break: a comment ends at one).
fn text() -> impl Strategy<Value = String> {
    let piece = select(vec![
        "Kunder",
        "personvern",
        "æ",
        "ø",
        "å",
        "Æ",
        "Ø",
        "Å",
        " ",
        "§ 10",
        "🙂",
        "🩺",
        "-",
        ",",
        "#",
        "{",
        "}",
        ";",
        "e-post",
    ]);
    prop::collection::vec(piece, 0..6).prop_map(|pieces| pieces.concat())
}

fn string() -> impl Strategy<Value = String> {
    let escape = select(vec!["\\\"", "\\\\", "\\n", "\\t", "\\u{1F600}", "\\u{E6}"]);
    prop_oneof![
        8 => text().prop_map(|t| format!("\"{t}\"")),
        1 => (text(), escape, text()).prop_map(|(a, e, b)| format!("\"{a}{e}{b}\"")),
        1 => (text(), text()).prop_map(|(a, b)| format!("\"\"\"{a}\n  {b}\"\"\"")),
    ]
}

fn id() -> impl Strategy<Value = String> {
    select(vec![
        "kunder",
        "ansatte",
        "helse",
        "kontakt",
        "crm",
        "nav",
        "skatt",
        "bank",
        "barn",
        "arkiv",
        "datatilsynet",
    ])
    .prop_map(String::from)
}

fn country() -> impl Strategy<Value = String> {
    select(vec![
        "NO",
        "SE",
        "DK",
        "DE",
        "US",
        "GB",
        "CH",
        "IN",
        "BR",
        "RE",
        "QQ",
        "USA",
        "eea",
        "outside_eea",
    ])
    .prop_map(String::from)
}

fn date() -> impl Strategy<Value = String> {
    (1990..2031u32, 1..13u32, 1..32u32).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}"))
}

fn duration() -> impl Strategy<Value = String> {
    let unit = select(vec![
        "day", "days", "week", "weeks", "month", "months", "year", "years",
    ]);
    // Also the separators that do not make a duration (none, a no-break space, a form feed, a
    // BOM): the value is then invalid, and formatting must not make it valid.
    let gap = prop_oneof![
        8 => select(vec![" ", "  ", "\t"]),
        1 => select(vec!["", "\u{A0}", "\u{C}", "\u{FEFF}"]),
    ];
    (0..400u32, unit, gap).prop_map(|(n, unit, gap)| format!("{n}{gap}{unit}"))
}

fn ids() -> impl Strategy<Value = Vec<Vec<String>>> {
    prop::collection::vec(id().prop_map(|id| vec![id]), 1..4)
}

/// A statement of `name` with `groups`, with no block.
fn leaf(
    name: &'static str,
    groups: impl Strategy<Value = Vec<Vec<String>>> + 'static,
) -> BoxedStrategy<Statement> {
    parent(name, groups, Just(Vec::new()))
}

fn parent(
    name: &'static str,
    groups: impl Strategy<Value = Vec<Vec<String>>> + 'static,
    children: impl Strategy<Value = Vec<Statement>> + 'static,
) -> BoxedStrategy<Statement> {
    (groups, children, layout())
        .prop_map(move |(groups, children, layout)| Statement {
            name: name.to_string(),
            groups,
            children,
            layout,
        })
        .boxed()
}

fn one(value: impl Strategy<Value = String>) -> impl Strategy<Value = Vec<Vec<String>>> {
    value.prop_map(|v| vec![vec![v]])
}

// ---- Fields, from the language's field tables -----------------------------------------------

/// A statement for each field of `block`, with children where the field has a block of its own
/// (two levels deep: a purpose's decision has fields too), and a misspelt field now and then.
fn fields_of(block: &'static Block, depth: usize) -> Vec<(u32, BoxedStrategy<Statement>)> {
    block
        .fields
        .iter()
        .map(|field| {
            // Purposes, where most rules look, are drawn more often than any other statement.
            let weight = if field.takes == Takes::Definition(Kind::Purpose) {
                3
            } else {
                1
            };
            (weight, field_statement(field, depth))
        })
        .chain([(1, leaf("bassis", one(id())))])
        .collect()
}

fn field_statement(field: &'static Field, depth: usize) -> BoxedStrategy<Statement> {
    let children = match fields::block_of(Some(field.name)) {
        Some(block)
            if depth < 2
                && matches!(
                    field.takes,
                    Takes::Definition(_) | Takes::Named | Takes::Block
                ) =>
        {
            prop::collection::vec(Union::new_weighted(fields_of(block, depth + 1)), 0..6).boxed()
        }
        _ => Just(Vec::new()).boxed(),
    };
    parent(field.name, values(field.takes), children)
}

/// The values of a field, by what it takes, sometimes wrong (a word not in the vocabulary, a
/// translation where none is taken) so that the reader's errors are exercised too.
fn values(takes: Takes) -> BoxedStrategy<Vec<Vec<String>>> {
    match takes {
        Takes::Flag | Takes::Block => Just(Vec::new()).boxed(),
        Takes::Text => one(string()).boxed(),
        Takes::ShownText | Takes::Named => shown_text().prop_map(|g| vec![g]).boxed(),
        Takes::Right | Takes::OptionalShownText => prop::option::of(shown_text())
            .prop_map(|g| g.into_iter().collect())
            .boxed(),
        Takes::Definition(_) => (id(), shown_text())
            .prop_map(|(id, label)| vec![std::iter::once(id).chain(label).collect()])
            .boxed(),
        Takes::Ids(_) => ids().boxed(),
        Takes::Word(words) => {
            let words: Vec<&'static str> = words.iter().copied().chain(["necessary"]).collect();
            // A second text now and then: `provision conditional "…" "…"` takes two.
            (
                select(words).prop_map(String::from),
                prop::option::of(shown_text()),
                prop::option::weighted(0.2, shown_text()),
            )
                .prop_map(|(word, text, second)| {
                    vec![
                        std::iter::once(word)
                            .chain(text.into_iter().flatten())
                            .chain(second.into_iter().flatten())
                            .collect(),
                    ]
                })
                .boxed()
        }
        Takes::Words(words) => word_groups(words, 1..4),
        Takes::FlagOrWords(words) => word_groups(words, 0..3),
        Takes::FlagOrCountryCodes => {
            prop::collection::vec(country().prop_map(|c| vec![c]), 0..3).boxed()
        }
        Takes::FlagOrOrganisation => {
            let keys: Vec<&'static str> = INTERNATIONAL_ORGANISATIONS
                .iter()
                .copied()
                .chain(["who"])
                .collect();
            prop::option::of(select(keys))
                .prop_map(|key| key.map(|k| vec![k.to_string()]).into_iter().collect())
                .boxed()
        }
        Takes::Countries => prop::collection::vec(country().prop_map(|c| vec![c]), 1..4).boxed(),
        Takes::Date => one(date()).boxed(),
        Takes::DateOrText => one(prop_oneof![date(), string()]).boxed(),
        Takes::Duration => one(duration()).boxed(),
        Takes::Retention => prop_oneof![
            duration().prop_map(|d| vec![d]),
            (duration(), shown_text()).prop_map(|(d, s)| [vec![d, "after".into()], s].concat()),
            shown_text().prop_map(|s| [vec!["until".to_string()], s].concat()),
            shown_text().prop_map(|s| [vec!["indefinite".to_string()], s].concat()),
            Just(vec!["soon".to_string()]),
        ]
        .prop_map(|g| vec![g])
        .boxed(),
        Takes::Safeguard => {
            let grounds: Vec<&'static str> = DerogationGround::WORDS
                .iter()
                .copied()
                .chain(["contrakt"])
                .collect();
            prop_oneof![
                select(TransferSafeguard::WORDS.to_vec()).prop_map(|w| vec![w.to_string()]),
                (prop::option::of(select(grounds)), shown_text()).prop_map(|(ground, reason)| {
                    std::iter::once("derogation".to_string())
                        .chain(ground.map(String::from))
                        .chain(reason)
                        .collect()
                }),
            ]
            .prop_map(|g| vec![g])
            .boxed()
        }
        Takes::Languages => prop::collection::vec(language().prop_map(|l| vec![l]), 1..4).boxed(),
    }
}

/// Words of a vocabulary (now and then one that is not), one per group.
fn word_groups(
    words: &'static [&'static str],
    count: std::ops::Range<usize>,
) -> BoxedStrategy<Vec<Vec<String>>> {
    let words: Vec<&'static str> = words.iter().copied().chain(["necessary"]).collect();
    prop::collection::vec(select(words).prop_map(|w| vec![w.to_string()]), count).boxed()
}

/// A string and, sometimes, translations after it: `"Nyhetsbrev" en "Newsletter"`, with now and
/// then a tag given twice or one that is not a tag.
fn shown_text() -> impl Strategy<Value = Vec<String>> {
    (
        string(),
        prop::collection::vec((language(), string()), 0..3),
    )
        .prop_map(|(text, translations)| {
            std::iter::once(text)
                .chain(translations.into_iter().flat_map(|(tag, t)| [tag, t]))
                .collect()
        })
}

fn language() -> impl Strategy<Value = String> {
    select(vec!["nb", "nn", "en", "se", "sma", "english"]).prop_map(String::from)
}

fn top_level() -> impl Strategy<Value = Statement> {
    Union::new_weighted(fields_of(&fields::TOP_LEVEL, 0))
}
