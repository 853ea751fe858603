//! The answers to requests, on documents checked alone and as files of a declaration.

use privlint_core::{ColumnUnit, Settings};
use tower_lsp_server::ls_types::{self as lsp, Uri};

use super::code_action::code_actions;
use super::completion::completion;
use super::definition::definition;
use super::document_symbol::document_symbols;
use super::execute_command::{NoticeRequest, list_rules, preview_notice};
use super::hover::hover;
use super::references::references;
use super::rename::rename;
use super::workspace_symbol::workspace_symbols;
use crate::convert::{Files, Positions};
use crate::document::Document;

fn doc(text: &str) -> Document {
    Document::new(text.to_string(), 1, &Settings::default())
}

fn at(doc: &Document) -> Positions<'_> {
    Positions::new(doc, ColumnUnit::Utf16)
}

fn pos(line: u32, character: u32) -> lsp::Position {
    lsp::Position { line, character }
}

fn hover_text(doc: &Document, line: u32, character: u32) -> String {
    match hover(at(doc), pos(line, character)).map(|h| h.contents) {
        Some(lsp::HoverContents::Markup(m)) => m.value,
        _ => String::new(),
    }
}

#[test]
fn hover_reads_words_in_their_place() {
    let d = doc(
        "rights {\n  portability\n}\npurpose p \"P\" {\n  condition explicit_consent\n}\nclaims { no_profiling }\n",
    );
    assert!(hover_text(&d, 1, 4).contains("Art. 20"));
    assert!(hover_text(&d, 4, 15).contains("Art. 9(2)(a)"));
    assert!(hover_text(&d, 6, 12).contains("Art. 4(4)"));
}

#[test]
fn labels_in_hover_and_outline_are_read_not_cut_from_the_text() {
    let d = doc(
        "category k \"Kontakt \\\"privat\\\" og jobb\"\npurpose p \"P\" { data k; decision \"Avgjerd \\\"A\\\"\" { logic \"L\" } }\ndpo \"Ombod \\\"B\\\"\" { email \"e\" }\n",
    );
    assert!(
        hover_text(&d, 1, 21).contains("`k` \"Kontakt \"privat\" og jobb\""),
        "{}",
        hover_text(&d, 1, 21)
    );
    let outline = document_symbols(at(&d));
    let details: Vec<Option<String>> = outline.iter().map(|s| s.detail.clone()).collect();
    assert_eq!(details[0].as_deref(), Some("Kontakt \"privat\" og jobb"));
    assert_eq!(details[2].as_deref(), Some("Ombod \"B\""));
    let decision = &outline[1].children.as_ref().unwrap()[0];
    assert_eq!(decision.detail.as_deref(), Some("Avgjerd \"A\""));
}

#[test]
fn a_label_in_hover_is_literal_text_not_a_link_an_image_or_html() {
    // A declaration comes from a pull request; its labels must not become a link that leads
    // away, an image loaded from a server (a tracking pixel) or HTML in the editor's hover.
    let d = doc(
        "category k \"[x](https://evil) ![i](https://evil/x.png) <img src=https://evil/y.png>\"\npurpose p \"P\" { data k }\n",
    );
    let text = hover_text(&d, 1, 21);
    assert!(text.contains("`k`"), "{text}");
    assert!(
        text.contains(
            r"\[x\](https://evil) \!\[i\](https://evil/x.png) &lt;img src=https://evil/y.png&gt;"
        ),
        "{text}"
    );
    for live in ["[x](", "![i](", "<img"] {
        assert!(
            !text
                .replace(r"\[", "")
                .replace(r"\!", "")
                .replace(r"\<", "")
                .contains(live),
            "{live} is live in {text}"
        );
    }
}

#[test]
fn the_rules_are_listed_as_data() {
    let rules = list_rules();
    let rules = rules.as_array().unwrap();
    assert_eq!(rules.len(), privlint_core::rules::ALL.len());
    let syntax = &rules[0];
    assert_eq!(syntax["name"], "syntax-error");
    assert!(syntax["article"].is_null(), "no article is null, not \"\"");
    let right = rules.iter().find(|r| r["name"] == "missing-right").unwrap();
    assert_eq!(right["fix"], "sometimes");
    assert_eq!(right["article"], "Art. 13(2)(b), 15-18");
}

