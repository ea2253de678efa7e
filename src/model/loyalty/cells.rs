//! A cell of a shop's export read as what its column holds: a date, an amount, a count or a
//! score, in the ways web shops, survey tools and spreadsheets in English and Dutch write them.
//! Where a cell could mean two things (`1.234`, `03/04/2026`) the column decides, from its
//! other cells; a cell that is still unclear is a problem, never a guess.

use crate::model::Date;

/// The earliest year read: anything before is a typing slip, not a shop's order.
const FIRST_YEAR: u16 = 1900;

/// How a column writes its dates' day and month.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DayMonth {
    /// `31-01-2026`, as Dutch spreadsheets and most of the world write it.
    #[default]
    DayFirst,
    /// `1/31/2026`, as American exports (Google Forms in the US) write it.
    MonthFirst,
}

impl DayMonth {
    /// Month-first where a cell of `cells` can only be read so (`1/31/2026`) and none only the
    /// other way; day-first otherwise.
    pub fn guess<'a>(cells: impl IntoIterator<Item = &'a str>) -> Self {
        let (mut day_first, mut month_first) = (false, false);
        for cell in cells {
            if let Some((a, b, _)) = parts(cell) {
                day_first |= a > 12;
                month_first |= b > 12;
            }
        }
        if month_first && !day_first {
            DayMonth::MonthFirst
        } else {
            DayMonth::DayFirst
        }
    }
}

/// The three numbers of a date written with `-`, `/` or `.` and the year last.
fn parts(cell: &str) -> Option<(u8, u8, u16)> {
    let day = cell.split([' ', 'T']).next()?;
    let mut parts = day.split(['-', '/', '.']);
    let (a, b, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || a.len() > 2 || b.len() > 2 {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?, y.parse().ok()?))
}

/// The date a cell starts with: `2026-01-31`, `2026-01-31T10:00:00Z`, `2026-01-31 10:00:00
/// +0100` (as shops export timestamps), or day and month before the year (`31-01-2026`,
/// `31/1/2026 14:05`, `31.01.2026`) in the order `order` says. Years before 1900 are not read.
pub fn date(cell: &str, order: DayMonth) -> Option<Date> {
    let cell = cell.trim_matches(|c: char| c.is_whitespace() || is_mark(c));
    let day = cell.split([' ', 'T']).next()?;
    let date = Date::parse(day).or_else(|| {
        let (a, b, y) = parts(cell)?;
        match order {
            DayMonth::DayFirst => Date::new(y, b, a),
            DayMonth::MonthFirst => Date::new(y, a, b),
        }
    })?;
    (date.year >= FIRST_YEAR).then_some(date)
}

/// Direction marks and other invisible format characters a copy from a web page may carry.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// How a file writes an amount's decimals, guessed from its cells before any is read: `1.234`
/// is a thousand and more in a Dutch export and one and a bit in an English one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decimals {
    Point,
    Comma,
}

impl Decimals {
    /// The decimal mark `cells` use: the one followed by one or two digits at a cell's end,
    /// counted over the cells; where they do not tell, a comma in a file separated by
    /// semicolons (as Dutch spreadsheets write them) and a point otherwise.
    pub fn guess<'a>(cells: impl IntoIterator<Item = &'a str>, separator: u8) -> Self {
        let (mut points, mut commas) = (0, 0);
        for cell in cells {
            let cell = cell.trim_end_matches(|c: char| !c.is_ascii_digit());
            let digits_after = cell.bytes().rev().take_while(u8::is_ascii_digit).count();
            match cell
                .as_bytes()
                .get(cell.len().wrapping_sub(digits_after + 1))
            {
                Some(b'.') if (1..=2).contains(&digits_after) => points += 1,
                Some(b',') if (1..=2).contains(&digits_after) => commas += 1,
                _ => {}
            }
        }
        if commas > points || (commas == points && separator == b';') {
            Decimals::Comma
        } else {
            Decimals::Point
        }
    }
}

/// The largest amount an order may total, either way: beyond any real order, so that a file's
/// sums stay exact enough and finite.
pub const MAX_AMOUNT: f64 = 1e12;

