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
//!
//! One line per map, its fields apart by tabs — id, last edit, phases, touchpoints, KPIs, title —
//! under a first line naming the layout. Not JSON: reading JSON would bring serde_json into the
//! first screen, 10 KB gzipped of it for six fields.

use crate::model::{limits, MapSummary};
use std::cmp::Ordering;

pub(super) const KEY: &str = "journey-mapper/index";

/// The layout this release writes; another one is not read (the first screen then waits for
/// the maps themselves). Layout 1 was JSON.
const HEADER: &str = "journey-mapper index 2";

pub(super) fn encode(maps: &[MapSummary]) -> String {
    let mut text = HEADER.to_owned();
    for m in maps {
        text.push('\n');
        let fields = [
            escape(&m.id),
            escape(&m.updated_at),
            m.phases.to_string(),
            m.touchpoints.to_string(),
            m.kpis.to_string(),
            escape(&m.title),
        ];
        text.push_str(&fields.join("\t"));
    }
    text
}

/// How many maps `text` lists, counted without reading them.
pub(super) fn listed(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count()
}

/// The maps listed, most recently edited first; `None` for text of another layout or none, or
/// listing what no map holds (damaged between visits: a title of megabytes).
pub fn decode(text: &str) -> Option<Vec<MapSummary>> {
    let mut lines = text.split('\n');
    if lines.next()? != HEADER {
        return None;
    }
    let mut maps = lines.map(summary).collect::<Option<Vec<_>>>()?;
    order(&mut maps);
    Some(maps)
}

fn summary(line: &str) -> Option<MapSummary> {
    let mut fields = line.split('\t');
    let mut next = || fields.next().map(unescape);
    let summary = MapSummary {
        id: next()??,
        updated_at: next()??,
        phases: next()??.parse().ok()?,
        touchpoints: next()??.parse().ok()?,
        kpis: next()??.parse().ok()?,
        title: next()??,
    };
    let fits = summary.title.chars().count() <= limits::TITLE_MAX_CHARS
        && summary.id.len() <= limits::TEXT_MAX_CHARS
        && summary.updated_at.len() <= MAX_TIME;
    (fits && fields.next().is_none()).then_some(summary)
}

/// The longest last edit read: an RFC 3339 time, with room for the fractions of a second.
const MAX_TIME: usize = 64;

/// A field with the characters that separate fields and lines written as `\t`, `\n`, `\r`.
fn escape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    for c in field.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// A field as [`escape`] had it; `None` for an escape it does not write.
fn unescape(field: &str) -> Option<String> {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        out.push(match c {
            '\\' => match chars.next()? {
                '\\' => '\\',
                't' => '\t',
                'n' => '\n',
                'r' => '\r',
                _ => return None,
            },
            c => c,
        });
    }
    Some(out)
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
