//! Loyalty measured from the shop's own exports: KPI kinds with their formulas, exports read
//! into per-period counts, and the customer-base forecast. Runs in the analytics worker
//! (`src/bin/analytics.rs`); the page only ever sees counts, never the rows they came from.

pub mod base;
pub mod cells;
pub mod cohorts;
pub mod columns;
pub mod forecast;
pub mod kind;
pub mod measure;
pub mod scorecard;
pub mod table;
pub mod words;
pub mod work;

pub use base::CustomerBase;
pub use columns::{Mapping, Period, Role};
pub use kind::{Answers, Counts, KpiKind, OrderCounts, Ratio, Sample, SampleOf, Source};
pub use measure::{
    measure, CellProblem, CellProblemKind, Measured, OrderBook, OrderSummary, Refusal,
};
