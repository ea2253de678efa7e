//! The autosave: a changed map is written about 300 ms after the last edit, at once when the
//! page is hidden or left, and again every few seconds while storage is full or failing.

use super::clock::{now, stamp};
use super::library::OpenLibrary;
use super::stored::Stored;
use crate::model::Id;
use crate::storage::SaveError;
use leptos::leptos_dom::helpers::{request_idle_callback, TimeoutHandle};
use leptos::prelude::*;
use std::collections::HashSet;
use std::time::Duration;

/// Edits are saved this long after the last one, so typing does not write on every key.
const SAVE_DELAY: Duration = Duration::from_millis(300);
/// A save that failed for want of room (or another passing fault) is tried again this often.
const RETRY_DELAY: Duration = Duration::from_secs(5);

#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Saved,
    Pending,
    /// The browser's storage is full; changes live only in this tab until a retry succeeds.
    Full,
    /// A newer version of the app stored a map; this tab will not write over it.
    Blocked,
    /// A newer release of the app has run in this browser; this tab writes nothing more.
    NewerApp,
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct Autosave {
    state: RwSignal<SaveState>,
    /// Maps changed here and not yet stored.
    dirty: StoredValue<HashSet<Id>>,
    /// Maps changed here since they were last downloaded as a file.
    unexported: StoredValue<HashSet<Id>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Who catches up with a map another tab stored first (the tab sync).
    on_stale: StoredValue<Option<Callback<Id>>>,
    library: OpenLibrary,
    stored: Stored,
}

impl Autosave {
    pub fn new(library: OpenLibrary, stored: Stored) -> Self {
        let newer_app = stored.with(|s| s.newer_app()).unwrap_or(false);
        Autosave {
            state: RwSignal::new(if newer_app {
                SaveState::NewerApp
            } else {
                SaveState::Saved
            }),
            dirty: StoredValue::new(HashSet::new()),
            unexported: StoredValue::new(HashSet::new()),
            timer: StoredValue::new(None),
            on_stale: StoredValue::new(None),
            library,
            stored,
        }
    }

    /// Hands maps that another tab stored first to `catch_up`, which keeps this tab's work.
    pub fn when_stale(&self, catch_up: Callback<Id>) {
        self.on_stale.set_value(Some(catch_up));
    }

    pub fn state(&self) -> SaveState {
        self.state.get()
    }

    /// A newer release of the app has run: nothing more is written.
    pub fn stop_for_newer_app(&self) {
        self.state.set(SaveState::NewerApp);
    }

    /// Map `id` changed here: it is saved soon.
    pub fn changed(&self, id: Id) {
        self.unexported.update_value(|u| {
            u.insert(id.clone());
        });
        self.dirty.update_value(|d| {
            d.insert(id);
        });
        self.state.set(SaveState::Pending);
        self.schedule(SAVE_DELAY);
    }

    /// Map `id` was opened for editing: once the page is idle, its first save is prepared, so
    /// that it is as quick as the next ones.
    pub fn opened(&self, id: Id) {
        let autosave = *self;
        request_idle_callback(move || {
            autosave.library.read_untracked(|library| {
                if let Some(map) = library.map(&id) {
                    autosave.stored.with(|store| store.get_ready_to_save(map));
                }
            })
        });
    }

    /// Whether map `id` has changes here that are not yet stored.
    pub fn is_unsaved(&self, id: &str) -> bool {
        self.dirty.with_value(|d| d.contains(id))
    }

    /// Whether leaving now would lose work: a map has changes that are neither stored nor in a
    /// file downloaded since.
    pub fn at_risk(&self) -> bool {
        self.dirty.with_value(|d| {
            self.unexported
                .with_value(|u| d.iter().any(|id| u.contains(id)))
        })
    }

    /// These maps were just downloaded as a file: their changes so far are safe in it.
    pub fn exported(&self, ids: &[Id]) {
        self.unexported.update_value(|u| {
            for id in ids {
                u.remove(id);
            }
        });
    }

    /// Map `id` is now as stored: nothing of it is left to save.
    pub fn settled(&self, id: &str) {
        self.dirty.update_value(|d| {
            d.remove(id);
        });
    }

