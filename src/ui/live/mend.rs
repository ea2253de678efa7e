//! A refused read of the room, said, and the room mended with this browser's map: only the
//! nodes refused on their own where they are named, else the whole map.

use super::Live;
use crate::i18n::{Lang, Text};
use crate::model::nodes::Patch;
use crate::model::{Id, JourneyMap};
use crate::ui::browser::frame;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// How many reads running may be refused and repaired node by node: a writer that keeps
/// writing a wrong value is repaired each time, as a repaired read is taken in before its
/// next; were a repair ever to mend nothing, the whole map is written back after these.
const MAX_REPAIRS: u32 = 8;

impl Live {
    /// Refuses a read of what changed in the room, in which `named` were refused on their own
    /// (no browser of the app writes them): the mending writes back or takes out only those,
    /// with whatever else their writers added (`culprits` in js/live-worker.js).
    pub(super) fn refuse_named(self, why: String, named: &[Id], lang: Lang) {
        let repair = !named.is_empty() && self.repairs.get_value() < MAX_REPAIRS;
        let named = serde_json::to_string(named).unwrap_or_default();
        self.call("culprits", &named.into());
        self.mend(why, repair, lang);
    }

    /// This browser took in the room's map as last read: the mending, if any, is over.
    pub(super) fn accepted(self) {
        self.mending.set_value(false);
        self.repairs.set_value(0);
        self.call("accept", &JsValue::UNDEFINED);
    }

    /// The shared map as this browser has it, as the room's JSON.
    pub(super) fn local_json(self, id: Option<&Id>) -> Option<String> {
        let id = id?;
        self.session
            .library
            .read_untracked(|l| l.map(id).map(map_json))
    }

    /// Says why the room's map was refused, and gives the room this browser's map back, which
    /// mends what was refused: first keeping what only the room has (someone's good new card),
    /// then, if the room's map is refused again, taking out what the most suspect writer added
    /// (a client that is not the app before a participant, the largest first: see `suspect` in
    /// js/live-worker.js), one writer at a time, until the room holds only this map.
    pub(super) fn refuse(self, why: String, lang: Lang) {
        self.mend(why, false, lang);
    }

    /// Says why the room's map was refused, and has the room mended with this browser's map:
    /// whole, as [`Live::refuse`] says, or with `repair`, only the nodes named as refused on
    /// their own, given back as this browser has them (those it has not go, with what their
    /// writers added: `repair` in js/live-worker.js), every other change of the room's
    /// standing (someone typing meanwhile, whose text a whole mending would set back). A read
    /// refused so [`MAX_REPAIRS`] times running is mended whole.
    fn mend(self, why: String, repair: bool, lang: Lang) {
        self.large.set_value(false);
        self.problem
            .set(Some(format!("{} {why}", lang.t(Text::LiveRefused))));
        let id = self.running.with_value(|r| r.as_ref()?.map.clone());
        let how = if repair {
            self.repairs.update_value(|repairs| *repairs += 1);
            "repair"
        } else {
            let cut = self.mending.get_value();
            self.mending.set_value(!cut);
            if cut {
                "cut"
            } else {
                "restore"
            }
        };
        // A read of the room begun before the mending is not what the room holds after it:
        // refused (it may hold what was refused), it would mend again, and cut a participant.
        self.reads.update_value(|read| *read += 1);
        // In a task of its own: what was refused may be large, and reading it took a while.
        // The map as it is then: a keystroke typed meanwhile reached the room before this, and
        // a map read before it would write that keystroke away again.
        frame::after_next_frame(move || {
            let Some(json) = self.local_json(id.as_ref()) else {
                return;
            };
            self.call(how, &json.into());
            if repair {
                // What changed is read next: a refusal names the wrong nodes again.
                self.receive(lang);
            } else {
                // Read the mended room at once, whole (what only the room had may stay, and
                // may be what was refused): a hostile client may write nothing more, and a
                // late joiner must not be handed what was refused.
                self.receive_whole(id, lang);
            }
        });
    }
}

/// Every node of `map`, as the room's patch JSON.
fn map_json(map: &JourneyMap) -> String {
    serde_json::to_string(&Patch::whole(map)).unwrap_or_default()
}
