//! What the analytics worker (`src/bin/analytics.rs`) is asked and answers, as plain values
//! passed as JSON: a shop's export goes in with a [`Job`], counts and a forecast come out. The
//! export's rows stay in the worker; only the first few come out, for the mapping step to show.

use super::base::CustomerBase;
use super::cohorts;
use super::columns::Mapping;
use super::forecast::{self, CustomerForecast, Forecast, Terms};
use super::kind::{KpiKind, Source};
use super::measure::{self, Measured, Refusal, Report};
use super::table::Table;
use crate::model::outside;
use crate::model::Date;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Rows of a file shown in the mapping step.
pub const PREVIEW_ROWS: usize = 5;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// The file's header and first rows, with the columns guessed for `source`.
    Preview { source: Source },
    /// Per-period counts for a KPI of `kind`; no row may be dated after `today`.
    Measure {
        kind: KpiKind,
        mapping: Mapping,
        today: Date,
    },
    /// The customer base of an order export: its cohorts and the models' forecast.
    Forecast {
        mapping: Mapping,
        today: Date,
        terms: Terms,
    },
    /// Each customer's forecast under the models fitted to the same file, for the marketer to
    /// download.
    PerCustomer {
        mapping: Mapping,
        today: Date,
        terms: Terms,
        forecast: Box<Forecast>,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    /// Not text: an image, a spreadsheet workbook, an archive.
    NotText,
    Refused(Refusal),
    Preview {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
        guess: Mapping,
    },
    Measured(Measured),
    /// An order export's customer base (none where no order could be read), with the rows it
    /// could not use.
    Forecast {
        base: Option<Box<CustomerBase>>,
        report: Report,
    },
    /// Every customer's forecast; empty where the models could not be fitted.
    PerCustomer(Vec<CustomerForecast>),
}

/// Windows-1252's characters for the bytes 0x80 to 0x9F (the rest of its upper half is
/// Latin-1's); the five it leaves undefined read as U+FFFD.
const CP1252: [char; 32] = [
    '€', '\u{fffd}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{fffd}', 'Ž',
    '\u{fffd}', '\u{fffd}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{fffd}',
    'ž', 'Ÿ',
];

/// The export as text: UTF-8 or UTF-16 as every reader takes it, or else Windows-1252, in which
/// Excel on Dutch and English Windows saves "CSV (comma delimited)" (`René`, `€ 12,50`). Bytes
/// with NUL characters are no text in any of them.
fn text_of(bytes: &[u8]) -> Option<Cow<'_, str>> {
    outside::text(bytes).or_else(|| {
        (!bytes.contains(&0)).then(|| {
            bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9f => CP1252[usize::from(b - 0x80)],
                    b => char::from(b),
                })
                .collect::<String>()
                .into()
        })
    })
}

/// Runs `job` on the file's `bytes`.
pub fn run(job: &Job, bytes: &[u8]) -> Outcome {
    let Some(text) = text_of(bytes) else {
        return Outcome::NotText;
    };
    match job {
        Job::Preview { source } => match Table::open(&text) {
            Ok(table) => Outcome::Preview {
                guess: Mapping::guess(*source, &table.header),
                rows: table.first(PREVIEW_ROWS),
                header: table.header,
            },
            Err(e) => Outcome::Refused(Refusal::from(e)),
        },
        Job::Measure {
            kind,
            mapping,
            today,
        } => match measure::measure(&text, *kind, mapping, *today) {
            Ok(measured) => Outcome::Measured(measured),
            Err(refusal) => Outcome::Refused(refusal),
        },
        Job::Forecast {
            mapping,
            today,
            terms,
        } => match measure::order_book(&text, mapping, *today) {
            // Not one order read: the problems say why, as for a KPI's file.
            Ok((book, report)) => Outcome::Forecast {
                base: (!book.orders.is_empty()).then(|| {
                    Box::new(CustomerBase {
                        mapping: mapping.clone(),
                        terms: *terms,
                        summary: book.summary(),
                        cohorts: cohorts::of(&book, mapping.period),
                        forecast: forecast::forecast(&book, *terms),
                    })
                }),
                report,
            },
            Err(refusal) => Outcome::Refused(refusal),
        },
        Job::PerCustomer {
            mapping,
            today,
            terms,
            forecast,
        } => match measure::order_book(&text, mapping, *today) {
            Ok((book, _)) => Outcome::PerCustomer(forecast::per_customer(&book, forecast, *terms)),
            Err(refusal) => Outcome::Refused(refusal),
        },
    }
}

/// [`run`] with the job and outcome as JSON, as the worker passes them.
pub fn run_json(job: &str, bytes: &[u8]) -> String {
    let outcome = match serde_json::from_str::<Job>(job) {
        Ok(job) => run(&job, bytes),
        Err(_) => Outcome::Refused(Refusal::NothingUsable),
    };
    serde_json::to_string(&outcome).expect("outcomes are plain data with finite numbers")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_excel_saved_in_windows_1252_is_read() {
        let mut bytes = b"Bestelnummer;Klant;Besteldatum;Totaal\r\n1;Ren".to_vec();
        bytes.extend([0xe9, b';']);
        bytes.extend(b"05-01-2026;");
        bytes.extend([0x80]);
        bytes.extend(b"12,50\r\n");
        let Outcome::Preview { rows, .. } = run(
            &Job::Preview {
                source: Source::Orders,
            },
            &bytes,
        ) else {
            panic!("not read");
        };
        assert_eq!(rows[0], ["1", "René", "05-01-2026", "€12,50"]);
        // A file with NUL characters is no text, whichever encoding.
        assert_eq!(
            run(
                &Job::Preview {
                    source: Source::Orders
                },
                b"PK\x03\x04\x00\x00\xff"
            ),
            Outcome::NotText
        );
    }
}
