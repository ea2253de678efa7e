//! The workshop helpers that have rules of their own: the countdown timer.

use journey_mapper::model::timer::{clock, Countdown, MAX_MINUTES};

#[test]
fn a_countdown_runs_pauses_resumes_and_ends_once() {
    let ready = Countdown::minutes(5);
    assert_eq!(ready.left(0.0), 300_000.0);
    let running = ready.start(1_000.0);
    assert!(running.is_running());
    assert_eq!(running.left(61_000.0), 240_000.0);

    // A pause keeps what was left, however long it lasts.
    let paused = running.pause(61_000.0);
    assert_eq!(paused.left(999_999.0), 240_000.0);
    let resumed = paused.start(500_000.0);
    assert_eq!(resumed.left(500_000.0), 240_000.0);

    assert!(resumed.at(739_999.0).is_running());
    let done = resumed.at(740_000.0);
    assert_eq!(done, Countdown::Done { length: 300_000.0 });
    assert_eq!(done.left(800_000.0), 0.0);
    // Done stays done: the end is signalled once, not at every tick.
    assert_eq!(done.at(900_000.0), done);

    // Reset forgets progress and keeps the length; a finished countdown can run again.
    assert_eq!(paused.reset(), ready);
    assert_eq!(done.start(0.0).left(0.0), 300_000.0);
}

#[test]
fn starting_twice_or_pausing_a_stopped_countdown_changes_nothing() {
    let running = Countdown::minutes(1).start(0.0);
    assert_eq!(running.start(30_000.0), running);
    let ready = Countdown::minutes(1);
    assert_eq!(ready.pause(10.0), ready);
}

#[test]
fn lengths_stay_within_reason() {
    assert_eq!(Countdown::minutes(0).left(0.0), 60_000.0);
    assert_eq!(
        Countdown::minutes(10_000).left(0.0),
        f64::from(MAX_MINUTES) * 60_000.0
    );
}

#[test]
fn the_clock_rounds_up_so_zero_means_time_is_up() {
    assert_eq!(clock(300_000.0), "5:00");
    assert_eq!(clock(245_000.0), "4:05");
    assert_eq!(clock(0.4), "0:01");
    assert_eq!(clock(0.0), "0:00");
    assert_eq!(clock(-5.0), "0:00");
    assert_eq!(clock(f64::from(MAX_MINUTES) * 60_000.0), "180:00");
}

mod backup_reminder {
    use journey_mapper::model::backup::{unexported, REMIND_AFTER_DAYS};
    use journey_mapper::model::JourneyMap;
    use std::collections::BTreeMap;

    fn map(id: &str, created: &str, updated: &str) -> JourneyMap {
        let mut map = JourneyMap::new(id, id);
        map.created_at = created.into();
        map.updated_at = updated.into();
        map
    }

    fn ids(maps: Vec<&JourneyMap>) -> Vec<&str> {
        maps.into_iter().map(|m| m.id.as_str()).collect()
    }

    #[test]
    fn a_map_never_exported_is_due_some_days_after_it_was_made() {
        let maps = [map("a", "2026-11-20T09:00:00Z", "2026-11-20T10:00:00Z")];
        let none = BTreeMap::new();
        assert_eq!(REMIND_AFTER_DAYS, 3);
        assert!(unexported(&maps, &none, "2026-11-22T23:59:00Z").is_empty());
        assert_eq!(ids(unexported(&maps, &none, "2026-11-23T00:01:00Z")), ["a"]);
    }

    #[test]
    fn an_export_holds_until_the_map_changes_and_days_pass() {
        let exported = BTreeMap::from([("a".to_owned(), "2026-11-10T12:00:00Z".to_owned())]);
        // Unchanged since the export: nothing to remind about, however long ago.
        let same = [map("a", "2026-11-01T09:00:00Z", "2026-11-10T11:00:00Z")];
        assert!(unexported(&same, &exported, "2026-12-31T00:00:00Z").is_empty());
        // Changed after the export: due once the export is old enough.
        let changed = [map("a", "2026-11-01T09:00:00Z", "2026-11-11T08:00:00Z")];
        assert!(unexported(&changed, &exported, "2026-11-12T00:00:00Z").is_empty());
        assert_eq!(
            ids(unexported(&changed, &exported, "2026-11-13T00:00:00Z")),
            ["a"]
        );
    }

    #[test]
    fn maps_without_readable_times_and_a_bad_clock_remind_of_nothing() {
        let maps = [map("a", "", "")];
        assert!(unexported(&maps, &BTreeMap::new(), "2026-11-23T00:00:00Z").is_empty());
        let maps = [map("b", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z")];
        assert!(unexported(&maps, &BTreeMap::new(), "not a time").is_empty());
        assert_eq!(
            ids(unexported(&maps, &BTreeMap::new(), "2026-11-23T00:00:00Z")),
            ["b"]
        );
    }
}

#[test]
fn the_reminder_says_the_number_of_days_it_waits() {
    use journey_mapper::i18n::{Lang, Text};
    use journey_mapper::model::backup::REMIND_AFTER_DAYS;
    let days = REMIND_AFTER_DAYS.to_string();
    assert!(Lang::En
        .t(Text::BackupDue)
        .contains(&format!("{days} days")));
    assert!(Lang::Nl
        .t(Text::BackupDue)
        .contains(&format!("{days} dagen")));
}
