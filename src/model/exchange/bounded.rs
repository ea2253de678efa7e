//! JSON into a tree that stops growing where no journey map could: a list or an object with
//! far more entries than any list the format allows is refused the moment its next entry is read,
//! not after a ten-megabyte file of `{},{},…` has become three million objects. serde_json's own
//! limit on nesting (128 deep) stays in force, so a file nested a million deep is refused too.

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::borrow::Cow;
use std::fmt;

use crate::model::limits;

/// The most entries a list or object of a file may have: ten times the longest list the format
/// allows. Lists up to that are read whole, so that the reader can name a list just too long by
/// its path and length ("map.phases: 51 entries, more than the 50 …"); past it the file is no
/// journey map by any stretch, and reading stops there.
pub const MAX_ENTRIES: usize = 10
    * const_max(&[
        limits::MAPS_PER_BUNDLE,
        limits::PHASES,
        limits::TOUCHPOINTS_PER_PHASE,
        limits::KPIS_PER_PHASE,
        limits::MEASUREMENTS_PER_KPI,
        limits::PERSONAS,
        limits::LANES,
        limits::CARDS_PER_PHASE,
    ]);

const fn const_max(values: &[usize]) -> usize {
    let (mut max, mut i) = (0, 0);
    while i < values.len() {
        if values[i] > max {
            max = values[i];
        }
        i += 1;
    }
    max
}

/// The start of the error message [`parse`] gives for a list or object past [`MAX_ENTRIES`]:
/// serde_json then adds where in the file it is.
pub const TOO_MANY_ENTRIES: &str = "too many entries";

pub fn parse(text: &str) -> serde_json::Result<Value> {
    let text = mend_lone_surrogates(text);
    let mut deserializer = serde_json::Deserializer::from_str(&text);
    let value = Bounded.deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

/// `text` with every escaped surrogate that is not half of a pair (`"\ud800"`, which
/// JavaScript's `JSON.stringify` writes for a lone one) written as U+FFFD instead, as browsers
/// decode such text: serde_json would refuse the whole file for it.
fn mend_lone_surrogates(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let surrogate = |at: usize| -> Option<u16> {
        let hex = bytes.get(at + 2..at + 6)?;
        let unit = u16::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
        (bytes[at + 1] == b'u' && (0xD800..=0xDFFF).contains(&unit)).then_some(unit)
    };
    let mut mended: Option<String> = None;
    let (mut at, mut copied) = (0, 0);
    while let Some(offset) = bytes
        .get(at..)
        .and_then(|rest| rest.iter().position(|&b| b == b'\\'))
    {
        at += offset;
        let Some(unit) = surrogate(at) else {
            at += 2;
            continue;
        };
        let low = surrogate(at + 6).filter(|l| (0xDC00..=0xDFFF).contains(l));
        if (0xD800..=0xDBFF).contains(&unit) && low.is_some() {
            at += 12;
            continue;
        }
        let out = mended.get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(&text[copied..at]);
        out.push_str("\\ufffd");
        at += 6;
        copied = at;
    }
    match mended {
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(text),
    }
}

#[derive(Clone, Copy)]
struct Bounded;

impl<'de> DeserializeSeed<'de> for Bounded {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Bounded {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("JSON")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            if items.len() == MAX_ENTRIES {
                return Err(de::Error::custom(TOO_MANY_ENTRIES));
            }
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if entries.len() == MAX_ENTRIES {
                return Err(de::Error::custom(TOO_MANY_ENTRIES));
            }
            entries.insert(key, map.next_value_seed(self)?);
        }
        Ok(Value::Object(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_within_the_limits_is_the_tree_serde_json_makes() {
        let text =
            r#"{"a": [1, -2, 3.5, "x\u00e9", true, null, {"b": []}], "c": 18446744073709551615}"#;
        assert_eq!(
            parse(text).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
        let full = format!("[{}0]", "0,".repeat(MAX_ENTRIES - 1));
        assert_eq!(parse(&full).unwrap().as_array().unwrap().len(), MAX_ENTRIES);
    }

    #[test]
    fn a_list_or_object_past_the_limit_stops_at_its_next_entry() {
        let list = format!("[{}0]", "{},".repeat(MAX_ENTRIES));
        let error = parse(&list).unwrap_err();
        assert!(error.to_string().starts_with(TOO_MANY_ENTRIES), "{error}");
        // The position is just past the entry past the limit (its comma read too).
        assert_eq!((error.line(), error.column()), (1, 3 * MAX_ENTRIES + 3));
        let fields: Vec<String> = (0..=MAX_ENTRIES).map(|i| format!("\"k{i}\": 0")).collect();
        let object = format!("{{{}}}", fields.join(","));
        assert!(parse(&object)
            .unwrap_err()
            .to_string()
            .starts_with(TOO_MANY_ENTRIES));
    }

    #[test]
    fn lone_surrogates_read_as_the_replacement_character_and_pairs_as_they_are() {
        let read = |text: &str| parse(text).unwrap().as_str().unwrap().to_owned();
        assert_eq!(read(r#""a\ud800b""#), "a\u{fffd}b");
        assert_eq!(read(r#""\udc00\ud800""#), "\u{fffd}\u{fffd}");
        assert_eq!(read(r#""\ud83d\ude00""#), "\u{1F600}");
        assert_eq!(read(r#""\ud83d\u0041""#), "\u{fffd}A");
        // An escaped backslash before "ud800" is a backslash and letters, not an escape.
        assert_eq!(read(r#""\\ud800""#), "\\ud800");
        assert_eq!(read(r#""end\ud800""#), "end\u{fffd}");
        // A backslash at the very end is no escape and no reason to panic.
        assert!(parse("\"a\\").is_err());
        assert!(parse("\\").is_err());
        assert!(matches!(
            mend_lone_surrogates(r#"{"a": "\n"}"#),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn trailing_text_and_deep_nesting_are_refused() {
        assert!(parse("{} x").is_err());
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse(&deep)
            .unwrap_err()
            .to_string()
            .starts_with("recursion limit exceeded"));
    }
}
