//! What the analytics worker (`src/bin/analytics.rs`) is asked and answers, as plain values
//! passed as JSON: a shop's export goes in with a [`Job`], counts and a forecast come out. The
//! export's rows stay in the worker; only the first few come out, for the mapping step to show.

use super::cohorts::{self, Cohorts};
use super::columns::Mapping;
use super::forecast::{self, Forecast, Terms};
use super::kind::{KpiKind, Source};
use super::measure::{self, Measured, Refusal};
use super::table::{Table, TableError};
use crate::model::outside;
use crate::model::Date;
use serde::{Deserialize, Serialize};

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
    Forecast {
        cohorts: Cohorts,
        /// `None` where the file has too little to fit the models to (no repeat purchase).
        forecast: Option<Forecast>,
        customers: u64,
    },
}

/// Runs `job` on the file's `bytes`.
pub fn run(job: &Job, bytes: &[u8]) -> Outcome {
    let Some(text) = outside::text(bytes) else {
        return Outcome::NotText;
    };
    match job {
        Job::Preview { source } => match Table::open(&text) {
            Ok(table) => Outcome::Preview {
                guess: Mapping::guess(*source, &table.header),
                rows: table.first(PREVIEW_ROWS),
                header: table.header,
            },
            Err(TableError::Empty) => Outcome::Refused(Refusal::Empty),
            Err(TableError::NotATable) => Outcome::Refused(Refusal::NotATable),
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
            Some(book) if !book.orders.is_empty() => Outcome::Forecast {
                cohorts: cohorts::of(&book, mapping.period),
                forecast: forecast::forecast(&book, *terms),
                customers: u64::from(book.customers),
            },
            _ => Outcome::Refused(Refusal::NothingUsable),
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
