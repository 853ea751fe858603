//! `workspace/executeCommand`: `privlint.explainRule`, `privlint.listRules` and
//! `privlint.previewNotice`.

use privlint_core::Severity;
use privlint_core::rules::find;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::{self as lsp, Uri};

use crate::Backend;
use crate::convert::Positions;
use crate::scheduler::Reads;

/// The command that explains a rule.
pub const EXPLAIN_RULE: &str = "privlint.explainRule";

/// Every command the server offers, for its capabilities.
pub const COMMANDS: [&str; 3] = [EXPLAIN_RULE, PREVIEW_NOTICE, LIST_RULES];

pub async fn handle(
    backend: &Backend,
    params: lsp::ExecuteCommandParams,
) -> Result<Option<serde_json::Value>> {
    match params.command.as_str() {
        PREVIEW_NOTICE => preview_notice_of(backend, &params.arguments).await,
        LIST_RULES => Ok(Some(list_rules())),
        EXPLAIN_RULE => {
            let rule = params
                .arguments
                .first()
                .and_then(|a| a.as_str())
                .unwrap_or("");
            match explain(rule) {
                Some(docs) => Ok(Some(serde_json::Value::String(docs))),
                None => Err(Error::invalid_params(format!("unknown rule `{rule}`"))),
            }
        }
        other => Err(Error::invalid_params(format!("unknown command `{other}`"))),
    }
}

/// `privlint.previewNotice { uri, language?, format? }`: the notice of an open document as its
/// text is now (see [`preview_notice`]).
async fn preview_notice_of(
    backend: &Backend,
    arguments: &[serde_json::Value],
) -> Result<Option<serde_json::Value>> {
    let request = NoticeRequest::from_arguments(arguments).map_err(Error::invalid_params)?;
    let uri = request.uri.clone();
    match backend
        .with_document(&uri, Reads::All, move |at| preview_notice(at, &request))
        .await?
    {
        Some(preview) => Ok(Some(preview)),
        None => Err(Error::invalid_params(format!(
            "{} is not open in the editor",
            uri.as_str()
        ))),
    }
}

/// The documentation of a rule, for the editor's "explain" command.
pub fn explain(rule: &str) -> Option<String> {
    find(rule).map(|r| r.meta().explanation())
}

/// The command that renders the privacy notice for the editor's preview.
pub const PREVIEW_NOTICE: &str = "privlint.previewNotice";

/// What `privlint.previewNotice` is asked: `{ uri, language?, format? }` (format `html`, the
/// default, or `markdown`/`md`).
pub struct NoticeRequest {
    pub uri: Uri,
    pub language: Option<String>,
    pub format: privlint_core::publish::notice::Format,
}

impl NoticeRequest {
    pub fn from_arguments(
        arguments: &[serde_json::Value],
    ) -> std::result::Result<NoticeRequest, String> {
        let usage = "expects one argument { uri, language?, format? }";
        let Some(serde_json::Value::Object(args)) = arguments.first() else {
            return Err(format!("{PREVIEW_NOTICE} {usage}"));
        };
        let uri = args
            .get("uri")
            .and_then(|u| u.as_str())
            .ok_or_else(|| format!("{PREVIEW_NOTICE} {usage}: no `uri`"))?;
        let uri: Uri = uri
            .parse()
            .map_err(|_| format!("{PREVIEW_NOTICE}: `{uri}` is not a URI"))?;
        let language = match args.get("language") {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(tag)) => Some(tag.clone()),
            Some(_) => return Err(format!("{PREVIEW_NOTICE}: `language` is a tag like \"en\"")),
        };
        use privlint_core::publish::notice::Format;
        let format = match args.get("format").and_then(|f| f.as_str()) {
            None | Some("html") => Format::Html,
            Some("markdown" | "md") => Format::Markdown,
            Some(other) => {
                return Err(format!(
                    "{PREVIEW_NOTICE}: unknown format `{other}` (html or markdown)"
                ));
            }
        };
        Ok(NoticeRequest {
            uri,
            language,
            format,
        })
    }
}

/// `privlint.listRules`: every rule as data, for the editor's pick list (so that it does not
/// parse the table `privlint rules` prints).
pub const LIST_RULES: &str = "privlint.listRules";

pub fn list_rules() -> serde_json::Value {
    privlint_core::rules::ALL
        .iter()
        .map(|rule| rule.meta().to_json())
        .collect()
}

/// The notice of the document as its text is now, for the editor's preview:
/// `{ html, languages, language, format, errors }`. `html` is the rendered notice (Markdown when
/// asked for); `languages` those of the notice privlint can write (`nb` when it names none);
/// `language` the one rendered: the one asked for when it is among them, else the first (a
/// preview goes on showing while `languages` is being edited). A declaration with errors is
/// rendered as a draft, whose banner counts them: a work in progress must still show.
pub fn preview_notice(at: Positions, request: &NoticeRequest) -> serde_json::Value {
    use privlint_core::publish::Language;
    use privlint_core::publish::notice::{self, Format, Options};
    let model = &at.doc.model;
    let mut languages: Vec<Language> = model
        .notice
        .as_ref()
        .map(|n| n.languages())
        .unwrap_or_default()
        .into_iter()
        .filter_map(Language::from_tag)
        .collect();
    languages.dedup();
    if languages.is_empty() {
        languages.push(Language::Nb);
    }
    let language = request
        .language
        .as_deref()
        .and_then(Language::from_tag)
        .filter(|l| languages.contains(l))
        .unwrap_or(languages[0]);
    let errors = at
        .doc
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let options = Options {
        language,
        draft: (errors > 0).then_some(errors),
    };
    serde_json::json!({
        "html": notice::render(model, options, request.format),
        "languages": languages.iter().map(|l| l.tag()).collect::<Vec<_>>(),
        "language": language.tag(),
        "format": if request.format == Format::Html { "html" } else { "markdown" },
        "errors": errors,
    })
}
