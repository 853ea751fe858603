//! `textDocument/hover`: the article behind a vocabulary word, what a country code means for
//! transfers, the definition of an ID, the documentation of the rules that fire there.

use privlint_core::ColumnUnit;
use privlint_core::fields;
use privlint_core::model::Symbol;
use privlint_core::publish::notice::markdown;
use privlint_core::vocab::{
    Channel, Claim, Condition, Cookie, DecisionSafeguard, DerogationGround, ISO_3166_ALPHA2,
    LegalBasis, Provision, RightKind, TransferSafeguard, adequacy_decision,
    international_organisation, is_eea,
};
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types as lsp;

use super::{
    COMMON_LANGUAGES, REGION_WORDS, enclosing_parent, node_at, span_of, statement_of, text_of,
    vocabulary_entry,
};
use crate::Backend;
use crate::convert::Positions;
use crate::scheduler::Reads;

pub async fn handle(backend: &Backend, params: lsp::HoverParams) -> Result<Option<lsp::Hover>> {
    let p = params.text_document_position_params;
    let position = p.position;
    backend
        .with_document(&p.text_document.uri, Reads::All, move |at| {
            hover(at, position)
        })
        .await
        .map(Option::flatten)
}

/// The article and explanation of a vocabulary word, read in the context of its statement.
/// `previous` is the word before it in its group (`derogation` before a ground).
fn explain_word(
    field: &str,
    word: &str,
    previous: Option<&str>,
    parent: Option<&str>,
) -> Option<(&'static str, &'static str)> {
    match field {
        "basis" => vocabulary_entry::<LegalBasis>(word),
        "condition" => vocabulary_entry::<Condition>(word),
        "safeguard" if previous == Some("derogation") => vocabulary_entry::<DerogationGround>(word),
        "safeguard" => vocabulary_entry::<TransferSafeguard>(word),
        "safeguards" => vocabulary_entry::<DecisionSafeguard>(word),
        "provision" => vocabulary_entry::<Provision>(word),
        "cookies" => vocabulary_entry::<Cookie>(word),
        "direct_marketing" => vocabulary_entry::<Channel>(word),
        _ => match parent {
            Some("rights") => vocabulary_entry::<RightKind>(word),
            Some("claims") => vocabulary_entry::<Claim>(word),
            _ => None,
        },
    }
}

fn describe_region(word: &str) -> Option<String> {
    REGION_WORDS
        .iter()
        .find(|(w, _, _)| *w == word)
        .map(|(w, _, explanation)| {
            format!("**`{w}`** — region word of `country`\n\n{explanation}.")
        })
}

fn describe_language(tag: &str, translation: bool) -> String {
    let name = COMMON_LANGUAGES
        .iter()
        .find(|(t, _)| *t == tag)
        .map(|(_, name)| format!(" ({name})"))
        .unwrap_or_default();
    if translation {
        format!(
            "`{tag}`{name}: language tag — the string after it is the translation into this language."
        )
    } else {
        format!("`{tag}`{name}: language tag — a language the notice is published in.")
    }
}

fn describe_country(code: &str) -> String {
    if is_eea(code) {
        return format!("`{code}` is in the EEA: transfers there need no safeguard (Art. 44).");
    }
    if code == "US" {
        return "`US` is outside the EEA. The adequacy decision for the United States covers only organisations certified under the EU–US Data Privacy Framework: `safeguard dpf` (Art. 45); otherwise `safeguard scc` (Art. 46(2)(c)).".into();
    }
    match adequacy_decision(code) {
        Some(d) => format!(
            "`{code}` ({}) is outside the EEA, with an adequacy decision of the Commission: {} (Art. 45){}{}.",
            d.name,
            d.decision,
            d.scope
                .map(|s| format!("; it covers {s}"))
                .unwrap_or_default(),
            d.note.map(|n| format!("; {n}")).unwrap_or_default(),
        ),
        None if ISO_3166_ALPHA2.binary_search(&code).is_ok() => format!(
            "`{code}` is outside the EEA, with no adequacy decision: transfers need a safeguard of Art. 46 (`safeguard scc`, …)."
        ),
        None => format!("`{code}` is not an ISO 3166-1 alpha-2 country code."),
    }
}

