//! Reading a file: the JSON into a tree first, then a walk over it that collects every problem
//! with its path, so that a file's problems are reported all at once.

use super::problems::{number_text, quoted, Expected, Found, Problem, ProblemKind};
use super::{bounded, migration, FORMAT_BUNDLE, FORMAT_MAP, VERSION};
use crate::model::comments::Comment;
use crate::model::nodes::Kind;
use crate::model::values::{is_language_tag, is_rfc3339};
use crate::model::{
    limits,
    loyalty::{Counts, CustomerBase, KpiKind, Mapping},
    workshop::{Action, Ballot, Fields, Round, Score},
    Color, Date, Direction, Emotion, JourneyMap, Kpi, Lane, LaneCard, LaneKind, Measurement,
    Persona, Phase, Reach, Severity, Touchpoint,
};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(Debug, PartialEq)]
pub struct Imported {
    pub maps: Vec<JourneyMap>,
    pub warnings: Vec<Problem>,
}

/// Reads a `journey-map` or `journey-map-bundle` file of any version. On failure, every error
/// found.
pub fn import(text: &str) -> Result<Imported, Vec<Problem>> {
    if text.trim().is_empty() {
        return Err(vec![problem("", ProblemKind::Empty)]);
    }
    let mut root = bounded::parse(text).map_err(|e| vec![syntax_problem(&e, text)])?;
    let mut reader = Reader::default();
    let maps = reader.document(&mut root);
    match maps {
        Some(maps) if reader.errors.is_empty() => Ok(Imported {
            maps,
            warnings: reader.warnings(),
        }),
        _ => Err(reader.problems()),
    }
}

/// Reads one bare map object of the current version (what a file holds under `map`), with
/// `path` naming where it is.
pub fn map_from_value(
    value: &Value,
    path: &str,
) -> Result<(JourneyMap, Vec<Problem>), Vec<Problem>> {
    let mut reader = Reader::default();
    match reader.map(value, path) {
        Some(map) if reader.errors.is_empty() => Ok((map, reader.warnings())),
        _ => Err(reader.problems()),
    }
}

/// Reads one bare map object from its text (what a live room holds), as [`map_from_value`].
pub fn map_from_text(text: &str, path: &str) -> Result<(JourneyMap, Vec<Problem>), Vec<Problem>> {
    let value = bounded::parse(text).map_err(|e| vec![syntax_problem(&e, text)])?;
    map_from_value(&value, path)
}

/// One object of a map, read from a live room's node (`model::nodes`).
#[derive(Debug)]
pub enum Read {
    Map(JourneyMap),
    Phase(Phase),
    Touchpoint(Touchpoint),
    Kpi(Kpi),
    Card(LaneCard),
    Persona(Persona),
    Lane(Lane),
    Round(Round),
    Ballot(Ballot),
    Comment(Comment),
}

/// Reads one object of kind `kind` as an import reads it within a map, its lists empty
/// (a room keeps each child as a node of its own); `personas` and `lanes` are the map's, which
/// a touchpoint's emotions name.
pub fn object_from_value(
    kind: Kind,
    value: &Value,
    path: &str,
    personas: HashSet<String>,
    lanes: HashSet<String>,
) -> Result<Read, Vec<Problem>> {
    let mut reader = Reader {
        personas,
        lanes,
        ..Reader::default()
    };
    let object = match kind {
        Kind::Map => reader.map(value, path).map(Read::Map),
        Kind::Phase => reader.phase(value, path).map(Read::Phase),
        Kind::Touchpoint => reader.touchpoint(value, path).map(Read::Touchpoint),
        Kind::Kpi => reader.kpi(value, path).map(Read::Kpi),
        Kind::Card => reader.card(value, path).map(Read::Card),
        Kind::Persona => reader.persona(value, path).map(Read::Persona),
        Kind::Lane => reader.lane(value, path).map(Read::Lane),
        Kind::Round => reader.round(value, path).map(Read::Round),
        Kind::Ballot => reader.ballot(value, path).map(Read::Ballot),
        Kind::Comment => reader.comment(value, path).map(Read::Comment),
    };
    match object {
        Some(object) if reader.errors.is_empty() => Ok(object),
        _ => Err(reader.problems()),
    }
}

