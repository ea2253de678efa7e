//! Numbers as people type and read them: a decimal point in English, a decimal comma in Dutch.

use crate::i18n::Lang;

/// A number as people read it, on screen and in its field. At most fifteen significant digits:
/// every number a person types has no more and reads as it was typed, while a value computed in
/// binary, such as 0.1 + 0.2 or a generated 76.69999999999999, reads as the 0.3 or 76.7 it
/// stands for.
pub fn format(value: f64, lang: Lang) -> String {
    let rounded = format!("{value:.14e}").parse().unwrap_or(value);
    exact(rounded, lang)
}

/// A number as a file holds it: every digit, so that it reads back as the same number.
pub fn exact(value: f64, lang: Lang) -> String {
    let text = value.to_string();
    match lang {
        Lang::En => text,
        Lang::Nl => text.replace('.', ","),
    }
}

/// A size in storage as people read it: "12.3 KB", "1.25 MB" ("12,3 KB" in Dutch), rounded
/// half up. In whole
/// numbers: the first screen shows it, and formatting a float would bring 13 KB of code into it.
pub fn bytes(bytes: usize, lang: Lang) -> String {
    let (unit, name, width) = if bytes < 1024 * 1024 {
        (1024, "KB", 1)
    } else {
        (1024 * 1024, "MB", 2)
    };
    let places = 10_usize.pow(width as u32);
    // The whole units and the rounded rest apart, so that no size overflows without u128
    // arithmetic (whose formatting alone is 1.3 KB of the first screen).
    let mut whole = bytes / unit;
    let mut rest = (bytes % unit * places + unit / 2) / unit;
    if rest == places {
        whole += 1;
        rest = 0;
    }
    let mark = match lang {
        Lang::En => '.',
        Lang::Nl => ',',
    };
    format!("{whole}{mark}{rest:0width$} {name}")
}

/// Text that is not a finite number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotANumber;

/// Reads a finite number written with a decimal point or comma; `Ok(None)` for empty text.
pub fn parse(text: &str) -> Result<Option<f64>, NotANumber> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.replace(',', ".").parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(NotANumber),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_kb_below_a_megabyte_and_mb_from_there_rounded_half_up() {
        assert_eq!(bytes(0, Lang::En), "0.0 KB");
        assert_eq!(bytes(1536, Lang::En), "1.5 KB");
        assert_eq!(bytes(1075, Lang::En), "1.0 KB");
        assert_eq!(bytes(1127, Lang::En), "1.1 KB");
        assert_eq!(bytes(1024 * 1024 - 1, Lang::En), "1024.0 KB");
        assert_eq!(bytes(1024 * 1024, Lang::En), "1.00 MB");
        assert_eq!(bytes(5 * 1024 * 1024 + 10_486, Lang::En), "5.01 MB");
        assert_eq!(bytes(3 * 1024 * 1024 / 2, Lang::En), "1.50 MB");
        assert_eq!(bytes(2 * 1024 * 1024 - 1, Lang::En), "2.00 MB");
        assert_eq!(bytes(3 * 1024 * 1024 / 2, Lang::Nl), "1,50 MB");
        assert!(bytes(usize::MAX, Lang::En).ends_with(" MB"));
    }

    #[test]
    fn decimal_point_or_comma() {
        assert_eq!(parse(" 4,5 "), Ok(Some(4.5)));
        assert_eq!(parse("-0.25"), Ok(Some(-0.25)));
        assert_eq!(parse(""), Ok(None));
        assert_eq!(parse("abc"), Err(NotANumber));
        assert_eq!(parse("1e400"), Err(NotANumber));
        assert_eq!(parse("NaN"), Err(NotANumber));
        assert_eq!(format(4.5, Lang::Nl), "4,5");
        assert_eq!(format(4.5, Lang::En), "4.5");
    }

    #[test]
    fn binary_noise_is_not_shown_and_typed_digits_are() {
        assert_eq!(format(0.1 + 0.2, Lang::En), "0.3");
        assert_eq!(exact(0.1 + 0.2, Lang::Nl), "0,30000000000000004");
        assert_eq!(format(76.699_999_999_999_99, Lang::Nl), "76,7");
        assert_eq!(format(-1.0 / 3.0, Lang::En), "-0.333333333333333");
        for typed in [
            "123456789012345",
            "0.000123456789012345",
            "98765.4321",
            "1e300",
            "-7",
        ] {
            let value: f64 = typed.parse().unwrap();
            assert_eq!(parse(&format(value, Lang::En)), Ok(Some(value)), "{typed}");
        }
    }
}
