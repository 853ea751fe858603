//! Every fact of the model appears in the rendered notice, in each language and format: every
//! shown text (in the requested language, language.md §8), the legal bases and their laws or
//! interests, the conditions and their laws, the categories, recipients, processors and joint
//! controllers, their countries, the transfer safeguards, the retention, and the rights granted
//! — and no right that is not granted. The declarations are generated with strings full of
//! HTML and Markdown metacharacters, so the property also covers escaping: the text read back
//! from the HTML (tags stripped, entities decoded) and from the Markdown (backslash escapes
//! removed, character references decoded) must contain each fact as written.
//!
//! `PROPTEST_CASES=2000 cargo test -p privlint-core --test notice_facts` runs more cases.

use privlint_core::model::{Model, Place, RetentionPeriod, Text};
use privlint_core::publish::Language;
use privlint_core::publish::notice::{self, Block, Format, Inline, Options, text};
use privlint_core::vocab::{RightKind, TimeUnit, Vocabulary};
use privlint_core::{Settings, analyze, syntax};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(256)
    ))]

    #[test]
    fn every_fact_appears_in_every_language_and_format(source in declaration()) {
        let sections = syntax::read(&source);
        let (model, _) = analyze(&source, &sections, &Settings::default());
        prop_assert!(!model.purposes.is_empty(), "no purpose read from:\n{source}");
        for language in Language::ALL {
            let options = Options { language, draft: Some(0) };
            let html = html_text(&notice::render(&model, options, Format::Html));
            let md = markdown_text(&notice::render(&model, options, Format::Markdown));
            for (format, shown) in [("html", &html), ("md", &md)] {
                for fact in facts(&model, language) {
                    prop_assert!(
                        shown.contains(&fact),
                        "{format} in {}: {fact:?} is missing\n--- declaration:\n{source}\n--- text:\n{shown}",
                        language.tag()
                    );
                }
                for absent in absent_rights(&model, language) {
                    prop_assert!(
                        !shown.to_lowercase().contains(&absent),
                        "{format} in {}: {absent:?} is not granted but shown\n{source}",
                        language.tag()
                    );
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(256)
    ))]

    /// Every frame with every kind of value it takes (cli.md v3): in privlint's running text
    /// (paragraphs and list items, not headings or terms) no "label: value" frame and no digit
    /// 1-12 before a unit; no country shown as its raw code; no Bokmål form in the Nynorsk
    /// fixed text. Both formats are written from the same document, so it is checked once.
    #[test]
    fn sentences_read_whole_in_every_language(source in declaration()) {
        let sections = syntax::read(&source);
        let (model, _) = analyze(&source, &sections, &Settings::default());
        let codes: Vec<&str> = model
            .parties
            .iter()
            .filter_map(|p| p.country.as_ref())
            .chain(model.sources.iter().filter_map(|s| s.country.as_ref()))
            .flat_map(|c| &c.values)
            .map(|v| v.code.as_str())
            .collect();
        for language in Language::ALL {
            let document = notice::document(&model, Options { language, draft: Some(0) });
            let mut runs = Vec::new();
            for section in &document.sections {
                running_text(section, &mut runs);
            }
            for block in &document.intro {
                block_runs(block, &mut runs);
            }
            for run in &runs {
                let shown = notice::html::plain(run);
                for (i, inline) in run.iter().enumerate() {
                    let (Inline::Fixed(text) | Inline::Declared { text, .. }) = inline else {
                        continue;
                    };
                    prop_assert!(
                        !codes.contains(&text.trim()),
                        "{}: a raw country code in {shown:?}\n{source}", language.tag()
                    );
                    let Inline::Fixed(fixed) = inline else { continue };
                    prop_assert!(
                        !(fixed.trim_end().ends_with(':') && i + 1 < run.len()),
                        "{}: a \"label: value\" frame in {shown:?}\n{source}", language.tag()
                    );
                    prop_assert!(
                        digit_before_unit(fixed, language).is_none(),
                        "{}: {:?} in {shown:?}", language.tag(), digit_before_unit(fixed, language)
                    );
                    if language == Language::Nn {
                        let lower = format!("{} ", fixed.to_lowercase());
                        for form in text::BOKMAL_FORMS {
                            prop_assert!(!lower.contains(form), "Bokmål {form:?} in {shown:?}");
                        }
                    }
                }
            }
        }
    }
}

