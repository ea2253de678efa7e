//! How one map is kept in storage: `{"rev": R, "schema": N, "tab": T, "map": <exchange-format
//! map>}`, where `tab` says which tab wrote it (added within schema 1: readers that do not know
//! it pass it by).
//! Pure: no web types, so every rule here is tested natively.

use crate::model::exchange::{self, Problem, Version};
use crate::model::{Id, JourneyMap, Phase};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;

/// A migration step turns an entry of schema `n` into one of schema `n + 1`.
pub type Step = fn(Value) -> Result<Value, String>;

/// Ordered migration steps: `STEPS[0]` turns schema 1 into 2, and so on; a layout change
/// appends a step here with its test. An entry of schema `n` holds a map of exchange-format
/// version `n`: the two change together, so a map from before a migration can be kept as an
/// exchange file ([`before_migration`]), and a step is the exchange format's own migration.
pub(super) const STEPS: &[Step] = &[map_v1_to_v2, map_v2_to_v3, map_v3_to_v4];

/// Schema 2 holds exchange format 2: personas, lanes and the plan.
fn map_v1_to_v2(mut entry: Value) -> Result<Value, String> {
    let map = entry.get_mut("map").ok_or("no map")?;
    exchange::migration::step(map, 1);
    Ok(entry)
}

/// Schema 3 holds exchange format 3: KPI kinds, counts and mappings.
fn map_v2_to_v3(mut entry: Value) -> Result<Value, String> {
    let map = entry.get_mut("map").ok_or("no map")?;
    exchange::migration::step(map, 2);
    Ok(entry)
}

/// Schema 4 holds exchange format 4: voting rounds, scores and actions, which a map of
/// schema 3 has none of.
fn map_v3_to_v4(mut entry: Value) -> Result<Value, String> {
    let map = entry.get_mut("map").ok_or("no map")?;
    exchange::migration::step(map, 3);
    Ok(entry)
}

/// The schema this version of the app writes.
pub const SCHEMA: u64 = 1 + STEPS.len() as u64;

#[derive(Serialize)]
struct Entry<'a> {
    // `rev` first, so a reader looking only for the revision finds it early.
    rev: u64,
    schema: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    tab: Option<u64>,
    map: &'a JourneyMap,
}

#[derive(Deserialize)]
struct RevOnly {
    rev: u64,
}

// Almost every entry read is a `Map`, and each is handled at once: nothing to gain by boxing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, PartialEq)]
pub enum Decoded {
    Map {
        rev: u64,
        /// The tab that wrote it, where the writer said.
        tab: Option<u64>,
        map: JourneyMap,
    },
    /// Written by a newer version of the app: leave it alone.
    Newer,
    /// Unreadable: why, in plain words (English; for the technical detail shown with the raw data).
    Corrupt(String),
}

/// The entry for revision `rev` of `map`, written by the tab `tab` (see `Store::open`).
pub fn encode(rev: u64, tab: Option<u64>, map: &JourneyMap) -> String {
    encode_as(rev, tab, map, STEPS)
}

/// [`encode`] for the schema that `steps` migrate to (tests give their own).
pub(super) fn encode_as(rev: u64, tab: Option<u64>, map: &JourneyMap, steps: &[Step]) -> String {
    serde_json::to_string(&Entry {
        rev,
        schema: 1 + steps.len() as u64,
        tab,
        map,
    })
    .expect("maps always serialize")
}

/// What [`encode`] last wrote of each phase of one map, with the phase it wrote: an entry is
/// then encoded again only where its phases changed. Encoding a large map took ~10 ms in the
/// browser, most of a frame; comparing a phase with its copy is a fraction of encoding it.
#[derive(Default)]
pub struct Encoded {
    phases: HashMap<Id, (Phase, String)>,
}

impl Encoded {
    /// The same text as [`encode`]; keeps the phases for the next call.
    pub fn encode(&mut self, rev: u64, tab: Option<u64>, map: &JourneyMap) -> String {
        let mut text = encode(rev, tab, &without_phases(map));
        let end = "]}}";
        assert!(
            text.ends_with(&format!("[{end}")),
            "the phases are the last field of the entry's map"
        );
        text.truncate(text.len() - end.len());
        let mut kept = HashMap::with_capacity(map.phases.len());
        for (i, phase) in map.phases.iter().enumerate() {
            if i > 0 {
                text.push(',');
            }
            let (phase, json) = match self.phases.remove(&phase.id) {
                Some((old, json)) if old == *phase => (old, json),
                _ => (
                    phase.clone(),
                    serde_json::to_string(phase).expect("phases always serialize"),
                ),
            };
            text.push_str(&json);
            kept.insert(phase.id.clone(), (phase, json));
        }
        text.push_str(end);
        self.phases = kept;
        text
    }
}