#[test]
fn completion_knows_the_block_it_is_in() {
    let d = doc("rights {\n  \n}\nclaims {\n  \n}\n");
    let labels = |line| -> Vec<String> {
        completion(at(&d), pos(line, 2))
            .into_iter()
            .map(|i| i.label)
            .collect()
    };
    let rights = labels(1);
    assert!(
        rights.contains(&"portability".to_string()) && rights.contains(&"complaint".to_string())
    );
    assert!(labels(4).contains(&"no_transfers_outside_eea".to_string()));
}

#[test]
fn a_suppression_goes_on_the_line_before_with_its_indentation() {
    let d = doc("controller c \"C\" { email \"e\" }\ncategory k \"K\"\n");
    let unused = d
        .diagnostics
        .iter()
        .find(|x| x.rule.name == "unused-definition")
        .unwrap();
    let range = at(&d).range(unused.span);
    let actions = code_actions(at(&d), &"file:///x.privacy".parse().unwrap(), range);
    let suppress = actions
        .iter()
        .find(|a| a.title.contains("unused-definition"))
        .unwrap();
    let edits = &suppress.edit.as_ref().unwrap().changes.as_ref().unwrap();
    let edit = &edits.values().next().unwrap()[0];
    assert_eq!(edit.range.start, pos(1, 0));
    assert!(
        edit.new_text
            .starts_with("# privlint: allow unused-definition -- ")
    );
}

/// Two files of one declaration, checked as the server checks them.
fn declaration(texts: &[&str]) -> (Vec<Document>, Vec<usize>) {
    let settings = Settings::default();
    let mut docs: Vec<Document> = texts.iter().map(|t| doc(t)).collect();
    let sections: Vec<_> = docs.iter_mut().map(|d| d.sections()).collect();
    let parts: Vec<(&str, &[privlint_core::syntax::Section])> = docs
        .iter()
        .zip(&sections)
        .map(|(d, s)| (d.text.as_str(), s.as_slice()))
        .collect();
    let combined = privlint_core::combined::Combined::from_sections(&parts);
    let (model, diagnostics) = combined.analyze(&settings);
    let model = std::sync::Arc::new(model);
    let mut per_file = vec![Vec::new(); docs.len()];
    for (file, d) in combined.split(diagnostics) {
        per_file[file].push(d);
    }
    for (doc, diagnostics) in docs.iter_mut().zip(per_file) {
        drop(doc.set_analysis(model.clone(), std::sync::Arc::new(diagnostics)));
    }
    (docs, combined.starts)
}

#[test]
fn navigation_and_rename_cross_files() {
    let (docs, starts) = declaration(&[
        "category a \"A\"\ncategory b \"B\"\n",
        "purpose p \"P\" {\n  data a\n}\n",
    ]);
    let uris: Vec<Uri> = ["file:///o.privacy", "file:///s.privacy"]
        .iter()
        .map(|u| u.parse().unwrap())
        .collect();
    let files = Files {
        starts: &starts,
        members: uris.iter().zip(docs.iter()).collect(),
        unit: ColumnUnit::Utf16,
    };
    let at = Positions {
        doc: &docs[1],
        unit: ColumnUnit::Utf16,
        files: Some(&files),
    };
    let location = definition(at, &uris[1], pos(1, 7)).unwrap();
    assert_eq!(
        (location.uri.as_str(), location.range.start),
        ("file:///o.privacy", pos(0, 9))
    );
    let refs = references(at, &uris[1], pos(1, 7), true);
    assert_eq!(refs.len(), 2);
    let edit = rename(at, &uris[1], pos(1, 7), "c").unwrap().unwrap();
    let changes = edit.changes.unwrap();
    assert_eq!(changes[&uris[0]][0].range.start, pos(0, 9));
    assert_eq!(changes[&uris[1]][0].range.start, pos(1, 7));
    let taken = rename(at, &uris[1], pos(1, 7), "b").unwrap_err();
    assert!(taken.contains("o.privacy (line 2)"), "{taken}");
    // `b` is unused: reported in the first file, from the second.
    assert!(
        docs[0]
            .diagnostics
            .iter()
            .any(|d| d.rule.name == "unused-definition")
    );
    let symbols = workspace_symbols(at, &uris[1], "");
    assert_eq!(symbols.len(), 3);
}