/// The runs of running text in a section: its paragraphs and list items, and those in the
/// bodies of its terms; not headings or terms.
fn running_text(section: &notice::Section, runs: &mut Vec<Vec<Inline>>) {
    for block in &section.blocks {
        block_runs(block, runs);
    }
    for sub in &section.subsections {
        running_text(sub, runs);
    }
}

fn block_runs(block: &Block, runs: &mut Vec<Vec<Inline>>) {
    match block {
        Block::Paragraph(run) => runs.push(flatten(run)),
        Block::List(items) => runs.extend(items.iter().map(|i| flatten(i))),
        Block::Folded { line, body } => {
            runs.push(flatten(line));
            for block in body {
                block_runs(block, runs);
            }
        }
        Block::Facts(facts) => {
            for fact in facts {
                for block in &fact.body {
                    block_runs(block, runs);
                }
            }
        }
    }
}

/// A run with strong text and links opened into their content.
fn flatten(run: &[Inline]) -> Vec<Inline> {
    let mut out = Vec::new();
    for inline in run {
        match inline {
            Inline::Strong(content) | Inline::Link { content, .. } => out.extend(flatten(content)),
            other => out.push(other.clone()),
        }
    }
    out
}

/// A number from 1 to 12 written in digits before a unit of time ("5 år"), if there is one.
fn digit_before_unit(text: &str, language: Language) -> Option<String> {
    let units: Vec<&str> = [
        TimeUnit::Day,
        TimeUnit::Week,
        TimeUnit::Month,
        TimeUnit::Year,
    ]
    .into_iter()
    .flat_map(|u| {
        let (one, many) = text::unit(u);
        [one.get(language), many.get(language)]
    })
    .collect();
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).find_map(|w| {
        let n: u64 = w[0].parse().ok()?;
        ((1..=12).contains(&n) && units.contains(&w[1])).then(|| format!("{} {}", w[0], w[1]))
    })
}

fn normal(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text a reader of the HTML sees: tags stripped, entities decoded.
fn html_text(html: &str) -> String {
    let body = &html[html.find("<body>").expect("a body")..];
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    assert!(
        !out.contains('<') && !out.contains('>'),
        "a raw < or > in the HTML text"
    );
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    normal(&out)
}

/// The text of the Markdown with backslash escapes removed and character references (`&lt;`,
/// `&gt;`, `&amp;`, `&#123;`) decoded, as a Markdown reader shows it.
fn markdown_text(md: &str) -> String {
    let mut out = String::new();
    let mut rest = md;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        if c == '\\' && rest.starts_with(|n: char| n.is_ascii_punctuation()) {
            out.push(rest.chars().next().unwrap());
            rest = &rest[1..];
        } else if c == '&' {
            let reference = rest.find(';').map(|end| (&rest[..end], end));
            let decoded = reference.and_then(|(name, end)| {
                let c = match name {
                    "lt" => '<',
                    "gt" => '>',
                    "amp" => '&',
                    _ => char::from_u32(name.strip_prefix('#')?.parse().ok()?)?,
                };
                Some((c, end))
            });
            match decoded {
                Some((c, end)) => {
                    out.push(c);
                    rest = &rest[end + 1..];
                }
                None => out.push('&'),
            }
        } else {
            out.push(c);
        }
    }
    normal(&out)
}

