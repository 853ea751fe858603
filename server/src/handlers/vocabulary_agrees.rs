//! The words of the language are declared once, in `core::fields` (the fields of every block)
//! and `core::vocab` (the vocabularies), and repeated by hand in three places: the tree-sitter
//! highlight query (`grammar/queries/highlights.scm`), the TextMate grammar of the VS Code
//! extension (`vscode-extension/syntaxes/privacy.tmLanguage.json`) and completion. These tests
//! fail when a word of a table is missing from any of them, or when one of the hand-written
//! lists holds a word no table has.

use std::collections::BTreeSet;
use std::path::PathBuf;

use privlint_core::fields::{BLOCKS, Block, PURPOSE, TOP_LEVEL, Takes};
use privlint_core::syntax::{Highlight, highlights};
use privlint_core::vocab::{
    Channel, Claim, Condition, Cookie, DecisionSafeguard, DerogationGround,
    INTERNATIONAL_ORGANISATIONS, LegalBasis, Provision, RightKind, TransferSafeguard, Vocabulary,
};
use privlint_core::{ColumnUnit, Settings};
use tower_lsp_server::ls_types as lsp;

use super::completion::completion;
use super::hover::hover;
use super::{COMMON_LANGUAGES, REGION_WORDS};
use crate::convert::Positions;
use crate::document::Document;

/// Words written after a field (`basis consent`): every vocabulary whose words stand in value
/// position, and the region words of `country`.
fn value_words() -> Vec<(&'static str, &'static str)> {
    let mut words = Vec::new();
    let mut add = |vocabulary: &'static str, list: &[&'static str]| {
        words.extend(list.iter().map(|w| (vocabulary, *w)));
    };
    add("LegalBasis", LegalBasis::WORDS);
    add("Condition", Condition::WORDS);
    add("TransferSafeguard", TransferSafeguard::WORDS);
    add("DerogationGround", DerogationGround::WORDS);
    add("Provision", Provision::WORDS);
    add("Cookie", Cookie::WORDS);
    add("Channel", Channel::WORDS);
    add("DecisionSafeguard", DecisionSafeguard::WORDS);
    let regions: Vec<&'static str> = REGION_WORDS.iter().map(|(w, _, _)| *w).collect();
    add("region words", &regions);
    words
}

/// Words written as statement names: every field of every block, the rights and claims
/// included.
fn name_words() -> Vec<(&'static str, &'static str)> {
    let mut words: Vec<(&'static str, &'static str)> = BLOCKS
        .iter()
        .flat_map(|b| b.fields.iter().map(|f| (b.parent, f.name)))
        .collect();
    words.extend(RightKind::WORDS.iter().map(|w| ("RightKind", *w)));
    words.extend(Claim::WORDS.iter().map(|w| ("Claim", *w)));
    words
}

/// Words the hand-written lists may hold that no table has: the words of `retention`, which
/// core reads from the node shape rather than from a vocabulary.
const RETENTION_WORDS: &[&str] = &["until", "after", "indefinite"];

fn repo_file(path: &str) -> String {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// The words of every alternation made only of words, `(a|b|c)` or `(?:a|b|c)`, in a regex.
fn alternations(regex: &str) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    let mut rest = regex;
    while let Some(open) = rest.find('(') {
        let inner = rest[open + 1..]
            .strip_prefix("?:")
            .unwrap_or(&rest[open + 1..]);
        let end = inner
            .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '|'))
            .unwrap_or(inner.len());
        if inner[end..].starts_with(')') && inner[..end].contains('|') {
            words.extend(inner[..end].split('|').map(str::to_string));
        }
        rest = &rest[open + 1..];
    }
    words
}

/// The words of the `#match?` predicate on a capture in highlights.scm.
fn scm_list(query: &str, capture: &str) -> BTreeSet<String> {
    let marker = format!("(#match? @{capture} \"");
    let start = query
        .find(&marker)
        .unwrap_or_else(|| panic!("highlights.scm has no `{marker}`"))
        + marker.len();
    let end = start + query[start..].find('"').expect("the regex ends");
    alternations(&query[start..end])
}

fn textmate() -> serde_json::Value {
    serde_json::from_str(&repo_file(
        "vscode-extension/syntaxes/privacy.tmLanguage.json",
    ))
    .expect("the TextMate grammar is JSON")
}