/// An amount: `12.50`, `€ 1.234,56`, `-19,95` (a refund), `1,234.56 EUR`, `(12.50)`,
/// `€ 1.000,-`. The last `.` or `,` is the decimal mark where the cell shows it (both marks
/// in it, or not three digits after it: `1,5`); only `1.234` and `1,234` follow `decimals`.
/// Currency signs and codes are passed by.
pub fn amount(cell: &str, decimals: Decimals) -> Result<f64, Unread> {
    let cell = cell.trim().replace(['\u{2212}', '\u{2013}'], "-");
    let (cell, negative) = match cell.strip_prefix('(').and_then(|c| c.strip_suffix(')')) {
        Some(inner) => (inner.to_string(), true),
        None => (cell, false),
    };
    // `1.000,-`: whole euros, as Dutch prices are written.
    let cell = cell
        .strip_suffix(",-")
        .or_else(|| cell.strip_suffix(".-"))
        .unwrap_or(&cell);
    let core =
        cell.trim_matches(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | ',')));
    if core.is_empty() || core.len() + 8 < cell.len() {
        return Err(Unread::NotANumber);
    }
    let plain: String = core
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\''))
        .collect();
    let last = plain.rfind(['.', ',']);
    let mark = last.map(|at| {
        let after = plain.len() - at - 1;
        let both = plain.contains('.') && plain.contains(',');
        match plain.as_bytes()[at] {
            m if both || after != 3 => m,
            _ if decimals == Decimals::Comma => b',',
            _ => b'.',
        }
    });
    let number: String = plain
        .chars()
        .filter_map(|c| match c {
            '.' | ',' if Some(c as u8) == mark => Some('.'),
            '.' | ',' => None,
            c => Some(c),
        })
        .collect();
    // A mark that was taken as the decimal one must be the last: `1.234.567` has none.
    if mark.is_some() && number.matches('.').count() > 1 {
        return Err(Unread::NotANumber);
    }
    match number.parse::<f64>() {
        Ok(value) if value.abs() <= MAX_AMOUNT => Ok(if negative { -value } else { value }),
        Ok(_) => Err(Unread::TooLarge),
        Err(_) => Err(Unread::NotANumber),
    }
}

/// Why a cell is no amount or count: said apart, since `1e308` is a number, only not an
/// order's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Unread {
    NotANumber,
    /// Beyond [`MAX_AMOUNT`] either way, or [`MAX_COUNT`].
    TooLarge,
}

/// The largest count taken (emails sent, opened): beyond any campaign, and exact as the
/// floating-point numbers rates are worked out in.
pub const MAX_COUNT: u64 = 1_000_000_000_000;

/// A count: a whole number, not negative, its thousands grouped by `.`, `,`, spaces or
/// apostrophes or not at all, at most [`MAX_COUNT`]. `1.5` is not a count.
pub fn count(cell: &str) -> Result<u64, Unread> {
    let cell = cell.trim();
    let groups: Vec<&str> = cell.split(['.', ',', ' ', '\u{a0}', '\'']).collect();
    let grouped = groups.iter().skip(1).all(|g| g.len() == 3) && !groups[0].is_empty();
    if !grouped || !groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit())) {
        return Err(Unread::NotANumber);
    }
    match groups.concat().parse::<u64>() {
        Ok(count) if count <= MAX_COUNT => Ok(count),
        // Only digits are left: what does not parse is past 2^64.
        _ => Err(Unread::TooLarge),
    }
}

