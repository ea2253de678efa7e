//! Small value types whose text form the exchange format fixes.

use serde::de::Error as _;
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Color {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Color { r, g, b }
    }

    /// Reads `#rrggbb` (either case), the form HTML colour inputs also use.
    pub fn parse(text: &str) -> Option<Self> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Color::rgb(byte(0)?, byte(2)?, byte(4)?))
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

impl Serialize for Color {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A calendar date, `YYYY-MM-DD`. Ordered by time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Reads exactly `YYYY-MM-DD` and refuses days that do not exist (2023-02-29).
    pub fn parse(text: &str) -> Option<Self> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::new(
            digits(&b[0..4])?,
            digits(&b[5..7])? as u8,
            digits(&b[8..10])? as u8,
        )
    }
}

fn digits(bytes: &[u8]) -> Option<u16> {
    bytes.iter().try_fold(0u16, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u16::from(b - b'0'))
    })
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// Days since 1970-01-01 (negative before), for drawing dates on a time axis.
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01; `None` outside the years 0 to 9999.
    pub fn from_days(days: i64) -> Option<Self> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(u16::try_from(year).ok().filter(|y| *y <= 9999)?, month, day)
    }
}

impl Date {
    /// `YYYY-MM-DD` for the years 0 to 9999, digit by digit: a large map holds thousands of
    /// dates, and formatting them with `write!` was a fifth of the time to save one.
    fn text(self) -> Option<[u8; 10]> {
        let digit = |n: u16| b'0' + (n % 10) as u8;
        let (y, m, d) = (self.year, u16::from(self.month), u16::from(self.day));
        (y <= 9999).then(|| {
            [
                digit(y / 1000),
                digit(y / 100),
                digit(y / 10),
                digit(y),
                b'-',
                digit(m / 10),
                digit(m),
                b'-',
                digit(d / 10),
                digit(d),
            ]
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.text() {
            Some(text) => f.write_str(std::str::from_utf8(&text).map_err(|_| fmt::Error)?),
            None => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.text() {
            Some(text) => s.serialize_str(std::str::from_utf8(&text).map_err(S::Error::custom)?),
            None => s.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text).ok_or_else(|| D::Error::custom("not a date"))
    }
}

/// Whether an RFC 3339 timestamp such as `2026-11-23T09:15:00Z` or `…+01:00` is well formed.
pub fn is_rfc3339(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() < 20 || !matches!(b[10], b'T' | b't' | b' ') || Date::parse(&text[..10]).is_none() {
        return false;
    }
    let two = |i: usize, max: u16| digits(&b[i..i + 2]).is_some_and(|n| n <= max);
    // 60 allows a leap second.
    if !(two(11, 23) && b[13] == b':' && two(14, 59) && b[16] == b':' && two(17, 60)) {
        return false;
    }
    let mut rest = &b[19..];
    if let Some(fraction) = rest.strip_prefix(b".") {
        let n = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return false;
        }
        rest = &fraction[n..];
    }
    match rest {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            digits(&[*h1, *h2]).is_some_and(|h| h <= 23)
                && digits(&[*m1, *m2]).is_some_and(|m| m <= 59)
        }
        _ => false,
    }
}

/// A loose BCP 47 check: letters for the language, then letter/digit subtags (`nl`, `en-GB`, `zh-Hant-TW`).
pub fn is_language_tag(text: &str) -> bool {
    let mut parts = text.split('-');
    let first = parts.next().unwrap_or("");
    (2..=8).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Which way a KPI should move.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Increase,
    Decrease,
}

impl Direction {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "increase" => Some(Direction::Increase),
            "decrease" => Some(Direction::Decrease),
            _ => None,
        }
    }
}

/// How a customer feels at a touchpoint, from −2 (very negative) to +2 (very positive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Emotion(i8);

impl Emotion {
    pub const MIN: i8 = -2;
    pub const MAX: i8 = 2;

    /// The score written with its sign, as `+2`, `0` or `−1`.
    pub fn signed(self) -> String {
        match self.score() {
            s if s > 0 => format!("+{s}"),
            s if s < 0 => format!("−{}", -s),
            _ => "0".into(),
        }
    }

