pub mod compare_panel;
pub mod comparison;
pub mod keep_version_form;
pub mod shown_version;
pub mod version_row;
pub mod versions_page;