/// The words of the TextMate rule that gives `scope` to a whole match.
fn textmate_list(grammar: &serde_json::Value, rule: &str, scope: &str) -> BTreeSet<String> {
    let rule = &grammar["repository"][rule];
    let candidates: Vec<&serde_json::Value> = match rule["patterns"].as_array() {
        Some(patterns) => patterns.iter().collect(),
        None => vec![rule],
    };
    let found = candidates.iter().find(|p| {
        p["name"].as_str() == Some(scope) || p["captures"]["1"]["name"].as_str() == Some(scope)
    });
    let regex = found
        .and_then(|p| p["match"].as_str())
        .unwrap_or_else(|| panic!("the TextMate grammar has no rule for {scope}"));
    alternations(regex)
}

fn assert_agree(
    place: &str,
    list: &BTreeSet<String>,
    words: &[(&str, &str)],
    extra_allowed: &[&str],
) {
    let missing: Vec<String> = words
        .iter()
        .filter(|(_, w)| !list.contains(*w))
        .map(|(from, w)| format!("`{w}` ({from})"))
        .collect();
    assert!(missing.is_empty(), "{place} lacks {}", missing.join(", "));
    let stale: Vec<&String> = list
        .iter()
        .filter(|w| !words.iter().any(|(_, x)| x == w) && !extra_allowed.contains(&w.as_str()))
        .collect();
    assert!(
        stale.is_empty(),
        "{place} lists words no table of core has: {stale:?}"
    );
}

#[test]
fn the_textmate_grammar_lists_every_field_and_word() {
    let grammar = textmate();
    assert_agree(
        "the TextMate statement-name rule",
        &textmate_list(&grammar, "statement-name", "keyword.other.privacy"),
        &name_words(),
        &[],
    );
    assert_agree(
        "the TextMate constant.language rule",
        &textmate_list(&grammar, "values", "constant.language.privacy"),
        &value_words(),
        RETENTION_WORDS,
    );
}

#[test]
fn highlights_scm_lists_every_field_and_word() {
    let query = repo_file("grammar/queries/highlights.scm");
    assert_agree(
        "highlights.scm (@keyword)",
        &scm_list(&query, "keyword"),
        &name_words(),
        &[],
    );
    assert_agree(
        "highlights.scm (@constant.builtin)",
        &scm_list(&query, "constant.builtin"),
        &value_words(),
        RETENTION_WORDS,
    );
}

fn doc(text: &str) -> Document {
    Document::new(text.to_string(), 1, &Settings::default())
}

/// The capture of `word`, found as the first occurrence of `needle` (which holds it).
fn capture_at(h: &[Highlight], text: &str, needle: &str, word: &str) -> String {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the sample"));
    let word_start = start + needle.find(word).expect("the needle holds the word");
    let word_end = word_start + word.len();
    h.iter()
        .find(|h| h.range == (word_start..word_end))
        .map(|h| h.capture.to_string())
        .unwrap_or_default()
}

#[test]
fn highlights_scm_colours_every_field_and_word_in_its_place() {
    // Every field name as a statement name, each on its own line; every value word after a
    // field; translation and `languages` tags.
    let mut text = String::from("# every name, then every word\n");
    for (_, name) in name_words() {
        text.push_str(&format!("{name}\n"));
    }
    for (i, (_, word)) in value_words().iter().enumerate() {
        text.push_str(&format!("v{i} {word}\n"));
    }
    text.push_str("purpose p \"Nyhetsbrev\" en \"Newsletter\"\nlanguages nb, nn\n");
    let d = doc(&text);
    let h = highlights(&d.text);
    let mut wrong = Vec::new();
    for (from, name) in name_words() {
        let got = capture_at(&h, &d.text, &format!("\n{name}\n"), name);
        if got != "keyword" {
            wrong.push(format!("`{name}` ({from}): {got:?}, not keyword"));
        }
    }
    for (i, (from, word)) in value_words().iter().enumerate() {
        let got = capture_at(&h, &d.text, &format!("\nv{i} {word}\n"), word);
        if got != "constant.builtin" {
            wrong.push(format!("`{word}` ({from}): {got:?}, not constant.builtin"));
        }
    }
    for (needle, tag) in [("\" en", "en"), ("languages nb", "nb"), (", nn", "nn")] {
        let got = capture_at(&h, &d.text, needle, tag);
        if got != "label" {
            wrong.push(format!("`{tag}` in {needle:?}: {got:?}, not label"));
        }
    }
    assert!(wrong.is_empty(), "highlights.scm: {}", wrong.join("; "));
    // A word of no table is not a keyword.
    let d = doc("bassis consent\n");
    assert_ne!(
        capture_at(&highlights(&d.text), &d.text, "bassis", "bassis"),
        "keyword"
    );
}

