//! A cell of a shop's export read as what its column holds: a date, an amount, a count or a
//! score, in the ways web shops, survey tools and spreadsheets in English and Dutch write them.

use crate::model::Date;

/// The date a cell starts with: `2026-01-31`, `2026-01-31T10:00:00Z`, `2026-01-31 10:00:00
/// +0100` (as shops export timestamps), or day-month-year as Dutch spreadsheets and survey
/// tools write it (`31-01-2026`, `31/1/2026 14:05`, `31.01.2026`). Month-first dates are not
/// read: `03/04/2026` is the 3rd of April.
pub fn date(cell: &str) -> Option<Date> {
    let day = cell.split([' ', 'T']).next()?;
    Date::parse(day).or_else(|| {
        let mut parts = day.split(['-', '/', '.']);
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || d.len() > 2 || m.len() > 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    })
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
    /// counted over the cells; a point where they do not tell.
    pub fn guess<'a>(cells: impl IntoIterator<Item = &'a str>) -> Self {
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
        if commas > points {
            Decimals::Comma
        } else {
            Decimals::Point
        }
    }
}

/// The largest amount an order may total, either way: beyond any real order, so that a file's
/// sums stay exact enough and finite.
pub const MAX_AMOUNT: f64 = 1e12;

/// An amount: `12.50`, `€ 1.234,56`, `-19,95` (a refund), `1,234.56 EUR`, `(12.50)`. Currency
/// signs, codes and spaces around it are passed by; `None` if what is left is not a number or
/// beyond [`MAX_AMOUNT`].
pub fn amount(cell: &str, decimals: Decimals) -> Option<f64> {
    let cell = cell.trim();
    let (cell, negative) = match cell.strip_prefix('(').and_then(|c| c.strip_suffix(')')) {
        Some(inner) => (inner, true),
        None => (cell, false),
    };
    let core =
        cell.trim_matches(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | ',')));
    let (thousands, mark) = match decimals {
        Decimals::Point => (',', '.'),
        Decimals::Comma => ('.', ','),
    };
    let mut plain = String::with_capacity(core.len());
    for c in core.chars() {
        match c {
            c if c == thousands => {}
            c if c == mark => plain.push('.'),
            // A space or apostrophe between thousands (`1 234`, `1'234`).
            ' ' | '\u{a0}' | '\'' => {}
            c => plain.push(c),
        }
    }
    if plain.is_empty() || core.len() + 8 < cell.len() {
        return None;
    }
    let value: f64 = plain.parse().ok().filter(|v: &f64| v.abs() <= MAX_AMOUNT)?;
    Some(if negative { -value } else { value })
}

/// A count: a whole number, not negative, written with or without thousands separators.
pub fn count(cell: &str) -> Option<u64> {
    let plain: String = cell
        .trim()
        .chars()
        .filter(|c| !matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\''))
        .collect();
    if plain.is_empty() || !plain.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    plain.parse().ok()
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
        ] {
            assert_eq!(date(cell), d, "{cell}");
        }
        for cell in [
            "",
            "31-01-26",
            "2026-02-30",
            "yesterday",
            "1/31/2026",
            "31-01-2026-1",
        ] {
            assert_eq!(date(cell), None, "{cell}");
        }
    }

    #[test]
    fn amounts_with_either_decimal_mark_currency_and_refunds() {
        use Decimals::*;
        assert_eq!(amount("12.50", Point), Some(12.5));
        assert_eq!(amount("€ 1.234,56", Comma), Some(1234.56));
        assert_eq!(amount("1,234.56 EUR", Point), Some(1234.56));
        assert_eq!(amount("-19,95", Comma), Some(-19.95));
        assert_eq!(amount("(12.50)", Point), Some(-12.5));
        assert_eq!(amount("€ -5", Comma), Some(-5.0));
        assert_eq!(amount("", Point), None);
        assert_eq!(amount("free", Point), None);
        assert_eq!(amount("12.5.3", Point), None);
        assert_eq!(amount("1e400", Point), None);
        assert_eq!(amount("2000000000000", Point), None);
        assert_eq!(amount("see the attached invoice for 12", Point), None);
        assert_eq!(Decimals::guess(["12,50", "3", "1.234,00"]), Comma);
        assert_eq!(Decimals::guess(["12.50", "1,234.00"]), Point);
        assert_eq!(Decimals::guess(["12", "1.234"]), Point);
    }

    #[test]
    fn counts_and_scores() {
        assert_eq!(count("12.345"), Some(12345));
        assert_eq!(count("1,000"), Some(1000));
        assert_eq!(count("-3"), None);
        assert_eq!(count("n/a"), None);
        assert_eq!(score("9"), Some(9));
        assert_eq!(score("10,0"), Some(10));
        assert_eq!(score("11"), None);
        assert_eq!(score("7.5"), None);
    }
}
