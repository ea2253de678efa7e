use super::*;
use crate::model::versions::{self, Occasion, AUTOMATIC_KEPT};
use crate::model::{exchange, generate, Edit, TextField, Touchpoint};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// A backend whose contents the test can still see and whose room it can take away.
#[derive(Clone, Default)]
struct Shared {
    data: Rc<RefCell<BTreeMap<String, String>>>,
    full: Rc<RefCell<bool>>,
    /// Writes that would make the stored text longer than this many bytes fail as full.
    room: Rc<RefCell<Option<usize>>>,
    /// The keys whose whole entry was read.
    whole_reads: Rc<RefCell<Vec<String>>>,
}

impl Backend for Shared {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.whole_reads.borrow_mut().push(key.into());
        Ok(self.data.borrow().get(key).cloned())
    }
    fn get_start(&self, key: &str, units: u32) -> Result<Option<String>, BackendError> {
        let start = |text: &String| text.chars().take(units as usize).collect();
        Ok(self.data.borrow().get(key).map(start))
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        if *self.full.borrow() {
            return Err(BackendError::Quota);
        }
        if let Some(room) = *self.room.borrow() {
            let data = self.data.borrow();
            let others: usize = data
                .iter()
                .filter(|(k, _)| *k != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > room {
                return Err(BackendError::Quota);
            }
        }
        self.data.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.data.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, BackendError> {
        Ok(self.data.borrow().keys().cloned().collect())
    }
    fn is_persistent(&self) -> bool {
        true
    }
}

impl Shared {
    fn snapshot(&self) -> BTreeMap<String, String> {
        self.data.borrow().clone()
    }
    fn put(&self, key: &str, value: &str) {
        self.data.borrow_mut().insert(key.into(), value.into());
    }
}

fn open(backend: &Shared) -> (Store, Library, OpenReport) {
    Store::open(Box::new(backend.clone()), 1000).expect("test backend never fails to list")
}

fn renamed(map: &JourneyMap, title: &str) -> JourneyMap {
    let mut map = map.clone();
    map.apply(Edit::SetText {
        field: TextField::MapTitle,
        value: title.into(),
    })
    .unwrap();
    map
}

#[test]
fn saved_maps_come_back_on_the_next_open() {
    let backend = Shared::default();
    let (mut store, library, report) = open(&backend);
    assert!(library.maps.is_empty());
    assert_eq!(report, OpenReport::default());
    let a = generate::map(1, generate::Size::WORKSHOP);
    let mut b = JourneyMap::new("b", "Second");
    b.updated_at = "2030-01-01T00:00:00Z".into();
    store.save(&a).unwrap();
    store.save(&b).unwrap();
    store.save(&renamed(&a, "Renamed")).unwrap();

    let (_, library, _) = open(&backend);
    // Most recently edited first.
    assert_eq!(library.maps, vec![b, renamed(&a, "Renamed")]);
    assert_eq!(
        entry::revision(&backend.snapshot()[&map_key(&a.id)]),
        Some(2)
    );
}

#[test]
fn a_corrupt_entry_is_moved_aside_unchanged_and_the_rest_still_loads() {
    let backend = Shared::default();
    let (mut store, _, _) = open(&backend);
    store.save(&JourneyMap::new("good", "Good")).unwrap();
    let damaged = r#"{"schema":1,"rev":2,"map":{"id":"bad","title":"#;
    backend.put(&map_key("bad"), damaged);

    let (_, library, report) = open(&backend);
    assert_eq!(library.maps.len(), 1);
    assert_eq!(
        report.set_aside,
        vec![SetAside {
            key: format!("{ASIDE_PREFIX}1000/bad"),
            raw: damaged.into()
        }]
    );
    assert!(
        report.reasons[0].contains("not valid JSON"),
        "{:?}",
        report.reasons
    );
    assert_eq!(report.set_aside[0].origin(), ("bad", Some(1000)));
    let stored = backend.snapshot();
    assert_eq!(stored.get(&map_key("bad")), None);
    assert_eq!(stored[&format!("{ASIDE_PREFIX}1000/bad")], damaged);

    // Later starts still offer it, and do not set it aside again.
    let (mut store, _, report) = open(&backend);
    assert_eq!(report.set_aside.len(), 1);
    assert!(report.reasons.is_empty());
    store.discard(&report.set_aside[0].key).unwrap();
    assert_eq!(open(&backend).2.set_aside, vec![]);
}

#[test]
fn text_another_tab_already_set_aside_is_not_copied_again() {
    let backend = Shared::default();
    let damaged = r#"{"schema":1,"rev":2,"map":{"id":"bad","title":"#;
    // Another tab set it aside a moment ago; this one still read it where the map was.
    let theirs = format!("{ASIDE_PREFIX}999/bad");
    backend.put(&theirs, damaged);
    backend.put(&map_key("bad"), damaged);
    // A copy for another map, or other text for this one, is no reason to skip the copy.
    backend.put(&format!("{ASIDE_PREFIX}998/other"), damaged);

    let (mut store, _, report) = open(&backend);
    let aside: Vec<&str> = report.set_aside.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(
        aside,
        vec![format!("{ASIDE_PREFIX}998/other").as_str(), theirs.as_str()]
    );
    assert_eq!(report.reasons.len(), 1, "still said why");
    let stored = backend.snapshot();
    assert_eq!(stored.get(&map_key("bad")), None);
    assert_eq!(
        stored
            .keys()
            .filter(|k| k.starts_with(ASIDE_PREFIX))
            .count(),
        2
    );

    // The same while open: the map written again, then damaged again by someone else.
    store.save(&JourneyMap::new("bad", "Mended")).unwrap();
    backend.put(&map_key("bad"), damaged);
    match store.read_external("bad", 2000) {
        Some(External::SetAside { entry, .. }) => assert_eq!(entry.key, theirs),
        other => panic!("expected the copy already set aside, got {other:?}"),
    }
    backend.put(&map_key("bad"), "other damage");
    match store.read_external("bad", 2001) {
        Some(External::SetAside { entry, .. }) => {
            assert_eq!(entry.key, format!("{ASIDE_PREFIX}2001/bad"))
        }
        other => panic!("expected a copy of its own, got {other:?}"),
    }
}

#[test]
fn a_corrupt_entry_that_cannot_be_copied_stays_where_it_is_and_is_never_written() {
    let backend = Shared::default();
    backend.put(&map_key("bad"), "garbage");
    *backend.full.borrow_mut() = true;
    let (mut store, library, report) = open(&backend);
    assert!(library.maps.is_empty());
    assert_eq!(
        report.set_aside,
        vec![SetAside {
            key: map_key("bad"),
            raw: "garbage".into()
        }]
    );
    assert_eq!(report.set_aside[0].origin(), ("bad", None));
    *backend.full.borrow_mut() = false;
    assert_eq!(
        store.save(&JourneyMap::new("bad", "Bad")),
        Err(SaveError::Blocked)
    );
    assert_eq!(store.delete("bad"), Err(SaveError::Blocked));
    assert_eq!(backend.snapshot()[&map_key("bad")], "garbage");
}

#[test]
fn a_full_store_refuses_the_save_keeps_what_was_stored_and_accepts_a_retry() {
    let backend = Shared::default();
    let (mut store, _, _) = open(&backend);
    let map = JourneyMap::new("m", "First");
    store.save(&map).unwrap();
    let before = backend.snapshot();

    *backend.full.borrow_mut() = true;
    assert_eq!(store.save(&renamed(&map, "Second")), Err(SaveError::Quota));
    assert_eq!(backend.snapshot(), before);

    *backend.full.borrow_mut() = false;
    store.save(&renamed(&map, "Third")).unwrap();
    assert_eq!(open(&backend).1.maps[0].title, "Third");
}

#[test]
fn a_stale_tab_never_overwrites_a_newer_revision() {
    let backend = Shared::default();
    let (mut first, _, _) = open(&backend);
    let map = JourneyMap::new("m", "Original");
    first.save(&map).unwrap();
    let (mut second, _, _) = open(&backend);

    first.save(&renamed(&map, "From the first tab")).unwrap();
    let before = backend.snapshot();
    assert_eq!(
        second.save(&renamed(&map, "From the second tab")),
        Err(SaveError::Stale)
    );
    assert_eq!(backend.snapshot(), before);

    // Unreadable text where the map should be is not overwritten either.
    backend.put(&map_key("m"), "garbage");
    assert_eq!(first.save(&map), Err(SaveError::Stale));
}

#[test]
fn a_save_reads_only_the_start_of_the_stored_entry() {
    let backend = Shared::default();
    let (mut store, _, _) = open(&backend);
    let map = generate::map(3, generate::Size::SMALL);
    store.save(&map).unwrap();
    backend.whole_reads.borrow_mut().clear();
    store.save(&renamed(&map, "Again")).unwrap();
    assert!(!backend.whole_reads.borrow().contains(&map_key(&map.id)));

    // Another tab's newer entry is still found, in whatever form it comes.
    let stored = backend.snapshot()[&map_key(&map.id)].clone();
    let value: serde_json::Value = serde_json::from_str(&stored).unwrap();
    let reordered = format!(
        r#"{{"schema":1,"map":{},"rev":{}}}"#,
        value["map"],
        value["rev"].as_u64().unwrap() + 1
    );
    backend.put(&map_key(&map.id), &reordered);
    assert_eq!(store.save(&renamed(&map, "Stale")), Err(SaveError::Stale));
    assert_eq!(backend.snapshot()[&map_key(&map.id)], reordered);
}

#[test]
fn the_revision_is_read_from_the_start_of_an_entry_or_the_whole() {
    let map = JourneyMap::new("m", "A title that makes the entry long");
    let text = entry::encode(u64::MAX, None, &map);
    assert_eq!(
        entry::revision(&text[..entry::REVISION_UNITS as usize]),
        Some(u64::MAX)
    );
    assert_eq!(entry::revision(&text), Some(u64::MAX));
    assert_eq!(entry::revision(r#"{"schema":1,"rev":7}"#), Some(7));
    assert_eq!(entry::revision(r#"{"rev":7"#), None);
    assert_eq!(entry::revision(r#"{"rev":,"#), None);
    assert_eq!(entry::revision("garbage"), None);
}

#[test]
fn entries_of_a_newer_app_version_are_left_untouched() {
    let backend = Shared::default();
    let newer = entry::encode(3, None, &JourneyMap::new("n", "New")).replace(
        &format!("\"schema\":{}", entry::SCHEMA),
        &format!("\"schema\":{}", entry::SCHEMA + 1),
    );
    backend.put(&map_key("n"), &newer);
    let (mut store, library, report) = open(&backend);
    assert!(library.maps.is_empty());
    assert_eq!(report.newer, 1);
    assert_eq!(
        store.save(&JourneyMap::new("n", "Mine")),
        Err(SaveError::Blocked)
    );
    assert_eq!(backend.snapshot()[&map_key("n")], newer);
}

#[test]
fn delete_removes_only_that_map_and_usage_follows() {
    let backend = Shared::default();
    let (mut store, _, _) = open(&backend);
    backend.put("some-other-app", "left alone");
    store.save(&JourneyMap::new("a", "A")).unwrap();
    store.save(&JourneyMap::new("b", "B")).unwrap();
    let both = store.bytes_used();
    store.delete("a").unwrap();
    assert!(store.bytes_used() < both && store.bytes_used() > 0);
    let stored = backend.snapshot();
    assert_eq!(
        stored.keys().collect::<Vec<_>>(),
        vec![
            APP_KEY,
            &deleted_key("a"),
            index::KEY,
            &map_key("b"),
            "some-other-app"
        ]
    );
    assert_eq!(open(&backend).1.maps.len(), 1);
}

#[test]
fn the_index_keeps_any_title_and_id_as_they_are() {
    let odd = [
        "tab\there",
        "two\nlines\r\n",
        "back\\slash \\t",
        "",
        "Kijk – Kies – Koop ✓ 🚀",
    ];
    let maps: Vec<MapSummary> = odd
        .iter()
        .enumerate()
        .map(|(i, text)| MapSummary {
            id: format!("{text}{i}"),
            title: (*text).to_owned(),
            phases: i,
            touchpoints: 10 * i,
            kpis: usize::MAX - i,
            updated_at: format!("2030-01-0{}T00:00:00Z", 9 - i),
        })
        .collect();
    let text = index::encode(&maps);
    assert_eq!(
        text.lines().count(),
        1 + maps.len(),
        "one line per map: {text}"
    );
    assert_eq!(index::decode(&text), Some(maps));
    assert_eq!(index::decode(&index::encode(&[])), Some(vec![]));
}

fn listed(backend: &Shared) -> Option<Vec<MapSummary>> {
    index::decode(backend.snapshot().get(index::KEY)?)
}

fn edited_at(mut map: JourneyMap, when: &str) -> JourneyMap {
    map.updated_at = when.into();
    map
}

#[test]
fn a_store_from_before_the_index_gets_one_listing_every_map_newest_first() {
    let backend = Shared::default();
    let a = edited_at(
        generate::map(1, generate::Size::WORKSHOP),
        "2030-01-01T00:00:00Z",
    );
    let b = edited_at(JourneyMap::new("b", "Second"), "2031-01-01T00:00:00Z");
    let same_time = edited_at(JourneyMap::new("c", "Third"), "2031-01-01T00:00:00Z");
    for map in [&a, &b, &same_time] {
        backend.put(&map_key(&map.id), &entry::encode(1, None, map));
    }
    let maps_before: Vec<String> = [&a, &b, &same_time]
        .map(|m| backend.snapshot()[&map_key(&m.id)].clone())
        .to_vec();

    let before_the_store = Preferences::open(Box::new(backend.clone()));
    assert_eq!(
        before_the_store.listed_maps(),
        None,
        "maps, but no index yet"
    );
    assert_eq!(
        Preferences::open(Box::new(Shared::default())).listed_maps(),
        Some(vec![]),
        "a first visit lists no maps at once"
    );
    let (store, library, _) = open(&backend);
    let expected: Vec<MapSummary> = [&b, &same_time, &a].map(MapSummary::of).to_vec();
    assert_eq!(listed(&backend), Some(expected.clone()));
    let first_screen = Preferences::open(Box::new(backend.clone()));
    assert_eq!(first_screen.listed_maps(), Some(expected.clone()));
    assert_eq!(
        library.maps.iter().map(MapSummary::of).collect::<Vec<_>>(),
        expected,
        "the index lists the maps in the library's order"
    );
    assert_eq!(expected[2].touchpoints, a.touchpoint_count());
    assert_eq!(expected[2].kpis, a.kpi_count());
    assert_eq!(expected[2].phases, a.phases.len());
    let maps_after: Vec<String> = [&a, &b, &same_time]
        .map(|m| backend.snapshot()[&map_key(&m.id)].clone())
        .to_vec();
    assert_eq!(maps_after, maps_before, "the maps are not written");
    let index_size = 2 * units(index::KEY, &backend.snapshot()[index::KEY]);
    drop(store);
    // Counted in what the app stores, and written once: the next start finds it right.
    let (store, _, _) = open(&backend);
    let without_index: usize = backend
        .snapshot()
        .iter()
        .filter(|(k, _)| k.starts_with(MAP_PREFIX))
        .map(|(k, v)| 2 * units(k, v))
        .sum();
    assert_eq!(store.bytes_used(), without_index + index_size);
    let reads = backend.whole_reads.borrow().len();
    backend.put(
        index::KEY,
        &backend.snapshot()[index::KEY].replace("Second", "Secnod"),
    );
    drop(open(&backend));
    assert!(backend.whole_reads.borrow().len() > reads);
    assert_eq!(
        listed(&backend).unwrap()[0].title,
        "Second",
        "an index that is not what the maps say is written afresh"
    );
}

#[test]
fn saves_and_deletions_keep_the_index_up_to_date_with_every_tabs_maps() {
    let backend = Shared::default();
    let (mut first, _, _) = open(&backend);
    let (mut second, _, _) = open(&backend);
    let a = edited_at(JourneyMap::new("a", "A"), "2030-01-01T00:00:00Z");
    let b = edited_at(
        generate::map(2, generate::Size::WORKSHOP),
        "2030-02-01T00:00:00Z",
    );
    first.save(&a).unwrap();
    second.save(&b).unwrap();
    assert_eq!(
        listed(&backend),
        Some(vec![MapSummary::of(&b), MapSummary::of(&a)]),
        "a save keeps what other tabs listed"
    );

    let a = edited_at(renamed(&a, "A, renamed"), "2030-03-01T00:00:00Z");
    first.save(&a).unwrap();
    assert_eq!(
        listed(&backend),
        Some(vec![MapSummary::of(&a), MapSummary::of(&b)])
    );

    second.adopt("a", Some(2));
    second.delete("a").unwrap();
    assert_eq!(listed(&backend), Some(vec![MapSummary::of(&b)]));
}

#[test]
fn an_index_listing_more_maps_than_are_stored_or_a_title_no_map_has_is_not_read_by_the_first_screen(
) {
    let backend = Shared::default();
    let map = JourneyMap::new("m", "Mine");
    backend.put(&map_key("m"), &entry::encode(1, None, &map));
    drop(open(&backend));
    let good = backend.snapshot()[index::KEY].clone();
    let stored = backend.snapshot()[&map_key("m")].clone();
    let many: String = (0..250_000)
        .map(|i| format!("\nx{i}\t\t0\t0\t0\tG"))
        .collect();
    let long_title = format!(
        "\nm\t\t0\t0\t0\t{}",
        "T".repeat(crate::model::limits::TITLE_MAX_CHARS + 1)
    );
    let long_time = format!("\nm\t{}\t0\t0\t0\tMine", "9".repeat(65));
    let header = good.lines().next().unwrap();
    for damaged in [
        format!("{good}{many}"),
        format!("{header}{long_title}"),
        format!("{header}{long_time}"),
    ] {
        backend.put(index::KEY, &damaged);
        let first_screen = Preferences::open(Box::new(backend.clone()));
        assert_eq!(
            first_screen.listed_maps(),
            None,
            "the first screen waits for the maps"
        );
        let (_, library, report) = open(&backend);
        assert_eq!(library.maps, vec![map.clone()]);
        assert_eq!(report.set_aside, vec![], "nothing of the user's is in it");
        assert_eq!(backend.snapshot()[index::KEY], good, "written afresh");
        assert_eq!(
            backend.snapshot()[&map_key("m")],
            stored,
            "the map untouched"
        );
    }
}

#[test]
fn unreadable_index_text_is_written_over_and_a_newer_releases_is_left_alone() {
    let backend = Shared::default();
    let map = JourneyMap::new("m", "Mine");
    backend.put(&map_key("m"), &entry::encode(1, None, &map));
    let layout_1 = r#"{"schema":1,"maps":[]}"#;
    let bad_line = "journey-mapper index 2\nm\t\t0\t0\t0";
    let bad_escape = "journey-mapper index 2\nm\t\t0\t0\t0\tA\\x";
    for unreadable in [
        "garbage",
        layout_1,
        "journey-mapper index 3",
        bad_line,
        bad_escape,
    ] {
        backend.put(index::KEY, unreadable);
        let (_, library, report) = open(&backend);
        assert_eq!(library.maps, vec![map.clone()]);
        assert_eq!(report.set_aside, vec![], "nothing of the user's is in it");
        assert_eq!(listed(&backend), Some(vec![MapSummary::of(&map)]));
    }

    let newer = "journey-mapper index 3\nwhatever it holds";
    backend.put(index::KEY, newer);
    let first_screen = Preferences::open(Box::new(backend.clone()));
    assert_eq!(
        first_screen.listed_maps(),
        None,
        "the first screen waits for the maps"
    );
    backend.put(APP_KEY, "999.0.0");
    let (mut store, _, _) = open(&backend);
    assert_eq!(backend.snapshot()[index::KEY], newer);
    assert_eq!(
        store.save(&renamed(&map, "Other")),
        Err(SaveError::NewerApp)
    );
    assert_eq!(backend.snapshot()[index::KEY], newer);
}

#[test]
fn a_full_store_saves_the_map_even_where_the_index_finds_no_room() {
    let backend = Shared::default();
    let (mut store, _, _) = open(&backend);
    let map = JourneyMap::new("m", "First");
    store.save(&map).unwrap();
    // Room for the map's longer title, not for the index's too.
    let long = renamed(&map, &"x".repeat(150));
    let stored: usize = backend
        .snapshot()
        .iter()
        .map(|(k, v)| k.len() + v.len())
        .sum();
    let room = stored + 200;
    *backend.room.borrow_mut() = Some(room);
    store.save(&long).unwrap();
    assert_eq!(open(&backend).1.maps[0].title, long.title);
    assert_eq!(listed(&backend).unwrap()[0].title, "First");
}

#[test]
fn memory_backend_is_not_persistent_but_works() {
    let (mut store, _, _) = Store::open(Box::new(Memory::default()), 0).unwrap();
    assert!(!store.is_persistent());
    store.save(&JourneyMap::new("a", "A")).unwrap();
    store.save(&JourneyMap::new("a", "A2")).unwrap();
}

#[test]
fn settings_are_kept_apart_from_maps() {
    let backend = Shared::default();
    let mut preferences = Preferences::open(Box::new(backend.clone()));
    assert_eq!(preferences.get(Setting::Language), None);
    preferences.set(Setting::Language, "nl").unwrap();
    let (_, library, report) = open(&backend);
    let preferences = Preferences::open(Box::new(backend.clone()));
    assert_eq!(preferences.get(Setting::Language).as_deref(), Some("nl"));
    assert!(library.maps.is_empty());
    assert_eq!(report, OpenReport::default());
}

#[test]
fn what_another_tab_stored_is_read_once_and_only_when_newer() {
    let backend = Shared::default();
    let (mut mine, _, _) = open(&backend);
    let map = JourneyMap::new("m", "Original");
    mine.save(&map).unwrap();
    let (mut theirs, _, _) = open(&backend);
    assert_eq!(mine.read_external("m", 2000), None);
    assert_eq!(mine.outdated(), Vec::<String>::new());

    theirs.save(&renamed(&map, "Theirs")).unwrap();
    assert_eq!(mine.outdated(), vec!["m".to_string()]);
    let Some(External::Changed { rev, map: stored }) = mine.read_external("m", 2000) else {
        panic!("not seen")
    };
    assert_eq!((rev, stored.title.as_str()), (2, "Theirs"));
    mine.adopt("m", Some(rev));
    assert_eq!(mine.read_external("m", 2000), None);
    // Having adopted it, this tab may write again.
    mine.save(&renamed(&map, "Mine after theirs")).unwrap();

    // The other tab, now stale, can neither save over this nor delete it.
    assert_eq!(theirs.delete("m"), Err(SaveError::Stale));
    assert_eq!(theirs.save(&map), Err(SaveError::Stale));
    let (mut third, _, _) = open(&backend);
    third.delete("m").unwrap();
    assert_eq!(mine.read_external("m", 2000), Some(External::Removed));
    assert_eq!(mine.outdated(), vec!["m".to_string()]);
    mine.adopt("m", None);
    assert_eq!(mine.read_external("m", 2000), None);

    backend.put(
        &map_key("n"),
        &entry::encode(1, None, &JourneyMap::new("n", "N"))
            .replace(&format!("\"schema\":{}", entry::SCHEMA), "\"schema\":99"),
    );
    assert_eq!(mine.read_external("n", 2000), Some(External::Newer));
    // Reported once: after that the key is blocked and no longer news.
    assert_eq!(mine.read_external("n", 2000), None);
    assert!(!mine.outdated().contains(&"n".to_string()));
    assert_eq!(
        mine.save(&JourneyMap::new("n", "N")),
        Err(SaveError::Blocked)
    );
}

#[test]
fn a_tab_of_an_older_release_stops_writing_once_a_newer_one_has_run() {
    let backend = Shared::default();
    let (mut old_tab, _, _) = open(&backend);
    assert_eq!(backend.snapshot()[APP_KEY], APP_VERSION);
    let map = JourneyMap::new("m", "Mine");
    old_tab.save(&map).unwrap();
    assert!(!old_tab.newer_app());

    // A newer release starts in another tab and leaves its mark.
    backend.put(APP_KEY, "999.0.0");
    let before = backend.snapshot();
    assert!(old_tab.newer_app());
    assert_eq!(
        old_tab.save(&renamed(&map, "Later")),
        Err(SaveError::NewerApp)
    );
    assert_eq!(old_tab.delete("m"), Err(SaveError::NewerApp));
    let mut old_preferences = Preferences::open(Box::new(backend.clone()));
    assert_eq!(
        old_preferences.set(Setting::Language, "nl"),
        Err(SaveError::NewerApp)
    );
    // Even if the mark goes away again, this tab stays stopped: it already knows.
    backend.put(APP_KEY, APP_VERSION);
    assert!(old_tab.newer_app());
    assert_eq!(
        old_preferences.set(Setting::Language, "nl"),
        Err(SaveError::NewerApp)
    );
    backend.put(APP_KEY, "999.0.0");
    assert_eq!(backend.snapshot(), before);

    // An older release started after the newer one finds out at once and writes nothing at all.
    let (mut late, library, _) = open(&backend);
    assert_eq!(library.maps, vec![map]);
    assert!(late.newer_app());
    assert_eq!(backend.snapshot(), before);
}

#[test]
fn the_newest_release_leaves_its_mark_over_older_or_unreadable_ones() {
    for stored in ["0.0.1", "garbage", "1.2", ""] {
        let backend = Shared::default();
        backend.put(APP_KEY, stored);
        let (mut store, _, _) = open(&backend);
        assert!(!store.newer_app(), "{stored}");
        assert_eq!(backend.snapshot()[APP_KEY], APP_VERSION);
        store.save(&JourneyMap::new("m", "Mine")).unwrap();
    }
}

#[test]
fn releases_compare_as_numbers() {
    assert!(is_newer("0.10.0", "0.9.3"));
    assert!(is_newer("1.0.0", "0.99.99"));
    assert!(is_newer("0.1.10", "0.1.9"));
    assert!(!is_newer("0.1.0", "0.1.0"));
    assert!(!is_newer("0.0.9", "0.1.0"));
    for unreadable in ["", "1.2", "1.2.3.4", "v2.0.0", "2.x.0"] {
        assert!(!is_newer(unreadable, "0.1.0"), "{unreadable}");
    }
}

#[test]
fn the_start_of_an_entry_counts_code_units_as_the_browser_does() {
    let mut memory = Memory::default();
    memory.set("k", "é😀abcdef").unwrap();
    assert_eq!(memory.get_start("k", 5).unwrap().as_deref(), Some("é😀ab"));
    // A character is never cut in half.
    assert_eq!(memory.get_start("k", 2).unwrap().as_deref(), Some("é"));
    assert_eq!(memory.get_start("missing", 5).unwrap(), None);
}

#[test]
fn settings_keep_the_keys_earlier_releases_stored_them_under() {
    let keys = [
        Setting::Language,
        Setting::LargeType,
        Setting::Exported,
        Setting::BackupSnoozedUntil,
        Setting::FitToScreen,
    ]
    .map(Setting::key);
    assert_eq!(
        keys,
        [
            "journey-mapper/setting/language",
            "journey-mapper/setting/large-type",
            "journey-mapper/setting/exported",
            "journey-mapper/setting/backup-snoozed-until",
            "journey-mapper/setting/fit-to-screen",
        ]
    );
}

#[test]
fn a_map_gone_without_being_deleted_is_told_apart_from_a_deletion() {
    let backend = Shared::default();
    let (mut mine, _, _) = open(&backend);
    let kept = JourneyMap::new("kept", "Kept");
    mine.save(&kept).unwrap();
    mine.save(&JourneyMap::new("deleted", "Deleted")).unwrap();
    let (mut theirs, _, _) = open(&backend);
    theirs.delete("deleted").unwrap();
    assert_eq!(mine.read_external("deleted", 2000), Some(External::Removed));

    // The site's data cleared: the entries go, marks and all.
    backend.data.borrow_mut().clear();
    let mut outdated = mine.outdated();
    outdated.sort();
    assert_eq!(outdated, vec!["deleted".to_string(), "kept".to_string()]);
    assert_eq!(mine.read_external("kept", 2000), Some(External::Vanished));
    // Written back by the tab that still holds it.
    mine.adopt("kept", None);
    mine.save(&kept).unwrap();
    assert_eq!(open(&backend).1.maps, vec![kept]);
}

#[test]
fn a_deleted_map_saved_again_is_no_longer_marked_deleted() {
    let backend = Shared::default();
    let (mut store, _, _) = open(&backend);
    let map = JourneyMap::new("m", "M");
    store.save(&map).unwrap();
    store.delete("m").unwrap();
    assert!(backend.snapshot().contains_key(&deleted_key("m")));
    // The deletion undone, here or (after a restart) by the same browser.
    let (mut later, _, _) = open(&backend);
    later.save(&map).unwrap();
    assert!(!backend.snapshot().contains_key(&deleted_key("m")));
    let (mut other, _, _) = open(&backend);
    // Gone again without a mark: not a deletion.
    backend.data.borrow_mut().remove(&map_key("m"));
    assert_eq!(other.read_external("m", 2000), Some(External::Vanished));
}

#[test]
fn text_that_turns_unreadable_while_open_is_set_aside_and_the_map_written_back() {
    let backend = Shared::default();
    let (mut store, _, _) = open(&backend);
    let map = JourneyMap::new("m", "M");
    store.save(&map).unwrap();
    for (garbage, now, aside) in [("{\"rev\":2,", 2000, "2000"), ("", 2000, "2001")] {
        backend.put(&map_key("m"), garbage);
        let Some(External::SetAside { entry, why }) = store.read_external("m", now) else {
            panic!("not set aside")
        };
        let key = format!("{ASIDE_PREFIX}{aside}/m");
        assert_eq!(
            (entry.key.as_str(), entry.raw.as_str()),
            (key.as_str(), garbage)
        );
        assert!(why.starts_with("journey-mapper/map/m: "), "{why}");
        assert_eq!(
            backend.snapshot().get(&key).map(String::as_str),
            Some(garbage)
        );
        assert!(!backend.snapshot().contains_key(&map_key("m")));
        store.adopt("m", None);
        store.save(&map).unwrap();
    }
    let (_, library, report) = open(&backend);
    assert_eq!(library.maps, vec![map]);
    assert_eq!(report.set_aside.len(), 2);
}

#[test]
fn a_save_stored_over_by_another_tab_saving_the_same_revision_is_noticed() {
    let backend = Shared::default();
    let (mut mine, _, _) = Store::open(Box::new(backend.clone()), 1).unwrap();
    let map = JourneyMap::new("m", "M");
    mine.save(&map).unwrap();
    // Its own save is nothing new to this tab.
    assert_eq!(mine.read_external("m", 0), None);
    let (mut theirs, _, _) = Store::open(Box::new(backend.clone()), 2).unwrap();
    theirs.save(&renamed(&map, "Theirs first")).unwrap();
    let Some(External::Changed { rev, .. }) = mine.read_external("m", 0) else {
        panic!("not seen")
    };
    // Revision 2, taken in from the other tab, is not this tab's: the same revision stored
    // again is nothing new either.
    mine.adopt("m", Some(rev));
    assert_eq!(mine.read_external("m", 0), None);

    // Both tabs save revision 3 at the same moment, each having checked before the other wrote;
    // the other tab's write lands last.
    mine.save(&renamed(&map, "Mine")).unwrap();
    let theirs_too = entry::encode(3, Some(2), &renamed(&map, "Theirs"));
    backend.put(&map_key("m"), &theirs_too);
    let Some(External::Overwritten { rev, map: stored }) = mine.read_external("m", 0) else {
        panic!("the lost save went unnoticed")
    };
    assert_eq!((rev, stored.title.as_str()), (3, "Theirs"));
    mine.adopt("m", Some(rev));
    assert_eq!(mine.read_external("m", 0), None);
}

fn version_keys(backend: &Shared) -> Vec<String> {
    backend
        .snapshot()
        .into_keys()
        .filter(|k| k.starts_with("journey-mapper/version/"))
        .collect()
}

#[test]
fn a_version_is_kept_listed_read_back_counted_and_deleted() {
    let backend = Shared::default();
    let (mut store, _, _) = open(&backend);
    let map = generate::map(2, generate::Size::WORKSHOP);
    store.save(&map).unwrap();
    let before = store.bytes_used();
    let kept = store
        .keep_version(
            &map,
            Occasion::Named,
            "before the workshop",
            "2026-12-03T09:00:00Z",
            7,
        )
        .unwrap();
    assert_eq!(kept.name, "before the workshop");
    assert_eq!(store.versions(&map.id), vec![kept.clone()]);
    assert_eq!(store.version(&kept.key), Some(map.clone()));
    assert_eq!(
        store.bytes_used(),
        before + kept.bytes,
        "versions count as storage used"
    );
    // Packed, a version costs far less than the map's own entry.
    assert!(kept.bytes * 3 < before, "{} vs {before}", kept.bytes);
    // Another tab and the next start see it too, and count it.
    let (again, _, _) = open(&backend);
    assert_eq!(again.versions(&map.id), vec![kept.clone()]);
    assert_eq!(again.bytes_used(), store.bytes_used());
    store.delete_version(&kept.key).unwrap();
    assert!(store.versions(&map.id).is_empty());
    assert_eq!(store.bytes_used(), before);
    assert_eq!(
        store.delete_version("journey-mapper/map/x"),
        Err(SaveError::Blocked)
    );
}

#[test]
fn versions_damaged_between_visits_are_counted_left_as_they_are_and_names_kept_to_their_limit() {
    let backend = Shared::default();
    let (mut store, _, _) = open(&backend);
    let map = generate::map(1, generate::Size::SMALL);
    store.save(&map).unwrap();
    let long = "n".repeat(versions::MAX_NAME + 50);
    let kept = store
        .keep_version(&map, Occasion::Named, &long, "2026-12-03T09:00:00Z", 7)
        .unwrap();
    assert_eq!(kept.name.chars().count(), versions::MAX_NAME);
    let good = backend.snapshot()[&kept.key].clone();
    let damaged = [
        good[..good.len() / 2].to_owned(),
        good.replace("\"named\"", "7"),
        good.replacen(&"n".repeat(versions::MAX_NAME), &"n".repeat(4_000_000), 1),
        good.replace("2026-12-03T09:00:00Z", &"2".repeat(1_000_000)),
        good.replace("2026-12-03T09:00:00Z", "<img src=x onerror=alert(1)>"),
    ];
    for (i, text) in damaged.iter().enumerate() {
        backend
            .clone()
            .set(
                &format!("journey-mapper/version/{}/{}", 100 + i, map.id),
                text,
            )
            .unwrap();
    }
    // Another map's version, its text put under this map's key: listed (the list reads no
    // map), but not opened as this map's past.
    let other = generate::map(2, generate::Size::SMALL);
    let theirs = store
        .keep_version(&other, Occasion::Named, "theirs", "2026-12-03T10:00:00Z", 8)
        .unwrap();
    let moved = format!("journey-mapper/version/200/{}", map.id);
    let text = backend.snapshot()[&theirs.key].clone();
    backend.clone().set(&moved, &text).unwrap();
    assert_eq!(store.version(&theirs.key).map(|m| m.id), Some(other.id));
    assert_eq!(store.version(&moved), None);
    backend.clone().remove(&moved).unwrap();
    let stored_before = backend.snapshot();
    let (again, _, _) = open(&backend);
    assert_eq!(again.versions_read(&map.id), (vec![kept], damaged.len()));
    assert_eq!(again.versions_read("another map"), (vec![], 0));
    assert_eq!(
        backend.snapshot(),
        stored_before,
        "damaged versions stay as they are"
    );
}

#[test]
fn automatic_versions_are_pruned_past_the_limit_and_named_ones_kept() {
    let backend = Shared::default();
    let (mut store, _, _) = open(&backend);
    let map = generate::map(4, generate::Size::SMALL);
    store
        .keep_version(&map, Occasion::Named, "first", "2026-01-01T00:00:00Z", 1)
        .unwrap();
    for day in 0..AUTOMATIC_KEPT + 5 {
        let taken = format!("2026-02-{:02}T00:00:00Z", day + 1);
        store
            .keep_version(&map, Occasion::BeforeImport, "", &taken, 100 + day as u64)
            .unwrap();
    }
    let versions = store.versions(&map.id);
    assert_eq!(versions.len(), AUTOMATIC_KEPT + 1);
    assert!(versions.iter().any(|v| v.name == "first"));
    // The oldest automatic ones went: the newest is the 25th of February.
    assert_eq!(versions[0].taken_at, "2026-02-25T00:00:00Z");
    assert_eq!(
        versions[AUTOMATIC_KEPT - 1].taken_at,
        "2026-02-06T00:00:00Z"
    );
}

#[test]
fn the_days_version_keeps_the_map_as_stored_before_the_days_first_save() {
    let backend = Shared::default();
    let (mut store, _, _) = open(&backend);
    let map = generate::map(5, generate::Size::SMALL);
    // A new map has nothing stored yet to keep.
    assert!(!store.hold_daily(&map.id, "2026-12-01T08:00:00Z"));
    store.save(&map).unwrap();
    store.keep_held(1);
    assert!(store.versions(&map.id).is_empty());
    let edited = renamed(&map, "Edited on the 3rd");
    let (mut tab, _, _) = open(&backend);
    assert!(!tab.holds_daily());
    assert!(tab.hold_daily(&map.id, "2026-12-03T08:00:00Z"));
    assert!(tab.holds_daily());
    tab.save(&edited).unwrap();
    assert!(
        tab.versions(&map.id).is_empty(),
        "kept later, not by the save"
    );
    assert!(!tab.hold_daily(&map.id, "2026-12-03T17:00:00Z"));
    tab.save(&renamed(&map, "Later that day")).unwrap();
    tab.keep_held(2);
    assert!(!tab.holds_daily(), "kept, nothing left held");
    let versions = tab.versions(&map.id);
    assert_eq!(versions.len(), 1, "one a day");
    assert_eq!(versions[0].occasion, Occasion::Daily);
    assert_eq!(versions[0].taken_at, "2026-12-03T08:00:00Z");
    assert_eq!(
        tab.version(&versions[0].key),
        Some(map.clone()),
        "as it was before the day, though saved twice since"
    );
    tab.keep_held(3);
    assert_eq!(tab.versions(&map.id).len(), 1, "kept once");
    // Another tab, the same day, finds the day's version there when its turn comes.
    let (mut other, _, _) = open(&backend);
    assert!(other.hold_daily(&map.id, "2026-12-03T18:00:00Z"));
    other.keep_held(4);
    assert_eq!(other.versions(&map.id).len(), 1);
    other.hold_daily(&map.id, "2026-12-04T09:00:00Z");
    other.keep_held(5);
    let versions = other.versions(&map.id);
    assert_eq!(versions.len(), 2);
    assert_eq!(
        other.version(&versions[0].key).unwrap().title,
        "Later that day"
    );
}

#[test]
fn a_days_version_held_is_not_kept_twice_when_another_tab_kept_it_first() {
    let backend = Shared::default();
    let map = generate::map(5, generate::Size::SMALL);
    let (mut first, _, _) = open(&backend);
    first.save(&map).unwrap();
    let (mut one, _, _) = open(&backend);
    let (mut two, _, _) = open(&backend);
    assert!(one.hold_daily(&map.id, "2026-12-03T08:00:00Z"));
    assert!(two.hold_daily(&map.id, "2026-12-03T08:00:01Z"));
    two.keep_held(7);
    one.keep_held(8);
    assert_eq!(one.versions(&map.id).len(), 1);
}

#[test]
fn a_deleted_maps_versions_stay_until_the_next_start_and_a_vanished_maps_stay() {
    let backend = Shared::default();
    let (mut store, _, _) = open(&backend);
    let (a, b) = (
        generate::map(6, generate::Size::SMALL),
        generate::map(7, generate::Size::SMALL),
    );
    for (n, map) in [&a, &b].into_iter().enumerate() {
        store.save(map).unwrap();
        store
            .keep_version(
                map,
                Occasion::Named,
                "kept",
                "2026-12-03T09:00:00Z",
                n as u64,
            )
            .unwrap();
    }
    store.delete(&a.id).unwrap();
    // Undoing the deletion in this visit brings the map back with its versions.
    assert_eq!(store.versions(&a.id).len(), 1);
    // Site data cleared for b: not a deletion, so its versions stay.
    backend
        .data
        .borrow_mut()
        .remove(&format!("journey-mapper/map/{}", b.id));
    // A map stored again beside a mark left from its deletion is back: its versions stay.
    let c = generate::map(11, generate::Size::SMALL);
    store.save(&c).unwrap();
    store
        .keep_version(&c, Occasion::Named, "kept", "2026-12-03T09:00:00Z", 5)
        .unwrap();
    backend.put(&format!("journey-mapper/deleted/{}", c.id), "");
    let (next, _, _) = open(&backend);
    assert!(next.versions(&a.id).is_empty());
    assert_eq!(next.versions(&b.id).len(), 1);
    assert_eq!(next.versions(&c.id).len(), 1);
    assert_eq!(version_keys(&backend).len(), 2);
}

#[test]
fn a_full_store_makes_room_for_a_map_from_its_oldest_automatic_versions_never_named_ones() {
    let backend = Shared::default();
    let (mut store, _, _) = open(&backend);
    let map = generate::map(8, generate::Size::WORKSHOP);
    store.save(&map).unwrap();
    store
        .keep_version(&map, Occasion::Named, "named", "2026-01-01T00:00:00Z", 1)
        .unwrap();
    for n in 0..3 {
        let taken = format!("2026-02-0{}T00:00:00Z", n + 1);
        store
            .keep_version(&map, Occasion::Daily, "", &taken, 10 + n)
            .unwrap();
    }
    let used: usize = backend
        .snapshot()
        .iter()
        .map(|(k, v)| k.len() + v.len())
        .sum();
    *backend.room.borrow_mut() = Some(used + 10);
    let grown = renamed(&map, &"A much longer title that needs more room".repeat(3));
    backend.whole_reads.borrow_mut().clear();
    store
        .save(&grown)
        .expect("room made from automatic versions");
    // Making room reads versions only, never a map's megabyte-long entry.
    let map_key = format!("journey-mapper/map/{}", map.id);
    assert!(!backend.whole_reads.borrow().contains(&map_key));
    let left = store.versions(&map.id);
    assert!(left.iter().any(|v| v.occasion == Occasion::Named));
    assert!(left.len() < 4);
    assert_eq!(
        left.iter()
            .filter(|v| v.occasion == Occasion::Daily)
            .map(|v| &v.taken_at)
            .max(),
        Some(&"2026-02-03T00:00:00Z".to_owned()),
        "the oldest went first"
    );
    // With only the named version left to give, a save that does not fit is refused.
    let huge = renamed(&map, &"x".repeat(200));
    *backend.room.borrow_mut() = Some(10);
    assert_eq!(store.save(&huge), Err(SaveError::Quota));
    assert!(store
        .versions(&map.id)
        .iter()
        .any(|v| v.occasion == Occasion::Named));
}

#[test]
fn a_tab_of_an_older_release_keeps_and_deletes_no_versions() {
    let backend = Shared::default();
    let (mut store, _, _) = open(&backend);
    let map = generate::map(9, generate::Size::SMALL);
    let kept = store
        .keep_version(&map, Occasion::Named, "x", "2026-12-03T09:00:00Z", 1)
        .unwrap();
    backend.put("journey-mapper/app", "999.0.0");
    assert_eq!(
        store.keep_version(&map, Occasion::Named, "y", "2026-12-03T09:00:00Z", 2),
        Err(SaveError::NewerApp)
    );
    assert_eq!(store.delete_version(&kept.key), Err(SaveError::NewerApp));
    assert_eq!(version_keys(&backend), vec![kept.key]);
}

/// `map` as the first release stored it: schema 1, holding exchange format 1 (no personas,
/// lanes or plan).
fn schema_1_entry(rev: u64, map: &JourneyMap) -> String {
    let mut value = serde_json::to_value(map).unwrap();
    let map_obj = value.as_object_mut().unwrap();
    for key in ["currency", "personas", "lanes"] {
        map_obj.remove(key);
    }
    for phase in map_obj["phases"].as_array_mut().unwrap() {
        let phase = phase.as_object_mut().unwrap();
        phase.remove("cards");
        phase.remove("contact_limit");
        for t in phase["touchpoints"].as_array_mut().unwrap() {
            for key in [
                "emotions",
                "cost_per_month",
                "contacts_per_month",
                "reach",
                "trigger",
            ] {
                t.as_object_mut().unwrap().remove(key);
            }
        }
    }
    format!(r#"{{"rev":{rev},"schema":1,"map":{value}}}"#)
}

/// `map` as the migration to schema 2 makes it of the first release's entry: what that release
/// had, with the standard lanes hidden.
fn as_migrated(map: &JourneyMap) -> JourneyMap {
    let mut m = map.clone();
    m.currency.clear();
    m.personas.clear();
    m.lanes.iter_mut().for_each(|l| l.shown = false);
    for p in &mut m.phases {
        p.cards.clear();
        p.contact_limit = None;
        for t in &mut p.touchpoints {
            *t = Touchpoint {
                id: t.id.clone(),
                name: t.name.clone(),
                channel: t.channel.clone(),
                description: t.description.clone(),
                emotion: t.emotion,
                owner: t.owner.clone(),
                ..Touchpoint::new("", "")
            };
        }
    }
    m
}

#[test]
fn an_entry_that_needs_migrating_is_kept_as_a_version_first_and_migrated_once() {
    let open_migrating = |backend: &Shared| {
        Store::open_with(Box::new(backend.clone()), 1_796_284_805_000, entry::STEPS).unwrap()
    };
    let backend = Shared::default();
    let map = generate::map(10, generate::Size::SMALL);
    let key = format!("journey-mapper/map/{}", map.id);
    let stored = schema_1_entry(3, &map);
    backend.put(&key, &stored);
    let migrated = as_migrated(&map);

    // Without room for the version, the entry stays as it was, to be migrated next time.
    *backend.full.borrow_mut() = true;
    let (store, library, _) = open_migrating(&backend);
    assert_eq!(library.maps[0], migrated);
    assert!(store.versions(&map.id).is_empty());
    assert_eq!(backend.snapshot()[&key], stored);
    *backend.full.borrow_mut() = false;

    let (store, library, _) = open_migrating(&backend);
    assert_eq!(library.maps[0], migrated);
    let versions = store.versions(&map.id);
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].occasion, Occasion::BeforeMigration);
    assert_eq!(versions[0].taken_at, "2026-12-03T08:00:05Z");
    // Kept as a version 1 file, which opens migrated as well.
    assert_eq!(store.version(&versions[0].key), Some(migrated.clone()));
    // Written back migrated under the same revision: the next start keeps no second version.
    assert_eq!(entry::revision(&backend.snapshot()[&key]), Some(3));
    assert!(backend.snapshot()[&key].contains(&format!("\"schema\":{}", entry::SCHEMA)));
    let (again, library, _) = open_migrating(&backend);
    assert_eq!(library.maps[0], migrated);
    assert_eq!(again.versions(&map.id).len(), 1);
}

#[test]
fn a_map_too_large_for_what_is_left_of_the_browsers_storage_is_known_before_it_is_written() {
    let backend = Shared::default();
    let (mut store, _, _) = open(&backend);
    let map = generate::map(3, generate::Size::LARGE);
    let text = exchange::bundle_unindented(std::slice::from_ref(&map));
    assert_eq!(store.room_for(&text), Ok(()));
    store.save(&map).unwrap();
    // The entry is the exchange text arranged by phase: its size is what the check counts.
    let entry = store.bytes_used();
    let counted = 2 * text.len();
    assert!(
        entry.abs_diff(counted) * 10 < counted,
        "entry {entry} bytes, text counted as {counted}"
    );
    // Another app of the site takes the rest, but for a little less than the map needs.
    let left = QUOTA_BYTES - store.bytes_used();
    let key = "another-app/blob";
    let filler = "x".repeat(left / 2 - text.len() - key.len() + 10);
    backend.clone().set(key, &filler).unwrap();
    assert!(store.room_for(&text).is_err());
    assert!(store.room_for(&text[..text.len() - 100]).is_err());
    // What it needs beside its text (a hostile try's copy fitted by the text alone, by a few
    // hundred bytes, and was found not to when written).
    let needed = bytes_needed(&text);
    assert!(needed > 2 * text.len() + 8 * 1024);
    assert_eq!(
        store.room_for(&text),
        Err(NoRoom {
            needed,
            free: store.bytes_free()
        })
    );
    backend.clone().remove(key).unwrap();
    let filler = "x".repeat((store.bytes_free() - needed) / 2 - key.len() - 1);
    backend.clone().set(key, &filler).unwrap();
    assert_eq!(store.room_for(&text), Ok(()));
}