fn problem(path: &str, kind: ProblemKind) -> Problem {
    Problem {
        path: path.into(),
        kind,
    }
}

fn syntax_problem(e: &serde_json::Error, file: &str) -> Problem {
    let (line, column) = (e.line(), e.column());
    // serde_json names these two causes only in its message.
    let text = e.to_string();
    let out_of_range = text.starts_with("number out of range");
    let version = out_of_range
        .then(|| version_out_of_range(file, line, column))
        .flatten();
    if let Some(found) = version.filter(|v| v.starts_with('-')) {
        // A negative one is no version.
        let found = Found::Number(quoted(found));
        return problem(
            "version",
            ProblemKind::Expected {
                expected: Expected::Version,
                found,
            },
        );
    }
    let kind = if let Some(found) = version {
        ProblemKind::NewerVersion {
            found: quoted(found),
        }
    } else if out_of_range {
        ProblemKind::NumberTooLarge { line, column }
    } else if text.starts_with(bounded::TOO_MANY_ENTRIES) {
        ProblemKind::TooManyEntries { line, column }
    } else if text.starts_with("recursion limit exceeded") {
        ProblemKind::TooDeep { line, column }
    } else {
        ProblemKind::NotJson { line, column }
    };
    problem("", kind)
}

/// The number serde_json found out of range at `line` and `column` (1-based, as serde_json
/// counts them: bytes within the line), as the file writes it, when it is the value of a
/// `"version"` key: a version past what a float holds (`1e400`, five thousand nines) is a newer
/// version too, and a negative one is no version.
fn version_out_of_range(file: &str, line: usize, column: usize) -> Option<&str> {
    let at = offset(file, line, column);
    let number = |c: char| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-');
    let start = file[..at].trim_end_matches(number).len();
    let end = at
        + file[at..]
            .find(|c: char| !number(c))
            .unwrap_or(file.len() - at);
    let found = &file[start..end];
    let key = file[..start].trim_end().strip_suffix(':')?.trim_end();
    key.ends_with("\"version\"").then_some(found)
}

fn offset(file: &str, line: usize, column: usize) -> usize {
    let line_start: usize = file
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let at = (line_start + column).min(file.len());
    (0..=at)
        .rev()
        .find(|&i| file.is_char_boundary(i))
        .unwrap_or(0)
}

/// A whole number; JSON Schema counts 2.0 as an integer, so this reader does too.
fn whole(value: &Value) -> Option<i64> {
    value.as_i64().or_else(|| {
        value
            .as_f64()
            .filter(|f| f.fract() == 0.0)
            .map(|f| f as i64)
    })
}

/// A version number as found: one up to the current, or a newer one.
#[derive(Debug, PartialEq)]
pub enum Version {
    Known(u64),
    Newer,
}

/// A version (of the format, or of a stored entry's schema) as JSON may write it: `2`, `2.0`
/// (the same number), `1e1` or a number past 2^64 (which serde_json reads as a float: a newer
/// version all the same), newer where past `current`. Anything not a whole number of at least
/// 1 is no version.
pub fn version_number(value: &Value, current: u64) -> Option<Version> {
    let number = value.as_f64().filter(|f| f.fract() == 0.0 && *f >= 1.0)?;
    match value.as_u64() {
        Some(v) if (1..=current).contains(&v) => Some(Version::Known(v)),
        _ if number <= current as f64 => Some(Version::Known(number as u64)),
        _ => Some(Version::Newer),
    }
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
    /// The personas and lanes of the map being read, which its touchpoints and phases name.
    personas: HashSet<String>,
    lanes: HashSet<String>,
    /// Errors found beyond the first [`limits::PROBLEMS_LISTED`], counted only: a file of a
    /// million bad values would otherwise make a list as large.
    more_errors: usize,
    /// Likewise the warnings: a file may hold a million fields this app does not know.
    more_warnings: usize,
}

type Object = Map<String, Value>;

/// `listed`, and a last problem counting the `more` that were not listed.
fn summed_up(mut listed: Vec<Problem>, more: usize) -> Vec<Problem> {
    if more > 0 {
        listed.push(problem("", ProblemKind::MoreProblems { count: more }));
    }
    listed
}

