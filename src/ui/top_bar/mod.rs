pub mod language_switch;
pub mod large_type_toggle;
pub mod save_status;
pub mod undo_buttons;
