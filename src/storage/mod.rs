//! Storage: the only code that touches localStorage.
//!
//! Each map is one entry under `journey-mapper/map/<id>` carrying a revision number, so a tab
//! holding a stale copy never writes over a newer one. Entries that cannot be read are moved
//! aside under `journey-mapper/aside/…` with their text unchanged, never overwritten or deleted
//! unless the user asks. A [`Store`] exists only once everything stored has been read, so
//! nothing can be written before that.

mod backend;
pub mod entry;
pub mod index;
mod persist;
mod versions;

pub use backend::{Backend, BackendError, Browser, Memory};
pub use persist::request_persistence;

use crate::model::{Id, JourneyMap, Library, MapSummary};
use entry::Decoded;
use std::collections::{HashMap, HashSet};

const MAP_PREFIX: &str = "journey-mapper/map/";
const ASIDE_PREFIX: &str = "journey-mapper/aside/";
const SETTING_PREFIX: &str = "journey-mapper/setting/";
/// A mark that the user deleted a map: other tabs holding it then delete it too, where a map
/// gone without one (site data cleared, the browser making room) is written back by them.
const DELETED_PREFIX: &str = "journey-mapper/deleted/";
/// The newest version of the app that has run in this browser. A tab running an older one stops
/// writing: a newer release may store things its code does not know how to keep.
const APP_KEY: &str = "journey-mapper/app";
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Whether release `theirs` is newer than `ours` (both `major.minor.patch`, compared as
/// numbers); an unreadable version is never newer.
fn is_newer(theirs: &str, ours: &str) -> bool {
    fn parts(v: &str) -> Option<(u64, u64, u64)> {
        let mut it = v.trim().split('.').map(|p| p.parse().ok());
        let version = (it.next()??, it.next()??, it.next()??);
        it.next().is_none().then_some(version)
    }
    parts(theirs)
        .zip(parts(ours))
        .is_some_and(|(theirs, ours)| theirs > ours)
}

fn is_newer_app(stored: &str) -> bool {
    is_newer(stored, APP_VERSION)
}

/// Whether the mark of a newer release of the app is stored.
fn newer_app_in(backend: &dyn Backend) -> bool {
    backend
        .get(APP_KEY)
        .ok()
        .flatten()
        .is_some_and(|stored| is_newer_app(&stored))
}

/// Whether a storage key is the app version marker, which other tabs' releases write.
pub fn is_app_key(key: &str) -> bool {
    key == APP_KEY
}

fn map_key(id: &str) -> String {
    format!("{MAP_PREFIX}{id}")
}

fn deleted_key(id: &str) -> String {
    format!("{DELETED_PREFIX}{id}")
}

/// The map a storage key holds, for telling which map another tab changed.
pub fn map_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(MAP_PREFIX)
}

/// Stored text that could not be read, kept exactly as it was found.
#[derive(Clone, Debug, PartialEq)]
pub struct SetAside {
    pub key: String,
    pub raw: String,
}

impl SetAside {
    /// The id of the map the text was stored for, and when it was set aside (the `stamp` given
    /// to [`Store::open`]); no time for text that could not be moved.
    pub fn origin(&self) -> (&str, Option<u64>) {
        match self
            .key
            .strip_prefix(ASIDE_PREFIX)
            .and_then(|rest| rest.split_once('/'))
        {
            Some((stamp, id)) => (id, stamp.parse().ok()),
            None => (self.key.strip_prefix(MAP_PREFIX).unwrap_or(&self.key), None),
        }
    }
}

/// What opening the store found besides the maps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpenReport {
    /// Entries set aside by this or an earlier start, oldest first.
    pub set_aside: Vec<SetAside>,
    /// Why entries were set aside on this start, in plain technical words.
    pub reasons: Vec<String>,
    /// Maps written by a newer version of the app, left untouched.
    pub newer: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// The browser's storage is full; nothing was written.
    Quota,
    /// Another tab stored a newer revision (or something unreadable) of this map; nothing was written.
    Stale,
    /// This map's entry belongs to a newer version of the app or could not be set aside.
    Blocked,
    /// A newer release of the app has run in this browser: this tab writes nothing more.
    NewerApp,
    Failed(String),
}

impl From<BackendError> for SaveError {
    fn from(e: BackendError) -> Self {
        match e {
            BackendError::Quota => SaveError::Quota,
            BackendError::Other(message) => SaveError::Failed(message),
        }
    }
}

