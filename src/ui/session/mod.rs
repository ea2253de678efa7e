//! The state one tab works on, in parts, each with one job: the open library with undo and
//! redo (`library`, reached by typed `topic`s), the `autosave`, the `tab_sync` with kept copies,
//! the `settings`, the `stored` data's handle and health, the `clock` with new ids, and what the
//! editor (`open_map`) and the versions page (`map_versions`) work on.
//! [`Session`] joins them: every edit of this user goes through [`Session::apply`].

mod autosave;
pub mod clock;
mod guard;
mod library;
pub mod map_versions;
pub mod open_map;
mod settings;
mod stored;
mod tab_sync;
mod topic;

pub use autosave::SaveState;
pub use guard::Guard;
pub use settings::Settings;
pub use topic::Topic;

use crate::i18n::Text;
use crate::model::versions::{Occasion, Version};
use crate::model::{limits, EditError, Id, JourneyMap, LibraryEdit};
use crate::storage::SaveError;
use autosave::Autosave;
use library::OpenLibrary;
use stored::Stored;
use tab_sync::TabSync;

#[derive(Clone, Copy)]
pub struct Session {
    pub library: OpenLibrary,
    pub autosave: Autosave,
    pub tab_sync: TabSync,
    pub settings: Settings,
    pub stored: Stored,
    /// The rules of a live session's facilitator, held before any edit of this user's.
    pub guard: Guard,
}

/// How a map joins the library, which decides its id, title and creation time.
#[derive(Clone, Copy, PartialEq)]
pub enum Joining {
    /// New, blank or from a template: created now.
    Created,
    /// A copy of a map in the library: its own id, "Copy of" its title, created now.
    Duplicated,
    /// From a file: as it came, with an id of its own if its id is taken.
    Imported,
    /// Saved from a share link: as it came, under an id of its own.
    Shared,
}

impl Session {
    /// Reads all stored data; only then can anything be written.
    pub fn open(settings: Settings) -> Self {
        let (stored, library) = Stored::open();
        let library = OpenLibrary::new(library);
        let autosave = Autosave::new(library, stored);
        Session {
            library,
            autosave,
            tab_sync: TabSync::new(library, autosave, settings, stored),
            settings,
            stored,
            guard: Guard::new(),
        }
    }

    /// Applies one edit of this user's as an undoable step; the map it changed is saved soon.
    pub fn apply(&self, edit: LibraryEdit) -> Result<(), EditError> {
        self.guard.check(&edit)?;
        let change = self.library.apply(edit)?;
        self.autosave.changed(change.map);
        Ok(())
    }

    /// Like [`Session::apply`], then offers to undo it with a notice naming `what`.
    pub fn delete(&self, edit: LibraryEdit, what: String) -> Result<(), EditError> {
        self.guard.check(&edit)?;
        let change = self.library.delete(edit, what)?;
        self.autosave.changed(change.map);
        Ok(())
    }

    pub fn undo(&self) {
        if self.guard.holds_undo() {
            return;
        }
        if let Some(change) = self.library.undo() {
            self.autosave.changed(change.map);
        }
    }

    pub fn redo(&self) {
        if self.guard.holds_undo() {
            return;
        }
        if let Some(change) = self.library.redo() {
            self.autosave.changed(change.map);
        }
    }

    /// Notes that these maps were just downloaded as JSON, for the backup reminder.
    pub fn mark_exported(&self, ids: impl IntoIterator<Item = Id>) {
        let ids: Vec<Id> = ids.into_iter().collect();
        self.autosave.exported(&ids);
        let known = self
            .library
            .read_untracked(|l| l.maps.iter().map(|m| m.id.clone()).collect());
        self.settings.mark_exported(ids, known);
    }

    /// Keeps map `id` as it is now (unsaved changes included) as a version.
    pub fn keep_version(&self, id: &str, occasion: Occasion, name: &str) -> Option<Version> {
        let kept = self.library.read_untracked(|library| {
            let map = library.map(id)?;
            self.stored.with(|store| {
                store.keep_version(map, occasion, name, &clock::now(), clock::stamp())
            })
        });
        kept.and_then(Result::<Version, SaveError>::ok)
    }

    /// Puts `map` in the place of the map with its id (an import that replaces it, a version
    /// restored) as one undoable step, after keeping the map it replaces as a version.
    pub fn replace_map(&self, map: JourneyMap, occasion: Occasion) -> Result<(), EditError> {
        // Best effort: a full store must not stop the user from getting their map back, and
        // undo still holds what was replaced.
        let _ = self.keep_version(&map.id, occasion, "");
        self.apply(LibraryEdit::ReplaceMap { map: Box::new(map) })
    }

    /// The one way a map joins the library (new, from a template, duplicated, imported, or a
    /// shared map's copy): one undoable step that puts it first. Returns its id.
    pub fn add_map(&self, mut map: JourneyMap, joining: Joining) -> Result<Id, EditError> {
        let lang = self.settings.lang_untracked();
        self.library.read_untracked(|library| {
            let taken = |id: &str| library.map(id).is_some();
            let own_id = matches!(joining, Joining::Duplicated | Joining::Shared);
            if own_id || map.id.is_empty() || taken(&map.id) {
                map.id = clock::new_map_id(taken);
            }
        });
        if joining == Joining::Duplicated {
            map.title = limits::fit_title(format!("{} {}", lang.t(Text::CopyOf), map.title));
        }
        if matches!(joining, Joining::Created | Joining::Duplicated) {
            map.created_at = clock::now();
        }
        let id = map.id.clone();
        self.apply(LibraryEdit::InsertMap {
            index: 0,
            map: Box::new(map),
        })?;
        Ok(id)
    }
}
