//! The readers of outside input as a Web Worker's own wasm (`js/reader-worker.js` runs it): the
//! page hands every file and link to a worker and stops it when it takes too long, so no input
//! can freeze the page. Only the model is linked in: no views, no storage.

use wasm_bindgen::prelude::wasm_bindgen;

/// `job` is a [`journey_mapper::model::outside::Job`] as JSON; the outcome comes back as JSON.
#[wasm_bindgen]
pub fn read(job: &str, bytes: &[u8]) -> String {
    journey_mapper::model::outside::read_json(job, bytes)
}

fn main() {}
