//! Reading a file: the JSON into a tree first, then a walk over it that collects every problem
//! with its path, so that a file's problems are reported all at once.

use super::problems::{Expected, Found, Problem, ProblemKind};
use super::{FORMAT_BUNDLE, FORMAT_MAP, VERSION};
use crate::model::values::{is_language_tag, is_rfc3339};
use crate::model::{
    limits, Color, Date, Direction, Emotion, JourneyMap, Kpi, Measurement, Phase, Touchpoint,
};
use serde_json::{Map, Value};
use std::collections::HashMap;

#[derive(Debug, PartialEq)]
pub struct Imported {
    pub maps: Vec<JourneyMap>,
    pub warnings: Vec<Problem>,
}

/// Reads a `journey-map` or `journey-map-bundle` file. On failure, every error found.
pub fn import(text: &str) -> Result<Imported, Vec<Problem>> {
    if text.trim().is_empty() {
        return Err(vec![problem("", ProblemKind::Empty)]);
    }
    let root: Value = serde_json::from_str(text).map_err(|e| vec![syntax_problem(&e)])?;
    let mut reader = Reader::default();
    let maps = reader.document(&root);
    match maps {
        Some(maps) if reader.errors.is_empty() => Ok(Imported {
            maps,
            warnings: reader.warnings,
        }),
        _ => Err(reader.problems()),
    }
}

/// Reads one bare map object (what a file holds under `map`), with `path` naming where it is.
pub fn map_from_value(
    value: &Value,
    path: &str,
) -> Result<(JourneyMap, Vec<Problem>), Vec<Problem>> {
    let mut reader = Reader::default();
    match reader.map(value, path) {
        Some(map) if reader.errors.is_empty() => Ok((map, reader.warnings)),
        _ => Err(reader.problems()),
    }
}

fn problem(path: &str, kind: ProblemKind) -> Problem {
    Problem {
        path: path.into(),
        kind,
    }
}

fn syntax_problem(e: &serde_json::Error) -> Problem {
    let (line, column) = (e.line(), e.column());
    // serde_json names these two causes only in its message.
    let text = e.to_string();
    let kind = if text.starts_with("number out of range") {
        ProblemKind::NumberTooLarge { line, column }
    } else if text.starts_with("recursion limit exceeded") {
        ProblemKind::TooDeep { line, column }
    } else {
        ProblemKind::NotJson { line, column }
    };
    problem("", kind)
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.into()
    } else {
        format!("{path}.{key}")
    }
}

#[derive(Default)]
struct Reader {
    errors: Vec<Problem>,
    warnings: Vec<Problem>,
    /// Ids seen in the map being read, with where each was first seen.
    ids: HashMap<String, String>,
    /// Errors found beyond the first [`limits::PROBLEMS_LISTED`], counted only: a file of a
    /// million bad values would otherwise make a list as large.
    more_errors: usize,
}

type Object = Map<String, Value>;

impl Reader {
    fn error(&mut self, path: String, kind: ProblemKind) {
        if self.errors.len() < limits::PROBLEMS_LISTED {
            self.errors.push(Problem { path, kind });
        } else {
            self.more_errors += 1;
        }
    }

    /// The errors found, those past the listed ones summed up in one.
    fn problems(mut self) -> Vec<Problem> {
        if self.more_errors > 0 {
            let count = self.more_errors;
            self.errors
                .push(problem("", ProblemKind::MoreProblems { count }));
        }
        self.errors
    }

    fn expected(&mut self, path: String, expected: Expected, value: &Value) {
        self.error(
            path,
            ProblemKind::Expected {
                expected,
                found: Found::of(value),
            },
        );
    }

