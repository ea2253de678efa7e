//! A JSON file or bundle: never a crash, and whatever is accepted exports and imports again
//! unchanged.
#![no_main]

use journey_mapper::model::exchange;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(imported) = exchange::import(text) {
        let again = exchange::import(&exchange::export_bundle(&imported.maps, None))
            .expect("an exported bundle imports again");
        assert_eq!(again.maps, imported.maps);
    }
});
