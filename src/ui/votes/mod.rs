pub mod votes_panel;
