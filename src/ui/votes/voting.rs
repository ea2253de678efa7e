//! The open voting round of the map on screen, as this browser takes part in it: its ballot,
//! how many people vote on this device, the time left, and what a refused dot says. One per
//! map page, shared by the round's panel and the cards.

use super::refusal;
use crate::i18n::Lang;
use crate::model::workshop::Round;
use crate::model::{Edit, Id, Part, WorkshopEdit};
use crate::ui::live::use_live;
use crate::ui::map::workshop_timer::Timer;
use crate::ui::session::clock;
use crate::ui::session::open_map::{use_open_map, OpenMap};
use leptos::prelude::*;
use std::time::Duration;

#[derive(Clone, Copy)]
pub struct Voting {
    map: OpenMap,
    /// The open round, if any.
    pub round: Memo<Option<Round>>,
    /// This browser's mark in its ballots' ids.
    voter: StoredValue<String>,
    /// People whose dots are clicked in on this device: one, or a table's or room's.
    pub people: RwSignal<u32>,
    /// The name this device votes under in a named round.
    pub name: RwSignal<String>,
    /// The clock, moved on every second while a round with a time limit is open.
    pub now: RwSignal<f64>,
    /// The round this tab started, which it ends when its time is up.
    started_here: StoredValue<Option<Id>>,
    /// Why the last dot was refused, and on which card: said beside that card's dots, wherever
    /// they were given (the fold may be closed while a card is open).
    pub message: RwSignal<Option<(Id, String)>>,
}

/// When `round`'s time is up, in the browser's milliseconds; `None` without a time limit.
pub fn closes_at(round: &Round) -> Option<f64> {
    let started = js_sys::Date::parse(&round.started_at);
    let minutes = round.minutes?;
    started
        .is_finite()
        .then(|| started + f64::from(minutes) * 60_000.0)
}

impl Voting {
    pub fn provide() {
        let map = use_open_map();
        let session = map.session;
        let round = Memo::new(move |_| {
            map.with(Part::Rounds, |m| m.open_round().cloned())
                .flatten()
        });
        let voting = Voting {
            map,
            round,
            voter: StoredValue::new(session.settings.voter()),
            people: RwSignal::new(1),
            name: RwSignal::new(String::new()),
            now: RwSignal::new(js_sys::Date::now()),
            started_here: StoredValue::new(None),
            message: RwSignal::new(None),
        };
        // The name a live session knows this person by, until they type another.
        let live = use_live();
        Effect::new(move |_| {
            let me = live.people().into_iter().find(|p| p.me);
            if let Some(me) = me.filter(|_| voting.name.get_untracked().is_empty()) {
                voting.name.set(me.name);
            }
        });
        // A new round: this device's headcount as its ballot says, the workshop timer counting
        // down to its end, and the clock ticking until then.
        let timer = expect_context::<Timer>();
        let ticking = StoredValue::new(None::<IntervalHandle>);
        let stop = move || {
            if let Some(handle) = ticking.try_update_value(Option::take).flatten() {
                handle.clear();
            }
        };
        Effect::new(move |before: Option<Option<Id>>| {
            let now_open = round.with(|r| r.as_ref().map(|r| r.id.clone()));
            if before.as_ref() != Some(&now_open) {
                voting.message.set(None);
                stop();
                let ends = round.with_untracked(|r| r.as_ref().and_then(closes_at));
                if let (Some(ends), Some(r)) = (ends, round.get_untracked()) {
                    voting.people.set(voting.mine(&r).map_or(1, |b| b.people));
                    let length = f64::from(r.minutes.unwrap_or(1)) * 60_000.0;
                    timer.count_to(ends, length);
                    let tick = move || voting.tick();
                    ticking.set_value(set_interval_with_handle(tick, Duration::from_secs(1)).ok());
                }
            }
            now_open
        });
        on_cleanup(stop);
        provide_context(voting);
    }

    fn tick(self) {
        let now = js_sys::Date::now();
        self.now.set(now);
        let Some(round) = self.round.get_untracked() else {
            return;
        };
        let due = closes_at(&round).is_some_and(|ends| now >= ends);
        if due
            && self
                .started_here
                .with_value(|s| s.as_ref() == Some(&round.id))
        {
            self.end(&round.id);
        }
    }

    /// The id of this browser's ballot in `round`: this browser's mark mixed with the round's
    /// id (FNV-1a), so that its ballots in two rounds cannot be matched by anyone else, and an
    /// anonymous round's dots not traced to a named round's voter.
    pub fn ballot_id(self, round: &str) -> Id {
        let hash = crate::model::mixed(&self.voter.read_value(), round);
        format!("{round}-{hash:016x}")
    }

    pub fn mine(self, round: &Round) -> Option<&crate::model::workshop::Ballot> {
        round.ballot(&self.ballot_id(&round.id))
    }

    /// Whether the open round's time is up (the others' clocks may differ by a little).
    pub fn time_up(self) -> bool {
        let now = self.now.get();
        self.round
            .with(|r| r.as_ref().and_then(closes_at))
            .is_some_and(|ends| now >= ends)
    }

    /// Starts `round`, which this tab then ends when its time is up.
    pub fn start(self, round: Round) -> Result<(), crate::model::EditError> {
        let index = self.map.with_untracked(|m| m.rounds.len()).unwrap_or(0);
        let id = round.id.clone();
        self.map
            .apply(Edit::Workshop(WorkshopEdit::InsertRound { index, round }))?;
        self.started_here.set_value(Some(id));
        self.now.set(js_sys::Date::now());
        Ok(())
    }

    pub fn end(self, round: &str) {
        let _ = self.map.apply(Edit::Workshop(WorkshopEdit::EndRound {
            round: round.into(),
            ended_at: Some(clock::now()),
        }));
    }

    /// This device's dots on `card` in the open round, and the round's own total where it is
    /// shown while voting.
    pub fn dots_on(self, card: &str) -> (u32, Option<u32>) {
        self.round.with(|r| {
            let Some(r) = r else { return (0, None) };
            let mine = self
                .mine(r)
                .and_then(|b| b.dots.get(card).copied())
                .unwrap_or(0);
            let total = (!r.hidden).then(|| r.totals().get(card).copied().unwrap_or(0));
            (mine, total)
        })
    }

    /// Gives `card` this device's `dots`, or says in `lang` why not.
    pub fn set_dots(self, card: &str, dots: u32, lang: Lang) {
        let Some(round) = self.round.get_untracked() else {
            return;
        };
        let name = if round.named {
            self.name.get_untracked().trim().to_owned()
        } else {
            String::new()
        };
        let edit = WorkshopEdit::Vote {
            ballot: self.ballot_id(&round.id),
            round: round.id,
            name,
            people: self.people.get_untracked(),
            card: card.into(),
            dots,
        };
        let result = self.map.apply(Edit::Workshop(edit));
        self.message.set(
            result
                .err()
                .map(|error| (card.to_owned(), refusal(&error, lang))),
        );
    }
}

pub fn use_voting() -> Voting {
    expect_context::<Voting>()
}