/// What another tab (or window) has stored for a map since this tab last read or wrote it.
#[derive(Clone, Debug, PartialEq)]
pub enum External {
    Changed {
        rev: u64,
        map: JourneyMap,
    },
    /// Stored over this tab's save of the same revision, by a tab saving at the same moment.
    Overwritten {
        rev: u64,
        map: JourneyMap,
    },
    /// The user deleted it (in another tab).
    Removed,
    /// Gone without being deleted: the site's data was cleared, or the browser made room.
    Vanished,
    /// Written by a newer version of the app: this tab stops writing that map.
    Newer,
    /// Unreadable: set aside as at the start (`why` in plain technical words), so that this
    /// tab's map can be written in its place.
    SetAside {
        entry: SetAside,
        why: String,
    },
}

pub struct Store {
    backend: Box<dyn Backend>,
    /// The revision of each map as this tab last read or wrote it.
    revs: HashMap<Id, u64>,
    /// Keys this tab must never write.
    blocked: HashSet<String>,
    /// Size of each of our entries, in UTF-16 code units as browsers count their quota.
    sizes: HashMap<String, usize>,
    /// A newer release has run here since; once true, stays true.
    newer_app: bool,
    /// Maps known to have been deleted: saving one again takes its mark away.
    deleted: HashSet<Id>,
    /// This tab, as its entries name it: when another tab saved the same revision of a map at
    /// the same moment, the entry says whose save is stored.
    tab: u64,
    /// Maps whose revision this tab holds because it wrote it.
    written: HashSet<Id>,
    /// (map, day) pairs whose day's version this tab has seen to.
    daily: HashSet<(Id, String)>,
    /// Maps as they were stored before their first save of the day, until kept as versions.
    held: Vec<versions::Held>,
    /// Each saved map's phases as last encoded, so that a save encodes only what changed.
    encoded: HashMap<Id, entry::Encoded>,
}

/// What a browser lets one site keep in localStorage, in bytes of UTF-16: Chromium stops at
/// 10 MiB (5,241,856 characters were measured to fit), Firefox at as many characters.
pub const QUOTA_BYTES: usize = 10 * 1024 * 1024;

/// A map that does not fit in what is left of the browser's storage: what it needs and what is
/// free, in bytes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NoRoom {
    pub needed: usize,
    pub free: usize,
}

/// Bytes a map whose exchange text is `text` takes once stored: its entry holds the same JSON
/// arranged by phase (within a tenth of it), and the library's index and settings grow beside
/// it. Counted on the text alone, a map that fitted by a few hundred bytes was found not to.
fn bytes_needed(text: &str) -> usize {
    let text = 2 * units("", text);
    text + text / 10 + 8 * 1024
}

fn units(key: &str, value: &str) -> usize {
    // Counting a megabyte of mostly ASCII one character at a time showed in profiles of saving.
    let count = |s: &str| {
        if s.is_ascii() {
            s.len()
        } else {
            s.encode_utf16().count()
        }
    };
    count(key) + count(value)
}

impl Store {
    /// Reads everything stored. Unreadable entries are moved aside; `stamp` (for example the
    /// current time in milliseconds) keeps their new keys apart from earlier ones, and names
    /// this tab in the entries it writes.
    pub fn open(
        backend: Box<dyn Backend>,
        stamp: u64,
    ) -> Result<(Store, Library, OpenReport), BackendError> {
        Store::open_with(backend, stamp, entry::STEPS)
    }

