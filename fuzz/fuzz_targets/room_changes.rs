//! What changed in a live room, as the page takes it in (`model::nodes::Patch`): any patch,
//! never a crash; a patch taken in makes a map every reader takes as it is, and the parts it
//! says it reached cover every difference, so that no view misses a change of the room's.
#![no_main]

use journey_mapper::model::generate::{self, Size};
use journey_mapper::model::nodes::Patch;
use journey_mapper::model::{exchange, JourneyMap};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// The map the patches arrive over: the seeds' (`fuzz/seeds/room_changes`) map.
fn mine() -> &'static JourneyMap {
    static MAP: OnceLock<JourneyMap> = OnceLock::new();
    MAP.get_or_init(|| generate::map(3, Size::SMALL))
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(patch) = serde_json::from_slice::<Patch>(bytes) else {
        return;
    };
    let mine = mine();
    assert!(patch.culprits(mine, 100).len() <= 100);
    if let Ok((next, reached)) = patch.apply(mine) {
        let file = exchange::export_map(&next, None);
        let again = exchange::import(&file)
            .unwrap_or_else(|p| panic!("a map taken in from the room imports: {p:?}"))
            .maps
            .remove(0);
        assert_eq!(again, next, "a map taken in from the room reads back unchanged");
        for part in mine.changed_parts(&next) {
            assert!(reached.contains(&part), "{part:?} changed, but {reached:?} was said");
        }
    }
});
