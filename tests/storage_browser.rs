//! Storage against the browser's real localStorage, in headless Chromium:
//! `cargo test --target wasm32-unknown-unknown --test storage_browser`.
#![cfg(target_arch = "wasm32")]

use journey_mapper::model::{generate, JourneyMap};
use journey_mapper::storage::{Browser, SaveError, Store};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The test's own handle on localStorage, to arrange faults behind the store's back.
fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn open() -> (Store, Vec<JourneyMap>, journey_mapper::storage::OpenReport) {
    let (store, library, report) = Store::open(
        Box::new(Browser::open().expect("localStorage is available")),
        42,
    )
    .unwrap();
    (store, library.maps, report)
}

#[wasm_bindgen_test]
fn maps_survive_a_reopen_of_real_local_storage() {
    local_storage().clear().unwrap();
    let (mut store, maps, _) = open();
    assert!(maps.is_empty());
    let map = generate::map(1, generate::Size::WORKSHOP);
    store.save(&map).unwrap();
    let (_, maps, _) = open();
    assert_eq!(maps, vec![map]);
    assert!(store.bytes_used() > 10_000);
}

/// Fills localStorage until the browser refuses more, and returns the filler keys.
fn fill_storage(storage: &web_sys::Storage) -> Vec<String> {
    let mut keys = Vec::new();
    let mut chunk = 1 << 20;
    while chunk >= 16 {
        let key = format!("filler-{}", keys.len());
        match storage.set_item(&key, &"x".repeat(chunk)) {
            Ok(()) => keys.push(key),
            Err(_) => chunk /= 2,
        }
    }
    keys
}

#[wasm_bindgen_test]
fn a_full_store_refuses_the_save_and_keeps_what_was_stored() {
    let storage = local_storage();
    storage.clear().unwrap();
    let (mut store, _, _) = open();
    let map = JourneyMap::new("m", "Before the store filled up");
    store.save(&map).unwrap();
    let before = storage.get_item("journey-mapper/map/m").unwrap();

    let filler = fill_storage(&storage);
    let mut bigger = map.clone();
    bigger.description = "a long description ".repeat(500);
    let result = store.save(&bigger);
    for key in &filler {
        storage.remove_item(key).unwrap();
    }
    assert_eq!(
        result,
        Err(SaveError::Quota),
        "the browser's QuotaExceededError is recognised"
    );
    assert_eq!(storage.get_item("journey-mapper/map/m").unwrap(), before);

    // With room again the retry succeeds.
    store.save(&bigger).unwrap();
    assert_eq!(open().1, vec![bigger]);
}

#[wasm_bindgen_test]
fn a_corrupt_entry_is_set_aside_with_its_text_intact() {
    let storage = local_storage();
    storage.clear().unwrap();
    let (mut store, _, _) = open();
    store.save(&JourneyMap::new("good", "Good")).unwrap();
    let damaged = "{\"schema\":1,\"rev\":3,\"map\":{\"id\":\"bad\",\"title\":";
    storage.set_item("journey-mapper/map/bad", damaged).unwrap();

    let (_, maps, report) = open();
    assert_eq!(maps.len(), 1);
    assert_eq!(report.set_aside.len(), 1);
    assert_eq!(report.set_aside[0].raw, damaged);
    assert_eq!(storage.get_item("journey-mapper/map/bad").unwrap(), None);
    assert_eq!(
        storage
            .get_item(&report.set_aside[0].key)
            .unwrap()
            .as_deref(),
        Some(damaged)
    );
}

#[wasm_bindgen_test]
fn a_stale_copy_in_another_store_cannot_overwrite_a_newer_one() {
    local_storage().clear().unwrap();
    let (mut first, _, _) = open();
    let map = JourneyMap::new("m", "One");
    first.save(&map).unwrap();
    let (mut second, _, _) = open();
    let mut newer = map.clone();
    newer.title = "Two".into();
    first.save(&newer).unwrap();
    assert_eq!(second.save(&map), Err(SaveError::Stale));
    assert_eq!(open().1, vec![newer]);
}

#[wasm_bindgen_test]
fn the_start_of_an_entry_is_read_without_the_rest() {
    use journey_mapper::storage::Backend;
    local_storage().clear().unwrap();
    let backend = Browser::open().unwrap();
    // "é" is one code unit, "😀" two: the cut counts code units, as JavaScript strings do.
    local_storage().set_item("k", "é😀abcdef").unwrap();
    assert_eq!(backend.get_start("k", 5).unwrap().as_deref(), Some("é😀ab"));
    assert_eq!(
        backend.get_start("k", 100).unwrap().as_deref(),
        Some("é😀abcdef")
    );
    assert_eq!(backend.get_start("missing", 5).unwrap(), None);
}