    /// [`Store::open`] with the entries' migration `steps` given (tests give their own). An
    /// entry that needs migrating is kept as a version first, then written back migrated, so
    /// it is migrated once.
    fn open_with(
        backend: Box<dyn Backend>,
        stamp: u64,
        steps: &[entry::Step],
    ) -> Result<(Store, Library, OpenReport), BackendError> {
        let mut keys = backend.keys()?;
        keys.sort();
        let mut store = Store {
            backend,
            revs: HashMap::new(),
            blocked: HashSet::new(),
            sizes: HashMap::new(),
            newer_app: false,
            deleted: HashSet::new(),
            tab: stamp,
            written: HashSet::new(),
            daily: HashSet::new(),
            held: Vec::new(),
            encoded: HashMap::new(),
        };
        let mut maps = Vec::new();
        let mut report = OpenReport::default();
        for key in keys {
            let Some(raw) = store.backend.get(&key)? else {
                continue;
            };
            if let Some(id) = key.strip_prefix(DELETED_PREFIX) {
                store.deleted.insert(id.to_owned());
                continue;
            }
            if versions::map_of(&key).is_some() {
                store.sizes.insert(key.clone(), units(&key, &raw));
                continue;
            }
            if key.starts_with(ASIDE_PREFIX) {
                store.sizes.insert(key.clone(), units(&key, &raw));
                report.set_aside.push(SetAside { key, raw });
                continue;
            }
            let Some(id) = key.strip_prefix(MAP_PREFIX) else {
                continue;
            };
            match entry::decode_with(&raw, id, steps) {
                Decoded::Map { rev, map, tab } => {
                    store.revs.insert(map.id.clone(), rev);
                    store
                        .sizes
                        .insert(key.clone(), units(map_key(&map.id).as_str(), &raw));
                    if let Some(file) = entry::before_migration(&raw, steps) {
                        let migrated = entry::encode_as(rev, tab, &map, steps);
                        store.migrate(&key, &map.id, &file, &migrated, stamp);
                    }
                    maps.push(map);
                }
                Decoded::Newer => {
                    report.newer += 1;
                    store.blocked.insert(key);
                }
                Decoded::Corrupt(reason) => {
                    report.reasons.push(format!("{key}: {reason}"));
                    let id = id.to_owned();
                    let aside = store.set_aside(key, &id, raw, stamp);
                    // Already listed where another tab had set the same text aside.
                    if !report.set_aside.contains(&aside) {
                        report.set_aside.push(aside);
                    }
                }
            }
        }
        // A deletion from an earlier visit is past undoing: its map's versions go with it
        // (unless the map is back: a tab with unsaved work stored it again).
        let gone: Vec<String> = store
            .sizes
            .keys()
            .filter(|key| {
                versions::map_of(key)
                    .is_some_and(|id| store.deleted.contains(id) && !store.revs.contains_key(id))
            })
            .cloned()
            .collect();
        for key in gone {
            let _ = store.delete_version(&key);
        }
        match store.backend.get(APP_KEY).ok().flatten() {
            Some(stored) if is_newer_app(&stored) => store.newer_app = true,
            Some(stored) if stored == APP_VERSION => {}
            // Not being able to leave the mark only means an older tab is not warned.
            _ => drop(store.backend.set(APP_KEY, APP_VERSION)),
        }
        maps.sort_by(|a, b| index::newest_first(&a.updated_at, &a.id, &b.updated_at, &b.id));
        let listed: Vec<MapSummary> = maps.iter().map(MapSummary::of).collect();
        match store.backend.get(index::KEY).ok().flatten() {
            Some(text) if index::decode(&text).as_ref() == Some(&listed) || store.newer_app => {
                store
                    .sizes
                    .insert(index::KEY.into(), units(index::KEY, &text));
            }
            _ if !store.newer_app => store.write_index(&listed),
            _ => {}
        }
        Ok((store, Library { maps }, report))
    }

    /// Moves the unreadable text `raw`, stored under `key` for map `id`, aside under a key of
    /// its own named for `stamp`, where nothing but the user's choice ever removes it. Copied
    /// first: the original goes only once its text is safe elsewhere; if it cannot go, it stays
    /// where it is and is never written.
    fn set_aside(&mut self, key: String, id: &str, raw: String, stamp: u64) -> SetAside {
        if let Some(aside) = self.aside_copy(id, &raw) {
            // Another tab set this very text aside a moment ago: one copy is enough.
            if self.backend.remove(&key).is_err() {
                self.blocked.insert(key.clone());
            }
            self.sizes.remove(&key);
            self.sizes.insert(aside.clone(), units(&aside, &raw));
            return SetAside { key: aside, raw };
        }
        // A later stamp where this map's text was already set aside at the same time.
        let aside = (stamp..)
            .map(|stamp| format!("{ASIDE_PREFIX}{stamp}/{id}"))
            .find(|aside| !matches!(self.backend.get_start(aside, 1), Ok(Some(_))))
            .expect("some stamp is free");
        if self.backend.set(&aside, &raw).is_ok() {
            if self.backend.remove(&key).is_err() {
                self.blocked.insert(key.clone());
            }
            self.sizes.remove(&key);
            self.sizes.insert(aside.clone(), units(&aside, &raw));
            SetAside { key: aside, raw }
        } else {
            self.sizes.insert(key.clone(), units(&key, &raw));
            self.blocked.insert(key.clone());
            SetAside { key, raw }
        }
    }

