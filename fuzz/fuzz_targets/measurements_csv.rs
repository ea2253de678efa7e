//! A measurements CSV file: never a crash, and the measurements read from it are written and
//! read again unchanged.
#![no_main]

use journey_mapper::i18n::Lang;
use journey_mapper::model::csv::{self, Separator};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (read, _) = csv::measurements(text);
    let file = csv::measurement_file(&read, Separator::Semicolon, Lang::En);
    let (again, problems) = csv::measurements(&file);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(again, read);
});
