use crate::diagnostic::Diagnostic;
use crate::model::{Model, ReadIssue, SyntaxProblem};
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// Text the parser cannot read: a character that has no place in the language, a string
    /// that is not closed on its line, a block that is not closed, an unknown escape.
    ///
    /// ## Why
    /// What privlint cannot read, it cannot check. Each unreadable part is reported on its own,
    /// and the rest of the file is still checked.
    ///
    /// ## Example
    /// ```privacy
    /// purpose support "Kundestøtte" {
    ///   dpia "DPIA-7
    /// }
    /// ```
    ///
    /// ## Fix
    /// Close the string on its line (use `"""…"""` for text over several lines):
    /// ```privacy
    /// purpose support "Kundestøtte" {
    ///   dpia "DPIA-7"
    /// }
    /// ```
    pub struct SyntaxError {
        name: "syntax-error",
        severity: Error,
        scope: Section,
        article: "",
        fix: Never,
        summary: [
            "privlint kunne ikke lese en del av filen",
            "privlint kunne ikkje lese ein del av fila",
            "privlint could not read part of the file",
        ],
    }
    messages {
        STRAY_BRACE = [
            "denne `}}` lukker ingen blokk: fjern den, eller åpne blokken med `{{` på slutten av linjen den starter på",
            "denne `}}` lukkar inga blokk: fjern han, eller opne blokka med `{{` på slutten av lina ho startar på",
            "this `}}` closes no block: remove it, or open the block with `{{` at the end of the line that starts it",
        ];
        UNEXPECTED = [
            "privlint kan ikke lese `{text}` her: hver linje er et feltnavn, så verdiene, så eventuelt en blokk i `{{ }}`",
            "privlint kan ikkje lese `{text}` her: kvar line er eit feltnamn, så verdiane, så eventuelt ei blokk i `{{ }}`",
            "privlint cannot read `{text}` here: each line is a field name, then its values, then an optional block in `{{ }}`",
        ];
        UNCLOSED_BLOCK = [
            "en blokk er ikke lukket: legg til `}}` der den slutter",
            "ei blokk er ikkje lukka: legg til `}}` der ho sluttar",
            "a block is not closed: add `}}` where it ends",
        ];
        MISSING = ["`{what}` mangler her", "`{what}` manglar her", "`{what}` is missing here"];
        UNCLOSED_TEXT = [
            "denne teksten er ikke avsluttet: avslutt den med `\"` på samme linje (bruk `\"\"\"…\"\"\"` for tekst over flere linjer)",
            "denne teksten er ikkje avslutta: avslutt han med `\"` på same lina (bruk `\"\"\"…\"\"\"` for tekst over fleire liner)",
            "this text is not closed: end it with `\"` on the same line (use `\"\"\"…\"\"\"` for text over several lines)",
        ];
        BAD_ESCAPE = [
            "`{escape}` er ikke en escape-sekvens: sekvensene er \\\" \\\\ \\n \\t og \\u{{…}}; skriv `\\\\` for en omvendt skråstrek",
            "`{escape}` er ikkje ein escape-sekvens: sekvensane er \\\" \\\\ \\n \\t og \\u{{…}}; skriv `\\\\` for ein omvend skråstrek",
            "`{escape}` is not an escape: the escapes are \\\" \\\\ \\n \\t and \\u{{…}}; write `\\\\` for a backslash",
        ];
    }
}

impl Rule for SyntaxError {
    fn check(&self, model: &Model, report: &mut Report) {
        for issue in &model.issues {
            let ReadIssue::Syntax { span, problem } = issue else {
                continue;
            };
            let message = match problem {
                SyntaxProblem::Unexpected(text) if text.starts_with('}') => {
                    report.say(Self::STRAY_BRACE, &[])
                }
                SyntaxProblem::Unexpected(text) => report.say(Self::UNEXPECTED, &[("text", text)]),
                SyntaxProblem::Missing(what) if what == "}" => {
                    report.say(Self::UNCLOSED_BLOCK, &[])
                }
                SyntaxProblem::Missing(what) => report.say(Self::MISSING, &[("what", what)]),
                SyntaxProblem::UnterminatedString => report.say(Self::UNCLOSED_TEXT, &[]),
                SyntaxProblem::BadEscape(escape) => {
                    report.say(Self::BAD_ESCAPE, &[("escape", escape)])
                }
            };
            report.push(Diagnostic::new(&Self::META, *span, message));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    #[test]
    fn reports_each_unreadable_part_and_reads_the_rest() {
        let text = "category a \"A\" { @@@ }\npurpose p \"P\" {\n  dpia \"open\n}\nfoo }\npurpose q \"Q\" { data nope }\n";
        assert_eq!(lines("syntax-error", text), vec![1, 3, 5]);
        // The purpose after the errors is still read.
        assert_eq!(lines("unknown-reference", text), vec![6]);
    }

    #[test]
    fn reports_a_block_left_open() {
        let found = findings("syntax-error", "purpose p \"P\" {\n  basis consent\n");
        assert_eq!(found.len(), 1);
        assert!(found[0].1.contains("not closed"), "{}", found[0].1);
    }

    #[test]
    fn reports_bad_escapes_but_not_good_ones() {
        assert_eq!(lines("syntax-error", "notice \"a\\qb\"\n"), vec![1]);
        assert!(lines("syntax-error", "notice \"a\\\"b\\u{e6}\"\n").is_empty());
    }
}
