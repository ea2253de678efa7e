//! The facilitator's side of a live session: how the one who started it runs it (the lock,
//! bringing everyone to a place, the timer, the end), told by the room and held by every
//! browser, and the check of what others than the facilitator changed in the room's map.

use super::Live;
use crate::i18n::{Lang, Text};
use crate::model::facilitation::{Control, Follow, Node, Powers, Role};
use crate::model::timer::Countdown;
use crate::model::workshop::Refusal;
use crate::model::Id;
use leptos::prelude::*;
use serde::Deserialize;
use wasm_bindgen::JsValue;

/// What the script says beside the control itself.
#[derive(Default, Deserialize)]
struct Told {
    /// This browser facilitates.
    #[serde(default)]
    me: bool,
    /// Someone else changed the control, and it was put back.
    #[serde(default)]
    refused: bool,
}

impl Live {
    /// Keeps this user's powers over the shared map as the room's control gives them.
    pub(super) fn guard(self) {
        Effect::new(move |_| {
            let powers = Powers {
                role: if self.watching.get() {
                    Role::Watcher
                } else if self.leads.get() {
                    Role::Facilitator
                } else {
                    Role::Participant
                },
                locked: self.control.with(|c| c.locked),
            };
            self.session
                .guard
                .set(self.map.get().map(|id| (id, powers)));
        });
    }

    /// The room told how the session is run now (`json`: the control, with [`Told`]).
    pub(super) fn told(self, json: &str, lang: Lang) {
        let told: Told = serde_json::from_str(json).unwrap_or_default();
        let control = Control::from_room(json);
        if told.refused {
            self.problem.set(Some(lang.t(Text::ControlRefused).into()));
        }
        if control.ended && !told.me {
            let name = control.facilitator.clone();
            // Someone joining after the end never had the map: nothing of it stays with them.
            let text = match self.map.get_untracked() {
                Some(_) => Text::SessionEnded,
                None => Text::SessionEndedBefore,
            };
            // Not from inside the script's call: leaving ends the document that is calling.
            leptos::task::spawn_local(async move {
                self.leave();
                self.problem.set(Some(lang.fill(text, &[("name", &name)])));
            });
            return;
        }
        if self.leads.get_untracked() != told.me {
            self.leads.set(told.me);
            // A reload keeps this browser's client id in the room only where it leads.
            self.keep();
        }
        if self.control.with_untracked(|c| *c != control) {
            self.control.set(control);
        }
    }

    /// How the facilitator runs the session. Followed.
    pub fn control(self) -> Control {
        self.control.get()
    }

    /// Whether this browser facilitates the session. Followed.
    pub fn leads(self) -> bool {
        self.leads.get()
    }

    /// Whether this user follows where the facilitator brings everyone. Followed.
    pub fn following(self) -> bool {
        self.following.get()
    }

    /// Follows the facilitator again, or stops.
    pub fn follow(self, on: bool) {
        self.following.set(on);
    }

    /// Whether everyone follows the card the facilitator opens. Followed.
    pub fn leading(self) -> bool {
        self.leading.get()
    }

    /// Has everyone follow the card the facilitator opens, or stops.
    pub fn lead(self, on: bool) {
        self.leading.set(on);
        if !on {
            self.bring(None);
        }
    }

    /// Locks the map (the others may only vote and comment) or unlocks it.
    pub fn lock(self, locked: bool) {
        self.set(serde_json::json!({ "locked": locked }));
    }

    /// Brings everyone to card or phase `target`; `None`: no longer leads.
    pub fn bring(self, target: Option<Id>) {
        let seq = self
            .control
            .with_untracked(|c| c.follow.as_ref().map_or(0, |f| f.seq))
            + 1;
        let follow = target.map(|target| Follow { target, seq });
        self.set(serde_json::json!({ "follow": follow }));
    }

    /// Shows `countdown` as the timer of everyone in the session.
    pub fn share_timer(self, countdown: Countdown) {
        if self.control.with_untracked(|c| c.timer != Some(countdown)) {
            self.set(serde_json::json!({ "timer": countdown }));
        }
    }

    /// Ends the session for everyone: each keeps their copy of the map. The facilitator leaves
    /// last, once the end is written into the room.
    pub fn end_for_all(self, lang: Lang) {
        if !self.owner_connected(lang) {
            return;
        }
        self.set(serde_json::json!({ "ended": true }));
        // After the end, which the others see first: the server deletes the room.
        self.call("close", &JsValue::UNDEFINED);
        self.leave();
    }

    fn set(self, control: serde_json::Value) {
        if self.leads.get_untracked() {
            self.call("control", &JsValue::from_str(&control.to_string()));
        }
    }

    /// What someone other than the facilitator changed in the room's map since this browser
    /// last took it in, held to the session's rules: asked right after reading the map, of
    /// which it speaks.
    pub(super) fn changed_by_others(self) -> Result<(), Refusal> {
        let lists: Vec<String> = self
            .call("touched", &JsValue::UNDEFINED)
            .and_then(|t| t.as_string())
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default();
        let powers = Powers {
            role: Role::Participant,
            locked: self.control.with_untracked(|c| c.locked),
        };
        powers.allows_changes(lists.iter().map(|l| Node::in_list(l)))
    }
}
