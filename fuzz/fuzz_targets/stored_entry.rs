//! A stored entry, as another tab, an older or newer release, or a damaged disk left it: never a
//! crash, and a map read from it is stored and read again unchanged.
#![no_main]

use journey_mapper::storage::entry::{self, Decoded};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = entry::revision(text);
    if let Decoded::Map { rev, tab, map } = entry::decode(text, "m") {
        let again = entry::decode(&entry::encode(rev, tab, &map), "m");
        assert_eq!(again, Decoded::Map { rev, tab, map });
    }
});