/// `map` without its phases. Every field is named, so that a field added to maps is either
/// copied here or a compile error.
fn without_phases(map: &JourneyMap) -> JourneyMap {
    let JourneyMap {
        id,
        title,
        description,
        language,
        created_at,
        updated_at,
        currency,
        personas,
        lanes,
        customer_base,
        rounds,
        comments,
        phases: _,
    } = map;
    JourneyMap {
        id: id.clone(),
        title: title.clone(),
        description: description.clone(),
        language: language.clone(),
        created_at: created_at.clone(),
        updated_at: updated_at.clone(),
        currency: currency.clone(),
        personas: personas.clone(),
        lanes: lanes.clone(),
        customer_base: customer_base.clone(),
        rounds: rounds.clone(),
        comments: comments.clone(),
        phases: Vec::new(),
    }
}

/// How much of an entry's start holds its revision, as [`encode`] writes it (`{"rev":N,`), in
/// UTF-16 code units.
pub const REVISION_UNITS: u32 = 32;

/// The revision of a stored entry, without building its map. `text` may be only the first
/// [`REVISION_UNITS`] of an entry that [`encode`] wrote, or else must be a whole entry.
pub fn revision(text: &str) -> Option<u64> {
    let leading = text.strip_prefix("{\"rev\":").and_then(|rest| {
        let digits = rest.find(|c: char| !c.is_ascii_digit())?;
        rest[digits..]
            .starts_with(',')
            .then(|| rest[..digits].parse().ok())?
    });
    leading.or_else(|| serde_json::from_str::<RevOnly>(text).ok().map(|r| r.rev))
}

/// Reads an entry stored under the key for map `id`.
pub fn decode(text: &str, id: &str) -> Decoded {
    decode_with(text, id, STEPS)
}