/// What the notice must say about the model, in `language`.
fn facts(model: &Model, language: Language) -> Vec<String> {
    let tag = language.tag();
    // "Must you give us the data?" is asked only where the purpose collects from the person.
    let unasked: Vec<&Text> = model
        .purposes
        .iter()
        .filter(|p| !model.collects_from_person(p))
        .filter_map(|p| p.provision.as_ref())
        .flat_map(|p| p.condition.iter().chain(&p.consequence))
        .collect();
    let mut facts: Vec<String> = model
        .shown_texts()
        .into_iter()
        .filter(|t| !unasked.iter().any(|u| std::ptr::eq(*u, *t)))
        .map(|t| t.in_language(tag).to_string())
        .collect();
    let country = |code: &str, place: Place| match place {
        Place::SomewhereOutsideEea => text::SOMEWHERE_OUTSIDE_EEA.get(language).to_string(),
        Place::SomewhereInEea => text::SOMEWHERE_IN_EEA.get(language).to_string(),
        _ => notice::country_name(code, language)
            .unwrap_or(code)
            .to_string(),
    };
    if let Some(c) = model.controller() {
        facts.extend(c.name.iter().map(|n| n.value.clone()));
        facts.extend(c.contact.email.iter().map(|e| e.value.clone()));
    }
    for purpose in &model.purposes {
        for basis in &purpose.bases {
            facts.push(text::basis(basis.kind).0.get(language).to_string());
            facts.extend(basis.detail.iter().map(|d| d.in_language(tag).to_string()));
        }
        for condition in &purpose.conditions {
            let sentence = text::condition(condition.kind).get(language);
            facts.push(sentence.trim_end_matches('.').to_string());
            facts.extend(condition.detail.iter().map(|d| d.value.clone()));
        }
        for reference in purpose.party_references() {
            let Some(party) = model.party(reference) else {
                continue;
            };
            for value in party.country.iter().flat_map(|c| &c.values) {
                facts.push(country(&value.code, value.place));
            }
            for safeguard in &party.safeguards {
                let sentence = text::safeguard(safeguard.kind).0.get(language);
                facts.push(sentence.trim_end_matches('.').to_string());
            }
        }
        for source in purpose.sources.iter().filter_map(|r| r.target()) {
            for value in model.sources[source].country.iter().flat_map(|c| &c.values) {
                facts.push(country(&value.code, value.place));
            }
        }
        if let Some(retention) = &purpose.retention {
            let duration = match &retention.period {
                RetentionPeriod::Fixed(d) | RetentionPeriod::After(d, _) => Some(*d),
                _ => None,
            };
            if let Some(d) = duration {
                facts.push(notice::duration_text(d, language));
            }
        }
    }
    for right in model.rights.iter().flat_map(|r| &r.granted) {
        let name = text::right(right.kind).0.get(language);
        // Capitalised, as it begins the right's line in the part on the rights.
        let mut chars = name.chars();
        let first = chars.next().unwrap().to_uppercase().collect::<String>();
        facts.push(format!("{first}{}", chars.as_str()));
    }
    facts
        .into_iter()
        .map(|f| normal(&f))
        .filter(|f| !f.is_empty())
        .collect()
}

/// The names of the rights that are not granted, lower case: the notice must not show them.
fn absent_rights(model: &Model, language: Language) -> Vec<String> {
    RightKind::ALL
        .iter()
        .filter(|k| model.rights.as_ref().is_none_or(|r| r.right(**k).is_none()))
        .map(|k| text::right(*k).0.get(language).to_lowercase())
        .collect()
}

// ---- The generator ---------------------------------------------------------------------------

/// Text with HTML and Markdown metacharacters, Norwegian letters and line breaks.
fn words() -> impl Strategy<Value = String> {
    let piece = select(vec![
        "Kunder",
        "personvern",
        "æøå",
        "ÆØÅ",
        " ",
        "  ",
        "<script>",
        "</li>",
        "&amp;",
        "&",
        "*",
        "**",
        "_",
        "[x](y)",
        "`kode`",
        "# ",
        "- ",
        "1. ",
        "> ",
        "|",
        "~",
        "!",
        "\\",
        "\"",
        "'",
        "\n",
        "§ 10",
        "🙂",
        "e-post",
        "(a)",
        "{",
        "}",
    ]);
    prop::collection::vec(piece, 1..6).prop_map(|p| p.concat())
}

