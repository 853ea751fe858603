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
        summary: "a suppression comment that silences nothing",
        fix: Never,
    }
}

/// Reported by [`crate::check`] while it applies suppressions.
impl Rule for UnusedSuppression {}
