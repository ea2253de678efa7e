//! KPIs measured from the shop's own data: a survey, order or campaign export dropped on a KPI,
//! its columns mapped, its counts per period previewed and added. The export itself is read by
//! the analytics worker; these views only ever hold counts (and the first rows, while mapping).

mod column_mapping;
mod measure_from_data;
mod measured_preview;

pub use measure_from_data::MeasureFromData;