    fn schedule(&self, delay: Duration) {
        let autosave = *self;
        let handle = set_timeout_with_handle(move || autosave.flush(), delay).ok();
        if let Some(old) = self
            .timer
            .try_update_value(|t| std::mem::replace(t, handle))
            .flatten()
        {
            old.clear();
        }
    }

    /// Saves every changed map and keeps the days' versions still held: for when the page may
    /// go away before it is idle again.
    pub fn flush_all(&self) {
        self.flush();
        self.keep_versions();
    }

    /// Keeps the days' versions that saves held (`Store::hold_daily`), away from the save.
    /// Measured only when something was held: the benchmark reads the latest measure.
    fn keep_versions(&self) {
        if self.stored.with(|store| store.holds_daily()) != Some(true) {
            return;
        }
        crate::ui::browser::timing::measure("journey-mapper:daily-version", || {
            self.stored.with(|store| store.keep_held(stamp()));
        });
    }

    /// Saves every changed map now. Maps that could not be saved stay marked for the next try.
    pub fn flush(&self) {
        if let Some(Some(timer)) = self.timer.try_update_value(Option::take) {
            timer.clear();
        }
        let dirty = self
            .dirty
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        if dirty.is_empty() {
            // What was waiting was settled meanwhile (another tab stored the same map).
            if self.state.with_untracked(|s| *s == SaveState::Pending) {
                self.state.set(SaveState::Saved);
            }
            return;
        }
        let mut unsaved = HashSet::new();
        let mut stale = Vec::new();
        let mut worst: Option<SaveError> = None;
        let mut held = false;
        crate::ui::browser::timing::measure("journey-mapper:save", || {
            self.library.read_untracked(|library| {
                self.stored.with(|store| {
                    for id in dirty {
                        let result = match library.map(&id) {
                            Some(map) => {
                                held |= store.hold_daily(&id, &now());
                                store.save(map)
                            }
                            None => store.delete(&id),
                        };
                        match result {
                            Ok(()) => {}
                            // Another tab got there first: catch up with it below, keeping ours.
                            Err(SaveError::Stale) => stale.push(id),
                            Err(e) => {
                                unsaved.insert(id);
                                // Tell about the most lasting fault: a newer app, then a blocked map.
                                let lasting = |e: &SaveError| match e {
                                    SaveError::NewerApp => 2,
                                    SaveError::Blocked => 1,
                                    _ => 0,
                                };
                                if worst.as_ref().is_none_or(|w| lasting(&e) >= lasting(w)) {
                                    worst = Some(e);
                                }
                            }
                        }
                    }
                })
            })
        });
        if held {
            let autosave = *self;
            request_idle_callback(move || autosave.keep_versions());
        }
        self.dirty.update_value(|d| d.extend(unsaved));
        // Another tab got there first: catch up with it, keeping this tab's work as a copy or
        // writing it back, before anything is called saved.
        let catch_up = self.on_stale.get_value();
        for id in stale {
            self.dirty.update_value(|d| {
                d.insert(id.clone());
            });
            if let Some(catch_up) = catch_up {
                catch_up.run(id);
            }
        }
        let state = match worst {
            // What catching up left to save (a copy kept, a map written back) is saved next.
            None if self.dirty.with_value(|d| !d.is_empty()) => SaveState::Pending,
            None => SaveState::Saved,
            Some(SaveError::Stale | SaveError::Blocked) => SaveState::Blocked,
            Some(SaveError::NewerApp) => SaveState::NewerApp,
            Some(SaveError::Quota) => SaveState::Full,
            Some(SaveError::Failed(message)) => SaveState::Failed(message),
        };
        match state {
            SaveState::Full | SaveState::Failed(_) => self.schedule(RETRY_DELAY),
            SaveState::Pending => self.schedule(SAVE_DELAY),
            _ => {}
        }
        // Only a new state wakes its views: a banner about the same fault stays as it is.
        if self.state.with_untracked(|s| *s != state) {
            self.state.set(state);
        }
    }
}