    /// The key under which `raw`, stored for map `id`, is already set aside.
    fn aside_copy(&self, id: &str, raw: &str) -> Option<String> {
        let of_this_map = |key: &String| {
            key.strip_prefix(ASIDE_PREFIX)
                .and_then(|rest| rest.split_once('/'))
                .is_some_and(|(_, of)| of == id)
        };
        self.backend
            .keys()
            .ok()?
            .into_iter()
            .filter(of_this_map)
            .find(|key| matches!(self.backend.get(key), Ok(Some(text)) if text == raw))
    }

    /// Whether a newer release of the app has run in this browser since this tab opened the
    /// store (read afresh each time until it has). Such a tab writes nothing more.
    pub fn newer_app(&mut self) -> bool {
        self.newer_app = self.newer_app || newer_app_in(&*self.backend);
        self.newer_app
    }

    /// Refuses to touch map `id` when what is stored is newer than (or not) what this tab read.
    fn check_fresh(&mut self, id: &str, key: &str) -> Result<(), SaveError> {
        if self.newer_app() {
            return Err(SaveError::NewerApp);
        }
        if self.blocked.contains(key) {
            return Err(SaveError::Blocked);
        }
        let ours = self.revs.get(id).copied().unwrap_or(0);
        let Some(start) = self.backend.get_start(key, entry::REVISION_UNITS)? else {
            return Ok(());
        };
        let stored = match entry::revision(&start) {
            Some(rev) => Some(rev),
            // Not the start of an entry as this app writes them: the whole text decides.
            None => match self.backend.get(key)? {
                Some(text) => entry::revision(&text),
                None => return Ok(()),
            },
        };
        // Unreadable text counts as newer: it is never overwritten.
        if stored.is_none_or(|rev| rev > ours) {
            Err(SaveError::Stale)
        } else {
            Ok(())
        }
    }

    /// Writes `map` unless the stored copy is newer than the one this tab read.
    pub fn save(&mut self, map: &JourneyMap) -> Result<(), SaveError> {
        let key = map_key(&map.id);
        self.check_fresh(&map.id, &key)?;
        let rev = self.revs.get(&map.id).copied().unwrap_or(0) + 1;
        let tab = Some(self.tab);
        let text = self.encoder(&map.id).encode(rev, tab, map);
        // The map before its automatic versions: they make room for it, oldest first.
        loop {
            match self.backend.set(&key, &text) {
                Ok(()) => break,
                Err(BackendError::Quota) if self.prune_oldest_automatic() => {}
                Err(e) => return Err(e.into()),
            }
        }
        self.revs.insert(map.id.clone(), rev);
        self.written.insert(map.id.clone());
        self.sizes.insert(key.clone(), units(&key, &text));
        // Back after a deletion (undone, or kept by a tab with unsaved work): no longer deleted.
        if self.deleted.remove(&map.id) {
            let _ = self.backend.remove(&deleted_key(&map.id));
        }
        self.update_index(|maps| index::put(maps, MapSummary::of(map)));
        Ok(())
    }

    /// Changes the index as stored (other tabs' saves included) with `change`.
    fn update_index(&mut self, change: impl FnOnce(&mut Vec<MapSummary>)) {
        let stored = self.backend.get(index::KEY).ok().flatten();
        // None readable (its text cleared on its own): the next start lists every map again.
        let mut maps = stored
            .as_deref()
            .and_then(index::decode)
            .unwrap_or_default();
        change(&mut maps);
        self.write_index(&maps);
    }

    /// Best effort: the map is stored either way, and where the index cannot be written (no
    /// room), the first screen lists what it last said until the maps themselves are read.
    fn write_index(&mut self, maps: &[MapSummary]) {
        let text = index::encode(maps);
        if self.backend.set(index::KEY, &text).is_ok() {
            self.sizes
                .insert(index::KEY.into(), units(index::KEY, &text));
        }
    }