impl Reader {
    fn error(&mut self, path: String, kind: ProblemKind) {
        if self.errors.len() < limits::PROBLEMS_LISTED {
            self.errors.push(Problem { path, kind });
        } else {
            self.more_errors += 1;
        }
    }

    /// The warnings found, those past the listed ones summed up in one.
    fn warnings(self) -> Vec<Problem> {
        summed_up(self.warnings, self.more_warnings)
    }

    /// The errors found, those past the listed ones summed up in one.
    fn problems(self) -> Vec<Problem> {
        summed_up(self.errors, self.more_errors)
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

    fn document(&mut self, root: &mut Value) -> Option<Vec<JourneyMap>> {
        let obj = self.object(root, "")?;
        let one_map = match obj.get("format") {
            Some(Value::String(f)) if f == FORMAT_MAP || f == FORMAT_BUNDLE => f == FORMAT_MAP,
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
        let version = match obj.get("version") {
            Some(v) => match version_number(v, VERSION) {
                Some(Version::Known(version)) => version,
                Some(Version::Newer) => {
                    let found = v.as_number().map_or_else(|| v.to_string(), number_text);
                    self.error("version".into(), ProblemKind::NewerVersion { found });
                    return None;
                }
                None => {
                    self.expected("version".into(), Expected::Version, v);
                    return None;
                }
            },
            None => {
                self.error("version".into(), ProblemKind::Missing(Expected::Version));
                return None;
            }
        };
        if version < VERSION {
            migration::upgrade_document(root, version);
        }
        let obj = root.as_object().expect("checked above");
        self.optional_checked(obj, "exported_at", "", Expected::Timestamp, is_rfc3339);
        if one_map {
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
        self.personas.clear();
        self.lanes.clear();
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
                "currency",
                "personas",
                "lanes",
                "customer_base",
                "rounds",
                "comments",
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
        let currency = self.optional_checked(obj, "currency", path, Expected::Currency, |c| {
            c.chars().count() <= limits::CURRENCY_CHARS
        });
        // Before the phases, which name them.
        let personas = self.items(
            obj,
            "personas",
            path,
            limits::PERSONAS,
            false,
            Self::persona,
        );
        let lanes = self.items(obj, "lanes", path, limits::LANES, false, Self::lane);
        let customer_base = self.customer_base(obj, path);
        let rounds = self.rounds(obj, path);
        let comments = self.comments(obj, path);
        let phases = self.items(obj, "phases", path, limits::PHASES, true, Self::phase);
        Some(JourneyMap {
            id: id?,
            title: title?,
            description: description?,
            language: language?,
            created_at: created_at?,
            updated_at: updated_at?,
            currency: currency?,
            personas: personas?,
            lanes: lanes?,
            customer_base: customer_base?,
            rounds: rounds?,
            comments: comments?,
            phases: phases?,
        })
    }

    /// The shop's customer base: absent, or figures one order export could have given.
    fn customer_base(&mut self, obj: &Object, path: &str) -> Option<Option<Box<CustomerBase>>> {
        let Some(value) = obj.get("customer_base").filter(|v| !v.is_null()) else {
            return Some(None);
        };
        let base = serde_json::from_value::<CustomerBase>(value.clone())
            .ok()
            .filter(|b| {
                b.is_consistent()
                    && !b.mapping.names_a_person()
                    && b.mapping
                        .columns
                        .values()
                        .all(|h| limits::text_over(h).is_none())
            });
        if base.is_none() {
            self.expected(join(path, "customer_base"), Expected::CustomerBase, value);
        }
        base.map(|b| Some(Box::new(b)))
    }

    /// The voting rounds, each as `workshop::Round::check` allows, at most one open. Their
    /// ballots' ids are the map's, as in a live room.
    fn rounds(&mut self, obj: &Object, path: &str) -> Option<Vec<Round>> {
        let rounds = self.items(obj, "rounds", path, limits::ROUNDS, false, Self::round)?;
        if JourneyMap::check_rounds(&rounds).is_err() {
            let kind = ProblemKind::RoundsOpen;
            self.error(join(path, "rounds"), kind);
            return None;
        }
        Some(rounds)
    }

    /// The comments, each as `comments::Comment::check` allows, each reply answering a thread on
    /// the same card or phase. Their ids are the map's, as in a live room.
    fn comments(&mut self, obj: &Object, path: &str) -> Option<Vec<Comment>> {
        let comments = self.items(
            obj,
            "comments",
            path,
            limits::COMMENTS,
            false,
            Self::comment,
        )?;
        if JourneyMap::check_comments(&comments).is_err() {
            self.error(join(path, "comments"), ProblemKind::CommentThreads);
            return None;
        }
        Some(comments)
    }

    fn comment(&mut self, value: &Value, path: &str) -> Option<Comment> {
        let comment = self
            .serde::<Comment>(value, path)
            .filter(|c| c.check().is_ok());
        let Some(comment) = comment else {
            self.expected(path.into(), Expected::Comment, value);
            return None;
        };
        self.claim_id(&comment.id, join(path, "id"))
            .then_some(comment)
    }

    fn round(&mut self, value: &Value, path: &str) -> Option<Round> {
        if let Some(Value::Array(ballots)) = value.get("ballots") {
            for (i, ballot) in ballots.iter().enumerate() {
                if let Value::Object(obj) = ballot {
                    self.unknown_fields(obj, &format!("{path}.ballots[{i}]"), Ballot::FIELDS);
                }
            }
        }
        let round = self
            .serde::<Round>(value, path)
            .filter(|r| r.check().is_ok());
        let Some(round) = round else {
            self.expected(path.into(), Expected::Round, value);
            return None;
        };
        let ids = std::iter::once(&round.id).chain(round.ballots.iter().map(|b| &b.id));
        let mut unique = true;
        for (i, id) in ids.enumerate() {
            let id_path = match i {
                0 => join(path, "id"),
                i => format!("{path}.ballots[{}].id", i - 1),
            };
            unique &= self.claim_id(id, id_path);
        }
        unique.then_some(round)
    }

    fn ballot(&mut self, value: &Value, path: &str) -> Option<Ballot> {
        let ballot = self.serde::<Ballot>(value, path);
        if ballot.is_none() {
            self.expected(path.into(), Expected::Round, value);
        }
        ballot
    }

    fn persona(&mut self, value: &Value, path: &str) -> Option<Persona> {
        let obj = self.object(value, path)?;
        let texts = ["description", "goals", "frustrations", "quote"];
        self.unknown_fields(
            obj,
            path,
            &[
                "id",
                "name",
                "description",
                "goals",
                "frustrations",
                "quote",
                "color",
            ],
        );
        let id = self.id(obj, path);
        let name = self.text(obj, "name", path, true);
        let [description, goals, frustrations, quote] =
            texts.map(|key| self.text(obj, key, path, false));
        let color = self.parsed(obj, "color", path, Expected::Color, Color::parse);
        let id = id?;
        self.personas.insert(id.clone());
        Some(Persona {
            id,
            name: name?,
            description: description?,
            goals: goals?,
            frustrations: frustrations?,
            quote: quote?,
            color: color?,
        })
    }

    fn lane(&mut self, value: &Value, path: &str) -> Option<Lane> {
        let obj = self.object(value, path)?;
        self.unknown_fields(obj, path, &["id", "kind", "name", "shown"]);
        let id = self.id(obj, path);
        let kind = self.parsed(obj, "kind", path, Expected::LaneKind, LaneKind::parse);
        let name = self.text(obj, "name", path, false);
        let shown = match obj.get("shown") {
            None => Some(true),
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => {
                self.expected(join(path, "shown"), Expected::Bool, other);
                None
            }
        };
        let id = id?;
        self.lanes.insert(id.clone());
        Some(Lane {
            id,
            kind: kind?,
            name: name?,
            shown: shown?,
        })
    }

    /// A phase's lane cards: an object of lists by lane id. A lane's empty list reads as none.
    fn cards(&mut self, obj: &Object, path: &str) -> Option<BTreeMap<String, Vec<LaneCard>>> {
        let cards_path = join(path, "cards");
        let lists = match obj.get("cards") {
            None => return Some(BTreeMap::new()),
            Some(Value::Object(lists)) => lists,
            Some(other) => {
                self.expected(cards_path, Expected::Object, other);
                return None;
            }
        };
        let count: usize = lists
            .values()
            .filter_map(Value::as_array)
            .map(Vec::len)
            .sum();
        if count > limits::CARDS_PER_PHASE {
            let max = limits::CARDS_PER_PHASE;
            self.error(cards_path, ProblemKind::TooMany { count, max });
            return None;
        }
        let mut read = BTreeMap::new();
        let mut complete = true;
        for lane in lists.keys() {
            let known = self.lanes.contains(lane);
            if !known {
                let kind = ProblemKind::UnknownLane { id: lane.clone() };
                self.error(join(&cards_path, lane), kind);
            }
            let cards = self.items(lists, lane, &cards_path, count, true, Self::card);
            match cards {
                Some(cards) if known => {
                    if !cards.is_empty() {
                        read.insert(lane.clone(), cards);
                    }
                }
                _ => complete = false,
            }
        }
        complete.then_some(read)
    }

    fn card(&mut self, value: &Value, path: &str) -> Option<LaneCard> {
        let obj = self.object(value, path)?;
        self.unknown_fields(
            obj,
            path,
            &["id", "text", "severity", "votes", "score", "action"],
        );
        let id = self.id(obj, path);
        let text = self.text(obj, "text", path, false);
        let severity = self.whole_or_null(obj, "severity", path, Expected::Severity, Severity::new);
        let votes = match obj.get("votes") {
            None => Some(0),
            Some(v) => match whole(v).and_then(|n| u32::try_from(n).ok()) {
                Some(n) if n <= limits::VOTES => Some(n),
                _ => {
                    self.expected(join(path, "votes"), Expected::Votes, v);
                    None
                }
            },
        };
        let score = self.shaped(obj, "score", path, Expected::Score, |s: &Score| {
            s.check().is_ok()
        });
        let action = self.shaped(obj, "action", path, Expected::Action, |a: &Action| {
            limits::text_over(&a.owner).is_none()
        });
        Some(LaneCard {
            id: id?,
            text: text?,
            severity: severity?,
            votes: votes?,
            score: score?,
            action: action?,
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
                "contact_limit",
                "touchpoints",
                "kpis",
                "cards",
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
        let contact_limit = self.plan_number(obj, "contact_limit", path);
        let cards = self.cards(obj, path);
        Some(Phase {
            id: id?,
            name: name?,
            description: description?,
            goal: goal?,
            color: color?,
            contact_limit: contact_limit?,
            touchpoints: touchpoints?,
            kpis: kpis?,
            cards: cards?,
        })
    }

    fn touchpoint(&mut self, value: &Value, path: &str) -> Option<Touchpoint> {
        let obj = self.object(value, path)?;
        self.unknown_fields(
            obj,
            path,
            &[
                "id",
                "name",
                "channel",
                "description",
                "emotion",
                "emotions",
                "owner",
                "cost_per_month",
                "contacts_per_month",
                "reach",
                "trigger",
            ],
        );
        let id = self.id(obj, path);
        let name = self.text(obj, "name", path, true);
        let channel = self.text(obj, "channel", path, false);
        let description = self.text(obj, "description", path, false);
        let owner = self.text(obj, "owner", path, false);
        let emotion =
            self.whole_or_null(obj, "emotion", path, Expected::EmotionOrNull, Emotion::new);
        let emotions = self.persona_emotions(obj, path);
        let cost_per_month = self.plan_number(obj, "cost_per_month", path);
        let contacts_per_month = self.plan_number(obj, "contacts_per_month", path);
        let reach = match obj.get("reach") {
            None | Some(Value::Null) => Some(None),
            Some(v) => match v.as_str().and_then(Reach::parse) {
                Some(r) => Some(Some(r)),
                None => {
                    self.expected(join(path, "reach"), Expected::Reach, v);
                    None
                }
            },
        };
        let trigger = self.text(obj, "trigger", path, false);
        Some(Touchpoint {
            id: id?,
            name: name?,
            channel: channel?,
            description: description?,
            emotion: emotion?,
            emotions: emotions?,
            owner: owner?,
            cost_per_month: cost_per_month?,
            contacts_per_month: contacts_per_month?,
            reach: reach?,
            trigger: trigger?,
        })
    }

    /// A touchpoint's emotions by persona: an object of whole numbers by persona id.
    fn persona_emotions(&mut self, obj: &Object, path: &str) -> Option<BTreeMap<String, Emotion>> {
        let emotions_path = join(path, "emotions");
        let by_persona = match obj.get("emotions") {
            None => return Some(BTreeMap::new()),
            Some(Value::Object(by_persona)) => by_persona,
            Some(other) => {
                self.expected(emotions_path, Expected::Object, other);
                return None;
            }
        };
        if by_persona.len() > limits::PERSONAS {
            let (count, max) = (by_persona.len(), limits::PERSONAS);
            self.error(emotions_path, ProblemKind::TooMany { count, max });
            return None;
        }
        let mut read = BTreeMap::new();
        let mut complete = true;
        for (persona, value) in by_persona {
            let at = join(&emotions_path, persona);
            if !self.personas.contains(persona) {
                let id = persona.clone();
                self.error(at.clone(), ProblemKind::UnknownPersona { id });
                complete = false;
            }
            match whole(value).and_then(Emotion::new) {
                Some(e) => {
                    read.insert(persona.clone(), e);
                }
                None => {
                    // Null is no emotion of its own here, which the touchpoint's stands for.
                    self.expected(at, Expected::EmotionOrNull, value);
                    complete = false;
                }
            }
        }
        complete.then_some(read)
    }

    /// A whole number or null read by `new`; absent reads as null.
    /// A small object of the model's own shape (serde's), which `fits`; absent reads as null.
    fn shaped<T: serde::de::DeserializeOwned + Fields>(
        &mut self,
        obj: &Object,
        key: &str,
        path: &str,
        expected: Expected,
        fits: fn(&T) -> bool,
    ) -> Option<Option<T>> {
        match obj.get(key) {
            None | Some(Value::Null) => Some(None),
            Some(v) => match self.serde::<T>(v, &join(path, key)).filter(fits) {
                Some(x) => Some(Some(x)),
                None => {
                    self.expected(join(path, key), expected, v);
                    None
                }
            },
        }
    }

    fn whole_or_null<T>(
        &mut self,
        obj: &Object,
        key: &str,
        path: &str,
        expected: Expected,
        new: fn(i64) -> Option<T>,
    ) -> Option<Option<T>> {
        match obj.get(key) {
            None | Some(Value::Null) => Some(None),
            Some(v) => match whole(v).and_then(new) {
                Some(x) => Some(Some(x)),
                None => {
                    self.expected(join(path, key), expected, v);
                    None
                }
            },
        }
    }

    /// A cost or a number of contacts: from 0 to [`limits::PLAN_NUMBER`], or null.
    fn plan_number(&mut self, obj: &Object, key: &str, path: &str) -> Option<Option<f64>> {
        match obj.get(key) {
            None | Some(Value::Null) => Some(None),
            Some(v) => match v
                .as_f64()
                .filter(|n| (0.0..=limits::PLAN_NUMBER).contains(n))
            {
                Some(n) => Some(Some(n)),
                None => {
                    self.expected(join(path, key), Expected::PlanNumber, v);
                    None
                }
            },
        }
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
                "kind",
                "mapping",
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
        let kind = self.parsed(obj, "kind", path, Expected::KpiKind, KpiKind::parse);
        let mapping = self.mapping(obj, path);
        let measurements = self.list(
            obj,
            "measurements",
            path,
            limits::MEASUREMENTS_PER_KPI,
            false,
        );
        let measurements = measurements.and_then(|list| {
            let list_path = join(path, "measurements");
            let read: Vec<Option<Measurement>> = list
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let path = format!("{list_path}[{i}]");
                    self.measurement(v, &path, kind.unwrap_or_default())
                })
                .collect();
            read.into_iter().collect()
        });
        Some(Kpi {
            id: id?,
            name: name?,
            unit: unit?,
            direction: direction?,
            baseline: baseline?,
            target: target?,
            measurements: measurements?,
            kind: kind?,
            mapping: mapping?,
        })
    }

    /// A KPI's remembered columns: absent, or a mapping of a source its kind is measured from.
    fn mapping(&mut self, obj: &Object, path: &str) -> Option<Option<Mapping>> {
        let Some(value) = obj.get("mapping").filter(|v| !v.is_null()) else {
            return Some(None);
        };
        let mapping = serde_json::from_value::<Mapping>(value.clone())
            .ok()
            .filter(|m| {
                !m.names_a_person() && m.columns.values().all(|h| limits::text_over(h).is_none())
            });
        if mapping.is_none() {
            self.expected(join(path, "mapping"), Expected::Mapping, value);
        }
        mapping.map(Some)
    }

    /// A measurement of a KPI of `kind`: a computed one derives its value from its counts, so a
    /// file cannot give it a value its counts do not.
    fn measurement(&mut self, value: &Value, path: &str, kind: KpiKind) -> Option<Measurement> {
        let obj = self.object(value, path)?;
        if kind.is_computed() {
            self.unknown_fields(obj, path, &["date", "value", "counts"]);
            let date = self.parsed(obj, "date", path, Expected::Date, Date::parse);
            let counts_value = self.required(obj, "counts", path, Expected::Counts)?;
            let counts = serde_json::from_value::<Counts>(counts_value.clone())
                .ok()
                .filter(|c| c.is_consistent());
            let derived = counts.as_ref().and_then(|c| kind.value(c));
            if derived.is_none() {
                self.expected(join(path, "counts"), Expected::Counts, counts_value);
            }
            return Some(Measurement {
                date: date?,
                value: derived?,
                counts,
            });
        }
        self.unknown_fields(obj, path, &["date", "value"]);
        let date = self.parsed(obj, "date", path, Expected::Date, Date::parse);
        let number = match self.required(obj, "value", path, Expected::Number) {
            Some(v) => v.as_f64().or_else(|| {
                self.expected(join(path, "value"), Expected::Number, v);
                None
            }),
            None => None,
        };
        Some(Measurement::typed(date?, number?))
    }

    fn object<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v Object> {
        let obj = value.as_object();
        if obj.is_none() {
            self.expected(path.into(), Expected::Object, value);
        }
        obj
    }

    /// `value` as a `T` read by serde, its fields other than `T`'s warned about as for every
    /// object; `None` where it is not a `T`.
    fn serde<T: serde::de::DeserializeOwned + Fields>(
        &mut self,
        value: &Value,
        path: &str,
    ) -> Option<T> {
        if let Value::Object(obj) = value {
            self.unknown_fields(obj, path, T::FIELDS);
        }
        serde_json::from_value::<T>(value.clone()).ok()
    }

    fn unknown_fields(&mut self, obj: &Object, path: &str, known: &[&str]) {
        for key in obj.keys().filter(|k| !known.contains(&k.as_str())) {
            if self.warnings.len() < limits::PROBLEMS_LISTED {
                self.warnings.push(problem(
                    &join(path, &quoted(key)),
                    ProblemKind::UnknownField,
                ));
            } else {
                self.more_warnings += 1;
            }
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
    /// Takes `id` for the thing at `id_path`, or says where it was taken first: the map's ids
    /// are one namespace, as in a live room.
    fn claim_id(&mut self, id: &str, id_path: String) -> bool {
        if let Some(first) = self.ids.get(id) {
            let kind = ProblemKind::DuplicateId {
                id: id.into(),
                first: first.clone(),
            };
            self.error(id_path, kind);
            return false;
        }
        self.ids.insert(id.into(), id_path);
        true
    }

    fn id(&mut self, obj: &Object, path: &str) -> Option<String> {
        let id_path = join(path, "id");
        match self.required(obj, "id", path, Expected::Id)? {
            // Limited as every text is: an id is a storage key, a link's and the index's part.
            Value::String(id) if !id.is_empty() => match limits::text_over(id) {
                Some(chars) => {
                    self.error(id_path, ProblemKind::TextLength { chars });
                    None
                }
                None => self.claim_id(id, id_path).then(|| id.clone()),
            },
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