pub(super) fn decode_with(text: &str, id: &str, steps: &[Step]) -> Decoded {
    // Bounded like a file: an entry damaged into millions of entries is refused where it grows.
    let value: Value = match exchange::parse_bounded(text) {
        Ok(v) => v,
        Err(e) => return Decoded::Corrupt(format!("not valid JSON: {e}")),
    };
    // Written as a float (`4.0`) or past 2^64, as the format's version may be.
    let current = 1 + steps.len() as u64;
    let schema = match value
        .get("schema")
        .and_then(|s| exchange::version_number(s, current))
    {
        Some(Version::Known(schema)) => schema,
        Some(Version::Newer) => return Decoded::Newer,
        None => return Decoded::Corrupt("no schema version".into()),
    };
    let value = match migrate(value, schema, steps) {
        Ok(v) => v,
        Err(e) => return Decoded::Corrupt(format!("could not migrate from schema {schema}: {e}")),
    };
    let Some(rev) = value.get("rev").and_then(Value::as_u64) else {
        return Decoded::Corrupt("no revision number".into());
    };
    let Some(map_value) = value.get("map") else {
        return Decoded::Corrupt("no map".into());
    };
    match exchange::map_from_value(map_value, "map") {
        Ok((map, _)) if map.id == id => Decoded::Map {
            rev,
            tab: value.get("tab").and_then(Value::as_u64),
            map,
        },
        Ok((map, _)) => Decoded::Corrupt(format!(
            "holds map {:?} under the key of map {id:?}",
            map.id
        )),
        Err(problems) => Decoded::Corrupt(
            problems
                .iter()
                .map(Problem::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        ),
    }
}

/// For an entry that `steps` would migrate, its map as it is stored, as an exchange-format
/// file of the version the entry's schema holds (its reader migrates it when it is opened);
/// `None` for an entry of the current schema or one that is not an entry at all.
pub(super) fn before_migration(text: &str, steps: &[Step]) -> Option<String> {
    let (schema, file) = exchange_file(text)?;
    (schema < 1 + steps.len() as u64).then_some(file)
}

/// An entry's map as an exchange-format file of the version its schema holds, with the entry's
/// schema. Cut from the text without reading the map where the entry is as [`encode`] writes it
/// (a large map takes tens of milliseconds to read, and this runs as a map is saved): the map is
/// read only when the file is opened.
pub(super) fn exchange_file(text: &str) -> Option<(u64, String)> {
    let (schema, map) = match cut_map(text) {
        Some((schema, map)) => (schema, map.to_owned()),
        None => {
            let value: Value = serde_json::from_str(text).ok()?;
            match exchange::version_number(value.get("schema")?, u64::MAX)? {
                Version::Known(schema) => (schema, value.get("map")?.to_string()),
                Version::Newer => return None,
            }
        }
    };
    let file = format!(
        "{{\"format\":\"{}\",\"version\":{schema},\"map\":{map}}}",
        exchange::FORMAT_MAP
    );
    Some((schema, file))
}

/// The schema and the map's JSON of an entry as [`encode`] writes it:
/// `{"rev":N,"schema":S,"tab":T,"map":{…}}`, `tab` left out where unknown.
fn cut_map(text: &str) -> Option<(u64, &str)> {
    fn number(rest: &str) -> Option<(u64, &str)> {
        let end = rest.find(|c: char| !c.is_ascii_digit())?;
        Some((rest[..end].parse().ok()?, &rest[end..]))
    }
    let (_, rest) = number(text.strip_prefix("{\"rev\":")?)?;
    let (schema, rest) = number(rest.strip_prefix(",\"schema\":")?)?;
    let rest = match rest.strip_prefix(",\"tab\":") {
        Some(tab) => number(tab)?.1,
        None => rest,
    };
    let map = rest.strip_prefix(",\"map\":")?.strip_suffix('}')?;
    map.starts_with('{').then_some((schema, map))
}

/// Runs the steps from `schema` up to the current one, in order; each result is stamped with
/// the schema it now has.
fn migrate(mut value: Value, schema: u64, steps: &[Step]) -> Result<Value, String> {
    for (i, step) in steps.iter().enumerate().skip((schema - 1) as usize) {
        value = step(value)?;
        value["schema"] = Value::from(i as u64 + 2);
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::generate;

    #[test]
    fn an_encoded_entry_decodes_to_the_same_map_and_revision() {
        let map = generate::map(3, generate::Size::WORKSHOP);
        let text = encode(7, Some(3), &map);
        assert_eq!(
            decode(&text, &map.id),
            Decoded::Map {
                rev: 7,
                tab: Some(3),
                map
            }
        );
        assert_eq!(revision(&text), Some(7));
    }

    #[test]
    fn an_entry_encoded_again_only_where_phases_changed_is_the_whole_encoding() {
        let mut map = generate::map(4, generate::Size::WORKSHOP);
        let mut encoded = Encoded::default();
        assert_eq!(encoded.encode(1, Some(2), &map), encode(1, Some(2), &map));
        // Every kind of edit, phases moved, added and deleted among them.
        for (i, edit) in generate::edits(&map, 9, 300).into_iter().enumerate() {
            if map.apply(edit).is_err() {
                continue;
            }
            let rev = i as u64 + 2;
            assert_eq!(encoded.encode(rev, None, &map), encode(rev, None, &map));
        }
        map.phases.clear();
        assert_eq!(encoded.encode(9, None, &map), encode(9, None, &map));
        assert!(encoded.phases.is_empty(), "keeps only the map's phases");
    }

    #[test]
    fn unreadable_entries_are_corrupt_not_errors() {
        let map = JourneyMap::new("a", "A");
        let good = encode(1, None, &map);
        let cases = [
            ("{not json".to_string(), "not valid JSON"),
            (r#"{"rev":1,"map":{}}"#.to_string(), "no schema"),
            (
                r#"{"schema":1,"map":{"id":"a","title":"A","phases":[]}}"#.to_string(),
                "no revision",
            ),
            (r#"{"schema":1,"rev":1}"#.to_string(), "no map"),
            (good.replace("\"A\"", "\"\""), "title"),
            (good.clone(), "under the key"),
        ];
        for (i, (text, why)) in cases.iter().enumerate() {
            let id = if i == 5 { "b" } else { "a" };
            match decode(text, id) {
                Decoded::Corrupt(reason) => {
                    assert!(reason.contains(why), "{reason} should mention {why}")
                }
                other => panic!("{text} decoded as {other:?}"),
            }
        }
    }

    #[test]
    fn an_entrys_map_is_cut_out_as_an_exchange_file_without_reading_it() {
        let map = generate::map(3, generate::Size::WORKSHOP);
        for tab in [None, Some(12)] {
            let text = encode(5, tab, &map);
            assert!(cut_map(&text).is_some());
            let (schema, file) = exchange_file(&text).unwrap();
            assert_eq!(schema, SCHEMA);
            assert_eq!(exchange::import(&file).unwrap().maps, vec![map.clone()]);
        }
        // Written otherwise (fields in another order, spaces): read whole, the same file.
        let json = serde_json::to_string(&map).unwrap();
        let other = format!("{{ \"map\": {json}, \"schema\": 2, \"rev\": 2 }}");
        assert!(cut_map(&other).is_none());
        let (_, file) = exchange_file(&other).unwrap();
        assert_eq!(exchange::import(&file).unwrap().maps, vec![map]);
        assert_eq!(exchange_file("{not json"), None);
    }

    #[test]
    fn entries_from_a_newer_schema_are_left_alone() {
        let written = |schema: &str| {
            encode(1, None, &JourneyMap::new("a", "A")).replace(
                &format!("\"schema\":{SCHEMA}"),
                &format!("\"schema\":{schema}"),
            )
        };
        for newer in ["99", "1e1", "18446744073709551616"] {
            assert_eq!(decode(&written(newer), "a"), Decoded::Newer, "{newer}");
        }
    }

    #[test]
    fn a_schema_written_as_a_float_is_that_schema() {
        let map = JourneyMap::new("a", "A");
        let text = encode(1, None, &map).replace(
            &format!("\"schema\":{SCHEMA}"),
            &format!("\"schema\":{SCHEMA}.0"),
        );
        assert!(matches!(decode(&text, "a"), Decoded::Map { map: read, .. } if read == map));
        let (schema, file) = exchange_file(&text).unwrap();
        assert_eq!(schema, SCHEMA);
        assert_eq!(exchange::import(&file).unwrap().maps, vec![map]);
        for none in ["0", "-1", "1.5", "\"4\""] {
            let text = text.replace(
                &format!("\"schema\":{SCHEMA}.0"),
                &format!("\"schema\":{none}"),
            );
            assert!(matches!(decode(&text, "a"), Decoded::Corrupt(_)), "{none}");
        }
    }

    // The real step list is empty while schema 1 is the only layout; these steps show that
    // migration runs exactly the steps after the stored schema, in order.
    fn rename_title(mut v: Value) -> Result<Value, String> {
        let title = v["map"]["name"].take();
        v["map"]
            .as_object_mut()
            .ok_or("map is not an object")?
            .remove("name");
        v["map"]["title"] = title;
        Ok(v)
    }

    fn add_suffix(mut v: Value) -> Result<Value, String> {
        let title = format!(
            "{} (migrated)",
            v["map"]["title"].as_str().ok_or("no title")?
        );
        v["map"]["title"] = Value::from(title);
        Ok(v)
    }

    #[test]
    fn migration_runs_the_steps_after_the_stored_schema_in_order() {
        let steps: &[Step] = &[rename_title, add_suffix];
        let old = r#"{"schema":1,"rev":4,"map":{"id":"a","name":"Old","phases":[]}}"#;
        let Decoded::Map { rev, map, .. } = decode_with(old, "a", steps) else {
            panic!("not migrated")
        };
        assert_eq!((rev, map.title.as_str()), (4, "Old (migrated)"));

        let middle = r#"{"schema":2,"rev":5,"map":{"id":"a","title":"Mid","phases":[]}}"#;
        let Decoded::Map { map, .. } = decode_with(middle, "a", steps) else {
            panic!("not migrated")
        };
        assert_eq!(map.title, "Mid (migrated)");

        let broken = r#"{"schema":2,"rev":5,"map":{"id":"a","phases":[]}}"#;
        assert!(
            matches!(decode_with(broken, "a", steps), Decoded::Corrupt(r) if r.contains("schema 2"))
        );
    }
}