/// A document whose cursor line (marked `|`) is inside a block of `block`, and the position of
/// the cursor.
fn inside(block: &Block, line: &str) -> (Document, lsp::Position) {
    let (open, close, depth) = if block.parent == TOP_LEVEL.parent {
        (String::new(), String::new(), 0)
    } else if let Some(field) = TOP_LEVEL.field(block.parent) {
        let open = match field.takes {
            Takes::Definition(_) => format!("{} x \"X\" {{\n", field.name),
            Takes::Named => format!("{} \"X\" {{\n", field.name),
            _ => format!("{} {{\n", field.name),
        };
        (open, "}\n".to_string(), 1)
    } else {
        // `decision`: inside a purpose.
        assert!(
            PURPOSE.field(block.parent).is_some(),
            "{} is a block of neither the top level nor a purpose: teach this test where it goes",
            block.parent
        );
        (
            format!("purpose x \"X\" {{\n  {} \"D\" {{\n", block.parent),
            "  }\n}\n".to_string(),
            2,
        )
    };
    let indent = "  ".repeat(depth);
    let before = format!("purpose earlier \"E\" {{ basis consent }}\n{open}");
    let position = lsp::Position {
        line: before.matches('\n').count() as u32,
        character: (indent.len() + line.len()) as u32,
    };
    (doc(&format!("{before}{indent}{line}\n{close}")), position)
}

fn complete(doc: &Document, position: lsp::Position) -> Vec<lsp::CompletionItem> {
    completion(Positions::new(doc, ColumnUnit::Utf16), position)
}

fn labels(items: &[lsp::CompletionItem]) -> BTreeSet<&str> {
    items.iter().map(|i| i.label.as_str()).collect()
}

fn documentation(item: &lsp::CompletionItem) -> &str {
    match &item.documentation {
        Some(lsp::Documentation::String(s)) => s,
        Some(lsp::Documentation::MarkupContent(m)) => &m.value,
        None => "",
    }
}

#[test]
fn completion_offers_every_field_with_its_doc_in_its_block() {
    for block in BLOCKS {
        let (d, at) = inside(block, "");
        let items = complete(&d, at);
        for field in block.fields {
            let item = items
                .iter()
                .find(|i| i.label == field.name)
                .unwrap_or_else(|| {
                    panic!(
                        "completion {} does not offer `{}`: {:?}",
                        block.place(),
                        field.name,
                        labels(&items)
                    )
                });
            // Rights and claims show the article and explanation of their vocabulary.
            if block.parent != "rights" && block.parent != "claims" {
                assert_eq!(
                    documentation(item),
                    field.doc,
                    "`{}` {}",
                    field.name,
                    block.place()
                );
            }
        }
        assert_eq!(
            items.len(),
            block.fields.len(),
            "completion {} offers more than the fields: {:?}",
            block.place(),
            labels(&items)
        );
    }
}

#[test]
fn completion_offers_every_word_where_its_field_takes_it() {
    let expect = |block: &Block, line: &str, words: &[&str]| {
        let (d, at) = inside(block, line);
        let items = complete(&d, at);
        let got = labels(&items);
        for w in words {
            assert!(
                got.contains(w),
                "completion after `{line}` {} lacks `{w}`: {got:?}",
                block.place()
            );
        }
        for item in items.iter().filter(|i| words.contains(&i.label.as_str())) {
            assert!(
                item.detail.is_some() || !documentation(item).is_empty(),
                "`{}` after `{line}` has no detail",
                item.label
            );
        }
    };
    let regions: Vec<&str> = REGION_WORDS.iter().map(|(w, _, _)| *w).collect();
    let tags: Vec<&str> = COMMON_LANGUAGES.iter().map(|(t, _)| *t).collect();
    let mut checked = BTreeSet::new();
    for block in BLOCKS {
        for field in block.fields {
            let line = format!("{} ", field.name);
            match field.takes {
                Takes::Word(words) | Takes::Words(words) | Takes::FlagOrWords(words) => {
                    expect(block, &line, words)
                }
                Takes::Countries => expect(block, &line, &[&regions[..], &["NO", "US"]].concat()),
                Takes::FlagOrCountryCodes => expect(block, &line, &["NO", "SE", "IS"]),
                Takes::FlagOrOrganisation => expect(block, &line, INTERNATIONAL_ORGANISATIONS),
                Takes::Languages => expect(block, &line, &tags),
                Takes::Safeguard => {
                    expect(block, &line, TransferSafeguard::WORDS);
                    expect(block, "safeguard derogation ", DerogationGround::WORDS);
                    expect(block, "safeguard derogation con", DerogationGround::WORDS);
                }
                Takes::Ids(privlint_core::model::Kind::Purpose) => {
                    expect(block, &line, &["earlier"])
                }
                _ => continue,
            }
            checked.insert(field.name);
        }
    }
    for (vocabulary, words) in [
        ("LegalBasis", LegalBasis::WORDS),
        ("Condition", Condition::WORDS),
        ("DecisionSafeguard", DecisionSafeguard::WORDS),
        ("Provision", Provision::WORDS),
        ("Cookie", Cookie::WORDS),
        ("Channel", Channel::WORDS),
    ] {
        assert!(
            BLOCKS.iter().flat_map(|b| b.fields).any(|f| matches!(
                f.takes,
                Takes::Word(w) | Takes::Words(w) | Takes::FlagOrWords(w) if w == words
            )),
            "no field takes {vocabulary}"
        );
    }
    for name in [
        "basis",
        "condition",
        "provision",
        "safeguards",
        "safeguard",
        "country",
        "languages",
        "reuses",
        "cookies",
        "direct_marketing",
        "online_service",
        "establishment",
        "international_organisation",
    ] {
        assert!(checked.contains(name), "`{name}` was not checked");
    }
    // The rights and the claims are the fields of their blocks, checked above.
    let rights = privlint_core::fields::block_of(Some("rights")).unwrap();
    assert!(RightKind::WORDS.iter().all(|w| rights.field(w).is_some()));
    let claims = privlint_core::fields::block_of(Some("claims")).unwrap();
    assert!(Claim::WORDS.iter().all(|w| claims.field(w).is_some()));
}

