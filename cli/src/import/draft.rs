//! The declaration being written by an import: what was read, gathered by kind (one category,
//! subject or party per label, however many rows name it), then written as `.privacy` text with
//! IDs made from the labels and every value that did not map as an `# import:` comment beside
//! the place it belongs.

/// Contact details as the language has them.
#[derive(Default, Clone, Debug, PartialEq)]
pub struct Contact {
    pub address: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub url: Option<String>,
}

impl Contact {
    /// Files a free line (`Storgata 1`, `post@x.no`, `+47 22 00 00 00`, `https://…`) under the
    /// field it looks like; the first address line wins, a second becomes a comment.
    pub fn add_line(&mut self, line: &str, comments: &mut Vec<String>) {
        let line = line.trim();
        if line.is_empty() {
            return;
        }
        let slot = if line.contains('@') && !line.contains(' ') {
            &mut self.email
        } else if line.starts_with("http://") || line.starts_with("https://") {
            &mut self.url
        } else if line
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c))
            && line.chars().filter(char::is_ascii_digit).count() >= 5
        {
            &mut self.phone
        } else {
            &mut self.address
        };
        if slot.is_none() {
            *slot = Some(line.to_string());
        } else {
            comments.push(line.to_string());
        }
    }
}

#[derive(Default, Debug)]
pub struct Person {
    pub name: String,
    pub countries: Vec<String>,
    pub contact: Contact,
    pub comments: Vec<String>,
}

#[derive(Default, Debug)]
pub struct Controller {
    pub name: String,
    pub org_number: Option<String>,
    pub contact: Contact,
    /// (v3) The general description of the security measures (Art. 30(1)(g)).
    pub security: Option<String>,
    pub comments: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartyKind {
    Processor,
    Recipient,
    JointController,
}

impl PartyKind {
    fn keyword(self) -> &'static str {
        match self {
            PartyKind::Processor => "processor",
            PartyKind::Recipient => "recipient",
            PartyKind::JointController => "joint_controller",
        }
    }
}

