//! "Did you mean …": the nearest known word to a misspelt one.
//!
//! The distance is Damerau-Levenshtein, whose cost is the product of the two lengths, and a
//! file can ask for thousands of suggestions among thousands of names (every undefined ID is
//! compared with every ID of its kind). So the work is bounded three ways, none of which changes
//! a suggestion for words of ordinary length in a file of ordinary size:
//! - a candidate whose length differs from the word's by more than the distance allowed is not
//!   compared (the distance is at least the difference of the lengths);
//! - words and candidates longer than [`MAX_CHARS`] are not compared (no suggestion for them);
//! - [`Candidates`] answers a word it was asked before from memory, and stops suggesting once
//!   it has filled [`BUDGET`] cells of distance tables (docs/decisions.md, "Suggestions").

use std::collections::HashMap;

/// Longer words get no suggestion: comparing two of them costs the product of their lengths.
pub const MAX_CHARS: usize = 64;

/// Cells of distance tables one [`Candidates`] fills before it stops suggesting (about 0.1 s).
pub const BUDGET: usize = 50_000_000;

/// The candidate closest to `word`, if it is close enough to be a plausible typo.
pub fn nearest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    Candidates::new(candidates).nearest(word)
}

/// A set of candidates to ask for the nearest of many words, indexed by length.
pub struct Candidates<'c> {
    /// By length in characters (up to [`MAX_CHARS`]): each candidate with its place in the
    /// order given, which breaks ties.
    by_len: Vec<Vec<(usize, &'c str)>>,
    asked: HashMap<String, Option<&'c str>>,
    /// Cells of distance tables filled so far.
    work: usize,
}

impl<'c> Candidates<'c> {
    pub fn new(candidates: impl IntoIterator<Item = &'c str>) -> Self {
        let mut by_len: Vec<Vec<(usize, &'c str)>> = vec![Vec::new(); MAX_CHARS + 1];
        for (order, c) in candidates.into_iter().enumerate() {
            if let Some(len) = short_len(c) {
                by_len[len].push((order, c));
            }
        }
        Candidates {
            by_len,
            asked: HashMap::new(),
            work: 0,
        }
    }

    /// Cells of distance tables filled so far (at most [`BUDGET`] and one comparison more).
    pub fn work(&self) -> usize {
        self.work
    }

    /// The candidate closest to `word`, if it is close enough to be a plausible typo: within
    /// one edit in short words and about a third of the letters in longer ones; of equally
    /// close ones, the first given.
    pub fn nearest(&mut self, word: &str) -> Option<&'c str> {
        if let Some(found) = self.asked.get(word) {
            return *found;
        }
        let found = self.search(word);
        self.asked.insert(word.to_string(), found);
        found
    }

    fn search(&mut self, word: &str) -> Option<&'c str> {
        let word_len = short_len(word)?;
        let allowed = |len: usize| 1.max(word_len.max(len) / 3);
        // Lengths nearest the word's first: the distance is at least the difference, so once
        // that exceeds the best distance found, no longer or shorter candidate can win.
        let mut lengths: Vec<usize> = (0..=MAX_CHARS)
            .filter(|&len| !self.by_len[len].is_empty() && len.abs_diff(word_len) <= allowed(len))
            .collect();
        lengths.sort_by_key(|&len| len.abs_diff(word_len));
        // (distance, order, candidate)
        let mut best: Option<(usize, usize, &'c str)> = None;
        for len in lengths {
            if best.is_some_and(|(distance, _, _)| len.abs_diff(word_len) > distance) {
                break;
            }
            for &(order, c) in &self.by_len[len] {
                if c == word {
                    continue;
                }
                self.work += (word_len + 2) * (len + 2);
                if self.work > BUDGET {
                    // Stop here rather than suggest something that is not the nearest.
                    self.work = BUDGET + 1;
                    return None;
                }
                let distance = strsim::damerau_levenshtein(word, c);
                if distance <= allowed(len) && best.is_none_or(|b| (distance, order) < (b.0, b.1)) {
                    best = Some((distance, order, c));
                }
            }
        }
        best.map(|(_, _, c)| c)
    }
}

