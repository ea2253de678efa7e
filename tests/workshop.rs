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
