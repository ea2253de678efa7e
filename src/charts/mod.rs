//! Charts of a journey: the experience curve, KPI progress, a KPI's trend and channel coverage.
//! `data` works out what to show; `draw` draws it on any plotters backend.

pub mod data;
pub mod draw;
