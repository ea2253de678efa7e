pub mod import_panel;
pub mod importer;
