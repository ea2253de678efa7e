//! Loyalty measured from the shop's own data: a survey, order or campaign export dropped on a
//! KPI, its columns mapped, its counts per period previewed and added; an order export measured
//! at the map's level into its customer base, with cohorts, forecast and their charts. The
//! export itself is read by the analytics worker; these views only ever hold counts (and the
//! first rows, while mapping).

mod base_preview;
mod column_mapping;
mod customer_base_panel;
mod customer_charts;
mod data_file;
mod forecast_figures;
mod loyalty_scorecard;
mod loyalty_section;
mod measure_from_data;
mod measured_preview;
mod read_report;

pub use customer_base_panel::CustomerBasePanel;
pub use customer_charts::CustomerCharts;
pub use loyalty_scorecard::LoyaltyScorecard;
pub use loyalty_section::{LoyaltyContent, LoyaltySection};
pub use measure_from_data::MeasureFromData;
