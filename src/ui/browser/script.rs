//! Scripts of the app's own that are fetched only when first needed (the live session's engine,
//! the page's side of the readers' worker): one way of loading them, so the first screen carries
//! one line for all.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(
    inline_js = "export function load(path) { return import(new URL(path, document.baseURI).href); }"
)]
extern "C" {
    /// Loads the module at `path` (relative to the app) once; the promise gives its exports.
    pub fn load(path: &str) -> js_sys::Promise;
}
