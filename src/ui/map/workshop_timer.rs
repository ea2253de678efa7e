use crate::i18n::Text;
use crate::model::timer::{clock, Countdown, MAX_MINUTES};
use crate::ui::live::use_live;
use crate::ui::{tr, use_session};
use leptos::prelude::*;
use std::time::Duration;
use web_sys::{AudioContext, OscillatorType};

/// The workshop timer's state. One per page, so it keeps running while the consultant moves
/// between the editor and presentation mode.
#[derive(Clone, Copy)]
pub struct Timer {
    countdown: RwSignal<Countdown>,
    now: RwSignal<f64>,
    ticking: StoredValue<Option<IntervalHandle>>,
    /// Made on the first Start click: browsers play sound only after a gesture.
    sound: StoredValue<Option<AudioContext>, LocalStorage>,
}

impl Timer {
    pub fn provide() {
        provide_context(Timer {
            countdown: RwSignal::new(Countdown::minutes(10)),
            now: RwSignal::new(js_sys::Date::now()),
            ticking: StoredValue::new(None),
            sound: StoredValue::new_local(None),
        });
    }

    fn start(self) {
        if self.sound.with_value(Option::is_none) {
            self.sound.set_value(AudioContext::new().ok());
        }
        let now = js_sys::Date::now();
        self.now.set(now);
        self.countdown.update(|c| *c = c.start(now));
        self.run();
    }

    /// Counts down to `ends_at` (the browser's clock) over `length`: a voting round's time
    /// limit, shown the same in every browser of the room.
    pub fn count_to(self, ends_at: f64, length: f64) {
        self.show(Countdown::Running { length, ends_at });
    }

    /// The countdown as it stands. Followed.
    pub fn countdown(self) -> Countdown {
        self.countdown.get()
    }

    /// Shows `countdown` as it stands now: the one the facilitator runs for everyone.
    pub fn show(self, countdown: Countdown) {
        let now = js_sys::Date::now();
        self.now.set(now);
        let countdown = countdown.at(now);
        if self.countdown.get_untracked() == countdown {
            return;
        }
        self.countdown.set(countdown);
        if countdown.is_running() {
            self.run();
        } else {
            self.stop_ticking();
        }
    }

    fn run(self) {
        let handle = set_interval_with_handle(move || self.tick(), Duration::from_millis(200));
        self.stop_ticking();
        self.ticking.set_value(handle.ok());
    }

    fn tick(self) {
        let now = js_sys::Date::now();
        self.now.set(now);
        let before = self.countdown.get_untracked();
        let after = before.at(now);
        if after != before {
            self.countdown.set(after);
            self.stop_ticking();
            self.chime();
        }
    }

    fn pause(self) {
        self.stop_ticking();
        self.countdown.update(|c| *c = c.pause(js_sys::Date::now()));
    }

    fn reset(self) {
        self.stop_ticking();
        self.countdown.update(|c| *c = c.reset());
    }

    fn set_minutes(self, minutes: u32) {
        self.stop_ticking();
        self.countdown.set(Countdown::minutes(minutes));
    }

    fn stop_ticking(self) {
        if let Some(handle) = self.ticking.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }

    /// A soft two-note chime that fades in and out: noticeable, not alarming.
    fn chime(self) {
        self.sound.with_value(|sound| {
            let Some(sound) = sound else { return };
            let start = sound.current_time();
            for (i, pitch) in [660.0, 880.0].into_iter().enumerate() {
                let (Ok(tone), Ok(volume)) = (sound.create_oscillator(), sound.create_gain())
                else {
                    return;
                };
                let at = start + i as f64 * 0.45;
                tone.set_type(OscillatorType::Sine);
                tone.frequency().set_value(pitch);
                let gain = volume.gain();
                gain.set_value(0.0);
                let _ = gain.linear_ramp_to_value_at_time(0.12, at + 0.08);
                let _ = gain.linear_ramp_to_value_at_time(0.0, at + 1.2);
                let _ = tone
                    .connect_with_audio_node(&volume)
                    .and_then(|_| volume.connect_with_audio_node(&sound.destination()));
                let _ = tone.start_with_when(at);
                let _ = tone.stop_with_when(at + 1.3);
            }
        });
    }
}

/// A countdown for workshop exercises: set minutes, start, pause, reset. Large in presentation
/// mode, so the back of the room can read it; at zero it chimes softly and says so.
#[component]
pub fn WorkshopTimer(#[prop(optional)] large: bool) -> impl IntoView {
    let session = use_session();
    let timer = expect_context::<Timer>();
    let live = use_live();
    // In a live session the facilitator runs the timer for everyone.
    let theirs = move || live.map().is_some() && !live.leads();
    let countdown = timer.countdown;
    let left = move || countdown.get().left(timer.now.get());
    let done = move || matches!(countdown.get(), Countdown::Done { .. });
    let main_action = move || {
        let lang = session.settings.lang();
        match countdown.get() {
            Countdown::Running { .. } => lang.t(Text::Pause),
            Countdown::Paused { .. } => lang.t(Text::Resume),
            Countdown::Ready { .. } | Countdown::Done { .. } => lang.t(Text::Start),
        }
    };
    view! {
        <div class="workshop-timer" class:large=large class:done=done role="group" aria-label=move || session.settings.lang().t(Text::WorkshopTimer)>
            <span class="timer-clock" role="timer" aria-label=move || format!("{}: {}", session.settings.lang().t(Text::TimeLeft), clock(left()))>
                {move || clock(left())}
            </span>
            <label class="timer-minutes">
                <span>{tr(Text::TimerMinutes)}</span>
                <input
                    type="number"
                    min="1"
                    max=MAX_MINUTES
                    step="1"
                    inputmode="numeric"
                    disabled=move || countdown.get().is_running() || theirs()
                    prop:value=move || (countdown.get().length() / 60_000.0).to_string()
                    on:change=move |ev| {
                        if let Ok(m) = event_target_value(&ev).trim().parse::<u32>() {
                            timer.set_minutes(m);
                        }
                    }
                />
            </label>
            <Show when=move || !theirs() fallback=|| view! { <p class="card-meta">{tr(Text::TimerByFacilitator)}</p> }>
                <button type="button" on:click=move |_| if countdown.get_untracked().is_running() { timer.pause() } else { timer.start() }>
                    {main_action}
                </button>
                <button type="button" class="secondary" on:click=move |_| timer.reset()>{tr(Text::Reset)}</button>
            </Show>
            <p class="timer-done" role="status">{move || done().then(|| session.settings.lang().t(Text::TimeIsUp))}</p>
        </div>
    }
}
