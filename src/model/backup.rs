//! When to remind the user to export: browsers may clear a site's stored data (storage pressure,
//! "clear history", Safari's seven-day rule), so maps that changed and have gone unexported for
//! some days deserve a copy outside the browser.

use super::{Date, Id, JourneyMap};
use std::collections::BTreeMap;

/// Days a changed map may go without an export before the reminder shows.
pub const REMIND_AFTER_DAYS: i64 = 3;

/// The day of an RFC 3339 time, as days since the epoch.
fn day(time: &str) -> Option<i64> {
    Date::parse(time.get(..10)?).map(Date::days)
}

/// The maps to remind about at `now`: changed after their last export (or never exported) and
/// not exported for at least [`REMIND_AFTER_DAYS`], counted from the last export or, for a map
/// never exported, from its creation. `exported` holds each map's last export time (RFC 3339).
pub fn unexported<'a>(
    maps: &'a [JourneyMap],
    exported: &BTreeMap<Id, String>,
    now: &str,
) -> Vec<&'a JourneyMap> {
    let Some(today) = day(now) else {
        return Vec::new();
    };
    maps.iter()
        .filter(|map| {
            let since = exported
                .get(&map.id)
                .filter(|at| map.updated_at.as_str() > at.as_str())
                .or_else(|| (!exported.contains_key(&map.id)).then_some(&map.created_at));
            // A map without a readable time (an old file, hand-written) counts as new today.
            since
                .and_then(|at| day(at))
                .is_some_and(|from| today - from >= REMIND_AFTER_DAYS)
        })
        .collect()
}
