//! A share link's payload: never a crash, and a map it opens makes a link that opens it again.
#![no_main]

use journey_mapper::model::share;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|payload: &str| {
    if let Ok(map) = share::decode(payload) {
        if let Some(again) = share::encode(&map, 0) {
            assert_eq!(share::decode(&again).expect("a link made here opens"), map);
        }
    }
});
