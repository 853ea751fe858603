//! Stopping a check that is no longer wanted: the language server starts a new check on every
//! keystroke, and the check of the text before it is then wasted work.
//!
//! A [`CancelToken`] is shared between the one who may cancel and the check; the check looks
//! at it at checkpoints (between sections while reading and lowering, between rules) and
//! returns `Err(Cancelled)` there. Looking costs one atomic load.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether a check is still wanted. Clones share one flag.
#[derive(Clone, Debug, Default)]
pub struct CancelToken {
    flag: Option<Arc<AtomicBool>>,
    /// In tests: checkpoints left before the token cancels itself, so that a test can stop a
    /// check at each of its checkpoints in turn.
    #[cfg(test)]
    countdown: Option<Arc<std::sync::atomic::AtomicUsize>>,
}

/// A check stopped because its token was cancelled; its partial results are dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cancelled;

impl CancelToken {
    /// A token that can be cancelled.
    pub fn new() -> CancelToken {
        CancelToken {
            flag: Some(Arc::new(AtomicBool::new(false))),
            #[cfg(test)]
            countdown: None,
        }
    }

    /// A token that is never cancelled (the command line, and tests): checking it costs nothing.
    pub const fn never() -> CancelToken {
        CancelToken {
            flag: None,
            #[cfg(test)]
            countdown: None,
        }
    }

    /// A token that cancels itself at its `n`th checkpoint.
    #[cfg(test)]
    pub(crate) fn after(n: usize) -> CancelToken {
        CancelToken {
            countdown: Some(Arc::new(std::sync::atomic::AtomicUsize::new(n))),
            ..CancelToken::new()
        }
    }

    /// Asks every check holding this token (or a clone) to stop at its next checkpoint.
    pub fn cancel(&self) {
        if let Some(flag) = &self.flag {
            flag.store(true, Ordering::Relaxed);
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.flag
            .as_ref()
            .is_some_and(|flag| flag.load(Ordering::Relaxed))
    }

    /// A checkpoint: `Err(Cancelled)` once the token is cancelled.
    pub fn check(&self) -> Result<(), Cancelled> {
        #[cfg(test)]
        if let Some(left) = &self.countdown
            && left.fetch_sub(1, Ordering::Relaxed) == 1
        {
            self.cancel();
        }
        if self.is_cancelled() {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }
}

/// The result of work done with [`CancelToken::never`], which cannot have been cancelled.
pub fn uncancelled<T>(result: Result<T, Cancelled>) -> T {
    match result {
        Ok(value) => value,
        Err(Cancelled) => unreachable!("a token that is never cancelled was cancelled"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_the_flag_and_never_stays_uncancelled() {
        let token = CancelToken::new();
        let held_by_check = token.clone();
        assert_eq!(held_by_check.check(), Ok(()));
        token.cancel();
        assert_eq!(held_by_check.check(), Err(Cancelled));
        let never = CancelToken::never();
        never.cancel();
        assert_eq!(never.check(), Ok(()));
    }
}
