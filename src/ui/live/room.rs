//! What comes from the room: what changed in it, read node by node as an import reads their
//! objects, or, when that is too much, its whole map read as an import is read (off the page's
//! thread, with a time limit); held to the session's rules and taken in — or refused, said, and
//! the room mended (`mend`).

use super::Live;
use crate::i18n::{Lang, Text};
use crate::model::exchange::Problem;
use crate::model::nodes::{Patch, Unfit};
use crate::model::outside::{Job, Outcome};
use crate::model::versions::Occasion;
use crate::model::workshop::Refusal;
use crate::model::{limits, EditError, Id, JourneyMap, LibraryEdit, Part};
use crate::ui::browser::reader::{self, ReadError};
use crate::ui::import::importer::MAX_BYTES;
use crate::ui::votes;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The most nodes of a refused read named as refused on their own (problems are capped alike).
const MAX_CULPRITS: usize = 100;

impl Live {
    /// Someone changed the room's map: take in what changed, read here as it is small; else
    /// read the whole map as an import is read — off the page's thread, stopped when it takes
    /// too long — and take it in.
    pub(super) fn receive(self, lang: Lang) {
        let Some(expected) = self
            .running
            .with_value(|r| r.as_ref().map(|r| r.map.clone()))
        else {
            return;
        };
        // This browser's last change may not have gone to the room yet: it goes first, so
        // that taking in the room's map cannot undo it.
        self.send();
        let changes = self.call("changes", &JsValue::UNDEFINED);
        if let Some(json) = changes.and_then(|c| c.as_string()) {
            if self.take_changes(&json, lang) {
                return;
            }
        }
        self.receive_whole(expected, lang);
    }

    /// Reads the room's whole map as an import is read, and takes it in.
    pub(super) fn receive_whole(self, expected: Option<Id>, lang: Lang) {
        let Some(read) = self.call("read", &JsValue::UNDEFINED) else {
            return;
        };
        // Null: not read yet (the session's worker says when it is).
        let Some(json) = read.dyn_ref::<js_sys::JsString>() else {
            if read.as_bool() == Some(false) {
                // Nodes holding a text too long are named: only they are repaired.
                let named = self
                    .call("named", &JsValue::UNDEFINED)
                    .and_then(|named| serde_json::from_str::<Vec<Id>>(&named.as_string()?).ok())
                    .unwrap_or_default();
                // Named: a text too long (the map was not read); else the map is too large.
                let why = if named.is_empty() {
                    lang.t(Text::LiveTooLarge).into()
                } else {
                    let max = limits::TEXT_MAX_CHARS.to_string();
                    lang.fill(Text::LiveTextTooLong, &[("max", &max)])
                };
                self.refuse_named(why, &named, lang);
            }
            return;
        };
        // Handed to the reader as it came, never copied into this module's memory and out
        // again: megabytes of it stopped the page's thread.
        if f64::from(json.length()) > MAX_BYTES {
            return self.refuse(lang.t(Text::LiveTooLarge).into(), lang);
        }
        let json = json.clone();
        let by_others = self.changed_by_others();
        let read = self.reads.get_value() + 1;
        self.reads.set_value(read);
        let edits = self.edits.get_value();
        leptos::task::spawn_local(async move {
            let outcome = reader::read(Job::LiveRoom, &json).await;
            // A later change of the room is read after this one: that read decides. A change
            // of this browser's meanwhile would be undone by this outcome: read again.
            if self.reads.get_value() != read || self.running.with_value(Option::is_none) {
                return;
            }
            if self.edits.get_value() != edits {
                return self.receive(lang);
            }
            let why = match outcome {
                Ok(Outcome::Maps { bundle, .. }) => match Outcome::maps(&bundle).pop() {
                    Some(map) if expected.as_ref().is_none_or(|id| *id == map.id) => {
                        match by_others.and_then(|()| self.allowed(&map, JourneyMap::check_update))
                        {
                            Err(refusal) => votes::refusal(&EditError::Workshop(refusal), lang),
                            Ok(()) => {
                                self.accepted();
                                return self.take_in(map, None, lang);
                            }
                        }
                    }
                    _ => lang.t(Text::LiveNotThisMap).into(),
                },
                Ok(Outcome::Refused(problems)) => listed(&problems, lang),
                Ok(_) => lang.t(Text::LiveNotThisMap).into(),
                Err(error @ ReadError::TooSlow) => lang.t(error.reason()).into(),
                // Nothing is known of the room's map: it is neither taken in nor written over.
                Err(error @ ReadError::Unavailable) => {
                    return self.problem.set(Some(lang.t(error.reason()).into()));
                }
            };
            self.refuse(why, lang);
        });
    }