/// The length of a word in characters, if it is at most [`MAX_CHARS`] (looking no further).
fn short_len(word: &str) -> Option<usize> {
    let len = word.chars().take(MAX_CHARS + 1).count();
    (len <= MAX_CHARS).then_some(len)
}

#[cfg(test)]
mod tests {
    use super::{BUDGET, Candidates, MAX_CHARS, nearest};

    #[test]
    fn suggests_close_words_only() {
        let fields = ["basis", "condition", "data", "retention"];
        assert_eq!(nearest("bassis", fields), Some("basis"));
        assert_eq!(nearest("retension", fields), Some("retention"));
        assert_eq!(nearest("purpose", fields), None);
        assert_eq!(nearest("x", ["y"]), Some("y"));
        assert_eq!(nearest("ab", ["xy"]), None);
    }

    #[test]
    fn the_index_finds_what_comparing_every_candidate_finds() {
        // The search by length must give what the plain scan gave, ties to the first given.
        let plain = |word: &str, candidates: &[&'static str]| {
            let word_len = word.chars().count();
            candidates
                .iter()
                .filter(|c| **c != word)
                .map(|c| (strsim::damerau_levenshtein(word, c), *c))
                .filter(|(d, c)| *d <= 1.max(word_len.max(c.chars().count()) / 3))
                .min_by_key(|(d, _)| *d)
                .map(|(_, c)| c)
        };
        let candidates = [
            "contact",
            "contacts",
            "contract",
            "kontakt",
            "ab",
            "ba",
            "abc",
            "cab",
            "x",
            "y",
            "order",
            "orders",
            "odrer",
            "ordre",
            "payment",
            "paymnet",
            "retention",
            "ø",
            "øy",
            "ærlig",
            "contact_details",
            "contact_detail",
            "customer",
            "customers",
        ];
        let words = [
            "contakt",
            "contact",
            "contacts",
            "kontact",
            "ba",
            "a",
            "abcd",
            "x",
            "z",
            "ordr",
            "orderss",
            "paymen",
            "retension",
            "ø",
            "oy",
            "ærlik",
            "contact_detials",
            "costumer",
            "",
            "cstmrs",
        ];
        let mut index = Candidates::new(candidates);
        for word in words {
            assert_eq!(index.nearest(word), plain(word, &candidates), "{word}");
            assert_eq!(
                index.nearest(word),
                plain(word, &candidates),
                "{word} again"
            );
        }
    }

    #[test]
    fn long_words_are_not_compared() {
        // Two IDs of 40,000 characters differing in one letter took 4 s to compare.
        let long = "a".repeat(40_000);
        let (one, other) = (format!("{long}x"), format!("{long}y"));
        let mut index = Candidates::new([one.as_str(), "ab"]);
        assert_eq!(index.nearest(&other), None);
        assert_eq!(index.nearest("ac"), Some("ab"));
        assert!(index.work() <= 16, "{} cells", index.work());
        let edge = "b".repeat(MAX_CHARS);
        let near = format!("{}c", &edge[1..]);
        assert_eq!(nearest(&near, [edge.as_str()]), Some(edge.as_str()));
    }

    #[test]
    fn candidates_of_another_length_are_not_compared() {
        let candidates: Vec<String> = (0..1000)
            .map(|i| format!("{}{i}", "x".repeat(30)))
            .collect();
        let mut index = Candidates::new(candidates.iter().map(String::as_str));
        assert_eq!(index.nearest("short"), None);
        assert_eq!(index.work(), 0);
    }

    #[test]
    fn many_near_misses_among_many_names_are_bounded() {
        // 4,000 undefined IDs, each a near miss of 4,000 defined ones: 16 million comparisons
        // (3.3 s) before; now the work stops at the budget.
        let names: Vec<String> = (0..4000).map(|i| format!("cat_{i:05}")).collect();
        let mut index = Candidates::new(names.iter().map(String::as_str));
        assert_eq!(index.nearest("cta_00000"), Some("cat_00000"));
        for i in 0..4000 {
            index.nearest(&format!("cta_{i:05}"));
            index.nearest(&format!("cta_{i:05}"));
        }
        assert!(index.work() <= BUDGET + 1, "{} cells", index.work());
    }
}
