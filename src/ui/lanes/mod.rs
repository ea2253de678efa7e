pub mod lane_row;
pub mod lanes_panel;
