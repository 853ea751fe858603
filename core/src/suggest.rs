//! "Did you mean …": the nearest known word to a misspelt one.

/// The candidate closest to `word`, if it is close enough to be a plausible typo.
pub fn nearest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let word_len = word.chars().count();
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(distance, c)| {
            // Allow one edit in short words, and about a third of the letters in longer ones.
            let longest = word_len.max(c.chars().count());
            *distance <= 1.max(longest / 3)
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn suggests_close_words_only() {
        let fields = ["basis", "condition", "data", "retention"];
        assert_eq!(nearest("bassis", fields), Some("basis"));
        assert_eq!(nearest("retension", fields), Some("retention"));
        assert_eq!(nearest("purpose", fields), None);
        assert_eq!(nearest("x", ["y"]), Some("y"));
        assert_eq!(nearest("ab", ["xy"]), None);
    }
}
