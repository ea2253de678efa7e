//! The index of the maps: what the library lists of each one (title, counts, last edit), kept
//! under one key beside them, so that the first screen can list the maps without reading one —
//! or having the code that reads them (issue 16).
//!
//! A copy, never the truth: the maps' own entries decide. [`Store::open`](super::Store::open)
//! writes it afresh where it is missing (every store from before it: that is its migration),
//! unreadable, or not what the maps say (an older release saved a map without it); every save
//! and deletion brings it up to date. Text under its key that this release cannot read is
//! written over, as it holds nothing the maps do not.
//! Pure: no web types, so every rule here is tested natively.

use crate::model::MapSummary;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

pub(super) const KEY: &str = "journey-mapper/index";

/// The layout this release writes; another one is not read (the first screen then waits for
/// the maps themselves).
const SCHEMA: u64 = 1;

#[derive(Serialize)]
struct Written<'a> {
    schema: u64,
    maps: &'a [MapSummary],
}

#[derive(Deserialize)]
struct Read {
    schema: u64,
    maps: Vec<MapSummary>,
}

pub(super) fn encode(maps: &[MapSummary]) -> String {
    let written = Written {
        schema: SCHEMA,
        maps,
    };
    serde_json::to_string(&written).expect("summaries always serialize")
}

/// The maps listed, most recently edited first; `None` for text of another layout or none.
pub fn decode(text: &str) -> Option<Vec<MapSummary>> {
    let read: Read = serde_json::from_str(text).ok()?;
    (read.schema == SCHEMA).then(|| {
        let mut maps = read.maps;
        order(&mut maps);
        maps
    })
}

/// Most recently edited first, as the library lists them (RFC 3339 times in UTC sort as text);
/// maps edited at the same moment by id, so that the index and the maps agree on one order.
pub(super) fn newest_first(a_time: &str, a_id: &str, b_time: &str, b_id: &str) -> Ordering {
    b_time.cmp(a_time).then_with(|| a_id.cmp(b_id))
}

fn order(maps: &mut [MapSummary]) {
    maps.sort_by(|a, b| newest_first(&a.updated_at, &a.id, &b.updated_at, &b.id));
}

/// `maps` with `summary` in the place of its map's old one.
pub(super) fn put(maps: &mut Vec<MapSummary>, summary: MapSummary) {
    maps.retain(|m| m.id != summary.id);
    maps.push(summary);
    order(maps);
}