#[test]
fn rename_refuses_bad_and_taken_names() {
    let d = doc("category a \"A\"\ncategory b \"B\"\npurpose p \"P\" { data a, b }\n");
    let uri: Uri = "file:///x.privacy".parse().unwrap();
    assert!(rename(at(&d), &uri, pos(0, 9), "B").is_err());
    assert!(rename(at(&d), &uri, pos(0, 9), "b").is_err());
    let edit = rename(at(&d), &uri, pos(0, 9), "c").unwrap().unwrap();
    assert_eq!(edit.changes.unwrap()[&uri].len(), 2);
}

#[test]
fn the_notice_preview_renders_the_current_text_even_with_errors() {
    let text = r#"notice "Personvern" en "Privacy" { languages nb, en }
controller c "C AS" {
  country NO
  email "p@c.example"
  authority dt "Datatilsynet" en "The Data Protection Authority"
}
category k "Kontakt" en "Contact"
subject s "Kunder" en "Customers"
purpose p "Bestillinger <b>" en "Orders <b>" {
  basis contract
  provision contractual "Uten dem ingen ordre" en "Without them no order"
  data k
  subjects s
  retention 1 years after "kjøpet" en "the purchase"
}
rights { access; rectification; erasure; restriction; portability; objection; complaint dt }
"#;
    let uri = "file:///x.privacy";
    let request = |args: serde_json::Value| NoticeRequest::from_arguments(&[args]).unwrap();
    let d = doc(text);
    let nb = preview_notice(at(&d), &request(serde_json::json!({ "uri": uri })));
    assert_eq!(nb["languages"], serde_json::json!(["nb", "en"]));
    assert_eq!(nb["language"], "nb");
    let html = nb["html"].as_str().unwrap();
    // The renderer escapes the declaration's strings.
    assert!(html.contains("Bestillinger &lt;b&gt;"), "{html}");
    assert!(!html.contains("<b>") && !html.contains("<script"));
    let en = preview_notice(
        at(&d),
        &request(serde_json::json!({ "uri": uri, "language": "en" })),
    );
    assert_eq!(en["language"], "en");
    assert!(en["html"].as_str().unwrap().contains("Orders &lt;b&gt;"));
    // A language the notice is not published in falls back to the first.
    let nn = preview_notice(
        at(&d),
        &request(serde_json::json!({ "uri": uri, "language": "nn" })),
    );
    assert_eq!(nn["language"], "nb");
    let md = preview_notice(
        at(&d),
        &request(serde_json::json!({ "uri": uri, "format": "markdown" })),
    );
    assert_eq!(md["format"], "markdown");
    assert!(!md["html"].as_str().unwrap().contains("<html"));

    // An error (a purpose with no legal basis): still rendered, as a draft that says so.
    let broken = doc(&text.replace("basis contract", ""));
    let draft = preview_notice(at(&broken), &request(serde_json::json!({ "uri": uri })));
    let errors = draft["errors"].as_u64().unwrap();
    assert!(errors >= 1, "{draft}");
    let html = draft["html"].as_str().unwrap();
    assert!(html.contains("class=\"draft\"") && html.contains("Bestillinger"));
    assert_eq!(
        nb["errors"],
        0,
        "{}",
        d.diagnostics
            .iter()
            .map(|x| x.message.clone())
            .collect::<Vec<_>>()
            .join("; ")
    );
    assert!(!nb["html"].as_str().unwrap().contains("class=\"draft\""));
}

#[test]
fn the_notice_preview_checks_its_arguments() {
    let bad = |args: serde_json::Value| NoticeRequest::from_arguments(&[args]).err();
    assert!(NoticeRequest::from_arguments(&[]).is_err());
    assert!(bad(serde_json::json!({})).unwrap().contains("uri"));
    assert!(
        bad(serde_json::json!({ "uri": "file:///x.privacy", "format": "pdf" }))
            .unwrap()
            .contains("pdf")
    );
    assert!(bad(serde_json::json!({ "uri": "file:///x.privacy", "language": 3 })).is_some());
    assert!(bad(serde_json::json!({ "uri": "file:///x.privacy", "language": null })).is_none());
}