fn hover_text(doc: &Document, needle: &str) -> String {
    let offset = doc
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?}"));
    let at = Positions::new(doc, ColumnUnit::Utf16);
    match hover(at, at.position(offset + 1)).map(|h| h.contents) {
        Some(lsp::HoverContents::Markup(m)) => m.value,
        _ => String::new(),
    }
}

#[test]
fn hover_explains_every_field_and_new_word() {
    for block in BLOCKS {
        for field in block.fields {
            let (d, end) = inside(block, &format!("{} ", field.name));
            let at = Positions::new(&d, ColumnUnit::Utf16);
            let on_name = lsp::Position {
                line: end.line,
                character: end.character - field.name.len() as u32,
            };
            let text = match hover(at, on_name).map(|h| h.contents) {
                Some(lsp::HoverContents::Markup(m)) => m.value,
                _ => String::new(),
            };
            // The hover capitalises the doc's first letter.
            let first_sentence: String = field.doc.chars().skip(1).take(30).collect();
            let explained_by_vocabulary = matches!(block.parent, "rights" | "claims")
                && (RightKind::from_word(field.name).is_some()
                    || Claim::from_word(field.name).is_some());
            assert!(
                explained_by_vocabulary || text.contains(&first_sentence),
                "hover on `{}` {} says {text:?}",
                field.name,
                block.place()
            );
        }
    }
    let d = doc(
        "processor p \"P\" {\n  country NO, outside_eea\n  safeguard derogation contract_in_interest \"x\"\n}\nrepresentative \"R\" { country eea }\npurpose q \"Q\" {\n  provision precontractual \"x\"\n}\nnotice \"N\" {\n  languages nb, en\n}\ncategory k \"Kunder\" en \"Customers\"\n",
    );
    assert!(hover_text(&d, "outside_eea").contains("outside the EEA"));
    assert!(hover_text(&d, "eea }").contains("in the EEA"));
    assert!(hover_text(&d, "contract_in_interest").contains("Art. 49(1)(c)"));
    assert!(hover_text(&d, "precontractual").contains("Art. 13(2)(e)"));
    assert!(hover_text(&d, "nb,").contains("Bokmål"));
    assert!(hover_text(&d, "en \"Customers").contains("translation"));
    let d = doc(
        "purpose q \"Q\" {\n  cookies strictly_necessary, analytics\n  direct_marketing sms\n  provision conditional \"a\" \"b\"\n}\nrecipient r \"R\" { international_organisation epo }\ncontroller c \"C\" { establishment SE, eea }\nprocessor p \"P\" { safeguard public_instrument }\n",
    );
    assert!(hover_text(&d, "strictly_necessary").contains("Art. 5(3)"));
    assert!(hover_text(&d, "sms").contains("markedsføringsloven § 15"));
    assert!(hover_text(&d, "conditional").contains("Art. 13(2)(e)"));
    assert!(hover_text(&d, "epo }").contains("(EU) 2025/1382"));
    assert!(hover_text(&d, "eea }").contains("in the EEA"));
    assert!(hover_text(&d, "public_instrument").contains("Art. 46(2)(a)"));
}
