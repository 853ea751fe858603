//! `privlint check` on any bytes: decoding and checking never panic, every diagnostic points
//! at characters of the text, and a text the formatter accepts keeps its meaning and is
//! formatted to itself a second time.

#![no_main]

// The same assertions as the example and property tests, shared rather than copied.
#[path = "../../core/tests/common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use privlint_core::{Settings, check, decode};

fuzz_target!(|bytes: &[u8]| {
    // Bytes that are not UTF-8 end in the invalid-utf8 diagnostic, which has no text to point into.
    let Ok(text) = decode(bytes) else {
        return;
    };
    let diagnostics = check(text, &Settings::default());
    common::assert_spans_inside("the input", text, &diagnostics);
    common::assert_formatting_keeps_meaning("the input", text, &diagnostics);
});
