pub mod fit_to_screen;
pub mod map_editor;
pub mod map_exports;
pub mod map_page;
pub mod phase_steps;
pub mod share_link;
pub mod workshop_panel;
pub mod workshop_timer;
