//! The exchange format, version 4: a contract with users' files and other tools.
//! Field names never change; a change means a new version with a tested migration.
//!
//! `reading` checks a file and reports every problem at once, each with its path
//! (`map.phases[2].kpis[0].target`); `migration` brings older versions up to date first;
//! `problems` says what can be wrong, in the user's words (from `i18n`); `writing` makes the
//! files, always of the current version.

mod bounded;
pub mod migration;
mod problems;
mod reading;
mod writing;

pub use bounded::parse as parse_bounded;
pub use problems::{quoted, Expected, Found, Problem, ProblemKind};
pub use reading::{
    import, map_from_text, map_from_value, object_from_value, version_number, Imported, Read,
    Version,
};
pub use writing::{bundle_unindented, export_bundle, export_map, map_to_value};

pub const FORMAT_MAP: &str = "journey-map";
pub const FORMAT_BUNDLE: &str = "journey-map-bundle";
/// The version every writer writes; readers take every version from 1 up to it.
pub const VERSION: u64 = 4;
