//! What this browser changed in the shared map goes to the room: the nodes of the parts each
//! change touched, gathered over one turn (a keystroke may be several edits).

use super::Live;
use crate::model::nodes::Patch;
use crate::model::{Id, Part};
use leptos::prelude::*;

/// What this browser changed in the shared map and has not sent yet.
#[derive(Default)]
pub(super) struct Unsent {
    parts: Vec<Part>,
    whole: bool,
    /// A send is on its way: the next change joins it.
    scheduled: bool,
}

impl Live {
    /// A change of this tab's maps (`parts`; none: the whole map): what it changed in the shared
    /// map goes to the room once this turn's changes are all made.
    pub(super) fn changed(self, id: &Id, parts: Option<&[Part]>) {
        if self.receiving.get_value() || self.map.get_untracked().as_ref() != Some(id) {
            return;
        }
        self.edits.update_value(|n| *n += 1);
        let mut schedule = false;
        self.unsent.update_value(|unsent| {
            let unsent = unsent.get_or_insert_default();
            schedule = !std::mem::replace(&mut unsent.scheduled, true);
            match parts {
                Some(parts) => {
                    for part in parts {
                        if !unsent.parts.contains(part) {
                            unsent.parts.push(part.clone());
                        }
                    }
                }
                None => unsent.whole = true,
            }
        });
        if schedule {
            wasm_bindgen_futures::spawn_local(async move { self.send() });
        }
    }

    /// Sends the room what this browser changed and has not sent yet: the nodes of the parts
    /// it touched, or the whole map.
    pub(super) fn send(self) {
        let Some(unsent) = self.unsent.try_update_value(Option::take).flatten() else {
            return;
        };
        let Some(id) = self.map.get_untracked() else {
            return;
        };
        let patch = self.session.library.read_untracked(|l| {
            let map = l.map(&id)?;
            let patch = match unsent.whole {
                true => Patch::whole(map),
                false => Patch::of(map, &unsent.parts),
            };
            serde_json::to_string(&patch).ok()
        });
        let Some(patch) = patch else {
            return;
        };
        // Where the room cannot take it as it is, the session asks for the whole map
        // (`onWhole`).
        self.call("change", &patch.into());
    }
}
