//! The state one tab works on: the library, how saving goes, and the interface language.
//! Every change goes through [`Session::apply`], which also schedules the autosave.

use crate::i18n::Lang;
use crate::model::{limits, Change, EditError, History, Id, Library, LibraryEdit};
use crate::storage::{
    request_persistence, Backend, Browser, External, Memory, OpenReport, SaveError, Store,
};
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::{BTreeMap, HashMap, HashSet};
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
pub struct Session {
    pub library: RwSignal<Library>,
    pub lang: RwSignal<Lang>,
    pub save_state: RwSignal<SaveState>,
    /// What opening storage found: set-aside entries and maps from a newer version.
    pub report: RwSignal<OpenReport>,
    /// False when the browser refused storage and maps live only in this tab.
    pub persistent: bool,
    pub bytes_used: RwSignal<usize>,
    /// Whether the browser promised to keep the data; `None` until it answers.
    pub persisted: RwSignal<Option<bool>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// What was just deleted, named for the "Undo" notice; cleared by the next edit.
    pub deleted: RwSignal<Option<String>>,
    /// The larger-type view for reading at a distance.
    pub large_type: RwSignal<bool>,
    /// Titles of maps kept as copies because another tab changed the same map.
    pub kept_copies: RwSignal<Vec<String>>,
    /// When each map was last exported as JSON (RFC 3339), for the backup reminder.
    pub exported: RwSignal<BTreeMap<Id, String>>,
    /// The backup reminder stays away until this time (RFC 3339; empty: not snoozed).
    pub backup_snoozed_until: RwSignal<String>,
    history: StoredValue<History>,
    /// One trigger for each part of the open map a view follows (see `Edit::touches`), so an
    /// edit wakes only the views of what it changed, however large the map.
    parts: StoredValue<HashMap<String, ArcTrigger>>,
    store: StoredValue<Store, LocalStorage>,
    dirty: StoredValue<HashSet<Id>>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

/// This tab's version of a map another tab also changed, under a new id and a title that says
/// where it came from.
fn kept_copy(
    mut mine: crate::model::JourneyMap,
    library: &Library,
    lang: Lang,
) -> crate::model::JourneyMap {
    mine.id = super::library_page::new_map_id(|id| library.map(id).is_some());
    let title = format!(
        "{} ({})",
        mine.title,
        lang.t(crate::i18n::Text::FromThisTab)
    );
    mine.title = title.chars().take(limits::TITLE_MAX_CHARS).collect();
    mine
}

/// Now, as an RFC 3339 time in UTC.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A moment (`js_sys::Date` input: an RFC 3339 text or milliseconds) as people read it in `lang`,
/// to the minute.
pub fn local_time(when: &wasm_bindgen::JsValue, lang: Lang) -> String {
    let options = js_sys::Object::new();
    for (key, value) in [("dateStyle", "medium"), ("timeStyle", "short")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    String::from(js_sys::Date::new(when).to_locale_string(lang.code(), &options))
}

impl Session {
    /// Reads all stored data; only then can anything be written.
    pub fn open() -> Self {
        let browser = Browser::open().map(|b| Box::new(b) as Box<dyn Backend>);
        let stamp = js_sys::Date::now() as u64;
        let opened = browser
            .and_then(|b| Store::open(b, stamp).ok())
            .unwrap_or_else(|| {
                Store::open(Box::new(Memory::default()), stamp).expect("memory never fails")
            });
        let (mut store, library, report) = opened;
        let newer_app = store.newer_app();
        let lang = store
            .setting("language")
            .map(|code| Lang::from_tag(&code))
            .or_else(|| {
                web_sys::window()?
                    .navigator()
                    .language()
                    .map(|tag| Lang::from_tag(&tag))
            })
            .unwrap_or(Lang::En);
        let large_type = store.setting("large-type").as_deref() == Some("on");
        let exported = store
            .setting("exported")
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        let snoozed = store.setting("backup-snoozed-until").unwrap_or_default();
        let session = Session {
            library: RwSignal::new(library),
            lang: RwSignal::new(lang),
            save_state: RwSignal::new(if newer_app {
                SaveState::NewerApp
            } else {
                SaveState::Saved
            }),
            report: RwSignal::new(report),
            persistent: store.is_persistent(),
            bytes_used: RwSignal::new(store.bytes_used()),
            persisted: RwSignal::new(None),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            deleted: RwSignal::new(None),
            large_type: RwSignal::new(large_type),
            kept_copies: RwSignal::new(Vec::new()),
            exported: RwSignal::new(exported),
            backup_snoozed_until: RwSignal::new(snoozed),
            history: StoredValue::new(History::default()),
            parts: StoredValue::new(HashMap::new()),
            store: StoredValue::new_local(store),
            dirty: StoredValue::new(HashSet::new()),
            timer: StoredValue::new(None),
        };
        if session.persistent {
            spawn_local(async move { session.persisted.set(request_persistence().await) });
        }
        session
    }

    /// Applies one edit as an undoable step and schedules saving the map it changed.
    pub fn apply(&self, edit: LibraryEdit) -> Result<(), EditError> {
        self.change(|library, history| history.apply(library, edit))?;
        self.deleted.set(None);
        Ok(())
    }

    /// Like [`Session::apply`], then offers to undo it with a notice naming `what`.
    pub fn delete(&self, edit: LibraryEdit, what: String) -> Result<(), EditError> {
        self.apply(edit)?;
        self.deleted.set(Some(what));
        Ok(())
    }

    pub fn undo(&self) {
        let _ = self.change(|library, history| history.undo(library).ok_or(()));
        self.deleted.set(None);
    }

    pub fn redo(&self) {
        let _ = self.change(|library, history| history.redo(library).ok_or(()));
    }

    /// Ends the current typing step, so the next keystroke in a field is a new undo step.
    pub fn seal(&self) {
        self.history.update_value(History::seal);
    }

    /// Runs `step` on the library and history; on success the map it changed is stamped with
    /// the time and saved soon, and the views of the parts it touched are woken.
    fn change<E>(
        &self,
        step: impl FnOnce(&mut Library, &mut History) -> Result<Change, E>,
    ) -> Result<(), E> {
        let mut result = None;
        self.history.update_value(|history| {
            self.library.update(|library| {
                let changed = step(library, history);
                if let Ok(change) = &changed {
                    if let Some(map) = library.map_mut(&change.map) {
                        map.updated_at = now();
                    }
                }
                result = Some(changed);
            });
            self.can_undo.set(history.can_undo());
            self.can_redo.set(history.can_redo());
        });
        let change = result.expect("the history lives as long as the app")?;
        self.parts.with_value(|parts| {
            // A whole map added, removed or replaced: every view follows.
            if change.touched.is_empty() {
                parts.values().for_each(ArcTrigger::notify);
            }
            for part in change.touched.iter().filter_map(|key| parts.get(key)) {
                part.notify();
            }
        });
        self.dirty.update_value(|d| {
            d.insert(change.map);
        });
        self.save_state.set(SaveState::Pending);
        self.schedule(SAVE_DELAY);
        Ok(())
    }

    /// Makes the running view or memo follow one part of the open map (see `Edit::touches`).
    pub fn track(&self, part: &str) {
        let known = self
            .parts
            .with_value(|parts| parts.get(part).map(|t| t.track()).is_some());
        if !known {
            let trigger = ArcTrigger::new();
            trigger.track();
            self.parts.update_value(|parts| {
                parts.insert(part.to_owned(), trigger);
            });
        }
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        self.remember("language", lang.code());
    }

    pub fn set_large_type(&self, on: bool) {
        self.large_type.set(on);
        self.remember("large-type", if on { "on" } else { "off" });
    }

    /// Another tab started a release of the app: if it is newer than this one, stop writing.
    pub fn check_app_version(&self) {
        if self.store.try_update_value(Store::newer_app) == Some(true) {
            self.save_state.set(SaveState::NewerApp);
        }
    }

    /// Notes that these maps were just downloaded as JSON: the user has a copy outside the browser.
    pub fn mark_exported(&self, ids: impl IntoIterator<Item = Id>) {
        let at = now();
        let known: HashSet<Id> = self
            .library
            .with_untracked(|l| l.maps.iter().map(|m| m.id.clone()).collect());
        self.exported.update(|exported| {
            exported.extend(ids.into_iter().map(|id| (id, at.clone())));
            // Maps deleted since are forgotten, so the setting does not grow forever.
            exported.retain(|id, _| known.contains(id));
        });
        let text = self
            .exported
            .with_untracked(|e| serde_json::to_string(e).unwrap_or_default());
        self.remember("exported", &text);
    }

    /// Keeps the backup reminder away for a day.
    pub fn snooze_backup(&self) {
        let until = js_sys::Date::new(&(js_sys::Date::now() + 86_400_000.0).into());
        let until = String::from(until.to_iso_string());
        self.remember("backup-snoozed-until", &until);
        self.backup_snoozed_until.set(until);
    }

    fn remember(&self, name: &str, value: &str) {
        // Not being able to remember a preference is no reason to bother the user.
        let _ = self.store.try_update_value(|s| s.set_setting(name, value));
    }

    fn schedule(&self, delay: Duration) {
        let session = *self;
        let handle = set_timeout_with_handle(move || session.flush(), delay).ok();
        if let Some(old) = self
            .timer
            .try_update_value(|t| std::mem::replace(t, handle))
            .flatten()
        {
            old.clear();
        }
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
            return;
        }
        let mut unsaved = HashSet::new();
        let mut stale = Vec::new();
        let mut worst: Option<SaveError> = None;
        super::timing::measure("journey-mapper:save", || {
            self.library.with_untracked(|library| {
                self.store.update_value(|store| {
                    for id in dirty {
                        let result = match library.map(&id) {
                            Some(map) => store.save(map),
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
                    self.bytes_used.set(store.bytes_used());
                })
            })
        });
        self.dirty.update_value(|d| d.extend(unsaved));
        let state = match worst {
            None => SaveState::Saved,
            Some(SaveError::Stale | SaveError::Blocked) => SaveState::Blocked,
            Some(SaveError::NewerApp) => SaveState::NewerApp,
            Some(SaveError::Quota) => SaveState::Full,
            Some(SaveError::Failed(message)) => SaveState::Failed(message),
        };
        if matches!(state, SaveState::Full | SaveState::Failed(_)) {
            self.schedule(RETRY_DELAY);
        }
        self.save_state.set(state);
        for id in stale {
            self.dirty.update_value(|d| {
                d.insert(id.clone());
            });
            self.sync(&id);
        }
    }

    /// Catches up with what another tab stored for map `id`. Without unsaved changes here the
    /// stored version simply replaces this tab's; with them, it still does (the later save
    /// wins), and this tab's version is kept as a copy that the user is told about.
    pub fn sync(&self, id: &str) {
        let Some(external) = self
            .store
            .try_update_value(|s| s.read_external(id))
            .flatten()
        else {
            return;
        };
        let unsaved = self.dirty.with_value(|d| d.contains(id));
        match external {
            External::Changed { rev, map } => {
                let lang = self.lang.get_untracked();
                let mut kept = None;
                self.library.update(|library| {
                    if unsaved {
                        if let Some(mine) = library.map(id).cloned() {
                            let copy = kept_copy(mine, library, lang);
                            kept = Some((copy.id.clone(), copy.title.clone()));
                            library.maps.insert(0, copy);
                        }
                    }
                    match library.map_mut(id) {
                        Some(slot) => *slot = map,
                        None => library.maps.insert(0, map),
                    }
                });
                self.store.update_value(|s| s.adopt(id, Some(rev)));
                self.dirty.update_value(|d| {
                    d.remove(id);
                    d.extend(kept.iter().map(|(copy, _)| copy.clone()));
                });
                if let Some((_, title)) = kept {
                    self.kept_copies.update(|k| k.push(title));
                    self.schedule(SAVE_DELAY);
                }
                self.forget_history();
            }
            // Deleted elsewhere: unsaved work here is kept; the save already pending for it
            // (debounced or retried) writes it back.
            External::Removed if unsaved => self.store.update_value(|s| s.adopt(id, None)),
            External::Removed => {
                self.library.update(|l| l.maps.retain(|m| m.id != id));
                self.store.update_value(|s| s.adopt(id, None));
                self.forget_history();
            }
            External::Newer => self.report.update(|r| r.newer += 1),
            External::Unreadable => {}
        }
    }

    /// Catches up with everything other tabs changed while this one was not looking.
    pub fn sync_all(&self) {
        for id in self.store.with_value(Store::outdated) {
            self.sync(&id);
        }
    }

    /// After maps changed under it, undo would replay steps onto a different map.
    fn forget_history(&self) {
        self.history.update_value(History::clear);
        self.can_undo.set(false);
        self.can_redo.set(false);
        self.deleted.set(None);
        self.parts
            .with_value(|parts| parts.values().for_each(ArcTrigger::notify));
    }

    /// Drops a set-aside entry the user has chosen to discard.
    pub fn discard(&self, key: &str) {
        let done = self
            .store
            .try_update_value(|s| s.discard(key).is_ok())
            .unwrap_or(false);
        if done {
            self.report.update(|r| r.set_aside.retain(|e| e.key != key));
            self.bytes_used
                .set(self.store.with_value(Store::bytes_used));
        }
    }
}
