//! The functions as JavaScript sees them (`window.privlint` on the playground). `files` is an
//! object mapping names to texts (`{"a.privacy": "controller …"}`); a failure is thrown as an
//! `Error` whose message says what is wrong.

use js_sys::{Array, JsString, Object, Uint8Array};
use wasm_bindgen::prelude::*;

/// The (name, text) pairs of a JavaScript object.
fn pairs(files: &JsValue) -> Result<Vec<(String, String)>, JsError> {
    let object: &Object = files
        .dyn_ref()
        .ok_or_else(|| JsError::new("files: give an object mapping file names to texts"))?;
    Object::entries(object)
        .iter()
        .map(|entry| {
            let entry = Array::from(&entry);
            let name = entry.get(0).as_string().unwrap_or_default();
            let text = entry.get(1).dyn_into::<JsString>().map_err(|_| {
                JsError::new(&format!("files: the value of `{name}` is not a text"))
            })?;
            Ok((name, String::from(text)))
        })
        .collect()
}

fn thrown(message: String) -> JsError {
    JsError::new(&message)
}

/// `privlint check --format json` of the files, as the JSON text.
#[wasm_bindgen]
pub fn check(files: JsValue) -> Result<String, JsError> {
    crate::check(&pairs(&files)?).map_err(thrown)
}

/// `privlint fmt` of one text.
#[wasm_bindgen]
pub fn format(text: &str) -> Result<String, JsError> {
    crate::format(text).map_err(thrown)
}

/// The privacy notice of the files' declaration: `lang` nb, nn or en (undefined: the notice's
/// first), `format` html or md.
#[wasm_bindgen]
pub fn notice(files: JsValue, lang: Option<String>, format: &str) -> Result<String, JsError> {
    crate::notice(&pairs(&files)?, lang.as_deref(), format).map_err(thrown)
}

/// The record of processing activities: `lang` nb, nn or en, `format` csv, md or xlsx.
#[wasm_bindgen]
pub fn record(files: JsValue, lang: &str, format: &str) -> Result<Uint8Array, JsError> {
    // The browser's clock, as the date of a record whose notice has no `updated`.
    let now = js_sys::Date::new_0();
    let today = format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    );
    let bytes = crate::record(&pairs(&files)?, lang, format, &today).map_err(thrown)?;
    Ok(Uint8Array::from(bytes.as_slice()))
}

/// The W3C Data Privacy Vocabulary export (JSON-LD) of the files' declaration.
#[wasm_bindgen]
pub fn dpv(files: JsValue) -> Result<String, JsError> {
    crate::dpv(&pairs(&files)?).map_err(thrown)
}

/// Every rule, as JSON.
#[wasm_bindgen]
pub fn rules() -> String {
    crate::rules()
}

/// The highlights of `text` by the grammar's highlight query: `[from, to, capture]` for each,
/// offsets in UTF-16 code units, in text order.
#[wasm_bindgen]
pub fn highlights(text: &str) -> Array {
    crate::highlights(text)
        .into_iter()
        .map(|(from, to, capture)| {
            Array::of3(
                &JsValue::from(from as u32),
                &JsValue::from(to as u32),
                &JsValue::from_str(capture),
            )
        })
        .collect()
}