#[derive(Debug)]
pub struct Party {
    pub kind: PartyKind,
    pub label: String,
    pub countries: Vec<String>,
    pub agreement: Option<String>,
    pub arrangement: Option<String>,
    /// `scc`, `derogation contract "reason"`: written as they stand after `safeguard`.
    pub safeguards: Vec<String>,
    /// (v3) A joint controller's contact details.
    pub contact: Contact,
    pub comments: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Category {
    pub label: String,
    pub special: bool,
    pub criminal: bool,
    pub includes: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Source {
    pub label: String,
    pub countries: Vec<String>,
    pub public: bool,
}

/// A purpose's retention, as the language writes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Retention {
    /// `3 years`, with the event after `after`, if any.
    Period(u32, &'static str, Option<String>),
    Until(String),
    Indefinite(Option<String>),
}

#[derive(Debug, Default)]
pub struct Purpose {
    pub id: Option<String>,
    pub label: String,
    /// A basis or condition word with its detail.
    pub bases: Vec<(&'static str, Option<String>)>,
    pub conditions: Vec<(&'static str, Option<String>)>,
    pub data: Vec<usize>,
    pub subjects: Vec<usize>,
    pub sources: Vec<usize>,
    pub parties: Vec<usize>,
    pub retention: Option<Retention>,
    pub dpia: Option<String>,
    /// (v3) `description`.
    pub description: Option<String>,
    /// (v3) `security`.
    pub security: Option<String>,
    /// (v3) `identification`: why a national identity number is needed.
    pub identification: Option<String>,
    /// (v3) `consultation`: the discussion with the employees' representatives.
    pub consultation: Option<String>,
    pub comments: Vec<String>,
}

#[derive(Default, Debug)]
pub struct Draft {
    /// The notice's title, when the record names the declaration by one (its "Declaration"
    /// column holds the title, else the controller's name), and the language it is written in.
    pub notice: Option<(String, &'static str)>,
    /// The record's date, written as the notice's `updated` (which dates the record).
    pub updated: Option<String>,
    pub controller: Controller,
    pub representative: Option<Person>,
    pub dpo: Option<Person>,
    pub categories: Vec<Category>,
    pub subjects: Vec<String>,
    pub sources: Vec<Source>,
    pub parties: Vec<Party>,
    pub purposes: Vec<Purpose>,
}

impl Draft {
    /// The category with this label, added if new; flags and includes are merged.
    pub fn category(&mut self, label: &str) -> usize {
        find_or_push(
            &mut self.categories,
            |c| c.label == label,
            || Category {
                label: label.to_string(),
                ..Category::default()
            },
        )
    }

    pub fn subject(&mut self, label: &str) -> usize {
        find_or_push(&mut self.subjects, |s| s == label, || label.to_string())
    }

    pub fn source(&mut self, label: &str) -> usize {
        find_or_push(
            &mut self.sources,
            |s| s.label == label,
            || Source {
                label: label.to_string(),
                ..Source::default()
            },
        )
    }

    pub fn party(&mut self, kind: PartyKind, label: &str) -> usize {
        find_or_push(
            &mut self.parties,
            |p| p.kind == kind && p.label == label,
            || Party {
                kind,
                label: label.to_string(),
                countries: Vec::new(),
                agreement: None,
                arrangement: None,
                safeguards: Vec::new(),
                contact: Contact::default(),
                comments: Vec::new(),
            },
        )
    }

    /// The declaration's text (formatted by the caller).
    pub fn to_privacy(&self, header: &str) -> String {
        let mut ids = Ids::default();
        let mut out = String::new();
        for line in header.lines() {
            out.push_str(&format!("# {line}\n").replace("# \n", "#\n"));
        }
        out.push('\n');
        if let Some((title, language)) = &self.notice {
            out.push_str(&format!(
                "notice {} {{\n  language {}\n",
                q(title),
                q(language)
            ));
            if let Some(updated) = &self.updated {
                out.push_str(&format!("  updated {updated}\n"));
            }
            out.push_str("}\n\n");
        }
        let c = &self.controller;
        comments(&mut out, "", &c.comments);
        if !c.name.is_empty() {
            let id = ids.make(&c.name, "controller");
            out.push_str(&format!("controller {id} {} {{\n", q(&c.name)));
            if let Some(n) = &c.org_number {
                out.push_str(&format!("  org_number {}\n", q(n)));
            }
            contact(&mut out, &c.contact);
            if let Some(security) = &c.security {
                out.push_str(&format!("  security {}\n", q(security)));
            }
            out.push_str("}\n\n");
        } else {
            // A record without the controller's name gives no controller (`check` asks for
            // it); what else it said of the controller is kept.
            let details: Vec<String> = c
                .org_number
                .iter()
                .chain(
                    [
                        &c.contact.address,
                        &c.contact.email,
                        &c.contact.phone,
                        &c.contact.url,
                    ]
                    .into_iter()
                    .flatten(),
                )
                .map(|v| format!("the controller's details: {v}"))
                .collect();
            comments(&mut out, "", &details);
        }
        for (keyword, person) in [("dpo", &self.dpo), ("representative", &self.representative)] {
            let Some(p) = person else { continue };
            comments(&mut out, "", &p.comments);
            out.push_str(&format!("{keyword} {} {{\n", q(&p.name)));
            if !p.countries.is_empty() {
                out.push_str(&format!("  country {}\n", p.countries.join(", ")));
            }
            contact(&mut out, &p.contact);
            out.push_str("}\n\n");
        }
        let category_ids: Vec<String> = self
            .categories
            .iter()
            .map(|c| ids.make(&c.label, "data"))
            .collect();
        for (cat, id) in self.categories.iter().zip(&category_ids) {
            let mut body = Vec::new();
            if cat.special {
                body.push("special".to_string());
            }
            if cat.criminal {
                body.push("criminal".to_string());
            }
            if !cat.includes.is_empty() {
                let list: Vec<String> = cat.includes.iter().map(|i| q(i)).collect();
                body.push(format!("includes {}", list.join(", ")));
            }
            block(&mut out, &format!("category {id} {}", q(&cat.label)), &body);
        }
        let subject_ids: Vec<String> = self
            .subjects
            .iter()
            .map(|s| ids.make(s, "subjects"))
            .collect();
        for (s, id) in self.subjects.iter().zip(&subject_ids) {
            out.push_str(&format!("subject {id} {}\n", q(s)));
        }
        let source_ids: Vec<String> = self
            .sources
            .iter()
            .map(|s| ids.make(&s.label, "source"))
            .collect();
        for (s, id) in self.sources.iter().zip(&source_ids) {
            let mut body = Vec::new();
            if !s.countries.is_empty() {
                body.push(format!("country {}", s.countries.join(", ")));
            }
            if s.public {
                body.push("public".to_string());
            }
            block(&mut out, &format!("source {id} {}", q(&s.label)), &body);
        }
        let party_ids: Vec<String> = self
            .parties
            .iter()
            .map(|p| ids.make(&p.label, p.kind.keyword()))
            .collect();
        for (p, id) in self.parties.iter().zip(&party_ids) {
            comments(&mut out, "", &p.comments);
            let mut body = Vec::new();
            if !p.countries.is_empty() {
                body.push(format!("country {}", p.countries.join(", ")));
            }
            body.extend(p.safeguards.iter().map(|s| format!("safeguard {s}")));
            match &p.agreement {
                Some(date) if is_date(date) => body.push(format!("agreement {date}")),
                Some(reference) => body.push(format!("agreement {}", q(reference))),
                None => {}
            }
            if let Some(a) = &p.arrangement {
                body.push(format!("arrangement {}", q(a)));
            }
            let mut details = String::new();
            contact(&mut details, &p.contact);
            body.extend(details.lines().map(|l| l.trim().to_string()));
            block(
                &mut out,
                &format!("{} {id} {}", p.kind.keyword(), q(&p.label)),
                &body,
            );
        }
        out.push('\n');
        for purpose in &self.purposes {
            let label = if purpose.label.is_empty() {
                "?"
            } else {
                &purpose.label
            };
            let id = match &purpose.id {
                Some(id) if ids.take(id) => id.clone(),
                _ => ids.make(label, "purpose"),
            };
            comments(&mut out, "", &purpose.comments);
            out.push_str(&format!("purpose {id} {} {{\n", q(label)));
            if let Some(description) = &purpose.description {
                out.push_str(&format!("  description {}\n", q(description)));
            }
            for (word, detail) in &purpose.bases {
                out.push_str(&format!("  basis {word}{}\n", detail_text(detail)));
            }
            for (word, detail) in &purpose.conditions {
                out.push_str(&format!("  condition {word}{}\n", detail_text(detail)));
            }
            let list = |indices: &[usize], ids: &[String]| -> String {
                indices
                    .iter()
                    .map(|&i| ids[i].clone())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            if !purpose.data.is_empty() {
                out.push_str(&format!("  data {}\n", list(&purpose.data, &category_ids)));
            }
            if !purpose.subjects.is_empty() {
                out.push_str(&format!(
                    "  subjects {}\n",
                    list(&purpose.subjects, &subject_ids)
                ));
            }
            if !purpose.sources.is_empty() {
                out.push_str(&format!(
                    "  sources {}\n",
                    list(&purpose.sources, &source_ids)
                ));
            }
            for (kind, keyword) in [
                (PartyKind::JointController, "joint_controllers"),
                (PartyKind::Recipient, "recipients"),
                (PartyKind::Processor, "processors"),
            ] {
                let of_kind: Vec<usize> = purpose
                    .parties
                    .iter()
                    .copied()
                    .filter(|&i| self.parties[i].kind == kind)
                    .collect();
                if !of_kind.is_empty() {
                    out.push_str(&format!("  {keyword} {}\n", list(&of_kind, &party_ids)));
                }
            }
            match &purpose.retention {
                Some(Retention::Period(n, unit, None)) => {
                    out.push_str(&format!("  retention {n} {unit}\n"))
                }
                Some(Retention::Period(n, unit, Some(event))) => {
                    out.push_str(&format!("  retention {n} {unit} after {}\n", q(event)))
                }
                Some(Retention::Until(event)) => {
                    out.push_str(&format!("  retention until {}\n", q(event)))
                }
                Some(Retention::Indefinite(reason)) => {
                    out.push_str(&format!("  retention indefinite{}\n", detail_text(reason)))
                }
                None => {}
            }
            if let Some(dpia) = &purpose.dpia {
                out.push_str(&format!("  dpia {}\n", q(dpia)));
            }
            if let Some(identification) = &purpose.identification {
                out.push_str(&format!("  identification {}\n", q(identification)));
            }
            if let Some(consultation) = &purpose.consultation {
                out.push_str(&format!("  consultation {}\n", q(consultation)));
            }
            if let Some(security) = &purpose.security {
                out.push_str(&format!("  security {}\n", q(security)));
            }
            out.push_str("}\n\n");
        }
        out
    }
}

fn find_or_push<T>(items: &mut Vec<T>, is: impl Fn(&T) -> bool, new: impl FnOnce() -> T) -> usize {
    match items.iter().position(is) {
        Some(i) => i,
        None => {
            items.push(new());
            items.len() - 1
        }
    }
}

/// `2025-03-14`: written as a date, as the language has it for `agreement`.
fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

fn detail_text(detail: &Option<String>) -> String {
    detail
        .as_ref()
        .map(|d| format!(" {}", q(d)))
        .unwrap_or_default()
}

fn contact(out: &mut String, contact: &Contact) {
    for (field, value) in [
        ("address", &contact.address),
        ("email", &contact.email),
        ("phone", &contact.phone),
        ("url", &contact.url),
    ] {
        if let Some(v) = value {
            out.push_str(&format!("  {field} {}\n", q(v)));
        }
    }
}

fn block(out: &mut String, head: &str, body: &[String]) {
    if body.is_empty() {
        out.push_str(head);
        out.push('\n');
    } else {
        out.push_str(&format!("{head} {{\n"));
        for line in body {
            out.push_str(&format!("  {line}\n"));
        }
        out.push_str("}\n");
    }
}

/// `# import: …` lines; a value's own line breaks stay inside the comment.
fn comments(out: &mut String, indent: &str, comments: &[String]) {
    for comment in comments {
        for (i, line) in comment.lines().enumerate() {
            let lead = if i == 0 { "# import: " } else { "#   " };
            out.push_str(&format!("{indent}{lead}{line}\n"));
        }
    }
}

/// A string in the language's syntax: `"` and `\` escaped, a line break as `\n`.
pub fn q(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// IDs made from labels: ASCII snake_case (`æ` → `ae`, `ø` → `o`, `å` → `a`, accents dropped),
/// starting with a letter, unique in the declaration (`_2`, `_3`, … when taken).
#[derive(Default)]
struct Ids {
    taken: std::collections::HashSet<String>,
}

impl Ids {
    fn make(&mut self, label: &str, fallback: &str) -> String {
        let base = snake_case(label);
        let base = match base.chars().next() {
            Some(c) if c.is_ascii_lowercase() => base,
            Some(_) => format!("{fallback}_{base}"),
            None => fallback.to_string(),
        };
        let mut id = base.clone();
        let mut n = 2;
        while !self.take(&id) {
            id = format!("{base}_{n}");
            n += 1;
        }
        id
    }

    /// Claims an ID read from the source, if it is a valid one not yet used.
    fn take(&mut self, id: &str) -> bool {
        snake_case(id) == id
            && id.starts_with(|c: char| c.is_ascii_lowercase())
            && self.taken.insert(id.to_string())
    }
}

pub fn snake_case(label: &str) -> String {
    let mut out = String::new();
    for c in label.to_lowercase().chars() {
        let ascii = match c {
            'æ' => "ae",
            'ø' | 'ö' | 'ó' | 'ò' | 'ô' => "o",
            'å' | 'á' | 'à' | 'â' | 'ä' => "a",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'í' | 'ì' | 'î' | 'ï' => "i",
            'ú' | 'ù' | 'û' | 'ü' => "u",
            'ç' => "c",
            'ñ' => "n",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "_",
        };
        out.push_str(ascii);
    }
    let parts: Vec<&str> = out.split('_').filter(|p| !p.is_empty()).collect();
    // Long labels make long IDs; six words say which purpose it is.
    parts.iter().take(6).copied().collect::<Vec<_>>().join("_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_ascii_snake_case_and_unique() {
        let mut ids = Ids::default();
        assert_eq!(
            ids.make("Kundeopplysninger før årsskiftet", "x"),
            "kundeopplysninger_for_arsskiftet"
        );
        assert_eq!(ids.make("Særlige kategorier", "x"), "saerlige_kategorier");
        assert_eq!(
            ids.make("Særlige  kategorier!", "x"),
            "saerlige_kategorier_2"
        );
        assert_eq!(ids.make("2024 rapport", "data"), "data_2024_rapport");
        assert_eq!(ids.make("—", "data"), "data");
    }

    #[test]
    fn strings_are_escaped() {
        assert_eq!(q("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c\\nd\"");
    }
}
