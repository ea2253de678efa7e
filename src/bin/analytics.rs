//! The loyalty analytics as a Web Worker's own wasm (`js/reader-worker.js?part=analytics`
//! runs it): a shop's order, survey or campaign export is read, counted and fitted here, off
//! the page's thread, and its rows never reach the page. Fetched only when a KPI is first
//! measured from data, so no workshop participant downloads it.

use wasm_bindgen::prelude::wasm_bindgen;

/// `job` is a [`journey_mapper::model::loyalty::work::Job`] as JSON; the outcome comes back as
/// JSON.
#[wasm_bindgen]
pub fn read(job: &str, bytes: &[u8]) -> String {
    journey_mapper::model::loyalty::work::run_json(job, bytes)
}

fn main() {}
