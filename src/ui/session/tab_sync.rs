//! Tab sync and kept copies: other tabs of this app save maps too. Their saves enter through
//! the library's seam for outside edits; where both tabs changed the same map, the later save
//! wins and this tab's version is kept as a copy the user is told about. A map that vanishes
//! from storage without being deleted (the site's data cleared, the browser making room) is
//! written back from this tab, and the user told.

use super::autosave::Autosave;
use super::clock::{new_map_id, stamp};
use super::library::OpenLibrary;
use super::settings::Settings;
use super::stored::Stored;
use crate::i18n::Text;
use crate::model::{limits, JourneyMap, LibraryEdit};
use crate::storage::{External, Store};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct TabSync {
    /// Titles of maps kept as copies because another tab changed the same map.
    kept_copies: RwSignal<Vec<String>>,
    /// Titles of maps that vanished from storage and are written back from this tab.
    written_back: RwSignal<Vec<String>>,
    library: OpenLibrary,
    autosave: Autosave,
    settings: Settings,
    stored: Stored,
}

impl TabSync {
    pub fn new(
        library: OpenLibrary,
        autosave: Autosave,
        settings: Settings,
        stored: Stored,
    ) -> Self {
        let sync = TabSync {
            kept_copies: RwSignal::new(Vec::new()),
            written_back: RwSignal::new(Vec::new()),
            library,
            autosave,
            settings,
            stored,
        };
        autosave.when_stale(Callback::new(move |id: String| sync.sync(&id)));
        sync
    }

    /// Titles of maps kept as copies, until the user has read about them.
    pub fn kept_copies(&self) -> RwSignal<Vec<String>> {
        self.kept_copies
    }

    /// Titles of maps written back after they vanished, until the user has read about them.
    pub fn written_back(&self) -> RwSignal<Vec<String>> {
        self.written_back
    }

    /// Catches up with what another tab stored for map `id`. Without unsaved changes here the
    /// stored version simply replaces this tab's; with them, it still does (the later save
    /// wins), and this tab's version is kept as a copy that the user is told about.
    pub fn sync(&self, id: &str) {
        let Some(external) = self.stored.with(|s| s.read_external(id, stamp())).flatten() else {
            return;
        };
        let unsaved = self.autosave.is_unsaved(id);
        match external {
            External::Changed { rev, map } => self.take_in(id, rev, map, unsaved),
            // This tab's save was stored over at the same moment: its work is kept as a copy,
            // like unsaved work.
            External::Overwritten { rev, map } => self.take_in(id, rev, map, true),
            // Deleted elsewhere: unsaved work here is kept; the save already pending for it
            // (debounced or retried) writes it back.
            External::Removed if unsaved => {
                self.stored.with(|s| s.adopt(id, None));
            }
            External::Removed => {
                let _ = self
                    .library
                    .receive(LibraryEdit::RemoveMap { id: id.into() });
                self.stored.with(|s| s.adopt(id, None));
            }
            // Gone without being deleted: this tab's copy is all there is now.
            External::Vanished => {
                if let Some(title) = self.write_back(id) {
                    self.written_back.update(|w| w.push(title));
                }
            }
            External::Newer => self.stored.found_newer(),
            // Told about as at the start, with the damaged text offered for download.
            External::SetAside { entry, why } => {
                self.stored.set_aside(entry, why);
                self.write_back(id);
            }
        }
    }

    /// Shows what another tab stored for map `id` (revision `rev`), first keeping this tab's
    /// version as a copy where `keep_mine` and it differs (two tabs writing back the same map
    /// after the site's data was cleared need no copy).
    fn take_in(&self, id: &str, rev: u64, map: JourneyMap, keep_mine: bool) {
        if keep_mine && self.library.read_untracked(|l| l.map(id) != Some(&map)) {
            self.keep_copy(id);
        }
        // Where this tab has the map, the parts in which the stored one differs: only their views
        // run again (a whole map taken in drew every card of the large map again for each
        // keystroke saved in the other tab), and this user's undo steps on the map stay.
        let parts = self
            .library
            .read_untracked(|l| Some(l.map(id)?.changed_parts(&map)));
        if let Some(edit) = LibraryEdit::taking_in(map, parts) {
            let _ = self.library.receive(edit);
        }
        self.stored.with(|s| s.adopt(id, Some(rev)));
        self.autosave.settled(id);
    }

    /// Stores this tab's map `id` again where what was stored for it is gone; its title.
    fn write_back(&self, id: &str) -> Option<String> {
        self.stored.with(|s| s.adopt(id, None));
        let title = self
            .library
            .read_untracked(|l| Some(l.map(id)?.title.clone()))?;
        self.autosave.changed(id.into());
        Some(title)
    }

    /// This tab's version of map `id`, added under a new id with a title that says where it came
    /// from, and saved soon.
    fn keep_copy(&self, id: &str) {
        let lang = self.settings.lang_untracked();
        let copy = self.library.read_untracked(|library| {
            let mut mine = library.map(id)?.clone();
            mine.id = new_map_id(|id| library.map(id).is_some());
            mine.title =
                limits::fit_title(format!("{} ({})", mine.title, lang.t(Text::FromThisTab)));
            Some(mine)
        });
        let Some(copy) = copy else { return };
        let (copy_id, title) = (copy.id.clone(), copy.title.clone());
        let kept = LibraryEdit::InsertMap {
            index: 0,
            map: Box::new(copy),
        };
        if self.library.receive(kept).is_ok() {
            self.kept_copies.update(|k| k.push(title));
            self.autosave.changed(copy_id);
        }
    }

    /// Catches up with everything other tabs changed while this one was not looking.
    pub fn sync_all(&self) {
        for id in self.stored.with(|s| s.outdated()).unwrap_or_default() {
            self.sync(&id);
        }
    }

    /// Another tab started a release of the app: if it is newer than this one, stop writing.
    pub fn check_app_version(&self) {
        if self.stored.with(Store::newer_app) == Some(true) {
            self.autosave.stop_for_newer_app();
        }
    }
}
