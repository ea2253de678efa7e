//! Charts of a journey: the experience curve, KPI progress, a KPI's trend, channel coverage,
//! the plan, the customer base and the priority matrix (`customers` and `priorities`, each its
//! data, drawing and table in one place).
//! `data` works out what to show; `draw` draws it on any plotters backend; `tables` writes it
//! out as text beside the chart; `follows` says which edits reach which chart.

pub mod customers;
pub mod data;
pub mod draw;
mod follows;
pub mod priorities;
pub mod tables;

pub use follows::Chart;
