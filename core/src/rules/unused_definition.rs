use crate::diagnostic::Diagnostic;
use crate::model::{Kind, Model, Reference};
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A category, subject, source, recipient, processor or joint controller that no purpose
    /// uses.
    ///
    /// ## Why
    /// Every processing operation has a purpose (Art. 5(1)(b)). A category of data that no
    /// purpose uses is either not processed (remove it from the notice) or processed for a
    /// purpose the notice does not name.
    ///
    /// ## Example
    /// ```privacy
    /// category archive_notes "Gamle saksnotater"
    /// purpose p "P" { data contact }
    /// category contact "Kontakt"
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// category archive_notes "Gamle saksnotater"
    /// purpose p "P" { data contact, archive_notes }
    /// category contact "Kontakt"
    /// ```
    pub struct UnusedDefinition {
        name: "unused-definition",
        severity: Warning,
        scope: Declaration,
        article: "",
        fix: Never,
        summary: [
            "en definisjon som ingen formål bruker",
            "ein definisjon som ingen formål brukar",
            "a definition that no purpose uses",
        ],
    }
    messages {
        UNUSED = [
            "ingen formål bruker {what} `{id}`: nevn det i formålet som bruker det, eller fjern det hvis det ikke brukes",
            "ingen formål brukar {what} `{id}`: nemn det i formålet som brukar det, eller fjern det viss det ikkje blir brukt",
            "no purpose uses the {what} `{id}`: name it in the purpose that uses it, or remove it if it is not used",
        ];
        CATEGORY = ["kategorien", "kategorien", "data category"];
        SUBJECTS = ["gruppen av registrerte", "gruppa av registrerte", "group of data subjects"];
        SOURCE = ["kilden", "kjelda", "source"];
        PROCESSOR = ["databehandleren", "databehandlaren", "processor"];
        RECIPIENT = ["mottakeren", "mottakaren", "recipient"];
        JOINT_CONTROLLER = ["den felles behandlingsansvarlige", "den felles behandlingsansvarlege", "joint controller"];
    }
}

fn mark(used: &mut [bool], references: &[Reference]) {
    for index in references.iter().filter_map(Reference::target) {
        used[index] = true;
    }
}

impl Rule for UnusedDefinition {
    fn check(&self, model: &Model, report: &mut Report) {
        let mut categories = vec![false; model.categories.len()];
        let mut subjects = vec![false; model.subjects.len()];
        let mut sources = vec![false; model.sources.len()];
        let mut parties = vec![false; model.parties.len()];
        for p in model.purposes.iter().chain(&model.shadowed_purposes) {
            mark(&mut categories, &p.data);
            mark(&mut subjects, &p.subjects);
            mark(&mut sources, &p.sources);
            mark(&mut parties, &p.processors);
            mark(&mut parties, &p.recipients);
            mark(&mut parties, &p.joint_controllers);
        }
        let found = model
            .categories
            .iter()
            .zip(&categories)
            .map(|(c, used)| (Self::CATEGORY, &c.id, *used))
            .chain(
                model
                    .subjects
                    .iter()
                    .zip(&subjects)
                    .map(|(s, used)| (Self::SUBJECTS, &s.id, *used)),
            )
            .chain(
                model
                    .sources
                    .iter()
                    .zip(&sources)
                    .map(|(s, used)| (Self::SOURCE, &s.id, *used)),
            )
            .chain(model.parties.iter().zip(&parties).map(|(p, used)| {
                let what = match p.kind {
                    Kind::Processor => Self::PROCESSOR,
                    Kind::Recipient => Self::RECIPIENT,
                    _ => Self::JOINT_CONTROLLER,
                };
                (what, &p.id, *used)
            }))
            .filter(|(_, _, used)| !used);
        for (what, id, _) in found {
            let what = report.say(what, &[]);
            report.push(Diagnostic::new(
                &Self::META,
                id.span,
                report.say(Self::UNUSED, &[("what", &what), ("id", &id.name)]),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    #[test]
    fn reports_each_kind_that_no_purpose_uses() {
        let text = "category c \"C\"\nsubject s \"S\"\nsource o \"O\"\nrecipient r \"R\"\nprocessor p \"P\"\njoint_controller j \"J\"\n";
        assert_eq!(lines("unused-definition", text), vec![1, 2, 3, 4, 5, 6]);
        let used = format!(
            "{text}purpose x \"X\" {{ data c; subjects s; sources o; recipients r; processors p; joint_controllers j }}\n"
        );
        assert!(lines("unused-definition", &used).is_empty());
    }

    #[test]
    fn a_purpose_with_a_taken_id_still_uses_what_it_names() {
        let text = "category c \"C\"\npurpose c \"P\" { data c }\n";
        assert!(lines("unused-definition", text).is_empty());
        assert_eq!(lines("duplicate-definition", text), vec![2]);
    }
}
