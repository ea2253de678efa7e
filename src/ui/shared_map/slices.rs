//! A large map for reading, built a slice at a time.
//!
//! A share link of 90 KB holds a map at the app's limits (50 phases of 500 touchpoints): built at
//! once, its 25,000 cards stopped the page for 1.6 s (BENCHMARKS.md). So a map of more than
//! [`AT_ONCE`] cards is built in slices: each list's cards in runs of [`RUN`], the first run of
//! every phase first (what the first screen shows), then every phase's second, and so on, a few
//! runs per task, so that the page answers between them. A smaller map is built at once, as
//! before: presentation mode builds the map again for each vote, and a map growing in slices
//! each time would flicker. Printing builds what is left at once.

use leptos::prelude::*;
use std::collections::BTreeMap;
use std::time::Duration;

/// The most cards a map's grid for reading builds at once: every template, the workshop-sized
/// map and the large generated map (3,000 cards) are built at once.
const AT_ONCE: usize = 4_000;

/// How many cards of one list are built together.
const RUN: usize = 25;

/// How many cards are built in one task, at least.
const PER_TASK: usize = 600;

/// A run's place in the order runs are built in: its number in its list, its phase, its list.
type Place = (usize, usize, usize);

/// The runs not built yet, each with whether it is built and its count of cards.
type Waiting = BTreeMap<Place, (RwSignal<bool>, usize)>;

/// Which runs of a map's cards are still to be built.
#[derive(Clone, Copy)]
pub struct Slices {
    /// `None`: everything at once.
    waiting: Option<StoredValue<Waiting>>,
    /// A task to build the next runs is queued.
    queued: StoredValue<bool>,
}

impl Slices {
    /// Slices for a map of `cards` cards: none when there are no more than [`AT_ONCE`].
    pub fn of(cards: usize) -> Self {
        let waiting = (cards > AT_ONCE).then(|| StoredValue::new(Waiting::new()));
        if let Some(waiting) = waiting {
            let printing = window_event_listener_untyped("beforeprint", move |_| {
                let runs = waiting.try_update_value(std::mem::take).unwrap_or_default();
                for (built, _) in runs.values() {
                    built.try_set(true);
                }
            });
            on_cleanup(move || printing.remove());
        }
        Slices {
            waiting,
            queued: StoredValue::new(false),
        }
    }

    /// The cards of the list `list` of the phase `phase`, each drawn by `card`: at once, or
    /// run by run, but for a run holding a card `wanted` (focus is about to go back to it after
    /// a vote, which builds the map again): built at once, so that there is a button to focus.
    pub fn list<T, V>(
        self,
        (phase, list): (usize, usize),
        cards: Vec<T>,
        wanted: impl Fn(&T) -> bool,
        card: impl Fn(&T) -> V + Clone + Send + Sync + 'static,
    ) -> AnyView
    where
        T: Send + Sync + 'static,
        V: IntoView + 'static,
    {
        let Some(waiting) = self.waiting else {
            return (move || cards.iter().map(&card).collect_view()).into_any();
        };
        let mut cards = cards.into_iter().peekable();
        let mut runs = Vec::new();
        while cards.peek().is_some() {
            runs.push(cards.by_ref().take(RUN).collect::<Vec<_>>());
        }
        let view = runs
            .into_iter()
            .enumerate()
            .map(|(n, run)| {
                let built = RwSignal::new(run.iter().any(&wanted));
                if !built.get_untracked() {
                    waiting.update_value(|w| {
                        w.insert((n, phase, list), (built, run.len()));
                    });
                }
                let card = card.clone();
                move || built.get().then(|| run.iter().map(&card).collect_view())
            })
            .collect_view()
            .into_any();
        self.queue();
        view
    }

    /// Builds the next runs in a task of their own, once what is being built now is done.
    fn queue(self) {
        if self.queued.get_value() {
            return;
        }
        self.queued.set_value(true);
        set_timeout(
            move || {
                let Some(waiting) = self.waiting else { return };
                let mut cards = 0;
                while cards < PER_TASK {
                    let Some((_, (built, count))) =
                        waiting.try_update_value(|w| w.pop_first()).flatten()
                    else {
                        let _ = self.queued.try_set_value(false);
                        return;
                    };
                    built.try_set(true);
                    cards += count;
                }
                let _ = self.queued.try_set_value(false);
                self.queue();
            },
            Duration::ZERO,
        );
    }
}
