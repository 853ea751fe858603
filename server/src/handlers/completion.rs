//! `textDocument/completion`: the fields valid at the cursor, or the values the statement's
//! field takes (vocabulary words, IDs of the right kind, country codes).

use privlint_core::fields::{self, Field};
use privlint_core::model::Kind;
use privlint_core::tree_sitter::Node;
use privlint_core::vocab::{
    AdequacyDecision, Channel, Claim, Condition, Cookie, DecisionSafeguard, DerogationGround,
    EEA_STATES, INTERNATIONAL_ORGANISATIONS, ISO_3166_ALPHA2, LegalBasis, Provision, RightKind,
    TransferSafeguard, Vocabulary, adequacy_decision, international_organisation, is_eea,
};
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types as lsp;

use super::{COMMON_LANGUAGES, REGION_WORDS, enclosing_parent, node_at, text_of, vocabulary_entry};
use crate::Backend;
use crate::convert::Positions;
use crate::document::Document;
use crate::scheduler::Reads;

pub async fn handle(
    backend: &Backend,
    params: lsp::CompletionParams,
) -> Result<Option<lsp::CompletionResponse>> {
    let p = params.text_document_position;
    let position = p.position;
    Ok(backend
        .with_document(&p.text_document.uri, Reads::All, move |at| {
            completion(at, position)
        })
        .await?
        .map(lsp::CompletionResponse::Array))
}

fn item(
    label: &str,
    kind: lsp::CompletionItemKind,
    detail: &str,
    docs: &str,
) -> lsp::CompletionItem {
    lsp::CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail: (!detail.is_empty()).then(|| detail.to_string()),
        documentation: (!docs.is_empty()).then(|| lsp::Documentation::String(docs.to_string())),
        ..lsp::CompletionItem::default()
    }
}

fn words<V: Vocabulary>() -> Vec<lsp::CompletionItem> {
    V::ALL
        .iter()
        .map(|v| {
            item(
                v.word(),
                lsp::CompletionItemKind::ENUM_MEMBER,
                v.article(),
                v.explanation(),
            )
        })
        .collect()
}

fn ids(doc: &Document, kind: Kind) -> Vec<lsp::CompletionItem> {
    doc.model
        .symbols
        .iter()
        .filter(|(_, s)| s.kind == kind)
        .map(|(name, _)| {
            item(
                name,
                lsp::CompletionItemKind::REFERENCE,
                kind.describe().en,
                "",
            )
        })
        .collect()
}

/// The fields allowed in a block of `parent` (`None`: the top level).
fn fields_for(parent: Option<&str>) -> &'static [Field] {
    fields::block_of(parent).map_or(&[], |block| block.fields)
}