    /// Encodes `map` ahead of its next save, so that the save encodes only what changed by then:
    /// for when there is time, such as a map just opened once the page is idle.
    pub fn get_ready_to_save(&mut self, map: &JourneyMap) {
        self.encoder(&map.id).encode(0, None, map);
    }

    fn encoder(&mut self, id: &str) -> &mut entry::Encoded {
        self.encoded.entry(id.to_owned()).or_default()
    }

    /// Removes the map's entry, unless another tab stored a newer version of it since.
    pub fn delete(&mut self, id: &str) -> Result<(), SaveError> {
        let key = map_key(id);
        self.check_fresh(id, &key)?;
        // The mark first, so that no tab ever sees the map gone without it. Without room for
        // the mark the map is still deleted here; a tab holding it would then write it back.
        if self.backend.set(&deleted_key(id), "").is_ok() {
            self.deleted.insert(id.to_owned());
        }
        self.backend.remove(&key)?;
        self.encoded.remove(id);
        self.revs.remove(id);
        self.written.remove(id);
        self.sizes.remove(&key);
        self.update_index(|maps| maps.retain(|m| m.id != id));
        Ok(())
    }

    /// What is stored for map `id` if another tab changed it since this tab last read or wrote
    /// it; `None` when nothing changed.
    /// Unreadable text found is set aside with `now` (for example the time in milliseconds) in
    /// its key.
    pub fn read_external(&mut self, id: &str, now: u64) -> Option<External> {
        let key = map_key(id);
        // A key this tab will never write (a newer app's map, or unreadable text it could not
        // move aside) has nothing new to tell it, however often it is asked.
        if self.blocked.contains(&key) {
            return None;
        }
        let ours = self.revs.get(id).copied();
        let external = match self.backend.get(&key).ok()? {
            None => {
                ours?;
                if self.backend.get(&deleted_key(id)).ok()?.is_some() {
                    self.deleted.insert(id.to_owned());
                    External::Removed
                } else {
                    External::Vanished
                }
            }
            Some(text) => match entry::decode(&text, id) {
                Decoded::Map { rev, map, .. } if ours.is_none_or(|ours| rev > ours) => {
                    External::Changed { rev, map }
                }
                // Another tab saved the same revision as this one at the same moment, after it:
                // this tab's save is no longer stored.
                Decoded::Map { rev, map, tab }
                    if Some(rev) == ours
                        && self.written.contains(id)
                        && tab.is_some_and(|tab| tab != self.tab) =>
                {
                    External::Overwritten { rev, map }
                }
                Decoded::Map { .. } => return None,
                Decoded::Newer => {
                    self.blocked.insert(key);
                    External::Newer
                }
                Decoded::Corrupt(reason) => {
                    let why = format!("{key}: {reason}");
                    let entry = self.set_aside(key, id, text, now);
                    External::SetAside { entry, why }
                }
            },
        };
        Some(external)
    }

    /// Takes `rev` as the revision this tab now holds of map `id` (after adopting it), or
    /// forgets the map when it was removed elsewhere.
    pub fn adopt(&mut self, id: &str, rev: Option<u64>) {
        self.written.remove(id);
        match rev {
            Some(rev) => self.revs.insert(id.to_owned(), rev),
            None => {
                self.encoded.remove(id);
                self.revs.remove(id)
            }
        };
    }

    /// Maps whose stored revision is not the one this tab holds: what changed while it was away.
    pub fn outdated(&self) -> Vec<Id> {
        let Ok(keys) = self.backend.keys() else {
            return Vec::new();
        };
        let stored: HashSet<&str> = keys
            .iter()
            .filter_map(|k| k.strip_prefix(MAP_PREFIX))
            .collect();
        let changed = stored
            .iter()
            .filter(|id| !self.blocked.contains(&map_key(id)))
            .filter(|id| {
                let rev = self
                    .backend
                    .get(&map_key(id))
                    .ok()
                    .flatten()
                    .and_then(|t| entry::revision(&t));
                rev != self.revs.get(**id).copied()
            });
        let removed = self
            .revs
            .keys()
            .map(String::as_str)
            .filter(|id| !stored.contains(id));
        changed.copied().chain(removed).map(String::from).collect()
    }

    /// Drops set-aside data, once the user has chosen to.
    pub fn discard(&mut self, aside_key: &str) -> Result<(), SaveError> {
        if !aside_key.starts_with(ASIDE_PREFIX) {
            return Err(SaveError::Blocked);
        }
        if self.newer_app() {
            return Err(SaveError::NewerApp);
        }
        self.backend.remove(aside_key)?;
        self.sizes.remove(aside_key);
        Ok(())
    }

