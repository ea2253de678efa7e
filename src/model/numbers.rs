//! Numbers as people type and read them: a decimal point in English, a decimal comma in Dutch.

use crate::i18n::Lang;

pub fn format(value: f64, lang: Lang) -> String {
    let text = value.to_string();
    match lang {
        Lang::En => text,
        Lang::Nl => text.replace('.', ","),
    }
}

/// A size in storage as people read it: "12.3 KB", "1.25 MB".
pub fn bytes(bytes: usize) -> String {
    if bytes < 1024 * 1024 {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    } else {
        format!("{:.2} MB", bytes as f64 / (1024.0 * 1024.0))
    }
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
}
