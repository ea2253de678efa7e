pub mod presentation_page;
pub mod slide_charts;