    pub fn is_persistent(&self) -> bool {
        self.backend.is_persistent()
    }

    /// Bytes this app's entries take, counted as browsers count localStorage (two per UTF-16 unit).
    pub fn bytes_used(&self) -> usize {
        2 * self.sizes.values().sum::<usize>()
    }

    /// Whether a map whose exchange text is `text` can fit beside what is stored (this app's
    /// and any other's on the site), as far as [`QUOTA_BYTES`] tells: a map that cannot is said
    /// at once, with the figures measured here, before the seconds that reading and writing one
    /// of several megabytes take only to find the store full.
    pub fn room_for(&self, text: &str) -> Result<(), NoRoom> {
        if !self.is_persistent() {
            return Ok(());
        }
        let (needed, free) = (bytes_needed(text), self.bytes_free());
        if needed <= free {
            Ok(())
        } else {
            Err(NoRoom { needed, free })
        }
    }

    /// Bytes the browser's storage has left for the site, as [`QUOTA_BYTES`] tells.
    fn bytes_free(&self) -> usize {
        let used = self
            .backend
            .units_used()
            .map_or(self.bytes_used(), |u| 2 * u);
        QUOTA_BYTES.saturating_sub(used)
    }
}

/// The user's preferences, read and written apart from the maps: the first screen needs them
/// (its language) long before the store has read every map.
pub struct Preferences {
    backend: Box<dyn Backend>,
    /// As [`Store::newer_app`]: once true, stays true.
    newer_app: bool,
}

impl Preferences {
    pub fn open(backend: Box<dyn Backend>) -> Self {
        Preferences {
            backend,
            newer_app: false,
        }
    }

    /// A preference such as the interface language; `None` when never set or unreadable.
    pub fn get(&self, setting: Setting) -> Option<String> {
        self.backend.get(&setting.key()).ok().flatten()
    }

    pub fn set(&mut self, setting: Setting, value: &str) -> Result<(), SaveError> {
        self.newer_app = self.newer_app || newer_app_in(&*self.backend);
        if self.newer_app {
            return Err(SaveError::NewerApp);
        }
        Ok(self.backend.set(&setting.key(), value)?)
    }

    /// What the index says the stored maps are, most recently edited first; `None` where it
    /// cannot say (written by another release, or none written yet beside stored maps).
    pub fn listed_maps(&self) -> Option<Vec<MapSummary>> {
        let written = self.backend.get(index::KEY).ok()?;
        let keys = self.backend.keys().ok()?;
        let stored = keys.iter().filter(|k| k.starts_with(MAP_PREFIX)).count();
        match written {
            // Damaged between visits, it may list maps that are not there (a million of them):
            // read only where it lists no more than are stored.
            Some(text) => (index::listed(&text) <= stored).then(|| index::decode(&text))?,
            // A first visit: no map stored, so none to list.
            None => (stored == 0).then(Vec::new),
        }
    }
}

/// The preferences this app remembers, each under its own key.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Setting {
    /// The interface language, as a language code.
    Language,
    /// The larger-type view for projectors: `on` or `off`.
    LargeType,
    /// The map scaled to fit the window: `on` or `off`.
    FitToScreen,
    /// When each map was last exported as JSON: map id → RFC 3339 time, as JSON.
    Exported,
    /// The backup reminder stays away until this RFC 3339 time.
    BackupSnoozedUntil,
    /// This browser's random mark in its ballots' ids, so that a reload votes on the same
    /// ballot.
    Voter,
    /// The name this browser's comments are signed with.
    Writer,
    /// The live session this browser is in, as JSON, so that a reload joins it again; empty
    /// when in none.
    Live,
}

impl Setting {
    fn key(self) -> String {
        let name = match self {
            Setting::Language => "language",
            Setting::LargeType => "large-type",
            Setting::FitToScreen => "fit-to-screen",
            Setting::Exported => "exported",
            Setting::BackupSnoozedUntil => "backup-snoozed-until",
            Setting::Voter => "voter",
            Setting::Writer => "writer",
            Setting::Live => "live",
        };
        format!("{SETTING_PREFIX}{name}")
    }
}

#[cfg(test)]
mod tests;