/// The adequacy decision of an international organisation, after `international_organisation`.
fn describe_organisation(key: &str) -> Option<String> {
    let decision = international_organisation(key)?;
    Some(format!(
        "**`{key}`** — {}: an international organisation (Art. 4(26)) with an adequacy decision of the Commission, {} (Art. 45){}.",
        decision.name,
        decision.decision,
        decision.note.map(|n| format!("; {n}")).unwrap_or_default(),
    ))
}

fn describe_symbol(at: Positions, name: &str, symbol: &Symbol) -> String {
    let Some((doc, span)) = at.model_text(symbol.span) else {
        return format!("`{name}`: {}.", symbol.kind.describe().en);
    };
    let line = doc.position(span.start, ColumnUnit::Char).line + 1;
    let place = match at.files {
        Some(files) if !std::ptr::eq(doc, at.doc) => {
            let file = files
                .members
                .iter()
                .find(|(_, d)| std::ptr::eq(*d, doc))
                .and_then(|(uri, _)| uri.as_str().rsplit('/').next().map(str::to_string))
                .unwrap_or_default();
            format!(" of `{file}`")
        }
        _ => String::new(),
    };
    // The label as the model read it (escapes decoded), not cut from the text; escaped, because
    // the hover is Markdown and a label from a pull request must not become a link, an image
    // loaded from a server, or HTML.
    let label = at
        .doc
        .model
        .label_of(symbol)
        .map(|l| format!(" \"{}\"", markdown::escape(l)))
        .unwrap_or_default();
    format!(
        "`{name}`{label}: {}, defined on line {line}{place}.",
        symbol.kind.describe().en
    )
}

/// Hover: the article behind a vocabulary word, what a country code means for transfers, the
/// definition of an ID, and the documentation of the rules that fire under the cursor.
pub fn hover(at: Positions, position: lsp::Position) -> Option<lsp::Hover> {
    let doc = at.doc;
    let offset = at.offset(position)?;
    let node = node_at(doc, offset);
    let mut parts = Vec::new();
    let word = text_of(doc, node);
    match node.kind() {
        "identifier" => {
            if let Some((statement, is_name)) = statement_of(node) {
                let field = statement
                    .child_by_field_name("name")
                    .map(|n| text_of(doc, n))
                    .unwrap_or("");
                let parent = enclosing_parent(doc, statement);
                let previous = node.prev_named_sibling();
                let previous_word = previous
                    .filter(|p| p.kind() == "identifier")
                    .map(|p| text_of(doc, p));
                let explained = if is_name {
                    explain_word("", word, None, parent)
                } else {
                    explain_word(field, word, previous_word, parent)
                };
                if let Some((article, explanation)) = explained {
                    parts.push(format!("**`{word}`** — GDPR {article}\n\n{explanation}."));
                } else if is_name {
                    if let Some(f) = fields::field(parent, word) {
                        let place = fields::block_of(parent)
                            .map(|b| b.place())
                            .unwrap_or_default();
                        parts.push(format!(
                            "**`{word}`** — field {place}\n\n{}.",
                            capitalise(f.doc)
                        ));
                    }
                } else if matches!(field, "country" | "establishment")
                    && let Some(region) = describe_region(word)
                {
                    parts.push(region);
                } else if field == "international_organisation"
                    && let Some(organisation) = describe_organisation(word)
                {
                    parts.push(organisation);
                } else if field == "languages" {
                    parts.push(describe_language(word, false));
                } else if previous.is_some_and(|p| matches!(p.kind(), "string" | "text_block"))
                    && node
                        .next_named_sibling()
                        .is_some_and(|n| matches!(n.kind(), "string" | "text_block"))
                {
                    parts.push(describe_language(word, true));
                } else if let Some(symbol) = doc.model.symbols.get(word) {
                    parts.push(describe_symbol(at, word, symbol));
                }
            }
        }
        "country" => parts.push(describe_country(word)),
        _ => {}
    }
    for d in doc
        .diagnostics
        .iter()
        .filter(|d| d.span.start <= offset && offset <= d.span.end.max(d.span.start + 1))
    {
        // The finding's message is in the language of the check, and cites its article so;
        // the rule's full documentation after it is in English, as `privlint explain`'s.
        parts.push(format!(
            "**{}** ({}): {}\n\n{}",
            d.rule.name,
            d.severity.as_str(),
            d.message,
            d.rule.documentation()
        ));
    }
    if parts.is_empty() {
        return None;
    }
    let range = matches!(node.kind(), "identifier" | "country").then(|| at.range(span_of(node)));
    Some(lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: parts.join("\n\n---\n\n"),
        }),
        range,
    })
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
