pub mod export_all_button;
pub mod import_button;
pub mod library_page;
pub mod map_row;