/// A score from 0 to 10: a whole number, possibly written `9.0` or `9,0` as spreadsheets do.
pub fn score(cell: &str) -> Option<u8> {
    let cell = cell.trim();
    let whole = cell
        .strip_suffix(".0")
        .or_else(|| cell.strip_suffix(",0"))
        .unwrap_or(cell);
    whole.parse::<u8>().ok().filter(|s| *s <= 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_shops_and_spreadsheets_write_them() {
        let d = Date::new(2026, 1, 31);
        for cell in [
            "2026-01-31",
            "2026-01-31T10:00:00Z",
            "2026-01-31 10:00:00 +0100",
            "31-01-2026",
            "31/1/2026 14:05",
            "31.01.2026",
            "\u{200f}31-01-2026",
        ] {
            assert_eq!(date(cell, DayMonth::DayFirst), d, "{cell}");
        }
        for cell in [
            "",
            "31-01-26",
            "2026-02-30",
            "yesterday",
            "1/31/2026",
            "31-01-2026-1",
            "0001-02-01",
        ] {
            assert_eq!(date(cell, DayMonth::DayFirst), None, "{cell}");
        }
        assert_eq!(date("1/31/2026", DayMonth::MonthFirst), d);
        assert_eq!(
            date("1/5/2026", DayMonth::MonthFirst),
            Date::new(2026, 1, 5)
        );
    }

    #[test]
    fn a_column_of_month_first_dates_is_read_so_and_an_unclear_one_day_first() {
        assert_eq!(
            DayMonth::guess(["1/5/2026", "1/13/2026"]),
            DayMonth::MonthFirst
        );
        assert_eq!(
            DayMonth::guess(["1/5/2026", "13/1/2026"]),
            DayMonth::DayFirst
        );
        assert_eq!(
            DayMonth::guess(["1/5/2026", "2026-01-31"]),
            DayMonth::DayFirst
        );
    }

    #[test]
    fn amounts_with_either_decimal_mark_currency_and_refunds() {
        use Decimals::*;
        assert_eq!(amount("12.50", Point), Ok(12.5));
        assert_eq!(amount("€ 1.234,56", Comma), Ok(1234.56));
        assert_eq!(amount("1,234.56 EUR", Point), Ok(1234.56));
        assert_eq!(amount("-19,95", Comma), Ok(-19.95));
        assert_eq!(amount("(12.50)", Point), Ok(-12.5));
        assert_eq!(amount("€ -5", Comma), Ok(-5.0));
        assert_eq!(amount("\u{2212}5", Comma), Ok(-5.0));
        assert_eq!(amount("€ 1.000,-", Comma), Ok(1000.0));
        // Only a mark with three digits after it follows the file; the rest show which they are.
        assert_eq!(amount("1.234", Comma), Ok(1234.0));
        assert_eq!(amount("1.234", Point), Ok(1.234));
        assert_eq!(amount("1.234,56", Point), Ok(1234.56));
        assert_eq!(amount("1,5", Point), Ok(1.5));
        assert_eq!(amount("1,234,567", Point), Ok(1_234_567.0));
        assert_eq!(amount("1.234.567", Point), Err(Unread::NotANumber));
        assert_eq!(amount("", Point), Err(Unread::NotANumber));
        assert_eq!(amount("free", Point), Err(Unread::NotANumber));
        assert_eq!(amount("12.5.3", Point), Err(Unread::NotANumber));
        assert_eq!(amount("1e308", Point), Err(Unread::TooLarge));
        assert_eq!(amount("-1e308", Comma), Err(Unread::TooLarge));
        assert_eq!(amount("1e400", Point), Err(Unread::TooLarge));
        assert_eq!(amount("2000000000000", Point), Err(Unread::TooLarge));
        assert_eq!(
            amount("see the attached invoice for 12", Point),
            Err(Unread::NotANumber)
        );
        assert_eq!(Decimals::guess(["12,50", "3", "1.234,00"], b','), Comma);
        assert_eq!(Decimals::guess(["12.50", "1,234.00"], b';'), Point);
        assert_eq!(Decimals::guess(["12", "1.234"], b','), Point);
        assert_eq!(Decimals::guess(["1.234", "2.500"], b';'), Comma);
    }

    #[test]
    fn counts_and_scores() {
        assert_eq!(count("12.345"), Ok(12345));
        assert_eq!(count("1,000"), Ok(1000));
        assert_eq!(count("1 000 000"), Ok(1_000_000));
        assert_eq!(count("1.5"), Err(Unread::NotANumber));
        assert_eq!(count("1.50"), Err(Unread::NotANumber));
        assert_eq!(count("-3"), Err(Unread::NotANumber));
        assert_eq!(count("n/a"), Err(Unread::NotANumber));
        assert_eq!(count(""), Err(Unread::NotANumber));
        assert_eq!(count("1.000.000.000.000"), Ok(MAX_COUNT));
        assert_eq!(count("1000000000001"), Err(Unread::TooLarge));
        assert_eq!(count("99999999999999999999"), Err(Unread::TooLarge));
        assert_eq!(score("9"), Some(9));
        assert_eq!(score("10,0"), Some(10));
        assert_eq!(score("11"), None);
        assert_eq!(score("7.5"), None);
    }
}
