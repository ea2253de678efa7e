//! Maps written as exchange-format files.

use super::{FORMAT_BUNDLE, FORMAT_MAP, VERSION};
use crate::model::JourneyMap;
use serde::Serialize;
use serde_json::Value;

#[derive(Serialize)]
struct Document<'a, T: Serialize> {
    format: &'static str,
    version: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_at: Option<&'a str>,
    #[serde(flatten)]
    body: T,
}

#[derive(Serialize)]
struct OneMap<'a> {
    map: &'a JourneyMap,
}

#[derive(Serialize)]
struct ManyMaps<'a> {
    maps: &'a [JourneyMap],
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value)
        .expect("the model holds only finite numbers and string keys")
}

/// One map as a `journey-map` file.
pub fn export_map(map: &JourneyMap, exported_at: Option<&str>) -> String {
    to_json(&Document {
        format: FORMAT_MAP,
        version: VERSION,
        exported_at,
        body: OneMap { map },
    })
}

/// Several maps as a `journey-map-bundle` file.
pub fn export_bundle(maps: &[JourneyMap], exported_at: Option<&str>) -> String {
    to_json(&bundle(maps, exported_at))
}

/// Several maps as a `journey-map-bundle`, unindented: what a reader hands the page, which
/// reads it again on its own thread (a map at the limits is 18 MB indented, 8 MB not).
pub fn bundle_unindented(maps: &[JourneyMap]) -> String {
    serde_json::to_string(&bundle(maps, None))
        .expect("the model holds only finite numbers and string keys")
}

fn bundle<'a>(maps: &'a [JourneyMap], exported_at: Option<&'a str>) -> Document<'a, ManyMaps<'a>> {
    Document {
        format: FORMAT_BUNDLE,
        version: VERSION,
        exported_at,
        body: ManyMaps { maps },
    }
}

/// A map as the bare JSON object that files hold under `map` (storage keeps maps this way too).
pub fn map_to_value(map: &JourneyMap) -> Value {
    serde_json::to_value(map).expect("the model holds only finite numbers and string keys")
}