    fn document(&mut self, root: &Value) -> Option<Vec<JourneyMap>> {
        let obj = self.object(root, "")?;
        let format = match obj.get("format") {
            Some(Value::String(f)) if f == FORMAT_MAP || f == FORMAT_BUNDLE => f.as_str(),
            Some(other) => {
                self.error(
                    "format".into(),
                    ProblemKind::WrongFormat {
                        found: Found::of(other),
                    },
                );
                return None;
            }
            None => {
                self.error("format".into(), ProblemKind::Missing(Expected::Text));
                return None;
            }
        };
        match obj.get("version") {
            Some(v) => match v.as_u64() {
                Some(VERSION) => {}
                Some(newer) if newer > VERSION => {
                    self.error("version".into(), ProblemKind::NewerVersion { found: newer });
                    return None;
                }
                _ => {
                    self.expected("version".into(), Expected::Version, v);
                    return None;
                }
            },
            None => {
                self.error("version".into(), ProblemKind::Missing(Expected::Version));
                return None;
            }
        }
        self.optional_checked(obj, "exported_at", "", Expected::Timestamp, is_rfc3339);
        if format == FORMAT_MAP {
            self.unknown_fields(obj, "", &["format", "version", "exported_at", "map"]);
            let map = self.required(obj, "map", "", Expected::Object)?;
            self.map(map, "map").map(|m| vec![m])
        } else {
            self.unknown_fields(obj, "", &["format", "version", "exported_at", "maps"]);
            let list = self.list(obj, "maps", "", limits::MAPS_PER_BUNDLE, true)?;
            let mut first_seen: HashMap<&str, String> = HashMap::new();
            let mut maps = Vec::with_capacity(list.len());
            for (i, value) in list.iter().enumerate() {
                let path = format!("maps[{i}]");
                if let Some(map) = self.map(value, &path) {
                    maps.push(map);
                }
                if let Some(id) = value.get("id").and_then(Value::as_str) {
                    let id_path = format!("{path}.id");
                    if let Some(first) = first_seen.get(id) {
                        let kind = ProblemKind::DuplicateId {
                            id: id.into(),
                            first: first.clone(),
                        };
                        self.error(id_path, kind);
                    } else {
                        first_seen.insert(id, id_path);
                    }
                }
            }
            (maps.len() == list.len()).then_some(maps)
        }
    }

    fn map(&mut self, value: &Value, path: &str) -> Option<JourneyMap> {
        self.ids.clear();
        let obj = self.object(value, path)?;
        self.unknown_fields(
            obj,
            path,
            &[
                "id",
                "title",
                "description",
                "language",
                "created_at",
                "updated_at",
                "phases",
            ],
        );
        let id = self.id(obj, path);
        let title = self.text(obj, "title", path, true);
        if let Some(title) = &title {
            let chars = title.chars().count();
            if !(1..=limits::TITLE_MAX_CHARS).contains(&chars) {
                self.error(join(path, "title"), ProblemKind::TitleLength { chars });
            }
        }
        let description = self.text(obj, "description", path, false);
        let language = self.optional_checked(
            obj,
            "language",
            path,
            Expected::LanguageTag,
            is_language_tag,
        );
        let created_at =
            self.optional_checked(obj, "created_at", path, Expected::Timestamp, is_rfc3339);
        let updated_at =
            self.optional_checked(obj, "updated_at", path, Expected::Timestamp, is_rfc3339);
        let phases = self.items(obj, "phases", path, limits::PHASES, true, Self::phase);
        Some(JourneyMap {
            id: id?,
            title: title?,
            description: description?,
            language: language?,
            created_at: created_at?,
            updated_at: updated_at?,
            phases: phases?,
        })
    }

    fn phase(&mut self, value: &Value, path: &str) -> Option<Phase> {
        let obj = self.object(value, path)?;
        self.unknown_fields(
            obj,
            path,
            &[
                "id",
                "name",
                "description",
                "goal",
                "color",
                "touchpoints",
                "kpis",
            ],
        );
        let id = self.id(obj, path);
        let name = self.text(obj, "name", path, true);
        let description = self.text(obj, "description", path, false);
        let goal = self.text(obj, "goal", path, false);
        let color = self.parsed(obj, "color", path, Expected::Color, Color::parse);
        let touchpoints = self.items(
            obj,
            "touchpoints",
            path,
            limits::TOUCHPOINTS_PER_PHASE,
            false,
            Self::touchpoint,
        );
        let kpis = self.items(obj, "kpis", path, limits::KPIS_PER_PHASE, false, Self::kpi);
        Some(Phase {
            id: id?,
            name: name?,
            description: description?,
            goal: goal?,
            color: color?,
            touchpoints: touchpoints?,
            kpis: kpis?,
        })
    }

