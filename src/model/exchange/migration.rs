//! Files of an older version brought up to the current one before they are read, so that one
//! reader serves every version. Stored entries go through the same steps (`storage::entry`).

use crate::model::Lane;
use serde_json::{json, Value};
use std::collections::HashSet;

/// Brings a whole file of version `from` up to the current version, in place. What is not
/// shaped as the old version said is left for the reader to report.
pub fn upgrade_document(root: &mut Value, from: u64) {
    if let Some(map) = root.get_mut("map") {
        upgrade_map(map, from);
    }
    if let Some(Value::Array(maps)) = root.get_mut("maps") {
        maps.iter_mut().for_each(|map| upgrade_map(map, from));
    }
}

/// Brings one bare map of version `from` up to the current version, in place.
pub fn upgrade_map(map: &mut Value, from: u64) {
    (from..super::VERSION).for_each(|version| step(map, version));
}

/// Brings one bare map of version `from` to version `from + 1`, in place: a stored entry's
/// schema steps are these (`storage::entry`).
pub fn step(map: &mut Value, from: u64) {
    match from {
        1 => v1_to_v2(map),
        2 => v2_to_v3(map),
        // Version 4 added voting rounds and cards' scores and actions, all optional: a map of
        // version 3 is one of version 4 as it stands.
        _ => {}
    }
}

/// Version 3 added KPI kinds, counts and remembered mappings: every KPI before it was a number
/// typed by hand, and says so now. Whatever is not shaped as version 2 said is left for the
/// reader to report.
fn v2_to_v3(map: &mut Value) {
    let Some(Value::Array(phases)) = map.get_mut("phases") else {
        return;
    };
    for phase in phases.iter_mut() {
        let Some(Value::Array(kpis)) = phase.get_mut("kpis") else {
            continue;
        };
        for kpi in kpis.iter_mut().filter_map(Value::as_object_mut) {
            kpi.entry("kind").or_insert_with(|| json!("number"));
        }
    }
}

/// Version 2 added personas, lanes of cards, and the plan. A version 1 map gets the standard
/// lanes, hidden, so it looks as it did until its user shows them; fields version 1 did not
/// have are dropped, as its reader passed them by.
fn v1_to_v2(map: &mut Value) {
    let Some(obj) = map.as_object_mut() else {
        return;
    };
    for key in ["currency", "personas", "lanes"] {
        obj.remove(key);
    }
    let mut used = HashSet::new();
    if let Some(Value::Array(phases)) = obj.get_mut("phases") {
        for phase in phases.iter_mut().filter_map(Value::as_object_mut) {
            phase.remove("cards");
            phase.remove("contact_limit");
            used.extend(id_of(phase));
            for list in ["touchpoints", "kpis"] {
                let Some(Value::Array(items)) = phase.get_mut(list) else {
                    continue;
                };
                for item in items.iter_mut().filter_map(Value::as_object_mut) {
                    used.extend(id_of(item));
                    if list == "touchpoints" {
                        for key in [
                            "emotions",
                            "cost_per_month",
                            "contacts_per_month",
                            "reach",
                            "trigger",
                        ] {
                            item.remove(key);
                        }
                    }
                }
            }
        }
    }
    let lanes: Vec<Value> = Lane::standard()
        .into_iter()
        .map(|lane| {
            let id = (1..)
                .map(|n| match n {
                    1 => lane.id.clone(),
                    n => format!("{}-{n}", lane.id),
                })
                .find(|id| !used.contains(id))
                .expect("an unbounded range always yields a free id");
            let kind = serde_json::to_value(lane.kind).expect("a lane kind is a string");
            json!({"id": id, "kind": kind, "name": "", "shown": false})
        })
        .collect();
    obj.insert("lanes".into(), Value::Array(lanes));
}

fn id_of(obj: &serde_json::Map<String, Value>) -> Option<String> {
    obj.get("id").and_then(Value::as_str).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_1_map_gets_hidden_standard_lanes_with_ids_of_their_own() {
        let mut map = json!({
            "id": "m", "title": "T", "personas": "junk",
            "phases": [{"id": "lane-does", "name": "Odd", "color": "#000000",
                "cards": {"x": []},
                "touchpoints": [{"id": "t", "name": "Ad", "reach": "everyone"}]}]
        });
        upgrade_map(&mut map, 1);
        let lanes = map["lanes"].as_array().unwrap();
        assert_eq!(lanes.len(), 5);
        assert_eq!(
            lanes[0]["id"], "lane-does-2",
            "the phase has the id already"
        );
        assert_eq!(lanes[1]["id"], "lane-thinks");
        assert_eq!(lanes[2]["kind"], "pain_points");
        assert!(lanes.iter().all(|l| l["shown"] == false));
        assert!(map.get("personas").is_none());
        assert!(map["phases"][0].get("cards").is_none());
        assert!(map["phases"][0]["touchpoints"][0].get("reach").is_none());
    }

    #[test]
    fn a_version_2_kpi_is_a_typed_number() {
        let mut map = json!({"id": "m", "phases": [
            {"kpis": [{"id": "k", "measurements": [{"date": "2026-01-01", "value": 3}]}, "junk"]},
            {"kpis": "junk"}, "junk"]});
        upgrade_map(&mut map, 2);
        assert_eq!(map["phases"][0]["kpis"][0]["kind"], "number");
        assert_eq!(map["phases"][0]["kpis"][1], "junk");
        assert_eq!(map["phases"][1]["kpis"], "junk");
    }

    #[test]
    fn a_current_map_is_left_as_it_is() {
        let mut map = json!({"id": "m", "lanes": [], "personas": [],
            "phases": [{"kpis": [{"id": "k", "kind": "nps"}]}]});
        let before = map.clone();
        upgrade_map(&mut map, 3);
        assert_eq!(map, before);
    }
}
