pub mod chart_canvas;
pub mod charts_panel;
pub mod curve_and_progress;
pub mod curve_lane;
mod plot;
