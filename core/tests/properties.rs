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
use privlint_core::vocab::{Claim, RightKind, Vocabulary};
use privlint_core::{Settings, check, format::format, rules::ALL};
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

/// 1024 cases per property (a few seconds in a debug build), or `PROPTEST_CASES`.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(1024);
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
        "NO", "SE", "DK", "DE", "US", "GB", "CH", "IN", "QQ", "USA",
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
    (0..400u32, unit, select(vec![" ", "  ", "\t"]))
        .prop_map(|(n, unit, gap)| format!("{n}{gap}{unit}"))
}

fn word(words: &[&'static str]) -> impl Strategy<Value = String> + use<> {
    select(words.to_vec()).prop_map(String::from)
}

/// A word, optionally followed by a string in the same group (`basis legal_obligation "§ 10"`).
fn word_and_string(words: &[&'static str]) -> impl Strategy<Value = Vec<String>> + use<> {
    (word(words), prop::option::of(string()))
        .prop_map(|(word, string)| std::iter::once(word).chain(string).collect())
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

/// A flag: a statement that is only a name.
fn flag(name: &'static str) -> BoxedStrategy<Statement> {
    leaf(name, Just(Vec::new()))
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

/// `ID "Label"`, the head of every definition.
fn definition() -> impl Strategy<Value = Vec<Vec<String>>> {
    (id(), string()).prop_map(|(id, label)| vec![vec![id, label]])
}

fn children(
    choices: Vec<BoxedStrategy<Statement>>,
    most: usize,
) -> impl Strategy<Value = Vec<Statement>> {
    prop::collection::vec(Union::new(choices), 0..most)
}

fn safeguard() -> BoxedStrategy<Statement> {
    let group = prop_oneof![
        word(&[
            "adequacy",
            "dpf",
            "scc",
            "bcr",
            "code_of_conduct",
            "certification",
            "ad_hoc_clauses",
        ])
        .prop_map(|w| vec![w]),
        string().prop_map(|reason| vec!["derogation".to_string(), reason]),
    ];
    leaf("safeguard", group.prop_map(|g| vec![g]))
}

fn purpose_field() -> BoxedStrategy<Statement> {
    let retention = prop_oneof![
        duration().prop_map(|d| vec![d]),
        (duration(), string()).prop_map(|(d, s)| vec![d, "after".into(), s]),
        string().prop_map(|s| vec!["until".into(), s]),
        string().prop_map(|s| vec!["indefinite".into(), s]),
        Just(vec!["soon".to_string()]),
    ];
    let decision_field = prop_oneof![
        leaf("logic", one(string())),
        leaf(
            "safeguards",
            prop::collection::vec(word(&["human_review", "express_view", "contest"]), 1..4)
                .prop_map(|words| words.into_iter().map(|w| vec![w]).collect()),
        ),
    ];
    Union::new(vec![
        leaf(
            "basis",
            word_and_string(&[
                "consent",
                "contract",
                "legal_obligation",
                "vital_interests",
                "public_task",
                "legitimate_interests",
                "necessary",
            ])
            .prop_map(|g| vec![g]),
        ),
        leaf(
            "condition",
            word_and_string(&[
                "explicit_consent",
                "employment",
                "health_care",
                "substantial_public_interest",
                "archiving_research",
                "authorised_by_law",
                "official_authority",
            ])
            .prop_map(|g| vec![g]),
        ),
        leaf("data", ids()),
        leaf("subjects", ids()),
        leaf("sources", ids()),
        leaf("recipients", ids()),
        leaf("processors", ids()),
        leaf("joint_controllers", ids()),
        leaf("retention", retention.prop_map(|g| vec![g])),
        flag("direct_marketing"),
        flag("profiling"),
        flag("monitoring"),
        flag("large_scale"),
        flag("manual"),
        leaf("dpia", one(string())),
        parent(
            "decision",
            one(string()),
            prop::collection::vec(decision_field, 0..3),
        ),
        leaf("bassis", one(id())),
    ])
    .boxed()
}

fn top_level() -> impl Strategy<Value = Statement> {
    let contact = || {
        vec![
            leaf("email", one(string())),
            leaf("phone", one(string())),
            leaf("address", one(string())),
            leaf("url", one(string())),
        ]
    };
    let controller_fields = [
        contact(),
        vec![
            leaf("org_number", one(string())),
            leaf("country", one(country())),
            flag("public_authority"),
            leaf("authority", definition()),
        ],
    ]
    .concat();
    let party_fields = |extra: Vec<BoxedStrategy<Statement>>| {
        [vec![leaf("country", one(country())), safeguard()], extra].concat()
    };
    let right = prop_oneof![
        word_and_string(&RightKind::words())
            .prop_map(|group| (group[0].clone(), group[1..].to_vec())),
        id().prop_map(|authority| ("complaint".to_string(), vec![authority])),
        duration().prop_map(|d| ("respond_within".to_string(), vec![d])),
    ];
    let rights =
        (prop::collection::vec((right, layout()), 0..8), layout()).prop_map(|(rights, layout)| {
            Statement {
                name: "rights".into(),
                groups: Vec::new(),
                children: rights
                    .into_iter()
                    .map(|((name, group), layout)| Statement {
                        name,
                        groups: if group.is_empty() {
                            Vec::new()
                        } else {
                            vec![group]
                        },
                        children: Vec::new(),
                        layout,
                    })
                    .collect(),
                layout,
            }
        });
    let claim = flag_of(&Claim::words());
    let others = vec![
        parent(
            "notice",
            one(string()),
            children(
                vec![
                    leaf("language", one(Just("\"nb\"".to_string()))),
                    leaf("updated", one(date())),
                    leaf("url", one(string())),
                ],
                3,
            ),
        ),
        parent("controller", definition(), children(controller_fields, 6)),
        parent("dpo", one(string()), children(contact(), 2)),
        parent(
            "category",
            definition(),
            children(
                vec![
                    leaf(
                        "includes",
                        prop::collection::vec(string().prop_map(|s| vec![s]), 1..4),
                    ),
                    flag("special"),
                    flag("criminal"),
                ],
                2,
            ),
        ),
        parent("subject", definition(), children(vec![flag("child")], 1)),
        parent(
            "source",
            definition(),
            children(vec![flag("public"), leaf("country", one(country()))], 2),
        ),
        parent(
            "recipient",
            definition(),
            children(party_fields(vec![flag("public_authority")]), 3),
        ),
        parent(
            "processor",
            definition(),
            children(
                party_fields(vec![leaf("agreement", one(prop_oneof![date(), string()]))]),
                3,
            ),
        ),
        parent(
            "joint_controller",
            definition(),
            children(party_fields(vec![leaf("arrangement", one(string()))]), 2),
        ),
        rights.boxed(),
        parent(
            "claims",
            Just(Vec::new()),
            prop::collection::vec(claim, 0..4),
        ),
    ];
    let purpose = parent(
        "purpose",
        definition(),
        prop::collection::vec(purpose_field(), 0..8),
    );
    // Purposes, where most rules look, are drawn more often than any other statement.
    Union::new_weighted(
        others
            .into_iter()
            .map(|statement| (1, statement))
            .chain([(3, purpose)])
            .collect(),
    )
}

/// A flag statement whose name is one of `names`.
fn flag_of(names: &[&'static str]) -> BoxedStrategy<Statement> {
    Union::new(names.iter().map(|name| flag(name))).boxed()
}
