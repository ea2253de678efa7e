//! What this user may do to the map a live session shares, as its facilitator has set it: the
//! session's rules, held before an edit is applied (the room's browsers hold everyone to them
//! again, `ui/live`).

use crate::model::facilitation::{Powers, Role};
use crate::model::workshop::Refusal;
use crate::model::{EditError, Id, LibraryEdit};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Guard {
    /// The map a session shares, and this user's powers over it.
    led: RwSignal<Option<(Id, Powers)>>,
    /// Why this user's last edit was refused, until the next one is applied.
    refused: RwSignal<Option<Refusal>>,
}

impl Guard {
    pub fn new() -> Self {
        Guard {
            led: RwSignal::new(None),
            refused: RwSignal::new(None),
        }
    }

    /// Map `map` is shared by a session in which this user has `powers`; `None`: no session.
    pub fn set(&self, led: Option<(Id, Powers)>) {
        if self.led.with_untracked(|l| *l != led) {
            self.led.set(led);
        }
    }

    /// This user's powers over map `id`; `None` outside a session. Followed.
    pub fn powers(&self, id: &str) -> Option<Powers> {
        self.led
            .with(|l| l.as_ref().filter(|(m, _)| m == id).map(|(_, p)| *p))
    }

    /// Whether this user runs the voting rounds on map `id`: outside a session, anyone does.
    pub fn runs_rounds(&self, id: &str) -> bool {
        self.powers(id).is_none_or(|p| p.role == Role::Facilitator)
    }

    /// Whether this user may change map `id` beyond voting and commenting. Followed.
    pub fn may_edit(&self, id: &str) -> bool {
        self.powers(id).is_none_or(Powers::edits)
    }

    /// Why this user's last edit was refused by the session's rules, if it was. Followed.
    pub fn refused(&self) -> Option<Refusal> {
        self.refused.get()
    }

    /// Holds `edit` to the session's rules; a refusal is kept to be said.
    pub(super) fn check(&self, edit: &LibraryEdit) -> Result<(), EditError> {
        let outcome = self.led.with_untracked(|led| {
            let Some((id, powers)) = led else {
                return Ok(());
            };
            match edit {
                LibraryEdit::Map { id: map, edit } if map == id => powers.allows(edit),
                LibraryEdit::ReplaceMap { map } if map.id == *id => {
                    powers.held().map_or(Ok(()), Err)
                }
                _ => Ok(()),
            }
        });
        self.note(outcome.err());
        outcome.map_err(EditError::Workshop)
    }

    /// Whether undo and redo are held back: on a locked map, a step of this user's may be any
    /// edit, and only voting and commenting are open to them; a watcher has none.
    pub(super) fn holds_undo(&self) -> bool {
        let held = self
            .led
            .with_untracked(|led| led.as_ref().and_then(|(_, p)| p.held()));
        let holds = held.is_some();
        self.note(held);
        holds
    }

    fn note(&self, refusal: Option<Refusal>) {
        if self.refused.with_untracked(|r| *r != refusal) {
            self.refused.set(refusal);
        }
    }
}