/// A string literal of the language: `"…"` with `\` and `"` escaped (and line breaks).
fn literal(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A shown string with translations into some of nn and en: `"…" nn "…" en "…"`.
fn shown() -> impl Strategy<Value = String> {
    (
        words(),
        prop::option::of(words()),
        prop::option::of(words()),
    )
        .prop_map(|(nb, nn, en)| {
            let mut out = literal(&nb);
            if let Some(nn) = nn {
                out.push_str(&format!(" nn {}", literal(&format!("nn {nn}"))));
            }
            if let Some(en) = en {
                out.push_str(&format!(" en {}", literal(&format!("en {en}"))));
            }
            out
        })
}

fn country() -> impl Strategy<Value = &'static str> {
    select(vec![
        "NO",
        "SE",
        "DE",
        "US",
        "IN",
        "GB",
        "CH",
        "JP",
        "BR",
        "ZA",
        "AT",
        "PT",
        "GP",
        "outside_eea",
        "eea",
    ])
}

#[derive(Clone, Debug)]
struct Party {
    keyword: &'static str,
    label: String,
    country: Option<&'static str>,
    safeguard: Option<String>,
    extra: Option<String>,
}

fn party(keyword: &'static str) -> impl Strategy<Value = Party> {
    let safeguard = prop_oneof![
        select(vec![
            "scc",
            "dpf",
            "bcr",
            "adequacy",
            "certification",
            "code_of_conduct",
            "ad_hoc_clauses"
        ])
        .prop_map(String::from),
        (
            select(vec!["contract", "explicit_consent", "legal_claims"]),
            shown()
        )
            .prop_map(|(g, r)| format!("derogation {g} {r}")),
    ];
    let extra: BoxedStrategy<Option<String>> = match keyword {
        "joint_controller" => {
            prop::option::of(shown().prop_map(|a| format!("arrangement {a}"))).boxed()
        }
        "recipient" => prop::option::of(Just("public_authority".to_string())).boxed(),
        _ => prop::option::of(Just("agreement \"DBA-1\"".to_string())).boxed(),
    };
    (
        shown(),
        prop::option::of(country()),
        prop::option::of(safeguard),
        extra,
    )
        .prop_map(move |(label, country, safeguard, extra)| Party {
            keyword,
            label,
            country,
            safeguard,
            extra,
        })
}

fn retention() -> impl Strategy<Value = String> {
    let unit = select(vec![
        "day", "days", "week", "weeks", "month", "months", "year", "years",
    ]);
    prop_oneof![
        (1..40u32, unit.clone()).prop_map(|(n, u)| format!("retention {n} {u}")),
        (1..40u32, unit, shown()).prop_map(|(n, u, e)| format!("retention {n} {u} after {e}")),
        shown().prop_map(|e| format!("retention until {e}")),
        shown().prop_map(|r| format!("retention indefinite {r}")),
    ]
}

fn basis() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("basis consent".to_string()),
        Just("basis contract".to_string()),
        Just("basis vital_interests".to_string()),
        words().prop_map(|law| format!("basis legal_obligation {}", literal(&law))),
        words().prop_map(|law| format!("basis public_task {}", literal(&law))),
        shown().prop_map(|i| format!("basis legitimate_interests {i}")),
    ]
}

fn condition() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("condition explicit_consent".to_string()),
        Just("condition legal_claims".to_string()),
        words().prop_map(|law| format!("condition health_care {}", literal(&law))),
        words().prop_map(|law| format!("condition authorised_by_law {}", literal(&law))),
    ]
}

