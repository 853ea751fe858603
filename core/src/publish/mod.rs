//! What privlint publishes from a declaration: the privacy notice (Art. 12-14), the record of
//! processing activities (Art. 30) and an export in the W3C Data Privacy Vocabulary. Renderers
//! read the model only; they write to strings and bytes, never to files.

pub mod notice;

pub use crate::lang::Language;

pub mod dpv;
pub mod fides;
pub mod record;
#[cfg(feature = "xlsx")]
pub mod workbook;
