//! Fides manifests (fideslang YAML: `organization`, `system` with `privacy_declarations`,
//! `dataset`; schema: ethyca/fideslang src/fideslang/models.py, read 2026-12-08). A privacy
//! declaration becomes a purpose; Fides' taxonomy keys (`user.contact.email`, `customer`) become
//! the labels of categories and subjects, to be given words people read.

use serde_norway::Value;

use super::Loss;
use super::draft::{Draft, PartyKind, Purpose, Retention};

/// The manifests read, each with the name shown in the report.
pub struct Manifests {
    pub files: Vec<(String, Value)>,
}

/// Whether a YAML document is a Fides manifest: a mapping with one of fideslang's resource keys.
pub fn is_manifest(value: &Value) -> bool {
    value.as_mapping().is_some_and(|m| {
        ["organization", "system", "dataset"]
            .iter()
            .any(|k| m.contains_key(*k))
    })
}

pub fn read(manifests: &Manifests, draft: &mut Draft, losses: &mut Vec<Loss>) {
    let mut row = 0;
    for (file, value) in &manifests.files {
        let Some(mapping) = value.as_mapping() else {
            continue;
        };
        for (key, resources) in mapping {
            let key = key.as_str().unwrap_or_default();
            for (i, resource) in resources.as_sequence().into_iter().flatten().enumerate() {
                let at = format!("{file}: {key}[{i}]");
                match key {
                    "organization" => organization(resource, &at, draft, losses),
                    "system" => system(resource, &at, &mut row, draft, losses),
                    _ => keep_all(
                        resource,
                        &at,
                        0,
                        &mut draft.controller.comments,
                        losses,
                        &[],
                    ),
                }
            }
        }
    }
}

fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Sequence(items)) => items.iter().filter_map(text).collect(),
        Some(v) => text(v).into_iter().collect(),
        None => Vec::new(),
    }
}

/// Every field of `resource` not in `used`, kept as a comment and reported.
fn keep_all(
    resource: &Value,
    at: &str,
    row: usize,
    comments: &mut Vec<String>,
    losses: &mut Vec<Loss>,
    used: &[&str],
) {
    let Some(mapping) = resource.as_mapping() else {
        return;
    };
    for (key, value) in mapping {
        let key = key.as_str().unwrap_or_default();
        if used.contains(&key) || matches!(value, Value::Null) {
            continue;
        }
        let shown = match value {
            Value::String(_) | Value::Number(_) | Value::Bool(_) => text(value).unwrap_or_default(),
            other => serde_json::to_string(other).unwrap_or_default(),
        };
        if shown.is_empty() || shown == "[]" || shown == "{}" {
            continue;
        }
        comments.push(format!("{at}.{key}: {shown}"));
        losses.push(Loss {
            row,
            column: format!("{at}.{key}"),
            value: shown,
            reason: "no field in the declaration for it".into(),
        });
    }
}

fn organization(org: &Value, at: &str, draft: &mut Draft, losses: &mut Vec<Loss>) {
    let c = &mut draft.controller;
    let controller = org.get("controller");
    if c.name.is_empty() {
        c.name = controller
            .and_then(|c| c.get("name"))
            .and_then(text)
            .or_else(|| org.get("name").and_then(text))
            .unwrap_or_default();
    }
    if let Some(details) = controller {
        contact(details, &mut c.contact);
    }
    for (key, slot) in [
        ("data_protection_officer", &mut draft.dpo),
        ("representative", &mut draft.representative),
    ] {
        if let Some(person) = org
            .get(key)
            .filter(|p| p.get("name").and_then(text).is_some())
        {
            let p = slot.get_or_insert_with(Default::default);
            p.name = person.get("name").and_then(text).unwrap_or_default();
            contact(person, &mut p.contact);
        }
    }
    keep_all(
        org,
        at,
        0,
        &mut draft.controller.comments,
        losses,
        &[
            "fides_key",
            "name",
            "controller",
            "data_protection_officer",
            "representative",
        ],
    );
}

fn contact(details: &Value, contact: &mut super::draft::Contact) {
    for (key, slot) in [
        ("address", &mut contact.address),
        ("email", &mut contact.email),
        ("phone", &mut contact.phone),
    ] {
        if slot.is_none() {
            *slot = details.get(key).and_then(text);
        }
    }
}

/// fideslang's `legal_basis_for_processing` values and the bases they are.
const BASES: &[(&str, &str)] = &[
    ("Consent", "consent"),
    ("Contract", "contract"),
    ("Legal obligations", "legal_obligation"),
    ("Vital interests", "vital_interests"),
    ("Public interest", "public_task"),
    ("Legitimate interests", "legitimate_interests"),
];