fn declaration() -> impl Strategy<Value = String> {
    let categories = prop::collection::vec(
        (
            shown(),
            prop::collection::vec(shown(), 0..3),
            select(vec!["", "special", "criminal"]),
        ),
        1..4,
    );
    let parties = (
        prop::collection::vec(party("recipient"), 0..3),
        prop::collection::vec(party("processor"), 0..3),
        prop::collection::vec(party("joint_controller"), 0..2),
    );
    let purposes = prop::collection::vec(
        (
            shown(),
            prop::collection::vec(basis(), 0..3),
            prop::collection::vec(condition(), 0..2),
            prop::option::of(retention()),
            prop::option::of((
                select(vec![
                    "statutory",
                    "contractual",
                    "precontractual",
                    "voluntary",
                    "conditional",
                ]),
                prop::option::of(shown()),
            )),
            prop::option::of((shown(), prop::option::of(shown()))),
            any::<u8>(),
            (
                prop::option::of(shown()),
                prop::collection::vec(shown(), 0..2),
                subsequence(
                    vec!["strictly_necessary", "functional", "analytics", "marketing"],
                    0..=2,
                ),
                prop::option::of((shown(), prop::option::of(words()))),
            ),
        ),
        1..4,
    );
    let rights = (
        subsequence(RightKind::WORDS.to_vec(), 0..=RightKind::WORDS.len()),
        prop::option::of(shown()),
        prop::option::of(1..60u32),
    );
    (
        prop::option::of(shown()),
        prop::option::of(shown()),
        categories,
        prop::collection::vec(shown(), 0..3),
        prop::collection::vec((shown(), any::<bool>(), prop::option::of(country()), any::<bool>()), 0..3),
        parties,
        purposes,
        rights,
    )
        .prop_map(|(title, dpo, categories, subjects, sources, (recipients, processors, joints), purposes, (rights, qualifier, respond))| {
            let mut out = String::new();
            match title {
                Some(title) => out.push_str(&format!("notice {title} {{\n  languages nb, nn, en\n}}\n")),
                None => out.push_str("notice \"Personvern\" {\n  languages nb, nn, en\n}\n"),
            }
            out.push_str("controller ctl \"Eksempel & Co <AS>\" {\n  country NO\n  email \"post@eksempel.no\"\n  self_service \"https://eksempel.no/mine-data\"\n  note \"Ikke send fødselsnummer på e-post.\" nn \"Ikkje send fødselsnummer på e-post.\"\n  authority dt \"Datatilsynet\" nn \"Datatilsynet (nn)\" en \"The Norwegian DPA\"\n}\n");
            if let Some(dpo) = dpo {
                out.push_str(&format!("dpo {dpo} {{\n  email \"dpo@eksempel.no\"\n}}\n"));
            }
            for (i, (label, includes, flag)) in categories.iter().enumerate() {
                out.push_str(&format!("category cat{i} {label} {{\n"));
                if !includes.is_empty() {
                    out.push_str(&format!("  includes {}\n", includes.join(", ")));
                }
                if !flag.is_empty() {
                    out.push_str(&format!("  {flag}\n"));
                }
                out.push_str("}\n");
            }
            for (i, label) in subjects.iter().enumerate() {
                out.push_str(&format!("subject sub{i} {label}\n"));
            }
            for (i, (label, public, country, from_person)) in sources.iter().enumerate() {
                out.push_str(&format!("source src{i} {label} {{\n"));
                if *public {
                    out.push_str("  public\n");
                }
                if *from_person {
                    out.push_str("  data_subject\n");
                }
                if let Some(c) = country {
                    out.push_str(&format!("  country {c}\n"));
                }
                out.push_str("}\n");
            }
            let mut party_ids: Vec<(&str, String)> = Vec::new();
            for (i, p) in recipients.iter().chain(&processors).chain(&joints).enumerate() {
                let id = format!("party{i}");
                out.push_str(&format!("{} {id} {} {{\n", p.keyword, p.label));
                if let Some(c) = p.country {
                    out.push_str(&format!("  country {c}\n"));
                }
                if let Some(s) = &p.safeguard {
                    out.push_str(&format!("  safeguard {s}\n"));
                }
                if let Some(e) = &p.extra {
                    out.push_str(&format!("  {e}\n"));
                }
                out.push_str("}\n");
                party_ids.push((p.keyword, id));
            }
            let n = purposes.len();
            for (i, (label, bases, conditions, retention, provision, decision, pick, (description, notes, cookies, significance))) in purposes.iter().enumerate() {
                out.push_str(&format!("purpose pur{i} {label} {{\n"));
                if let Some(d) = description {
                    out.push_str(&format!("  description {d}\n"));
                }
                for n in notes {
                    out.push_str(&format!("  note {n}\n"));
                }
                if !cookies.is_empty() {
                    out.push_str(&format!("  cookies {}\n", cookies.join(", ")));
                }
                for b in bases {
                    out.push_str(&format!("  {b}\n"));
                }
                for c in conditions {
                    out.push_str(&format!("  {c}\n"));
                }
                // Every category, subject, source and party is used by some purpose: each by
                // the purpose its index picks, and by others as `pick` says.
                let mine = |j: usize| j % n == i || (pick >> (j % 8)) & 1 == 1;
                let list = |prefix: &str, count: usize| -> Vec<String> {
                    (0..count).filter(|j| mine(*j)).map(|j| format!("{prefix}{j}")).collect()
                };
                for (field, items) in [
                    ("data", list("cat", categories.len())),
                    ("subjects", list("sub", subjects.len())),
                    ("sources", list("src", sources.len())),
                ] {
                    if !items.is_empty() {
                        out.push_str(&format!("  {field} {}\n", items.join(", ")));
                    }
                }
                for (keyword, field) in [("recipient", "recipients"), ("processor", "processors"), ("joint_controller", "joint_controllers")] {
                    let ids: Vec<&str> = party_ids
                        .iter()
                        .enumerate()
                        .filter(|(j, (k, _))| *k == keyword && mine(*j))
                        .map(|(_, (_, id))| id.as_str())
                        .collect();
                    if !ids.is_empty() {
                        out.push_str(&format!("  {field} {}\n", ids.join(", ")));
                    }
                }
                if let Some(r) = retention {
                    out.push_str(&format!("  {r}\n"));
                }
                if let Some((kind, consequence)) = provision {
                    // `conditional` takes what the person applies for first.
                    let condition = if *kind == "conditional" { " \"om du vil søke\" en \"if you apply\"" } else { "" };
                    out.push_str(&format!("  provision {kind}{condition}{}\n", consequence.as_ref().map(|c| format!(" {c}")).unwrap_or_default()));
                }
                if let Some((label, logic)) = decision {
                    out.push_str(&format!("  decision {label} {{\n"));
                    if let Some(logic) = logic {
                        out.push_str(&format!("    logic {logic}\n"));
                    }
                    if let Some((significance, law)) = significance {
                        out.push_str(&format!("    significance {significance}\n"));
                        match law {
                            Some(law) => out.push_str(&format!("    authorised_by {}\n", literal(law))),
                            None => out.push_str("    authorised_by\n"),
                        }
                    }
                    out.push_str("    safeguards human_review, contest\n  }\n");
                }
                if i > 0 && pick % 3 == 0 {
                    out.push_str(&format!("  reuses pur{}\n", i - 1));
                }
                out.push_str("}\n");
            }
            out.push_str("rights {\n");
            for (i, right) in rights.iter().enumerate() {
                match (&qualifier, i) {
                    (Some(q), 0) => out.push_str(&format!("  {right} {q}\n")),
                    _ => out.push_str(&format!("  {right}\n")),
                }
            }
            out.push_str("  complaint dt\n");
            if let Some(days) = respond {
                out.push_str(&format!("  respond_within {days} days\n"));
            }
            out.push_str("}\n");
            out
        })
}

#[test]
fn the_generator_makes_declarations_the_reader_takes_whole() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for _ in 0..100 {
        let source = declaration().new_tree(&mut runner).unwrap().current();
        let sections = syntax::read(&source);
        let (model, diagnostics) = analyze(&source, &sections, &Settings::default());
        let unreadable: Vec<_> = diagnostics
            .iter()
            .filter(|d| {
                [
                    "syntax-error",
                    "invalid-value",
                    "unknown-field",
                    "undefined-reference",
                    "unused-definition",
                ]
                .contains(&d.rule.name)
            })
            .map(|d| {
                (
                    d.rule.name,
                    &source[d.span.start..d.span.end],
                    d.message.clone(),
                )
            })
            .collect();
        assert!(unreadable.is_empty(), "{unreadable:#?}\n{source}");
        assert!(!model.purposes.is_empty());
        let _ = TimeUnit::Day;
    }
}