    /// Takes in what changed in the room (`json`, a patch of its nodes), or says false where it
    /// does not fit this browser's map: the room's whole map is read then.
    fn take_changes(self, json: &str, lang: Lang) -> bool {
        let Some(id) = self.map.get_untracked() else {
            return false;
        };
        let Ok(patch) = serde_json::from_str::<Patch>(json) else {
            return false;
        };
        let by_others = self.changed_by_others();
        let applied = self
            .session
            .library
            .read_untracked(|l| l.map(&id).map(|mine| patch.apply(mine)));
        let why = match applied {
            None | Some(Err(Unfit::Whole)) => return false,
            Some(Err(Unfit::Refused(problems))) => listed(&problems, lang),
            Some(Err(Unfit::Rule(refusal))) => votes::refusal(&EditError::Workshop(refusal), lang),
            Some(Ok((map, parts))) => {
                match by_others.and_then(|()| self.allowed(&map, JourneyMap::check_changes)) {
                    Err(refusal) => votes::refusal(&EditError::Workshop(refusal), lang),
                    Ok(()) => {
                        self.accepted();
                        self.take_in(map, Some(parts), lang);
                        return true;
                    }
                }
            }
        };
        // What of it no browser of the app writes is named: the mending writes back or takes
        // out only that, with whatever else its writers added (`culprits` in
        // js/live-worker.js).
        let named = (self.session.library)
            .read_untracked(|l| Some(patch.culprits(l.map(&id)?, MAX_CULPRITS)))
            .unwrap_or_default();
        self.refuse_named(why, &named, lang);
        true
    }

    /// Whether the room's `map` may follow this browser's: each is well formed, as the reader
    /// checked, but not every step between two is (dots given in a round that had ended).
    /// `check` is [`JourneyMap::check_update`], or where what each id names was checked as it
    /// arrived, [`JourneyMap::check_changes`].
    pub(super) fn allowed(self, map: &JourneyMap, check: Check) -> Result<(), Refusal> {
        let people = self.names();
        self.session
            .library
            .read_untracked(|l| l.map(&map.id).map(|mine| check(mine, map, &people)))
            .unwrap_or(Ok(()))
    }

    /// Takes in the room's `map`, which changed in `parts` (none: not known; worked out here).
    pub(super) fn take_in(self, map: JourneyMap, parts: Option<Vec<Part>>, lang: Lang) {
        let was_large = self.large.try_update_value(std::mem::take) == Some(true);
        let id = map.id.clone();
        let library = self.session.library;
        // Only what changed: its views run again, and this user's undo steps stay.
        let parts = match parts {
            Some(parts) => Some(parts),
            None => library.read_untracked(|l| l.map(&id).map(|m| m.changed_parts(&map))),
        };
        if was_large {
            // Taken out of the room before this browser read it (another's browser refused a
            // flood first): said, where clearing the notice left its reader told nothing.
            let gone = parts.as_ref().is_some_and(Vec::is_empty);
            self.problem
                .set(gone.then(|| lang.t(Text::LiveLargeGone).to_owned()));
        }
        // Joining (again) a room whose map this browser has, and has otherwise: what it has may
        // never have reached the room (written offline, then reloaded; typed as the links were
        // renewed), so it is kept as a version before the room's takes its place.
        let joining = self.map.get_untracked().is_none();
        if joining && parts.as_ref().is_some_and(|p| !p.is_empty()) {
            let name = lang.t(Text::KeptBeforeJoining);
            if self
                .session
                .keep_version(&id, Occasion::Named, name)
                .is_some()
            {
                let said = lang.fill(Text::KeptBeforeJoiningSaid, &[("name", name)]);
                self.problem.set(Some(said));
            }
        }
        if let Some(edit) = LibraryEdit::taking_in(map, parts) {
            self.receiving.set_value(true);
            let received = library.receive(edit).is_ok();
            self.receiving.set_value(false);
            if received {
                self.session.autosave.changed(id.clone());
            }
        }
        if self.map.get_untracked().as_ref() != Some(&id) {
            self.running.update_value(|r| {
                if let Some(r) = r {
                    r.map = Some(id.clone());
                }
            });
            self.map.set(Some(id));
        }
    }
}

/// Why the room's map was refused: its problems, as a file's are listed.
fn listed(problems: &[Problem], lang: Lang) -> String {
    let listed: Vec<String> = problems.iter().map(|p| p.message(lang)).collect();
    listed.join(" · ")
}

/// A rule between two states of a map (`JourneyMap::check_update`, `check_changes`).
type Check = fn(&JourneyMap, &JourneyMap, &[String]) -> Result<(), Refusal>;