/// Completion: node names valid at the cursor, or the values the statement's field takes
/// (vocabulary words, IDs of the right kind, country codes).
pub fn completion(at: Positions, position: lsp::Position) -> Vec<lsp::CompletionItem> {
    let doc = at.doc;
    let Some(offset) = at.offset(position) else {
        return Vec::new();
    };
    let line_start = doc.text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let before = doc.text[line_start..offset].trim_start();
    // The statement being written on this line: after the last `;` or `{`.
    let statement = before.rsplit([';', '{']).next().unwrap_or("").trim_start();
    let mut words_before = statement.split_whitespace();
    let first = words_before.next();
    let writing_name =
        statement.is_empty() || (!statement.contains(char::is_whitespace) && first.is_some());
    let node = node_at(doc, offset.saturating_sub(1).max(line_start));
    let parent = if before.contains('{') {
        before
            .split('{')
            .rev()
            .nth(1)
            .and_then(|s| s.split_whitespace().next())
    } else {
        enclosing_parent(doc, node)
    };
    if writing_name {
        return fields_for(parent)
            .iter()
            .map(|f| {
                let (detail, docs) = match parent {
                    Some("rights") => vocabulary_entry::<RightKind>(f.name).unwrap_or(("", f.doc)),
                    Some("claims") => vocabulary_entry::<Claim>(f.name).unwrap_or(("", f.doc)),
                    _ => ("", f.doc),
                };
                item(f.name, lsp::CompletionItemKind::KEYWORD, detail, docs)
            })
            .collect();
    }
    let rest: Vec<&str> = words_before.collect();
    // The word after `derogation` is being written: the whole word is typed, or a part of it.
    let after_derogation = match rest.as_slice() {
        ["derogation"] => statement.ends_with(char::is_whitespace),
        ["derogation", ground] => {
            !ground.starts_with('"') && !statement.ends_with(char::is_whitespace)
        }
        _ => false,
    };
    match first.unwrap_or("") {
        "basis" => words::<LegalBasis>(),
        "condition" => words::<Condition>(),
        "safeguard" if after_derogation => words::<DerogationGround>(),
        "safeguard" => words::<TransferSafeguard>(),
        "safeguards" => words::<DecisionSafeguard>(),
        "provision" => words::<Provision>(),
        "cookies" => words::<Cookie>(),
        "direct_marketing" => words::<Channel>(),
        "international_organisation" => INTERNATIONAL_ORGANISATIONS
            .iter()
            .filter_map(|key| Some((key, international_organisation(key)?)))
            .map(|(key, d): (_, &AdequacyDecision)| {
                item(
                    key,
                    lsp::CompletionItemKind::ENUM_MEMBER,
                    d.name,
                    &format!("adequacy decision {} (Art. 45)", d.decision),
                )
            })
            .collect(),
        // Art. 8 ages are set by EEA States: the codes of the EEA (one outside it is read, and
        // ignored where the age is looked up).
        "online_service" => ISO_3166_ALPHA2
            .iter()
            .filter(|c| is_eea(c))
            .map(|c| item(c, lsp::CompletionItemKind::VALUE, "EEA", ""))
            .collect(),
        "data" => ids(doc, Kind::Category),
        "subjects" => ids(doc, Kind::Subject),
        "sources" => ids(doc, Kind::Source),
        "recipients" => ids(doc, Kind::Recipient),
        "processors" => ids(doc, Kind::Processor),
        "joint_controllers" => ids(doc, Kind::JointController),
        "complaint" => ids(doc, Kind::Authority),
        "reuses" => {
            // A purpose does not reuse the data of itself.
            let own = enclosing_definition(doc, node);
            let mut items = ids(doc, Kind::Purpose);
            items.retain(|i| Some(i.label.as_str()) != own);
            items
        }
        "languages" => COMMON_LANGUAGES
            .iter()
            .map(|(tag, name)| item(tag, lsp::CompletionItemKind::VALUE, name, ""))
            .collect(),
        "retention" => ["until", "indefinite", "after"]
            .iter()
            .map(|w| item(w, lsp::CompletionItemKind::KEYWORD, "", ""))
            .collect(),
        "country" | "establishment" => REGION_WORDS
            .iter()
            .map(|(word, detail, explanation)| {
                item(
                    word,
                    lsp::CompletionItemKind::ENUM_MEMBER,
                    detail,
                    explanation,
                )
            })
            .chain(ISO_3166_ALPHA2.iter().map(|c| {
                let detail = if EEA_STATES.contains(c) {
                    "EEA"
                } else if is_eea(c) {
                    "EEA (a region with its own code)"
                } else if adequacy_decision(c).is_some() {
                    "outside the EEA, adequacy decision"
                } else {
                    "outside the EEA"
                };
                item(c, lsp::CompletionItemKind::VALUE, detail, "")
            }))
            .collect(),
        _ => Vec::new(),
    }
}

/// The ID of the definition whose block holds `node` (`purpose p "P" { … }` gives `p`).
fn enclosing_definition<'d>(doc: &'d Document, node: Node) -> Option<&'d str> {
    let statement = std::iter::successors(Some(node), |n| n.parent())
        .filter(|n| n.kind() == "block")
        .find_map(|block| block.parent())?;
    let group = statement.child_by_field_name("arguments")?.named_child(0)?;
    let id = group.named_child(0).filter(|n| n.kind() == "identifier")?;
    Some(text_of(doc, id))
}