    fn touchpoint(&mut self, value: &Value, path: &str) -> Option<Touchpoint> {
        let obj = self.object(value, path)?;
        self.unknown_fields(
            obj,
            path,
            &["id", "name", "channel", "description", "emotion", "owner"],
        );
        let id = self.id(obj, path);
        let name = self.text(obj, "name", path, true);
        let channel = self.text(obj, "channel", path, false);
        let description = self.text(obj, "description", path, false);
        let owner = self.text(obj, "owner", path, false);
        let emotion = match obj.get("emotion") {
            None | Some(Value::Null) => Some(None),
            // JSON Schema counts 2.0 as an integer, so this reader does too.
            Some(v) => match v
                .as_i64()
                .or_else(|| v.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64))
                .and_then(Emotion::new)
            {
                Some(e) => Some(Some(e)),
                None => {
                    self.expected(join(path, "emotion"), Expected::EmotionOrNull, v);
                    None
                }
            },
        };
        Some(Touchpoint {
            id: id?,
            name: name?,
            channel: channel?,
            description: description?,
            emotion: emotion?,
            owner: owner?,
        })
    }

    fn kpi(&mut self, value: &Value, path: &str) -> Option<Kpi> {
        let obj = self.object(value, path)?;
        self.unknown_fields(
            obj,
            path,
            &[
                "id",
                "name",
                "unit",
                "direction",
                "baseline",
                "target",
                "measurements",
            ],
        );
        let id = self.id(obj, path);
        let name = self.text(obj, "name", path, true);
        let unit = self.text(obj, "unit", path, false);
        let direction = self.parsed(
            obj,
            "direction",
            path,
            Expected::Direction,
            Direction::parse,
        );
        let baseline = self.number_or_null(obj, "baseline", path);
        let target = self.number_or_null(obj, "target", path);
        let measurements = self.items(
            obj,
            "measurements",
            path,
            limits::MEASUREMENTS_PER_KPI,
            false,
            Self::measurement,
        );
        Some(Kpi {
            id: id?,
            name: name?,
            unit: unit?,
            direction: direction?,
            baseline: baseline?,
            target: target?,
            measurements: measurements?,
        })
    }

    fn measurement(&mut self, value: &Value, path: &str) -> Option<Measurement> {
        let obj = self.object(value, path)?;
        self.unknown_fields(obj, path, &["date", "value"]);
        let date = self.parsed(obj, "date", path, Expected::Date, Date::parse);
        let number = match self.required(obj, "value", path, Expected::Number) {
            Some(v) => v.as_f64().or_else(|| {
                self.expected(join(path, "value"), Expected::Number, v);
                None
            }),
            None => None,
        };
        Some(Measurement {
            date: date?,
            value: number?,
        })
    }

    fn object<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v Object> {
        let obj = value.as_object();
        if obj.is_none() {
            self.expected(path.into(), Expected::Object, value);
        }
        obj
    }

    fn unknown_fields(&mut self, obj: &Object, path: &str, known: &[&str]) {
        for key in obj.keys().filter(|k| !known.contains(&k.as_str())) {
            self.warnings
                .push(problem(&join(path, key), ProblemKind::UnknownField));
        }
    }

    fn required<'v>(
        &mut self,
        obj: &'v Object,
        key: &str,
        path: &str,
        expected: Expected,
    ) -> Option<&'v Value> {
        let value = obj.get(key);
        if value.is_none() {
            self.error(join(path, key), ProblemKind::Missing(expected));
        }
        value
    }

    /// A text field; an absent optional one reads as empty.
    fn text(&mut self, obj: &Object, key: &str, path: &str, required: bool) -> Option<String> {
        match obj.get(key) {
            Some(Value::String(s)) => match limits::text_over(s) {
                Some(chars) => {
                    self.error(join(path, key), ProblemKind::TextLength { chars });
                    None
                }
                None => Some(s.clone()),
            },
            Some(other) => {
                self.expected(join(path, key), Expected::Text, other);
                None
            }
            None if required => {
                self.error(join(path, key), ProblemKind::Missing(Expected::Text));
                None
            }
            None => Some(String::new()),
        }
    }

    /// An optional text field that, when present and not empty, must pass `valid`.
    fn optional_checked(
        &mut self,
        obj: &Object,
        key: &str,
        path: &str,
        expected: Expected,
        valid: fn(&str) -> bool,
    ) -> Option<String> {
        let text = self.text(obj, key, path, false)?;
        if text.is_empty() || valid(&text) {
            Some(text)
        } else {
            self.expected(join(path, key), expected, &obj[key]);
            None
        }
    }

    /// A required text field read by `parse`.
    fn parsed<T>(
        &mut self,
        obj: &Object,
        key: &str,
        path: &str,
        expected: Expected,
        parse: fn(&str) -> Option<T>,
    ) -> Option<T> {
        let value = self.required(obj, key, path, expected)?;
        let parsed = value.as_str().and_then(parse);
        if parsed.is_none() {
            self.expected(join(path, key), expected, value);
        }
        parsed
    }

    /// A required, non-empty id, unique within the map.
    fn id(&mut self, obj: &Object, path: &str) -> Option<String> {
        let id_path = join(path, "id");
        match self.required(obj, "id", path, Expected::Id)? {
            Value::String(id) if !id.is_empty() => {
                if let Some(first) = self.ids.get(id) {
                    let kind = ProblemKind::DuplicateId {
                        id: id.clone(),
                        first: first.clone(),
                    };
                    self.error(id_path, kind);
                    return None;
                }
                self.ids.insert(id.clone(), id_path);
                Some(id.clone())
            }
            other => {
                self.expected(id_path, Expected::Id, other);
                None
            }
        }
    }

    /// A number or null; absent reads as null.
    fn number_or_null(&mut self, obj: &Object, key: &str, path: &str) -> Option<Option<f64>> {
        match obj.get(key) {
            None | Some(Value::Null) => Some(None),
            Some(v) => match v.as_f64() {
                Some(n) => Some(Some(n)),
                None => {
                    self.expected(join(path, key), Expected::NumberOrNull, v);
                    None
                }
            },
        }
    }

    fn list<'v>(
        &mut self,
        obj: &'v Object,
        key: &str,
        path: &str,
        max: usize,
        required: bool,
    ) -> Option<&'v [Value]> {
        let list_path = join(path, key);
        match obj.get(key) {
            Some(Value::Array(items)) if items.len() > max => {
                self.error(
                    list_path,
                    ProblemKind::TooMany {
                        count: items.len(),
                        max,
                    },
                );
                None
            }
            Some(Value::Array(items)) => Some(items),
            Some(other) => {
                self.expected(list_path, Expected::List, other);
                None
            }
            None if required => {
                self.error(list_path, ProblemKind::Missing(Expected::List));
                None
            }
            None => Some(&[]),
        }
    }

    /// A list whose every entry is read by `read`; reads on past bad entries to report them all.
    fn items<T>(
        &mut self,
        obj: &Object,
        key: &str,
        path: &str,
        max: usize,
        required: bool,
        read: fn(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let list = self.list(obj, key, path, max, required)?;
        let list_path = join(path, key);
        let read: Vec<Option<T>> = list
            .iter()
            .enumerate()
            .map(|(i, v)| read(self, v, &format!("{list_path}[{i}]")))
            .collect();
        read.into_iter().collect()
    }
}
