//! What can be wrong in a file, and how to say it in the user's language (the sentences are
//! in `i18n`).

use super::{FORMAT_BUNDLE, FORMAT_MAP, VERSION};
use crate::i18n::{Lang, Text};
use crate::model::limits;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// Something wrong (or, for warnings, odd) at one place in a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// Where, as `map.phases[2].name`; empty for the file as a whole.
    pub path: String,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ProblemKind {
    Empty,
    NotJson {
        line: usize,
        column: usize,
    },
    NumberTooLarge {
        line: usize,
        column: usize,
    },
    TooDeep {
        line: usize,
        column: usize,
    },
    /// A list or object with more entries than any list of the format may have.
    TooManyEntries {
        line: usize,
        column: usize,
    },
    Expected {
        expected: Expected,
        found: Found,
    },
    Missing(Expected),
    UnknownField,
    /// A live room's node in a list its parent does not have, or under a node that holds none.
    NoPlace,
    WrongFormat {
        found: Found,
    },
    /// `found` as the file writes it: a version past 2^64 or written `1e1` is newer too.
    NewerVersion {
        found: String,
    },
    DuplicateId {
        id: String,
        first: String,
    },
    TooMany {
        count: usize,
        max: usize,
    },
    TitleLength {
        chars: usize,
    },
    TextLength {
        chars: usize,
    },
    /// A persona's emotion for a persona the map does not have.
    UnknownPersona {
        id: String,
    },
    /// Cards of a lane the map does not have.
    UnknownLane {
        id: String,
    },
    /// More than one voting round open at once.
    RoundsOpen,
    /// A reply to no thread on its card, or more comments than a map keeps.
    CommentThreads,
    /// Problems found beyond those listed.
    MoreProblems {
        count: usize,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Expected {
    Object,
    List,
    Text,
    Id,
    Number,
    NumberOrNull,
    EmotionOrNull,
    Direction,
    Date,
    Color,
    Timestamp,
    LanguageTag,
    Version,
    LaneKind,
    Severity,
    Votes,
    PlanNumber,
    Reach,
    Bool,
    Currency,
    KpiKind,
    Mapping,
    CustomerBase,
    Counts,
    Round,
    Score,
    Action,
    Comment,
}

/// What a file held where something else was expected, kept short.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Found {
    Text(String),
    Number(String),
    Bool(bool),
    Null,
    List,
    Object,
}

const FOUND_TEXT_MAX_CHARS: usize = 40;

/// `text` as a problem quotes it: its start where it is long, so that a message about a value
/// of a megabyte is a line, not a megabyte; characters that do not show (controls, direction
/// marks, zero widths) named by their code (`U+202E`), so that the value shows what the reader
/// could not read, and a direction mark in it cannot turn the message around.
pub fn quoted(text: &str) -> String {
    let mut quoted = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == FOUND_TEXT_MAX_CHARS {
            quoted.push('…');
            break;
        }
        if invisible(c) {
            quoted.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            quoted.push(c);
        }
    }
    quoted
}

/// Whether `c` is a control or a format character (Unicode's Cc and the Cf a text may hold).
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1F}'
        | '\u{7F}'..='\u{9F}'
        | '\u{AD}'
        | '\u{61C}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}')
}

/// A number as a file would write it: a whole one without a fraction (`10`, not the `10.0`
/// serde_json makes of `1e1`), where it is small enough to be exact.
pub(super) fn number_text(n: &serde_json::Number) -> String {
    match n.as_f64() {
        Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        _ => n.to_string(),
    }
}

impl Found {
    pub(super) fn of(value: &Value) -> Self {
        match value {
            Value::String(s) => Found::Text(quoted(s)),
            Value::Number(n) => Found::Number(number_text(n)),
            Value::Bool(b) => Found::Bool(*b),
            Value::Null => Found::Null,
            Value::Array(_) => Found::List,
            Value::Object(_) => Found::Object,
        }
    }

    fn describe(&self, lang: Lang) -> String {
        match self {
            Found::Text(s) => serde_json::to_string(s).expect("strings always serialize"),
            Found::Number(n) => n.clone(),
            Found::Bool(b) => b.to_string(),
            Found::Null => "null".into(),
            Found::List => lang.t(Text::AList).into(),
            Found::Object => lang.t(Text::AnObject).into(),
        }
    }
}

impl Expected {
    fn describe(self, lang: Lang) -> &'static str {
        use Expected as E;
        lang.t(match self {
            E::Object => Text::AnObject,
            E::List => Text::AList,
            E::Text => Text::ExpectedText,
            E::Id => Text::ExpectedId,
            E::Number => Text::ExpectedNumber,
            E::NumberOrNull => Text::ExpectedNumberOrNull,
            E::EmotionOrNull => Text::ExpectedEmotionOrNull,
            E::Direction => Text::ExpectedDirection,
            E::Date => Text::ExpectedDate,
            E::Color => Text::ExpectedColor,
            E::Timestamp => Text::ExpectedTimestamp,
            E::LanguageTag => Text::ExpectedLanguageTag,
            E::Version => Text::ExpectedVersion,
            E::LaneKind => Text::ExpectedLaneKind,
            E::Severity => Text::ExpectedSeverity,
            E::Votes => Text::ExpectedVotes,
            E::PlanNumber => Text::ExpectedPlanNumber,
            E::Reach => Text::ExpectedReach,
            E::Bool => Text::ExpectedBool,
            E::Currency => Text::ExpectedCurrency,
            E::KpiKind => Text::ExpectedKpiKind,
            E::Mapping => Text::ExpectedMapping,
            E::CustomerBase => Text::ExpectedCustomerBase,
            E::Counts => Text::ExpectedCounts,
            E::Round => Text::ExpectedRound,
            E::Comment => Text::ExpectedComment,
            E::Score => Text::ExpectedScore,
            E::Action => Text::ExpectedAction,
        })
    }
}