    /// The words for a score (or none), so it never rests on colour alone.
    pub fn words(emotion: Option<Emotion>) -> crate::i18n::Text {
        use crate::i18n::Text;
        match emotion.map(Emotion::score) {
            None => Text::NotRated,
            Some(-2) => Text::VeryNegative,
            Some(-1) => Text::Negative,
            Some(0) => Text::Neutral,
            Some(1) => Text::Positive,
            Some(_) => Text::VeryPositive,
        }
    }

    pub fn new(score: i64) -> Option<Self> {
        (i64::from(Self::MIN)..=i64::from(Self::MAX))
            .contains(&score)
            .then_some(Emotion(score as i8))
    }

    pub fn score(self) -> i8 {
        self.0
    }
}

/// How much a pain point hurts, from 1 (a nuisance) to 3 (customers leave over it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Severity(u8);

impl Severity {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 3;

    pub fn new(level: i64) -> Option<Self> {
        (i64::from(Self::MIN)..=i64::from(Self::MAX))
            .contains(&level)
            .then_some(Severity(level as u8))
    }

    pub fn level(self) -> u8 {
        self.0
    }
}

/// Whom a touchpoint reaches: many at once ("above the line") or one by one ("below the line").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Reach {
    Mass,
    Personal,
}

impl Reach {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "mass" => Some(Reach::Mass),
            "personal" => Some(Reach::Personal),
            _ => None,
        }
    }
}

/// `mark` mixed with `salt` (FNV-1a): the same browser's mark gives unrelated values in two
/// places (two rounds' ballots, two maps' comments), which no one else can match up.
pub fn mixed(mark: &str, salt: &str) -> u64 {
    mark.bytes()
        .chain([0])
        .chain(salt.bytes())
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colors_read_either_case_and_write_lowercase() {
        assert_eq!(Color::parse("#1F77b4"), Some(Color::rgb(0x1f, 0x77, 0xb4)));
        assert_eq!(Color::rgb(0x1f, 0x77, 0xb4).to_string(), "#1f77b4");
        for bad in ["1f77b4", "#1f77b", "#1f77b44", "#gggggg", "", "#"] {
            assert_eq!(Color::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_exist_on_the_calendar() {
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.to_string()).as_deref(),
            Some("2024-02-29")
        );
        for bad in [
            "2023-02-29",
            "1900-02-29",
            "2024-13-01",
            "2024-04-31",
            "2024-00-10",
            "2024-1-01",
            "24-01-01",
            "2024/01/01",
            "2024-01-01T00:00:00Z",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2000-02-29").is_some());
        assert!(Date::parse("2024-01-31").unwrap() < Date::parse("2024-02-01").unwrap());
    }

    #[test]
    fn days_count_from_1970_both_ways() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days(), 0);
        assert_eq!(Date::parse("2000-03-01").unwrap().days(), 11_017);
        for text in [
            "0000-01-01",
            "1969-12-31",
            "2024-02-29",
            "2026-11-23",
            "9999-12-31",
        ] {
            let date = Date::parse(text).unwrap();
            assert_eq!(Date::from_days(date.days()), Some(date), "{text}");
        }
        assert_eq!(
            Date::from_days(Date::parse("9999-12-31").unwrap().days() + 1),
            None
        );
    }

    #[test]
    fn rfc3339_timestamps() {
        for good in [
            "2026-11-23T09:15:00Z",
            "2026-11-23T09:15:00.123+01:00",
            "2026-11-23t23:59:60z",
        ] {
            assert!(is_rfc3339(good), "{good}");
        }
        for bad in [
            "2026-11-23",
            "2026-11-23T24:00:00Z",
            "2026-11-23T09:15:00",
            "2026-11-23T09:15:00.Z",
            "2026-02-30T00:00:00Z",
            "2026-11-23T09:15:00+1:00",
        ] {
            assert!(!is_rfc3339(bad), "{bad}");
        }
    }

    #[test]
    fn language_tags() {
        for good in ["nl", "en-GB", "zh-Hant-TW", "es-419"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["", "n", "en_GB", "en-", "123", "en-toolongsubtag"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn emotion_range_is_minus_two_to_two() {
        assert_eq!(Emotion::new(-2).map(Emotion::score), Some(-2));
        assert_eq!(Emotion::new(2).map(Emotion::score), Some(2));
        assert_eq!(Emotion::new(3), None);
        assert_eq!(Emotion::new(-3), None);
    }
}
