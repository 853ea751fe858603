use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// A `# privlint: allow RULE -- reason` comment that silences nothing: the rule does not
    /// fire on the node it stands on, or the name is not a rule.
    ///
    /// ## Why
    /// A suppression records a decision ("arkivplikt requires indefinite retention"). When the
    /// finding is gone, the stale comment misleads the next reader.
    ///
    /// ## Example
    /// ```privacy
    /// purpose p "P" {   # privlint: allow indefinite-retention -- arkivplikt
    ///   retention 1 year
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose p "P" {
    ///   retention 1 year
    /// }
    /// ```
    pub struct UnusedSuppression {
        name: "unused-suppression",
        severity: Warning,
        scope: Declaration,
        article: "",
        fix: Never,
        summary: [
            "en undertrykkingskommentar som ikke undertrykker noe",
            "ein undertrykkingskommentar som ikkje undertrykkjer noko",
            "a suppression comment that silences nothing",
        ],
    }
    messages {
        NAMES_NO_RULE = [
            "denne undertrykkingen nevner ingen regel: skriv `# privlint: allow REGEL -- begrunnelse`",
            "denne undertrykkinga nemner ingen regel: skriv `# privlint: allow REGEL -- grunngiving`",
            "this suppression names no rule: write `# privlint: allow RULE -- reason`",
        ];
        SYNTAX_ERROR = [
            "en syntaksfeil kan ikke undertrykkes: privlint kan ikke lese den teksten, så ingen regel kontrollerer den; rett syntaksen i stedet",
            "ein syntaksfeil kan ikkje undertrykkjast: privlint kan ikkje lese den teksten, så ingen regel kontrollerer han; rett syntaksen i staden",
            "a syntax error cannot be suppressed: privlint cannot read that text, so no rule checks it; correct the syntax instead",
        ];
        ON_NO_NODE = [
            "denne undertrykkingen av `{rule}` står ikke på noen node: sett den på slutten av den første linjen til noden, eller på linjen før",
            "denne undertrykkinga av `{rule}` står ikkje på nokon node: set ho på slutten av den første lina til noden, eller på lina før",
            "this suppression of `{rule}` stands on no node: put it at the end of the node's first line, or on the line before it",
        ];
        SILENCES_NOTHING = [
            "`{rule}` slår ikke til her, så denne undertrykkingen undertrykker ingenting: fjern den",
            "`{rule}` slår ikkje til her, så denne undertrykkinga undertrykkjer ingenting: fjern ho",
            "`{rule}` does not fire here, so this suppression silences nothing: remove it",
        ];
        DID_YOU_MEAN = [
            "`{rule}` er ikke en regel; mente du `{suggestion}`?",
            "`{rule}` er ikkje ein regel; meinte du `{suggestion}`?",
            "`{rule}` is not a rule; did you mean `{suggestion}`?",
        ];
        NOT_A_RULE = [
            "`{rule}` er ikke en regel: `privlint rules` viser dem",
            "`{rule}` er ikkje ein regel: `privlint rules` viser dei",
            "`{rule}` is not a rule: `privlint rules` lists them",
        ];
    }
}

/// Reported by [`crate::check`] while it applies suppressions.
impl Rule for UnusedSuppression {}