impl ProblemKind {
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind as K;
        let at = |text, line: &usize, column: &usize| {
            lang.fill(
                text,
                &[("line", &line.to_string()), ("column", &column.to_string())],
            )
        };
        match self {
            K::Empty => lang.t(Text::ProblemEmpty).into(),
            K::NotJson { line, column } => at(Text::ProblemNotJson, line, column),
            K::NumberTooLarge { line, column } => at(Text::ProblemNumberTooLarge, line, column),
            K::TooDeep { line, column } => at(Text::ProblemTooDeep, line, column),
            K::TooManyEntries { line, column } => lang.fill(
                Text::ProblemTooManyEntries,
                &[
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("max", &super::bounded::MAX_ENTRIES.to_string()),
                ],
            ),
            K::Expected { expected, found } => lang.fill(
                Text::ProblemExpected,
                &[
                    ("expected", expected.describe(lang)),
                    ("found", &found.describe(lang)),
                ],
            ),
            K::Missing(expected) => lang.fill(
                Text::ProblemMissing,
                &[("expected", expected.describe(lang))],
            ),
            K::UnknownField => lang.t(Text::ProblemUnknownField).into(),
            K::NoPlace => lang.t(Text::ProblemNoPlace).into(),
            K::WrongFormat { found } => lang.fill(
                Text::ProblemWrongFormat,
                &[
                    ("found", &found.describe(lang)),
                    ("map", FORMAT_MAP),
                    ("bundle", FORMAT_BUNDLE),
                ],
            ),
            K::NewerVersion { found } => lang.fill(
                Text::ProblemNewerVersion,
                &[("found", &quoted(found)), ("version", &VERSION.to_string())],
            ),
            K::DuplicateId { id, first } => lang.fill(
                Text::ProblemDuplicateId,
                &[("id", &named(id)), ("first", &short_path(first))],
            ),
            K::TooMany { count, max } => lang.fill(
                Text::ProblemTooMany,
                &[("count", &count.to_string()), ("max", &max.to_string())],
            ),
            K::TitleLength { chars } => lang.fill(
                Text::ProblemTitleLength,
                &[
                    ("max", &limits::TITLE_MAX_CHARS.to_string()),
                    ("chars", &chars.to_string()),
                ],
            ),
            K::TextLength { chars } => lang.fill(
                Text::ProblemTextLength,
                &[
                    ("max", &limits::TEXT_MAX_CHARS.to_string()),
                    ("chars", &chars.to_string()),
                ],
            ),
            K::UnknownPersona { id } => {
                lang.fill(Text::ProblemUnknownPersona, &[("id", &named(id))])
            }
            K::UnknownLane { id } => lang.fill(Text::ProblemUnknownLane, &[("id", &named(id))]),
            K::RoundsOpen => lang.t(Text::ProblemRoundsOpen).into(),
            K::CommentThreads => lang.t(Text::ProblemCommentThreads).into(),
            K::MoreProblems { count } => {
                lang.fill(Text::ProblemMoreProblems, &[("count", &count.to_string())])
            }
        }
    }
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        if self.path.is_empty() {
            self.kind.message(lang)
        } else {
            format!("{}: {}", short_path(&self.path), self.kind.message(lang))
        }
    }
}

/// `path` as a message shows it: each name and id in it [`quoted`]. A live room's node is
/// placed by its id, which no reader has limited yet: a megabyte's id made a megabyte's
/// message, whose layout stopped the page for most of a second each time the room was mended.
fn short_path(path: &str) -> String {
    let mut short = String::new();
    for part in path.split_inclusive(['.', '[', ']']) {
        let (name, mark) = match part.char_indices().last() {
            Some((at, c @ ('.' | '[' | ']'))) => (&part[..at], Some(c)),
            _ => (part, None),
        };
        short.push_str(&quoted(name));
        short.extend(mark);
    }
    short
}

/// An id as a problem names it: [`quoted`], in quotation marks.
fn named(id: &str) -> String {
    serde_json::to_string(&quoted(id)).expect("strings always serialize")
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_value_names_what_does_not_show_and_stops_at_its_start() {
        assert_eq!(quoted("12\u{202E}34"), "12<U+202E>34");
        assert_eq!(quoted("\u{200B}\u{0}\t"), "<U+200B><U+0000><U+0009>");
        assert_eq!(quoted("nl: één €"), "nl: één €");
        let long = "\u{2066}".repeat(1000);
        assert_eq!(quoted(&long), format!("{}…", "<U+2066>".repeat(40)));
    }

    #[test]
    fn a_problem_of_a_megabyte_id_is_a_line() {
        let id = "i".repeat(1 << 20);
        let problem = Problem {
            path: format!("phases[p1].touchpoints[{id}].name"),
            kind: ProblemKind::DuplicateId {
                id: id.clone(),
                first: format!("phases[{id}]"),
            },
        };
        let message = problem.message(Lang::En);
        let cut = format!("{}…", "i".repeat(40));
        assert!(message.starts_with(&format!("phases[p1].touchpoints[{cut}].name: ")));
        assert!(message.contains(&format!("\"{cut}\"")), "{message}");
        assert!(message.contains(&format!("phases[{cut}]")), "{message}");
        assert!(message.chars().count() < 400, "{message}");
        let lane = ProblemKind::UnknownLane {
            id: "\u{202E}x".into(),
        };
        assert!(lane.message(Lang::Nl).contains("\"<U+202E>x\""));
    }
}