/// fideslang's `special_category_legal_basis` values and the Art. 9(2) conditions they are.
const CONDITIONS: &[(&str, &str)] = &[
    ("Consent", "explicit_consent"),
    ("Employment", "employment"),
    ("Vital interests", "vital_interests"),
    ("Non-profit organisations", "nonprofit_body"),
    ("Public by data subject", "made_public"),
    ("Legal claims", "legal_claims"),
    ("Substantial public interest", "substantial_public_interest"),
    ("Medical", "health_care"),
    ("Public health interest", "public_health"),
];

fn system(sys: &Value, at: &str, row: &mut usize, draft: &mut Draft, losses: &mut Vec<Loss>) {
    let system_name = sys.get("name").and_then(text).unwrap_or_default();
    let mut system_comments = Vec::new();
    keep_all(
        sys,
        at,
        *row + 1,
        &mut system_comments,
        losses,
        &[
            "fides_key",
            "name",
            "privacy_declarations",
            "joint_controller",
            "data_protection_impact_assessment",
        ],
    );
    let joint = sys
        .get("joint_controller")
        .and_then(|j| j.get("name"))
        .and_then(text)
        .map(|name| draft.party(PartyKind::JointController, &name));
    let dpia = sys
        .get("data_protection_impact_assessment")
        .and_then(|d| d.get("link"))
        .and_then(text);
    for (i, declaration) in sys
        .get("privacy_declarations")
        .and_then(Value::as_sequence)
        .into_iter()
        .flatten()
        .enumerate()
    {
        *row += 1;
        let at = format!("{at}.privacy_declarations[{i}]");
        let mut purpose = Purpose {
            label: declaration
                .get("name")
                .and_then(text)
                .or_else(|| declaration.get("data_use").and_then(text))
                .unwrap_or_else(|| system_name.clone()),
            dpia: dpia.clone(),
            ..Purpose::default()
        };
        if i == 0 {
            purpose.comments.append(&mut system_comments);
        }
        for key in strings(declaration.get("data_categories")) {
            let c = draft.category(&key);
            purpose.data.push(c);
        }
        for key in strings(declaration.get("data_subjects")) {
            let s = draft.subject(&key);
            purpose.subjects.push(s);
        }
        purpose.parties.extend(joint);
        let mut used = vec!["name", "data_categories", "data_subjects", "data_use"];
        let mut lose = |purpose: &mut Purpose, field: &str, value: String, reason: &str| {
            purpose.comments.push(format!("{at}.{field}: {value}"));
            losses.push(Loss {
                row: *row,
                column: format!("{at}.{field}"),
                value,
                reason: reason.into(),
            });
        };
        if let Some(basis) = declaration.get("legal_basis_for_processing").and_then(text) {
            used.push("legal_basis_for_processing");
            match BASES
                .iter()
                .find(|(fides, _)| fides.eq_ignore_ascii_case(&basis))
            {
                Some((_, word)) => purpose.bases.push((word, None)),
                None => lose(
                    &mut purpose,
                    "legal_basis_for_processing",
                    basis,
                    "not a basis of Art. 6(1)",
                ),
            }
        }
        if let Some(condition) = declaration
            .get("special_category_legal_basis")
            .and_then(text)
        {
            used.push("special_category_legal_basis");
            match CONDITIONS
                .iter()
                .find(|(fides, _)| fides.eq_ignore_ascii_case(&condition))
            {
                Some((_, word)) => purpose.conditions.push((word, None)),
                None => lose(
                    &mut purpose,
                    "special_category_legal_basis",
                    condition,
                    "not a condition of Art. 9(2)",
                ),
            }
        }
        if let Some(days) = declaration.get("retention_period").and_then(text) {
            used.push("retention_period");
            match days.parse::<u32>() {
                Ok(n) if n > 0 => {
                    purpose.retention = Some(Retention::Period(
                        n,
                        if n == 1 { "day" } else { "days" },
                        None,
                    ))
                }
                _ => match super::rows::parse_retention(&days) {
                    Some(retention) => purpose.retention = Some(retention),
                    None => lose(
                        &mut purpose,
                        "retention_period",
                        days,
                        "not a number of days or a retention privlint can read",
                    ),
                },
            }
        }
        if let Some(data_use) = declaration.get("data_use").and_then(text)
            && declaration.get("name").and_then(text).is_some()
        {
            lose(
                &mut purpose,
                "data_use",
                data_use,
                "Fides' data use: the purpose's label is the declaration's name",
            );
        }
        keep_all(declaration, &at, *row, &mut purpose.comments, losses, &used);
        draft.purposes.push(purpose);
    }
    if let (Some(j), Some(details)) = (joint, sys.get("joint_controller")) {
        // (v3) A joint controller's contact details (Art. 26(2), 30(1)(a)).
        contact(details, &mut draft.parties[j].contact);
    }
}
